// Sign-in through the identity provider: OpenID Connect authorization code with PKCE (S256) for the public client,
// tokens kept in this tab's sessionStorage only. Or a pasted token (any issuer the services trust).
// Hand-written (about 100 lines) rather than keycloak-js: that library is not served from Maven Central here, and
// the flow is the standard one any OIDC provider speaks.
import {setting} from './settings.js';

const issuer = () => new URL(setting('issuer', 'tic-issuer', '//{host}:8180/realms/tic'), location.href).href.replace(/\/$/, '');
const clientId = () => setting('clientId', 'tic-client-id', 'tic-web');
const KEY = 'tic.console.session';

const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const redirectUri = () => location.origin + location.pathname;

function save(session) {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function session() {
  try { return JSON.parse(sessionStorage.getItem(KEY) || 'null'); } catch (e) { return null; }
}

/** The token's claims (not verified here: the services verify every call). */
export function claims(token = session()?.accessToken) {
  if (!token) return null;
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch (e) {
    return null;
  }
}

export async function signIn() {
  if (!crypto.subtle) {
    throw new Error('Signing in needs a secure page (https, or localhost): paste a token instead.');
  }
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem('tic.console.pkce', JSON.stringify({verifier, state, back: location.hash}));
  const u = new URL(issuer() + '/protocol/openid-connect/auth');
  Object.entries({client_id: clientId(), response_type: 'code', scope: 'openid', redirect_uri: redirectUri(), state,
    code_challenge: challenge, code_challenge_method: 'S256'}).forEach(([k, v]) => u.searchParams.set(k, v));
  location.assign(u.href);
}

async function tokenCall(form) {
  const res = await fetch(issuer() + '/protocol/openid-connect/token', {
    method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: new URLSearchParams(form)});
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    throw new Error(`The identity provider refused: ${body.error_description || body.error || res.status}`);
  }
  save({accessToken: body.access_token, refreshToken: body.refresh_token,
    expiresAt: Date.now() + (body.expires_in || 300) * 1000});
}

/** Back from the identity provider with ?code=…&state=…: trade the code (and the PKCE verifier) for tokens. */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return false;
  const pending = JSON.parse(sessionStorage.getItem('tic.console.pkce') || 'null');
  sessionStorage.removeItem('tic.console.pkce');
  history.replaceState(null, '', location.pathname + (pending?.back || ''));
  if (params.has('error')) throw new Error(`Sign-in failed: ${params.get('error_description') || params.get('error')}`);
  if (!pending || pending.state !== params.get('state')) throw new Error('Sign-in failed: the answer was not for this page.');
  await tokenCall({grant_type: 'authorization_code', client_id: clientId(), code: params.get('code'),
    redirect_uri: redirectUri(), code_verifier: pending.verifier});
  return true;
}

export function usePastedToken(token) {
  const c = claims(token.trim());
  if (!c) throw new Error('That is not a JWT (three base64url parts separated by dots).');
  save({accessToken: token.trim(), expiresAt: c.exp ? c.exp * 1000 : Date.now() + 3600_000});
}

/** The current access token, refreshed shortly before it expires when there is a refresh token. */
export async function accessToken() {
  const s = session();
  if (!s) return null;
  if (s.refreshToken && s.expiresAt - Date.now() < 30_000) {
    try {
      await tokenCall({grant_type: 'refresh_token', client_id: clientId(), refresh_token: s.refreshToken});
    } catch (e) {
      signOut();
      return null;
    }
  }
  return session()?.accessToken || null;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/** What this caller may do, from its token's claims (the services decide; this only hides what would be refused). */
export function role() {
  const c = claims();
  const groups = c?.groups || [];
  return {
    signedIn: !!c,
    name: c?.preferred_username || c?.sub || '',
    secretariat: groups.includes('secretariat'),
    coordinator: groups.includes('cluster-coordinator'),
    clusters: [].concat(c?.clusters || []).flatMap(v => String(v).split(',')).map(v => v.trim()).filter(Boolean),
    canEditCluster(id) {
      return this.secretariat || (this.coordinator && this.clusters.includes(id));
    },
  };
}
