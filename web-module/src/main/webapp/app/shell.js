// <mechanics-app>: the shell. Restores the session from the refresh cookie, loads the user and their shops,
// renders the header (shop switcher, navigation by role, the user, sign out) and the current route's screen.
import { LitElement, html, css, nothing } from 'lit';
import { isSignedIn, onSessionChange, refresh, signOut } from './api.js';
import { current, navigate, onRouteChange } from './router.js';
import { routes } from './routes.js';
import { session } from './session.js';
import { label } from './format.js';
import { base } from './ui/styles.js';

class MechanicsApp extends LitElement {
  static properties = { state: { state: true }, where: { state: true } };

  static styles = [base, css`
    :host { min-height: 100vh; display: flex; flex-direction: column; }
    header { background: var(--header); color: #fff; padding: .5rem 1rem; display: flex; flex-wrap: wrap;
      gap: .5rem 1rem; align-items: center; }
    header a, header button.link { color: #fff; }
    .brand { font-weight: 700; margin-right: auto; color: #fff; text-decoration: none; font-size: 1.1rem; }
    nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
    nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
    .shop select { width: auto; min-height: 2.25rem; padding: .25rem; }
    .shop label { display: inline; margin: 0 .4rem 0 0; font-weight: 400; }
    .user { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
    main { flex: 1; padding: 1rem; max-width: 80rem; width: 100%; margin: 0 auto; }
    main.bare { max-width: 40rem; }
    :focus-visible { outline-color: var(--focus-on-dark); }
    main :focus-visible { outline-color: var(--focus); }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1rem; top: .5rem; background: #fff; color: var(--text); padding: .5rem; z-index: 10; }
  `];

  constructor() {
    super();
    this.state = 'starting';
    this.where = current();
  }

  connectedCallback() {
    super.connectedCallback();
    this.stops = [
      onRouteChange((where) => { this.where = where; this.guard(); }),
      onSessionChange((signedIn) => { if (!signedIn) this.ended(); }),
    ];
    const onChange = () => this.requestUpdate();
    session.addEventListener('change', onChange);
    this.stops.push(() => session.removeEventListener('change', onChange));
    this.start();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stops.forEach((stop) => stop());
  }

  async start() {
    if (this.where.route?.public) {
      this.state = 'ready';
      // a public page still knows the staff member who has a session, but does not wait for it
      refresh().then((ok) => ok && session.load()).catch(() => {});
      return;
    }
    // the screen's module loads while the session is restored (not after): a shorter first paint
    this.where.route?.load().catch(() => {});
    try {
      if (await refresh()) await session.load();
    } catch {
      // the server is unreachable or refused: the sign-in page says so when they try
    }
    this.state = 'ready';
    this.guard();
  }

  /** Sends a visitor without a session to the sign-in page, remembering where they were going. */
  guard() {
    const route = this.where.route;
    if (this.state !== 'ready' || !route || route.public) return;
    if (!isSignedIn() || !session.me) {
      const next = this.where.path + location.search;
      navigate(`/sign-in${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`, { replace: true });
    }
  }

  ended() {
    session.clear();
    if (!this.where.route?.public) navigate('/sign-in', { replace: true });
  }

  async signOut() {
    await signOut().catch(() => {});
    session.clear();
    navigate('/sign-in');
  }

  updated() {
    const title = this.where.route?.title;
    document.title = title && title !== 'Mechanics' ? `${title} · Mechanics` : 'Mechanics';
  }

  render() {
    if (this.state !== 'ready') return html`<main><p role="status">Loading…</p></main>`;
    const { route, params, query } = this.where;
    if (!route) {
      return html`${this.header()}<main id="main"><h1>Page not found</h1>
        <p>There is no page at this address. <a href="/">Go to the start page</a>.</p></main>`;
    }
    if (!route.public && !session.me) return html`<main><p role="status">Loading…</p></main>`;
    if (route.roles && !session.hasAnyRole(route.roles)) {
      return html`${this.header()}<main id="main"><h1>Not for your role</h1>
        <p>This page is not part of your work. <a href="/">Go to the start page</a>.</p></main>`;
    }
    return html`${route.bare ? nothing : this.header()}
      <main id="main" class=${route.bare ? 'bare' : ''}>
        <route-outlet .route=${route} .params=${params} .query=${query}></route-outlet>
      </main>`;
  }

  header() {
    if (!session.me) return nothing;
    const links = routes.filter((r) => r.nav && (!r.roles || session.hasAnyRole(r.roles)));
    return html`<a class="skip" href="#main" @click=${this.skip}>Skip to content</a>
      <header>
        <a class="brand" href="/">Mechanics</a>
        ${this.shopSwitcher()}
        <nav aria-label="Main"><ul>
          ${links.map((r) => html`<li><a href=${r.path}
            aria-current=${this.where.route === r ? 'page' : nothing}>${r.nav}</a></li>`)}
        </ul></nav>
        <div class="user">
          <span>${session.me.name || session.me.email}${session.role
            ? html` <span class="role">(${label(session.role)})</span>` : nothing}</span>
          <a href="/password">Password</a>
          <button class="link" type="button" @click=${this.signOut}>Sign out</button>
        </div>
      </header>`;
  }

  skip(event) {
    event.preventDefault();
    this.renderRoot.querySelector('main')?.focus();
  }

  shopSwitcher() {
    if (session.shops.length <= 1 && !session.isOwner) {
      return session.shop ? html`<span class="shop">${session.shop.name}</span>` : nothing;
    }
    return html`<div class="shop"><label for="shop">Shop</label>
      <select id="shop" @change=${(e) => session.chooseShop(e.target.value)}>
        ${session.isOwner ? html`<option value="" ?selected=${!session.shopId}>All shops</option>` : nothing}
        ${session.shops.map((s) => html`<option value=${s.id} ?selected=${s.id === session.shopId}>${s.name}</option>`)}
      </select></div>`;
  }
}

/** Loads the route's screen module on first use and renders its element with the route's parameters. */
class RouteOutlet extends LitElement {
  static properties = { route: { attribute: false }, params: { attribute: false }, query: { attribute: false },
    loaded: { state: true }, failed: { state: true } };

  createRenderRoot() {
    return this; // the screen is the outlet's only child: no extra shadow root
  }

  willUpdate(changed) {
    if (changed.has('route')) {
      this.loaded = customElements.get(this.route.tag) !== undefined;
      this.failed = false;
      if (!this.loaded) {
        this.route.load().then(() => { this.loaded = true; }).catch(() => { this.failed = true; });
      }
    }
  }

  render() {
    if (this.failed) return html`<p class="problem" role="alert">This page could not be loaded. Check the connection and reload.</p>`;
    if (!this.loaded) return html`<p role="status">Loading…</p>`;
    const element = this.element?.localName === this.route.tag ? this.element : document.createElement(this.route.tag);
    this.element = element;
    element.params = this.params;
    element.query = this.query;
    return element;
  }
}

customElements.define('route-outlet', RouteOutlet);
customElements.define('mechanics-app', MechanicsApp);
