// The TIC console: routing and the session. Screens: applications.js (secretariat's inbox, a coordinator's
// application form), clusters.js (cluster pages and parties), projects.js (projects and their stages), kpis.js (KPI reports,
// corrections and CSV imports), secretariat.js (merges, policy adoptions, API clients). Every action answers with what
// changed, or the problem+json's words.
import * as auth from './auth.js';
import {$, h, say, fail, show, clusterName, clearStale} from './ui.js';
import {inbox, application, apply} from './applications.js';
import {cluster} from './clusters.js';
import * as projects from './projects.js';
import * as kpis from './kpis.js';
import * as secretariat from './secretariat.js';

const view = $('#view');

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
  if (r.secretariat) {
    tasks.push(h('li', {}, h('a', {href: '#/applications'}, 'Applications to review')));
    tasks.push(h('li', {}, h('a', {href: '#/merges'}, 'Merge clusters')));
    tasks.push(h('li', {}, h('a', {href: '#/policies'}, 'National policy adoptions')));
    tasks.push(h('li', {}, h('a', {href: '#/api-clients'}, 'Partner API clients')));
  }
  if (r.coordinator || r.secretariat) tasks.push(h('li', {}, h('a', {href: '#/apply'}, 'Draft an application')));
  r.clusters.forEach(id => tasks.push(h('li', {}, h('a', {href: `#/clusters/${id}`, 'data-cluster': id}, 'Your cluster'))));
  if (r.coordinator) tasks.push(h('li', {}, h('a', {href: '#/applications'}, "Your clusters' applications")));
  if (r.coordinator || r.secretariat) {
    tasks.push(h('li', {}, h('a', {href: '#/projects'}, 'Projects and their stages')));
    tasks.push(h('li', {}, h('a', {href: '#/kpis'}, 'Report and correct KPIs, import a CSV')));
  }
  show(`Welcome, ${r.name}`, h('section', {class: 'panel', 'aria-labelledby': 'tasks-heading'},
    h('h2', {id: 'tasks-heading'}, 'What you can do'), h('ul', {}, tasks)));
  r.clusters.forEach(async id => {
    const link = view.querySelector(`a[data-cluster="${id}"]`);
    if (link) link.textContent = `Your cluster: ${await clusterName(id)}`;
  });
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
    if (parts[0] === 'projects') return await projects.route(parts.slice(1), params);
    if (parts[0] === 'kpis') return await kpis.route(parts.slice(1), params);
    if (parts[0] === 'merges') return await secretariat.merges();
    if (parts[0] === 'policies') return await secretariat.policies();
    if (parts[0] === 'api-clients') return await secretariat.apiClients(params);
    return home();
  } catch (e) {
    fail(e);
  }
}

$('#sign-in').addEventListener('click', () => auth.signIn().catch(fail));
$('#sign-out').addEventListener('click', () => { auth.signOut(); refreshSession(); location.hash = '#/'; home(); say('Signed out.'); });
window.addEventListener('hashchange', () => { clearStale(); route(); });
auth.completeSignIn().then(done => { if (done) say('Signed in.'); }).catch(fail).finally(() => { refreshSession(); route(); });
