// The REST API, the console's only back end: every rule is the server's, the console only shows
// the answers, problems included (RFC 9457 documents).
import { signOut, token } from './auth.js';

/** A problem the API answered with: status, title, detail and the fields it names. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** The detail and each named field's message, as one sentence a person can act on. */
  explain() {
    const fields = (this.problem.errors || []).map((e) => `${e.field}: ${e.message}`);
    return [this.message, ...fields].join(' — ');
  }
}

/**
 * Calls the API. Options: method, body (sent as JSON), ifMatch (an ETag). Resolves to
 * {data, etag, status}; rejects with an ApiError. A 401 means the session is over: sign in again.
 */
export async function api(path, { method = 'GET', body, ifMatch, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { title: 'The server cannot be reached', detail: 'The server cannot be reached: check your connection and try again.' });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (response.status === 401) {
    signOut('Your session has ended: sign in again.');
    throw new ApiError(401, data || { title: 'Unauthorized' });
  }
  if (!response.ok) {
    throw new ApiError(response.status, data && typeof data === 'object' ? data : { title: response.statusText });
  }
  return { data, etag: response.headers.get('ETag'), status: response.status };
}

/** What went wrong, in words: the API's problem and the fields it names, or the error's message. */
export function explain(error) {
  return error instanceof ApiError ? error.explain() : error.message;
}

/** A query string from the non-empty values. */
export function query(values) {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') parameters.set(name, value);
  }
  const text = parameters.toString();
  return text ? `?${text}` : '';
}

/** The tenant's canonical model, read once per page load: entity → field name → definition. */
let canonical = null;
export async function canonicalModel() {
  if (!canonical) {
    canonical = api('/dcl/canonical/entities').then(({ data }) => {
      const model = new Map();
      for (const entity of data.items || data) {
        model.set(entity.name, new Map((entity.fields || []).map((f) => [f.name, f])));
      }
      return model;
    }).catch((error) => {
      canonical = null;
      throw error;
    });
  }
  return canonical;
}
