// One job in the bay (/my-jobs/:id), for a phone or a tablet: what to do, the inspection checklist, photos from
// the camera and the job's status. Every change goes through the outbox (bay-outbox.js), so it survives a
// dropped Wi-Fi and arrives once; a change the API refuses is shown, never applied over someone else's.
// No money here: a technician's screens show no prices, costs or margins.
import { LitElement, html, css, nothing } from 'lit';
import { api } from '../../api.js';
import { dateTime, label } from '../../format.js';
import { base } from '../../ui/styles.js';
import { CONDITIONS, STANDARD_POINTS, requestOf } from './checklist.js';
import { flushOutbox, keepInspection, keepPhoto, keepStatus, mine, outbox, startOutbox } from './bay-outbox.js';
import './outbox-banner.js';

class MyJobScreen extends LitElement {
  static properties = {
    params: { attribute: false },
    job: { state: true },          // the work order as the technician sees it
    vehicle: { state: true },
    customer: { state: true },
    columns: { state: true },
    points: { state: true },       // the checklist being edited: [{name, condition, notes}]
    tag: { state: true },          // the ETag of the checklist the edits are made on
    dirty: { state: true },
    photos: { state: true },       // uploaded: [{id, fileName, url}]
    entries: { state: true },      // this job's outbox entries
    problem: { state: true },
    notice: { state: true },
    newPoint: { state: true },
  };

  constructor() {
    super();
    this.points = [];
    this.photos = [];
    this.entries = [];
    this.newPoint = '';
    this.urls = [];
  }

  get id() {
    return this.params?.id;
  }

  connectedCallback() {
    super.connectedCallback();
    startOutbox();
    this.stops = [
      outbox.subscribe((all) => this.outboxChanged(all)),
      outbox.onSent((sent) => this.sent(sent)),
    ];
  }

  willUpdate(changed) {
    if (changed.has('params') && this.params?.id !== this.job?.id) {
      this.job = null;
      this.load();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stops.forEach((stop) => stop());
    this.urls.forEach((url) => URL.revokeObjectURL(url));
  }

  async load() {
    this.problem = null;
    try {
      const [{ data: job }, inspection, { data: attachments }] = await Promise.all([
        api.get(`/work-orders/${this.id}`), api.get(`/work-orders/${this.id}/inspection`),
        api.get(`/work-orders/${this.id}/attachments`)]);
      this.job = job;
      this.checklist(inspection, await this.waitingInspection());
      this.showPhotos(attachments.items);
      const [vehicle, customer, board] = await Promise.allSettled([api.get(`/vehicles/${job.vehicleId}`),
        api.get(`/customers/${job.customerId}`), api.get(`/shops/${job.shopId}/board`)]);
      this.vehicle = vehicle.value?.data;
      this.customer = customer.value?.data;
      this.columns = board.value?.data.columns ?? [];
    } catch (problem) {
      this.problem = problem;
    }
  }

  /** The checklist from the API, or the technician's version still waiting in the outbox (it is the newer). */
  checklist({ data, etag }, waiting) {
    this.tag = waiting?.headers['If-Match'] ?? etag;
    const items = waiting ? waiting.body.items : data.items;
    this.points = items.length ? items.map((p) => ({ name: p.name, condition: p.condition ?? '', notes: p.notes ?? '' }))
      : STANDARD_POINTS.map((name) => ({ name, condition: '', notes: '' }));
    this.dirty = false;
  }

  async waitingInspection() {
    return (await outbox.list()).filter((e) => e.meta?.kind === 'inspection' && e.meta.workOrderId === this.id
      && e.state === 'waiting' && mine(e)).pop();
  }

  async showPhotos(items) {
    const images = items.filter((a) => a.contentType.startsWith('image/'));
    this.photos = images.map((a) => ({ ...a, url: this.photos.find((p) => p.id === a.id)?.url }));
    for (const photo of this.photos.filter((p) => !p.url)) {
      try {
        const { data } = await api.get(`/work-orders/${this.id}/attachments/${photo.id}`,
          { headers: { Accept: `${photo.contentType}, application/problem+json` } });
        photo.url = URL.createObjectURL(data);
        this.urls.push(photo.url);
        this.photos = [...this.photos];
      } catch {
        // the list still names it; the picture comes with the next load
      }
    }
  }

  /** A refused inspection of this job: the form shows the checklist as it is now (the banner keeps the refused one). */
  outboxChanged(all) {
    this.entries = all.filter((e) => e.meta?.workOrderId === this.id && mine(e));
    this.refused ??= new Set();
    const fresh = this.entries.filter((e) => e.meta.kind === 'inspection' && e.state !== 'waiting'
      && !this.refused.has(e.id));
    fresh.forEach((e) => this.refused.add(e.id));
    if (fresh.length && this.job && !this.dirty) {
      api.get(`/work-orders/${this.id}/inspection`).then((current) => this.checklist(current, null), () => {});
    }
  }

  /** The API accepted something of this job: show what it is now. */
  async sent({ entry, etag, data }) {
    if (entry.meta?.workOrderId !== this.id) return;
    if (entry.meta.kind === 'inspection' && etag && !(await this.waitingInspection())) {
      this.tag = etag;
      if (!this.dirty) this.notice = 'Inspection saved.';
    } else if (entry.meta.kind === 'photo') {
      api.get(`/work-orders/${this.id}/attachments`).then(({ data: list }) => this.showPhotos(list.items), () => {});
    } else if (entry.meta.kind === 'status' && data) {
      this.job = data;
    }
  }

  change(index, changes) {
    this.points = this.points.map((p, i) => (i === index ? { ...p, ...changes } : p));
    this.dirty = true;
    this.notice = null;
  }

  async noteOn(index) {
    this.points = this.points.map((p, i) => (i === index ? { ...p, withNote: true } : p));
    await this.updateComplete;
    this.renderRoot.querySelector(`#note-${index}`)?.focus();
  }

  addPoint(event) {
    event.preventDefault();
    const name = this.newPoint.trim();
    if (!name) return;
    this.points = [...this.points, { name, condition: '', notes: '' }];
    this.newPoint = '';
    this.dirty = true;
  }

  async saveInspection(event) {
    event.preventDefault();
    await keepInspection(this.job, `Inspection of ${this.job.number}`, requestOf(this.points), this.tag);
    this.dirty = false;
    this.notice = navigator.onLine ? 'Sending the inspection…'
      : 'Inspection kept on this device; it is sent when the connection returns.';
    flushOutbox();
  }

  /** A refused inspection back in the form, on top of the checklist as it is now: saving it is a choice. */
  async retake(event) {
    const entry = event.detail;
    try {
      const current = await api.get(`/work-orders/${this.id}/inspection`);
      this.tag = current.etag;
    } catch (problem) {
      this.problem = problem;
      return;
    }
    await outbox.remove(entry.id);
    this.points = entry.body.items.map((p) => ({ name: p.name, condition: p.condition ?? '', notes: p.notes ?? '' }));
    this.dirty = true;
    this.notice = 'Your version is back in the form. Someone else changed the checklist meanwhile: saving replaces their version with yours.';
  }

  async takePhotos(event) {
    const files = [...event.target.files];
    event.target.value = '';
    for (const file of files) await keepPhoto(this.job, file);
    flushOutbox();
  }

  async move(column) {
    await keepStatus(this.job, column);
    flushOutbox();
  }

  render() {
    if (this.problem && !this.job) {
      return html`<h1>Job</h1><outbox-banner></outbox-banner><div class="problem" role="alert">
        ${this.problem.status === 404 ? 'This job is not assigned to you, or it does not exist.' : this.problem.sentence}
        <div class="actions"><button type="button" @click=${() => this.load()}>Try again</button>
        <a class="button secondary" href="/my-jobs">My jobs</a></div></div>`;
    }
    if (!this.job) return html`<p role="status">Loading the job…</p>`;
    const j = this.job;
    return html`
      <p><a href="/my-jobs">← My jobs</a></p>
      <h1>${j.number}${this.vehicleName() ? html` · ${this.vehicleName()}` : nothing}</h1>
      <outbox-banner @retake=${this.retake}></outbox-banner>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem.sentence}</p>` : nothing}
      <section aria-labelledby="about">
        <h2 id="about" class="visually-hidden">The job</h2>
        <dl class="facts">
          ${this.customer ? html`<div><dt>Customer</dt><dd>${this.customer.firstName} ${this.customer.lastName}</dd></div>` : nothing}
          ${this.vehicle?.vin ? html`<div><dt>VIN</dt><dd>${this.vehicle.vin}</dd></div>` : nothing}
          ${this.vehicle?.plate ? html`<div><dt>Plate</dt><dd>${this.vehicle.plate}</dd></div>` : nothing}
          ${j.mileageIn != null ? html`<div><dt>Mileage in</dt><dd>${j.mileageIn}</dd></div>` : nothing}
          ${j.promisedAt ? html`<div><dt>Promised</dt><dd>${dateTime(j.promisedAt)}</dd></div>` : nothing}
          ${j.complaint ? html`<div class="wide"><dt>Complaint</dt><dd>${j.complaint}</dd></div>` : nothing}
        </dl>
      </section>
      ${this.renderStatus()}
      ${this.renderWork()}
      ${this.renderInspection()}
      ${this.renderPhotos()}`;
  }

  vehicleName() {
    const v = this.vehicle;
    return v ? [v.year, v.make, v.model].filter(Boolean).join(' ') : '';
  }

  renderStatus() {
    const current = this.columns?.find((c) => c.code === this.job.status);
    const moving = this.entries.filter((e) => e.meta.kind === 'status' && e.state === 'waiting');
    const next = (current?.next ?? []).map((code) => this.columns.find((c) => c.code === code)).filter(Boolean);
    return html`<section aria-labelledby="status-title">
      <h2 id="status-title">Status</h2>
      <p>Now: <strong>${current?.name ?? label(this.job.status)}</strong>${moving.length
        ? html` <span class="muted">(waiting to be sent: ${moving.map((e) => e.label).join(', ')})</span>` : nothing}</p>
      ${next.length ? html`<div class="actions">${next.map((c) => html`<button type="button" class="secondary"
        @click=${() => this.move(c)}>Move to ${c.name}</button>`)}</div>` : nothing}
    </section>`;
  }

  renderWork() {
    const lines = this.job.lines ?? [];
    return html`<section aria-labelledby="work-title">
      <h2 id="work-title">Work to do</h2>
      ${lines.length ? html`<ul class="work">${lines.map((l) => html`<li>
          <span>${l.description}</span>
          <span class="muted">${label(l.type)}${l.hours != null ? ` · ${Number(l.hours)} h`
            : l.quantity != null ? ` · × ${Number(l.quantity)}` : ''}${l.partNumber ? ` · ${l.partNumber}` : ''}${
            l.approval === 'DECLINED' ? ' · declined by the customer' : l.approval === 'APPROVED' ? ' · approved' : ''}</span>
        </li>`)}</ul>` : html`<p class="muted">No lines yet.</p>`}
    </section>`;
  }

  renderInspection() {
    return html`<section aria-labelledby="inspection-title">
      <h2 id="inspection-title">Inspection</h2>
      <form id="inspection" @submit=${this.saveInspection}>
        <ol class="points">${this.points.map((p, i) => html`<li>
          <fieldset>
            <legend>${p.name}</legend>
            <div class="conditions">${CONDITIONS.map((c) => html`<label class="condition ${c.value.toLowerCase()}">
              <input type="radio" name="condition-${i}" value=${c.value} .checked=${p.condition === c.value}
                @change=${() => this.change(i, { condition: c.value })}>
              <span>${c.label}</span></label>`)}</div>
            ${p.withNote || p.notes || p.condition === 'YELLOW' || p.condition === 'RED' ? html`
              <label for="note-${i}">Note on ${p.name}</label>
              <textarea id="note-${i}" rows="2" maxlength="2000" .value=${p.notes}
                @input=${(e) => this.change(i, { notes: e.target.value })}></textarea>`
              : html`<button type="button" class="link" @click=${() => this.noteOn(i)}>Add a note on
                ${p.name}</button>`}
          </fieldset>
        </li>`)}</ol>
        <div class="row add">
          <div><label for="new-point">Another point to check</label>
            <input id="new-point" maxlength="200" .value=${this.newPoint}
              @input=${(e) => { this.newPoint = e.target.value; }}
              @keydown=${(e) => { if (e.key === 'Enter') this.addPoint(e); }}></div>
          <button type="button" class="secondary" @click=${this.addPoint}>Add point</button>
        </div>
        <div class="actions">
          <button id="save-inspection" type="submit">Save inspection</button>
          ${this.dirty ? html`<span class="muted">Changes not saved yet</span>` : nothing}
        </div>
        ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
        ${this.entries.some((e) => e.meta.kind === 'inspection' && e.state !== 'waiting')
          ? html`<p class="problem">Your inspection was not sent: the checklist changed since you opened it. The
            form shows it as it is now; your version waits at the top of the page.</p>` : nothing}
      </form>
    </section>`;
  }

  renderPhotos() {
    const waiting = this.entries.filter((e) => e.meta.kind === 'photo');
    return html`<section aria-labelledby="photos-title">
      <h2 id="photos-title">Photos</h2>
      <label class="button camera">Take a photo
        <input id="photo" class="visually-hidden" type="file" accept="image/*" capture="environment" multiple
          @change=${this.takePhotos}></label>
      <p class="hint">Photos are sent to the job; without a connection they wait on this device.</p>
      <ul class="photos">
        ${waiting.map((e) => html`<li class="waiting">${this.preview(e)}<span>${e.meta.fileName}:
          ${e.state === 'waiting' ? 'waiting to be sent' : 'not sent'}</span></li>`)}
        ${this.photos.map((p) => html`<li>${p.url ? html`<img src=${p.url} alt=${`Photo ${p.fileName}`}>` : nothing}
          <span>${p.fileName} · ${dateTime(p.uploadedAt)}</span></li>`)}
      </ul>
      ${!waiting.length && !this.photos.length ? html`<p class="muted">No photos yet.</p>` : nothing}
    </section>`;
  }

  /** A picture of a photo still on the device (its Blob in the outbox). */
  preview(entry) {
    entry.url ??= this.previewUrls?.get(entry.id);
    if (!entry.url && entry.body instanceof Blob) {
      this.previewUrls ??= new Map();
      entry.url = URL.createObjectURL(entry.body);
      this.previewUrls.set(entry.id, entry.url);
      this.urls.push(entry.url);
    }
    return entry.url ? html`<img src=${entry.url} alt=${`Photo ${entry.meta.fileName}, not sent yet`}>` : nothing;
  }

  static styles = [base, css`
    .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: .25rem 1rem; margin: 0; }
    .facts .wide { grid-column: 1 / -1; }
    .facts dt { font-weight: 600; } .facts dd { margin: 0; }
    .work { list-style: none; padding: 0; margin: 0; }
    .work li { display: flex; flex-direction: column; padding: .4rem 0; border-bottom: 1px solid var(--border); }
    .points { list-style: none; padding: 0; margin: 0; }
    .points > li { background: #fff; border: 1px solid var(--border); border-radius: 8px; padding: .5rem .75rem;
      margin: .5rem 0; }
    fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
    legend { font-weight: 700; padding: 0; }
    .conditions { display: flex; flex-wrap: wrap; gap: .5rem; margin: .4rem 0; }
    .condition { display: flex; align-items: center; gap: .4rem; margin: 0; font-weight: 400; min-height: 2.75rem;
      padding: 0 .75rem; border: 1px solid var(--border); border-radius: 6px; background: #fff; cursor: pointer; }
    .condition input { width: 1.2rem; min-height: auto; margin: 0; }
    .condition.green:has(input:checked) { border: 2px solid var(--ok); background: #f0fdf4; }
    .condition.yellow:has(input:checked) { border: 2px solid var(--warn); background: #fffbeb; }
    .condition.red:has(input:checked) { border: 2px solid var(--danger); background: #fff5f5; font-weight: 700; }
    textarea { min-height: 2.75rem; }
    .camera { display: inline-flex; align-items: center; min-height: 2.75rem; margin: 0; }
    label.camera:focus-within { outline: 3px solid var(--focus); outline-offset: 2px; }
    .photos { list-style: none; padding: 0; display: grid; gap: .5rem;
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); }
    .photos li { display: flex; flex-direction: column; gap: .25rem; font-size: .9rem; }
    .photos li.waiting { border: 2px dashed var(--warn); padding: .25rem; border-radius: 6px; }
    .photos img { width: 100%; height: 8rem; object-fit: cover; border-radius: 6px; }
  `];
}

customElements.define('my-job-screen', MyJobScreen);
