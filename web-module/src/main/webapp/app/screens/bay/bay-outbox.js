// The bay's outbox wired to the API client: what the technician saves goes to app/outbox.js first and is sent
// from there, online or not, so a request cut by the Wi-Fi is retried later with the same Idempotency-Key and
// If-Match. One sender for the whole app, started by the first bay screen.
import * as outbox from '../../outbox.js';
import { request, upload } from '../../api.js';
import { session } from '../../session.js';

/** Sends one outbox entry; a lost connection throws (the entry waits), an answer resolves {status, etag, problem}. */
async function send(entry, onProgress) {
  try {
    const answer = entry.body instanceof Blob
      ? await upload(entry.path, entry.body, { headers: entry.headers, onProgress })
      : await request(entry.method, entry.path, { body: entry.body ?? undefined, headers: entry.headers });
    return { status: answer.status, etag: answer.etag, data: answer.data };
  } catch (problem) {
    if (problem.status === 0 || problem.status === undefined) throw problem; // offline: try again later
    return { status: problem.status,
      problem: { status: problem.status, title: problem.title, detail: problem.sentence ?? problem.detail } };
  }
}

/** The signed-in user's own changes: on a shared tablet another technician's wait for them to sign in. */
export const mine = (entry) => !!session.me && entry.meta?.userId === session.me.id;

let stop = null;

/** Starts sending (once): now, when the browser is back online, and every few seconds while something waits. */
export function startOutbox() {
  stop ??= outbox.start(send, 5, mine);
}

/** Sends what waits now (after a save), without waiting for the timer. */
export function flushOutbox() {
  return outbox.flush(send, mine);
}

const meta = (workOrder, more) => ({ workOrderId: workOrder.id, number: workOrder.number, userId: session.me?.id,
  ...more });

export const keepInspection = (workOrder, label, body, etag) => outbox.add({
  group: `inspection:${workOrder.id}:${session.me?.id}`, label, method: 'PUT', path: `/work-orders/${workOrder.id}/inspection`,
  ifMatch: etag, body, meta: meta(workOrder, { kind: 'inspection' }),
});

export const keepPhoto = (workOrder, file) => outbox.add({
  label: `Photo ${file.name} for ${workOrder.number}`, method: 'POST',
  path: `/work-orders/${workOrder.id}/attachments?name=${encodeURIComponent(file.name)}`,
  contentType: file.type || 'application/octet-stream', body: file,
  meta: meta(workOrder, { kind: 'photo', fileName: file.name }),
});

export const keepStatus = (workOrder, column) => outbox.add({
  label: `Move ${workOrder.number} to ${column.name}`, method: 'POST',
  path: `/work-orders/${workOrder.id}/status`, body: { status: column.code },
  meta: meta(workOrder, { kind: 'status', status: column.code }),
});

export { outbox };
