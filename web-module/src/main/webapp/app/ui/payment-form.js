// <payment-form .invoice=${invoice} hint="…">: records a (partial) payment, or a refund (negative), on the invoice;
// dispatches `payment-recorded` ({data: the payment, waitUntil}) once the API took it. Key handling: money-form.js.
import { html } from 'lit';
import { label } from '../format.js';
import { field, formValues, problemBanner } from './forms.js';
import { MoneyForm } from './money-form.js';

class PaymentForm extends MoneyForm {
  static properties = { ...MoneyForm.properties, hint: {} };

  constructor() {
    super();
    this.hint = 'Negative for a refund.';
  }

  pay(event) {
    event.preventDefault();
    const v = formValues(event.target);
    return this.send(event.target, `/invoices/${this.invoice.id}/payments`,
      { amount: v.amount.trim(), method: v.method, reference: v.reference || null }, 'payment-recorded');
  }

  render() {
    const i = this.invoice;
    return html`<form @submit=${this.pay} @input=${this.renewKey} novalidate>
      <h3>Record a payment</h3>
      ${problemBanner(this.problem)}
      <div class="grid">
        <div>${field({ id: 'payment-amount', name: 'amount', label: 'Amount', inputmode: 'decimal', required: true,
          value: Number(i.balanceDue) > 0 ? i.balanceDue : '', problem: this.problem, hint: this.hint })}</div>
        <div><label for="payment-method">Method</label>
          <select id="payment-method" name="method">${['CARD', 'CASH', 'CHECK', 'OTHER'].map((m) =>
            html`<option value=${m}>${label(m)}</option>`)}</select></div>
        <div>${field({ id: 'payment-reference', name: 'reference', label: 'Reference', problem: this.problem })}</div>
      </div>
      <div class="actions"><button type="submit" id="record-payment" ?disabled=${this.busy}>
        ${this.busy ? 'Recording…' : 'Record payment'}</button></div>
    </form>`;
  }
}
customElements.define('payment-form', PaymentForm);
