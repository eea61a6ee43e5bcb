// "/": each role's start page (the desk's board, the technician's jobs).
import { LitElement, html } from 'lit';
import { navigate } from '../../router.js';
import { DESK, ROLES, session } from '../../session.js';
import { routes } from '../../routes.js';

class HomeScreen extends LitElement {
  connectedCallback() {
    super.connectedCallback();
    const known = (path) => routes.some((r) => r.path === path);
    if (session.hasAnyRole(DESK)) navigate('/board', { replace: true });
    else if (session.roles.has(ROLES.TECHNICIAN) && known('/my-jobs')) navigate('/my-jobs', { replace: true });
  }

  render() {
    return html`<h1>Welcome</h1><p>Choose a page in the navigation above.</p>`;
  }
}
customElements.define('home-screen', HomeScreen);
