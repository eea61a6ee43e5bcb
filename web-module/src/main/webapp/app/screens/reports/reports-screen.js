// Reports and operations: the organization's schedules of the daily shop report (create, change, pause, delete;
// the cron in words, its time zone, recipients), its runs with live progress (polled while one is running), and
// each finished run's CSV and PDF opened through the short-lived links the API hands out. Platform operators see
// every run here, and the backup jobs' last verified backup.
import { LitElement, html, css, nothing } from 'lit';
import { api, listAll } from '../../api.js';
import { session } from '../../session.js';
import { dateTime, label, number, since } from '../../format.js';
import { cronInWords } from '../../ui/cron.js';
import { field, formValues, problemBanner } from '../../ui/forms.js';
import { base } from '../../ui/styles.js';

const JOB = 'daily-shop-report';
const FINISHED = ['COMPLETED', 'FAILED', 'STOPPED', 'ABANDONED'];
const BACKUP_JOBS = ['database-backup', 'file-backup'];
const POLL_MS = 1000;

class ReportsScreen extends LitElement {
  static properties = { params: { attribute: false }, query: { attribute: false },
    schedules: { state: true }, runs: { state: true }, problem: { state: true }, formProblem: { state: true },
    editing: { state: true }, notice: { state: true }, outputs: { state: true }, busy: { state: true },
    cron: { state: true } };

  static styles = [base, css`
    :host { overflow-wrap: anywhere; }
    .grid > *, .filters > *, form.add > * { min-width: 0; }
    section { background: #fff; border: 1px solid var(--border); border-radius: 8px; padding: 1rem; margin: 1rem 0; }
    section h2 { margin-top: 0; }
    ul.items { list-style: none; padding: 0; margin: 0; }
    ul.items > li { border-bottom: 1px solid var(--border); padding: .6rem 0; overflow-wrap: anywhere; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(12rem, 100%), 1fr)); gap: 0 .75rem; }
    progress { width: 100%; max-width: 20rem; }
    .files a { margin-right: 1rem; }
  `];

  constructor() {
    super();
    this.outputs = {};
    this.cron = '0 7 * * *';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  async load() {
    try {
      // a platform operator without a shop role has no organization schedules to manage: only the runs
      const [schedules, runs] = await Promise.all([
        this.office ? listAll('/batch/schedules?limit=200', 5) : Promise.resolve([]),
        api.get('/batch/executions?limit=30')]);
      this.schedules = schedules.filter((s) => s.jobName === JOB);
      this.setRuns(runs.data.items);
      this.problem = null;
    } catch (problem) {
      this.problem = problem;
    }
  }

  /** Keeps the runs and polls again while one of them has not finished. */
  setRuns(runs) {
    this.runs = runs;
    clearTimeout(this.timer);
    if (runs.some((r) => !FINISHED.includes(r.status)) && this.isConnected) {
      this.timer = setTimeout(() => this.poll(), POLL_MS);
    }
  }

  async poll() {
    try {
      this.setRuns((await api.get('/batch/executions?limit=30')).data.items);
    } catch (problem) {
      if (problem.offline) this.timer = setTimeout(() => this.poll(), POLL_MS * 5); // the connection will return
      else this.problem = problem;
    }
  }

  get office() {
    return session.hasAnyRole(['OWNER', 'MANAGER']);
  }

  async saveSchedule(event) {
    event.preventDefault();
    const form = event.target; // after an await the event no longer names its target (shadow DOM)
    const v = formValues(form);
    const body = { jobName: JOB, parameters: { period: v.period }, cron: v.cron.trim(), timeZone: v.timeZone.trim(),
      recipients: v.recipients.split(/[\s,;]+/).filter(Boolean), paused: v.paused === 'on' };
    this.busy = true;
    this.formProblem = null;
    try {
      if (this.editing) {
        await api.put(`/batch/schedules/${this.editing.id}`, body, { etag: this.editing.etag });
        this.notice = 'Schedule changed.';
      } else {
        await api.post('/batch/schedules', body);
        this.notice = 'Schedule created.';
      }
      this.editing = null;
      form.reset();
      this.cron = '0 7 * * *';
      await this.load();
    } catch (problem) {
      this.formProblem = problem;
    } finally {
      this.busy = false;
    }
  }

  async edit(schedule) {
    try {
      const { data, etag } = await api.get(`/batch/schedules/${schedule.id}`);
      this.editing = { ...data, etag };
      this.cron = data.cron;
      this.formProblem = null;
      await this.updateComplete;
      this.renderRoot.querySelector('#schedule-cron')?.focus();
    } catch (problem) {
      this.problem = problem;
    }
  }

  async pause(schedule, paused) {
    try {
      const { data, etag } = await api.get(`/batch/schedules/${schedule.id}`);
      await api.put(`/batch/schedules/${schedule.id}`, { jobName: data.jobName, parameters: data.parameters,
        cron: data.cron, timeZone: data.timeZone, recipients: data.recipients, paused }, { etag });
      this.notice = paused ? 'Schedule paused.' : 'Schedule resumed.';
      await this.load();
    } catch (problem) {
      this.problem = problem;
    }
  }

  async remove(schedule) {
    try {
      await api.delete(`/batch/schedules/${schedule.id}`);
      this.notice = 'Schedule deleted; the reports it made are kept.';
      await this.load();
    } catch (problem) {
      this.problem = problem;
    }
  }

  async runNow() {
    this.busy = true;
    try {
      const { data } = await api.post('/batch/executions', { jobName: JOB, parameters: { period: 'day' } });
      this.notice = `Report run ${data.executionId} started.`;
      this.setRuns([data, ...(this.runs ?? []).filter((r) => r.executionId !== data.executionId)]);
    } catch (problem) {
      this.problem = problem;
    } finally {
      this.busy = false;
    }
  }

  async files(run) {
    try {
      const { data } = await api.get(`/batch/executions/${run.executionId}/outputs`);
      this.outputs = { ...this.outputs, [run.executionId]: data.items };
    } catch (problem) {
      this.problem = problem;
    }
  }

  render() {
    return html`<h1>Reports</h1>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.problem ? problemBanner(this.problem, { onReload: () => this.load() }) : nothing}
      ${this.office ? html`<section aria-labelledby="schedules-title">
        <h2 id="schedules-title">Schedules of the daily shop report</h2>
        ${this.scheduleList()}${this.scheduleForm()}</section>` : nothing}
      <section aria-labelledby="runs-title"><h2 id="runs-title">Runs</h2>
        ${this.office ? html`<div class="actions"><button type="button" id="run-now" ?disabled=${this.busy}
          @click=${this.runNow}>Run yesterday's report now</button></div>` : nothing}
        ${this.runList()}</section>
      ${this.backups()}`;
  }

  scheduleList() {
    if (!this.schedules) return html`<p role="status">Loading schedules…</p>`;
    if (!this.schedules.length) return html`<p class="muted">No schedules yet: create one below.</p>`;
    return html`<ul class="items" id="schedules">${this.schedules.map((s) => html`<li>
      <strong>${cronInWords(s.cron)}</strong> (${s.timeZone})${s.paused ? html` · <strong>Paused</strong>` : nothing}
      <br>${label(s.parameters?.period ?? 'day')} report to ${s.recipients.length ? s.recipients.join(', ') : 'nobody (stored only)'}
      ${s.nextFireAt && !s.paused ? html`<br><span class="muted">Next: ${dateTime(s.nextFireAt, s.timeZone)}</span>` : nothing}
      <div class="actions">
        <button type="button" class="secondary" aria-label="Change the schedule ${cronInWords(s.cron)}" @click=${() => this.edit(s)}>Change</button>
        <button type="button" class="secondary" @click=${() => this.pause(s, !s.paused)}>${s.paused ? 'Resume' : 'Pause'}</button>
        <button type="button" class="danger" @click=${() => this.remove(s)}>Delete</button>
      </div></li>`)}</ul>`;
  }

  scheduleForm() {
    const e = this.editing;
    const p = this.formProblem;
    return html`<form @submit=${this.saveSchedule} novalidate>
      <h3>${e ? 'Change the schedule' : 'New schedule'}</h3>
      ${problemBanner(p, { onReload: () => { this.editing = null; this.load(); } })}
      <div class="grid">
        <div>${field({ id: 'schedule-cron', name: 'cron', label: 'When (cron: minute hour day month weekday)',
          value: this.cron, required: true, problem: p, hint: cronInWords(this.cron),
          onInput: (ev) => { this.cron = ev.target.value; } })}</div>
        <div>${field({ id: 'schedule-zone', name: 'timeZone', label: 'Time zone', required: true, problem: p,
          value: e?.timeZone ?? session.timeZone, hint: 'Such as America/Chicago.' })}</div>
        <div><label for="schedule-period">Report</label>
          <select id="schedule-period" name="period">${['day', 'month'].map((v) => html`<option value=${v}
            ?selected=${(e?.parameters?.period ?? 'day') === v}>${v === 'day' ? 'The day before' : 'The month before'}</option>`)}</select></div>
        <div>${field({ id: 'schedule-recipients', name: 'recipients', label: 'Recipients (e-mail addresses)',
          value: e?.recipients?.join(', ') ?? session.me?.email ?? '', problem: p, hint: 'Separated by commas.' })}</div>
      </div>
      <label class="checkbox"><input type="checkbox" name="paused" ?checked=${e?.paused}>Paused</label>
      <div class="actions"><button type="submit" id="save-schedule" ?disabled=${this.busy}>
        ${e ? 'Save changes' : 'Create schedule'}</button>
        ${e ? html`<button type="button" class="secondary" @click=${() => { this.editing = null; this.cron = '0 7 * * *'; }}>Cancel</button>` : nothing}</div>
    </form>`;
  }

  runList() {
    const runs = this.runs?.filter((r) => !BACKUP_JOBS.includes(r.jobName));
    if (!runs) return html`<p role="status">Loading runs…</p>`;
    if (!runs.length) return html`<p class="muted">No runs yet.</p>`;
    return html`<ul class="items" id="runs">${runs.map((r) => html`<li data-run=${r.executionId}>
      <strong>${label(r.jobName.replaceAll('-', '_'))}</strong> · run ${r.executionId} · <span class="run-status">${label(r.status)}</span>
      · started ${dateTime(r.startedAt ?? r.createdAt)}${r.endedAt ? html` · ended ${dateTime(r.endedAt)}` : nothing}
      ${FINISHED.includes(r.status) ? nothing : this.progress(r)}
      ${r.error ? html`<p class="problem">${r.error}</p>` : nothing}
      ${r.status === 'COMPLETED' && r.outputs?.length ? this.filesOf(r) : nothing}
    </li>`)}</ul>`;
  }

  progress(run) {
    const steps = run.steps ?? [];
    const done = steps.filter((s) => s.status === 'COMPLETED').length;
    const current = steps.find((s) => !['COMPLETED'].includes(s.status));
    return html`<div role="status"><progress max=${Math.max(steps.length, 1)} value=${done}
      aria-label="Progress of run ${run.executionId}"></progress>
      ${current ? html`${label(current.name)}: ${current.progress ?? label(current.status)}` : 'Starting…'}</div>`;
  }

  filesOf(run) {
    const files = this.outputs[run.executionId];
    if (!files) {
      return html`<div class="actions"><button type="button" class="secondary open-files"
        @click=${() => this.files(run)}>Show the report files</button></div>`;
    }
    return html`<p class="files">${files.map((f) => html`<a href=${f.url} target="_blank" rel="noopener"
      class="output-link">${f.name.endsWith('.pdf') ? 'PDF' : f.name.endsWith('.csv') ? 'CSV' : 'File'}:
      ${f.name} (${number(f.sizeBytes / 1024, 1)} KB)</a>`)}
      <span class="hint">Links work until ${dateTime(files[0]?.expiresAt)}.</span></p>`;
  }

  /** Platform operators' runs include the backup jobs: the last completed (verified) one of each, its age and size. */
  backups() {
    const backups = this.runs?.filter((r) => BACKUP_JOBS.includes(r.jobName)) ?? [];
    if (!backups.length) return nothing;
    return html`<section aria-labelledby="backups-title"><h2 id="backups-title">Backups</h2>
      <ul class="items">${BACKUP_JOBS.map((job) => {
        const last = backups.find((r) => r.jobName === job && r.status === 'COMPLETED');
        const size = last?.outputs?.reduce((sum, o) => sum + o.sizeBytes, 0) ?? 0;
        return html`<li><strong>${label(job.replaceAll('-', '_'))}</strong>: ${last
          ? html`last verified ${since(last.endedAt)} ago (${dateTime(last.endedAt)}), ${number(size / 1_048_576, 1)} MB`
          : 'no verified backup among the recent runs'}</li>`;
      })}</ul></section>`;
  }
}
customElements.define('reports-screen', ReportsScreen);
