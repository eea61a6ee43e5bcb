// A shop's tax rates and board columns. Each is read with its ETag and saved with If-Match: when someone else
// saved first (412) the screen says so and offers a reload, never a silent overwrite.
import { LitElement, html, css, nothing } from 'lit';
import { api } from '../../api.js';
import { session } from '../../session.js';
import { problemBanner } from '../../ui/forms.js';
import { base } from '../../ui/styles.js';

/** 0.0825 → "8.25" and back, without floating-point noise. */
const percent = (rate) => String(Math.round(Number(rate) * 1_000_000) / 10_000);
const fraction = (text) => Math.round(Number(String(text).replace(',', '.')) * 100) / 10_000;

class ShopSettingsScreen extends LitElement {
  static properties = { params: { attribute: false }, query: { attribute: false },
    rates: { state: true }, columns: { state: true }, problem: { state: true }, ratesProblem: { state: true },
    boardProblem: { state: true }, notice: { state: true }, saving: { state: true } };

  static styles = [base, css`
    :host { overflow-wrap: anywhere; }
    .grid > *, .filters > *, form.add > * { min-width: 0; }
    section { background: #fff; border: 1px solid var(--border); border-radius: 8px; padding: 1rem; margin: 1rem 0; }
    section h2 { margin-top: 0; }
    fieldset { border: 1px solid var(--border); border-radius: 6px; margin: .5rem 0; padding: .5rem .75rem; }
    legend { font-weight: 600; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(9rem, 100%), 1fr)); gap: 0 .75rem; align-items: end; }
  `];

  constructor() {
    super();
    this.onShop = () => this.load();
  }

  connectedCallback() {
    super.connectedCallback();
    session.addEventListener('change', this.onShop);
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    session.removeEventListener('change', this.onShop);
  }

  async load() {
    this.shopId = session.shopId;
    this.rates = null;
    this.columns = null;
    this.ratesProblem = null;
    this.boardProblem = null;
    if (!this.shopId) return;
    try {
      const [rates, board] = await Promise.all([api.get(`/shops/${this.shopId}/tax-rates`),
        api.get(`/shops/${this.shopId}/board`)]);
      this.rates = rates.data.items.map((r) => ({ ...r, percent: percent(r.rate) }));
      this.ratesEtag = rates.etag;
      this.columns = board.data.columns;
      this.boardEtag = board.etag;
      this.problem = null;
    } catch (problem) {
      this.problem = problem;
    }
  }

  async saveRates(event) {
    event.preventDefault();
    this.saving = true;
    this.ratesProblem = null;
    this.notice = null;
    try {
      const items = this.rates.map((r) => ({ name: r.name, rate: fraction(r.percent), appliesToLabor: r.appliesToLabor,
        appliesToParts: r.appliesToParts }));
      const { data, etag } = await api.put(`/shops/${this.shopId}/tax-rates`, { items }, { etag: this.ratesEtag });
      this.rates = data.items.map((r) => ({ ...r, percent: percent(r.rate) }));
      this.ratesEtag = etag;
      this.notice = 'Tax rates saved. Open work orders are totalled with them; issued invoices keep theirs.';
    } catch (problem) {
      this.ratesProblem = problem;
    } finally {
      this.saving = false;
    }
  }

  async saveBoard(event) {
    event.preventDefault();
    this.saving = true;
    this.boardProblem = null;
    this.notice = null;
    try {
      const columns = this.columns.map((c) => ({ code: c.code, name: c.name, next: c.next }));
      const { data, etag } = await api.put(`/shops/${this.shopId}/board`, { columns }, { etag: this.boardEtag });
      this.columns = data.columns;
      this.boardEtag = etag;
      this.notice = 'Board columns saved.';
    } catch (problem) {
      this.boardProblem = problem;
    } finally {
      this.saving = false;
    }
  }

  editRate(index, change) {
    this.rates = this.rates.map((r, i) => (i === index ? { ...r, ...change } : r));
  }

  render() {
    const shop = session.shop;
    if (!shop) return html`<h1>Shop settings</h1><p>Choose a shop in the header to see its settings.</p>`;
    if (!session.mayTakeMoney(shop.id)) {
      return html`<h1>Shop settings · ${shop.name}</h1><p>An owner or a manager of this shop changes its settings.</p>`;
    }
    if (this.problem) return html`<h1>Shop settings</h1><p class="problem" role="alert">${this.problem.sentence}</p>`;
    return html`<h1>Shop settings · ${shop.name}</h1>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      <section aria-labelledby="rates-title"><h2 id="rates-title">Tax rates</h2>
        ${this.rates ? this.ratesForm() : html`<p role="status">Loading…</p>`}</section>
      <section aria-labelledby="board-title"><h2 id="board-title">Board columns</h2>
        ${this.columns ? this.boardForm() : html`<p role="status">Loading…</p>`}</section>`;
  }

  ratesForm() {
    const p = this.ratesProblem;
    return html`<form @submit=${this.saveRates} novalidate>
      ${problemBanner(p, { onReload: () => this.load() })}
      ${this.rates.length ? nothing : html`<p class="muted">No tax rates: nothing is taxed.</p>`}
      ${this.rates.map((r, i) => html`<fieldset><legend>Tax ${i + 1}</legend><div class="grid">
        <div><label for="rate-name-${i}">Name</label>
          <input id="rate-name-${i}" .value=${r.name} @input=${(e) => this.editRate(i, { name: e.target.value })}>
          ${p?.fields?.[`items[${i}].name`] ? html`<p class="field-error">${p.fields[`items[${i}].name`]}</p>` : nothing}</div>
        <div><label for="rate-percent-${i}">Rate (%)</label>
          <input id="rate-percent-${i}" inputmode="decimal" .value=${r.percent}
            @input=${(e) => this.editRate(i, { percent: e.target.value })}>
          ${p?.fields?.[`items[${i}].rate`] ? html`<p class="field-error">${p.fields[`items[${i}].rate`]}</p>` : nothing}</div>
        <div><label class="checkbox"><input type="checkbox" .checked=${r.appliesToLabor}
          @change=${(e) => this.editRate(i, { appliesToLabor: e.target.checked })}>On labor</label>
        <label class="checkbox"><input type="checkbox" .checked=${r.appliesToParts}
          @change=${(e) => this.editRate(i, { appliesToParts: e.target.checked })}>On parts</label></div>
        <div><button type="button" class="danger" aria-label="Remove tax ${r.name}"
          @click=${() => { this.rates = this.rates.filter((_, j) => j !== i); }}>Remove</button></div>
      </div></fieldset>`)}
      <div class="actions">
        <button type="button" class="secondary" @click=${() => { this.rates = [...this.rates,
          { name: '', percent: '', appliesToLabor: true, appliesToParts: true }]; }}>Add a tax</button>
        <button type="submit" id="save-rates" ?disabled=${this.saving}>Save tax rates</button>
      </div></form>`;
  }

  boardForm() {
    return html`<form @submit=${this.saveBoard} novalidate>
      ${problemBanner(this.boardProblem, { onReload: () => this.load() })}
      <p class="hint">The names shown on the board; the moves between columns stay as they are.</p>
      <div class="grid">${this.columns.map((c, i) => html`<div><label for="column-${i}">Column ${i + 1}</label>
        <input id="column-${i}" .value=${c.name}
          @input=${(e) => { this.columns = this.columns.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)); }}>
        </div>`)}</div>
      <div class="actions"><button type="submit" id="save-board" ?disabled=${this.saving}>Save board</button></div>
    </form>`;
  }
}
customElements.define('shop-settings-screen', ShopSettingsScreen);
