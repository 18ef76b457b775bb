// Where the console finds the services and the identity provider: a <meta> tag of index.html ({host} = this page's
// host name), unless localStorage "tic.console.endpoints" (JSON: membership, project, kpi, issuer, clientId) says
// otherwise, e.g. behind one ingress.

const overrides = (() => {
  try { return JSON.parse(localStorage.getItem('tic.console.endpoints') || '{}'); } catch (e) { return {}; }
})();

/** The override for key, else the meta tag's content (or fallback), with {host} filled in. */
export function setting(key, metaName, fallback) {
  const value = overrides[key] || document.querySelector(`meta[name="${metaName}"]`)?.content || fallback;
  return value.replace('{host}', location.hostname);
}
