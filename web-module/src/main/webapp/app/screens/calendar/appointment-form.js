// <appointment-form>: book a new appointment (customer, vehicle, requested work, length) or move one, on a free
// time the API's free-slot search offers for the days the calendar shows. The database refuses a double booking
// (409): the form then says so and searches again, so the advisor picks among what is really free.
import { LitElement, html, css, nothing } from 'lit';
import { api } from '../../api.js';
import { session } from '../../session.js';
import { base } from '../../ui/styles.js';
import { problemBanner } from '../../ui/forms.js';
import { dayName, dayOf, timeOf } from './days.js';

const LENGTHS = [30, 60, 90, 120, 180, 240, 480];

class AppointmentForm extends LitElement {
  static properties = { from: {}, to: {}, bays: { attribute: false }, appointment: { attribute: false },
    found: { state: true }, customer: { state: true }, vehicles: { state: true }, slots: { state: true },
    problem: { state: true }, busy: { state: true }, searching: { state: true } };

  static styles = [base, css`
    form > h2 { margin-top: 0; }
    fieldset { border: 1px solid var(--border); border-radius: 8px; margin: 0 0 .75rem; padding: .5rem .75rem; }
    ul.choices, ul.slots { list-style: none; padding: 0; margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .4rem; }
    .slot-day { margin: .75rem 0 0; font-weight: 600; }
  `];

  willUpdate(changed) {
    if (changed.has('appointment') && this.appointment) {
      this.duration = this.appointment.durationMinutes;
      this.slots = null;
    }
  }

  async search(event) {
    const q = event.target.value.trim();
    clearTimeout(this.timer);
    if (q.length < 2) {
      this.found = null;
      return;
    }
    this.timer = setTimeout(async () => {
      try {
        ({ data: { items: this.found } } = await api.get(`/customers?q=${encodeURIComponent(q)}&limit=10`));
      } catch (problem) {
        this.problem = problem;
      }
    }, 250);
  }

  async choose(customer) {
    this.customer = customer;
    this.found = null;
    try {
      ({ data: { items: this.vehicles } } = await api.get(`/vehicles?customerId=${customer.id}&limit=50`));
    } catch (problem) {
      this.problem = problem;
    }
  }

  async findTimes() {
    const duration = Number(this.renderRoot.querySelector('#appt-duration').value);
    this.duration = duration;
    this.searching = true;
    this.problem = null;
    const technician = this.appointment?.technicianId ? `&technicianId=${this.appointment.technicianId}` : '';
    try {
      const { data } = await api.get(`/shops/${session.shopId}/free-slots?durationMinutes=${duration}`
        + `&from=${this.from}&to=${this.to}&stepMinutes=30&limit=300${technician}`);
      // a time that has passed is no use to anyone at the counter
      const now = Date.now();
      this.slots = data.items.filter((s) => new Date(s.start).getTime() > now);
    } catch (problem) {
      this.problem = problem;
    } finally {
      this.searching = false;
    }
  }

  async take(slot) {
    this.busy = true;
    this.problem = null;
    try {
      if (this.appointment) {
        const a = this.appointment;
        const { data } = await api.put(`/appointments/${a.id}`, { bayId: slot.bayId, technicianId: a.technicianId,
          startsAt: slot.start, durationMinutes: this.duration }, { etag: `"${a.version}"` });
        this.dispatchEvent(new CustomEvent('saved', { detail: { appointment: data, moved: true } }));
      } else {
        const form = this.renderRoot.querySelector('form');
        const vehicleId = form.querySelector('#appt-vehicle')?.value;
        const requestedWork = form.querySelector('#appt-work').value.trim();
        const { data } = await api.post('/appointments', { shopId: session.shopId, customerId: this.customer?.id,
          vehicleId, requestedWork, bayId: slot.bayId, startsAt: slot.start, durationMinutes: this.duration });
        this.dispatchEvent(new CustomEvent('saved', { detail: { appointment: data, moved: false } }));
      }
    } catch (problem) {
      this.problem = problem;
      if (problem.status === 409) await this.findTimes();
    } finally {
      this.busy = false;
    }
  }

  cancel() {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  render() {
    const a = this.appointment;
    return html`<form class="card" novalidate @submit=${(e) => { e.preventDefault(); this.findTimes(); }}>
      <h2>${a ? 'Move the appointment' : 'Book an appointment'}</h2>
      ${a ? html`<p>${a.requestedWork}</p>` : this.who()}
      <label for="appt-duration">Length</label>
      <select id="appt-duration" .value=${String(this.duration ?? 60)}>
        ${LENGTHS.map((m) => html`<option value=${m} ?selected=${m === (this.duration ?? 60)}>${
          m < 60 ? `${m} min` : `${m / 60} h`}</option>`)}
      </select>
      <div class="actions">
        <button type="submit" ?disabled=${this.searching}>Find free times</button>
        <button type="button" class="secondary" @click=${this.cancel}>Close</button>
      </div>
      ${problemBanner(this.problem)}
      <div role="status">${this.searching ? 'Searching…' : ''}</div>
      ${this.slots ? this.slotList() : nothing}
    </form>`;
  }

  who() {
    const c = this.customer;
    return html`<fieldset><legend>Customer and vehicle</legend>
      ${c ? html`<p><strong>${c.firstName} ${c.lastName}</strong>
          <button type="button" class="link" @click=${() => { this.customer = null; this.vehicles = null; }}>Change</button></p>
        ${this.vehicles?.length ? html`<label for="appt-vehicle">Vehicle</label>
          <select id="appt-vehicle">${this.vehicles.map((v) => html`<option value=${v.id}>${
            [v.year, v.make, v.model].filter(Boolean).join(' ')} · ${v.plate ?? v.vin}</option>`)}</select>`
          : html`<p class="muted">No vehicle on file: add it from "New work order" first.</p>`}`
      : html`<label for="appt-customer">Find the customer</label>
        <input id="appt-customer" type="search" autocomplete="off" @input=${this.search}
          aria-describedby="appt-customer-hint">
        <p class="hint" id="appt-customer-hint">Two letters of the name, or the e-mail or phone.</p>
        ${this.found ? (this.found.length ? html`<ul class="choices">${this.found.map((f) => html`<li>
          <button type="button" class="secondary" @click=${() => this.choose(f)}>${f.firstName} ${f.lastName}</button>
          </li>`)}</ul>` : html`<p role="status">Nobody found.</p>`) : nothing}`}
      <label for="appt-work">Requested work <span class="muted">(required)</span></label>
      <input id="appt-work" maxlength="2000" autocomplete="off" required>
    </fieldset>`;
  }

  slotList() {
    if (this.slots.length === 0) return html`<p role="status">No free time of that length on these days.</p>`;
    const byDay = new Map();
    for (const s of this.slots) {
      const day = dayOf(s.start);
      if (!byDay.has(day)) byDay.set(day, []);
      byDay.get(day).push(s);
    }
    const ready = !!this.appointment || (this.customer && this.vehicles?.length);
    return html`${ready ? nothing : html`<p class="hint">Choose the customer and vehicle to book one of these.</p>`}
      ${[...byDay].map(([day, slots]) => html`<p class="slot-day">${dayName(day)}</p>
      <ul class="slots">${slots.map((s) => html`<li><button type="button" class="secondary"
        ?disabled=${this.busy || !ready} @click=${() => this.take(s)}>${timeOf(s.start)} · ${
          this.bays?.get(s.bayId)?.name ?? 'Bay'}</button></li>`)}</ul>`)}`;
  }
}
customElements.define('appointment-form', AppointmentForm);
