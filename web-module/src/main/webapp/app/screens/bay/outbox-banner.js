// <outbox-banner>: says plainly what waits to be sent, what is being sent (with progress) and what the API
// refused; a refused change stays until the technician discards it or takes it back into the form.
import { LitElement, html, css, nothing } from 'lit';
import { base } from '../../ui/styles.js';
import { mine, outbox } from './bay-outbox.js';

class OutboxBanner extends LitElement {
  static properties = { entries: { state: true }, progress: { state: true }, online: { state: true } };

  constructor() {
    super();
    this.entries = [];
    this.progress = {};
    this.online = navigator.onLine;
  }

  connectedCallback() {
    super.connectedCallback();
    const connection = () => { this.online = navigator.onLine; };
    window.addEventListener('online', connection);
    window.addEventListener('offline', connection);
    this.stops = [
      outbox.subscribe((entries) => { this.entries = entries.filter(mine); }),
      outbox.onProgress(({ id, loaded, total }) => { this.progress = { ...this.progress, [id]: { loaded, total } }; }),
      () => window.removeEventListener('online', connection),
      () => window.removeEventListener('offline', connection),
    ];
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stops.forEach((stop) => stop());
  }

  render() {
    const waiting = this.entries.filter((e) => e.state === 'waiting');
    const refused = this.entries.filter((e) => e.state !== 'waiting');
    if (!waiting.length && !refused.length) {
      return this.online ? nothing
        : html`<p class="offline" role="status">No connection. What you save is kept on this device and sent when the connection returns.</p>`;
    }
    return html`
      ${waiting.length ? html`<section class="waiting" role="status" aria-live="polite">
        <p><strong>${waiting.length === 1 ? '1 change is' : `${waiting.length} changes are`} waiting to be sent</strong>
          ${this.online ? '(sending…)' : '(no connection: kept on this device, sent when the connection returns)'}</p>
        <ul>${waiting.map((e) => this.item(e))}</ul>
      </section>` : nothing}
      ${refused.map((e) => html`<section class="problem" role="alert">
        <p><strong>Not sent: ${e.label}.</strong> ${this.reason(e)}</p>
        <div class="actions">
          ${e.meta?.kind === 'inspection' ? html`<button type="button" class="secondary"
            @click=${() => this.dispatchEvent(new CustomEvent('retake', { detail: e, bubbles: true, composed: true }))}>
            Edit my version again</button>` : nothing}
          <button type="button" class="danger" @click=${() => outbox.remove(e.id)}>Discard my change</button>
        </div>
      </section>`)}`;
  }

  item(e) {
    const p = this.progress[e.id];
    return html`<li>${e.label}${p && e.attempted && p.total ? html` <progress max=${p.total} value=${p.loaded}
      aria-label=${`Upload of ${e.meta?.fileName ?? e.label}`}></progress>` : nothing}</li>`;
  }

  reason(e) {
    const status = e.problem?.status;
    if (status === 412) return 'Someone else changed it since you opened it; your change was not applied over theirs.';
    if (status === 409) return e.problem?.detail || 'It no longer fits the job as it is now.';
    if (status === 422) return e.problem?.detail || 'The server could not accept it as it is.';
    return e.problem?.detail || `The server refused it (${status}).`;
  }

  static styles = [base, css`
    :host { display: block; }
    .problem { margin: .5rem 0; }
    .waiting { border: 2px solid var(--warn); background: #fffbeb; padding: .5rem .75rem; border-radius: 6px;
      margin: .5rem 0; }
    .waiting p, .problem p { margin: 0 0 .25rem; }
    .waiting ul { margin: 0; padding-left: 1.25rem; }
    .offline { border: 2px dashed var(--muted); background: #fff; padding: .5rem .75rem; border-radius: 6px; margin: .5rem 0; }
    progress { width: 8rem; vertical-align: middle; }
  `];
}

customElements.define('outbox-banner', OutboxBanner);
