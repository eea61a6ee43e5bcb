// The lines of a work order (labor, part, fee, discount): added, edited, removed, canned jobs inserted; the
// totals and taxes are the API's. Edits and removals send the order's ETag; the parent keeps the new one.
// On a comeback the desk books a line as warranty (PUT .../lines/{id}/warranty): the customer is charged
// nothing for it and its cost stays on the job; "Charge again" undoes that until the order is invoiced.
import { LitElement, html, css, nothing } from 'lit';
import { api } from '../../api.js';
import { label, money, number } from '../../format.js';
import { field, formValues } from '../../ui/forms.js';
import { base } from '../../ui/styles.js';
import { DESK, session } from '../../session.js';
import './part-search.js';

const TYPES = ['LABOR', 'PART', 'FEE', 'DISCOUNT'];

class WorkOrderLines extends LitElement {
  static properties = { order: { attribute: false }, etag: { attribute: false }, editable: { type: Boolean },
    comeback: { attribute: false },
    onSaved: { attribute: false }, onProblem: { attribute: false },
    editing: { state: true }, type: { state: true }, problem: { state: true }, busy: { state: true },
    cannedJobs: { state: true } };

  static styles = [base, css`
    :host { background: #fff; border: 1px solid var(--border); border-radius: 8px; padding: 1rem; margin: 1rem 0; }
    h2 { margin-top: 0; }
    .table { overflow-x: auto; max-width: 100%; }
    tfoot td, tfoot th { border-bottom: none; }
    tfoot .grand { font-size: 1.1rem; font-weight: 700; }
    form.line { border-top: 1px solid var(--border); margin-top: 1rem; padding-top: .5rem; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0 .75rem; }
    .grid .wide { grid-column: 1 / -1; }
    .approval-APPROVED { color: var(--ok); }
    .approval-DECLINED { color: var(--danger); }
    td .actions { margin: 0; }
    .badge { display: inline-block; border: 1px solid var(--border); border-radius: 999px; padding: 0 .5rem;
      font-size: .85rem; font-weight: 600; background: #fff; }
    .badge.warranty { border-color: var(--accent); color: var(--accent); }
    .comeback { border-left: 4px solid var(--accent); background: #f8fafc; padding: .5rem .75rem; margin: 0 0 1rem; }
    .comeback p { margin: .25rem 0; }
    td button { padding: .25rem .5rem; min-height: 2.25rem; }
  `];

  constructor() {
    super();
    this.type = 'LABOR';
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.order) this.loadCannedJobs();
  }

  willUpdate(changed) {
    if (changed.has('order') && this.order && !this.cannedJobs && this.editable) this.loadCannedJobs();
  }

  async loadCannedJobs() {
    this.cannedJobs = [];
    try {
      const { data } = await api.get(`/shops/${this.order.shopId}/canned-jobs`);
      this.cannedJobs = data.items;
    } catch {
      // no canned jobs offered
    }
  }

  lineBody(v) {
    const body = { type: v.type, description: v.description, taxable: v.taxable === 'on' };
    if (v.type === 'LABOR') {
      body.hours = v.hours || null;
      body.rate = v.rate || null;
    } else {
      body.quantity = v.quantity || (v.type === 'PART' ? null : '1');
      body.unitPrice = v.unitPrice || null;
      if (v.type === 'PART') {
        body.partNumber = v.partNumber || null;
        body.unitCost = v.unitCost || null;
      }
    }
    return body;
  }

  async save(event) {
    event.preventDefault();
    const form = event.target;
    const body = this.lineBody(formValues(form));
    this.busy = true;
    this.problem = null;
    try {
      const result = this.editing
        ? await api.put(`/work-orders/${this.order.id}/lines/${this.editing.id}`, body, { etag: this.etag })
        : await api.post(`/work-orders/${this.order.id}/lines`, body, { etag: this.etag });
      this.onSaved(result.data, result.etag);
      this.editing = null;
      form.reset();
      this.type = 'LABOR';
    } catch (problem) {
      if (problem.changedBySomeoneElse) this.onProblem(problem);
      else this.problem = problem;
    } finally {
      this.busy = false;
    }
  }

  async remove(line) {
    try {
      const result = await api.delete(`/work-orders/${this.order.id}/lines/${line.id}`, { etag: this.etag });
      if (result.data) this.onSaved(result.data, result.etag);
      else this.onSaved({ ...this.order, lines: this.order.lines.filter((l) => l.id !== line.id) }, result.etag);
    } catch (problem) {
      this.onProblem(problem);
    }
  }

  async insertCanned(event) {
    event.preventDefault();
    const id = new FormData(event.target).get('cannedJob');
    if (!id) return;
    try {
      const result = await api.post(`/work-orders/${this.order.id}/canned-jobs/${id}`, undefined, { etag: this.etag });
      this.onSaved(result.data, result.etag);
    } catch (problem) {
      this.onProblem(problem);
    }
  }

  /** Only the desk books warranty (EDIT_WORK, docs/permissions.md), and only on a comeback not yet invoiced. */
  get booksWarranty() {
    return this.editable && !!this.comeback && session.hasAnyRole(DESK);
  }

  async warranty(line, warranty) {
    this.busy = true;
    try {
      const result = await api.put(`/work-orders/${this.order.id}/lines/${line.id}/warranty`, { warranty },
        { etag: this.etag });
      this.onSaved(result.data, result.etag);
    } catch (problem) {
      this.onProblem(problem);
    } finally {
      this.busy = false;
    }
  }

  comebackNote() {
    const c = this.comeback;
    if (!c) return nothing;
    const booked = this.order.lines.filter((l) => l.warranty).length;
    return html`<div class="comeback" id="comeback-note">
      <p><strong>Comeback</strong>${c.originalNumber ? html` of <a href="/work-orders/${c.originalWorkOrderId}">${c.originalNumber}</a>` : nothing}:
        ${c.reason}</p>
      <p class="muted">${booked === 0 ? 'No line is booked as warranty yet.'
        : `${booked} ${booked === 1 ? 'line is' : 'lines are'} booked as warranty.`}
        ${this.booksWarranty ? 'A line booked as warranty is not charged to the customer; its cost stays on the job.'
          : nothing}</p>
    </div>`;
  }

  edit(line) {
    this.editing = line;
    this.type = line.type;
    this.problem = null;
    this.updateComplete.then(() => this.renderRoot.querySelector('#line-description')?.focus());
  }

  render() {
    const o = this.order;
    const t = o.totals;
    return html`<h2>Lines</h2>
      ${this.comebackNote()}
      ${o.lines.length === 0 ? html`<p class="muted">No lines yet. Add labor, parts or a canned job below.</p>` : html`
      <div class="table"><table class="stacks">
        <caption class="visually-hidden">Lines of ${o.number}</caption>
        <thead><tr><th>Description</th><th>Type</th><th class="num">Qty / hours</th><th class="num">Price</th>
          <th class="num">Amount</th><th>Customer</th>${this.editable ? html`<th><span class="visually-hidden">Actions</span></th>` : nothing}</tr></thead>
        <tbody>${o.lines.map((l) => html`<tr>
          <td>${l.description}${l.warranty ? html` <span class="badge warranty">Warranty</span>` : nothing}${l.partNumber
            ? html`<br><span class="muted">${l.partNumber}</span>` : nothing}</td>
          <td data-label="Type">${label(l.type)}</td>
          <td class="num" data-label="${l.type === 'LABOR' ? 'Hours' : 'Quantity'}">${l.type === 'LABOR' ? `${number(l.hours, 2)} h` : number(l.quantity, 3)}</td>
          <td class="num" data-label="${l.type === 'LABOR' ? 'Rate' : 'Price'}">${money(l.type === 'LABOR' ? l.rate : l.unitPrice)}${l.unitCost != null
            ? html`<br><span class="muted">cost ${money(l.unitCost)}</span>` : nothing}</td>
          <td class="num" data-label="Amount">${money(l.amount)}${l.warranty
            ? html`<br><span class="muted">no charge</span>` : nothing}</td>
          <td class="approval-${l.approval}" data-label="Customer">${label(l.approval)}</td>
          ${this.editable ? html`<td><div class="actions">
            <button type="button" class="secondary" aria-label="Edit ${l.description}" @click=${() => this.edit(l)}>Edit</button>
            <button type="button" class="danger" aria-label="Remove ${l.description}" @click=${() => this.remove(l)}>Remove</button>
            ${this.booksWarranty && l.type !== 'DISCOUNT' ? (l.warranty
              ? html`<button type="button" class="secondary" ?disabled=${this.busy} aria-label="Charge again for ${l.description}"
                @click=${() => this.warranty(l, false)}>Charge again</button>`
              : html`<button type="button" class="secondary" ?disabled=${this.busy} aria-label="Book ${l.description} as warranty"
                @click=${() => this.warranty(l, true)}>Warranty</button>`) : nothing}
          </div></td>` : nothing}
        </tr>`)}</tbody>
        <tfoot>
          <tr><th colspan="4" class="num">Subtotal</th><td class="num">${money(t.subtotal)}</td></tr>
          ${t.taxes.map((x) => html`<tr><th colspan="4" class="num">${x.name} (${number(x.rate * 100, 3)} %)</th>
            <td class="num">${money(x.amount)}</td></tr>`)}
          <tr class="grand"><th colspan="4" class="num">Total</th><td class="num" id="total">${money(t.total)}</td></tr>
          ${t.cost != null ? html`<tr><th colspan="4" class="num muted">Cost · gross profit</th>
            <td class="num muted">${money(t.cost)} · ${money(t.grossProfit)}</td></tr>` : nothing}
        </tfoot>
      </table></div>`}
      ${this.editable ? this.lineForm() : nothing}
      ${this.editable && !this.editing ? html`<part-search .order=${o}
        .onAdded=${(order, etag) => this.onSaved(order, etag)}></part-search>` : nothing}
      ${this.editable && this.cannedJobs?.length ? html`<form class="line" @submit=${this.insertCanned}>
        <div class="row"><div><label for="canned">Canned job</label>
          <select id="canned" name="cannedJob">${this.cannedJobs.map((j) => html`<option value=${j.id}>${j.name}</option>`)}</select></div>
          <div><button type="submit" class="secondary">Insert canned job</button></div></div>
      </form>` : nothing}`;
  }

  lineForm() {
    const l = this.editing ?? {};
    const p = this.problem;
    return html`<form class="line" @submit=${this.save} novalidate>
      <h3>${this.editing ? `Edit line: ${this.editing.description}` : 'Add a line'}</h3>
      ${p ? html`<p class="problem" role="alert">${p.sentence ?? p.message}</p>` : nothing}
      <div class="grid">
        <div><label for="line-type">Type</label>
          <select id="line-type" name="type" @change=${(e) => { this.type = e.target.value; }}>
            ${TYPES.map((t) => html`<option value=${t} ?selected=${t === this.type}>${label(t)}</option>`)}
          </select></div>
        <div class="wide">${field({ id: 'line-description', name: 'description', label: 'Description', required: true,
          value: l.description, problem: p })}</div>
        ${this.type === 'LABOR' ? html`
          <div>${field({ id: 'line-hours', name: 'hours', label: 'Hours', inputmode: 'decimal', value: l.hours, problem: p })}</div>
          <div>${field({ id: 'line-rate', name: 'rate', label: 'Rate (empty: the shop\'s)', inputmode: 'decimal',
            value: l.rate, problem: p })}</div>` : html`
          <div>${field({ id: 'line-quantity', name: 'quantity', label: 'Quantity', inputmode: 'decimal',
            value: l.quantity ?? (this.type === 'PART' ? '' : '1'), problem: p })}</div>
          <div>${field({ id: 'line-price', name: 'unitPrice', label: 'Unit price', inputmode: 'decimal',
            value: l.unitPrice, problem: p })}</div>`}
        ${this.type === 'PART' ? html`
          <div>${field({ id: 'line-part', name: 'partNumber', label: 'Part number', value: l.partNumber, problem: p })}</div>
          <div>${field({ id: 'line-cost', name: 'unitCost', label: 'Unit cost', inputmode: 'decimal', value: l.unitCost,
            problem: p })}</div>` : nothing}
        <div><label class="checkbox"><input type="checkbox" name="taxable" .checked=${l.taxable ?? true}> Taxable</label></div>
      </div>
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.editing ? 'Save line' : 'Add line'}</button>
        ${this.editing ? html`<button type="button" class="secondary" @click=${() => { this.editing = null; this.problem = null; }}>Cancel</button>` : nothing}
      </div>
    </form>`;
  }
}
customElements.define('work-order-lines', WorkOrderLines);
