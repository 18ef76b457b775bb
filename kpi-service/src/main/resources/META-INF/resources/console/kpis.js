// KPI reports: KPI reports, corrections and CSV imports.
import {h, show} from './ui.js';

/** #/kpis/… */
export async function route(parts, params) {
  show('KPI reports', h('p', {}, 'Coming next.'));
}
