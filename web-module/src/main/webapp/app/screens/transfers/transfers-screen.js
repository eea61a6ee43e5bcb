// The transfer list of the chosen shop: what it is asked for or asks for (requested), what is on the road
// (shipped, in transit: both shops see it), what arrived short (received with a discrepancy and its reason) and
// what is done. The sending shop ships; either shop cancels before shipping; the receiving shop books what
// arrived, in part if need be, and closes a short transfer with the reason. Ship and cancel send the version
// the list showed (If-Match); a receipt carries one Idempotency-Key per attempt, as "Receive parts" does.
import { LitElement, html, css, nothing } from 'lit';
import { api, listAll, newIdempotencyKey } from '../../api.js';
import { dateTime, number } from '../../format.js';
import { session } from '../../session.js';
import { base } from '../../ui/styles.js';
import { problemBanner } from '../../ui/forms.js';

const GROUPS = [
  { id: 'requested', title: 'Requested', empty: 'No transfer waits to be shipped.',
    has: (t) => t.status === 'REQUESTED' },
  { id: 'in-transit', title: 'Shipped, in transit', empty: 'Nothing is on the road.',
    has: (t) => t.status === 'SHIPPED' || t.status === 'PARTLY_RECEIVED' },
  { id: 'discrepancies', title: 'Received with discrepancies', empty: 'No transfer arrived short.',
    has: (t) => t.status === 'RECEIVED' && Number(t.missing) > 0 },
  { id: 'done', title: 'Received in full or cancelled', empty: 'None yet.',
    has: (t) => (t.status === 'RECEIVED' && Number(t.missing) === 0) || t.status === 'CANCELLED' },
];

class TransfersScreen extends LitElement {
  static properties = { params: { attribute: false }, query: { attribute: false }, transfers: { state: true },
    names: { state: true }, receiving: { state: true }, closing: { state: true }, problem: { state: true },
    notice: { state: true }, busy: { state: true } };

  static styles = [base, css`
    /* minmax(0, 1fr): a card never grows past the column; on a phone the lines stack (table.stacks) */
    .transfers { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem;
      grid-template-columns: minmax(0, 1fr); }
    .transfer h3 { margin: 0 0 .25rem; }
    .transfer table { margin: .5rem 0; }
    .reason { margin: .25rem 0; }
    input.qty { max-width: 7rem; }
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
    this.problem = null;
    if (!session.shopId) return;
    const shop = session.shopId;
    try {
      const [transfers, shops] = await Promise.all([listAll(`/shops/${shop}/transfers`), listAll('/shops')]);
      if (shop !== session.shopId) return;
      const names = new Map(this.names ?? []);
      shops.forEach((s) => names.set(s.id, s.name));
      await Promise.all([...new Set(transfers.flatMap((t) => t.lines.map((l) => l.partId)))]
        .filter((id) => !names.has(id)).map(async (id) => {
          try {
            const { data } = await api.get(`/parts/${id}`);
            names.set(id, `${data.partNumber} · ${data.description}`);
          } catch {
            names.set(id, 'Part');
          }
        }));
      this.names = names;
      this.transfers = transfers.reverse(); // newest first: what needs doing now is recent
    } catch (problem) {
      this.problem = problem;
    }
  }

  async change(transfer, what) {
    this.busy = true;
    this.problem = null;
    this.notice = null;
    try {
      await api.post(`/transfers/${transfer.id}/${what}`, undefined, { etag: `"${transfer.version}"` });
      this.notice = what === 'ship' ? 'Shipped: the parts left this shop\'s stock and are in transit.'
        : 'Cancelled.';
      await this.load();
    } catch (problem) {
      this.problem = problem;
    } finally {
      this.busy = false;
    }
  }

  openReceipt(transfer) {
    this.receiving = transfer.id;
    this.closing = false;
    this.receiptKey = null;
    this.notice = null;
    this.problem = null;
  }

  async receive(event, transfer) {
    event.preventDefault();
    const values = new FormData(event.target);
    const lines = transfer.lines.filter((l) => Number(l.inTransit) > 0)
      .map((l) => ({ lineId: l.id, quantity: String(values.get(`q-${l.id}`) ?? '').trim() || '0' }));
    const complete = values.get('complete') === 'on';
    const reason = String(values.get('reason') ?? '').trim();
    this.receiptKey ??= newIdempotencyKey();
    this.busy = true;
    this.problem = null;
    try {
      const { data } = await api.post(`/transfers/${transfer.id}/receipts`,
        { lines, complete, discrepancyReason: reason || null }, { idempotencyKey: this.receiptKey });
      this.receiptKey = null;
      this.receiving = null;
      this.notice = data.status === 'PARTLY_RECEIVED' ? `Booked; ${number(Number(data.inTransit), 3)} still in transit.`
        : Number(data.missing) > 0 ? `Closed with ${number(Number(data.missing), 3)} missing: ${data.discrepancyReason}`
          : 'Received in full.';
      await this.load();
    } catch (problem) {
      // a refusal will not change by retrying the same request: the next attempt is a new one
      if (problem.status !== 0 && problem.status < 500) this.receiptKey = null;
      this.problem = problem;
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (!session.shopId) return html`<h1>Transfers</h1><p>Choose the shop in the header first.</p>`;
    return html`<h1>Transfers · ${session.shop?.name ?? ''}</h1>
      ${problemBanner(this.problem, { onReload: () => this.load() })}
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${!this.transfers ? html`<p role="status">Loading…</p>` : GROUPS.map((g) => {
        const mine = this.transfers.filter(g.has);
        return html`<section aria-labelledby="g-${g.id}" data-group=${g.id}>
          <h2 id="g-${g.id}">${g.title} <span class="muted">(${mine.length})</span></h2>
          ${mine.length ? html`<ul class="transfers">${mine.map((t) => html`<li>${this.transfer(t)}</li>`)}</ul>`
            : html`<p class="muted">${g.empty}</p>`}
        </section>`;
      })}`;
  }

  transfer(t) {
    const here = session.shopId;
    const outgoing = t.fromShopId === here;
    const other = this.names?.get(outgoing ? t.toShopId : t.fromShopId) ?? 'another shop';
    const inTransit = t.status === 'SHIPPED' || t.status === 'PARTLY_RECEIVED';
    return html`<article class="card transfer" data-id=${t.id}>
      <h3>${outgoing ? `To ${other}` : `From ${other}`}</h3>
      <p class="muted">Requested ${dateTime(t.createdAt)} · ${t.status === 'PARTLY_RECEIVED' ? 'Partly received'
        : t.status.charAt(0) + t.status.slice(1).toLowerCase()}</p>
      ${this.receiving === t.id ? this.receiptForm(t) : html`<table class="stacks">
        <caption class="visually-hidden">Lines of the transfer</caption>
        <thead><tr><th>Part</th><th class="num">Sent</th><th class="num">In transit</th><th class="num">Received</th>
          <th class="num">Missing</th></tr></thead>
        <tbody>${t.lines.map((l) => html`<tr><td>${this.names?.get(l.partId) ?? ''}</td>
          <td class="num" data-label="Sent">${number(Number(l.quantity), 3)}</td>
          <td class="num" data-label="In transit">${number(Number(l.inTransit), 3)}</td>
          <td class="num" data-label="Received">${number(Number(l.received), 3)}</td>
          <td class="num" data-label="Missing">${number(Number(l.missing), 3)}</td>
        </tr>`)}</tbody></table>`}
      ${t.discrepancyReason ? html`<p class="reason"><strong>Discrepancy:</strong> ${t.discrepancyReason}</p>` : nothing}
      ${this.receiving === t.id ? nothing : html`<div class="actions">
        ${t.status === 'REQUESTED' && outgoing ? html`<button type="button" ?disabled=${this.busy}
          @click=${() => this.change(t, 'ship')}>Ship</button>` : nothing}
        ${t.status === 'REQUESTED' ? html`<button type="button" class="danger" ?disabled=${this.busy}
          @click=${() => this.change(t, 'cancel')}>Cancel the transfer</button>` : nothing}
        ${inTransit && !outgoing ? html`<button type="button" @click=${() => this.openReceipt(t)}>Receive</button>`
          : nothing}
      </div>`}
    </article>`;
  }

  receiptForm(t) {
    return html`<form novalidate @submit=${(e) => this.receive(e, t)} @input=${() => { this.receiptKey = null; }}>
      <table class="stacks">
        <caption class="visually-hidden">What arrived</caption>
        <thead><tr><th>Part</th><th class="num">In transit</th><th>Arrived now</th></tr></thead>
        <tbody>${t.lines.filter((l) => Number(l.inTransit) > 0).map((l) => html`<tr>
          <td>${this.names?.get(l.partId) ?? ''}</td>
          <td class="num" data-label="In transit">${number(Number(l.inTransit), 3)}</td>
          <td data-label="Arrived now"><label class="visually-hidden" for="q-${l.id}">Arrived now, line ${l.position}</label>
            <input class="qty" id="q-${l.id}" name="q-${l.id}" inputmode="decimal" value=${l.inTransit}
              aria-invalid=${this.problem?.fields?.quantity ? 'true' : 'false'}></td></tr>`)}</tbody></table>
      <label class="checkbox"><input type="checkbox" name="complete" id="complete"
        @change=${(e) => { this.closing = e.target.checked; }}> Nothing more will arrive: close the transfer</label>
      ${this.closing ? html`<label for="reason">Why is something missing?</label>
        <input id="reason" name="reason" maxlength="500" autocomplete="off" aria-describedby="reason-hint"
          aria-invalid=${this.problem?.fields?.discrepancyReason ? 'true' : 'false'}>
        <p class="hint" id="reason-hint">Needed when less arrived than was shipped; both shops see it.</p>
        ${this.problem?.fields?.discrepancyReason
          ? html`<p class="field-error">${this.problem.fields.discrepancyReason}</p>` : nothing}` : nothing}
      <div class="actions"><button type="submit" ?disabled=${this.busy}>Book what arrived</button>
        <button type="button" class="secondary" @click=${() => { this.receiving = null; }}>Back</button></div>
    </form>`;
  }
}
customElements.define('transfers-screen', TransfersScreen);
