// A cluster's page: facts and parties, the edit form where the token allows it, the secretariat's status actions.
import * as auth from './auth.js';
import {membership} from './api.js';
import {h, say, fail, show, rememberName, words, PARTY_ROLES} from './ui.js';

// ---- One cluster -----------------------------------------------------------------------------------------------

export async function cluster(id) {
  const [c, parties] = await Promise.all([membership.cluster(id), membership.parties(id).catch(() => ({items: []}))]);
  rememberName(id, c.name);
  const r = auth.role();
  const list = parties.items || parties;
  const facts = h('dl', {class: 'facts', id: 'cluster-facts'},
    h('dt', {}, 'Status'), h('dd', {}, c.status), h('dt', {}, 'Country'), h('dd', {}, c.country),
    h('dt', {}, 'Type'), h('dd', {}, c.type), h('dt', {}, 'Sectors'), h('dd', {}, (c.sectors || []).join(', ') || '–'));
  const edit = () => {
    const name = h('input', {type: 'text', id: 'cluster-name', value: c.name, required: true});
    const sectors = h('input', {type: 'text', id: 'cluster-sectors', value: (c.sectors || []).join(', '), 'aria-describedby': 'sectors-help'});
    const form = h('form', {class: 'panel', id: 'cluster-form', onsubmit: async (e) => {
      e.preventDefault();
      try {
        const after = await membership.updateCluster(id, c.version, {name: name.value, country: c.country, worldRegion: c.worldRegion,
          type: c.type, subnationalRegion: c.subnationalRegion, slug: c.slug, coordinatorOrganizationId: c.coordinatorOrganizationId,
          location: c.location, sectors: sectors.value.split(',').map(s => s.trim()).filter(Boolean)});
        await cluster(id);
        say(`Saved: ${after.name} (version ${after.version}).`);
      } catch (err) { fail(err); }
    }},
    h('h2', {}, 'Edit the cluster'),
    h('div', {class: 'form-grid'},
      h('div', {class: 'field'}, h('label', {for: 'cluster-name'}, 'Name'), name),
      h('div', {class: 'field'}, h('label', {for: 'cluster-sectors'}, 'Sectors'), sectors,
        h('p', {class: 'help', id: 'sectors-help'}, 'Separated by commas.'))),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'button-primary'}, 'Save'),
      h('button', {type: 'button', onclick: () => cluster(id)}, 'Cancel')));
    document.querySelector('#view').replaceChildren(document.querySelector('#view-title'), form);
    name.focus();
  };
  show(c.name,
    h('p', {}, h('a', {href: `../dashboard/#/clusters/${id}`}, 'Figures on the dashboard')),
    facts,
    r.canEditCluster(id) ? h('div', {class: 'actions'}, h('button', {type: 'button', id: 'edit-cluster', onclick: edit}, 'Edit cluster')) : null,
    r.secretariat ? membershipActions(c, () => cluster(id)) : null,
    h('section', {class: 'panel', 'aria-labelledby': 'parties-heading'}, h('h2', {id: 'parties-heading'}, 'Parties'),
      list.length ? h('ul', {id: 'party-list'}, list.map(p => h('li', {}, `${p.organizationName || p.organizationId} — ${words(p.role)}`,
        r.canEditCluster(id) ? [' ', h('button', {type: 'button', 'aria-label': `End ${p.organizationName}'s membership of the cluster`,
          onclick: async () => {
            try { await membership.endParty(id, p.id); await cluster(id); say(`Ended: ${p.organizationName} is no longer a party of ${c.name}.`); } catch (e) { fail(e); }
          }}, 'End')] : null)))
        : h('p', {class: 'empty'}, 'No party yet.'),
      r.canEditCluster(id) ? await partyForm(c, () => cluster(id)) : null));
}

/** The secretariat's status actions on a member cluster: suspend, reinstate, withdraw — each with its reason. */
function membershipActions(c, reload) {
  const open = {SIGNATORY: ['suspend', 'withdraw'], SUSPENDED: ['reinstate', 'withdraw']}[c.status] || [];
  if (!open.length) return null;
  const reason = h('textarea', {id: 'status-reason', rows: 2});
  const effective = h('input', {type: 'date', id: 'status-date'});
  const labels = {suspend: 'Suspend', reinstate: 'Reinstate', withdraw: 'Withdraw from the initiative'};
  return h('section', {class: 'panel', 'aria-labelledby': 'membership-heading'}, h('h2', {id: 'membership-heading'}, 'Membership'),
    h('div', {class: 'form-grid'},
      h('div', {class: 'field'}, h('label', {for: 'status-reason'}, 'Reason (required)'), reason),
      h('div', {class: 'field'}, h('label', {for: 'status-date'}, 'Effective date (optional)'), effective)),
    h('div', {class: 'actions'}, open.map(action => h('button', {type: 'button', class: action === 'reinstate' ? 'button-primary' : 'button-danger',
      onclick: async () => {
        try {
          const after = await membership.clusterStatus(c.id, action, c.version, {reason: reason.value.trim(), effectiveDate: effective.value || undefined});
          await reload();
          say(`${labels[action]}: ${after.name} is now ${after.status.toLowerCase()}.`);
        } catch (e) { fail(e); }
      }}, labels[action]))));
}


/** Add an organization as a party of the cluster, with its role. */
async function partyForm(c, reload) {
  const orgs = (await membership.organizations({size: 200, sort: 'name'})).items;
  const org = h('select', {id: 'party-org'}, orgs.map(o => h('option', {value: o.id}, o.name)));
  const role = h('select', {id: 'party-role'}, PARTY_ROLES.map(v => h('option', {value: v}, words(v))));
  return h('form', {id: 'party-form', onsubmit: async (e) => {
    e.preventDefault();
    try {
      const p = await membership.addParty(c.id, {organizationId: org.value, role: role.value});
      await reload();
      say(`Added: ${p.organizationName} is a party of ${c.name} (${words(p.role)}).`);
    } catch (err) { fail(err); }
  }},
  h('h3', {}, 'Add a party'),
  h('div', {class: 'form-grid'}, h('div', {class: 'field'}, h('label', {for: 'party-org'}, 'Organization'), org),
    h('div', {class: 'field'}, h('label', {for: 'party-role'}, 'Role'), role)),
  h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Add the party')));
}
