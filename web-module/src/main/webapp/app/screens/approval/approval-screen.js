import { LitElement, html, css, nothing } from 'lit';
import { api } from '../../api.js';
import { base } from '../../ui/styles.js';

/**
 * The customer's approval page, /approvals/{token}: no sign-in, built for a phone. The shop, the vehicle, each
 * line with its price and the inspection findings behind it; approve or decline each line; totals that follow
 * the choices; a typed name as the signature; a confirmation. A link that cannot be used (tampered, expired,
 * already answered) shows why and the shop's phone when the API names it, never the estimate.
 */
class ApprovalScreen extends LitElement {
  static properties = {
    params: { attribute: false },
    state: { state: true },      // 'loading' | 'ready' | 'sending' | 'done' | 'unusable' | 'failed'
    estimate: { state: true },
    choices: { state: true },    // lineId -> true (approve) | false (decline)
    name: { state: true },
    problem: { state: true },
    recorded: { state: true },
  };

  constructor() {
    super();
    this.state = 'loading';
    this.choices = {};
    this.name = '';
  }

  get token() {
    return this.params?.token ?? '';
  }

  get path() {
    return `/approvals/${encodeURIComponent(this.token)}`;
  }

  willUpdate(changed) {
    if (changed.has('params') && this.token !== this.loaded) {
      this.loaded = this.token;
      this.choices = {};
      this.load();
    }
  }

  async load() {
    this.state = 'loading';
    try {
      const { data } = await api.get(this.path);
      this.estimate = data;
      this.state = data.answered ? 'unusable' : 'ready';
      if (data.answered) this.problem = { status: 409, shop: data.shop };
    } catch (problem) {
      this.unusable(problem);
    }
  }

  /** A link that names nothing (404), was answered (409) or expired (410): the page says so, never more. */
  unusable(problem) {
    this.problem = problem;
    this.estimate = null;
    this.state = [404, 409, 410].includes(problem.status) ? 'unusable' : 'failed';
  }

  get lines() {
    return this.estimate?.lines ?? [];
  }

  /** Lines still waiting for the customer's answer (already answered ones are shown, not asked again). */
  get open() {
    return this.lines.filter(l => !l.approval || l.approval === 'PENDING');
  }

  money(value) {
    const number = Number(value ?? 0);
    const currency = this.estimate?.currency;
    try {
      if (currency) return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(number);
    } catch (e) { /* an unknown currency code: plain number below */ }
    return new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(number);
  }

  sum(lines) {
    return lines.reduce((total, l) => total + Math.round(Number(l.amount) * 100), 0) / 100;
  }

  choose(line, approved) {
    this.choices = { ...this.choices, [line.id]: approved };
  }

  async submit(event) {
    event.preventDefault();
    const missing = this.open.filter(l => this.choices[l.id] === undefined);
    if (missing.length) {
      this.problem = { detail: `Please approve or decline every line (${missing.length} left).`, field: 'lines' };
      this.renderRoot.querySelector(`#line-${missing[0].id} input`)?.focus();
      return;
    }
    if (!this.name.trim()) {
      this.problem = { detail: 'Type your full name to sign.', field: 'approverName' };
      this.renderRoot.querySelector('#approver-name')?.focus();
      return;
    }
    this.problem = null;
    this.state = 'sending';
    try {
      const { data } = await api.post(this.path, {
        approverName: this.name.trim(), documentHash: this.estimate.documentHash,
        decisions: this.open.map(l => ({ lineId: l.id, approved: this.choices[l.id] })),
      });
      this.recorded = data;
      this.state = 'done';
      await this.updateComplete;
      this.renderRoot.querySelector('h1')?.focus();
    } catch (problem) {
      if (problem.status === 409 && !problem.type.endsWith('-used')) {
        // the shop changed the estimate while it was open: show the new one, answers to give again
        await this.load();
        this.choices = {};
        this.problem = { detail: 'The shop changed this estimate while you were reading it. Please look at it again.' };
      } else if ([404, 409, 410].includes(problem.status)) {
        this.unusable(problem);
      } else {
        this.problem = { detail: problem.fields?.approverName ? `Your name: ${problem.fields.approverName}`
          : problem.sentence, field: problem.fields?.approverName ? 'approverName' : undefined };
        this.state = 'ready';
      }
    }
  }

  render() {
    switch (this.state) {
      case 'loading': return html`<div class="page"><p role="status">Loading your estimate…</p></div>`;
      case 'unusable': return this.renderUnusable();
      case 'failed': return html`<div class="page"><h1>Something went wrong</h1>
        <p>We could not load this page. Please try again in a moment.</p>
        <button @click=${() => this.load()}>Try again</button></div>`;
      case 'done': return this.renderDone();
      default: return this.renderEstimate();
    }
  }

  renderUnusable() {
    const status = this.problem?.status;
    const shop = this.problem?.shop ?? null;
    const [title, text] = status === 410
      ? ['This link has expired', 'For your security, approval links work for a limited time.']
      : status === 409
        ? ['This estimate was already answered', 'The shop has your answer. Nothing more is needed from you.']
        : ['This link does not work', 'It may be incomplete or mistyped. Please use the link exactly as you received it.'];
    return html`<div class="message">
      <h1>${title}</h1>
      <p>${text}</p>
      ${shop?.name || shop?.phone ? html`<p class="call">
          ${status === 409 ? 'Questions? ' : 'For a new link, '}call ${shop.name ?? 'the shop'}${shop.phone
            ? html` at <a href="tel:${shop.phone.replace(/[^+\d]/g, '')}">${shop.phone}</a>` : nothing}.</p>`
        : html`<p class="call">Please contact the shop that sent it to you.</p>`}
    </div>`;
  }

  renderDone() {
    const r = this.recorded;
    const shop = this.estimate?.shop?.name ?? 'The shop';
    return html`<div class="message">
      <h1 tabindex="-1">Thank you, ${this.name.trim()}</h1>
      <p>Your answer on estimate ${r.workOrderNumber} is recorded: ${r.approved} approved,
        ${r.declined} declined.</p>
      <p>${shop} will do the work you approved${this.estimate?.shop?.phone
        ? html` and call you if anything changes; you can reach them at
          <a href="tel:${this.estimate.shop.phone.replace(/[^+\d]/g, '')}">${this.estimate.shop.phone}</a>` : nothing}.</p>
      <p><a href="/api/v1/approvals/${encodeURIComponent(this.token)}/pdf" download>Download your estimate (PDF)</a></p>
    </div>`;
  }

  renderEstimate() {
    const e = this.estimate;
    const approved = this.lines.filter(l => l.approval === 'APPROVED' || this.choices[l.id] === true);
    const declined = this.lines.filter(l => l.approval === 'DECLINED' || this.choices[l.id] === false);
    const undecided = this.lines.length - approved.length - declined.length;
    const sending = this.state === 'sending';
    return html`<div class="page">
      <header>
        ${e.shop?.name ? html`<p class="shop">${e.shop.name}${e.shop.phone
          ? html` · <a href="tel:${e.shop.phone.replace(/[^+\d]/g, '')}">${e.shop.phone}</a>` : nothing}</p>` : nothing}
        <h1>Your estimate ${e.workOrderNumber}</h1>
        ${this.vehicle(e) ? html`<p class="vehicle">${this.vehicle(e)}</p>` : nothing}
        <p>Please approve or decline each line, then sign with your name.</p>
      </header>
      ${this.renderFindings(e)}
      <form @submit=${this.submit} novalidate>
        <ul class="lines" aria-label="Lines of the estimate">
          ${this.lines.map(l => this.renderLine(l))}
        </ul>
        ${this.problem?.field === 'lines' ? html`<p class="error" role="alert">${this.problem.detail}</p>` : nothing}
        <section class="totals" aria-label="Totals" aria-live="polite">
          <dl>
            <div><dt>Approved work</dt><dd data-total="approved">${this.money(this.sum(approved))}</dd></div>
            <div><dt>Declined work</dt><dd data-total="declined">${this.money(this.sum(declined))}</dd></div>
            ${undecided ? html`<div><dt>Not answered yet</dt><dd>${undecided} ${undecided === 1 ? 'line' : 'lines'}</dd></div>` : nothing}
            <div class="all"><dt>Whole estimate, with taxes</dt><dd>${this.money(e.totals?.total)}</dd></div>
          </dl>
          <p class="note">Amounts of lines are before tax; your invoice shows the taxes of the approved work.</p>
        </section>
        <label for="approver-name">Type your full name to sign</label>
        <input id="approver-name" name="approverName" autocomplete="name" maxlength="200" required
          aria-invalid=${this.problem?.field === 'approverName' ? 'true' : 'false'}
          aria-describedby=${this.problem?.field === 'approverName' ? 'name-error' : nothing}
          .value=${this.name} @input=${ev => { this.name = ev.target.value; }}>
        ${this.problem?.field === 'approverName'
          ? html`<p class="error" id="name-error" role="alert">${this.problem.detail}</p>` : nothing}
        ${this.problem && !this.problem.field ? html`<p class="error" role="alert">${this.problem.detail
          ?? this.problem.title ?? 'Your answer could not be recorded.'}</p>` : nothing}
        <button type="submit" ?disabled=${sending}>${sending ? 'Sending…' : 'Send my answer'}</button>
      </form>
    </div>`;
  }

  vehicle(e) {
    const v = e.vehicle;
    if (!v) return '';
    return [v.year, v.make, v.model].filter(Boolean).join(' ') + (v.plate ? `, plate ${v.plate}` : '');
  }

  renderLine(l) {
    const answered = l.approval && l.approval !== 'PENDING';
    const choice = this.choices[l.id];
    const group = `line-${l.id}`;
    const quantity = l.hours != null ? `${Number(l.hours)} h` : l.quantity != null ? `× ${Number(l.quantity)}` : '';
    return html`<li id=${group} class=${choice === true ? 'approved' : choice === false ? 'declined' : ''}>
      <fieldset ?disabled=${answered}>
        <legend><span class="description">${l.description}</span>
          <span class="amount">${this.money(l.amount)}</span></legend>
        ${quantity ? html`<p class="detail">${quantity}${l.unitPrice ? html` at ${this.money(l.unitPrice)}` : nothing}</p>` : nothing}
        ${answered ? html`<p class="answered">Already ${l.approval === 'APPROVED' ? 'approved' : 'declined'}</p>`
          : html`<div class="choice">
            <label><input type="radio" name=${group} value="approve" .checked=${choice === true}
              @change=${() => this.choose(l, true)}> Approve</label>
            <label><input type="radio" name=${group} value="decline" .checked=${choice === false}
              @change=${() => this.choose(l, false)}> Decline</label>
          </div>`}
      </fieldset>
    </li>`;
  }

  renderPoint(p) {
    const label = { GREEN: 'Good', YELLOW: 'Needs attention', RED: 'Urgent' }[p.condition] ?? '';
    return html`<li class="point ${(p.condition ?? '').toLowerCase()}">
      <p><strong>${p.name}</strong>${label ? html`: <span class="condition">${label}</span>` : nothing}</p>
      ${p.notes ? html`<p class="notes">${p.notes}</p>` : nothing}
    </li>`;
  }

  /**
   * What justifies the lines: the inspection's points that need attention (rated yellow or red, or with a note)
   * and its photos, which the API serves to whoever holds the link.
   */
  renderFindings(e) {
    const points = (e.inspection ?? []).filter(p => (p.condition && p.condition !== 'GREEN') || p.notes);
    const photos = (e.photos ?? []).filter(p => !p.contentType || p.contentType.startsWith('image/'));
    if (!points.length && !photos.length) return nothing;
    return html`<section class="findings" aria-labelledby="findings-title">
      <h2 id="findings-title">What the technician found</h2>
      ${points.length ? html`<ul class="evidence">${points.map(p => this.renderPoint(p))}</ul>` : nothing}
      ${photos.length ? html`<ul class="photos" aria-label="Photos of the inspection">${photos.map((photo, i) => html`
        <li><img src=${photo.url} loading="lazy" alt=${`Inspection photo ${i + 1} of ${photos.length}`}></li>`)}
      </ul>` : nothing}
    </section>`;
  }

  static styles = [base, css`
    :host { display: block; }
    .page, .message { max-width: 40rem; margin: 0 auto; }
    h1 { font-size: 1.5rem; margin: 0.25rem 0; }
    h2 { font-size: 1.15rem; }
    .shop { font-weight: 600; margin: 0; }
    .vehicle { margin: 0; color: #3d4550; }
    ul { list-style: none; padding: 0; margin: 0; }
    .lines > li { border: 1px solid #b9c0c8; border-radius: 8px; margin: 0.75rem 0; padding: 0.5rem 0.75rem; }
    .lines > li.approved { border: 2px solid #1a7f37; }
    .lines > li.declined { border: 2px dashed #8c2f39; }
    fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
    legend { display: flex; justify-content: space-between; gap: 1rem; width: 100%; font-weight: 600; padding: 0; }
    .detail, .answered, .note { color: #3d4550; margin: 0.25rem 0; font-size: 0.95rem; }
    .choice { display: flex; gap: 0.5rem; margin-top: 0.5rem; }
    .choice label { flex: 1; display: flex; align-items: center; gap: 0.5rem; min-height: 44px; padding: 0 0.75rem;
      border: 1px solid #6b7480; border-radius: 6px; cursor: pointer; margin: 0; font-weight: 400; }
    .choice input { width: 1.25rem; height: 1.25rem; min-height: auto; margin: 0; }
    .choice label:has(input:checked) { font-weight: 700; border-width: 2px; }
    .evidence li { margin: 0.5rem 0; }
    .evidence p { margin: 0.1rem 0; }
    .point.red .condition { color: #8c2f39; font-weight: 600; }
    .point.yellow .condition { color: #7a4d00; font-weight: 600; }
    .findings { background: #fff; border: 1px solid #b9c0c8; border-radius: 8px; padding: 0.25rem 0.75rem; }
    .findings h2 { margin-top: 0.5rem; }
    .photos { display: grid; grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr)); gap: 0.5rem;
      margin: 0.5rem 0; }
    img { width: 100%; height: auto; border-radius: 6px; display: block; }
    .totals dl { margin: 0.5rem 0; }
    .totals dl > div { display: flex; justify-content: space-between; padding: 0.15rem 0; }
    .totals .all { border-top: 1px solid #b9c0c8; margin-top: 0.25rem; padding-top: 0.35rem; }
    dt { margin: 0; } dd { margin: 0; font-weight: 600; }
    label[for] { display: block; font-weight: 600; margin-top: 1rem; }
    input:not([type]), input[type="text"] { box-sizing: border-box; width: 100%; font: inherit; padding: 0.6rem;
      border: 1px solid #6b7480; border-radius: 6px; min-height: 44px; }
    button { font: inherit; font-weight: 600; margin-top: 1rem; width: 100%; min-height: 48px; border-radius: 6px;
      border: 0; background: #0b5cad; color: #fff; cursor: pointer; }
    button[disabled] { background: #5b6672; }
    :focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
    .error { color: #8c2f39; font-weight: 600; }
    a { color: #0b5cad; }
    .message h1:focus { outline: none; }
    .call { font-size: 1.1rem; }
  `];
}

customElements.define('approval-screen', ApprovalScreen);
