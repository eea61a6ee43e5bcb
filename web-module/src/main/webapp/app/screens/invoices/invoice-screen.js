// One invoice in the office: lines, taxes, what was paid, credited and is due; record a (partial) payment and
// issue a credit note for one line or for an amount. Each money action carries one Idempotency-Key per attempt
// (made at the click, reused only to retry that attempt), so a double click or a retry charges once.
import { LitElement, html, css, nothing } from 'lit';
import { api, newIdempotencyKey, openDocument } from '../../api.js';
import { session } from '../../session.js';
import { dateTime, label, money, number } from '../../format.js';
import { field, formValues, problemBanner } from '../../ui/forms.js';
import { base } from '../../ui/styles.js';

class InvoiceScreen extends LitElement {
  static properties = { params: { attribute: false }, query: { attribute: false },
    invoice: { state: true }, payments: { state: true }, creditNotes: { state: true }, problem: { state: true },
    paymentProblem: { state: true }, creditProblem: { state: true }, paying: { state: true },
    crediting: { state: true }, notice: { state: true }, creditLine: { state: true } };

  static styles = [base, css`
    :host { overflow-wrap: anywhere; }
    section, form, dl, dd, .grid > * { min-width: 0; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .75rem; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    .table-wrap { overflow-x: auto; }
    section { background: #fff; border: 1px solid var(--border); border-radius: 8px; padding: 1rem; margin: 1rem 0; }
    section h2 { margin-top: 0; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(10rem, 100%), 1fr)); gap: 0 .75rem; }
  `];

  willUpdate(changed) {
    if (changed.has('params') && this.params?.id !== this.loadedId) {
      this.loadedId = this.params.id;
      this.invoice = null;
      this.notice = null;
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

  async pay(event) {
    event.preventDefault();
    if (this.paying) return; // the same attempt is on its way: a second click sends nothing
    const form = event.target;
    const v = formValues(form);
    this.paymentKey ??= newIdempotencyKey();
    this.paying = true;
    this.paymentProblem = null;
    try {
      const { data } = await api.post(`/invoices/${this.invoice.id}/payments`,
        { amount: v.amount.trim(), method: v.method, reference: v.reference || null },
        { idempotencyKey: this.paymentKey });
      this.paymentKey = null;
      this.notice = `Payment of ${money(data.amount)} recorded. Balance due: ${money(data.invoiceBalanceDue)}.`;
      form.reset();
      await this.load();
    } catch (problem) {
      if (problem.status !== 0 && problem.status < 500) this.paymentKey = null; // refused: the next try is new
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
    const body = { reason: v.reason.trim() };
    if (this.creditLine !== undefined && this.creditLine !== null) body.lines = [{ line: this.creditLine }];
    else body.amount = v.amount.trim();
    this.creditKey ??= newIdempotencyKey();
    this.crediting = true;
    this.creditProblem = null;
    try {
      const { data } = await api.post(`/invoices/${this.invoice.id}/credit-notes`, body,
        { idempotencyKey: this.creditKey });
      this.creditKey = null;
      this.notice = `Credit note ${data.number} issued. Balance due: ${money(data.invoiceBalanceDue)}.`;
      this.creditLine = null;
      form.reset();
      await this.load();
    } catch (problem) {
      if (problem.status !== 0 && problem.status < 500) this.creditKey = null;
      this.creditProblem = problem;
    } finally {
      this.crediting = false;
    }
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
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">Description</th><th scope="col">Type</th><th scope="col" class="num">Quantity</th>
            <th scope="col" class="num">Amount</th>${mayBill ? html`<th scope="col"><span class="visually-hidden">Credit</span></th>` : nothing}</tr></thead>
          <tbody>${i.lines.map((l) => html`<tr>
            <td>${l.description}</td><td>${label(l.type)}</td><td class="num">${number(l.quantity, 3)}</td>
            <td class="num">${money(l.amount)}</td>
            ${mayBill ? html`<td><button type="button" class="link credit-line" aria-label="Credit the line ${l.description}"
              @click=${() => this.chooseLine(l.line)}>Credit this line</button></td>` : nothing}</tr>`)}</tbody>
        </table></div>
        ${i.taxes.length ? html`<p>${i.taxes.map((t) => html`${t.name}: ${money(t.amount)}. `)}</p>` : nothing}
      </section>
      <section aria-labelledby="payments-title">
        <h2 id="payments-title">Payments</h2>
        ${this.payments?.length ? html`<ul id="payments">${this.payments.map((p) => html`<li>${dateTime(p.receivedAt, tz)}:
          ${money(p.amount)} · ${label(p.method)}${p.reference ? ` · ${p.reference}` : ''}</li>`)}</ul>`
          : html`<p class="muted">No payments yet.</p>`}
        ${mayBill ? this.paymentForm(i) : nothing}
      </section>
      <section aria-labelledby="credits-title">
        <h2 id="credits-title">Credit notes</h2>
        ${this.creditNotes?.length ? html`<ul id="credit-notes">${this.creditNotes.map((c) => html`<li>${c.number} ·
          ${dateTime(c.issuedAt, tz)} · ${money(c.total)} · ${c.reason}
          <button type="button" class="link" aria-label="PDF of credit note ${c.number}"
            @click=${() => openDocument(`/invoices/${i.id}/credit-notes/${c.id}/pdf`).catch((p) => { this.creditProblem = p; })}>PDF</button></li>`)}</ul>`
          : html`<p class="muted">No credit notes.</p>`}
        ${mayBill ? this.creditForm(i) : nothing}
      </section>`;
  }

  chooseLine(line) {
    this.creditLine = line;
    this.creditKey = null;
    this.updateComplete.then(() => this.renderRoot.querySelector('#credit-reason')?.focus());
  }

  paymentForm(i) {
    return html`<form @submit=${this.pay} @input=${() => { this.paymentKey = null; }} novalidate>
      <h3>Record a payment</h3>
      ${problemBanner(this.paymentProblem)}
      <div class="grid">
        <div>${field({ id: 'payment-amount', name: 'amount', label: 'Amount', inputmode: 'decimal', required: true,
          value: Number(i.balanceDue) > 0 ? i.balanceDue : '', problem: this.paymentProblem,
          hint: 'Part of the balance is fine; negative for a refund.' })}</div>
        <div><label for="payment-method">Method</label>
          <select id="payment-method" name="method">${['CARD', 'CASH', 'CHECK', 'OTHER'].map((m) =>
            html`<option value=${m}>${label(m)}</option>`)}</select></div>
        <div>${field({ id: 'payment-reference', name: 'reference', label: 'Reference', problem: this.paymentProblem })}</div>
      </div>
      <div class="actions"><button type="submit" id="record-payment" ?disabled=${this.paying}>
        ${this.paying ? 'Recording…' : 'Record payment'}</button></div>
    </form>`;
  }

  creditForm(i) {
    const line = this.creditLine !== undefined && this.creditLine !== null
      ? i.lines.find((l) => l.line === this.creditLine) : null;
    return html`<form @submit=${this.credit} @input=${() => { this.creditKey = null; }} novalidate>
      <h3>Issue a credit note</h3>
      ${problemBanner(this.creditProblem)}
      ${line ? html`<p id="credit-for">For the line <strong>${line.description}</strong> (${money(line.amount)} net).
        <button type="button" class="link" @click=${() => { this.creditLine = null; }}>Credit an amount instead</button></p>`
        : html`<p class="hint">For an amount, or choose "Credit this line" above.</p>`}
      <div class="grid">
        <div>${field({ id: 'credit-reason', name: 'reason', label: 'Reason', required: true, problem: this.creditProblem })}</div>
        ${line ? nothing : html`<div>${field({ id: 'credit-amount', name: 'amount', label: 'Net amount',
          inputmode: 'decimal', problem: this.creditProblem })}</div>`}
      </div>
      <div class="actions"><button type="submit" id="issue-credit" class="secondary" ?disabled=${this.crediting}>
        ${this.crediting ? 'Issuing…' : 'Issue credit note'}</button></div>
    </form>`;
  }
}
customElements.define('invoice-screen', InvoiceScreen);
