// The secretariat's screens: merges (pick the predecessors, see the lineage before confirming), national policy
// adoptions, and partner organizations' API clients (the secret shown once; rotate, revoke).
import {membership} from './api.js';
import {h, say, fail, show, fmtDate, words, field} from './ui.js';

// ---- Merges ----------------------------------------------------------------------------------------------------

export async function merges() {
  const members = [...(await membership.clusters({size: 200, status: 'SIGNATORY', sort: 'name'})).items,
    ...(await membership.clusters({size: 200, status: 'SUSPENDED', sort: 'name'})).items];
  const boxes = h('ul', {class: 'checklist', id: 'merge-predecessors'}, members.map(c => h('li', {},
    h('input', {type: 'checkbox', id: `pred-${c.id}`, value: c.id}), ' ',
    h('label', {for: `pred-${c.id}`}, `${c.name} (${c.country}, ${words(c.status)})`))));
  const successor = h('select', {id: 'merge-successor'}, h('option', {value: ''}, 'A new cluster (below)'),
    members.map(c => h('option', {value: c.id}, c.name)));
  const newName = h('input', {type: 'text', id: 'merge-new-name'});
  const newCountry = h('input', {type: 'text', id: 'merge-new-country', maxlength: '2', 'aria-describedby': 'merge-new-country-help'});
  const date = h('input', {type: 'date', id: 'merge-date'});
  const reason = h('textarea', {id: 'merge-reason', rows: 2});
  const lineage = h('div', {id: 'merge-lineage', 'aria-live': 'polite'});
  const request = () => {
    const predecessorIds = [...boxes.querySelectorAll('input:checked')].map(b => b.value);
    const first = members.find(c => c.id === predecessorIds[0]);
    return {predecessorIds, successorClusterId: successor.value || undefined, effectiveDate: date.value || undefined,
      reason: reason.value || undefined,
      newCluster: successor.value ? undefined : {name: newName.value, country: newCountry.value.toUpperCase() || first?.country,
        worldRegion: first?.worldRegion, type: first?.type, sectors: [...new Set(members.filter(c => predecessorIds.includes(c.id))
          .flatMap(c => c.sectors || []))]}};
  };
  const preview = () => {
    const r = request();
    if (r.predecessorIds.length < 1 || (r.successorClusterId && r.predecessorIds.includes(r.successorClusterId) && r.predecessorIds.length < 2)) {
      fail(new Error('Pick the clusters that merge (and a successor that is not the only one of them).'));
      return;
    }
    const names = r.predecessorIds.map(id => members.find(c => c.id === id)?.name);
    const into = r.successorClusterId ? members.find(c => c.id === r.successorClusterId)?.name : `${r.newCluster.name || '(unnamed)'} (new)`;
    lineage.replaceChildren(h('h2', {id: 'lineage-heading'}, 'The lineage, before you confirm'),
      h('p', {id: 'lineage-text'}, `${names.join(' + ')} → ${into}, from ${r.effectiveDate || 'today'}.`),
      h('ul', {}, names.filter(n => n !== into).map(n => h('li', {}, `${n} becomes merged: its figures pass to ${into}`)),
        h('li', {}, `${into} carries them in the initiative totals from that date; earlier dates keep the history as it was.`)),
      h('div', {class: 'actions'}, h('button', {type: 'button', class: 'button-primary', id: 'merge-confirm', onclick: async () => {
        try {
          const done = await membership.merge(r);
          say(`Merged: ${names.join(', ')} → ${done.successor.name} from ${done.effectiveDate}.`);
          lineage.replaceChildren(h('p', {class: 'notice'}, `Done. `, h('a', {href: `#/clusters/${done.successor.id}`}, `${done.successor.name}'s page`)));
        } catch (e) { fail(e); }
      }}, 'Confirm the merge')));
    lineage.querySelector('button').focus();
  };
  show('Merge clusters', h('form', {class: 'panel', onsubmit: (e) => { e.preventDefault(); preview(); }},
    h('fieldset', {}, h('legend', {}, 'The clusters that merge'), boxes),
    h('div', {class: 'form-grid'}, field('merge-successor', 'Into', successor),
      field('merge-new-name', 'New cluster: name', newName), field('merge-new-country', 'New cluster: country', newCountry,
        'ISO 3166 alpha-2; default: the first one’s'),
      field('merge-date', 'Effective date', date), field('merge-reason', 'Reason', reason)),
    h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Preview the lineage'))),
  h('section', {class: 'panel', 'aria-labelledby': 'lineage-heading'}, lineage));
}

// ---- Policy adoptions ------------------------------------------------------------------------------------------

export async function policies() {
  const list = h('div', {class: 'table-scroll', id: 'policy-list'});
  const load = async () => {
    const page = await membership.policies({size: 100, sort: '-adoptedOn'});
    list.replaceChildren(page.items.length ? h('table', {class: 'data-table'}, h('caption', {}, `${page.totalItems} adoption(s)`),
      h('thead', {}, h('tr', {}, ['Country', 'Title', 'Kind', 'Adopted on', 'By'].map(c => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, page.items.map(p => h('tr', {}, h('th', {scope: 'row'}, p.country),
        h('td', {}, p.sourceUrl ? h('a', {href: p.sourceUrl}, p.title) : p.title), h('td', {}, words(p.kind)),
        h('td', {}, p.adoptedOn), h('td', {}, p.governmentBody || '–'))))) : h('p', {class: 'empty'}, 'None recorded yet.'));
  };
  const input = (id, type = 'text', attrs = {}) => h('input', {type, id, ...attrs});
  const country = input('policy-country', 'text', {maxlength: '2', required: true});
  const title = input('policy-title', 'text', {required: true});
  const kind = h('select', {id: 'policy-kind'}, ['TIC_FRAMEWORK', 'NATIONAL_AGENDA', 'RELATED_POLICY'].map(k => h('option', {value: k}, words(k))));
  const adopted = input('policy-adopted', 'date', {required: true});
  const body = input('policy-body');
  const url = input('policy-url', 'url');
  show('National policy adoptions',
    h('form', {class: 'panel', id: 'policy-form', 'aria-labelledby': 'policy-form-heading', onsubmit: async (e) => {
      e.preventDefault();
      try {
        const p = await membership.adoptPolicy({country: country.value.toUpperCase(), title: title.value, kind: kind.value,
          adoptedOn: adopted.value, governmentBody: body.value || undefined, sourceUrl: url.value || undefined});
        say(`Recorded: ${p.country} adopted "${p.title}" (${words(p.kind)}) on ${p.adoptedOn}.`);
        await load();
      } catch (err) { fail(err); }
    }},
    h('h2', {id: 'policy-form-heading'}, 'Record an adoption'),
    h('div', {class: 'form-grid'}, field('policy-country', 'Country (ISO alpha-2)', country), field('policy-title', 'Title', title),
      field('policy-kind', 'Kind', kind), field('policy-adopted', 'Adopted on', adopted),
      field('policy-body', 'Government body', body), field('policy-url', 'Source URL', url)),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'button-primary'}, 'Record'))),
    h('section', {class: 'panel', 'aria-labelledby': 'policies-heading'}, h('h2', {id: 'policies-heading'}, 'Adoptions'), list));
  await load();
}

// ---- Partner API clients ---------------------------------------------------------------------------------------

export async function apiClients(params) {
  const orgs = (await membership.organizations({size: 200, sort: 'name'})).items;
  const chosen = params.get('organizationId') || orgs[0]?.id;
  const picker = h('select', {id: 'client-org', onchange: (e) => { location.hash = `#/api-clients?organizationId=${e.target.value}`; }},
    orgs.map(o => h('option', {value: o.id, selected: o.id === chosen}, o.name)));
  const list = h('div', {class: 'table-scroll', id: 'client-list'});
  const secret = h('div', {id: 'client-secret', 'aria-live': 'polite'});
  const showSecret = (c, what) => secret.replaceChildren(h('div', {class: 'notice'},
    h('p', {}, h('strong', {}, `${what}: copy the secret now, it is shown this once.`)),
    h('dl', {class: 'facts'}, h('dt', {}, 'Client id'), h('dd', {id: 'client-id-value'}, c.clientId),
      h('dt', {}, 'Client secret'), h('dd', {}, h('code', {id: 'client-secret-value'}, c.clientSecret)),
      h('dt', {}, 'Token URL'), h('dd', {}, c.tokenUrl || '–'))));
  const load = async () => {
    const page = await membership.apiClients(chosen);
    list.replaceChildren(page.items.length ? h('table', {class: 'data-table'}, h('caption', {}, `${page.totalItems} client(s)`),
      h('thead', {}, h('tr', {}, ['Name', 'Client id', 'Status', 'Created', 'Actions'].map(c => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, page.items.map(c => h('tr', {}, h('th', {scope: 'row'}, c.name), h('td', {}, h('code', {}, c.clientId)),
        h('td', {}, words(c.status)), h('td', {}, fmtDate(c.createdAt)),
        h('td', {}, c.status === 'ACTIVE' ? h('div', {class: 'actions'},
          h('button', {type: 'button', 'aria-label': `Rotate secret of ${c.name}`, onclick: async () => {
            try { const r = await membership.rotateApiClient(chosen, c.clientId); showSecret(r, `New secret of ${c.name}`); say(`Rotated: ${c.name}'s old secret no longer gets tokens.`); await load(); } catch (e) { fail(e); }
          }}, 'Rotate secret'),
          h('button', {type: 'button', class: 'button-danger', 'aria-label': `Revoke ${c.name}`, onclick: async () => {
            try { await membership.revokeApiClient(chosen, c.clientId); secret.replaceChildren(); say(`Revoked: ${c.name} gets no new token; tokens already issued expire within minutes.`); await load(); } catch (e) { fail(e); }
          }}, 'Revoke')) : '–'))))) : h('p', {class: 'empty'}, 'No API client yet.'));
  };
  const name = h('input', {type: 'text', id: 'client-name', required: true});
  const description = h('input', {type: 'text', id: 'client-description'});
  show('Partner API clients',
    h('form', {class: 'actions', onsubmit: (e) => e.preventDefault()}, h('label', {for: 'client-org'}, 'Organization'), picker),
    secret,
    h('form', {class: 'panel', id: 'client-form', 'aria-labelledby': 'client-form-heading', onsubmit: async (e) => {
      e.preventDefault();
      try {
        const c = await membership.registerApiClient(chosen, {name: name.value, description: description.value || undefined});
        showSecret(c, `Registered ${c.name}`);
        say(`Registered: ${c.name} for ${orgs.find(o => o.id === chosen)?.name}; tokens from the client-credentials grant.`);
        await load();
      } catch (err) { fail(err); }
    }},
    h('h2', {id: 'client-form-heading'}, 'Register a client'),
    h('div', {class: 'form-grid'}, field('client-name', 'Name', name), field('client-description', 'Description', description)),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'button-primary'}, 'Register'))),
    h('section', {class: 'panel', 'aria-labelledby': 'clients-heading'}, h('h2', {id: 'clients-heading'}, 'Clients'), list));
  if (chosen) await load();
}
