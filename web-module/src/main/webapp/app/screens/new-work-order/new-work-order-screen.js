// "/work-orders/new": the desk opens a work order. Find the customer (name prefix, e-mail or phone) or create
// customer and vehicle in place (the VIN is checked as it is typed), the complaint, then the work-order page.
import { LitElement, html, css, nothing } from 'lit';
import { api } from '../../api.js';
import { navigate } from '../../router.js';
import { session } from '../../session.js';
import { field, formValues, problemBanner } from '../../ui/forms.js';
import { base } from '../../ui/styles.js';
import { vinProblem } from '../../ui/vin.js';

class NewWorkOrderScreen extends LitElement {
  static properties = { params: { attribute: false }, query: { attribute: false },
    found: { state: true }, searching: { state: true }, customer: { state: true }, newCustomer: { state: true },
    vehicles: { state: true }, vehicle: { state: true }, newVehicle: { state: true }, vin: { state: true },
    customerProblem: { state: true }, vehicleProblem: { state: true }, orderProblem: { state: true },
    busy: { state: true } };

  static styles = [base, css`
    fieldset { border: 1px solid var(--border); border-radius: 8px; padding: 1rem; margin: 0 0 1rem; background: #fff; }
    legend { font-weight: 700; padding: 0 .25rem; }
    ul.choices { list-style: none; padding: 0; margin: .5rem 0; }
    ul.choices li { margin: .25rem 0; }
    .chosen { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0 1rem; }
    .vin-ok { color: var(--ok); margin: .25rem 0 0; }
    .vin-ok::before { content: "✓ "; }
    form { max-width: 52rem; }
  `];

  constructor() {
    super();
    this.vin = '';
  }

  async search(event) {
    const q = event.target.value.trim();
    clearTimeout(this.timer);
    if (q.length < 2) {
      this.found = null;
      return;
    }
    this.timer = setTimeout(async () => {
      this.searching = true;
      try {
        const { data } = await api.get(`/customers?q=${encodeURIComponent(q)}&limit=10`);
        this.found = data.items;
      } catch (problem) {
        this.customerProblem = problem;
      } finally {
        this.searching = false;
      }
    }, 250);
  }

  async choose(customer) {
    this.customer = customer;
    this.newCustomer = false;
    this.found = null;
    this.vehicle = null;
    try {
      const { data } = await api.get(`/vehicles?customerId=${customer.id}&limit=50`);
      this.vehicles = data.items;
      this.newVehicle = data.items.length === 0;
      if (data.items.length === 1) this.vehicle = data.items[0];
    } catch (problem) {
      this.vehicleProblem = problem;
    }
  }

  startNewCustomer() {
    this.customer = null;
    this.newCustomer = true;
    this.vehicles = [];
    this.newVehicle = true;
    this.vehicle = null;
  }

  async submit(event) {
    event.preventDefault();
    const v = formValues(event.target);
    this.customerProblem = this.vehicleProblem = this.orderProblem = null;
    if (!session.shopId) {
      this.orderProblem = { sentence: 'Choose the shop in the header first.', fields: {} };
      return;
    }
    this.busy = true;
    try {
      let customer = this.customer;
      if (this.newCustomer) {
        try {
          ({ data: customer } = await api.post('/customers', { firstName: v.firstName, lastName: v.lastName,
            email: v.email || null, phone: v.phone || null }));
          this.customer = customer;
          this.newCustomer = false;
        } catch (problem) {
          this.customerProblem = problem;
          return;
        }
      }
      let vehicle = this.vehicle;
      if (this.newVehicle) {
        try {
          ({ data: vehicle } = await api.post('/vehicles', { customerId: customer.id, vin: v.vin.trim(),
            plate: v.plate || null, make: v.make || null, model: v.model || null,
            year: v.year ? Number(v.year) : null, mileage: v.mileage ? Number(v.mileage) : null }));
          this.vehicles = [...(this.vehicles ?? []), vehicle];
          this.vehicle = vehicle;
          this.newVehicle = false;
        } catch (problem) {
          this.vehicleProblem = problem;
          return;
        }
      }
      if (!vehicle) {
        this.vehicleProblem = { sentence: 'Choose the vehicle or add a new one.', fields: {} };
        return;
      }
      try {
        const { data: order } = await api.post('/work-orders', { shopId: session.shopId, customerId: customer.id,
          vehicleId: vehicle.id, mileageIn: v.mileageIn ? Number(v.mileageIn) : null,
          complaint: v.complaint || null });
        navigate(`/work-orders/${order.id}`);
      } catch (problem) {
        this.orderProblem = problem;
      }
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (!session.shopId) {
      return html`<h1>New work order</h1><p>Choose the shop in the header first.</p>`;
    }
    return html`<h1>New work order · ${session.shop?.name ?? ''}</h1>
      <form @submit=${this.submit} novalidate>
        ${this.customerSection()}
        ${this.customer || this.newCustomer ? this.vehicleSection() : nothing}
        ${this.customer || this.newCustomer ? this.orderSection() : nothing}
      </form>`;
  }

  customerSection() {
    if (this.customer) {
      const c = this.customer;
      return html`<fieldset><legend>Customer</legend>
        <div class="chosen"><strong>${c.firstName} ${c.lastName}</strong>
          <span class="muted">${[c.email, c.phone].filter(Boolean).join(' · ')}</span>
          <button type="button" class="link" @click=${() => { this.customer = null; this.vehicles = null; }}>Change</button></div>
      </fieldset>`;
    }
    if (this.newCustomer) {
      return html`<fieldset><legend>New customer</legend>
        ${problemBanner(this.customerProblem)}
        <div class="grid">
          <div>${field({ id: 'firstName', label: 'First name', required: true, autocomplete: 'off',
            problem: this.customerProblem })}</div>
          <div>${field({ id: 'lastName', label: 'Last name', required: true, autocomplete: 'off',
            problem: this.customerProblem })}</div>
          <div>${field({ id: 'email', label: 'E-mail', type: 'email', autocomplete: 'off',
            problem: this.customerProblem })}</div>
          <div>${field({ id: 'phone', label: 'Phone', type: 'tel', autocomplete: 'off',
            problem: this.customerProblem })}</div>
        </div>
        <button type="button" class="link" @click=${() => { this.newCustomer = false; }}>Find an existing customer instead</button>
      </fieldset>`;
    }
    return html`<fieldset><legend>Customer</legend>
      ${problemBanner(this.customerProblem)}
      <label for="customer-search">Find by name, e-mail or phone</label>
      <input id="customer-search" type="search" autocomplete="off" @input=${this.search}
        aria-describedby="customer-search-hint">
      <p class="hint" id="customer-search-hint">Type at least two letters of the last or first name, or the
        e-mail or phone.</p>
      <div role="status">${this.searching ? 'Searching…' : this.found
        ? (this.found.length ? `${this.found.length} found` : 'Nobody found.') : ''}</div>
      ${this.found?.length ? html`<ul class="choices">${this.found.map((c) => html`<li>
        <button type="button" class="secondary" @click=${() => this.choose(c)}>${c.firstName} ${c.lastName}${
          c.email || c.phone ? ` · ${c.email ?? c.phone}` : ''}</button></li>`)}</ul>` : nothing}
      <div class="actions"><button type="button" class="secondary" @click=${this.startNewCustomer}>New customer</button></div>
    </fieldset>`;
  }

  vehicleSection() {
    const vinMessage = this.vin ? vinProblem(this.vin.trim()) : null;
    return html`<fieldset><legend>Vehicle</legend>
      ${problemBanner(this.vehicleProblem)}
      ${this.vehicles?.length ? html`<ul class="choices">${this.vehicles.map((v) => html`<li>
        <label><input type="radio" name="vehicleId" .checked=${this.vehicle?.id === v.id && !this.newVehicle}
          @change=${() => { this.vehicle = v; this.newVehicle = false; }}>
          ${[v.year, v.make, v.model].filter(Boolean).join(' ')} · ${v.vin}${v.plate ? ` · ${v.plate}` : ''}</label></li>`)}
        <li><label><input type="radio" name="vehicleId" .checked=${this.newVehicle}
          @change=${() => { this.newVehicle = true; this.vehicle = null; }}> Another vehicle</label></li></ul>` : nothing}
      ${this.newVehicle ? html`<div class="grid">
        <div>
          ${field({ id: 'vin', label: 'VIN', required: true, autocomplete: 'off', maxlength: 17, value: this.vin,
            problem: this.vehicleProblem, error: this.vin.length >= 17 && vinMessage ? `The VIN ${vinMessage}.` : null,
            onInput: (e) => { this.vin = e.target.value.toUpperCase(); },
            hint: '17 characters; the 9th is a check digit.' })}
          ${this.vin.length === 17 && !vinMessage ? html`<p class="vin-ok">Valid VIN</p>` : nothing}
        </div>
        <div>${field({ id: 'year', label: 'Year', type: 'number', inputmode: 'numeric', problem: this.vehicleProblem })}</div>
        <div>${field({ id: 'make', label: 'Make', problem: this.vehicleProblem })}</div>
        <div>${field({ id: 'model', label: 'Model', problem: this.vehicleProblem })}</div>
        <div>${field({ id: 'plate', label: 'Plate', problem: this.vehicleProblem })}</div>
        <div>${field({ id: 'mileage', label: 'Mileage', type: 'number', inputmode: 'numeric',
          problem: this.vehicleProblem })}</div>
      </div>` : nothing}
    </fieldset>`;
  }

  orderSection() {
    return html`<fieldset><legend>Work order</legend>
      ${problemBanner(this.orderProblem)}
      ${field({ id: 'mileageIn', label: 'Mileage in', type: 'number', inputmode: 'numeric',
        problem: this.orderProblem })}
      <label for="complaint">Complaint (the customer's words)</label>
      <textarea id="complaint" name="complaint" rows="3" maxlength="4000"
        aria-invalid=${this.orderProblem?.fields?.complaint ? 'true' : 'false'}></textarea>
      ${this.orderProblem?.fields?.complaint ? html`<p class="field-error">${this.orderProblem.fields.complaint}</p>` : nothing}
      <div class="actions"><button type="submit" ?disabled=${this.busy}>${this.busy ? 'Opening…' : 'Open work order'}</button></div>
    </fieldset>`;
  }
}
customElements.define('new-work-order-screen', NewWorkOrderScreen);
