// Shared by the console's screens: building elements, the status line and error box, the view, cluster names.
import {ApiError, membership} from './api.js';

export const $ = (sel, root = document) => root.querySelector(sel);
const view = () => $('#view');
const names = new Map(); // cluster id → name

export function h(tag, attrs = {}, ...children) {
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

let saidAt = 0;

/** What changed, in the polite status line (screen readers hear it); clears the error box. */
export function say(message) {
  $('#live-status').textContent = message;
  $('#error').hidden = true;
  saidAt = Date.now();
}

/** On another screen, an earlier screen's message and error go (not one an action just gave on its way there). */
export function clearStale() {
  if (Date.now() - saidAt > 2000) {
    $('#live-status').textContent = '';
    $('#error').hidden = true;
  }
}

/** A refusal in words: the problem+json's title, status, detail and each violation. */
export function fail(e) {
  const box = $('#error');
  box.replaceChildren(h('p', {}, h('strong', {}, e instanceof ApiError ? `${e.problem.title || 'Refused'} (${e.status})` : 'Error'),
    ': ', e.message));
  if (e instanceof ApiError && e.details().length) {
    box.append(h('ul', {}, e.details().map(d => h('li', {}, d))));
  }
  box.hidden = false;
  $('#live-status').textContent = '';
}

/** Replaces the view: its h1 (focused, so keyboard and screen-reader users land on it) and content. */
export function show(title, ...content) {
  document.title = `${title} – TIC console`;
  const heading = h('h1', {tabindex: '-1', id: 'view-title'}, title);
  view().replaceChildren(heading, ...content);
  heading.focus();
}

/** An API code in words: SUBMITTED_AT → "submitted at". */
export const words = (v) => String(v ?? '').replace(/_/g, ' ').toLowerCase();

/** A labelled form field, with its help text (id {id}-help) when there is one. */
export function field(id, label, input, help) {
  return h('div', {class: 'field'}, h('label', {for: id}, label), input,
    help ? h('p', {class: 'help', id: `${id}-help`}, help) : null);
}

/** The roles a party can have in a cluster (membership-service's PartyRole). */
export const PARTY_ROLES = ['MEMBER', 'COORDINATOR', 'GOVERNMENT_PARTNER', 'PORT_AUTHORITY', 'FINANCIER', 'LABOUR_PARTNER',
  'COMMUNITY_PARTNER', 'RESEARCH_PARTNER', 'OBSERVER'];

export const fmtDate = (instant) => instant ? new Date(instant).toISOString().slice(0, 10) : '–';

export function rememberName(id, name) {
  names.set(id, name);
}

export async function clusterName(id) {
  if (!names.has(id)) {
    try { names.set(id, (await membership.cluster(id)).name); } catch (e) { names.set(id, id); }
  }
  return names.get(id);
}
