// A tiny router: matches location.pathname against routes.js, follows links inside shadow roots, and tells
// the shell when the route changes. navigate('/work-orders/123') from code; <a href="/board"> in templates.
import { routes } from './routes.js';

const listeners = new Set();

function compile(path) {
  const names = [];
  const pattern = path.replace(/:([a-zA-Z]+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  });
  return { regex: new RegExp(`^${pattern}/?$`), names };
}

const compiled = routes.map((route) => ({ route, ...compile(route.path) }));

/** The route of a path and its parameters ({id: …}), or null. */
export function match(pathname) {
  for (const { route, regex, names } of compiled) {
    const m = regex.exec(pathname);
    if (m) {
      const params = {};
      names.forEach((name, i) => { params[name] = decodeURIComponent(m[i + 1]); });
      return { route, params };
    }
  }
  return null;
}

export function current() {
  return { path: location.pathname, query: new URLSearchParams(location.search), ...match(location.pathname) };
}

export function onRouteChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  listeners.forEach((l) => l(current()));
}

export function navigate(path, { replace = false } = {}) {
  if (path === location.pathname + location.search) return notify();
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  notify();
}

window.addEventListener('popstate', notify);

// Same-origin links without a target are handled here, also inside components' shadow roots.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey) return;
  const anchor = event.composedPath().find((el) => el instanceof HTMLAnchorElement);
  if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.origin !== location.origin) return;
  if (anchor.pathname.startsWith('/api/')) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
});
