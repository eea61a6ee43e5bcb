// Staff: invite by e-mail (the API mails a link to set a password), roles per shop, re-send an invitation,
// disable (owners). A manager grants only service advisor and technician in their own shops, as the API allows.
import { LitElement, html, css, nothing } from 'lit';
import { api } from '../../api.js';
import { ROLES, session } from '../../session.js';
import { dateTime, label } from '../../format.js';
import { field, formValues, problemBanner } from '../../ui/forms.js';
import { Pager } from '../../ui/paging.js';
import { base } from '../../ui/styles.js';

const PAGE = 50;

class StaffScreen extends LitElement {
  static properties = { params: { attribute: false }, query: { attribute: false },
    users: { state: true }, problem: { state: true }, inviteProblem: { state: true }, notice: { state: true },
    busy: { state: true }, rowProblem: { state: true } };

  static styles = [base, css`
    :host { overflow-wrap: anywhere; }
    .grid > *, .filters > *, form.add > * { min-width: 0; }
    ul.staff { list-style: none; padding: 0; }
    ul.staff > li { border-bottom: 1px solid var(--border); padding: .75rem 0; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(11rem, 100%), 1fr)); gap: 0 .75rem; }
    .memberships { margin: .25rem 0; padding-left: 1.25rem; }
    form.add { display: flex; gap: .5rem; flex-wrap: wrap; align-items: end; }
    form.add > div { flex: 1 1 9rem; }
    .pages { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
  `];

  constructor() {
    super();
    this.pager = new Pager();
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  /** The roles this user may grant: owners any, managers the floor roles. */
  get grantable() {
    return session.isOwner ? [ROLES.OWNER, ROLES.MANAGER, ROLES.ADVISOR, ROLES.TECHNICIAN]
      : [ROLES.ADVISOR, ROLES.TECHNICIAN];
  }

  /** The shops this user manages staff in. */
  get shops() {
    if (session.isOwner) return session.shops;
    const mine = new Set(session.me.memberships.filter((m) => m.role === ROLES.MANAGER).map((m) => m.shopId));
    return session.shops.filter((s) => mine.has(s.id));
  }

  async load() {
    try {
      const { data } = await api.get(this.pager.path('/users', PAGE));
      this.users = data.items;
      this.pager.next = data.next;
      this.problem = null;
    } catch (problem) {
      this.problem = problem;
    }
  }

  async invite(event) {
    event.preventDefault();
    const form = event.target;
    const v = formValues(form);
    this.busy = true;
    this.inviteProblem = null;
    try {
      const { data, headers } = await api.post('/users', { email: v.email.trim(), name: v.name.trim(),
        memberships: [{ shopId: v.shopId, role: v.role }] });
      this.notice = headers.get('Invitation-Sent') === 'false'
        ? `${data.email} was added, but the invitation could not be mailed: re-send it below.`
        : `Invitation mailed to ${data.email}.`;
      form.reset();
      await this.load();
    } catch (problem) {
      this.inviteProblem = problem;
    } finally {
      this.busy = false;
    }
  }

  async act(user, what, call) {
    this.rowProblem = null;
    try {
      await call();
      this.notice = what;
      await this.load();
    } catch (problem) {
      this.rowProblem = { userId: user.id, problem };
    }
  }

  addMembership(event, user) {
    event.preventDefault();
    const v = formValues(event.target);
    this.act(user, `${user.name} is now ${label(v.role)} in ${session.shopById(v.shopId)?.name ?? 'the shop'}.`,
      () => api.post(`/users/${user.id}/memberships`, { shopId: v.shopId, role: v.role }));
  }

  render() {
    const shops = this.shops;
    return html`<h1>Staff</h1>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      <form @submit=${this.invite} novalidate class="card">
        <h2>Invite someone</h2>
        ${problemBanner(this.inviteProblem)}
        <div class="grid">
          <div>${field({ id: 'invite-email', name: 'email', label: 'E-mail', type: 'email', required: true,
            autocomplete: 'off', problem: this.inviteProblem })}</div>
          <div>${field({ id: 'invite-name', name: 'name', label: 'Name', required: true, autocomplete: 'off',
            problem: this.inviteProblem })}</div>
          <div><label for="invite-shop">Shop</label>
            <select id="invite-shop" name="shopId">${shops.map((s) => html`<option value=${s.id}
              ?selected=${s.id === session.shopId}>${s.name}</option>`)}</select></div>
          <div><label for="invite-role">Role</label>
            <select id="invite-role" name="role">${this.grantable.map((r) => html`<option value=${r}
              ?selected=${r === ROLES.TECHNICIAN}>${label(r)}</option>`)}</select></div>
        </div>
        <div class="actions"><button type="submit" id="send-invitation" ?disabled=${this.busy}>
          ${this.busy ? 'Sending…' : 'Send invitation'}</button></div>
      </form>
      <h2>Everyone</h2>
      ${this.list(shops)}`;
  }

  list(shops) {
    if (this.problem) return html`<p class="problem" role="alert">${this.problem.sentence}</p>`;
    if (!this.users) return html`<p role="status">Loading staff…</p>`;
    if (!this.users.length) return html`<p role="status">Nobody yet.</p>`;
    return html`<ul class="staff">${this.users.map((u) => html`<li>
        <strong>${u.name}</strong> · ${u.email}
        ${!u.enabled ? html` · <strong>Disabled</strong>` : nothing}
        ${u.invitationPending ? html` · Invitation pending until ${dateTime(u.invitationExpiresAt)}` : nothing}
        ${this.rowProblem?.userId === u.id ? problemBanner(this.rowProblem.problem) : nothing}
        <ul class="memberships">${u.memberships.map((m) => html`<li>${label(m.role)} in
          ${session.shopById(m.shopId)?.name ?? 'another shop'}
          ${shops.some((s) => s.id === m.shopId) && this.grantable.includes(m.role) && u.id !== session.me.id
            ? html`<button type="button" class="link" aria-label="Remove ${u.name} from ${session.shopById(m.shopId)?.name}"
              @click=${() => this.act(u, `${u.name} no longer works in ${session.shopById(m.shopId)?.name}.`,
                () => api.delete(`/users/${u.id}/memberships/${m.shopId}`))}>Remove</button>` : nothing}</li>`)}</ul>
        ${u.enabled && u.id !== session.me.id ? html`<form class="add" @submit=${(e) => this.addMembership(e, u)}>
          <div><label for="shop-${u.id}">Shop</label><select id="shop-${u.id}" name="shopId">
            ${shops.map((s) => html`<option value=${s.id}>${s.name}</option>`)}</select></div>
          <div><label for="role-${u.id}">Role</label><select id="role-${u.id}" name="role">
            ${this.grantable.map((r) => html`<option value=${r}>${label(r)}</option>`)}</select></div>
          <div><button type="submit" class="secondary">Set role</button></div>
        </form>` : nothing}
        <div class="actions">
          ${u.invitationPending ? html`<button type="button" class="secondary"
            @click=${() => this.act(u, `A new invitation was mailed to ${u.email}.`, () => api.post(`/users/${u.id}/invitation`))}>
            Re-send invitation</button>` : nothing}
          ${session.isOwner && u.enabled && u.id !== session.me.id ? html`<button type="button" class="danger"
            aria-label="Disable ${u.name}"
            @click=${() => this.act(u, `${u.name} is disabled and signed out everywhere.`, () => api.post(`/users/${u.id}/disable`))}>
            Disable</button>` : nothing}
        </div>
      </li>`)}</ul>
      <div class="pages">
        <button type="button" class="secondary" ?disabled=${!this.pager.hasPrevious}
          @click=${() => { this.pager.back(); this.load(); }}>Previous page</button>
        <button type="button" class="secondary" ?disabled=${!this.pager.next}
          @click=${() => { this.pager.forward(); this.load(); }}>Next page</button>
      </div>`;
  }
}
customElements.define('staff-screen', StaffScreen);
