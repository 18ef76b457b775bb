// Applications: the inbox by status, one application with its eligibility and the caller's actions, and the
// application form (a draft saved as it is filled, checked live against the criteria).
import * as auth from './auth.js';
import {membership} from './api.js';
import {$, h, say, fail, show, fmtDate, clusterName, field, PARTY_ROLES} from './ui.js';

const CRITERIA = {
  SIGNED_STATEMENT: 'Signed statement of ambition',
  PARTIES: 'Parties',
  CO2E_POTENTIAL: 'CO2e reduction potential',
  JUST_TRANSITION: 'Just transition',
};

// ---- Inbox -----------------------------------------------------------------------------------------------------

export async function inbox(params) {
  const status = params.get('status') || 'SUBMITTED';
  const select = h('select', {id: 'status-filter', onchange: (e) => { location.hash = `#/applications?status=${e.target.value}`; }},
    ['SUBMITTED', 'UNDER_REVIEW', 'DRAFT', 'APPROVED', 'REJECTED', 'WITHDRAWN'].map(s =>
      h('option', {value: s, selected: s === status}, s.replace('_', ' ').toLowerCase())));
  const table = h('div', {class: 'table-scroll'}, h('p', {}, 'Loading…'));
  show('Applications', h('form', {class: 'actions', onsubmit: (e) => e.preventDefault()},
    h('label', {for: 'status-filter'}, 'Status'), select), table);
  const page = await membership.applications({status, size: 100, sort: '-submittedAt'});
  const rows = await Promise.all(page.items.map(async a => h('tr', {},
    h('th', {scope: 'row'}, h('a', {href: `#/applications/${a.id}`}, await clusterName(a.clusterId))),
    h('td', {}, h('span', {class: 'badge'}, a.status)),
    h('td', {}, fmtDate(a.submittedAt)),
    h('td', {}, (a.declaredParties || []).length))));
  table.replaceChildren(rows.length ? h('table', {class: 'data-table'},
    h('caption', {}, `${page.totalItems} application(s) ${status.replace('_', ' ').toLowerCase()}`),
    h('thead', {}, h('tr', {}, ['Cluster', 'Status', 'Submitted', 'Parties'].map(c => h('th', {scope: 'col'}, c)))),
    h('tbody', {}, rows)) : h('p', {class: 'empty'}, `No application is ${status.replace('_', ' ').toLowerCase()}.`));
  say(`${page.totalItems} application(s) ${status.replace('_', ' ').toLowerCase()}.`);
}

// ---- One application -------------------------------------------------------------------------------------------

function criteriaList(eligibility) {
  return h('ul', {class: 'criteria', id: 'criteria'}, eligibility.criteria.map(c =>
    h('li', {class: c.met ? 'met' : 'unmet', 'data-criterion': c.criterion},
      h('span', {class: 'verdict'}, c.met ? '✓ Met' : '✗ Not met'), ' — ',
      h('strong', {}, CRITERIA[c.criterion] || c.criterion), ': ', c.explanation || c.description)));
}

export async function application(id) {
  const [a, eligibility] = await Promise.all([membership.application(id), membership.eligibility(id)]);
  const r = auth.role();
  const cluster = await clusterName(a.clusterId);
  const reason = h('textarea', {id: 'decision-reason', rows: 3, 'aria-describedby': 'reason-help'});
  const effective = h('input', {type: 'date', id: 'effective-date'});
  const act = (action, label, needsReason) => h('button', {
    type: 'button', class: action === 'reject' || action === 'withdraw' ? 'button-danger' : 'button-primary',
    onclick: async () => {
      if (needsReason && !reason.value.trim()) { fail(new Error('Give a reason: the cluster will read it.')); reason.focus(); return; }
      try {
        const body = action === 'submit' || action === 'review' ? undefined
          : {reason: reason.value.trim() || undefined, effectiveDate: effective.value || undefined};
        const after = await membership.act(id, action, a.version, body);
        await application(id);
        say(`${label}: the application for ${cluster} is now ${after.status.replace('_', ' ').toLowerCase()}`
          + (action === 'approve' ? ` and ${cluster} is a signatory.` : '.'));
      } catch (e) { fail(e); }
    }}, label);
  const buttons = [];
  if (a.status === 'DRAFT' && r.canEditCluster(a.clusterId)) buttons.push(act('submit', 'Submit', false));
  if (r.secretariat && a.status === 'SUBMITTED') buttons.push(act('review', 'Start review', false));
  if (r.secretariat && (a.status === 'SUBMITTED' || a.status === 'UNDER_REVIEW')) {
    buttons.push(act('approve', 'Approve', false), act('reject', 'Reject', true));
  }
  if (['DRAFT', 'SUBMITTED', 'UNDER_REVIEW'].includes(a.status) && r.canEditCluster(a.clusterId) && !r.secretariat) {
    buttons.push(act('withdraw', 'Withdraw', true));
  }
  const s = a.statement || {};
  show(`Application: ${cluster}`,
    h('p', {}, h('a', {href: '#/applications'}, '← Applications'), ' · ', h('a', {href: `#/clusters/${a.clusterId}`}, 'Cluster page')),
    h('dl', {class: 'facts'},
      h('dt', {}, 'Status'), h('dd', {id: 'application-status'}, a.status),
      h('dt', {}, 'Submitted'), h('dd', {}, fmtDate(a.submittedAt)),
      h('dt', {}, 'Statement'), h('dd', {}, s.text || '–', s.signedOn ? ` (signed ${s.signedOn})` : ''),
      h('dt', {}, 'Declared parties'), h('dd', {}, (a.declaredParties || []).length),
      a.decisionReason ? [h('dt', {}, 'Decision'), h('dd', {}, a.decisionReason)] : []),
    h('section', {class: 'panel', 'aria-labelledby': 'eligibility-heading'},
      h('h2', {id: 'eligibility-heading'}, eligibility.eligible ? 'Eligible: every criterion is met' : 'Not eligible yet'),
      criteriaList(eligibility)),
    buttons.length ? h('section', {class: 'panel', 'aria-labelledby': 'decision-heading'},
      h('h2', {id: 'decision-heading'}, 'Decision'),
      h('div', {class: 'form-grid'},
        h('div', {class: 'field'}, h('label', {for: 'decision-reason'}, 'Reason'), reason,
          h('p', {class: 'help', id: 'reason-help'}, 'Required to reject or withdraw; recorded with the decision.')),
        h('div', {class: 'field'}, h('label', {for: 'effective-date'}, 'Effective date (optional)'), effective)),
      h('div', {class: 'actions'}, buttons)) : h('p', {}, 'No action is open to you on this application.'));
}

// ---- Draft an application: criteria checked live ----------------------------------------------------------------

export async function apply() {
  const r = auth.role();
  const clusterIds = r.secretariat ? (await membership.clusters({size: 200, status: 'APPLICANT'})).items.map(c => c.id) : r.clusters;
  const clusterSelect = h('select', {id: 'cluster', required: true},
    await Promise.all(clusterIds.map(async id => h('option', {value: id}, await clusterName(id)))));
  const orgs = (await membership.organizations({size: 200, sort: 'name'})).items;
  const text = h('textarea', {id: 'statement', rows: 3});
  const signatory = h('input', {type: 'text', id: 'signatory'});
  const signedOn = h('input', {type: 'date', id: 'signed-on'});
  const co2 = h('input', {type: 'number', id: 'co2e', min: '0', step: 'any'});
  const unit = h('select', {id: 'co2e-unit'}, ['MT_CO2E', 'KT_CO2E', 'T_CO2E'].map(u => h('option', {value: u}, u.replace('_CO2E', ' CO2e'))));
  const period = h('input', {type: 'text', id: 'co2e-period', value: 'per year by 2030'});
  const plan = h('textarea', {id: 'just-transition', rows: 2});
  const parties = h('div', {id: 'parties'});
  const addParty = () => {
    const n = parties.children.length + 1;
    parties.append(h('div', {class: 'form-grid party'},
      field(`party-${n}`, `Party ${n}`, h('select', {id: `party-${n}`, class: 'party-org'}, h('option', {value: ''}, '— choose —'),
        orgs.map(o => h('option', {value: o.id}, `${o.name} (${o.kind.replace('_', ' ').toLowerCase()})`)))),
      field(`party-${n}-role`, `Role of party ${n}`, h('select', {id: `party-${n}-role`, class: 'party-role'},
        PARTY_ROLES.map(v => h('option', {value: v}, v.replace('_', ' ').toLowerCase()))))));
  };
  [1, 2, 3].forEach(addParty);
  const live = h('div', {id: 'live-criteria', 'aria-live': 'polite'}, h('p', {}, 'Fill the form: each criterion is checked as you go.'));
  const submit = h('button', {type: 'button', class: 'button-primary', id: 'submit-application', disabled: true}, 'Submit application');
  let draft = null;
  let timer = null;
  let saving = Promise.resolve();

  const body = () => ({
    clusterId: clusterSelect.value,
    statement: {text: text.value || undefined, signedOn: signedOn.value || undefined,
      signatories: signatory.value ? [{name: signatory.value}] : []},
    declaredParties: [...parties.querySelectorAll('.party')].map(p => ({
      organizationId: p.querySelector('.party-org').value, role: p.querySelector('.party-role').value}))
      .filter(p => p.organizationId),
    co2ePotential: co2.value ? {value: Number(co2.value), unit: unit.value, period: period.value || undefined} : undefined,
    justTransition: plan.value ? {jobsProtectedPlan: plan.value} : undefined,
  });
  const check = () => {
    saving = saving.then(async () => {
      try {
        draft = draft ? await membership.update(draft.id, draft.version, body()) : await membership.draft(body());
        const eligibility = await membership.eligibility(draft.id);
        live.replaceChildren(h('p', {}, eligibility.eligible ? 'Every criterion is met: you can submit.'
          : `Draft saved. ${eligibility.criteria.filter(c => !c.met).length} criterion/criteria still to meet:`), criteriaList(eligibility));
        submit.disabled = !eligibility.eligible;
        $('#error').hidden = true;
      } catch (e) { fail(e); }
    });
  };
  let submitted = false;
  const changed = () => { if (!submitted) { clearTimeout(timer); timer = setTimeout(check, 500); } };
  submit.addEventListener('click', async () => {
    // The last edit (and the blur that follows it) is saved first, so the submit names the version it checked.
    submitted = true;
    clearTimeout(timer);
    check();
    await saving;
    try {
      const after = await membership.act(draft.id, 'submit', draft.version);
      say(`Submitted: the application for ${await clusterName(after.clusterId)} waits for the secretariat's review.`);
      location.hash = `#/applications/${after.id}`;
    } catch (e) { submitted = false; fail(e); }
  });
  const form = h('form', {id: 'application-form', oninput: changed, onchange: changed, onsubmit: (e) => e.preventDefault()},
    h('fieldset', {}, h('legend', {}, 'Cluster'), field('cluster', 'Cluster applying', clusterSelect)),
    h('fieldset', {}, h('legend', {}, 'Statement of ambition'),
      h('div', {class: 'form-grid'}, field('statement', 'Statement', text),
        field('signatory', 'Signed by', signatory), field('signed-on', 'Signed on', signedOn))),
    h('fieldset', {}, h('legend', {}, 'Parties'), parties,
      h('div', {class: 'actions'}, h('button', {type: 'button', onclick: () => { addParty(); }}, 'Add a party'))),
    h('fieldset', {}, h('legend', {}, 'Impact'),
      h('div', {class: 'form-grid'}, field('co2e', 'CO2e reduction potential', co2), field('co2e-unit', 'Unit', unit),
        field('co2e-period', 'Period', period), field('just-transition', 'Just transition: jobs plan', plan))));
  show('Draft an application', clusterIds.length ? form : h('p', {}, 'No cluster of yours can apply.'),
    h('section', {class: 'panel', 'aria-labelledby': 'live-heading'}, h('h2', {id: 'live-heading'}, 'Criteria'), live,
      h('div', {class: 'actions'}, submit)));
}

