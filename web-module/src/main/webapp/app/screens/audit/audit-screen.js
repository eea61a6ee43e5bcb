// The audit trail (owners): the events of one object (its id, e.g. from an invoice or a work order) or of the
// whole organization, a page at a time, and the verification of the hash chain.
import { LitElement, html, css, nothing } from 'lit';
import { api } from '../../api.js';
import { dateTime, number } from '../../format.js';
import { field, problemBanner } from '../../ui/forms.js';
import { Pager } from '../../ui/paging.js';
import { base } from '../../ui/styles.js';

const PAGE = 50;

class AuditScreen extends LitElement {
  static properties = { params: { attribute: false }, query: { attribute: false },
    events: { state: true }, problem: { state: true }, verification: { state: true }, verifying: { state: true },
    entityId: { state: true } };

  static styles = [base, css`
    :host { overflow-wrap: anywhere; }
    .grid > *, .filters > *, form.add > * { min-width: 0; }
    ol { padding-left: 1.25rem; }
    li { margin: .5rem 0; overflow-wrap: anywhere; }
    details pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f8fafc; padding: .5rem; }
    .ok { border: 2px solid var(--ok); padding: .75rem; border-radius: 6px; }
    .pages { display: flex; gap: .5rem; flex-wrap: wrap; }
  `];

  constructor() {
    super();
    this.pager = new Pager();
    this.entityId = '';
  }

  willUpdate(changed) {
    if (changed.has('query')) {
      this.entityId = this.query?.get?.('entityId') ?? this.entityId ?? '';
      this.pager.reset();
      this.load();
    }
  }

  async load() {
    try {
      const path = this.entityId ? `/audit?entityId=${encodeURIComponent(this.entityId)}` : '/audit';
      const { data } = await api.get(this.pager.path(path, PAGE));
      this.events = data.items;
      this.pager.next = data.next;
      this.problem = null;
    } catch (problem) {
      this.problem = problem;
    }
  }

  async verify() {
    this.verifying = true;
    try {
      this.verification = (await api.get('/audit/verify')).data;
    } catch (problem) {
      this.problem = problem;
    } finally {
      this.verifying = false;
    }
  }

  render() {
    const v = this.verification;
    return html`<h1>Audit trail</h1>
      <div class="actions"><button type="button" id="verify-chain" ?disabled=${this.verifying} @click=${this.verify}>
        ${this.verifying ? 'Verifying…' : 'Verify the chain'}</button></div>
      ${v ? html`<p role="status" class=${v.valid ? 'ok' : 'problem'}>${v.valid
        ? html`<strong>The chain is intact.</strong> ${number(v.checked)} events checked.${v.unsealed
          ? ` ${number(v.unsealed)} newer events are not sealed into it yet.` : ''}`
        : html`<strong>The chain is broken</strong> at event ${v.brokenAtSeq}: ${v.problem}`}</p>` : nothing}
      <form @submit=${(e) => { e.preventDefault(); this.entityId = e.target.entityId.value.trim(); this.pager.reset(); this.load(); }}
        novalidate>
        ${field({ id: 'entity-id', name: 'entityId', label: "An object's id", value: this.entityId,
          hint: 'The id of an invoice, work order, customer or user; empty for every event.', problem: this.problem })}
        <div class="actions"><button type="submit" class="secondary">Show its events</button></div>
      </form>
      ${this.problem ? problemBanner(this.problem) : this.list()}`;
  }

  list() {
    if (!this.events) return html`<p role="status">Loading events…</p>`;
    if (!this.events.length) return html`<p role="status">No events.</p>`;
    return html`<ol>${this.events.map((e) => html`<li>
        <strong>${e.action}</strong> · ${e.entityType} · ${dateTime(e.occurredAt)} · event ${e.seq}
        <details><summary>What changed</summary>
          <pre>${e.before ? `Before: ${e.before}\n` : ''}${e.after ? `After: ${e.after}` : ''}</pre></details>
      </li>`)}</ol>
      <div class="pages">
        <button type="button" class="secondary" ?disabled=${!this.pager.hasPrevious}
          @click=${() => { this.pager.back(); this.load(); }}>Previous page</button>
        <button type="button" class="secondary" ?disabled=${!this.pager.next}
          @click=${() => { this.pager.forward(); this.load(); }}>Next page</button>
      </div>`;
  }
}
customElements.define('audit-screen', AuditScreen);
