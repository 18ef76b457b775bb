// Projects: projects, stages up to FID with the readiness checklist, milestones.
import {h, show} from './ui.js';

/** #/projects/… */
export async function route(parts, params) {
  show('Projects', h('p', {}, 'Coming next.'));
}
