// TIC dashboard: the initiative at a glance, from kpi-service's public endpoints only.
// Routes (in the hash, so the page stays static): #/?asOf=YYYY-MM-DD and #/clusters/{id}?asOf=YYYY-MM-DD.
// Live: polls /initiative/version with If-None-Match; a 304 changes nothing on the page.

import {api, ApiError} from './api.js';
import {el, fill, num, table, unitLabel, words, regionName, countryName} from './format.js';
import {draw, lineStyle, barStyle, baseOptions} from './charts.js';
import {initMap} from './map.js';

const REGIONS = ['NORTH_AMERICA', 'EUROPE', 'MIDDLE_EAST', 'ASIA_PACIFIC', 'LATIN_AMERICA_CARIBBEAN', 'AFRICA'];
const TYPES = ['PORT', 'ENERGY_HUB', 'INDUSTRIAL_COMPLEX', 'SPECIAL_ECONOMIC_ZONE', 'ECO_INDUSTRIAL_PARK', 'HYDROGEN_VALLEY', 'OTHER'];
const SORT_LABELS = {
  name: 'name', country: 'country', worldRegion: 'world region', type: 'type', status: 'status',
  signatorySince: 'signatory since', projects: 'projects',
};

const $ = (sel) => document.querySelector(sel);
const MIN_DATE = '2000-01-01';

const state = {
  today: null, // the server's UTC day, from /initiative/version
  asOf: null, // null = today
  view: 'overview',
  clusterId: null,
  versionEtag: null,
  published: null,
  loadSeq: 0,
  tableSeq: 0,
  breakdownSeq: 0,
  table: {sort: 'name', desc: false, page: 0, size: 10, q: '', status: 'SIGNATORY', worldRegion: '', type: ''},
  rendered: {}, // section → the data it shows, to skip redraws when nothing changed
};

const pollMs = Math.max(500, Number(new URLSearchParams(location.search).get('poll')) || 5000);

// ---------------------------------------------------------------------------------------------------------------
// Routing and state

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query] = raw.split('?');
  const params = new URLSearchParams(query || '');
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(params.get('asOf') || '') ? params.get('asOf') : null;
  const m = path.match(/^\/clusters\/([0-9a-fA-F-]{36})$/);
  return {view: m ? 'cluster' : 'overview', clusterId: m ? m[1] : null, asOf};
}

function hrefFor(view, clusterId, asOf) {
  const q = asOf ? `?asOf=${asOf}` : '';
  return view === 'cluster' ? `#/clusters/${clusterId}${q}` : `#/${q}`;
}

function effectiveDate() {
  return state.asOf || state.today;
}

function setDateLabels() {
  const d = effectiveDate();
  document.querySelectorAll('.as-of-label').forEach((e) => {
    e.textContent = d ? `on ${d}${state.asOf ? '' : ' (today)'}` : '';
  });
  const input = $('#as-of');
  if (d && input.value !== d) {
    input.value = d;
  }
  if (state.today) {
    input.max = state.today;
  }
  input.min = MIN_DATE;
  $('#back-link').setAttribute('href', hrefFor('overview', null, state.asOf));
  $('#home-link').setAttribute('href', hrefFor('overview', null, state.asOf));
}

function markRendered() {
  document.body.dataset.renders = String(Number(document.body.dataset.renders || 0) + 1);
}

/** Renders a section only when its data differ from what it shows. */
function changed(section, data) {
  const key = JSON.stringify(data);
  if (state.rendered[section] === key) {
    return false;
  }
  state.rendered[section] = key;
  markRendered();
  return true;
}

function showError(err) {
  const box = $('#error');
  if (!err) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  box.textContent = `Could not load the data: ${err.message}`;
  box.hidden = false;
}

async function route({focus = true} = {}) {
  const r = parseHash();
  const viewChanged = r.view !== state.view || r.clusterId !== state.clusterId;
  state.view = r.view;
  state.clusterId = r.clusterId;
  state.asOf = r.asOf && state.today && r.asOf >= state.today ? null : r.asOf;
  $('#overview-view').hidden = state.view !== 'overview';
  $('#cluster-view').hidden = state.view !== 'cluster';
  setDateLabels();
  await load();
  if (focus && viewChanged) {
    if (state.view === 'cluster') {
      $('#cluster-name').focus();
    } else if (document.activeElement === document.body || $('#cluster-view').contains(document.activeElement)) {
      $('#main').focus();
    }
  }
}

async function load({fromPoll = false} = {}) {
  const seq = ++state.loadSeq;
  const asOf = state.asOf;
  document.body.dataset.state = 'loading';
  $('#main').setAttribute('aria-busy', 'true');
  try {
    if (state.view === 'cluster') {
      await loadCluster(seq);
    } else {
      await loadOverview(seq);
    }
    if (seq !== state.loadSeq) {
      return;
    }
    showError(null);
    if (fromPoll) {
      $('#live-status').textContent = `Updated with new data at ${new Date().toLocaleTimeString('en-GB')}.`;
    }
  } catch (err) {
    if (seq === state.loadSeq) {
      showError(err);
    }
  } finally {
    if (seq === state.loadSeq) {
      $('#main').removeAttribute('aria-busy');
      document.body.dataset.asOf = asOf || state.today || '';
      document.body.dataset.view = state.view;
      document.body.dataset.state = 'ready';
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Overview

async function loadOverview(seq) {
  const asOf = state.asOf;
  const by = $('#breakdown-by').value;
  if (!state.published) {
    state.published = await api.published();
  }
  const [from, interval] = seriesRange();
  const [summary, series, pipeline, breakdown, regions] = await Promise.all([
    api.summary(asOf),
    api.timeseries(from, asOf, interval),
    api.pipeline(),
    api.breakdown(by, asOf),
    by === 'worldRegion' ? null : api.breakdown('worldRegion', asOf),
  ]);
  if (seq !== state.loadSeq) {
    return;
  }
  await loadTable();
  renderTiles(summary);
  renderGrowth(series, summary);
  renderPipeline(pipeline);
  renderBreakdown(breakdown);
  renderRegions(regions || breakdown);
}

function yearsBefore(date, years) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

/** From the year of the initiative's first published figures (else three years back) to the date. */
function seriesRange() {
  const to = effectiveDate();
  const first = state.published && state.published.length ? state.published[0].asOf : null;
  let from = first ? `${first.slice(0, 4)}-01-01` : yearsBefore(to, 3);
  if (from >= to) {
    from = yearsBefore(to, 1);
  }
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return [from, years > 8 ? 'year' : years >= 2 ? 'quarter' : 'month'];
}

/** The headline bucket of a metric: summable first, then the widest coverage. */
function pick(totals, predicate) {
  const candidates = totals.filter(predicate).sort((a, b) =>
    (Number(b.summable) - Number(a.summable)) || (b.coverage.reporting - a.coverage.reporting) || a.key.localeCompare(b.key));
  return {main: candidates[0] || null, others: candidates.slice(1)};
}

export function headlineBuckets(summary) {
  const totals = summary.totals || [];
  return {
    co2e: pick(totals, (t) => t.metric === 'CO2E' && t.co2eMetricType === 'POTENTIAL_REDUCTION'),
    gdp: pick(totals, (t) => t.metric === 'GDP'),
    jobs: pick(totals, (t) => t.metric === 'JOBS'),
  };
}

function setText(node, text) {
  if (node.textContent !== text) {
    node.textContent = text;
  }
}

function setTile(id, {value, unit, coverage, published, detail, data = {}}) {
  const tile = document.getElementById(id);
  const valueNode = tile.querySelector('.value');
  valueNode.dataset.value = value === null || value === undefined ? '' : String(value);
  setText(valueNode, typeof value === 'number' || (typeof value === 'string' && value !== '' && !isNaN(value)) ? num(value) : (value || '–'));
  setText(tile.querySelector('.unit'), unit || '');
  setText(tile.querySelector('.coverage'), coverage || '');
  Object.assign(tile.dataset, data);
  const pub = tile.querySelector('.published');
  if (published) {
    const link = published.sourceUrl ? el('a', {href: published.sourceUrl, rel: 'noopener'}, 'source') : null;
    fill(pub, `${published.text} `, link ? ['(', link, ')'] : null);
    pub.dataset.value = published.value === null || published.value === undefined ? '' : String(published.value);
    pub.title = published.wording || '';
  } else {
    fill(pub, '');
    pub.dataset.value = '';
    pub.removeAttribute('title');
  }
  const detailNode = tile.querySelector('.detail');
  if (detailNode) {
    setText(detailNode, detail || '');
  }
}

function metricTile(id, picked, summary, published) {
  const t = picked.main;
  const others = picked.others.map((o) => `${o.label}: ${o.summable ? num(o.total) + ' ' + unitLabel(o.unit, o.currency) : 'not summed'} (${o.coverage.reporting} of ${o.coverage.of})`);
  if (!t) {
    setTile(id, {
      value: null,
      coverage: `No reports yet (0 of ${summary.signatoryClusters} clusters)`,
      published, detail: '', data: {reporting: '0', of: String(summary.signatoryClusters), key: ''},
    });
    return;
  }
  setTile(id, {
    value: t.summable ? t.total : 'Not summed',
    unit: t.summable ? unitLabel(t.unit, t.currency) : '',
    coverage: `from ${t.coverage.reporting} of ${t.coverage.of} clusters`,
    published,
    detail: [t.summable ? t.label : `${t.label}: ${t.notSummableReason}`, ...others].join(' · '),
    data: {reporting: String(t.coverage.reporting), of: String(t.coverage.of), key: t.key},
  });
}

function renderTiles(summary) {
  if (!changed('tiles', summary)) {
    return;
  }
  const p = summary.published || null;
  const pubText = (label, value) => p && value !== null && value !== undefined
    ? {text: `Published ${p.asOf}: ${label}`, value, sourceUrl: p.sourceUrl} : null;
  setTile('tile-clusters', {
    value: summary.signatoryClusters,
    unit: '',
    coverage: summary.signatoriesWithYearOnlyJoinDate
      ? `${summary.signatoriesWithYearOnlyJoinDate} counted from 1 January of their joining year`
      : 'signatories on the date',
    published: pubText(num(p && p.clusters), p && p.clusters),
  });
  setTile('tile-countries', {
    value: summary.countries,
    coverage: summary.countryCodes && summary.countryCodes.length ? summary.countryCodes.join(', ') : 'no signatories yet',
    published: pubText(num(p && p.countries), p && p.countries),
  });
  // The policy level next to the clusters: national adoptions of the framework on the date.
  const policy = summary.policy || {adoptingCountries: 0, adoptingCountryCodes: [], adoptions: 0};
  setTile('tile-policy', {
    value: policy.adoptingCountries,
    coverage: policy.adoptingCountryCodes.length ? policy.adoptingCountryCodes.join(', ') : 'no national adoption recorded yet',
    published: null,
    data: {adoptions: String(policy.adoptions)},
  });
  const b = headlineBuckets(summary);
  const co2ePub = p && p.co2eMt !== null && p.co2eMt !== undefined ? {
    text: `Published ${p.asOf}: ${num(p.co2eMt)} Mt CO2e/yr${p.co2eMetricType && p.co2eMetricType !== 'POTENTIAL_REDUCTION' ? ` (${words(p.co2eMetricType).toLowerCase()})` : ''}`,
    value: p.co2eMt, sourceUrl: p.sourceUrl, wording: p.co2eWording,
  } : null;
  metricTile('tile-co2e', b.co2e, summary, co2ePub);
  metricTile('tile-gdp', b.gdp, summary, pubText(`USD ${num(p && p.gdpUsdBillion)} billion`, p && p.gdpUsdBillion));
  const jobsPub = p && p.jobsMillion !== null && p.jobsMillion !== undefined
    ? {text: `Published ${p.asOf}: ${num(p.jobsMillion)} million`, value: p.jobsMillion, sourceUrl: p.sourceUrl, wording: p.jobsWording} : null;
  metricTile('tile-jobs', b.jobs, summary, jobsPub);
}

function renderGrowth(series, summary) {
  if (!changed('growth', series)) {
    return;
  }
  const main = headlineBuckets(summary).co2e.main;
  const key = main ? main.key : 'CO2E|POTENTIAL_REDUCTION|SCOPE_1_2';
  const labels = series.points.map((p) => p.asOf);
  const co2e = series.points.map((p) => {
    const t = p.totals.find((x) => x.key === key);
    return t ? t.total : null;
  });
  const datasets = [
    {label: 'Signatory clusters', data: series.points.map((p) => p.signatoryClusters), yAxisID: 'y', ...lineStyle(0)},
    {label: 'Countries', data: series.points.map((p) => p.countries), yAxisID: 'y', ...lineStyle(1)},
    {label: 'CO2e reduction potential (Mt/yr)', data: co2e, yAxisID: 'y1', spanGaps: true, ...lineStyle(2)},
  ];
  const last = series.points[series.points.length - 1];
  draw($('#growth-chart'), {
    type: 'line',
    data: {labels, datasets},
    options: baseOptions({
      scales: {
        y: {beginAtZero: true, title: {display: true, text: 'Clusters, countries'}, ticks: {precision: 0}},
        y1: {beginAtZero: true, position: 'right', title: {display: true, text: 'Mt CO2e/yr'}, grid: {drawOnChartArea: false}},
      },
    }),
  }, `Line chart from ${series.from} to ${series.to}, every ${series.interval}: signatory clusters, countries and CO2e `
    + `reduction potential. On ${last ? last.asOf : ''}: ${last ? last.signatoryClusters : 0} clusters, `
    + `${last ? last.countries : 0} countries. The same data are in the table below.`);
  fill($('#growth-table'), table(`Growth, every ${series.interval}`,
    [{label: 'As of'}, {label: 'Signatory clusters', num: true}, {label: 'Countries', num: true}, {label: 'CO2e potential (Mt/yr)', num: true}],
    series.points.map((p, i) => [p.asOf, num(p.signatoryClusters), num(p.countries), num(co2e[i])])));
}

function renderPipeline(pipeline) {
  if (!changed('pipeline', pipeline)) {
    return;
  }
  const stages = pipeline.stages.map((s) => s.stage);
  const categories = Object.keys(pipeline.byCategory).sort();
  const datasets = categories.map((c, i) => ({
    label: words(c),
    data: pipeline.stages.map((s) => s.byCategory[c] || 0),
    ...barStyle(i),
  }));
  setText($('#pipeline-note'), `${pipeline.projects} projects, ${pipeline.reachedFid} of them reached a final investment `
    + 'decision. Stages as they are now (the pipeline is not dated).');
  const box = $('#pipeline-chart').parentElement;
  box.style.height = `${Math.max(220, 48 * stages.length + 90)}px`;
  draw($('#pipeline-chart'), {
    type: 'bar',
    data: {labels: stages.map(words), datasets},
    options: baseOptions({
      indexAxis: 'y',
      scales: {x: {stacked: true, beginAtZero: true, ticks: {precision: 0}, title: {display: true, text: 'Projects'}}, y: {stacked: true}},
    }),
  }, `Bar chart of ${pipeline.projects} projects by stage, stacked by category: `
    + pipeline.stages.map((s) => `${words(s.stage)} ${s.projects}`).join(', ') + '.');
  fill($('#pipeline-table'), table('Projects by stage and category',
    [{label: 'Stage'}, ...categories.map((c) => ({label: words(c), num: true})), {label: 'Total', num: true}],
    pipeline.stages.map((s) => [words(s.stage), ...categories.map((c) => num(s.byCategory[c] || 0)), num(s.projects)]),
    {empty: 'No projects yet.'}));
}

const BY_LABELS = {country: 'country', worldRegion: 'world region', clusterType: 'cluster type', cohort: 'joining year (cohort)'};

function groupLabel(by, key) {
  if (by === 'country') {
    return `${countryName(key)} (${key})`;
  }
  return by === 'worldRegion' ? regionName(key) : words(key);
}

function renderBreakdown(b) {
  if (!changed('breakdown', b)) {
    return;
  }
  // Cohorts in time order (UNKNOWN last); other groups largest first.
  const groups = [...b.groups].sort(b.by === 'cohort' ? (x, y) => x.key.localeCompare(y.key)
    : (x, y) => (y.clusters - x.clusters) || x.key.localeCompare(y.key));
  const labels = groups.map((g) => groupLabel(b.by, g.key));
  $('#breakdown-box').style.height = `${Math.max(200, 30 * groups.length + 80)}px`;
  draw($('#breakdown-chart'), {
    type: 'bar',
    data: {labels, datasets: [{label: 'Signatory clusters', data: groups.map((g) => g.clusters), ...barStyle(0)}]},
    options: baseOptions({
      indexAxis: 'y',
      plugins: {legend: {display: false}},
      scales: {x: {beginAtZero: true, ticks: {precision: 0}, title: {display: true, text: 'Signatory clusters'}}},
    }),
  }, `Bar chart of signatory clusters by ${BY_LABELS[b.by] || b.by}: `
    + groups.map((g, i) => `${labels[i]} ${g.clusters}`).join(', ') + '.');
  const co2e = (g) => {
    const t = pick(g.totals || [], (x) => x.metric === 'CO2E' && x.co2eMetricType === 'POTENTIAL_REDUCTION').main;
    return t && t.summable ? num(t.total) : '–';
  };
  // By country, the policy level beside the clusters: since when the country had adopted the framework.
  const policy = b.by === 'country';
  const adopted = (g) => (g.policy && g.policy.adopted ? g.policy.adoptedSince : '–');
  fill($('#breakdown-table'), table(`Signatory clusters by ${BY_LABELS[b.by] || b.by} on ${b.asOf}`,
    [{label: words(BY_LABELS[b.by] || b.by)}, {label: 'Clusters', num: true}, {label: 'Countries', num: true}, {label: 'Projects', num: true},
      {label: 'CO2e potential (Mt/yr)', num: true}, ...(policy ? [{label: 'Framework adopted since'}] : [])],
    groups.map((g, i) => [labels[i], num(g.clusters), num(g.countries.length), num(g.projects), co2e(g),
      ...(policy ? [adopted(g)] : [])]),
    {empty: 'No signatories on this date.'}));
}

function renderRegions(b) {
  if (!changed('regions', b)) {
    return;
  }
  const byKey = new Map(b.groups.map((g) => [g.key, g]));
  const keys = [...REGIONS, ...b.groups.map((g) => g.key).filter((k) => !REGIONS.includes(k))];
  const max = Math.max(1, ...b.groups.map((g) => g.clusters));
  fill($('#region-map'), keys.map((k) => {
    const g = byKey.get(k);
    const n = g ? g.clusters : 0;
    const level = n === 0 ? 0 : Math.min(4, 1 + Math.floor((3 * n) / max));
    return el('li', {className: `region level-${level}`, dataset: {region: k, clusters: String(n)}},
      el('span', {className: 'region-name'}, regionName(k)),
      el('span', {className: 'region-count'}, `${n} ${n === 1 ? 'cluster' : 'clusters'}`),
      el('span', {className: 'region-countries'}, g ? `${g.countries.length} ${g.countries.length === 1 ? 'country' : 'countries'}` : ''));
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Cluster table

async function loadTable() {
  const seq = ++state.tableSeq;
  const t = state.table;
  const params = {
    asOf: state.asOf, q: t.q, status: t.status, worldRegion: t.worldRegion, type: t.type,
    sort: `${t.desc ? '-' : ''}${t.sort}`, page: t.page, size: t.size,
  };
  let page = await api.clusters(params);
  if (page.totalPages > 0 && t.page >= page.totalPages) {
    t.page = page.totalPages - 1;
    page = await api.clusters({...params, page: t.page});
  }
  if (seq !== state.tableSeq) {
    return;
  }
  renderTable(page);
}

function renderTable(page) {
  const t = state.table;
  document.querySelectorAll('#cluster-table th[data-sort]').forEach((th) => {
    const active = th.dataset.sort === t.sort;
    if (active) {
      th.setAttribute('aria-sort', t.desc ? 'descending' : 'ascending');
    } else {
      th.removeAttribute('aria-sort');
    }
    const button = th.querySelector('button');
    const label = th.textContent.trim();
    button.setAttribute('aria-label', active
      ? `${label}, sorted ${t.desc ? 'descending' : 'ascending'}; sort ${t.desc ? 'ascending' : 'descending'}`
      : `${label}; sort by ${label.toLowerCase()}`);
  });
  if (!changed('table', {page, t, date: effectiveDate(), asOf: state.asOf})) {
    return;
  }
  const d = effectiveDate();
  const rows = page.items.map((c) => el('tr', {dataset: {id: c.id}},
    el('th', {scope: 'row'}, el('a', {href: hrefFor('cluster', c.id, state.asOf)}, c.name)),
    el('td', {}, c.country ? el('abbr', {title: countryName(c.country)}, c.country) : '–'),
    el('td', {}, regionName(c.worldRegion)),
    el('td', {}, words(c.type)),
    el('td', {}, el('span', {className: `status status-${(c.status || '').toLowerCase()}`}, words(c.status))),
    el('td', {}, c.signatorySince || '–'),
    el('td', {className: 'num'}, num(c.projects))));
  const body = $('#cluster-table tbody');
  fill(body, rows.length ? rows : [el('tr', {}, el('td', {colspan: 7, className: 'empty'}, 'No clusters match.'))]);
  const statusText = t.status ? `with status ${words(t.status).toLowerCase()}` : 'of any status';
  setText($('#cluster-caption'), `Clusters ${statusText} on ${d}, sorted by ${SORT_LABELS[t.sort]} `
    + `(${t.desc ? 'descending' : 'ascending'}).`);
  const pages = Math.max(1, page.totalPages);
  setText($('#page-info'), `Page ${page.page + 1} of ${pages} · ${page.totalItems} ${page.totalItems === 1 ? 'cluster' : 'clusters'}`);
  $('#page-prev').disabled = page.page <= 0;
  $('#page-next').disabled = page.page + 1 >= pages;
}

async function reloadTable() {
  try {
    await loadTable();
    showError(null);
  } catch (err) {
    showError(err);
  }
}

function wireTable() {
  document.querySelectorAll('#cluster-table th[data-sort] button').forEach((button) => {
    button.addEventListener('click', () => {
      const col = button.parentElement.dataset.sort;
      const t = state.table;
      t.desc = t.sort === col ? !t.desc : false;
      t.sort = col;
      t.page = 0;
      reloadTable();
    });
  });
  $('#page-prev').addEventListener('click', () => {
    state.table.page = Math.max(0, state.table.page - 1);
    reloadTable();
  });
  $('#page-next').addEventListener('click', () => {
    state.table.page += 1;
    reloadTable();
  });
  for (const [id, field] of [['#filter-status', 'status'], ['#filter-region', 'worldRegion'], ['#filter-type', 'type']]) {
    $(id).addEventListener('change', (e) => {
      state.table[field] = e.target.value;
      state.table.page = 0;
      reloadTable();
    });
  }
  $('#page-size').addEventListener('change', (e) => {
    state.table.size = Number(e.target.value);
    state.table.page = 0;
    reloadTable();
  });
  let timer;
  $('#filter-q').addEventListener('input', (e) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state.table.q = e.target.value.trim();
      state.table.page = 0;
      reloadTable();
    }, 250);
  });
  $('#cluster-filters').addEventListener('submit', (e) => e.preventDefault());
  fill($('#filter-region'), el('option', {value: ''}, 'All regions'), REGIONS.map((r) => el('option', {value: r}, regionName(r))));
  fill($('#filter-type'), el('option', {value: ''}, 'All types'), TYPES.map((r) => el('option', {value: r}, words(r))));
}

// ---------------------------------------------------------------------------------------------------------------
// One cluster

async function loadCluster(seq) {
  const id = state.clusterId;
  const asOf = state.asOf;
  const [kpis, projects, reports] = await Promise.all([
    api.clusterKpis(id, asOf),
    api.clusterProjects(id, asOf),
    api.clusterReports(id).catch((err) => ({error: err})),
  ]);
  if (seq !== state.loadSeq) {
    return;
  }
  if (!changed('cluster', {kpis, projects, reports})) {
    return;
  }
  document.title = `${kpis.name} – TIC dashboard`;
  setText($('#cluster-name'), kpis.name);
  const facts = [
    ['Country', kpis.country ? `${countryName(kpis.country)} (${kpis.country})` : '–'],
    ['World region', regionName(kpis.worldRegion)],
    ['Type', words(kpis.type)],
    ['Sectors', kpis.sectors && kpis.sectors.length ? kpis.sectors.join(', ') : '–'],
    [`Status on ${kpis.asOf}`, words(kpis.status)],
    ['Counted in the initiative totals', kpis.countedInInitiativeTotals ? 'Yes' : `No – ${kpis.notCountedReason || ''}`],
  ];
  if (kpis.mergedInto) {
    facts.push(['Merged into', el('a', {href: hrefFor('cluster', kpis.mergedInto, state.asOf)}, 'the joint cluster')]);
  }
  fill($('#cluster-facts'), facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));

  fill($('#cluster-figures'), table(`Figures of ${kpis.name} on ${kpis.asOf}`,
    [{label: 'Figure'}, {label: 'Value', num: true}, {label: 'Unit'}, {label: 'Own value', num: true}, {label: 'Includes merged clusters', num: true}],
    kpis.figures.map((f) => [f.label, num(f.value), unitLabel(f.unit), num(f.ownValue), f.inheritedFrom ? num(f.inheritedFrom.length) : '–']),
    {empty: 'No figures reported on this date.', id: 'figures-table'}));

  const reported = new Map();
  for (const p of kpis.projects || []) {
    const list = reported.get(p.projectId) || [];
    list.push(`${p.label}: ${num(p.value)} ${unitLabel(p.unit)}${p.shared ? ' (shared)' : ''}`);
    reported.set(p.projectId, list);
  }
  fill($('#cluster-projects'), table(`Projects of ${kpis.name}`,
    [{label: 'Project'}, {label: 'Category'}, {label: 'Stage'}, {label: 'Stage since'}, {label: 'FID'}, {label: 'Role'},
      {label: 'Capacity', num: true}, {label: 'CO2e estimate', num: true}, {label: 'Reported values'}],
    projects.map((p) => [p.name, words(p.category), words(p.stage), p.stageDate || '–', p.fidDate || '–',
      words(p.role) + (p.viaMergedCluster ? ' (via a merged cluster)' : ''),
      p.capacityValue !== undefined ? `${num(p.capacityValue)} ${unitLabel(p.capacityUnit)}` : '–',
      p.co2eValue !== undefined ? `${num(p.co2eValue)} ${unitLabel(p.co2eUnit)}` : '–',
      (reported.get(p.id) || []).join('; ') || '–']),
    {empty: 'No projects.', id: 'projects-table'}));

  fill($('#cluster-status'), table(`Membership status history of ${kpis.name}`,
    [{label: 'Status'}, {label: 'From'}, {label: 'Until'}, {label: 'Basis of the start date'}],
    kpis.statusHistory.map((s) => [words(s.status), s.validFrom, s.validTo || '–', words(s.origin)]),
    {empty: 'No status known.'}));

  renderReportHistory(kpis, reports);
}

function renderReportHistory(kpis, reports) {
  const box = $('#kpi-history');
  if (reports.error) {
    $('#kpi-history-box').hidden = true;
    const msg = reports.error instanceof ApiError && (reports.error.status === 401 || reports.error.status === 403)
      ? 'Sign in to see the history of reported values.' : `The report history could not be loaded: ${reports.error.message}`;
    fill(box, el('p', {className: 'note'}, msg));
    return;
  }
  const items = reports.items || [];
  fill(box, table(`Every reported value of ${kpis.name}, newest first (corrections keep the versions they replaced)`,
    [{label: 'Reported on'}, {label: 'Figure'}, {label: 'Value', num: true}, {label: 'Unit'}, {label: 'Period'},
      {label: 'Confidence'}, {label: 'Version'}],
    items.map((r) => [r.reportedOn, r.bucket ? r.bucket.label : words(r.metric), num(r.value), unitLabel(r.unit),
      `${r.periodStart} – ${r.periodEnd}`, words(r.confidence),
      `${r.revision}${r.current ? ' (current)' : ` (until ${r.validTo || '–'})`}${r.correctionReason ? `: ${r.correctionReason}` : ''}`]),
    {empty: 'No values reported yet.', id: 'history-table'}));
  // Chart: each figure's value (in its roll-up unit) from the date each version took effect, held until the next
  // one (a stepped line), up to the date shown.
  const shownDate = effectiveDate();
  const dates = [...new Set([...items.map((r) => r.validFrom || r.reportedOn), shownDate])]
    .filter((d) => d <= shownDate).sort();
  const byBucket = new Map();
  for (const r of items) {
    if (!r.bucket || !r.normalised) {
      continue;
    }
    const series = byBucket.get(r.bucket.key) || {label: r.bucket.label, unit: r.normalised.unit, points: new Map()};
    series.points.set(r.validFrom || r.reportedOn, r.normalised.value);
    byBucket.set(r.bucket.key, series);
  }
  $('#kpi-history-box').hidden = byBucket.size === 0;
  if (byBucket.size) {
    const datasets = [...byBucket.values()].map((s, i) => ({
      label: `${s.label} (${unitLabel(s.unit)})`,
      data: carriedForward(dates, s.points),
      stepped: true, ...lineStyle(i),
    }));
    draw($('#kpi-history-chart'), {type: 'line', data: {labels: dates, datasets}, options: baseOptions()},
      `Reported values of ${kpis.name} by the date each version took effect; the table below lists them.`);
  }
}

/** The value standing at each date: the latest point on or before it (null before the first). */
function carriedForward(dates, points) {
  let current = null;
  return dates.map((d) => {
    if (points.has(d)) {
      current = points.get(d);
    }
    return current;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Live updates: poll the data version; 304 = nothing changed = nothing to do.

async function poll() {
  try {
    if (!document.hidden) {
      const v = await api.version(state.versionEtag);
      if (v.changed) {
        const first = state.versionEtag === null;
        state.versionEtag = v.etag;
        const dayChanged = state.today !== v.body.today;
        state.today = v.body.today;
        if (!first) {
          if (dayChanged) {
            setDateLabels();
          }
          await load({fromPoll: true});
        }
      }
    }
  } catch (err) {
    console.warn('dashboard: polling the data version failed', err.message);
  } finally {
    setTimeout(poll, pollMs);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Start

async function start() {
  document.body.dataset.renders = '0';
  wireTable();
  // Typing a date changes it field by field (day, month, then each digit of the year): wait for a pause, and
  // ignore the partial years on the way (0002, 0020, ...).
  let dateTimer;
  $('#as-of').addEventListener('change', (e) => {
    clearTimeout(dateTimer);
    const v = e.target.value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || v < MIN_DATE) {
      return;
    }
    dateTimer = setTimeout(() => {
      const asOf = state.today && v >= state.today ? null : v;
      const hash = hrefFor(state.view, state.clusterId, asOf);
      if (location.hash === hash || (location.hash === '' && hash === '#/')) {
        setDateLabels(); // same date (a future one is today): just show it again
      } else {
        location.hash = hash;
      }
    }, 300);
  });
  $('#as-of-today').addEventListener('click', () => {
    location.hash = hrefFor(state.view, state.clusterId, null);
  });
  $('#as-of-form').addEventListener('submit', (e) => e.preventDefault());
  $('#breakdown-by').addEventListener('change', async () => {
    const seq = ++state.breakdownSeq;
    try {
      const b = await api.breakdown($('#breakdown-by').value, state.asOf);
      if (seq === state.breakdownSeq) {
        renderBreakdown(b);
      }
    } catch (err) {
      showError(err);
    }
  });
  window.addEventListener('hashchange', () => route());
  try {
    const v = await api.version(null);
    state.versionEtag = v.etag;
    state.today = v.body.today;
  } catch (err) {
    showError(err);
  }
  await route({focus: false});
  initMap({box: $('#map-box'), legend: $('#map-legend'), list: $('#map-list'), note: $('#map-note'),
    clusterHref: (id) => hrefFor('cluster', id, state.asOf)}).catch(showError);
  setTimeout(poll, pollMs);
}

start();
