// Customers and their vehicles: search as you type (debounced: one request when the person pauses), a page at
// a time with the API's cursors; a customer's vehicles and invoices on demand.
import { LitElement, html, css, nothing } from 'lit';
import { api } from '../../api.js';
import { number } from '../../format.js';
import { debounce, Pager } from '../../ui/paging.js';
import { base } from '../../ui/styles.js';

const PAGE = 25;

class CustomersScreen extends LitElement {
  static properties = { params: { attribute: false }, query: { attribute: false },
    customers: { state: true }, problem: { state: true }, loading: { state: true }, open: { state: true },
    vehicles: { state: true } };

  static styles = [base, css`
    :host { overflow-wrap: anywhere; }
    .grid > *, .filters > *, form.add > * { min-width: 0; }
    ul.customers { list-style: none; padding: 0; margin: 0; }
    ul.customers > li { border-bottom: 1px solid var(--border); padding: .5rem 0; }
    .who { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: baseline; }
    .who button { min-height: 2.25rem; }
    .pages { display: flex; gap: .5rem; align-items: center; margin-top: .75rem; flex-wrap: wrap; }
  `];

  constructor() {
    super();
    this.pager = new Pager();
    this.q = '';
    this.vehicles = {};
    this.search = debounce((q) => { this.q = q.trim(); this.pager.reset(); this.load(); }, 300);
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    const seq = (this.seq = (this.seq ?? 0) + 1);
    this.loading = true;
    try {
      const path = this.q ? `/customers?q=${encodeURIComponent(this.q)}` : '/customers';
      const { data } = await api.get(this.pager.path(path, PAGE));
      if (seq !== this.seq) return;
      this.customers = data.items;
      this.pager.next = data.next;
      this.problem = null;
    } catch (problem) {
      if (seq === this.seq) this.problem = problem;
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  async toggle(customer) {
    this.open = this.open === customer.id ? null : customer.id;
    if (this.open && !this.vehicles[customer.id]) {
      try {
        const { data } = await api.get(`/vehicles?customerId=${customer.id}&limit=50`);
        this.vehicles = { ...this.vehicles, [customer.id]: data.items };
      } catch (problem) {
        this.problem = problem;
      }
    }
  }

  render() {
    return html`<h1>Customers and vehicles</h1>
      <label for="customer-q">Search</label>
      <input id="customer-q" type="search" autocomplete="off" aria-describedby="customer-q-hint"
        @input=${(e) => this.search(e.target.value)}>
      <p class="hint" id="customer-q-hint">A name's first letters, or an exact e-mail or phone number.</p>
      ${this.list()}`;
  }

  list() {
    if (this.problem) return html`<p class="problem" role="alert">${this.problem.sentence}</p>`;
    if (!this.customers) return html`<p role="status">Loading customers…</p>`;
    if (!this.customers.length) {
      return html`<p role="status">${this.q ? `No customer matches "${this.q}".` : 'No customers yet.'}</p>`;
    }
    return html`<ul class="customers" aria-label="Customers, page ${this.pager.number}">
        ${this.customers.map((c) => html`<li>
          <div class="who"><strong>${c.firstName} ${c.lastName}</strong>
            ${c.email ? html`<span>${c.email}</span>` : nothing}${c.phone ? html`<span>${c.phone}</span>` : nothing}
            <button type="button" class="link" aria-expanded=${this.open === c.id ? 'true' : 'false'}
              @click=${() => this.toggle(c)}>Vehicles</button>
</div>
          ${this.open === c.id ? this.vehiclesOf(c) : nothing}
        </li>`)}
      </ul>
      <div class="pages">
        <button type="button" class="secondary" ?disabled=${!this.pager.hasPrevious || this.loading}
          @click=${() => { this.pager.back(); this.load(); }}>Previous page</button>
        <span role="status">Page ${this.pager.number}${this.loading ? ' (loading…)' : ''}</span>
        <button type="button" class="secondary" ?disabled=${!this.pager.next || this.loading}
          @click=${() => { this.pager.forward(); this.load(); }}>Next page</button>
      </div>`;
  }

  vehiclesOf(c) {
    const list = this.vehicles[c.id];
    if (!list) return html`<p role="status">Loading vehicles…</p>`;
    if (!list.length) return html`<p class="muted">No vehicles.</p>`;
    return html`<ul>${list.map((v) => html`<li>${v.year ?? ''} ${v.make ?? ''} ${v.model ?? ''}
      ${v.plate ? html` · ${v.plate}` : nothing} · VIN ${v.vin}${v.mileage ? html` · ${number(v.mileage)} mi` : nothing}</li>`)}</ul>`;
  }
}
customElements.define('customers-screen', CustomersScreen);
