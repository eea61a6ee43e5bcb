// "/board": the chosen shop's work orders in the shop's columns. Cards move with buttons (keyboard) or by
// drag and drop; filters by technician and text; live updates from the shop's event stream.
import { LitElement, html, css, nothing } from 'lit';
import { api, listAll, stream } from '../../api.js';
import { session } from '../../session.js';
import { dateTime, money, since } from '../../format.js';
import { base } from '../../ui/styles.js';
import { technicianNames } from '../../ui/technicians.js';

class BoardScreen extends LitElement {
  static properties = { params: { attribute: false }, query: { attribute: false },
    columns: { state: true }, cards: { state: true }, technicians: { state: true }, problem: { state: true },
    moveProblem: { state: true }, text: { state: true }, technician: { state: true }, live: { state: true },
    announcement: { state: true } };

  static styles = [base, css`
    .filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin-bottom: 1rem; }
    .filters > div { flex: 1 1 12rem; max-width: 20rem; }
    .filters label { margin-top: 0; }
    .columns { display: flex; gap: .75rem; overflow-x: auto; align-items: flex-start; padding-bottom: .5rem; }
    .column { flex: 0 0 17rem; background: #e5e7eb; border-radius: 8px; padding: .5rem; min-height: 8rem; }
    .column.over { outline: 3px dashed var(--accent); }
    .column h2 { font-size: 1rem; margin: .25rem .25rem .5rem; display: flex; justify-content: space-between; }
    ol { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .5rem; }
    article { background: #fff; border: 1px solid var(--border); border-radius: 6px; padding: .6rem; }
    article[draggable="true"] { cursor: grab; }
    article h3 { margin: 0 0 .25rem; font-size: 1rem; display: flex; justify-content: space-between; gap: .5rem; }
    article p { margin: .15rem 0; font-size: .92rem; }
    .total { font-weight: 700; }
    .moves { display: flex; flex-wrap: wrap; gap: .35rem; margin-top: .4rem; }
    .moves button { padding: .25rem .5rem; font-size: .85rem; min-height: 2.25rem; }
    .late { color: var(--danger); font-weight: 600; }
    .status-live { font-size: .85rem; color: var(--muted); }
    @media (max-width: 600px) {
      .columns { flex-direction: column; }
      .column { flex: 1 1 auto; width: 100%; }
    }
  `];

  constructor() {
    super();
    this.text = '';
    this.technician = '';
    this.onShop = () => this.start();
  }

  connectedCallback() {
    super.connectedCallback();
    session.addEventListener('change', this.onShop);
    this.start();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    session.removeEventListener('change', this.onShop);
    this.events?.abort();
  }

  start() {
    if (this.shopId === session.shopId && this.columns) return;
    this.shopId = session.shopId;
    this.events?.abort();
    this.columns = null;
    this.cards = null;
    this.problem = null;
    if (!this.shopId) return;
    this.load();
    this.listen();
  }

  async load() {
    const shopId = this.shopId;
    try {
      const [board, cards, technicians] = await Promise.all([
        api.get(`/shops/${shopId}/board`),
        listAll(`/work-orders?shopId=${shopId}&limit=200`, 5),
        technicianNames(shopId),
      ]);
      if (shopId !== this.shopId) return;
      this.columns = [...board.data.columns].sort((a, b) => a.position - b.position);
      this.cards = cards;
      this.technicians = technicians;
    } catch (problem) {
      this.problem = problem;
    }
  }

  /** Live updates: any change of a work order of the shop re-reads the board (and so does every reconnect). */
  listen() {
    this.events = new AbortController();
    let pending = null;
    const reload = () => {
      clearTimeout(pending);
      pending = setTimeout(() => this.refreshCards(), 50); // one re-read for a burst of events
    };
    stream(`/shops/${this.shopId}/events`, {
      signal: this.events.signal,
      onOpen: () => { this.live = true; reload(); },
      onEvent: (name) => { if (name === 'work-order') reload(); },
    }).finally(() => { this.live = false; });
  }

  async refreshCards() {
    const shopId = this.shopId;
    try {
      const cards = await listAll(`/work-orders?shopId=${shopId}&limit=200`, 5);
      if (shopId === this.shopId) this.cards = cards;
    } catch {
      // the next event or reconnect tries again
    }
  }

  async move(card, column) {
    this.moveProblem = null;
    try {
      await api.post(`/work-orders/${card.id}/status`, { status: column.code });
      this.announcement = `${card.number} moved to ${column.name}.`;
      card.status = column.code;
      card.statusSince = new Date().toISOString();
      this.cards = [...this.cards];
      this.refreshCards();
    } catch (problem) {
      this.moveProblem = problem.status === 409
        ? `${card.number} cannot move from ${this.columnName(card.status)} to ${column.name}: ${problem.detail}`
        : problem.sentence;
    }
  }

  columnName(code) {
    return this.columns?.find((c) => c.code === code)?.name ?? code;
  }

  visibleCards() {
    const text = this.text.trim().toLowerCase();
    return (this.cards ?? []).filter((card) => {
      if (this.technician && !(card.technicianIds ?? []).includes(this.technician)) return false;
      if (!text) return true;
      return [card.number, card.customerName, card.vehicle].some((v) => (v ?? '').toLowerCase().includes(text));
    });
  }

  render() {
    if (!session.shopId) {
      return html`<h1>Board</h1><p>Choose a shop in the header to see its board.</p>`;
    }
    if (this.problem) return html`<h1>Board</h1><p class="problem" role="alert">${this.problem.sentence}</p>`;
    if (!this.columns) return html`<h1>Board</h1><p role="status">Loading the board…</p>`;
    const cards = this.visibleCards();
    return html`<h1>Board · ${session.shop?.name ?? ''}</h1>
      <div class="filters">
        <div><label for="filter-text">Find</label>
          <input id="filter-text" type="search" placeholder="Customer, vehicle or number" .value=${this.text}
            @input=${(e) => { this.text = e.target.value; }}></div>
        <div><label for="filter-technician">Technician</label>
          <select id="filter-technician" @change=${(e) => { this.technician = e.target.value; }}>
            <option value="">Everyone</option>
            ${[...(this.technicians ?? new Map())].map(([id, name]) => html`<option value=${id}
              ?selected=${id === this.technician}>${name}</option>`)}
          </select></div>
        <a class="button" href="/work-orders/new">New work order</a>
        <span class="status-live" role="status">${this.live ? 'Live: changes appear by themselves.' : ''}</span>
      </div>
      ${this.moveProblem ? html`<p class="problem" role="alert">${this.moveProblem}</p>` : nothing}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement ?? ''}</p>
      ${this.cards.length === 0 ? html`<p class="muted">No work orders in this shop yet.</p>` : nothing}
      <div class="columns">
        ${this.columns.map((column) => this.column(column, cards.filter((c) => c.status === column.code)))}
      </div>`;
  }

  column(column, cards) {
    return html`<section class="column" aria-labelledby="col-${column.code}" data-status=${column.code}
        @dragover=${(e) => this.dragOver(e, column)} @dragleave=${(e) => e.currentTarget.classList.remove('over')}
        @drop=${(e) => this.drop(e, column)}>
      <h2 id="col-${column.code}"><span>${column.name}</span><span class="muted">${cards.length}</span></h2>
      <ol>${cards.map((card) => html`<li>${this.card(card, column)}</li>`)}</ol>
    </section>`;
  }

  card(card, column) {
    const late = card.promisedAt && new Date(card.promisedAt) < new Date();
    const names = (card.technicianIds ?? []).map((id) => this.technicians?.get(id)).filter(Boolean);
    const moves = (column.next ?? []).map((code) => this.columns.find((c) => c.code === code)).filter(Boolean);
    return html`<article draggable="true" data-id=${card.id}
        @dragstart=${(e) => { e.dataTransfer.setData('text/plain', card.id); e.dataTransfer.effectAllowed = 'move'; }}>
      <h3><a href="/work-orders/${card.id}">${card.number}</a><span class="total">${money(card.total)}</span></h3>
      <p>${card.customerName ?? ''}</p>
      <p class="muted">${card.vehicle ?? ''}</p>
      ${card.promisedAt ? html`<p class=${late ? 'late' : ''}>Promised ${dateTime(card.promisedAt)}${late ? ' (late)' : ''}</p>` : nothing}
      <p>In ${column.name} for ${since(card.statusSince)}</p>
      ${names.length ? html`<p>Technicians: ${names.join(', ')}</p>` : nothing}
      ${moves.length ? html`<div class="moves">${moves.map((target) => html`<button type="button" class="secondary"
        aria-label="Move ${card.number} to ${target.name}" @click=${() => this.move(card, target)}>→ ${target.name}</button>`)}</div>` : nothing}
    </article>`;
  }

  dragOver(event, column) {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    event.currentTarget.classList.add('over');
  }

  drop(event, column) {
    event.preventDefault();
    event.currentTarget.classList.remove('over');
    const card = this.cards.find((c) => c.id === event.dataTransfer.getData('text/plain'));
    if (card && card.status !== column.code) this.move(card, column);
  }
}
customElements.define('board-screen', BoardScreen);
