// The one API client of the app (docs/ui.md): the access token (in memory only, never in storage or a URL),
// the refresh cookie, ETags, Idempotency-Keys and problem+json. Screens never call fetch() themselves.

const BASE = '/api/v1';
const SESSION = `${BASE}/auth/session`;

let accessToken = null;
let refreshing = null;
const listeners = new Set();

/** An API refusal as the screens show it: a sentence, and the fields it names. */
export class Problem extends Error {
  constructor(status, body = {}, retryAfter = null) {
    super(body.detail || body.title || `The request failed (${status})`);
    this.status = status;
    this.type = body.type || '';
    this.title = body.title || '';
    this.detail = body.detail || '';
    this.shop = body.shop || null;
    this.retryAfter = retryAfter;
    // field errors by the field they name ("lines[0].quantity" and its last name "quantity" both work)
    this.fields = {};
    for (const e of body.errors || []) {
      for (const key of [e.field, String(e.field || '').split('.').pop()]) {
        if (key && !this.fields[key]) this.fields[key] = e.message;
      }
    }
  }

  /** Somebody else saved first (412): the screen offers a reload, never a silent overwrite. */
  get changedBySomeoneElse() { return this.status === 412; }
  get offline() { return this.status === 0; }

  /** The sentence for a person, for the cases the API's detail does not say plainly enough. */
  get sentence() {
    if (this.status === 0) return 'The server cannot be reached. Check the connection and try again.';
    if (this.status === 412) return 'This was changed by someone else since you opened it. Reload to see the changes.';
    if (this.status === 429) {
      const wait = this.retryAfter ? ` Try again in ${this.retryAfter} seconds.` : ' Try again in a moment.';
      return `Too many attempts.${wait}`;
    }
    if (this.status === 403) return this.detail || 'Your role does not allow this.';
    if (this.status >= 500) return 'Something went wrong on our side. Try again; if it keeps happening, tell us.';
    return this.detail || this.title || this.message;
  }
}

/** A fresh key for one attempt of a change that must happen once (a payment): reuse it only to retry that attempt. */
export function newIdempotencyKey() {
  return crypto.randomUUID();
}

export function isSignedIn() {
  return accessToken !== null;
}

/** Called with true/false when the session starts or ends (sign-in, sign-out, refresh refused). */
export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setToken(token) {
  const changed = (token === null) !== (accessToken === null);
  accessToken = token;
  if (changed) listeners.forEach((l) => l(token !== null));
}

async function send(method, url, { body, headers = {}, token = accessToken, signal } = {}) {
  const init = { method, headers: { Accept: 'application/json, application/problem+json', ...headers }, signal,
    credentials: 'same-origin' };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    if (body instanceof Blob || body instanceof FormData) {
      init.body = body;
    } else {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
  }
  try {
    return await fetch(url, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new Problem(0, { title: 'Offline' });
  }
}

async function problemOf(response) {
  let body = {};
  try {
    body = await response.json();
  } catch {
    // not JSON: the status says enough
  }
  return new Problem(response.status, body, response.headers.get('Retry-After'));
}

async function tokensFrom(response) {
  if (!response.ok) throw await problemOf(response);
  const tokens = await response.json();
  setToken(tokens.accessToken);
  return tokens;
}

/** Signs in with the refresh token kept in an HttpOnly cookie (script never sees it). */
export async function signIn(email, password) {
  return tokensFrom(await send('POST', SESSION, { body: { email, password }, token: null }));
}

/**
 * A new access token from the refresh cookie: on page load (restores the session) and after a 401. One refresh
 * at a time: concurrent callers share it (the cookie rotates, a second refresh would reuse the old one).
 */
export function refresh() {
  if (!refreshing) {
    refreshing = send('POST', `${SESSION}/refresh`, { token: null })
      .then(async (response) => {
        if (!response.ok || response.status === 204) { // 204: no cookie, nobody signed in
          setToken(null);
          return false;
        }
        await tokensFrom(response);
        return true;
      })
      .catch(() => false)
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

export async function signOut() {
  try {
    await send('DELETE', SESSION);
  } finally {
    setToken(null);
  }
}

/**
 * Calls the API. Options: body (JSON, Blob or FormData), etag (sent as If-Match), idempotencyKey, signal.
 * Answers { data, etag, status, headers }; throws a Problem for a refusal. A 401 refreshes the session once and
 * retries with the same headers (the same Idempotency-Key: it is one attempt).
 */
export async function request(method, path, { body, etag, idempotencyKey, signal, headers: extra } = {}) {
  const headers = { ...extra };
  if (etag) headers['If-Match'] = etag;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const url = path.startsWith('/api/') ? path : BASE + path;
  let response = await send(method, url, { body, headers, signal });
  if (response.status === 401 && await refresh()) {
    response = await send(method, url, { body, headers, signal });
  }
  if (response.status === 401) setToken(null);
  if (!response.ok) throw await problemOf(response);
  const type = response.headers.get('Content-Type') || '';
  let data = null;
  if (response.status !== 204 && method !== 'HEAD') {
    data = type.includes('json') ? await response.json() : await response.blob();
  }
  return { data, etag: response.headers.get('ETag'), status: response.status, headers: response.headers };
}

/**
 * Uploads a file as the request body (its own Content-Type) with progress, onProgress(loaded, total): fetch()
 * reports none. Options and answers as request(): headers (Idempotency-Key, If-Match …); throws a Problem,
 * status 0 when the connection is lost. A 401 refreshes the session once and retries with the same headers.
 */
export async function upload(path, file, { headers = {}, onProgress } = {}) {
  const url = path.startsWith('/api/') ? path : BASE + path;
  const attempt = () => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const all = { Accept: 'application/json, application/problem+json',
      'Content-Type': file.type || 'application/octet-stream', ...headers };
    if (accessToken) all.Authorization = `Bearer ${accessToken}`;
    Object.entries(all).forEach(([name, value]) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => resolve(xhr);
    xhr.onerror = () => reject(new Problem(0, { title: 'Offline' }));
    xhr.onabort = xhr.onerror;
    xhr.send(file);
  });
  let xhr = await attempt();
  if (xhr.status === 401 && await refresh()) xhr = await attempt();
  if (xhr.status === 401) setToken(null);
  let body = {};
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    // not JSON: the status says enough
  }
  if (xhr.status < 200 || xhr.status >= 300) throw new Problem(xhr.status, body, xhr.getResponseHeader('Retry-After'));
  return { data: body, etag: xhr.getResponseHeader('ETag'), status: xhr.status };
}

export const api = {
  get: (path, options) => request('GET', path, options),
  post: (path, body, options = {}) => request('POST', path, { ...options, body }),
  put: (path, body, options = {}) => request('PUT', path, { ...options, body }),
  delete: (path, options) => request('DELETE', path, options),
};

/** Reads every page of a listing ({items, next}) up to a limit of pages. */
export async function listAll(path, pages = 10) {
  const items = [];
  let next = null;
  for (let i = 0; i < pages; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const { data } = await api.get(next ? `${path}${sep}after=${encodeURIComponent(next)}` : path);
    items.push(...(data.items || []));
    next = data.next;
    if (!next) break;
  }
  return items;
}

/** Opens a document the API serves to a signed-in user (a PDF) in a new tab, without a token in its URL. */
export async function openDocument(path) {
  const win = window.open('', '_blank');
  const { data } = await api.get(path, { headers: { Accept: 'application/pdf, application/problem+json' } });
  const url = URL.createObjectURL(data);
  if (win) {
    win.location = url;
  } else {
    window.location.assign(url);
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Reads a server-sent event stream with the bearer token (EventSource cannot send headers). Calls onEvent(name,
 * data) for each event and onOpen() whenever the stream (re)connects, so the screen catches up. Reconnects with
 * a growing pause until the signal aborts.
 */
export async function stream(path, { onEvent, onOpen, signal }) {
  let pause = 1000;
  while (!signal.aborted) {
    try {
      let response = await send('GET', BASE + path, { headers: { Accept: 'text/event-stream' }, signal });
      if (response.status === 401 && await refresh()) {
        response = await send('GET', BASE + path, { headers: { Accept: 'text/event-stream' }, signal });
      }
      if (response.ok && response.body) {
        pause = 1000;
        onOpen?.();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let name = 'message';
            const data = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('event:')) name = line.slice(6).trim();
              else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
            }
            if (data.length) {
              try {
                onEvent(name, JSON.parse(data.join('\n')));
              } catch {
                // a heartbeat or a line that is not JSON: nothing to do
              }
            }
          }
        }
      } else if (response.status === 404 || response.status === 403) {
        return; // the stream does not exist for this caller: the screen still works by reloading
      }
    } catch (e) {
      if (signal.aborted) return;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 30_000);
  }
}
