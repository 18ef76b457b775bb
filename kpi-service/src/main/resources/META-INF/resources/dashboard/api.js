// The dashboard's only way to the data: kpi-service's public, documented endpoints (the same any other dashboard uses).

const base = new URL(document.querySelector('meta[name="tic-api-base"]')?.content || '../api/v1/', document.baseURI);

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

function url(path, params = {}) {
  const u = new URL(path, base);
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') {
      u.searchParams.set(k, v);
    }
  }
  return u;
}

async function failure(res) {
  let detail = `${res.status} ${res.statusText}`;
  try {
    const problem = await res.json();
    detail = problem.detail || problem.title || detail;
  } catch (e) {
    // not problem+json
  }
  return new ApiError(res.status, detail);
}

/**
 * GET JSON. cache: 'no-cache' makes the browser revalidate its copy with If-None-Match: an unchanged answer costs
 * a 304 and the cached body is used.
 */
export async function getJson(path, params) {
  const res = await fetch(url(path, params), {headers: {Accept: 'application/json'}, cache: 'no-cache'});
  if (!res.ok) {
    throw await failure(res);
  }
  return res.json();
}

/**
 * GET with our own If-None-Match, bypassing the browser cache, so a 304 reaches us: {changed: false} when the ETag
 * still matches, else {changed: true, etag, body}.
 */
export async function getIfChanged(path, etag, params) {
  const headers = {Accept: 'application/json'};
  if (etag) {
    headers['If-None-Match'] = etag;
  }
  const res = await fetch(url(path, params), {headers, cache: 'no-store'});
  if (res.status === 304) {
    return {changed: false, etag};
  }
  if (!res.ok) {
    throw await failure(res);
  }
  return {changed: true, etag: res.headers.get('ETag'), body: await res.json()};
}

export const api = {
  version: (etag) => getIfChanged('initiative/version', etag),
  summary: (asOf) => getJson('initiative/summary', {asOf}),
  published: () => getJson('initiative/published'),
  timeseries: (from, to, interval) => getJson('initiative/timeseries', {from, to, interval}),
  pipeline: () => getJson('initiative/pipeline'),
  breakdown: (by, asOf) => getJson('initiative/breakdowns', {by, asOf}),
  clusters: (params) => getJson('initiative/clusters', params),
  clusterKpis: (id, asOf) => getJson(`clusters/${encodeURIComponent(id)}/kpis`, {asOf}),
  clusterProjects: (id, asOf) => getJson(`initiative/clusters/${encodeURIComponent(id)}/projects`, {asOf}),
  clusterReports: (id) => getJson('kpi-reports', {clusterId: id, history: 'true', sort: '-reportedOn', size: 200}),
};
