// The technician's clock on "my jobs": clock in and out of the shift, and the job clock that is running, with
// the button that stops it. Every press carries one Idempotency-Key for all its retries, so a tablet that loses
// the answer and presses again never clocks twice (POST /clock-events).
import { LitElement, html, nothing } from 'lit';
import { api, newIdempotencyKey } from '../../api.js';
import { session } from '../../session.js';
import { dateTime } from '../../format.js';
import { base } from '../../ui/styles.js';

/** Presses a clock button: `action` SHIFT_IN, SHIFT_OUT, JOB_ON (with `lineId`) or JOB_OFF. */
export async function clock(action, lineId, key = newIdempotencyKey()) {
  const body = { action, shopId: session.shopId ?? session.shops[0]?.id };
  if (lineId) body.lineId = lineId;
  return api.post('/clock-events', body, { idempotencyKey: key });
}

class TimeClock extends LitElement {
  static properties = { shift: { state: true }, job: { state: true }, busy: { state: true },
    problem: { state: true } };

  static styles = [base];

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  /** Today's entries of the caller: the open shift and the running job, if any. */
  async load() {
    const shopId = session.shopId ?? session.shops[0]?.id;
    if (!shopId) return;
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
    try {
      const { data } = await api.get(`/clock-entries?shopId=${encodeURIComponent(shopId)}&from=${yesterday}`
        + `&to=${today}&technicianId=${encodeURIComponent(session.me?.id ?? '')}`);
      const running = data.items.filter((e) => e.running);
      this.shift = running.find((e) => e.kind === 'SHIFT') ?? null;
      this.job = running.find((e) => e.kind === 'JOB') ?? null;
      this.problem = null;
    } catch (problem) {
      this.problem = problem;
    }
  }

  async press(action) {
    this.busy = true;
    const key = newIdempotencyKey();
    try {
      await clock(action, null, key);
      await this.load();
      this.dispatchEvent(new CustomEvent('clocked', { bubbles: true, composed: true }));
    } catch (problem) {
      this.problem = problem;
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<section class="card" aria-labelledby="clock-h"><h2 id="clock-h">Time clock</h2>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem.sentence}</p>` : nothing}
      <p>${this.shift ? html`Clocked in since ${dateTime(this.shift.startedAt)}.` : 'Not clocked in.'}
        ${this.job ? html`On a job since ${dateTime(this.job.startedAt)}.` : nothing}</p>
      ${this.shift
        ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.press('SHIFT_OUT')}>Clock out</button>`
        : html`<button type="button" ?disabled=${this.busy} @click=${() => this.press('SHIFT_IN')}>Clock in</button>`}
      ${this.job ? html`<button type="button" class="secondary" ?disabled=${this.busy}
        @click=${() => this.press('JOB_OFF')}>Clock off the job</button>` : nothing}
    </section>`;
  }
}

customElements.define('time-clock', TimeClock);
