// Marks the work order as a comeback (POST /work-orders/{id}/comeback, EDIT_WORK: the desk roles). The candidates
// are the vehicle's earlier invoiced visits whose invoice falls inside the shop's warranty window in days; the
// API also checks the miles and answers 422 in words, which the form shows as it says it. The mark itself
// (badge, link to the original, reason) is shown by the screen's header and the lines panel once set.
import { LitElement, html, css, nothing } from 'lit';
import { api } from '../../api.js';
import { DESK, session } from '../../session.js';
import { date, number } from '../../format.js';
import { problemBanner } from '../../ui/forms.js';
import { base } from '../../ui/styles.js';

const DAY = 24 * 60 * 60 * 1000;

class WorkOrderComeback extends LitElement {
  static properties = { order: { attribute: false }, visits: { attribute: false },
    technicians: { attribute: false }, onMarked: { attribute: false },
    window: { state: true }, open: { state: true }, original: { state: true }, problem: { state: true },
    busy: { state: true } };

  static styles = [base, css`
    :host { background: #fff; border: 1px solid var(--border); border-radius: 8px; padding: 1rem; margin: 1rem 0; }
    h2 { margin-top: 0; }
    textarea { min-height: 4.5rem; resize: vertical; }
    form { max-width: 40rem; }
  `];

  willUpdate(changed) {
    if (changed.has('order') && this.order && this.order.shopId !== this.windowShop) {
      this.windowShop = this.order.shopId;
      api.get(`/shops/${this.order.shopId}/warranty-window`).then((r) => { this.window = r.data; })
        .catch(() => { this.window = null; });
    }
  }

  /** When this order was opened (its own visit in the vehicle's history). */
  get openedAt() {
    return new Date(this.visits?.find((v) => v.workOrderId === this.order.id)?.openedAt ?? Date.now());
  }

  /** Earlier invoiced visits of the vehicle; {inside, outside} the window's days, newest first. */
  get candidates() {
    const opened = this.openedAt;
    const earlier = (this.visits ?? []).filter((v) => v.workOrderId !== this.order.id && v.invoicedAt
      && new Date(v.openedAt) < opened);
    const days = this.window?.days;
    const inside = earlier.filter((v) => days == null || (opened - new Date(v.invoicedAt)) / DAY <= days);
    return { inside, outside: earlier.length - inside.length };
  }

  toggle() {
    this.open = !this.open;
    this.problem = null;
    if (this.open) {
      this.original = this.candidates.inside[0]?.workOrderId;
      this.updateComplete.then(() => this.renderRoot.querySelector('#comeback-original')?.focus());
    }
  }

  async mark(event) {
    event.preventDefault();
    const form = event.target;
    const body = { originalWorkOrderId: form.original.value, reason: form.reason.value.trim(),
      originalTechnicianId: form.technician.value || null };
    this.busy = true;
    this.problem = null;
    try {
      const { data } = await api.post(`/work-orders/${this.order.id}/comeback`, body);
      this.open = false;
      await this.onMarked?.(data);
    } catch (problem) {
      this.problem = problem;
    } finally {
      this.busy = false;
    }
  }

  /** A field's message from the API's problem, wired to the control by id. */
  error(id, name) {
    const message = this.problem?.fields?.[name];
    return message ? html`<p class="field-error" id="${id}-error">${message}</p>` : nothing;
  }

  render() {
    if (!session.hasAnyRole(DESK)) return nothing;
    const { inside, outside } = this.candidates;
    const w = this.window;
    const windowText = w ? `${w.days} days and ${number(w.miles)} miles` : "the shop's warranty window";
    return html`<h2 id="comeback-h">Comeback</h2>
      <p class="muted">A comeback redoes work of an earlier, invoiced visit of this vehicle within ${windowText}.
        Its lines can then be booked as warranty.</p>
      ${inside.length === 0 ? html`<p>No earlier invoiced visit of this vehicle is within the warranty window${outside
        ? ` (${outside} ${outside === 1 ? 'is' : 'are'} older)` : ''}.</p>`
        : html`<div class="actions"><button type="button" class="secondary" id="mark-comeback"
          aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${this.open ? 'comeback-form' : nothing}
          @click=${this.toggle}>Mark as comeback</button></div>`}
      ${this.open && inside.length ? this.form(inside, outside) : nothing}`;
  }

  form(inside, outside) {
    const chosen = inside.find((v) => v.workOrderId === this.original) ?? inside[0];
    const techIds = [...new Set(chosen.done.map((l) => l.technicianId).filter(Boolean))];
    const names = this.technicians ?? new Map();
    const invalid = (name) => (this.problem?.fields?.[name] ? 'true' : 'false');
    const described = (id, name, hint) => [hint ? `${id}-hint` : '', this.problem?.fields?.[name] ? `${id}-error` : '']
      .filter(Boolean).join(' ') || nothing;
    return html`<form id="comeback-form" @submit=${this.mark} novalidate aria-labelledby="comeback-h">
      ${problemBanner(this.problem)}
      <label for="comeback-original">Original work order</label>
      <select id="comeback-original" name="original" aria-invalid=${invalid('originalWorkOrderId')}
        aria-describedby=${described('comeback-original', 'originalWorkOrderId', outside)}
        @change=${(e) => { this.original = e.target.value; }}>
        ${inside.map((v) => html`<option value=${v.workOrderId} ?selected=${v.workOrderId === chosen.workOrderId}>
          ${v.number} · invoiced ${date(v.invoicedAt)}${v.mileageIn != null ? ` · ${number(v.mileageIn)} mi` : ''}${v.done.length
            ? ` · ${v.done.map((l) => l.description).join('; ')}` : ''}</option>`)}
      </select>
      ${outside ? html`<p class="hint" id="comeback-original-hint">${outside} older ${outside === 1 ? 'visit is'
        : 'visits are'} outside the window and not listed.</p>` : nothing}
      ${this.error('comeback-original', 'originalWorkOrderId')}
      <label for="comeback-reason">Reason <span class="muted">(required)</span></label>
      <textarea id="comeback-reason" name="reason" required maxlength="1000"
        aria-invalid=${invalid('reason')} aria-describedby=${described('comeback-reason', 'reason')}></textarea>
      ${this.error('comeback-reason', 'reason')}
      <label for="comeback-technician">Original technician</label>
      <select id="comeback-technician" name="technician" aria-invalid=${invalid('originalTechnicianId')}
        aria-describedby=${described('comeback-technician', 'originalTechnicianId', true)}>
        <option value="">As on the original work order</option>
        ${techIds.map((id) => html`<option value=${id}>${names.get(id) ?? 'A former technician'}</option>`)}
      </select>
      <p class="hint" id="comeback-technician-hint">Whose work came back; by default the original's technician.</p>
      ${this.error('comeback-technician', 'originalTechnicianId')}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>Save comeback</button>
        <button type="button" class="secondary" @click=${this.toggle}>Cancel</button>
      </div>
    </form>`;
  }
}
customElements.define('work-order-comeback', WorkOrderComeback);
