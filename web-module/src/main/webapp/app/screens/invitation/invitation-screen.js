// "/invitations/{token}": the mailed invitation link. The new user sets a password, then signs in.
import { LitElement, html, css, nothing } from 'lit';
import { api, signIn } from '../../api.js';
import { navigate } from '../../router.js';
import { session } from '../../session.js';
import { field, formValues } from '../../ui/forms.js';
import { base } from '../../ui/styles.js';

class InvitationScreen extends LitElement {
  static properties = { params: { attribute: false }, problem: { state: true }, busy: { state: true },
    mismatch: { state: true } };

  static styles = [base, css`.card { max-width: 28rem; margin: 2rem auto; }`];

  async submit(event) {
    event.preventDefault();
    const { password, repeat } = formValues(event.target);
    this.problem = null;
    this.mismatch = password !== repeat ? 'The two passwords differ.' : null;
    if (this.mismatch) return;
    this.busy = true;
    try {
      const { data } = await api.post(`/invitations/${encodeURIComponent(this.params.token)}`, { password });
      await signIn(data.email, password);
      await session.load();
      navigate('/', { replace: true });
    } catch (problem) {
      this.problem = problem;
    } finally {
      this.busy = false;
    }
  }

  sentence() {
    const p = this.problem;
    if (!p || Object.keys(p.fields).length) return null;
    if (p.status === 404) return 'This invitation link is not valid. Ask your manager for a new one.';
    if (p.status === 409) return 'This invitation was already accepted. Sign in with your e-mail and password.';
    if (p.status === 410) return 'This invitation link has expired. Ask your manager to send a new one.';
    return p.sentence;
  }

  render() {
    const sentence = this.sentence();
    return html`<div class="card">
      <h1>Set your password</h1>
      <p>Choose a password of at least 12 characters to finish joining your shop.</p>
      ${sentence ? html`<div class="problem" role="alert">${sentence}
        ${this.problem.status === 409 ? html` <a href="/sign-in">Sign in</a>` : nothing}</div>` : nothing}
      <form @submit=${this.submit} novalidate>
        ${field({ id: 'password', label: 'New password', type: 'password', autocomplete: 'new-password',
          required: true, problem: this.problem, hint: 'At least 12 characters; not a common password.' })}
        ${field({ id: 'repeat', label: 'The same password again', type: 'password', autocomplete: 'new-password',
          required: true, error: this.mismatch })}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>Set password and sign in</button></div>
      </form>
    </div>`;
  }
}
customElements.define('invitation-screen', InvitationScreen);
