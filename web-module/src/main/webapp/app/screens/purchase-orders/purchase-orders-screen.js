// Receiving purchase orders: the chosen shop's orders still expected (ORDERED, PARTLY_RECEIVED) and, for one,
// a delivery entered line by line (some lines, or part of a line). One Idempotency-Key per attempt: a retry after
// a lost answer books nothing twice; a refusal or a changed form gets a new key. Each line shows what the shop
// has on hand of the part, re-read after a delivery is booked.
import { LitElement, html, css, nothing } from 'lit';
import { api, listAll, newIdempotencyKey } from '../../api.js';
import { number } from '../../format.js';
import { session } from '../../session.js';
import { base } from '../../ui/styles.js';

class PurchaseOrdersScreen extends LitElement {
  static properties = { params: { attribute: false }, query: { attribute: false },
    orders: { state: true }, order: { state: true }, problem: { state: true }, done: { state: true },
    busy: { state: true }, names: { state: true }, onHand: { state: true } };

  static styles = [base, css`
    ul.orders { list-style: none; padding: 0; display: grid; gap: .5rem; }
    ul.orders button { width: 100%; text-align: left; }
    input.qty { max-width: 7rem; }
  `];

  constructor() {
    super();
    this.onShop = () => {
      this.order = null;
      this.done = null;
      this.load();
    };
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
    this.problem = null;
    if (!session.shopId) {
      this.orders = [];
      return;
    }
    try {
      const all = await listAll(`/shops/${session.shopId}/purchase-orders`);
      this.orders = all.filter((o) => o.status === 'ORDERED' || o.status === 'PARTLY_RECEIVED');
    } catch (problem) {
      this.problem = problem;
    }
  }

  async open(order) {
    this.order = order;
    this.done = null;
    this.receiptKey = null;
    const names = { ...(this.names ?? {}) };
    for (const id of new Set(order.lines.map((l) => l.partId))) {
      if (names[id]) continue;
      try {
        const { data } = await api.get(`/parts/${id}`);
        names[id] = `${data.partNumber} · ${data.description}`;
      } catch {
        names[id] = id;
      }
    }
    this.names = names;
    await this.readOnHand(order);
  }

  /** What the order's shop has on hand of each of its parts (GET /shops/{id}/stock/{partId}). */
  async readOnHand(order) {
    const onHand = {};
    await Promise.all([...new Set(order.lines.map((l) => l.partId))].map(async (id) => {
      try {
        const { data } = await api.get(`/shops/${order.shopId ?? session.shopId}/stock/${id}`);
        onHand[id] = data.onHand;
      } catch {
        // not stocked here yet: nothing to show
      }
    }));
    this.onHand = onHand;
  }

  async receive(event) {
    event.preventDefault();
    const values = new FormData(event.target);
    const lines = this.order.lines
      .map((l) => ({ lineId: l.id, quantity: (values.get(`q-${l.id}`) ?? '').trim() }))
      .filter((l) => l.quantity !== '' && Number(l.quantity) !== 0);
    if (lines.length === 0) return;
    this.receiptKey ??= newIdempotencyKey();
    this.busy = true;
    this.problem = null;
    try {
      const { data } = await api.post(`/purchase-orders/${this.order.id}/receipts`, { lines },
        { idempotencyKey: this.receiptKey });
      this.receiptKey = null;
      this.done = `Received: ${data.status === 'RECEIVED' ? 'the order is complete' : 'more is expected'}.`;
      this.order = data.status === 'RECEIVED' ? null : data;
      await Promise.all([this.load(), this.order ? this.readOnHand(this.order) : null]);
    } catch (problem) {
      if (problem.status !== 0 && problem.status < 500) this.receiptKey = null;
      this.problem = problem;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const p = this.problem;
    return html`<h1>Receive parts</h1>
      ${p ? html`<p class="problem" role="alert">${p.sentence ?? p.message}</p>` : nothing}
      ${this.done ? html`<p role="status">${this.done}</p>` : nothing}
      ${!this.orders ? html`<p class="muted">Loading…</p>` : this.orders.length === 0
        ? html`<p class="muted">No purchase order is expected in this shop.</p>` : html`<ul class="orders">
        ${this.orders.map((o) => html`<li><button type="button" class="secondary" @click=${() => this.open(o)}>
          ${o.vendor} · ${o.lines.length} line(s) · ${o.status === 'PARTLY_RECEIVED' ? 'partly received' : 'ordered'}
        </button></li>`)}</ul>`}
      ${this.order ? html`<form @submit=${this.receive} @input=${() => { this.receiptKey = null; }} novalidate>
        <h2>${this.order.vendor}</h2>
        <table class="stacks"><caption class="visually-hidden">Lines of the purchase order</caption>
          <thead><tr><th>Part</th><th class="num">Ordered</th><th class="num">Received</th><th class="num">On hand</th>
            <th>Arrived now</th></tr></thead>
          <tbody>${this.order.lines.map((l) => html`<tr data-line=${l.id}>
            <td>${this.names?.[l.partId] ?? ''}</td>
            <td class="num" data-label="Ordered">${number(Number(l.ordered), 3)}</td>
            <td class="num" data-label="Received">${number(Number(l.received), 3)}</td>
            <td class="num on-hand" data-label="On hand">${this.onHand?.[l.partId] != null
              ? number(Number(this.onHand[l.partId]), 3) : '—'}</td>
            <td data-label="Arrived now"><label class="visually-hidden" for="q-${l.id}">Arrived now, line ${l.position}</label>
              <input class="qty" id="q-${l.id}" name="q-${l.id}" inputmode="decimal" value=${l.outstanding}></td>
          </tr>`)}</tbody></table>
        <div class="actions"><button type="submit" ?disabled=${this.busy}>Book the delivery</button></div>
      </form>` : nothing}`;
  }
}
customElements.define('purchase-orders-screen', PurchaseOrdersScreen);
