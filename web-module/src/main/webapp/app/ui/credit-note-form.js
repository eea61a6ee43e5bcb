// <credit-note-form .invoice=${invoice} ?by-line=…>: issues a credit note for a net amount, or (by-line: the page
// lists the lines with "Credit this line", which calls chooseLine(line)) for one whole line; dispatches
// `credit-note-issued` ({data: the credit note, waitUntil}) once the API took it. Key handling: money-form.js.
import { html, nothing } from 'lit';
import { money } from '../format.js';
import { field, formValues, problemBanner } from './forms.js';
import { MoneyForm } from './money-form.js';

class CreditNoteForm extends MoneyForm {
  static properties = { ...MoneyForm.properties, byLine: { type: Boolean, attribute: 'by-line' },
    line: { state: true } };

  /** Credit this line (its index on the invoice) instead of an amount; null: an amount again. */
  chooseLine(line) {
    this.line = line;
    this.renewKey();
    if (line != null) this.updateComplete.then(() => this.renderRoot.querySelector('#credit-reason')?.focus());
  }

  async credit(event) {
    event.preventDefault();
    const v = formValues(event.target);
    const body = { reason: v.reason.trim() };
    if (this.line != null) body.lines = [{ line: this.line }];
    else body.amount = v.amount.trim();
    const issued = await this.send(event.target, `/invoices/${this.invoice.id}/credit-notes`, body,
      'credit-note-issued');
    if (issued) this.line = null;
  }

  render() {
    const line = this.line != null ? this.invoice.lines.find((l) => l.line === this.line) : null;
    return html`<form @submit=${this.credit} @input=${this.renewKey} novalidate>
      <h3>Issue a credit note</h3>
      ${problemBanner(this.problem)}
      ${line ? html`<p id="credit-for">For the line <strong>${line.description}</strong> (${money(line.amount)} net).
        <button type="button" class="link" @click=${() => this.chooseLine(null)}>Credit an amount instead</button></p>`
        : this.byLine ? html`<p class="hint">For an amount, or choose "Credit this line" above.</p>` : nothing}
      <div class="grid">
        <div>${field({ id: 'credit-reason', name: 'reason', label: 'Reason', required: true, problem: this.problem })}</div>
        ${line ? nothing : html`<div>${field({ id: 'credit-amount', name: 'amount', label: 'Net amount',
          inputmode: 'decimal', problem: this.problem })}</div>`}
      </div>
      <div class="actions"><button type="submit" id="issue-credit" class="secondary" ?disabled=${this.busy}>
        ${this.busy ? 'Issuing…' : 'Issue credit note'}</button></div>
    </form>`;
  }
}
customElements.define('credit-note-form', CreditNoteForm);
