/**
 * The bay's outbox. A technician's changes (inspection, photos, status) are written here first, in IndexedDB,
 * and sent in the order they were made, each with the Idempotency-Key and If-Match it was made with; so a change
 * made while the Wi-Fi is down survives a reload and arrives once when the connection returns (a retry of a
 * request whose answer was lost replays the first answer: same key, same body).
 *
 * An entry: {id, group, label, method, path, headers, body, createdAt, attempted, state, problem}
 *   group     changes that replace one another (one work order's inspection): a waiting entry never tried is
 *             replaced by a newer one of its group (one request instead of several), keeping its If-Match;
 *   state     'waiting' (will be sent), 'conflict' (412/409/422: shown to the technician, never overwritten),
 *             'refused' (another 4xx: shown, with the API's reason).
 * Sending is the caller's: flush(send) calls send(entry, onProgress), which resolves {status, etag, data, problem}
 * and throws when the network fails (the entry then waits for the next flush).
 */

const DB_NAME = 'mechanics-outbox';
const STORE = 'requests';
const CONFLICT = new Set([409, 412, 422]);

let opened;
const listeners = new Set();
let flushing = null;

function database() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

/** Runs work(store) in one transaction and resolves with what it returned once the transaction committed. */
async function transaction(mode, work) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    let result;
    Promise.resolve(work(tx.objectStore(STORE))).then(r => { result = r; }, reject);
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A random UUID, also where crypto.randomUUID is missing (a page served over plain http to another host). */
export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Every entry, oldest first. */
export function list() {
  return transaction('readonly', store => promised(store.getAll()));
}

/**
 * Keeps a change to send: {group, label, method, path, ifMatch, body, contentType}. The Idempotency-Key is made
 * here, once. Resolves with the stored entry.
 */
export async function add(change) {
  const headers = { 'Idempotency-Key': newKey() };
  if (change.ifMatch) headers['If-Match'] = change.ifMatch;
  if (change.contentType) headers['Content-Type'] = change.contentType;
  const entry = {
    group: change.group ?? null, label: change.label, method: change.method, path: change.path, headers,
    body: change.body ?? null, createdAt: new Date().toISOString(), attempted: false, state: 'waiting',
    problem: null, meta: change.meta ?? null,
  };
  const stored = await transaction('readwrite', async store => {
    const all = await promised(store.getAll());
    const replaced = entry.group && all.find(e => e.group === entry.group && e.state === 'waiting' && !e.attempted);
    if (replaced) {
      // made on top of the waiting change: the same base version, one request instead of two
      if (replaced.headers['If-Match']) headers['If-Match'] = replaced.headers['If-Match'];
      else delete headers['If-Match'];
      entry.id = replaced.id;
      entry.createdAt = replaced.createdAt;
    }
    entry.id = await promised(store.put(entry));
    return entry;
  });
  notify();
  return stored;
}

/** Forgets an entry (the technician dismissed a conflict, or chose to discard the change). */
export async function remove(id) {
  await transaction('readwrite', store => promised(store.delete(id)));
  notify();
}

/** Calls listener(entries) now and after every change; returns the function that unsubscribes. */
export function subscribe(listener) {
  listeners.add(listener);
  list().then(listener, () => listener([]));
  return () => listeners.delete(listener);
}

/** What was sent: listener({entry, status, etag, data}) after the API accepted an entry. */
const sentListeners = new Set();
export function onSent(listener) {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

/** Progress of a request in flight: listener({id, loaded, total}). */
const progressListeners = new Set();
export function onProgress(listener) {
  progressListeners.add(listener);
  return () => progressListeners.delete(listener);
}

function notify() {
  if (!listeners.size) return;
  list().then(entries => listeners.forEach(l => l(entries)), () => {});
}

/**
 * Sends what waits, oldest first, and stops at the first network failure (the rest waits for the next flush).
 * Only entries accept(entry) takes are sent (the signed-in user's own: a shared tablet keeps another's).
 * Resolves with the answers of what was sent: [{entry, status, etag, data}]. One flush at a time.
 */
export function flush(send, accept = () => true) {
  flushing ??= sendWaiting(send, accept).finally(() => { flushing = null; });
  return flushing;
}

async function sendWaiting(send, accept) {
  const sent = [];
  for (;;) {
    const entry = (await list()).find(e => e.state === 'waiting' && accept(e));
    if (!entry) return sent;
    await update(entry.id, { attempted: true });
    let answer;
    try {
      answer = await send(entry, (loaded, total) => progressListeners.forEach(l => l({ id: entry.id, loaded, total })));
    } catch (networkFailure) {
      notify();
      return sent;
    }
    if (answer.status >= 200 && answer.status < 300) {
      await settled(entry, answer.etag);
      const done = { entry, status: answer.status, etag: answer.etag, data: answer.data };
      sent.push(done);
      sentListeners.forEach(l => l(done));
    } else if (CONFLICT.has(answer.status)) {
      await update(entry.id, { state: 'conflict', problem: answer.problem ?? { status: answer.status } });
    } else if (answer.status >= 500 || answer.status === 429 || answer.status === 401 || answer.status === 0) {
      notify(); // the server or the session is not there now: try again later, with the same key
      return sent;
    } else {
      await update(entry.id, { state: 'refused', problem: answer.problem ?? { status: answer.status } });
    }
  }
}

/** Sent: gone from the outbox; the next waiting change of its group was made on top of it, so it names its tag. */
async function settled(entry, etag) {
  await transaction('readwrite', async store => {
    store.delete(entry.id);
    if (!entry.group || !etag) return;
    const next = (await promised(store.getAll())).find(e => e.group === entry.group && e.state === 'waiting');
    if (next && next.headers['If-Match'] === entry.headers['If-Match']) {
      next.headers['If-Match'] = etag;
      store.put(next);
    }
  });
  notify();
}

async function update(id, changes) {
  await transaction('readwrite', async store => {
    const entry = await promised(store.get(id));
    if (entry) store.put({ ...entry, ...changes });
  });
  notify();
}

/**
 * Sends what waits now, when the browser says it is back online, and every `seconds` while something waits
 * (a dropped Wi-Fi does not always say so). Returns the function that stops it.
 */
export function start(send, seconds = 10, accept = () => true) {
  const kick = () => { if (navigator.onLine !== false) flush(send, accept).catch(() => {}); };
  window.addEventListener('online', kick);
  const timer = setInterval(async () => {
    if ((await list()).some(e => e.state === 'waiting' && accept(e))) kick();
  }, seconds * 1000);
  kick();
  return () => { window.removeEventListener('online', kick); clearInterval(timer); };
}
