// "My jobs" (/my-jobs): the work assigned to the signed-in technician, from the board the API filters for them.
// No money at all on the bay's screens (the API already hides costs and margins from technicians).
import { LitElement, html, css, nothing } from 'lit';
import { api, listAll } from '../../api.js';
import { session } from '../../session.js';
import { dateTime, label, since } from '../../format.js';
import { base } from '../../ui/styles.js';
import { startOutbox } from './bay-outbox.js';
import './outbox-banner.js';
import { clock } from './time-clock.js';

class MyJobsScreen extends LitElement {
  static properties = { jobs: { state: true }, problem: { state: true }, clockProblem: { state: true },
    clocking: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    startOutbox();
    this.onShop = () => this.load();
    session.addEventListener('change', this.onShop);
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    session.removeEventListener('change', this.onShop);
  }

  async load() {
    this.problem = null;
    const shops = session.shopId ? [session.shopId] : session.shops.map((s) => s.id);
    try {
      const [lists, boards] = await Promise.all([
        Promise.all(shops.map((id) => listAll(`/work-orders?shopId=${encodeURIComponent(id)}`))),
        Promise.all(shops.map((id) => api.get(`/shops/${encodeURIComponent(id)}/board`).then(({ data }) => data.columns,
          () => []))),
      ]);
      this.columns = new Map(boards.flat().map((c) => [c.code, c.name]));
      this.jobs = lists.flat().filter((j) => j.kind !== 'INVOICED')
        .sort((a, b) => (a.promisedAt ?? '9').localeCompare(b.promisedAt ?? '9'));
    } catch (problem) {
      this.problem = problem;
      this.jobs ??= [];
    }
  }

  /** Clocks on the job's labor line (the one assigned to the caller, else the first); stops a running job. */
  async clockOn(job) {
    this.clocking = job.id;
    try {
      const { data: order } = await api.get(`/work-orders/${encodeURIComponent(job.id)}`);
      const labor = order.lines.filter((l) => l.type === 'LABOR');
      const line = labor.find((l) => l.technicianId === session.me?.id) ?? labor[0];
      if (!line) {
        this.clockProblem = { sentence: `${job.number} has no labor line to clock on.` };
        return;
      }
      await clock('JOB_ON', line.id);
      this.clockProblem = null;
      this.renderRoot.querySelector('time-clock')?.load();
    } catch (problem) {
      this.clockProblem = problem;
    } finally {
      this.clocking = null;
    }
  }

  render() {
    return html`<h1>My jobs</h1>
      <outbox-banner></outbox-banner>
      <time-clock></time-clock>
      ${this.clockProblem ? html`<p class="problem" role="alert">${this.clockProblem.sentence}</p>` : nothing}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem.sentence}
        <button type="button" class="secondary" @click=${() => this.load()}>Try again</button></p>` : nothing}
      ${!this.jobs ? html`<p role="status">Loading your jobs…</p>`
        : !this.jobs.length ? html`<p class="muted">No work is assigned to you right now.</p>`
          : html`<ul class="jobs">${this.jobs.map((j) => html`<li class="card">
            <a href="/my-jobs/${j.id}"><span class="number">${j.number}</span> ${j.vehicle ?? ''}</a>
            <p>${j.customerName ?? ''}</p>
            <p class="muted">${this.columns?.get(j.status) ?? label(j.status)} for ${since(j.statusSince)}${j.promisedAt
              ? html` · promised ${dateTime(j.promisedAt)}` : nothing}</p>
            <button type="button" class="secondary" ?disabled=${this.clocking === j.id}
              @click=${() => this.clockOn(j)}>Clock on ${j.number}</button>
          </li>`)}</ul>`}`;
  }

  static styles = [base, css`
    .jobs { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem;
      grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); }
    .jobs a { font-weight: 600; font-size: 1.05rem; display: block; min-height: 2.75rem; }
    .jobs p { margin: .25rem 0 0; }
  `];
}

customElements.define('my-jobs-screen', MyJobsScreen);
