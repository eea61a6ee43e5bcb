// Receiving purchase orders: the chosen shop's orders still expected (ORDERED, PARTLY_RECEIVED) and, for one,
// a delivery entered line by line (some lines, or part of a line). One Idempotency-Key per attempt: a retry after
// a lost answer books nothing twice; a refusal or a changed form gets a new key.
import { LitElement, html, nothing } from 'lit';
import { api, listAll, newIdempotencyKey } from '../../api.js';
import { number } from '../../format.js';
import { session } from '../../session.js';
import { base } from '../../ui/styles.js';

class PurchaseOrdersScreen extends LitElement {
  static properties = { params: { attribute: false }, query: { attribute: false },
    orders: { state: true }, order: { state: true }, problem: { state: true }, done: { state: true },
    busy: { state: true }, names: { state: true } };

  static styles = [base];

  connectedCallback() {
    super.connectedCallback();
    this.load();
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
      await this.load();
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
        ? html`<p class="muted">No purchase order is expected in this shop.</p>` : html`<ul>
        ${this.orders.map((o) => html`<li><button type="button" class="secondary" @click=${() => this.open(o)}>
          ${o.vendor} · ${o.lines.length} line(s) · ${o.status === 'PARTLY_RECEIVED' ? 'partly received' : 'ordered'}
        </button></li>`)}</ul>`}
      ${this.order ? html`<form @submit=${this.receive} @input=${() => { this.receiptKey = null; }} novalidate>
        <h2>${this.order.vendor}</h2>
        <table><caption class="visually-hidden">Lines of the purchase order</caption>
          <thead><tr><th>Part</th><th class="num">Ordered</th><th class="num">Received</th><th>Arrived now</th></tr></thead>
          <tbody>${this.order.lines.map((l) => html`<tr>
            <td>${this.names?.[l.partId] ?? l.partId}</td><td class="num">${number(Number(l.ordered), 3)}</td>
            <td class="num">${number(Number(l.received), 3)}</td>
            <td><label class="visually-hidden" for="q-${l.id}">Arrived now, line ${l.position}</label>
              <input id="q-${l.id}" name="q-${l.id}" inputmode="decimal" value=${l.outstanding}></td>
          </tr>`)}</tbody></table>
        <div class="actions"><button type="submit" ?disabled=${this.busy}>Book the delivery</button></div>
      </form>` : nothing}`;
  }
}
customElements.define('purchase-orders-screen', PurchaseOrdersScreen);
