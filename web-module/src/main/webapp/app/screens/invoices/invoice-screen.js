// One invoice in the office: lines, taxes, what was paid, credited and is due; record a (partial) payment and
// issue a credit note for one line or for an amount (<payment-form>, <credit-note-form>: one Idempotency-Key per
// attempt, so a double click or a retry charges once). A comeback's warranty line shows its badge and 0.00: it
// charged nothing, so there is nothing to credit on it.
import { LitElement, html, css, nothing } from 'lit';
import { api, openDocument } from '../../api.js';
import { session } from '../../session.js';
import { dateTime, label, money, number } from '../../format.js';
import { problemBanner } from '../../ui/forms.js';
import '../../ui/payment-form.js';
import '../../ui/credit-note-form.js';
import { base } from '../../ui/styles.js';

class InvoiceScreen extends LitElement {
  static properties = { params: { attribute: false }, query: { attribute: false },
    invoice: { state: true }, payments: { state: true }, creditNotes: { state: true }, problem: { state: true },
    documentProblem: { state: true }, notice: { state: true } };

  static styles = [base, css`
    :host { overflow-wrap: anywhere; }
    section, dl, dd { min-width: 0; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .75rem; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    .table-wrap { overflow-x: auto; }
    section { background: #fff; border: 1px solid var(--border); border-radius: 8px; padding: 1rem; margin: 1rem 0; }
    section h2 { margin-top: 0; }
    .badge { display: inline-block; border: 1px solid var(--accent); border-radius: 999px; padding: 0 .5rem;
      font-size: .85rem; font-weight: 600; background: #fff; color: var(--accent); }
  `];

  willUpdate(changed) {
    if (changed.has('params') && this.params?.id !== this.loadedId) {
      this.loadedId = this.params.id;
      this.invoice = null;
      this.notice = null;
      this.documentProblem = null;
      this.load();
    }
  }

  async load() {
    const id = this.params.id;
    try {
      const [{ data: invoice }, { data: payments }, { data: credits }] = await Promise.all([
        api.get(`/invoices/${id}`), api.get(`/invoices/${id}/payments`), api.get(`/invoices/${id}/credit-notes`)]);
      this.invoice = invoice;
      this.payments = payments.items;
      this.creditNotes = credits.items;
      this.problem = null;
    } catch (problem) {
      this.problem = problem;
    }
  }

  /** After a payment or a credit note: say what happened and show the invoice as it is now. */
  recorded(event, notice) {
    this.notice = notice;
    event.detail.waitUntil(this.load());
  }

  render() {
    if (this.problem) return html`<h1>Invoice</h1><p class="problem" role="alert">${this.problem.sentence}</p>`;
    const i = this.invoice;
    if (!i) return html`<h1>Invoice</h1><p role="status">Loading the invoice…</p>`;
    const tz = session.shopById(i.shopId)?.timeZone;
    const mayBill = session.mayTakeMoney(i.shopId);
    return html`<p><a href="/invoices">← Invoices</a></p>
      <h1>Invoice ${i.number}</h1>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      <dl>
        <dt>Issued</dt><dd>${dateTime(i.issuedAt, tz)}</dd>
        <dt>Work order</dt><dd><a href="/work-orders/${i.workOrderId}">${i.workOrderNumber ?? 'Open'}</a></dd>
        <dt>Shop</dt><dd>${session.shopById(i.shopId)?.name ?? ''}</dd>
        <dt>Total</dt><dd>${money(i.total)}</dd>
        <dt>Paid</dt><dd id="amount-paid">${money(i.amountPaid)}</dd>
        <dt>Credited</dt><dd id="amount-credited">${money(i.amountCredited)}</dd>
        <dt>Balance due</dt><dd id="balance-due">${money(i.balanceDue)}</dd>
        ${Number(i.refundDue) ? html`<dt>Refund due</dt><dd>${money(i.refundDue)}</dd>` : nothing}
        <dt>Status</dt><dd id="invoice-status">${label(i.status)}</dd>
      </dl>
      <div class="actions"><button type="button" class="secondary"
        @click=${() => openDocument(`/invoices/${i.id}/pdf`).catch((p) => { this.problem = p; })}>Open invoice PDF</button></div>
      <section aria-labelledby="lines-title">
        <h2 id="lines-title">Lines</h2>
        <div class="table-wrap"><table class="stacks">
          <thead><tr><th scope="col">Description</th><th scope="col">Type</th><th scope="col" class="num">Quantity</th>
            <th scope="col" class="num">Amount</th>${mayBill ? html`<th scope="col"><span class="visually-hidden">Credit</span></th>` : nothing}</tr></thead>
          <tbody>${i.lines.map((l) => html`<tr>
            <td>${l.description}${l.warranty ? html` <span class="badge warranty">Warranty</span>` : nothing}</td>
            <td data-label="Type">${label(l.type)}</td>
            <td class="num" data-label="Quantity">${number(l.quantity, 3)}</td>
            <td class="num" data-label="Amount">${money(l.amount)}${l.warranty
              ? html`<br><span class="muted">no charge</span>` : nothing}</td>
            ${mayBill ? html`<td>${l.warranty ? nothing : html`<button type="button" class="link credit-line" aria-label="Credit the line ${l.description}"
              @click=${() => this.renderRoot.querySelector('credit-note-form')?.chooseLine(l.line)}>Credit this line</button>`}</td>` : nothing}</tr>`)}</tbody>
        </table></div>
        ${i.taxes.length ? html`<p>${i.taxes.map((t) => html`${t.name}: ${money(t.amount)}. `)}</p>` : nothing}
      </section>
      <section aria-labelledby="payments-title">
        <h2 id="payments-title">Payments</h2>
        ${this.payments?.length ? html`<ul id="payments">${this.payments.map((p) => html`<li>${dateTime(p.receivedAt, tz)}:
          ${money(p.amount)} · ${label(p.method)}${p.reference ? ` · ${p.reference}` : ''}</li>`)}</ul>`
          : html`<p class="muted">No payments yet.</p>`}
        ${mayBill ? html`<payment-form .invoice=${i} hint="Part of the balance is fine; negative for a refund."
          @payment-recorded=${(e) => this.recorded(e, `Payment of ${money(e.detail.data.amount)} recorded. `
            + `Balance due: ${money(e.detail.data.invoiceBalanceDue)}.`)}></payment-form>` : nothing}
      </section>
      <section aria-labelledby="credits-title">
        <h2 id="credits-title">Credit notes</h2>
        ${problemBanner(this.documentProblem)}
        ${this.creditNotes?.length ? html`<ul id="credit-notes">${this.creditNotes.map((c) => html`<li>${c.number} ·
          ${dateTime(c.issuedAt, tz)} · ${money(c.total)} · ${c.reason}
          <button type="button" class="link" aria-label="PDF of credit note ${c.number}"
            @click=${() => openDocument(`/invoices/${i.id}/credit-notes/${c.id}/pdf`).catch((p) => { this.documentProblem = p; })}>PDF</button></li>`)}</ul>`
          : html`<p class="muted">No credit notes.</p>`}
        ${mayBill ? html`<credit-note-form by-line .invoice=${i}
          @credit-note-issued=${(e) => this.recorded(e, `Credit note ${e.detail.data.number} issued. `
            + `Balance due: ${money(e.detail.data.invoiceBalanceDue)}.`)}></credit-note-form>` : nothing}
      </section>`;
  }
}
customElements.define('invoice-screen', InvoiceScreen);
