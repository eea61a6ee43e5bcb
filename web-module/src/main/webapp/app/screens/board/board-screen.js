// Being built: see docs/ui.md.
import { LitElement, html } from 'lit';
import { base } from '../../ui/styles.js';

class BoardScreen extends LitElement {
  static properties = { params: { attribute: false }, query: { attribute: false } };
  static styles = [base];

  render() {
    return html`<h1>Coming soon</h1>`;
  }
}
customElements.define('board-screen', BoardScreen);
