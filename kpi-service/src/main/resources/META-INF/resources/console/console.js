// The TIC console: the secretariat's inbox of applications (eligibility per criterion, review, approve, reject),
// a coordinator's application form (criteria checked live against the saved draft) and cluster pages (edit only
// where the token allows it). Every action answers with what changed, or the problem+json's words.
import * as auth from './auth.js';
import {ApiError, membership} from './api.js';

const $ = (sel, root = document) => root.querySelector(sel);
const view = $('#view');
const CRITERIA = {
  SIGNED_STATEMENT: 'Signed statement of ambition',
  PARTIES: 'Parties',
  CO2E_POTENTIAL: 'CO2e reduction potential',
  JUST_TRANSITION: 'Just transition',
};
const names = new Map(); // cluster id → name, for the inbox

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  children.flat().forEach(c => c !== null && c !== undefined && el.append(c instanceof Node ? c : String(c)));
  return el;
}

function say(message) {
  $('#live-status').textContent = message;
  $('#error').hidden = true;
}

function fail(e) {
  const box = $('#error');
  box.replaceChildren(h('p', {}, h('strong', {}, e instanceof ApiError ? `${e.problem.title || 'Refused'} (${e.status})` : 'Error'),
    ': ', e.message));
  if (e instanceof ApiError && e.details().length) {
    box.append(h('ul', {}, e.details().map(d => h('li', {}, d))));
  }
  box.hidden = false;
  $('#live-status').textContent = '';
}

function show(title, ...content) {
  document.title = `${title} – TIC console`;
  const heading = h('h1', {tabindex: '-1', id: 'view-title'}, title);
  view.replaceChildren(heading, ...content);
  heading.focus();
}

const fmtDate = (instant) => instant ? new Date(instant).toISOString().slice(0, 10) : '–';

async function clusterName(id) {
  if (!names.has(id)) {
    try { names.set(id, (await membership.cluster(id)).name); } catch (e) { names.set(id, id); }
  }
  return names.get(id);
}

// ---- Home ------------------------------------------------------------------------------------------------------

function home() {
  const r = auth.role();
  if (!r.signedIn) {
    const token = h('textarea', {id: 'pasted-token', 'aria-describedby': 'paste-help', rows: 4});
    show('Sign in',
      h('section', {class: 'panel', 'aria-labelledby': 'idp-heading'},
        h('h2', {id: 'idp-heading'}, 'Through the identity provider'),
        h('p', {}, 'Sign in with your TIC account (authorization code with PKCE; your password never reaches this page).'),
        h('button', {type: 'button', class: 'button-primary', onclick: () => auth.signIn().catch(fail)}, 'Sign in')),
      h('section', {class: 'panel', 'aria-labelledby': 'paste-heading'},
        h('h2', {id: 'paste-heading'}, 'Or paste a token'),
        h('div', {class: 'field'}, h('label', {for: 'pasted-token'}, 'Bearer token'), token,
          h('p', {class: 'help', id: 'paste-help'}, 'A JWT from an issuer the services trust, e.g. tic_token from the local run.')),
        h('div', {class: 'actions'}, h('button', {type: 'button', onclick: () => {
          try { auth.usePastedToken(token.value); refreshSession(); route(); say('Signed in with the pasted token.'); } catch (e) { fail(e); }
        }}, 'Use this token'))));
    return;
  }
  const tasks = [];
  if (r.secretariat) tasks.push(h('li', {}, h('a', {href: '#/applications'}, 'Applications to review')));
  if (r.coordinator || r.secretariat) tasks.push(h('li', {}, h('a', {href: '#/apply'}, 'Draft an application')));
  r.clusters.forEach(id => tasks.push(h('li', {}, h('a', {href: `#/clusters/${id}`, 'data-cluster': id}, 'Your cluster'))));
  if (r.coordinator) tasks.push(h('li', {}, h('a', {href: '#/applications'}, "Your clusters' applications")));
  show(`Welcome, ${r.name}`, h('section', {class: 'panel', 'aria-labelledby': 'tasks-heading'},
    h('h2', {id: 'tasks-heading'}, 'What you can do'), h('ul', {}, tasks)));
  r.clusters.forEach(async id => {
    const link = view.querySelector(`a[data-cluster="${id}"]`);
    if (link) link.textContent = `Your cluster: ${await clusterName(id)}`;
  });
}

// ---- Inbox -----------------------------------------------------------------------------------------------------

async function inbox(params) {
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

async function application(id) {
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

async function apply() {
  const r = auth.role();
  const clusterIds = r.secretariat ? (await membership.clusters({size: 200, status: 'APPLICANT'})).items.map(c => c.id) : r.clusters;
  const clusterSelect = h('select', {id: 'cluster', required: true},
    await Promise.all(clusterIds.map(async id => h('option', {value: id}, await clusterName(id)))));
  const orgs = (await membership.organizations({size: 200, sort: 'name'})).items;
  const field = (id, label, input, help) => h('div', {class: 'field'}, h('label', {for: id}, label), input,
    help ? h('p', {class: 'help'}, help) : null);
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
        ['MEMBER', 'COORDINATOR', 'GOVERNMENT_PARTNER', 'PORT_AUTHORITY', 'FINANCIER', 'LABOUR_PARTNER',
          'COMMUNITY_PARTNER', 'RESEARCH_PARTNER', 'OBSERVER'].map(v => h('option', {value: v}, v.replace('_', ' ').toLowerCase()))))));
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

// ---- One cluster -----------------------------------------------------------------------------------------------

async function cluster(id) {
  const [c, parties] = await Promise.all([membership.cluster(id), membership.parties(id).catch(() => ({items: []}))]);
  names.set(id, c.name);
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
    view.replaceChildren(view.firstChild, form);
    name.focus();
  };
  show(c.name,
    h('p', {}, h('a', {href: `../dashboard/#/clusters/${id}`}, 'Figures on the dashboard')),
    facts,
    r.canEditCluster(id) ? h('div', {class: 'actions'}, h('button', {type: 'button', id: 'edit-cluster', onclick: edit}, 'Edit cluster')) : null,
    r.secretariat ? membershipActions(c, () => cluster(id)) : null,
    h('section', {class: 'panel', 'aria-labelledby': 'parties-heading'}, h('h2', {id: 'parties-heading'}, 'Parties'),
      list.length ? h('ul', {}, list.map(p => h('li', {}, `${p.organizationName || p.organizationId} — ${String(p.role).toLowerCase()}`)))
        : h('p', {class: 'empty'}, 'No party yet.')));
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

// ---- Routing ---------------------------------------------------------------------------------------------------

function refreshSession() {
  const r = auth.role();
  $('#who').textContent = r.signedIn ? `Signed in as ${r.name}${r.secretariat ? ' (secretariat)' : r.coordinator ? ' (cluster coordinator)' : ''}`
    : 'Not signed in';
  $('#sign-in').hidden = r.signedIn;
  $('#sign-out').hidden = !r.signedIn;
}

async function route() {
  const [path, query] = (location.hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean);
  try {
    if (!auth.role().signedIn) return home();
    if (parts[0] === 'applications' && parts[1]) return await application(parts[1]);
    if (parts[0] === 'applications') return await inbox(params);
    if (parts[0] === 'apply') return await apply();
    if (parts[0] === 'clusters' && parts[1]) return await cluster(parts[1]);
    return home();
  } catch (e) {
    fail(e);
  }
}

$('#sign-in').addEventListener('click', () => auth.signIn().catch(fail));
$('#sign-out').addEventListener('click', () => { auth.signOut(); refreshSession(); location.hash = '#/'; home(); say('Signed out.'); });
window.addEventListener('hashchange', route);
auth.completeSignIn().then(done => { if (done) say('Signed in.'); }).catch(fail).finally(() => { refreshSession(); route(); });
