// Formatting and small DOM helpers shared by the views.

const numberFormat = new Intl.NumberFormat('en', {maximumFractionDigits: 2});

/** A number for people: 4,500 / 14.5; null and undefined as an en dash. */
export function num(value) {
  if (value === null || value === undefined || value === '') {
    return '–';
  }
  return numberFormat.format(Number(value));
}

const UNIT_LABELS = {
  MT_CO2E_PER_YEAR: 'Mt CO2e/yr',
  KT_CO2E_PER_YEAR: 'kt CO2e/yr',
  T_CO2E_PER_YEAR: 't CO2e/yr',
  CURRENCY_BILLIONS: 'billion',
  HEADCOUNT: 'jobs (headcount)',
  FTE: 'jobs (FTE)',
  JOB_YEARS: 'job-years',
  MT_CO2_PER_YEAR: 'Mt CO2/yr',
};

/** A unit for people; GDP totals carry their currency. */
export function unitLabel(unit, currency) {
  if (unit === 'CURRENCY_BILLIONS' && currency) {
    return `${currency} billion`;
  }
  return UNIT_LABELS[unit] || (unit ? String(unit).toLowerCase().replaceAll('_', ' ') : '');
}

const ACRONYMS = new Set(['fid', 'feed', 'ccs', 'ccus', 'co2', 'co2e', 'gdp', 'usd', 'eu', 'uk', 'us']);

/** SCREAMING_CASE → "Screaming case" (acronyms such as FID, FEED, CO2 kept in capitals). */
export function words(code) {
  if (!code) {
    return '–';
  }
  const s = String(code).toLowerCase().split('_')
    .map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w)).join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const REGION_NAMES = {
  AFRICA: 'Africa',
  ASIA_PACIFIC: 'Asia-Pacific',
  EUROPE: 'Europe',
  LATIN_AMERICA_CARIBBEAN: 'Latin America & Caribbean',
  MIDDLE_EAST: 'Middle East',
  NORTH_AMERICA: 'North America',
};

export function regionName(code) {
  return REGION_NAMES[code] || words(code);
}

let regionNames;

/** ISO country code → English name (the code itself where the browser does not know it). */
export function countryName(code) {
  if (!code) {
    return '–';
  }
  try {
    regionNames = regionNames || new Intl.DisplayNames(['en'], {type: 'region'});
    return regionNames.of(code) || code;
  } catch (e) {
    return code;
  }
}

/** Creates an element: el('td', {className: 'num'}, 'text', child, ...). */
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) {
      continue;
    }
    if (k === 'className') {
      e.className = v;
    } else if (k === 'dataset') {
      Object.assign(e.dataset, v);
    } else if (k === 'text') {
      e.textContent = v;
    } else {
      e.setAttribute(k, v === true ? '' : v);
    }
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) {
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
  return e;
}

/**
 * A data table: columns [{label, num?}], rows of cells (strings, numbers or nodes); the first cell of a row is its
 * header (th scope=row).
 */
export function table(caption, columns, rows, options = {}) {
  const head = el('tr', {}, columns.map((c) => el('th', {scope: 'col', className: c.num ? 'num' : null}, c.label)));
  const body = rows.map((r) => el('tr', {}, r.map((cell, i) => el(i === 0 ? 'th' : 'td',
    {scope: i === 0 ? 'row' : null, className: columns[i] && columns[i].num ? 'num' : null}, cell))));
  return el('table', {className: 'data-table', id: options.id},
    el('caption', {}, caption), el('thead', {}, head),
    el('tbody', {}, body.length ? body : [el('tr', {}, el('td', {colspan: columns.length, className: 'empty'}, options.empty || 'Nothing yet.'))]));
}

/** Replaces a container's content. */
export function fill(container, ...children) {
  container.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
}
