// The console's only way to the data: the services' public, documented APIs, called with the signed-in user's token.
import {accessToken} from './auth.js';
import {setting} from './settings.js';

const base = (service) => new URL(setting(service, `tic-${service}-api`), location.href);

/** A refused call, with what the problem+json said: title, detail and the failed rules or fields. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** The problem's list of failed fields or rules, as readable lines. */
  details() {
    const p = this.problem;
    const list = p.errors || p.violations || p.fieldErrors || p.rules || [];
    return list.map(e => typeof e === 'string' ? e
      : [e.field || e.rule || e.criterion || e.path, e.message || e.detail || e.explanation].filter(Boolean).join(': '));
  }
}

async function call(service, method, path, {body, ifMatch, params, raw, contentType} = {}) {
  const u = new URL(path, base(service));
  Object.entries(params || {}).forEach(([k, v]) => v !== undefined && v !== null && v !== '' && u.searchParams.set(k, v));
  const headers = {Accept: 'application/json, application/problem+json'};
  const token = await accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (raw !== undefined) headers['Content-Type'] = contentType;
  if (ifMatch !== undefined && ifMatch !== null) headers['If-Match'] = `"${ifMatch}"`;
  const payload = raw !== undefined ? raw : body === undefined ? undefined : JSON.stringify(body);
  const res = await fetch(u, {method, headers, body: payload, cache: 'no-store'});
  const text = await res.text();
  const json = text ? (() => { try { return JSON.parse(text); } catch (e) { return null; } })() : null;
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

export const membership = {
  applications: (params) => call('membership', 'GET', 'applications', {params}),
  application: (id) => call('membership', 'GET', `applications/${id}`),
  eligibility: (id) => call('membership', 'GET', `applications/${id}/eligibility`),
  draft: (body) => call('membership', 'POST', 'applications', {body}),
  update: (id, version, body) => call('membership', 'PUT', `applications/${id}`, {body, ifMatch: version}),
  act: (id, action, version, body) => call('membership', 'POST', `applications/${id}/${action}`, {body, ifMatch: version}),
  cluster: (id) => call('membership', 'GET', `clusters/${id}`),
  clusters: (params) => call('membership', 'GET', 'clusters', {params}),
  clusterStatus: (id, action, version, body) => call('membership', 'POST', `clusters/${id}/${action}`, {body, ifMatch: version}),
  updateCluster: (id, version, body) => call('membership', 'PUT', `clusters/${id}`, {body, ifMatch: version}),
  parties: (id) => call('membership', 'GET', `clusters/${id}/parties`),
  organizations: (params) => call('membership', 'GET', 'organizations', {params}),
};

export const kpi = {
  reports: (params) => call('kpi', 'GET', 'kpi-reports', {params}),
  report: (body) => call('kpi', 'POST', 'kpi-reports', {body}),
  correct: (id, revision, body) => call('kpi', 'POST', `kpi-reports/${id}/corrections`, {body, ifMatch: revision}),
  importCsv: (csv) => call('kpi', 'POST', 'kpi-imports', {raw: csv, contentType: 'text/csv'}),
  importJob: (id) => call('kpi', 'GET', `kpi-imports/${id}`),
  importErrors: (id) => call('kpi', 'GET', `kpi-imports/${id}/errors`, {params: {size: 200}}),
  imports: (params) => call('kpi', 'GET', 'kpi-imports', {params}),
  templateUrl: () => new URL('kpi-imports/template', base('kpi')).href,
};

// The secretariat's calls (merges, policy adoptions, partner API clients) and a cluster's parties.
Object.assign(membership, {
  merge: (body) => call('membership', 'POST', 'clusters/merges', {body}),
  policies: (params) => call('membership', 'GET', 'policy-adoptions', {params}),
  adoptPolicy: (body) => call('membership', 'POST', 'policy-adoptions', {body}),
  apiClients: (org) => call('membership', 'GET', `organizations/${org}/api-clients`, {params: {size: 100}}),
  registerApiClient: (org, body) => call('membership', 'POST', `organizations/${org}/api-clients`, {body}),
  rotateApiClient: (org, key) => call('membership', 'POST', `organizations/${org}/api-clients/${encodeURIComponent(key)}/rotate-secret`),
  revokeApiClient: (org, key) => call('membership', 'DELETE', `organizations/${org}/api-clients/${encodeURIComponent(key)}`),
  addParty: (cluster, body) => call('membership', 'POST', `clusters/${cluster}/parties`, {body}),
  endParty: (cluster, party) => call('membership', 'DELETE', `clusters/${cluster}/parties/${party}`),
});

export const project = {
  projects: (params) => call('project', 'GET', 'projects', {params}),
  project: (id) => call('project', 'GET', `projects/${id}`),
  create: (body) => call('project', 'POST', 'projects', {body}),
  stages: () => call('project', 'GET', 'stages'),
  history: (id) => call('project', 'GET', `projects/${id}/stage-history`, {params: {size: 100}}),
  move: (id, version, body) => call('project', 'POST', `projects/${id}/stage-transitions`, {body, ifMatch: version}),
  readiness: (id) => call('project', 'GET', `projects/${id}/readiness`),
  setReadiness: (id, item, version, body) => call('project', 'PUT', `projects/${id}/readiness/${item}`, {body, ifMatch: version}),
  milestones: (id) => call('project', 'GET', `projects/${id}/milestones`),
  setMilestone: (id, type, version, body) => call('project', 'PUT', `projects/${id}/milestones/${type}`, {body, ifMatch: version}),
};
