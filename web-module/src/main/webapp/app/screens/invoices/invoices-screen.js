// The office's invoices: filters (shop from the switcher, status, days of issue, customer found as typed), the
// balance of each, a page at a time with the API's cursors, and the accountant's CSV of a period.
import { LitElement, html, css, nothing } from 'lit';
import { api } from '../../api.js';
import { session } from '../../session.js';
import { date, label, money } from '../../format.js';
import { problemBanner } from '../../ui/forms.js';
import { debounce, Pager, saveBlob } from '../../ui/paging.js';
import { base } from '../../ui/styles.js';

const PAGE = 25;

class InvoicesScreen extends LitElement {
  static properties = { params: { attribute: false }, query: { attribute: false },
    invoices: { state: true }, problem: { state: true }, exportProblem: { state: true },
    status: { state: true }, from: { state: true }, to: { state: true }, customer: { state: true },
    matches: { state: true }, loading: { state: true }, exporting: { state: true } };

  static styles = [base, css`
    :host { overflow-wrap: anywhere; }
    .grid > *, .filters > *, form.add > * { min-width: 0; }
    .filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(11rem, 100%), 1fr)); gap: 0 .75rem; }
    .matches { list-style: none; padding: 0; margin: .25rem 0; }
    .matches button { width: 100%; text-align: left; }
    .chosen { display: flex; gap: .5rem; align-items: center; margin-top: .5rem; }
    .table-wrap { overflow-x: auto; }
    @media (max-width: 40rem) { .wide { display: none; } }
    .pages { display: flex; gap: .5rem; align-items: center; margin-top: .75rem; flex-wrap: wrap; }
  `];

  constructor() {
    super();
    this.pager = new Pager();
    this.status = '';
    this.from = '';
    this.to = '';
    this.customer = null;
    this.matches = [];
    this.searchCustomers = debounce((q) => this.findCustomers(q), 300);
    this.onShop = () => this.reload();
  }

  connectedCallback() {
    super.connectedCallback();
    session.addEventListener('change', this.onShop);
    this.reload();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    session.removeEventListener('change', this.onShop);
  }

  filterQuery() {
    const q = new URLSearchParams();
    if (session.shopId) q.set('shopId', session.shopId);
    if (this.status) q.set('status', this.status);
    if (this.from) q.set('from', this.from);
    if (this.to) q.set('to', this.to);
    if (this.customer) q.set('customerId', this.customer.id);
    return q.toString();
  }

  reload() {
    this.pager.reset();
    this.load();
  }

  async load() {
    const seq = (this.seq = (this.seq ?? 0) + 1);
    this.loading = true;
    this.problem = null;
    try {
      const filter = this.filterQuery();
      const { data } = await api.get(this.pager.path(`/invoices${filter ? `?${filter}` : ''}`, PAGE));
      if (seq !== this.seq) return; // a newer filter's answer wins
      this.invoices = data.items;
      this.pager.next = data.next;
    } catch (problem) {
      if (seq === this.seq) this.problem = problem;
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  async findCustomers(q) {
    if (q.trim().length < 2) {
      this.matches = [];
      return;
    }
    try {
      const { data } = await api.get(`/customers?q=${encodeURIComponent(q.trim())}&limit=8`);
      this.matches = data.items;
    } catch (problem) {
      this.problem = problem;
    }
  }

  choose(customer) {
    this.customer = customer;
    this.matches = [];
    this.reload();
  }

  async exportCsv() {
    this.exportProblem = null;
    this.exporting = true;
    try {
      const q = new URLSearchParams({ from: this.from, to: this.to });
      if (session.shopId) q.set('shopId', session.shopId);
      const { data } = await api.get(`/invoices/export?${q}`,
        { headers: { Accept: 'text/csv, application/problem+json' } });
      saveBlob(data, `invoices-${this.from}-to-${this.to}.csv`);
    } catch (problem) {
      this.exportProblem = problem;
    } finally {
      this.exporting = false;
    }
  }

  render() {
    return html`<h1>Invoices${session.shop ? html` · ${session.shop.name}` : html` · all shops`}</h1>
      <form class="filters" @submit=${(e) => { e.preventDefault(); this.reload(); }}>
        <div><label for="status">Status</label>
          <select id="status" @change=${(e) => { this.status = e.target.value; this.reload(); }}>
            ${['', 'OPEN', 'PAID', 'VOID'].map((s) => html`<option value=${s} ?selected=${s === this.status}>
              ${s ? label(s) : 'Any'}</option>`)}
          </select></div>
        <div><label for="from">Issued from</label>
          <input id="from" type="date" .value=${this.from}
            @change=${(e) => { this.from = e.target.value; this.reload(); }}></div>
        <div><label for="to">Issued to</label>
          <input id="to" type="date" .value=${this.to}
            @change=${(e) => { this.to = e.target.value; this.reload(); }}></div>
        <div><label for="customer-search">Customer</label>
          <input id="customer-search" type="search" autocomplete="off" placeholder="Name, e-mail or phone"
            aria-describedby="customer-hint" @input=${(e) => this.searchCustomers(e.target.value)}>
          <p class="hint" id="customer-hint">Type two letters or more, then choose.</p>
          ${this.matches.length ? html`<ul class="matches" aria-label="Matching customers">
            ${this.matches.map((c) => html`<li><button type="button" class="secondary" @click=${() => this.choose(c)}>
              ${c.firstName} ${c.lastName}${c.email ? html` · ${c.email}` : nothing}</button></li>`)}</ul>` : nothing}
          ${this.customer ? html`<div class="chosen"><span>Only ${this.customer.firstName} ${this.customer.lastName}</span>
            <button type="button" class="link" @click=${() => { this.customer = null; this.reload(); }}>All customers</button></div>`
            : nothing}
        </div>
      </form>
      <div class="actions">
        <button type="button" class="secondary" id="export-csv" ?disabled=${!this.from || !this.to || this.exporting}
          @click=${this.exportCsv}>${this.exporting ? 'Exporting…' : 'Export CSV for the accountant'}</button>
        ${!this.from || !this.to ? html`<span class="hint">Choose the first and last day to export.</span>` : nothing}
      </div>
      ${problemBanner(this.exportProblem)}
      ${this.list()}`;
  }

  list() {
    if (this.problem) return html`<p class="problem" role="alert">${this.problem.sentence}</p>`;
    if (!this.invoices) return html`<p role="status">Loading invoices…</p>`;
    if (!this.invoices.length) return html`<p role="status">No invoices match these filters.</p>`;
    return html`<div class="table-wrap"><table>
        <caption class="visually-hidden">Invoices, page ${this.pager.number}</caption>
        <thead><tr><th scope="col">Number</th><th scope="col">Issued</th><th scope="col" class="wide">Work order</th>
          <th scope="col">Status</th><th scope="col" class="num">Total</th><th scope="col" class="num">Balance due</th></tr></thead>
        <tbody>${this.invoices.map((i) => html`<tr>
          <td><a href="/invoices/${i.id}">${i.number}</a></td>
          <td>${date(i.issuedAt, session.shopById(i.shopId)?.timeZone)}</td>
          <td class="wide">${i.workOrderNumber ?? ''}</td>
          <td>${label(i.status)}</td>
          <td class="num">${money(i.total)}</td>
          <td class="num">${money(i.balanceDue)}</td></tr>`)}</tbody>
      </table></div>
      <div class="pages">
        <button type="button" class="secondary" ?disabled=${!this.pager.hasPrevious || this.loading}
          @click=${() => { this.pager.back(); this.load(); }}>Previous page</button>
        <span role="status">Page ${this.pager.number}${this.loading ? ' (loading…)' : ''}</span>
        <button type="button" class="secondary" id="next-page" ?disabled=${!this.pager.next || this.loading}
          @click=${() => { this.pager.forward(); this.load(); }}>Next page</button>
      </div>`;
  }
}
customElements.define('invoices-screen', InvoicesScreen);
