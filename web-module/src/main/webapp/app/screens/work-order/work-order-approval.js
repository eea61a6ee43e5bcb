// The customer's approval: send the link by e-mail, see the answers (they arrive live through the work order's
// events), or record an answer given on the phone or at the counter.
import { LitElement, html, css, nothing } from 'lit';
import { api } from '../../api.js';
import { dateTime, label } from '../../format.js';
import { field, formValues, problemBanner } from '../../ui/forms.js';
import { base } from '../../ui/styles.js';

class WorkOrderApproval extends LitElement {
  static properties = { order: { attribute: false }, customer: { attribute: false },
    workOrderId: { attribute: false }, onChanged: { attribute: false },
    record: { state: true }, sent: { state: true }, problem: { state: true }, answerProblem: { state: true },
    busy: { state: true }, recording: { state: true } };

  static styles = [base, css`
    :host { background: #fff; border: 1px solid var(--border); border-radius: 8px; padding: 1rem; margin: 1rem 0; }
    h2 { margin-top: 0; }
    fieldset { border: 1px solid var(--border); border-radius: 6px; margin: .5rem 0; padding: .5rem .75rem; }
    legend { font-weight: 600; }
    .choices { display: flex; gap: 1rem; flex-wrap: wrap; }
    ul.answers { padding-left: 1.25rem; }
  `];

  willUpdate(changed) {
    // the record's documentHash is the hash of the estimate as shown: re-read it whenever the order changes
    if ((changed.has('workOrderId') || changed.has('order')) && this.order?.version !== this.loadedVersion) {
      this.loadedVersion = this.order?.version;
      this.load();
    }
  }

  async load() {
    try {
      const { data } = await api.get(`/work-orders/${this.workOrderId}/approvals`);
      this.record = data;
    } catch {
      this.record = { items: [] };
    }
  }

  async send(event) {
    event.preventDefault();
    const { email } = formValues(event.target);
    this.busy = true;
    this.problem = null;
    try {
      const { data } = await api.post(`/work-orders/${this.workOrderId}/approval-link`, { email: email || null });
      this.sent = { ...data, email };
    } catch (problem) {
      this.problem = problem;
    } finally {
      this.busy = false;
    }
  }

  async recordAnswer(event) {
    event.preventDefault();
    const v = formValues(event.target);
    const decisions = this.order.lines.filter((l) => v[`line-${l.id}`])
      .map((l) => ({ lineId: l.id, approved: v[`line-${l.id}`] === 'yes' }));
    this.busy = true;
    this.answerProblem = null;
    try {
      await api.post(`/work-orders/${this.workOrderId}/approvals`, { approverName: v.approverName,
        method: v.method, documentHash: this.record.documentHash, decisions });
      this.recording = false;
      await this.load();
      this.onChanged?.();
    } catch (problem) {
      this.answerProblem = problem;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const o = this.order;
    const invoiced = o.kind === 'INVOICED';
    const pending = o.lines.filter((l) => l.approval === 'PENDING').length;
    const answers = this.record?.items ?? [];
    const byLine = new Map(o.lines.map((l) => [l.id, l.description]));
    return html`<h2>Customer approval</h2>
      <p role="status" aria-live="polite">${o.lines.length === 0 ? 'Add lines before asking the customer.'
        : pending ? `${pending} of ${o.lines.length} lines wait for the customer's answer.`
          : 'The customer has answered every line.'}</p>
      ${answers.length ? html`<ul class="answers">${answers.map((a) => html`<li>
        ${byLine.get(a.lineId) ?? 'A line'}: <strong>${label(a.decision)}</strong> by ${a.approverName}
        (${label(a.method)}, ${dateTime(a.decidedAt)})</li>`)}</ul>` : nothing}
      ${!invoiced && o.lines.length ? html`
        <form @submit=${this.send} novalidate>
          ${problemBanner(this.problem)}
          ${field({ id: 'approval-email', name: 'email', label: "Customer's e-mail", type: 'email',
            value: this.customer?.email ?? '', problem: this.problem,
            hint: 'The customer gets a link to see the estimate and approve or decline each line.' })}
          <div class="actions"><button type="submit" ?disabled=${this.busy}>Send approval link</button>
            <button type="button" class="secondary" @click=${() => { this.recording = !this.recording; }}
              aria-expanded=${this.recording ? 'true' : 'false'}>Record a phone or counter answer</button></div>
        </form>
        ${this.sent ? html`<p class="notice" role="status">${this.sent.emailSent
          ? `Link sent to ${this.sent.email}; it works until ${dateTime(this.sent.expiresAt)}.`
          : `Link made (no e-mail sent); it works until ${dateTime(this.sent.expiresAt)}.`}</p>` : nothing}
        ${this.recording ? this.answerForm() : nothing}` : nothing}`;
  }

  answerForm() {
    return html`<form @submit=${this.recordAnswer} novalidate>
      <h3>The customer's answer</h3>
      ${problemBanner(this.answerProblem)}
      ${field({ id: 'approverName', label: 'Who answered', required: true, problem: this.answerProblem,
        value: this.customer ? `${this.customer.firstName} ${this.customer.lastName}` : '' })}
      <label for="method">How</label>
      <select id="method" name="method"><option value="PHONE">Phone</option><option value="IN_PERSON">In person</option></select>
      ${this.order.lines.map((l) => html`<fieldset><legend>${l.description}</legend><div class="choices">
        <label class="radio"><input type="radio" name="line-${l.id}" value="yes" ?checked=${l.approval === 'APPROVED'}> Approve</label>
        <label class="radio"><input type="radio" name="line-${l.id}" value="no" ?checked=${l.approval === 'DECLINED'}> Decline</label>
      </div></fieldset>`)}
      <div class="actions"><button type="submit" ?disabled=${this.busy}>Record answer</button></div>
    </form>`;
  }
}
customElements.define('work-order-approval', WorkOrderApproval);
