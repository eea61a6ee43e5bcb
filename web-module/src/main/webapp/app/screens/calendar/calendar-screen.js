// The bay calendar of the chosen shop: a day (one column per bay) or a week (one column per day); columns wrap
// into one on a phone. Book and move through <appointment-form> (the free-slot search), check a customer in
// (the API opens the work order), record a no-show. Changes send the version the screen showed (If-Match).
import { LitElement, html, css, nothing } from 'lit';
import { api } from '../../api.js';
import { label } from '../../format.js';
import { session } from '../../session.js';
import { base } from '../../ui/styles.js';
import { problemBanner } from '../../ui/forms.js';
import { addDays, dayName, dayOf, isDay, mondayOf, timeOf } from './days.js';
import './appointment-form.js';

class CalendarScreen extends LitElement {
  static properties = { params: { attribute: false }, query: { attribute: false }, view: { state: true },
    day: { state: true }, bays: { state: true }, items: { state: true }, names: { state: true },
    problem: { state: true }, notice: { state: true }, editing: { state: true }, checkingIn: { state: true },
    busy: { state: true } };

  static styles = [base, css`
    .toolbar { display: flex; flex-wrap: wrap; gap: .5rem .75rem; align-items: center; margin-bottom: .75rem; }
    /* on a phone the period takes its own line and the button groups wrap whole, never one button alone */
    .toolbar h2 { margin: 0 auto 0 0; font-size: 1.05rem; flex: 1 1 16rem; }
    .toolbar .group { display: flex; gap: .5rem; }
    button.secondary[aria-pressed="true"] { font-weight: 700; box-shadow: inset 0 -4px 0 var(--accent); }
    .columns { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); }
    /* a week is seven equal columns where they fit, else one day under the other (two narrow columns of a
       phone would break every line of the cards) */
    .columns.week { grid-template-columns: 1fr; }
    @media (min-width: 40rem) { .columns.week { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
    @media (min-width: 64rem) { .columns.week { grid-template-columns: repeat(7, minmax(0, 1fr)); } }
    section.column { background: #f8fafc; border: 1px solid var(--border); border-radius: 8px; padding: .5rem; }
    section.column h3 { margin: 0 0 .5rem; }
    ol { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
    article { background: #fff; border: 1px solid var(--border); border-left: 4px solid var(--accent);
      border-radius: 6px; padding: .5rem; overflow-wrap: anywhere; }
    article.CHECKED_IN { border-left-color: var(--ok); }
    article.NO_SHOW, article.CANCELLED { border-left-color: var(--muted); opacity: .8; }
    article p { margin: .15rem 0; }
    .when { font-weight: 600; }
    article .actions { margin-top: .4rem; }
    article button { padding: .3rem .6rem; min-height: 2.25rem; }
    appointment-form { margin-bottom: 1rem; }
  `];

  constructor() {
    super();
    this.onShop = () => this.load();
  }

  connectedCallback() {
    super.connectedCallback();
    session.addEventListener('change', this.onShop);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    session.removeEventListener('change', this.onShop);
  }

  willUpdate(changed) {
    if (changed.has('query')) {
      this.view = this.query?.get('view') === 'week' ? 'week' : 'day';
      this.day = isDay(this.query?.get('day')) ? this.query.get('day') : dayOf();
      this.load();
    }
  }

  get from() { return this.view === 'week' ? mondayOf(this.day) : this.day; }

  get to() { return this.view === 'week' ? addDays(mondayOf(this.day), 6) : this.day; }

  async load() {
    this.problem = null;
    if (!session.shopId) return;
    const shop = session.shopId;
    try {
      const [{ data: bays }, { data: list }] = await Promise.all([api.get(`/shops/${shop}/bays`),
        api.get(`/appointments?shopId=${shop}&from=${this.from}&to=${this.to}`)]);
      if (shop !== session.shopId) return;
      this.bays = new Map(bays.items.map((b) => [b.id, b]));
      this.items = list.items;
      this.loadNames(list.items);
    } catch (problem) {
      this.problem = problem;
    }
  }

  /** Customer and vehicle names, each read once per screen (the calendar's rows carry only their ids). */
  async loadNames(items) {
    const names = new Map(this.names ?? []);
    const wanted = [...new Set(items.flatMap((a) => [`customers/${a.customerId}`, `vehicles/${a.vehicleId}`]))]
      .filter((key) => !names.has(key));
    await Promise.all(wanted.map(async (key) => {
      try {
        const { data: d } = await api.get(`/${key}`);
        names.set(key, key.startsWith('customers/') ? `${d.firstName} ${d.lastName}`
          : [d.year, d.make, d.model].filter(Boolean).join(' ') || d.plate || d.vin);
      } catch {
        names.set(key, '');
      }
    }));
    this.names = names;
  }

  go(day, view = this.view) {
    this.view = view;
    this.day = day;
    this.editing = null;
    history.replaceState(null, '', `/calendar?view=${view}&day=${day}`);
    this.load();
  }

  saved(event) {
    const { appointment, moved } = event.detail;
    this.editing = null;
    this.notice = `${moved ? 'Moved to' : 'Booked for'} ${dayName(dayOf(appointment.startsAt))}, ${
      timeOf(appointment.startsAt)} on ${this.bays.get(appointment.bayId)?.name ?? 'the bay'}.`;
    this.load();
  }

  async act(appointment, what) {
    this.busy = true;
    this.problem = null;
    this.notice = null;
    try {
      if (what === 'check-in') {
        const mileage = this.renderRoot.querySelector(`#mileage-${appointment.id}`)?.value.trim();
        const { data } = await api.post(`/appointments/${appointment.id}/check-in`,
          { mileageIn: mileage ? Number(mileage) : null }, { etag: `"${appointment.version}"` });
        this.checkingIn = null;
        this.notice = html`Checked in: <a href="/work-orders/${data.workOrderId}">open the work order</a>.`;
      } else {
        await api.post(`/appointments/${appointment.id}/no-show`, undefined, { etag: `"${appointment.version}"` });
        this.notice = 'Recorded as a no-show; the bay is free again.';
      }
      await this.load();
    } catch (problem) {
      this.problem = problem;
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (!session.shopId) return html`<h1>Bay calendar</h1><p>Choose the shop in the header first.</p>`;
    const step = this.view === 'week' ? 7 : 1;
    return html`<h1>Bay calendar · ${session.shop?.name ?? ''}</h1>
      <div class="toolbar">
        <h2 id="period">${this.view === 'week' ? `Week of ${dayName(this.from)}` : dayName(this.day)}</h2>
        <div class="group">
          <button type="button" class="secondary" @click=${() => this.go(addDays(this.day, -step))}
            aria-label=${this.view === 'week' ? 'Previous week' : 'Previous day'}>‹</button>
          <button type="button" class="secondary" @click=${() => this.go(dayOf())}>Today</button>
          <button type="button" class="secondary" @click=${() => this.go(addDays(this.day, step))}
            aria-label=${this.view === 'week' ? 'Next week' : 'Next day'}>›</button>
        </div>
        <div class="group">
          <button type="button" class="secondary" aria-pressed=${this.view === 'day'}
            @click=${() => this.go(this.day, 'day')}>Day</button>
          <button type="button" class="secondary" aria-pressed=${this.view === 'week'}
            @click=${() => this.go(this.day, 'week')}>Week</button>
          <button type="button" id="book" @click=${() => { this.editing = 'new'; this.notice = null; }}>Book</button>
        </div>
      </div>
      ${this.editing ? html`<appointment-form .from=${this.from} .to=${this.to} .bays=${this.bays}
        .appointment=${this.editing === 'new' ? null : this.editing} @saved=${this.saved}
        @cancel=${() => { this.editing = null; }}></appointment-form>` : nothing}
      ${problemBanner(this.problem, { onReload: () => this.load() })}
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${!this.items || !this.bays ? html`<p role="status">Loading…</p>`
        : this.bays.size === 0 ? html`<p>This shop has no bays yet.</p>`
          : this.view === 'week' ? this.week() : this.dayColumns()}`;
  }

  dayColumns() {
    return html`<div class="columns">${[...this.bays.values()].map((bay) => {
      const mine = this.items.filter((a) => a.bayId === bay.id);
      return html`<section class="column" data-bay=${bay.id} aria-labelledby="bay-${bay.id}">
        <h3 id="bay-${bay.id}">${bay.name} <span class="muted">${label(bay.kind)}</span></h3>
        ${mine.length ? html`<ol>${mine.map((a) => html`<li>${this.card(a, false)}</li>`)}</ol>`
          : html`<p class="muted">Free all day.</p>`}
      </section>`;
    })}</div>`;
  }

  week() {
    const days = Array.from({ length: 7 }, (_, i) => addDays(this.from, i));
    return html`<div class="columns week">${days.map((day) => {
      const mine = this.items.filter((a) => dayOf(a.startsAt) === day);
      return html`<section class="column" data-day=${day} aria-labelledby="day-${day}">
        <h3 id="day-${day}"><button type="button" class="link" @click=${() => this.go(day, 'day')}>${
          dayName(day)}</button></h3>
        ${mine.length ? html`<ol>${mine.map((a) => html`<li>${this.card(a, true)}</li>`)}</ol>`
          : html`<p class="muted">Nothing booked.</p>`}
      </section>`;
    })}</div>`;
  }

  card(a, withBay) {
    const booked = a.status === 'BOOKED';
    const customer = this.names?.get(`customers/${a.customerId}`);
    const vehicle = this.names?.get(`vehicles/${a.vehicleId}`);
    return html`<article class=${a.status} data-id=${a.id}>
      <p class="when">${timeOf(a.startsAt)}–${timeOf(a.endsAt)}${withBay
        ? html` · ${this.bays.get(a.bayId)?.name ?? ''}` : nothing}</p>
      ${customer ? html`<p>${customer}${vehicle ? html` · <span class="muted">${vehicle}</span>` : nothing}</p>` : nothing}
      <p>${a.requestedWork}</p>
      ${booked ? nothing : html`<p class="muted">${label(a.status)}</p>`}
      ${a.workOrderId ? html`<p><a href="/work-orders/${a.workOrderId}">Work order</a></p>` : nothing}
      ${booked && this.checkingIn === a.id ? html`<label for="mileage-${a.id}">Odometer (optional)</label>
        <input id="mileage-${a.id}" inputmode="numeric" autocomplete="off">` : nothing}
      ${booked ? html`<div class="actions">
        ${this.checkingIn === a.id
          ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.act(a, 'check-in')}>Open the work order</button>
            <button type="button" class="secondary" @click=${() => { this.checkingIn = null; }}>Back</button>`
          : html`<button type="button" @click=${() => { this.checkingIn = a.id; }}
              aria-label="Check in ${customer ?? a.requestedWork} at ${timeOf(a.startsAt)}">Check in</button>
            <button type="button" class="secondary" @click=${() => { this.editing = a; this.notice = null; }}
              aria-label="Move ${customer ?? a.requestedWork} at ${timeOf(a.startsAt)}">Move</button>
            <button type="button" class="link" ?disabled=${this.busy} @click=${() => this.act(a, 'no-show')}>No-show</button>`}
      </div>` : nothing}
    </article>`;
  }
}
customElements.define('calendar-screen', CalendarScreen);
