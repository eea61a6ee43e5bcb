// Invoice, payments and credit notes of a work order. The payment and credit note forms are the office's
// (<payment-form>, <credit-note-form>: one Idempotency-Key per attempt, so a double click or a retry charges once).
import { LitElement, html, css, nothing } from 'lit';
import { api, listAll, openDocument } from '../../api.js';
import { session } from '../../session.js';
import { dateTime, label, money } from '../../format.js';
import { problemBanner } from '../../ui/forms.js';
import '../../ui/payment-form.js';
import '../../ui/credit-note-form.js';
import { base } from '../../ui/styles.js';

class WorkOrderBilling extends LitElement {
  static properties = { order: { attribute: false }, onChanged: { attribute: false },
    invoice: { state: true }, payments: { state: true }, creditNotes: { state: true }, problem: { state: true },
    documentProblem: { state: true }, busy: { state: true }, notice: { state: true } };

  static styles = [base, css`
    :host { display: block; background: #fff; border: 1px solid var(--border); border-radius: 8px; padding: 1rem;
      margin: 1rem 0; }
    h2 { margin-top: 0; }
    dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .25rem .75rem; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    payment-form, credit-note-form { border-top: 1px solid var(--border); margin-top: 1rem; padding-top: .5rem; }
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

  /** After a payment or a credit note: say what happened and show the invoice as it is now. */
  recorded(event, notice) {
    this.notice = notice;
    event.detail.waitUntil(this.show(this.invoice.id));
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
      ${mayBill ? html`<payment-form .invoice=${i}
        @payment-recorded=${(e) => this.recorded(e, `Payment of ${money(e.detail.data.amount)} recorded.`)}></payment-form>`
        : nothing}
      ${session.readsCreditNotes ? this.creditSection(i, mayBill) : nothing}`;
  }

  creditSection(i, mayBill) {
    return html`<h3>Credit notes</h3>
      ${problemBanner(this.documentProblem)}
      ${this.creditNotes?.length ? html`<ul>${this.creditNotes.map((c) => html`<li>${c.number} · ${dateTime(c.issuedAt)}
        · ${c.reason} <button type="button" class="link"
        @click=${() => openDocument(`/invoices/${i.id}/credit-notes/${c.id}/pdf`).catch((p) => { this.documentProblem = p; })}>PDF</button></li>`)}</ul>`
        : html`<p class="muted">No credit notes.</p>`}
      ${mayBill ? html`<credit-note-form .invoice=${i}
        @credit-note-issued=${(e) => this.recorded(e, `Credit note ${e.detail.data.number} issued.`)}></credit-note-form>`
        : nothing}`;
  }
}
customElements.define('work-order-billing', WorkOrderBilling);
