// Sign-in: e-mail and password. The access token stays in memory; the refresh token is an HttpOnly cookie.
import { LitElement, html, css, nothing } from 'lit';
import { signIn } from '../../api.js';
import { navigate } from '../../router.js';
import { session } from '../../session.js';
import { field, formValues } from '../../ui/forms.js';
import { base } from '../../ui/styles.js';

class SignInScreen extends LitElement {
  static properties = { query: { attribute: false }, problem: { state: true }, busy: { state: true },
    message: { state: true } };

  static styles = [base, css`.card { max-width: 26rem; margin: 2rem auto; }`];

  async submit(event) {
    event.preventDefault();
    const { email, password } = formValues(event.target);
    this.busy = true;
    this.problem = null;
    this.message = null;
    try {
      await signIn(email.trim(), password);
      await session.load();
      const next = this.query?.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (problem) {
      this.problem = problem;
      this.message = this.sentence(problem);
    } finally {
      this.busy = false;
    }
  }

  sentence(problem) {
    if (problem.status === 401) {
      return 'The e-mail or the password is not right. After several wrong attempts the account is locked for a '
        + 'while: wait a few minutes, or ask your manager to send you a new invitation.';
    }
    if (problem.status === 429) {
      const seconds = Number(problem.retryAfter);
      return `Too many sign-in attempts from this network. Wait ${seconds > 0 ? `${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}` : 'a moment'} and try again.`;
    }
    return problem.sentence ?? 'Signing in failed. Try again.';
  }

  render() {
    return html`<div class="card">
      <h1>Sign in</h1>
      ${this.query?.get('changed') && !this.message
        ? html`<p class="notice" role="status">Your password was changed. Sign in with the new one.</p>` : nothing}
      ${this.message ? html`<div class="problem" role="alert">${this.message}</div>` : nothing}
      <form @submit=${this.submit} novalidate>
        ${field({ id: 'email', label: 'E-mail', type: 'email', autocomplete: 'username', required: true,
          problem: this.problem })}
        ${field({ id: 'password', label: 'Password', type: 'password', autocomplete: 'current-password',
          required: true, problem: this.problem })}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${this.busy ? 'Signing in…' : 'Sign in'}</button></div>
      </form>
    </div>`;
  }
}
customElements.define('sign-in-screen', SignInScreen);
