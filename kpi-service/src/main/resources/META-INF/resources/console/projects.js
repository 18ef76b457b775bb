// Projects: the list (a coordinator's clusters', or all for the secretariat), a new project, and one project with its
// stage history, readiness checklist, milestones and the move to the next stage (BANKABLE with a readiness override).
// project-service decides every write; the console only hides the controls it would refuse.
import * as auth from './auth.js';
import {membership, project} from './api.js';
import {h, say, fail, show, fmtDate, clusterName, rememberName, field} from './ui.js';

const CATEGORIES = ['CO2_CAPTURE', 'CO2_TRANSPORT_STORAGE', 'HYDROGEN_AND_DERIVATIVES', 'ELECTRIFICATION', 'RENEWABLE_POWER',
  'ENERGY_EFFICIENCY', 'CIRCULARITY_SYMBIOSIS', 'SHARED_INFRASTRUCTURE', 'LOW_CARBON_MATERIALS', 'BIOENERGY_BIOMETHANE',
  'LOW_CARBON_FUELS', 'ENERGY_STORAGE', 'NUCLEAR', 'ELECTRIFICATION_OF_HEAT', 'CIRCULARITY_RECYCLING', 'OTHER'];
const MAIN_LINE = ['CONCEPT', 'FEASIBILITY', 'FEED', 'BANKABLE', 'FID', 'UNDER_CONSTRUCTION', 'OPERATIONAL'];
const MILESTONES = ['ANNOUNCEMENT', 'FEASIBILITY_COMPLETE', 'FEED_COMPLETE', 'PERMITS_GRANTED', 'FID', 'FINANCIAL_CLOSE',
  'CONSTRUCTION_START', 'MECHANICAL_COMPLETION', 'FIRST_OPERATION', 'COMMERCIAL_OPERATION', 'DECOMMISSIONING'];
const READINESS_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETE', 'NOT_APPLICABLE'];

const ACRONYMS = {fid: 'FID', feed: 'FEED', co2: 'CO2', epc: 'EPC'};
const lower = (code) => code ? code.toLowerCase().split('_').map(w => ACRONYMS[w] || w).join(' ') : '–';
const words = (code) => lower(code).replace(/^./, c => c.toUpperCase());
const today = () => new Date().toLocaleDateString('en-CA'); // YYYY-MM-DD, the browser's calendar date

let stageList = null; // GET /stages, fetched once: labels and vocabulary
async function stageLabel(code) {
  if (!stageList) {
    try { stageList = await project.stages(); } catch (e) { stageList = []; }
  }
  return stageList.find(s => s.stage === code)?.label || words(code);
}

/** May this caller write to the project? The secretariat, or a coordinator of its lead cluster (or its successor). */
function mayEdit(p, r = auth.role()) {
  return r.canEditCluster(p.leadClusterId) || (!!p.leadCluster?.currentClusterId && r.canEditCluster(p.leadCluster.currentClusterId));
}

/** #/projects and #/projects/{id} */
export async function route(parts, params) {
  if (parts[0]) return detail(parts[0]);
  return list(params);
}

// ---- The list and the new-project form ------------------------------------------------------------------------

async function list() {
  const r = auth.role();
  const table = h('div', {class: 'table-scroll', id: 'project-list'}, h('p', {}, 'Loading…'));
  const canCreate = r.secretariat || (r.coordinator && r.clusters.length > 0);
  show('Projects', canCreate ? await newProjectForm(r) : null,
    h('section', {class: 'panel', 'aria-labelledby': 'projects-heading'},
      h('h2', {id: 'projects-heading'}, r.secretariat ? 'All projects' : "Your clusters' projects"), table));
  let items;
  if (r.secretariat) {
    items = (await project.projects({size: 100, sort: 'name'})).items;
  } else {
    const pages = await Promise.all(r.clusters.map(id => project.projects({cluster: id, size: 100, sort: 'name'})));
    const byId = new Map();
    pages.flatMap(pg => pg.items).forEach(p => byId.set(p.id, p));
    items = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
  const rows = await Promise.all(items.map(async p => h('tr', {'data-project': p.id},
    h('th', {scope: 'row'}, h('a', {href: `#/projects/${p.id}`}, p.name)),
    h('td', {}, h('a', {href: `#/clusters/${p.leadClusterId}`}, p.leadCluster?.name || await clusterName(p.leadClusterId))),
    h('td', {}, h('span', {class: 'badge'}, await stageLabel(p.stage))),
    h('td', {}, p.stageDate || '–'),
    h('td', {}, words(p.category)),
    h('td', {class: 'num'}, p.readiness ? `${p.readiness.percent ?? 0} %` : '–'))));
  table.replaceChildren(rows.length ? h('table', {class: 'data-table'},
    h('caption', {}, `${rows.length} project(s)`),
    h('thead', {}, h('tr', {}, ['Project', 'Lead cluster', 'Stage', 'Since', 'Category', 'Readiness'].map(c => h('th', {scope: 'col'}, c)))),
    h('tbody', {}, rows)) : h('p', {class: 'empty'}, 'No project yet.'));
}

async function newProjectForm(r) {
  const leadIds = r.secretariat
    ? (await membership.clusters({status: 'SIGNATORY', size: 200, sort: 'name'})).items.map(c => { rememberName(c.id, c.name); return c.id; })
    : r.clusters;
  const name = h('input', {type: 'text', id: 'project-name', required: true, maxlength: 200});
  const lead = h('select', {id: 'project-lead', required: true, 'aria-describedby': 'project-lead-help'},
    await Promise.all(leadIds.map(async id => h('option', {value: id}, await clusterName(id)))));
  const category = h('select', {id: 'project-category', required: true},
    h('option', {value: ''}, '— choose —'), CATEGORIES.map(c => h('option', {value: c}, words(c))));
  const stage = h('select', {id: 'project-stage', 'aria-describedby': 'project-stage-help'},
    await Promise.all(MAIN_LINE.map(async s => h('option', {value: s}, await stageLabel(s)))));
  const stageDate = h('input', {type: 'date', id: 'project-stage-date'});
  const description = h('textarea', {id: 'project-description', rows: 3, maxlength: 4000});
  const form = h('form', {class: 'panel', id: 'new-project', 'aria-labelledby': 'new-project-heading', onsubmit: async (e) => {
    e.preventDefault();
    try {
      const created = await project.create({name: name.value.trim(), leadClusterId: lead.value, category: category.value || undefined,
        description: description.value.trim() || undefined, stage: stage.value, stageDate: stageDate.value || undefined});
      history.pushState(null, '', `#/projects/${created.id}`);
      await detail(created.id);
      say(`Project created: ${created.name}, led by ${await clusterName(created.leadClusterId)}, at ${await stageLabel(created.stage)}.`);
    } catch (err) { fail(err); }
  }},
  h('h2', {id: 'new-project-heading'}, 'New project'),
  h('div', {class: 'form-grid'},
    field('project-name', 'Name', name),
    field('project-lead', 'Lead cluster', lead, 'A signatory cluster you coordinate; it owns the project.'),
    field('project-category', 'Category', category),
    field('project-stage', 'Stage reached', stage, 'Projects are registered at the stage they have reached.'),
    field('project-stage-date', 'At that stage since (optional)', stageDate),
    field('project-description', 'Description (optional)', description)),
  h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'button-primary', id: 'create-project'}, 'Create project')));
  return leadIds.length ? form : h('p', {}, 'None of your clusters is a signatory yet: only a signatory can lead a project.');
}

// ---- One project ------------------------------------------------------------------------------------------------

async function detail(id) {
  const [p, historyPage, readiness, milestones] = await Promise.all([project.project(id), project.history(id),
    project.readiness(id), project.milestones(id)]);
  const r = auth.role();
  const editable = mayEdit(p, r);
  const reload = () => detail(id);
  const leadName = p.leadCluster?.name || await clusterName(p.leadClusterId);
  rememberName(p.leadClusterId, leadName);
  const summary = readiness.summary || p.readiness || {};
  show(p.name,
    h('p', {}, h('a', {href: '#/projects'}, '← Projects'), ' · ',
      h('a', {href: `#/clusters/${p.leadClusterId}`, id: 'lead-cluster-link'}, `Lead cluster: ${leadName}`)),
    h('dl', {class: 'facts', id: 'project-facts'},
      h('dt', {}, 'Stage'), h('dd', {id: 'project-stage-now', 'data-stage': p.stage}, await stageLabel(p.stage),
        p.stageDate ? ` (since ${p.stageDate})` : '', p.heldStage ? ` — resumes to ${await stageLabel(p.heldStage)}` : ''),
      h('dt', {}, 'Category'), h('dd', {}, words(p.category)),
      h('dt', {}, 'FID date'), h('dd', {id: 'project-fid-date'}, p.fidDate || '–'),
      h('dt', {}, 'Readiness'), h('dd', {}, `${summary.percent ?? 0} % (${words(summary.level)})`),
      h('dt', {}, 'Description'), h('dd', {}, p.description || '–')),
    editable ? await moveForm(p, readiness, reload) : h('p', {}, 'You can read this project; its lead cluster\'s coordinators and the secretariat change it.'),
    await historySection(historyPage.items || []),
    readinessSection(p, readiness, editable, reload),
    milestonesSection(p, milestones, editable, reload));
}

async function moveForm(p, readiness, reload) {
  const next = p.nextStages || [];
  if (!next.length) return h('p', {}, `${await stageLabel(p.stage)} is final: no further move.`);
  const summary = readiness.summary || {};
  const labels = new Map(await Promise.all(next.map(async s => [s, await stageLabel(s)])));
  const to = h('select', {id: 'move-to'}, next.map(s => h('option', {value: s}, labels.get(s))));
  const date = h('input', {type: 'date', id: 'move-date', value: today(), max: today()});
  const note = h('textarea', {id: 'move-note', rows: 2, maxlength: 2000, 'aria-describedby': 'move-note-help'});
  const override = h('input', {type: 'checkbox', id: 'move-override'});
  const overrideReason = h('textarea', {id: 'move-override-reason', rows: 2, maxlength: 2000, 'aria-describedby': 'move-override-reason-help'});
  const itemLabel = new Map((readiness.items || []).map(i => [i.item, i.label || words(i.item)]));
  const blocking = h('div', {id: 'readiness-block', class: 'panel'},
    h('p', {}, h('strong', {}, `Not done on the readiness checklist (${(summary.missing || []).length}):`)),
    h('ul', {id: 'blocking-items'}, (summary.missing || []).map(k => h('li', {'data-item': k}, itemLabel.get(k) || words(k)))),
    h('div', {class: 'field'}, h('span', {}, override, ' ', h('label', {for: 'move-override'}, 'Override the readiness checklist'))),
    field('move-override-reason', 'Reason for the override', overrideReason, 'Required with an override; recorded in the stage history.'));
  const button = h('button', {type: 'submit', class: 'button-primary', id: 'move-stage'});
  const sync = () => {
    button.textContent = `Move to stage ${labels.get(to.value)}`;
    // Only BANKABLE is gated by the checklist: show what blocks it, and the override, when it is incomplete.
    blocking.hidden = !(to.value === 'BANKABLE' && !summary.complete);
  };
  to.addEventListener('change', sync);
  sync();
  return h('form', {class: 'panel', id: 'move-form', 'aria-labelledby': 'move-heading', onsubmit: async (e) => {
    e.preventDefault();
    const target = to.value;
    const overriding = !blocking.hidden && override.checked;
    try {
      const t = await project.move(p.id, p.version, {to: target, date: date.value, note: note.value.trim() || undefined,
        override: overriding || undefined, overrideReason: overriding ? overrideReason.value.trim() : undefined});
      await reload();
      say(`Moved ${p.name} from ${await stageLabel(t.from || p.stage)} to ${await stageLabel(t.to)} on ${t.date}`
        + (t.readinessOverride ? `, overriding the readiness checklist: ${t.overrideReason}.` : '.'));
    } catch (err) { fail(err); }
  }},
  h('h2', {id: 'move-heading'}, 'Move to the next stage'),
  h('div', {class: 'form-grid'},
    field('move-to', 'Next stage', to, null),
    field('move-date', 'Date of the move', date),
    field('move-note', 'Note', note, 'What happened; required as the reason when cancelling.')),
  blocking,
  h('div', {class: 'actions'}, button));
}

async function historySection(entries) {
  const rows = await Promise.all(entries.map(async t => h('tr', {'data-to': t.to},
    h('td', {class: 'num'}, t.sequence ?? ''),
    h('td', {}, t.from ? await stageLabel(t.from) : 'Registered'),
    h('td', {}, await stageLabel(t.to)),
    h('td', {}, t.date || '–'),
    h('td', {}, t.note || '–', t.skipped?.length ? ` (skipped ${t.skipped.map(words).join(', ')}: ${t.skipReason || ''})` : ''),
    h('td', {class: t.readinessOverride ? 'override' : null}, t.readinessOverride ? `Readiness override: ${t.overrideReason}` : '–'),
    h('td', {}, t.recordedBy || '–', t.recordedAt ? ` (${fmtDate(t.recordedAt)})` : ''))));
  return h('section', {class: 'panel', 'aria-labelledby': 'history-heading'}, h('h2', {id: 'history-heading'}, 'Stage history'),
    h('div', {class: 'table-scroll'}, h('table', {class: 'data-table', id: 'stage-history'},
      h('caption', {}, 'Oldest first; the first entry is the registration'),
      h('thead', {}, h('tr', {}, ['#', 'From', 'To', 'Date', 'Note', 'Readiness override', 'Recorded by'].map(c => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, rows))));
}

function readinessSection(p, readiness, editable, reload) {
  const items = readiness.items || [];
  const summary = readiness.summary || {};
  const table = h('div', {class: 'table-scroll'}, h('table', {class: 'data-table', id: 'readiness'},
    h('caption', {}, `${summary.complete ? 'Complete' : 'Incomplete'}: ${summary.itemsComplete ?? 0} complete, `
      + `${summary.itemsNotApplicable ?? 0} not applicable, ${summary.percent ?? 0} % of applicable items`),
    h('thead', {}, h('tr', {}, ['Item', 'Done', 'Status', 'Evidence or note'].map(c => h('th', {scope: 'col'}, c)))),
    h('tbody', {}, items.map(i => h('tr', {'data-item': i.item},
      h('th', {scope: 'row'}, i.label || words(i.item)),
      h('td', {}, i.status === 'COMPLETE' || i.status === 'NOT_APPLICABLE' ? '✓ Done' : '✗ Not done'),
      h('td', {}, words(i.status)),
      h('td', {}, [(i.evidence || []).map(e => e.description).join('; '), i.note].filter(Boolean).join(' — ') || '–'))))));
  let form = null;
  if (editable) {
    const item = h('select', {id: 'readiness-item'}, items.map(i => h('option', {value: i.item}, i.label || words(i.item))));
    const status = h('select', {id: 'readiness-status'}, READINESS_STATUSES.map(s => h('option', {value: s}, words(s))));
    const evidence = h('input', {type: 'text', id: 'readiness-evidence', maxlength: 1000, 'aria-describedby': 'readiness-evidence-help'});
    const url = h('input', {type: 'url', id: 'readiness-evidence-url', maxlength: 1000});
    const note = h('input', {type: 'text', id: 'readiness-note', maxlength: 2000, 'aria-describedby': 'readiness-note-help'});
    const fill = () => {
      const current = items.find(i => i.item === item.value) || {};
      status.value = current.status || 'NOT_STARTED';
      evidence.value = current.evidence?.[0]?.description || '';
      url.value = current.evidence?.[0]?.url || '';
      note.value = current.note || '';
    };
    item.addEventListener('change', fill);
    fill();
    form = h('form', {id: 'readiness-form', style: 'margin-top: 1rem', 'aria-labelledby': 'readiness-form-heading', onsubmit: async (e) => {
      e.preventDefault();
      try {
        const after = await project.setReadiness(p.id, item.value, p.version, {status: status.value, note: note.value.trim() || undefined,
          evidence: evidence.value.trim() ? [{description: evidence.value.trim(), url: url.value.trim() || undefined}] : undefined});
        const label = items.find(i => i.item === item.value)?.label || words(item.value);
        await reload();
        say(`Readiness: ${label} is now ${lower(status.value)}; the checklist is ${after.summary?.percent ?? 0} % done`
          + (after.summary?.complete ? ' and complete.' : '.'));
      } catch (err) { fail(err); }
    }},
    h('h3', {id: 'readiness-form-heading'}, 'Update a checklist item'),
    h('div', {class: 'form-grid'},
      field('readiness-item', 'Item', item),
      field('readiness-status', 'Status', status),
      field('readiness-evidence', 'Evidence', evidence, 'Required for complete.'),
      field('readiness-evidence-url', 'Evidence link (optional)', url),
      field('readiness-note', 'Note', note, 'Required for not applicable: say why.')),
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'save-readiness'}, 'Save item')));
  }
  return h('section', {class: 'panel', 'aria-labelledby': 'readiness-heading'},
    h('h2', {id: 'readiness-heading'}, 'Readiness checklist'),
    h('p', {class: 'help'}, 'The move to Bankable needs every item complete or not applicable, or an override with a reason.'),
    table, form);
}

function milestonesSection(p, milestones, editable, reload) {
  const list = milestones || [];
  const markDone = (m) => h('button', {type: 'button', class: 'mark-done', 'data-milestone': m.type, onclick: async () => {
    try {
      const after = await project.setMilestone(p.id, m.type, p.version, {plannedDate: m.plannedDate || undefined, actualDate: today(),
        note: m.note || undefined, evidence: m.evidence?.length ? m.evidence : undefined});
      await reload();
      say(`Milestone ${lower(m.type)} done on ${after.actualDate} (${lower(after.status)}`
        + (after.slipDays !== null && after.slipDays !== undefined ? `, ${after.slipDays} day(s) of slip).` : ').'));
    } catch (err) { fail(err); }
  }}, `Mark ${lower(m.type)} done today`);
  const table = list.length ? h('div', {class: 'table-scroll'}, h('table', {class: 'data-table', id: 'milestones'},
    h('caption', {}, `${list.length} milestone(s), in life-cycle order`),
    h('thead', {}, h('tr', {}, ['Milestone', 'Planned', 'Actual', 'Status', 'Slip (days)', editable ? 'Action' : null]
      .filter(Boolean).map(c => h('th', {scope: 'col'}, c)))),
    h('tbody', {}, list.map(m => h('tr', {'data-milestone': m.type},
      h('th', {scope: 'row'}, words(m.type)),
      h('td', {}, m.plannedDate || '–'),
      h('td', {}, m.actualDate || '–'),
      h('td', {}, words(m.status)),
      h('td', {class: 'num'}, m.slipDays ?? '–'),
      editable ? h('td', {}, m.actualDate ? '–' : markDone(m)) : null)))))
    : h('p', {class: 'empty'}, 'No milestone yet.');
  let form = null;
  if (editable) {
    const free = MILESTONES.filter(t => !list.some(m => m.type === t && (m.plannedDate || m.actualDate)));
    const type = h('select', {id: 'milestone-type'}, free.map(t => h('option', {value: t}, words(t))));
    const planned = h('input', {type: 'date', id: 'milestone-planned'});
    const actual = h('input', {type: 'date', id: 'milestone-actual', max: today(), 'aria-describedby': 'milestone-actual-help'});
    const note = h('input', {type: 'text', id: 'milestone-note', maxlength: 2000});
    form = h('form', {id: 'milestone-form', style: 'margin-top: 1rem', 'aria-labelledby': 'milestone-form-heading', onsubmit: async (e) => {
      e.preventDefault();
      try {
        const after = await project.setMilestone(p.id, type.value, p.version, {plannedDate: planned.value || undefined,
          actualDate: actual.value || undefined, note: note.value.trim() || undefined});
        await reload();
        say(`Milestone added: ${lower(after.type)}`
          + (after.plannedDate ? `, planned ${after.plannedDate}` : '') + (after.actualDate ? `, done ${after.actualDate}` : '')
          + ` (${lower(after.status)}).`);
      } catch (err) { fail(err); }
    }},
    h('h3', {id: 'milestone-form-heading'}, 'Add a milestone'),
    h('div', {class: 'form-grid'},
      field('milestone-type', 'Milestone', type),
      field('milestone-planned', 'Planned date', planned),
      field('milestone-actual', 'Actual date (optional)', actual, 'Not in the future; an actual FID date needs the project at FID.'),
      field('milestone-note', 'Note (optional)', note)),
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'add-milestone'}, 'Add milestone')));
  }
  return h('section', {class: 'panel', 'aria-labelledby': 'milestones-heading'},
    h('h2', {id: 'milestones-heading'}, 'Milestones'), table, form);
}
