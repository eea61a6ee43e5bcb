// The part the invoice's money forms share (<payment-form>, <credit-note-form>): one Idempotency-Key per attempt,
// made at the first submit and reused only to retry that attempt (offline or 5xx), renewed when the form changes
// or the API refuses it, so a double click or a retry charges once. The page shows what was recorded: it gets an
// event whose detail is {data, waitUntil(promise)}; the button stays busy until that promise (the reload) settles.
import { LitElement, css } from 'lit';
import { api, newIdempotencyKey } from '../api.js';
import { base } from './styles.js';

export class MoneyForm extends LitElement {
  static properties = { invoice: { attribute: false }, busy: { state: true }, problem: { state: true } };

  static styles = [base, css`
    :host { overflow-wrap: anywhere; }
    form { min-width: 0; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(10rem, 100%), 1fr)); gap: 0 .75rem; }
  `];

  /** The next submit is a new attempt (the form changed). */
  renewKey() {
    this.key = null;
  }

  /** Posts body to path once per attempt; answers the API's data, or undefined when refused or already busy. */
  async send(form, path, body, eventName) {
    if (this.busy) return undefined; // the same attempt is on its way: a second click sends nothing
    this.key ??= newIdempotencyKey();
    this.busy = true;
    this.problem = null;
    try {
      const { data } = await api.post(path, body, { idempotencyKey: this.key });
      this.key = null;
      form.reset();
      const reloads = [];
      this.dispatchEvent(new CustomEvent(eventName, { bubbles: true, composed: true,
        detail: { data, waitUntil: (promise) => reloads.push(promise) } }));
      await Promise.all(reloads);
      return data;
    } catch (problem) {
      if (problem.status !== 0 && problem.status < 500) this.key = null; // refused: the next try is new
      this.problem = problem;
      return undefined;
    } finally {
      this.busy = false;
    }
  }
}
