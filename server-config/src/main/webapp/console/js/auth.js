// Who is signed in. The access token lives in this tab's session storage and travels only as a
// bearer header (never a cookie); the server verifies it on every call, so the claims read here
// only decide what the console shows, never what a person may do.

const TOKEN = 'dcl.console.token';
const PENDING = 'dcl.console.openid';
const FAREWELL = 'dcl.console.farewell';

/** The token, unless it is missing or expired. */
export function token() {
  const value = sessionStorage.getItem(TOKEN);
  if (!value) return null;
  const claims = claimsOf(value);
  if (!claims || (claims.exp && claims.exp * 1000 <= Date.now())) {
    sessionStorage.removeItem(TOKEN);
    return null;
  }
  return value;
}

/** The signed-in person's claims: sub, tenant_id, groups, exp. */
export function claims() {
  const value = token();
  return value ? claimsOf(value) : null;
}

export function roles() {
  return new Set(claims()?.groups || []);
}

/** Whether the signed-in person has any of the roles. */
export function hasRole(...wanted) {
  const held = roles();
  return wanted.some((role) => held.has(role));
}

function claimsOf(jwt) {
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
}

/** Signs in with a pasted development token (development mode only: the server says which). */
export function useDevelopmentToken(text) {
  const value = text.trim().replace(/^Bearer\s+/i, '');
  const read = claimsOf(value);
  if (!read) {
    throw new Error('That is not a JSON Web Token: paste the whole output of bin/dev-token.');
  }
  if (read.exp && read.exp * 1000 <= Date.now()) {
    throw new Error('That token has expired: mint a new one with bin/dev-token.');
  }
  if (!read.tenant_id) {
    throw new Error('That token names no tenant (tenant_id): mint one with bin/dev-token --tenant.');
  }
  sessionStorage.setItem(TOKEN, value);
}

export function signOut(farewell = '') {
  sessionStorage.removeItem(TOKEN);
  if (farewell) sessionStorage.setItem(FAREWELL, farewell);
  location.hash = '#/sign-in';
}

/** Why the last session ended, said once on the sign-in page. */
export function takeFarewell() {
  const text = sessionStorage.getItem(FAREWELL);
  sessionStorage.removeItem(FAREWELL);
  return text;
}

// OpenID Connect: authorization code with PKCE (RFC 7636), the browser being a public client.

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

function randomText(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64url(buffer) {
  return btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function discover(provider) {
  const response = await fetch(`${provider.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) {
    throw new Error(`The sign-in provider ${provider.issuer} did not describe itself (HTTP ${response.status}).`);
  }
  return response.json();
}

/** Leaves for the provider's sign-in page; it sends the browser back here with a code. */
export async function startOpenIdSignIn(provider, returnTo) {
  const discovery = await discover(provider);
  const verifier = randomText(32);
  const state = randomText(16);
  const nonce = randomText(16);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({
    verifier, state, nonce, returnTo, tokenEndpoint: discovery.token_endpoint,
  }));
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: provider.clientId,
    redirect_uri: redirectUri(),
    scope: provider.scope,
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(authorize.toString());
}

/**
 * Finishes a sign-in the provider sent back (a code or an error in the query): exchanges the code
 * with the verifier only this tab knows. False when the page was not opened by such an answer.
 */
export async function completeOpenIdSignIn(provider) {
  const answer = new URLSearchParams(location.search);
  if (!answer.has('code') && !answer.has('error')) return false;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `${location.pathname}${pending?.returnTo || '#/'}`);
  if (answer.has('error')) {
    throw new Error(`The sign-in provider refused: ${answer.get('error_description') || answer.get('error')}.`);
  }
  if (!provider || !pending || answer.get('state') !== pending.state) {
    throw new Error('This sign-in answer was not asked for by this tab: sign in again.');
  }
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: answer.get('code'),
      redirect_uri: redirectUri(),
      client_id: provider.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new Error(`The sign-in provider did not issue a token: ${body.error_description || body.error || `HTTP ${response.status}`}.`);
  }
  if (body.id_token && claimsOf(body.id_token)?.nonce !== pending.nonce) {
    throw new Error('The sign-in answer was meant for another request: sign in again.');
  }
  sessionStorage.setItem(TOKEN, body.access_token);
  return true;
}
