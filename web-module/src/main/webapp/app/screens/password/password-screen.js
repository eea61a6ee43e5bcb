// "/password": change one's password. Every session of the user ends, so they sign in again.
import { LitElement, html, css } from 'lit';
import { api, signOut } from '../../api.js';
import { navigate } from '../../router.js';
import { field, formValues, problemBanner } from '../../ui/forms.js';
import { base } from '../../ui/styles.js';

class PasswordScreen extends LitElement {
  static properties = { problem: { state: true }, busy: { state: true }, mismatch: { state: true } };

  static styles = [base, css`form { max-width: 28rem; }`];

  async submit(event) {
    event.preventDefault();
    const { currentPassword, newPassword, repeat } = formValues(event.target);
    this.problem = null;
    this.mismatch = newPassword !== repeat ? 'The two new passwords differ.' : null;
    if (this.mismatch) return;
    this.busy = true;
    try {
      await api.post('/auth/password', { currentPassword, newPassword });
      await signOut().catch(() => {});
      navigate('/sign-in?changed=1', { replace: true });
    } catch (problem) {
      this.problem = problem;
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<h1>Change password</h1>
      <p>After the change you sign in again, on every device.</p>
      ${problemBanner(this.problem)}
      <form @submit=${this.submit} novalidate>
        ${field({ id: 'currentPassword', label: 'Current password', type: 'password',
          autocomplete: 'current-password', required: true, problem: this.problem })}
        ${field({ id: 'newPassword', label: 'New password', type: 'password', autocomplete: 'new-password',
          required: true, problem: this.problem, hint: 'At least 12 characters; not a common password.' })}
        ${field({ id: 'repeat', label: 'The new password again', type: 'password', autocomplete: 'new-password',
          required: true, error: this.mismatch })}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>Change password</button></div>
      </form>`;
  }
}
customElements.define('password-screen', PasswordScreen);
