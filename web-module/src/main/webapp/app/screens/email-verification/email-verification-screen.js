import { LitElement, html, css } from 'lit';
import { api } from '../../api.js';
import { base } from '../../ui/styles.js';

/**
 * /email-verifications/{token}: the page the verification mail links to. A browser opens links with GET; the
 * API proves the address with POST, so this page posts the token once and says what happened in a sentence.
 */
class EmailVerificationScreen extends LitElement {
  static properties = {
    params: { attribute: false },
    result: { state: true },
  };

  willUpdate(changed) {
    if (changed.has('params') && this.params?.token !== this.confirmed) {
      this.confirmed = this.params?.token;
      this.confirm();
    }
  }

  async confirm() {
    this.result = null;
    try {
      const { data } = await api.post(`/email-verifications/${encodeURIComponent(this.params?.token ?? '')}`);
      this.result = { ok: true, body: data };
    } catch (problem) {
      this.result = { ok: false, status: problem.status };
    }
    await this.updateComplete;
    this.renderRoot.querySelector('h1')?.focus();
  }

  sentence(answer) {
    if (answer.ok) return `Thank you: ${answer.body.email} is confirmed as your e-mail address. You can close this page or sign in.`;
    switch (answer.status) {
      case 0: return 'There is no connection. Check your network and try again.';
      case 404: return 'This confirmation link does not work: it may be incomplete. Open the link exactly as it came in the mail, or ask for a new one.';
      case 409: return 'This account is disabled, so its address cannot be confirmed. Please contact your shop\'s owner.';
      case 410: return 'This confirmation link has expired or was sent to an address your account no longer has. Sign in and ask for a new one.';
      case 429: return 'Too many attempts from your network. Please wait a minute and try again.';
      default: return 'Your address could not be confirmed just now. Please try again in a moment.';
    }
  }

  render() {
    if (!this.result) return html`<p role="status">Confirming your e-mail address…</p>`;
    const retry = this.result.status === 0 || this.result.status === 429 || this.result.status >= 500;
    return html`
      <h1 tabindex="-1">${this.result.ok ? 'E-mail address confirmed' : 'Not confirmed'}</h1>
      <p role="status">${this.sentence(this.result)}</p>
      ${retry ? html`<button @click=${() => this.confirm()}>Try again</button>` : ''}
      <p><a href="/">Go to Mechanics</a></p>`;
  }

  static styles = [base, css`
    h1:focus { outline: none; }
  `];
}

customElements.define('email-verification-screen', EmailVerificationScreen);
