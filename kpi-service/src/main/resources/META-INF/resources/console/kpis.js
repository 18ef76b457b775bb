// KPI reports of a cluster: report a value (units offered per metric, the metric's own fields, validity and
// provenance), correct one (a reason; the value it replaces stays in the history), import a CSV with a progress bar
// and the rejected rows by line number.
import * as auth from './auth.js';
import {kpi, membership} from './api.js';
import {h, say, fail, show, clusterName, words, field} from './ui.js';

/** The units each metric may be reported in (kpi-service's KpiReportRules: the service checks it too). */
const UNITS = {
  CO2E: ['MT_CO2E_PER_YEAR', 'KT_CO2E_PER_YEAR', 'T_CO2E_PER_YEAR', 'GT_CO2E_PER_YEAR'],
  GDP: ['CURRENCY_MILLIONS', 'CURRENCY_BILLIONS', 'CURRENCY_THOUSANDS', 'CURRENCY'],
  JOBS: ['HEADCOUNT', 'FTE', 'JOB_YEARS'],
  OTHER: ['COUNT', 'PERCENT', 'MWH', 'GWH', 'TWH', 'KW', 'MW', 'GW', 'TONNES', 'KILOTONNES', 'MEGATONNES', 'HECTARES'],
};
const FIELDS = {
  CO2E: [['co2e.metricType', 'CO2e measure', ['POTENTIAL_REDUCTION', 'ACHIEVED_REDUCTION', 'EMITTED', 'AVOIDED']],
    ['co2e.scope', 'Scope', ['SCOPE_1_2', 'SCOPE_1', 'SCOPE_2', 'SCOPE_3', 'SCOPE_1_2_3']],
    ['co2e.gwpSet', 'GWP set', ['AR6_GWP100', 'AR6_GWP20', 'AR5_GWP100', 'AR5_GWP20', 'AR4_GWP100', 'OTHER']],
    ['co2e.baseYear', 'Base year', 'year'], ['co2e.targetYear', 'Target year', 'year']],
  GDP: [['gdp.currency', 'Currency (ISO 4217)', 'text'], ['gdp.priceYear', 'Price year', 'year'],
    ['gdp.basis', 'Basis', ['DIRECT', 'TOTAL']]],
  JOBS: [['jobs.kind', 'Jobs', ['CREATED', 'PROTECTED', 'CREATED_OR_PROTECTED']],
    ['jobs.effect', 'Effect', ['DIRECT', 'INDIRECT', 'INDUCED', 'TOTAL']],
    ['jobs.phase', 'Phase', ['OPERATION', 'CONSTRUCTION', 'CONSTRUCTION_AND_OPERATION']]],
  OTHER: [['metricName', 'What is measured', 'text']],
};
const domId = (name) => 'kpi-' + name.replace('.', '-');

/** #/kpis?clusterId=… */
export async function route(parts, params) {
  const r = auth.role();
  const clusterIds = r.secretariat ? (await membership.clusters({size: 200, status: 'SIGNATORY'})).items.map(c => c.id) : r.clusters;
  const chosen = params.get('clusterId') || clusterIds[0];
  const picker = h('select', {id: 'kpi-cluster', onchange: (e) => { location.hash = `#/kpis?clusterId=${e.target.value}`; }},
    await Promise.all(clusterIds.map(async id => h('option', {value: id, selected: id === chosen}, await clusterName(id)))));
  if (!chosen) {
    show('KPI reports', h('p', {}, 'No cluster of yours reports KPIs.'));
    return;
  }
  const name = await clusterName(chosen);
  const reports = h('div', {id: 'kpi-reports', class: 'table-scroll'});
  const editor = h('div', {id: 'kpi-editor'});
  show(`KPI reports: ${name}`,
    h('form', {class: 'actions', onsubmit: (e) => e.preventDefault()}, h('label', {for: 'kpi-cluster'}, 'Cluster'), picker,
      h('a', {href: `../dashboard/#/clusters/${chosen}`}, 'On the dashboard')),
    h('section', {class: 'panel', 'aria-labelledby': 'reports-heading'}, h('h2', {id: 'reports-heading'}, 'Current values'), reports),
    editor,
    importPanel(chosen, () => listReports(chosen, reports, editor)),
    r.secretariat ? await importsPanel() : null);
  await listReports(chosen, reports, editor);
  reportForm(editor, chosen, null, () => listReports(chosen, reports, editor));
}

async function listReports(clusterId, box, editor) {
  const page = await kpi.reports({clusterId, size: 100, sort: '-reportedOn'});
  const reload = () => listReports(clusterId, box, editor);
  box.replaceChildren(page.items.length ? h('table', {class: 'data-table'},
    h('caption', {}, `${page.totalItems} current value(s)`),
    h('thead', {}, h('tr', {}, ['Metric', 'Value', 'Period', 'Reported on', 'Source', 'Action'].map(c => h('th', {scope: 'col'}, c)))),
    h('tbody', {}, page.items.map(rep => h('tr', {'data-report': rep.id},
      h('th', {scope: 'row'}, rep.metric === 'OTHER' ? rep.metricName : words(rep.metric),
        rep.co2e?.metricType ? ` (${words(rep.co2e.metricType)})` : ''),
      h('td', {class: 'num'}, `${rep.value} ${words(rep.unit)}`),
      h('td', {}, `${rep.periodStart} – ${rep.periodEnd}`),
      h('td', {}, rep.reportedOn),
      h('td', {}, rep.source?.url ? h('a', {href: rep.source.url}, 'source') : (rep.source?.document || '–')),
      h('td', {}, h('button', {type: 'button', 'aria-label': `Correct the ${words(rep.metric)} value of ${rep.reportedOn}`,
        onclick: () => reportForm(editor, clusterId, rep, reload)}, 'Correct'))))))
    : h('p', {class: 'empty'}, 'No value reported yet.'));
}

function reportForm(box, clusterId, report, reload) {
  const correcting = !!report;
  const metric = h('select', {id: 'kpi-metric', disabled: correcting}, Object.keys(UNITS).map(m =>
    h('option', {value: m, selected: report?.metric === m}, m === 'OTHER' ? 'other' : words(m))));
  const unit = h('select', {id: 'kpi-unit'});
  const specific = h('div', {class: 'form-grid', id: 'kpi-specific'});
  const get = (path) => path.split('.').reduce((o, k) => o?.[k], report || {});
  const metricChanged = () => {
    unit.replaceChildren(...UNITS[metric.value].map(u => h('option', {value: u, selected: report?.unit === u}, words(u))));
    specific.replaceChildren(...FIELDS[metric.value].map(([name, label, kind]) => field(domId(name), label,
      Array.isArray(kind) ? h('select', {id: domId(name), 'data-name': name}, kind.map(v => h('option', {value: v, selected: get(name) === v}, words(v))))
        : h('input', {type: kind === 'year' ? 'number' : 'text', id: domId(name), 'data-name': name, value: get(name) ?? '',
          min: kind === 'year' ? '1990' : undefined, max: kind === 'year' ? '2100' : undefined}))));
  };
  metric.addEventListener('change', metricChanged);
  metricChanged();
  const input = (id, type, value, attrs = {}) => h('input', {type, id, value: value ?? '', ...attrs});
  const value = input('kpi-value', 'number', report?.value, {step: 'any', required: true});
  const start = input('kpi-period-start', 'date', report?.periodStart, {required: true});
  const end = input('kpi-period-end', 'date', report?.periodEnd, {required: true});
  const reportedOn = input('kpi-reported-on', 'date', correcting ? '' : report?.reportedOn, {'aria-describedby': 'kpi-reported-on-help'});
  const url = input('kpi-source-url', 'url', report?.source?.url);
  const documentName = input('kpi-source-document', 'text', report?.source?.document);
  const by = input('kpi-reported-by', 'text', report?.reportedBy);
  const confidence = h('select', {id: 'kpi-confidence'}, ['REPORTED', 'ESTIMATED', 'VERIFIED'].map(c =>
    h('option', {value: c, selected: report?.confidence === c}, words(c))));
  const reason = h('textarea', {id: 'kpi-reason', rows: 2});
  const body = () => {
    const b = {clusterId, metric: metric.value, unit: unit.value, value: value.value === '' ? null : Number(value.value),
      periodStart: start.value || null, periodEnd: end.value || null, reportedOn: reportedOn.value || undefined,
      source: {url: url.value || undefined, document: documentName.value || undefined},
      reportedBy: by.value || null, confidence: confidence.value};
    specific.querySelectorAll('[data-name]').forEach(el => {
      const [group, key] = el.dataset.name.includes('.') ? el.dataset.name.split('.') : [null, el.dataset.name];
      const v = el.type === 'number' ? (el.value === '' ? undefined : Number(el.value)) : (el.value || undefined);
      if (group) (b[group] = b[group] || {})[key] = v; else b[key] = v;
    });
    return b;
  };
  const form = h('form', {class: 'panel', id: 'kpi-form', 'aria-labelledby': 'kpi-form-heading', onsubmit: async (e) => {
    e.preventDefault();
    try {
      if (correcting) {
        const after = await kpi.correct(report.id, report.revision, {reason: reason.value.trim(), report: body()});
        say(`Corrected: ${words(after.metric)} was ${report.value}, now ${after.value} ${words(after.unit)}, standing from `
          + `${after.reportedOn} (the old value stays in the history).`);
      } else {
        const after = await kpi.report(body());
        say(`Reported: ${after.value} ${words(after.unit)} of ${words(after.metric)} for ${await clusterName(clusterId)}, `
          + `${after.periodStart} – ${after.periodEnd}.`);
      }
      await reload();
      reportForm(box, clusterId, null, reload);
    } catch (err) { fail(err); }
  }},
  h('h2', {id: 'kpi-form-heading'}, correcting ? `Correct the ${words(report.metric)} value of ${report.reportedOn}` : 'Report a value'),
  h('div', {class: 'form-grid'}, field('kpi-metric', 'Metric', metric), field('kpi-value', 'Value', value),
    field('kpi-unit', 'Unit', unit, 'Only the units of this metric')),
  specific,
  h('div', {class: 'form-grid'}, field('kpi-period-start', 'Period from', start), field('kpi-period-end', 'Period to', end),
    field('kpi-reported-on', 'Reported on', reportedOn, 'The date the source published it; the value stands from then (default: today)')),
  h('fieldset', {}, h('legend', {}, 'Provenance'), h('div', {class: 'form-grid'},
    field('kpi-source-url', 'Source URL', url), field('kpi-source-document', 'Or source document', documentName),
    field('kpi-reported-by', 'Reported by', by), field('kpi-confidence', 'Confidence', confidence))),
  correcting ? field('kpi-reason', 'Reason for the correction (required)', reason) : null,
  h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'button-primary'}, correcting ? 'Save the correction' : 'Report'),
    correcting ? h('button', {type: 'button', onclick: () => reportForm(box, clusterId, null, reload)}, 'Cancel') : null));
  box.replaceChildren(form);
  if (correcting) value.focus();
}

function importPanel(clusterId, reload) {
  const file = h('input', {type: 'file', id: 'kpi-csv', accept: '.csv,text/csv', 'aria-describedby': 'kpi-csv-help'});
  const progress = h('progress', {id: 'kpi-import-progress', max: '1', value: '0', 'aria-label': 'Import progress', hidden: true});
  const state = h('p', {id: 'kpi-import-state', 'aria-live': 'polite'});
  const errors = h('div', {id: 'kpi-import-errors', class: 'table-scroll'});
  const upload = async () => {
    if (!file.files.length) { fail(new Error('Choose a CSV file first.')); return; }
    errors.replaceChildren();
    try {
      let job = await kpi.importCsv(await file.files[0].text());
      progress.hidden = false;
      while (!['COMPLETED', 'FAILED'].includes(job.status)) {
        progress.max = Math.max(1, job.rowsTotal || 1);
        progress.value = job.rowsDone || 0;
        state.textContent = `${words(job.status)}: ${job.rowsDone || 0} of ${job.rowsTotal ?? '?'} rows`;
        await new Promise(resolve => setTimeout(resolve, 400));
        job = await kpi.importJob(job.id);
      }
      progress.max = Math.max(1, job.rowsTotal || 1);
      progress.value = job.rowsDone || 0;
      state.textContent = job.status === 'FAILED' ? `Failed: ${job.failure}`
        : `Done: ${job.rowsImported} row(s) imported, ${job.rowsRejected} rejected.`;
      say(state.textContent);
      if (job.rowsRejected) {
        const all = await kpi.importErrors(job.id);
        errors.replaceChildren(h('table', {class: 'data-table'}, h('caption', {}, 'Rejected rows: fix them and import these rows again'),
          h('thead', {}, h('tr', {}, ['Line', 'Field', 'Problem'].map(c => h('th', {scope: 'col'}, c)))),
          h('tbody', {}, (all.items || all).map(e => h('tr', {}, h('td', {class: 'num'}, e.line), h('td', {}, e.field || '–'), h('td', {}, e.message))))));
      }
      await reload();
    } catch (e) { fail(e); }
  };
  return h('section', {class: 'panel', 'aria-labelledby': 'import-heading'}, h('h2', {id: 'import-heading'}, 'Import a CSV'),
    h('div', {class: 'field'}, h('label', {for: 'kpi-csv'}, 'CSV file'), file,
      h('p', {class: 'help', id: 'kpi-csv-help'}, 'One value per row, the columns of ',
        h('a', {href: kpi.templateUrl()}, 'the template'), `; rows of clusters you may not report for are rejected.`)),
    h('div', {class: 'actions'}, h('button', {type: 'button', id: 'kpi-upload', onclick: upload}, 'Upload and import')),
    progress, state, errors);
}

/** The secretariat sees every cluster's imports (a coordinator's list holds its own): status, rows, who. */
async function importsPanel() {
  const page = await kpi.imports({size: 20});
  return h('section', {class: 'panel', 'aria-labelledby': 'imports-heading'}, h('h2', {id: 'imports-heading'}, 'Recent imports, all clusters'),
    page.items.length ? h('div', {class: 'table-scroll'}, h('table', {class: 'data-table', id: 'kpi-imports'},
      h('caption', {}, `${page.totalItems} import(s), newest first`),
      h('thead', {}, h('tr', {}, ['Started', 'Status', 'Rows', 'Imported', 'Rejected', 'By'].map(c => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, page.items.map(j => h('tr', {}, h('th', {scope: 'row'}, (j.createdAt || '').slice(0, 16).replace('T', ' ')),
        h('td', {}, words(j.status)), h('td', {class: 'num'}, j.rowsTotal ?? '–'), h('td', {class: 'num'}, j.rowsImported ?? '–'),
        h('td', {class: 'num'}, j.rowsRejected ?? '–'), h('td', {}, j.createdBy || '–')))))) : h('p', {class: 'empty'}, 'No import yet.'));
}
