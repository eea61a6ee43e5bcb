// Invoice, payments and credit notes of a work order. A payment or credit note carries one Idempotency-Key per
// attempt: made at the click, reused if that attempt is retried, so a double click or a retry charges once.
import { LitElement, html, css, nothing } from 'lit';
import { api, listAll, newIdempotencyKey, openDocument } from '../../api.js';
import { session } from '../../session.js';
import { dateTime, label, money } from '../../format.js';
import { field, formValues, problemBanner } from '../../ui/forms.js';
import { base } from '../../ui/styles.js';

class WorkOrderBilling extends LitElement {
  static properties = { order: { attribute: false }, onChanged: { attribute: false },
    invoice: { state: true }, payments: { state: true }, creditNotes: { state: true }, problem: { state: true },
    paymentProblem: { state: true }, creditProblem: { state: true }, busy: { state: true }, paying: { state: true },
    notice: { state: true } };

  static styles = [base, css`
    :host { display: block; background: #fff; border: 1px solid var(--border); border-radius: 8px; padding: 1rem;
      margin: 1rem 0; }
    h2 { margin-top: 0; }
    dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .25rem .75rem; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    form { border-top: 1px solid var(--border); margin-top: 1rem; padding-top: .5rem; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0 .75rem; }
  `];

  willUpdate(changed) {
    if (changed.has('order') && this.order?.kind === 'INVOICED' && this.loadedFor !== this.order.id) {
      this.loadedFor = this.order.id;
      this.load();
    }
  }

  /** The invoice of this work order (the list filtered by work order; older servers ignore the filter). */
  async load() {
    if (this.order?.kind !== 'INVOICED' || !session.hasAnyRole(['OWNER', 'MANAGER', 'SERVICE_ADVISOR'])) return;
    try {
      const invoices = await listAll(`/invoices?workOrderId=${this.order.id}&shopId=${this.order.shopId}&limit=200`, 5);
      const found = invoices.find((i) => i.workOrderId === this.order.id);
      if (found) await this.show(found.id);
    } catch (problem) {
      this.problem = problem;
    }
  }

  async show(invoiceId) {
    const [{ data: invoice, etag }, { data: payments }] = await Promise.all([
      api.get(`/invoices/${invoiceId}`), api.get(`/invoices/${invoiceId}/payments`)]);
    this.invoice = invoice;
    this.invoiceEtag = etag;
    this.payments = payments.items;
    if (session.readsCreditNotes) {
      this.creditNotes = (await api.get(`/invoices/${invoiceId}/credit-notes`)).data.items;
    }
  }

  async issue() {
    this.busy = true;
    this.problem = null;
    try {
      const { data, headers } = await api.post(`/work-orders/${this.order.id}/invoice`);
      this.loadedFor = this.order.id;
      await this.show(data.id);
      this.notice = headers.get('Invoice-Mailed') === 'true' ? `Invoice ${data.number} issued and mailed to the customer.`
        : `Invoice ${data.number} issued.`;
      this.onChanged?.();
    } catch (problem) {
      this.problem = problem;
    } finally {
      this.busy = false;
    }
  }

  async pay(event) {
    event.preventDefault();
    if (this.paying) return; // the same attempt is already on its way
    const form = event.target;
    const v = formValues(form);
    this.paymentKey ??= newIdempotencyKey(); // one key per attempt; kept until it succeeds or the form changes
    this.paying = true;
    this.paymentProblem = null;
    try {
      const { data } = await api.post(`/invoices/${this.invoice.id}/payments`,
        { amount: v.amount, method: v.method, reference: v.reference || null }, { idempotencyKey: this.paymentKey });
      this.paymentKey = null;
      this.notice = `Payment of ${money(data.amount)} recorded.`;
      form.reset();
      await this.show(this.invoice.id);
    } catch (problem) {
      if (problem.status !== 0 && problem.status < 500) this.paymentKey = null; // refused: a new attempt gets a new key
      this.paymentProblem = problem;
    } finally {
      this.paying = false;
    }
  }

  async credit(event) {
    event.preventDefault();
    if (this.crediting) return;
    const form = event.target;
    const v = formValues(form);
    this.creditKey ??= newIdempotencyKey();
    this.crediting = true;
    this.creditProblem = null;
    try {
      const { data } = await api.post(`/invoices/${this.invoice.id}/credit-notes`,
        { reason: v.reason, amount: v.amount || null }, { idempotencyKey: this.creditKey });
      this.creditKey = null;
      this.notice = `Credit note ${data.number} issued.`;
      form.reset();
      await this.show(this.invoice.id);
    } catch (problem) {
      if (problem.status !== 0 && problem.status < 500) this.creditKey = null;
      this.creditProblem = problem;
    } finally {
      this.crediting = false;
    }
  }

  render() {
    const o = this.order;
    const mayBill = session.mayTakeMoney(o.shopId);
    if (o.kind === 'ESTIMATE') return html`<h2>Invoice</h2><p class="muted">An estimate is invoiced once it is a repair order.</p>`;
    if (o.kind === 'REPAIR_ORDER') {
      return html`<h2>Invoice</h2>${problemBanner(this.problem)}
        ${mayBill ? html`<p>Invoicing freezes the approved lines and totals.</p>
          <button type="button" ?disabled=${this.busy} @click=${this.issue}>Issue invoice</button>`
          : html`<p class="muted">An owner or a manager of this shop issues the invoice.</p>`}`;
    }
    if (this.problem) return html`<h2>Invoice</h2>${problemBanner(this.problem)}`;
    const i = this.invoice;
    if (!i) return html`<h2>Invoice</h2><p role="status">Loading the invoice…</p>`;
    return html`<h2>Invoice ${i.number}</h2>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      <dl>
        <dt>Issued</dt><dd>${dateTime(i.issuedAt)}</dd>
        <dt>Total</dt><dd>${money(i.total)}</dd>
        <dt>Paid</dt><dd id="amount-paid">${money(i.amountPaid)}</dd>
        ${Number(i.amountCredited) ? html`<dt>Credited</dt><dd>${money(i.amountCredited)}</dd>` : nothing}
        <dt>Balance due</dt><dd id="balance-due">${money(i.balanceDue)}</dd>
        <dt>Status</dt><dd>${label(i.status)}</dd>
      </dl>
      <div class="actions"><button type="button" class="secondary"
        @click=${() => openDocument(`/invoices/${i.id}/pdf`).catch((p) => { this.problem = p; })}>Open invoice PDF</button></div>
      <h3>Payments</h3>
      ${this.payments?.length ? html`<ul id="payments">${this.payments.map((p) => html`<li>${dateTime(p.receivedAt)}:
        ${money(p.amount)} · ${label(p.method)}${p.reference ? ` · ${p.reference}` : ''}</li>`)}</ul>`
        : html`<p class="muted">No payments yet.</p>`}
      ${mayBill ? this.paymentForm(i) : nothing}
      ${session.readsCreditNotes ? this.creditSection(i, mayBill) : nothing}`;
  }

  paymentForm(i) {
    return html`<form @submit=${this.pay} @input=${() => { this.paymentKey = null; }} novalidate>
      <h3>Record a payment</h3>
      ${problemBanner(this.paymentProblem)}
      <div class="grid">
        <div>${field({ id: 'payment-amount', name: 'amount', label: 'Amount', inputmode: 'decimal', required: true,
          value: Number(i.balanceDue) > 0 ? i.balanceDue : '', problem: this.paymentProblem,
          hint: 'Negative for a refund.' })}</div>
        <div><label for="payment-method">Method</label>
          <select id="payment-method" name="method">${['CARD', 'CASH', 'CHECK', 'OTHER'].map((m) =>
            html`<option value=${m}>${label(m)}</option>`)}</select></div>
        <div>${field({ id: 'payment-reference', name: 'reference', label: 'Reference', problem: this.paymentProblem })}</div>
      </div>
      <div class="actions"><button type="submit" id="record-payment" ?disabled=${this.paying}>
        ${this.paying ? 'Recording…' : 'Record payment'}</button></div>
    </form>`;
  }

  creditSection(i, mayBill) {
    return html`<h3>Credit notes</h3>
      ${this.creditNotes?.length ? html`<ul>${this.creditNotes.map((c) => html`<li>${c.number} · ${dateTime(c.issuedAt)}
        · ${c.reason} <button type="button" class="link"
        @click=${() => openDocument(`/invoices/${i.id}/credit-notes/${c.id}/pdf`).catch((p) => { this.creditProblem = p; })}>PDF</button></li>`)}</ul>`
        : html`<p class="muted">No credit notes.</p>`}
      ${mayBill ? html`<form @submit=${this.credit} @input=${() => { this.creditKey = null; }} novalidate>
        <h3>Issue a credit note</h3>
        ${problemBanner(this.creditProblem)}
        <div class="grid">
          <div>${field({ id: 'credit-reason', name: 'reason', label: 'Reason', required: true, problem: this.creditProblem })}</div>
          <div>${field({ id: 'credit-amount', name: 'amount', label: 'Net amount', inputmode: 'decimal',
            problem: this.creditProblem })}</div>
        </div>
        <div class="actions"><button type="submit" class="secondary">Issue credit note</button></div>
      </form>` : nothing}`;
  }
}
customElements.define('work-order-billing', WorkOrderBilling);
