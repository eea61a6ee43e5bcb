// Part search while adding a line: the catalogue by number, description or brand, each part with its price and
// what is available in this work order's shop and in the others; "Add" puts a catalogue part line on the order
// (POST /work-orders/{id}/part-lines), which reserves it in this shop (409: not enough, and no backorders).
import { LitElement, html, css, nothing } from 'lit';
import { api } from '../../api.js';
import { money, number } from '../../format.js';
import { session } from '../../session.js';
import { base } from '../../ui/styles.js';

class PartSearch extends LitElement {
  static properties = { order: { attribute: false }, onAdded: { attribute: false },
    results: { state: true }, problem: { state: true }, busy: { state: true } };

  static styles = [base, css`
    :host { display: block; border-top: 1px solid var(--border); margin-top: 1rem; padding-top: .5rem; }
    .here { font-weight: 700; }
    td form { display: flex; gap: .5rem; justify-content: flex-end; align-items: center; }
    td input { width: 5rem; }
    ul.others { list-style: none; margin: 0; padding: 0; }
    /* on a phone each part is a card (table.stacks): the other shops' stock under its label, the add form last */
    @media (max-width: 40rem) {
      td.others ul.others { display: inline-block; text-align: right; }
      td form { justify-content: flex-start; margin-top: .25rem; }
    }
  `];

  async search(event) {
    event.preventDefault();
    const q = new FormData(event.target).get('q')?.trim() ?? '';
    this.problem = null;
    try {
      const { data } = await api.get(`/parts?q=${encodeURIComponent(q)}&limit=20`);
      this.results = data.items;
    } catch (problem) {
      this.problem = problem;
    }
  }

  available(part, here) {
    const rows = part.stock.filter((s) => (s.shopId === this.order.shopId) === here);
    return rows.reduce((sum, s) => sum + Number(s.available), 0);
  }

  shopName(id) {
    return session.shops.find((s) => s.id === id)?.name ?? 'another shop';
  }

  /** The other shops that have the part available, each on its own line. */
  others(part) {
    const elsewhere = part.stock.filter((s) => s.shopId !== this.order.shopId && Number(s.available) > 0);
    if (!elsewhere.length) return html`<span class="muted">none</span>`;
    return html`<ul class="others">${elsewhere.map((s) => html`<li>${this.shopName(s.shopId)}: ${number(
      Number(s.available), 0)}</li>`)}</ul>`;
  }

  async add(part, event) {
    event.preventDefault();
    const quantity = new FormData(event.target).get('quantity');
    this.busy = true;
    this.problem = null;
    try {
      await api.post(`/work-orders/${this.order.id}/part-lines`, { partId: part.id, quantity });
      const { data, etag } = await api.get(`/work-orders/${this.order.id}`);
      this.onAdded(data, etag);
      this.results = null;
    } catch (problem) {
      this.problem = problem;
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<h3>Add a part from the catalogue</h3>
      <form role="search" @submit=${this.search}>
        <div class="row"><div><label for="part-q">Part number, description or brand</label>
          <input id="part-q" name="q" type="search" autocomplete="off"></div>
          <div><button type="submit" class="secondary">Search parts</button></div></div>
      </form>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem.sentence ?? this.problem.message}</p>` : nothing}
      ${this.results?.length === 0 ? html`<p class="muted">No part matches.</p>` : nothing}
      ${this.results?.length ? html`<table class="stacks">
        <caption class="visually-hidden">Parts found</caption>
        <thead><tr><th>Part</th><th class="num">Price</th><th class="num">Available here</th><th>Other shops</th>
          <th><span class="visually-hidden">Add</span></th></tr></thead>
        <tbody>${this.results.map((p) => html`<tr data-part=${p.id}>
          <td>${p.partNumber}${p.brand ? ` · ${p.brand}` : ''}<br><span class="muted">${p.description}</span></td>
          <td class="num" data-label="Price">${money(p.price)}</td>
          <td class="num here" data-label="Available here">${number(this.available(p, true), 0)}</td>
          <td class="others" data-label="Other shops">${this.others(p)}</td>
          <td><form @submit=${(e) => this.add(p, e)}>
            <label class="visually-hidden" for="qty-${p.id}">Quantity of ${p.partNumber}</label>
            <input id="qty-${p.id}" name="quantity" inputmode="decimal" value="1" required>
            <button type="submit" ?disabled=${this.busy} aria-label="Add ${p.partNumber}">Add</button>
          </form></td>
        </tr>`)}</tbody></table>` : nothing}`;
  }
}
customElements.define('part-search', PartSearch);
