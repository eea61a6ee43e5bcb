// "/work-orders/{id}": everything about one work order at the desk. The order and its ETag are read once; every
// save sends that ETag (If-Match), and a 412 offers a reload instead of overwriting. Changes by others (the
// customer's answer, the bay) arrive through the shop's event stream.
import { LitElement, html, css, nothing } from 'lit';
import { api, stream } from '../../api.js';
import { session } from '../../session.js';
import { date, dateTime, label, money, number, since } from '../../format.js';
import { problemBanner } from '../../ui/forms.js';
import { base } from '../../ui/styles.js';
import { technicianNames } from '../../ui/technicians.js';
import './work-order-lines.js';
import './work-order-approval.js';
import './work-order-billing.js';
import './work-order-comeback.js';

/** An ETag's version without quotes or weakness: "4", W/"4" and 4 are the same version. */
const bare = (tag) => String(tag ?? '').replace(/^W\//, '').replaceAll('"', '');

class WorkOrderScreen extends LitElement {
  static properties = { params: { attribute: false }, query: { attribute: false },
    order: { state: true }, customer: { state: true }, vehicle: { state: true }, history: { state: true },
    recommendations: { state: true }, technicians: { state: true }, visits: { state: true }, problem: { state: true },
    saveProblem: { state: true }, busy: { state: true }, notice: { state: true } };

  static styles = [base, css`
    .head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem; align-items: baseline; }
    .badge { border: 1px solid var(--border); border-radius: 999px; padding: .1rem .6rem; font-size: .9rem; background: #fff; }
    .badges { display: flex; flex-wrap: wrap; gap: .35rem; }
    .badge.comeback { white-space: nowrap; }
    .panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; margin: 1rem 0; }
    dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .25rem .75rem; margin: 0; }
    dt { font-weight: 600; }
    dd { margin: 0; overflow-wrap: anywhere; }
    section.card { margin: 1rem 0; }
    section.card h2 { margin-top: 0; }
    fieldset { border: none; padding: 0; margin: 0; }
    .checks label { font-weight: 400; display: flex; gap: .5rem; align-items: center; margin: .25rem 0; }
    .checks input { width: auto; min-height: auto; }
    ol.history { padding-left: 1.25rem; margin: 0; }
  `];

  connectedCallback() {
    super.connectedCallback();
    this.onShop = () => this.requestUpdate();
    session.addEventListener('change', this.onShop);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    session.removeEventListener('change', this.onShop);
    this.events?.abort();
  }

  willUpdate(changed) {
    if (changed.has('params') && this.params?.id !== this.loadedId) {
      this.loadedId = this.params.id;
      this.order = null;
      this.problem = null;
      this.load();
    }
  }

  get id() {
    return this.params.id;
  }

  /** Reads the order and what surrounds it; the ETag read here is the one every save sends. */
  async load() {
    try {
      const { data: order, etag } = await api.get(`/work-orders/${this.id}`);
      const [customer, vehicle, history, recommendations, technicians, visits] = await Promise.all([
        api.get(`/customers/${order.customerId}`).then((r) => r.data),
        api.get(`/vehicles/${order.vehicleId}`).then((r) => r.data),
        api.get(`/work-orders/${this.id}/status-history`).then((r) => r.data),
        api.get(`/work-orders/${this.id}/recommendations`).then((r) => r.data.items).catch(() => []),
        technicianNames(order.shopId),
        api.get(`/vehicles/${order.vehicleId}/history`).then((r) => r.data.visits).catch(() => []),
      ]);
      Object.assign(this, { customer, vehicle, history, recommendations, technicians, visits, etag });
      this.order = order;
      this.saveProblem = null;
      if (!this.events) this.listen(order.shopId);
    } catch (problem) {
      this.problem = problem;
    }
  }

  /** The comeback mark of this order (from the vehicle's history, which has every visit), with the original's number. */
  get comeback() {
    const visits = this.visits ?? [];
    const mark = visits.find((v) => v.workOrderId === this.id)?.comeback;
    if (!mark) return null;
    return { ...mark, originalNumber: visits.find((v) => v.workOrderId === mark.originalWorkOrderId)?.number };
  }

  /** The header's mark of a comeback, with a link to the work it redoes. */
  comebackBadge() {
    const c = this.comeback;
    if (!c) return nothing;
    return html` <span class="badge comeback" id="comeback-badge">Comeback${c.originalNumber ? html` of
      <a href="/work-orders/${c.originalWorkOrderId}">${c.originalNumber}</a>` : nothing}</span>`;
  }

  /** Marked as a comeback: the vehicle's history now says so (and of which visit). */
  marked = async () => {
    try {
      this.visits = (await api.get(`/vehicles/${this.order.vehicleId}/history`)).data.visits;
    } catch {
      await this.load();
    }
    this.notice = `Marked as a comeback of ${this.comeback?.originalNumber ?? 'the earlier visit'}.`;
    // the form is gone: keyboard and screen-reader users continue from the sentence that says what happened
    await this.updateComplete;
    this.renderRoot.querySelector('.notice')?.focus();
  };

  /** The order as a save answered it (a new ETag). */
  replaced = (order, etag) => {
    this.order = order;
    if (etag) this.etag = etag;
    this.saveProblem = null;
  };

  listen(shopId) {
    this.events = new AbortController();
    let pending = null;
    const reload = () => {
      clearTimeout(pending);
      pending = setTimeout(() => this.refresh(), 200);
    };
    stream(`/shops/${shopId}/events`, {
      signal: this.events.signal,
      onOpen: () => { if (this.order) reload(); },
      onEvent: (name, data) => {
        if (name === 'work-order' && data.workOrderId === this.id && bare(data.version) !== bare(this.etag)) {
          reload();
        }
      },
    });
  }

  /** Someone else changed the order: re-read it (the panels re-read what they show). */
  async refresh(force = false) {
    try {
      const { data: order, etag } = await api.get(`/work-orders/${this.id}`);
      if (etag === this.etag && !force) return;
      this.etag = etag;
      this.order = order;
      api.get(`/work-orders/${this.id}/status-history`).then((r) => { this.history = r.data; }).catch(() => {});
      api.get(`/vehicles/${order.vehicleId}/history`).then((r) => { this.visits = r.data.visits; }).catch(() => {});
      this.renderRoot.querySelector('work-order-approval')?.load();
      this.renderRoot.querySelector('work-order-billing')?.load();
    } catch {
      // the next event tries again
    }
  }

  reload = () => {
    this.saveProblem = null;
    this.load();
  };

  async assign(event) {
    event.preventDefault();
    const chosen = [...event.target.querySelectorAll('input[name=technician]:checked')].map((i) => i.value);
    await this.change({ technicianIds: chosen }, 'Technicians saved.');
  }

  /** PUT /work-orders/{id} with what the order says now and the change, under the ETag read. */
  async change(changes, notice) {
    const o = this.order;
    this.busy = true;
    this.notice = null;
    try {
      const { data, etag } = await api.put(`/work-orders/${this.id}`, {
        mileageIn: o.mileageIn, complaint: o.complaint, cause: o.cause, correction: o.correction,
        technicianIds: o.technicianIds, promisedAt: o.promisedAt, mileageOut: o.mileageOut, ...changes,
      }, { etag: this.etag });
      this.replaced(data, etag);
      this.notice = notice;
    } catch (problem) {
      this.saveProblem = problem;
    } finally {
      this.busy = false;
    }
  }

  async startRepair() {
    this.busy = true;
    try {
      const { data, etag } = await api.post(`/work-orders/${this.id}/repair-order`, undefined, { etag: this.etag });
      this.replaced(data, etag);
      this.notice = 'Converted to a repair order.';
    } catch (problem) {
      this.saveProblem = problem;
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (this.problem) {
      return html`<h1>Work order</h1><p class="problem" role="alert">${this.problem.status === 404
        ? 'There is no such work order, or it is not yours to see.' : this.problem.sentence}</p>
        <p><a href="/board">Back to the board</a></p>`;
    }
    if (!this.order) return html`<h1>Work order</h1><p role="status">Loading the work order…</p>`;
    const o = this.order;
    const editable = o.kind !== 'INVOICED';
    return html`
      <div class="head">
        <h1>${o.number} · ${this.customer.firstName} ${this.customer.lastName}</h1>
        <span class="badges"><span class="badge">${label(o.kind)}</span> <span class="badge">${label(o.status)}</span>${
          this.comebackBadge()}</span>
      </div>
      ${problemBanner(this.saveProblem, { onReload: this.reload })}
      ${this.notice ? html`<p class="notice" role="status" tabindex="-1">${this.notice}</p>` : nothing}
      <div class="panels">
        <section class="card" aria-labelledby="customer-h"><h2 id="customer-h">Customer</h2>
          <dl>
            <dt>Name</dt><dd>${this.customer.firstName} ${this.customer.lastName}</dd>
            ${this.customer.email ? html`<dt>E-mail</dt><dd>${this.customer.email}</dd>` : nothing}
            ${this.customer.phone ? html`<dt>Phone</dt><dd>${this.customer.phone}</dd>` : nothing}
          </dl></section>
        <section class="card" aria-labelledby="vehicle-h"><h2 id="vehicle-h">Vehicle</h2>
          <dl>
            <dt>Vehicle</dt><dd>${[this.vehicle.year, this.vehicle.make, this.vehicle.model].filter(Boolean).join(' ') || '—'}</dd>
            <dt>VIN</dt><dd>${this.vehicle.vin}</dd>
            ${this.vehicle.plate ? html`<dt>Plate</dt><dd>${this.vehicle.plate}</dd>` : nothing}
            <dt>Mileage in</dt><dd>${o.mileageIn != null ? number(o.mileageIn) : '—'}</dd>
            ${o.promisedAt ? html`<dt>Promised</dt><dd>${dateTime(o.promisedAt)}</dd>` : nothing}
          </dl></section>
        <section class="card" aria-labelledby="complaint-h"><h2 id="complaint-h">Complaint</h2>
          <p>${o.complaint || '—'}</p>
          ${o.cause ? html`<h3>Cause</h3><p>${o.cause}</p>` : nothing}
          ${o.correction ? html`<h3>Correction</h3><p>${o.correction}</p>` : nothing}
        </section>
      </div>

      <work-order-lines .order=${o} .etag=${this.etag} .editable=${editable} .comeback=${this.comeback}
        .onSaved=${this.replaced}
        .onProblem=${(p) => { this.saveProblem = p; }}></work-order-lines>

      ${this.comeback ? nothing : html`<work-order-comeback .order=${o} .visits=${this.visits}
        .technicians=${this.technicians} .onMarked=${this.marked}></work-order-comeback>`}

      ${o.kind === 'ESTIMATE' ? html`<section class="card" aria-labelledby="repair-h"><h2 id="repair-h">Repair order</h2>
        <p>When the customer has answered, turn the estimate into a repair order for the bay.</p>
        <button type="button" ?disabled=${this.busy} @click=${this.startRepair}>Convert to repair order</button>
      </section>` : nothing}

      <work-order-approval .order=${o} .customer=${this.customer} .workOrderId=${this.id}
        .onChanged=${() => this.refresh(true)}></work-order-approval>

      ${this.technicianPanel(editable)}

      ${this.recommendations?.length ? html`<section class="card" aria-labelledby="rec-h">
        <h2 id="rec-h">Recommended on earlier visits</h2>
        <ul>${this.recommendations.map((l) => html`<li>${l.description} · ${money(l.amount)}
          <span class="muted">(${label(l.approval)})</span></li>`)}</ul></section>` : nothing}

      <work-order-billing .order=${o} .onChanged=${() => this.refresh(true)}></work-order-billing>

      ${this.vehicleHistory()}

      <section class="card" aria-labelledby="history-h"><h2 id="history-h">Status history</h2>
        ${this.history?.items?.length ? html`<ol class="history">${this.history.items.map((h) => html`<li>
          ${dateTime(h.changedAt)}: ${h.from ? `${label(h.from)} → ` : ''}${label(h.to)}</li>`)}</ol>`
          : html`<p class="muted">In ${label(o.status)} since ${dateTime(o.statusSince)} (${since(o.statusSince)}).</p>`}
      </section>`;
  }

  /** Earlier visits of this vehicle (GET /vehicles/{id}/history): mileage, work done and declined, comebacks. */
  vehicleHistory() {
    const earlier = (this.visits ?? []).filter((v) => v.workOrderId !== this.id);
    return html`<section class="card" aria-labelledby="visits-h"><h2 id="visits-h">Vehicle history</h2>
      ${earlier.length ? html`<ol class="history">${earlier.map((v) => html`<li>
        <a href="/work-orders/${v.workOrderId}">${v.number}</a> · ${date(v.invoicedAt ?? v.openedAt)}
        · ${v.mileageIn != null ? `${number(v.mileageIn)} mi` : 'mileage not recorded'}
        ${v.comeback ? html`<span class="badge">Comeback</span>` : nothing}
        ${v.done.length ? html`<br>Done: ${v.done.map((l) => l.description).join('; ')}` : nothing}
        ${v.declined.length ? html`<br><span class="muted">Declined: ${v.declined.map((l) => l.description)
          .join('; ')}</span>` : nothing}</li>`)}</ol>`
        : html`<p class="muted">No earlier visits.</p>`}
    </section>`;
  }

  technicianPanel(editable) {
    const techs = [...(this.technicians ?? new Map())];
    const assigned = new Set(this.order.technicianIds ?? []);
    return html`<section class="card" aria-labelledby="tech-h"><h2 id="tech-h">Technicians</h2>
      ${techs.length === 0
        ? html`<p class="muted">${assigned.size ? `${assigned.size} assigned.` : 'No technicians in this shop.'}</p>`
        : html`<form @submit=${this.assign}><fieldset ?disabled=${!editable}>
          <legend class="visually-hidden">Assigned technicians</legend>
          <div class="checks">${techs.map(([id, name]) => html`<label><input type="checkbox" name="technician"
            value=${id} .checked=${assigned.has(id)}> ${name}</label>`)}</div>
          <button type="submit" class="secondary" ?disabled=${this.busy}>Save technicians</button>
        </fieldset></form>`}
    </section>`;
  }
}
customElements.define('work-order-screen', WorkOrderScreen);
