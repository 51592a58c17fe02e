// The demo: one page, every way into the catalog behind hash routes. Each
// pattern link of every element opens the pattern's view in the page
// (base-url "#/pattern/"); the elements keep their own state in the query.

import { sharedEngine } from './patsel/elements/index.js';
import { el, errorBox } from './patsel/elements/dom.js';
import { routeFromOldLink } from './old-links.js';
import { startRouter } from './router.js';
import { viewOf } from './views.js';

const outlet = document.getElementById('view');
let navigate;

// A link to the demo from before it had routes (?explorer=q.retry) opens the view of that element.
const old = !location.hash && routeFromOldLink(location.search);
if (old) history.replaceState(null, '', `${location.pathname}${location.search}${old}`);

async function render(route) {
  outlet.setAttribute('aria-busy', 'true');
  let view;
  try {
    view = await viewOf(route, { engine: () => sharedEngine(), navigate: (href) => navigate(href) });
  } catch (error) {
    view = { title: 'Something went wrong', body: errorBox('This view could not be shown.', error, () => render(route)) };
  }
  const heading = el('h1', { id: 'view-title', tabindex: '-1' }, view.title);
  outlet.replaceChildren(...[
    view.crumbs ? el('nav', { class: 'crumbs', 'aria-label': 'You are here' }, el('ol', {},
      [{ label: 'Home', href: '#/' }, ...view.crumbs].map((c) => el('li', {}, el('a', { href: c.href }, c.label))))) : null,
    el('header', { class: 'view-head' }, view.before ?? null, heading, view.lead ? el('p', { class: 'lead' }, view.lead) : null),
    view.body,
  ].filter(Boolean));
  outlet.removeAttribute('aria-busy');
  document.title = route.length ? `${view.title} · pattern-selector` : 'pattern-selector: find the right distributed-systems pattern';
  // Keyboard and screen-reader users start at the new view's heading.
  if (document.activeElement !== document.body || route.length) heading.focus({ preventScroll: true });
}

// True while the view or one of its elements still shows a loading state.
function viewBusy() {
  if (outlet.hasAttribute('aria-busy')) return true;
  return [...outlet.querySelectorAll('*')].some((node) => node.shadowRoot?.querySelector('[aria-busy=true]'));
}

navigate = startRouter(render, { busy: viewBusy });
