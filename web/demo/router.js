// The demo's hash routes: "#/pattern/saga/" is the view of a pattern, the
// query holds the elements' own state (?explorer=q.retry#/search), so a view
// can be shared and reloaded, from a server or from a file:// copy.
//
// Links that stay on this document, the page's own and those inside the
// elements (which announce them with `patsel-navigate`), are followed here
// with history.pushState, without reloading the page; Back and Forward redraw the view of the entry
// and put its scroll position back. Moving within one view (an explorer's
// page, a tree's answer) is the element's own business: the view is redrawn
// only when the route changes.

const scrolls = new Map();   // href -> scrollY when the reader left it

/** `#/tree/caching-strategy/` as ['tree', 'caching-strategy']. */
export function routeOf(hash) {
  return String(hash).replace(/^#/, '').split('/').filter(Boolean).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}

/** True when `url` (a URL) is this document: same scheme, host and path. */
function sameDocument(url) {
  return url.protocol === location.protocol && url.host === location.host && url.pathname === location.pathname;
}

/**
 * Starts the router: `render(route, {restored})` draws the view of a route
 * into the page and resolves once it is there; `busy()` is true while the
 * view's elements are still loading. Returns `navigate(href)`.
 */
export function startRouter(render, { busy = () => false } = {}) {
  history.scrollRestoration = 'manual';
  let shown = null;        // the hash whose view is shown
  let shownHref = null;    // and its address, which scrolling is recorded for
  let request = 0;

  async function show({ force = false, restore = false } = {}) {
    const hash = location.hash || '#/';
    if (!force && hash === shown) return;
    // Where the reader leaves the view on screen: a scroll just before a link
    // is followed may have no scroll event yet (they come once a frame).
    if (shownHref) scrolls.set(shownHref, scrollY);
    shown = hash;
    const mine = ++request;
    const target = restore ? scrolls.get(location.href) ?? 0 : 0;
    await render(routeOf(hash), { restored: restore });
    if (mine !== request) return;
    shownHref = location.href;
    // A new view starts at the top; only Back and Forward have a place to keep.
    if (target > 0) settleScroll(target, () => mine === request, busy);
    else window.scrollTo(0, 0);
  }

  function navigate(href) {
    const url = new URL(href, location.href);
    if (!sameDocument(url)) {
      location.assign(url.href);
      return;
    }
    if (url.href !== location.href) history.pushState(null, '', url.href);
    show({ force: true });
  }

  // A link of the page itself.
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || (link.getAttribute('target') ?? '_self') !== '_self' || link.hasAttribute('download')) return;
    const url = new URL(link.getAttribute('href'), location.href);
    if (!sameDocument(url)) return;
    event.preventDefault();
    navigate(url.href);
  });
  // A link inside an element: the element asks first (patsel-navigate).
  document.addEventListener('patsel-navigate', (event) => {
    const url = new URL(event.detail.href, location.href);
    if (!sameDocument(url)) return;
    event.preventDefault();
    navigate(url.href);
  });

  // The scroll position of every address the reader has been at, for Back:
  // of the view on screen, not of the address bar, which a link followed
  // right after a scroll has changed before the scroll's event arrives.
  window.addEventListener('scroll', () => shownHref && scrolls.set(shownHref, scrollY), { passive: true });
  window.addEventListener('popstate', () => show({ restore: true }));
  window.addEventListener('hashchange', () => show({ restore: true }));

  show();
  return navigate;
}

// The view's elements draw after the engine answers, and each one grows the
// page as it does. Until they have all drawn and the page has kept its height
// for a moment, keep the reader at the position they left (the browser's
// scroll anchoring would otherwise shift them by what grew above), unless
// they move first. The limit is for an element that never finishes; a slow
// machine can take seconds to answer.
const SETTLE_MS = 8000;
const STILL_MS = 250;

function settleScroll(target, current, busy) {
  const started = performance.now();
  const root = document.documentElement;
  let height = -1;
  let stillSince = started;
  let readerMoved = false;
  const moved = () => { readerMoved = true; };
  const inputs = ['wheel', 'touchstart', 'keydown', 'pointerdown'];
  for (const type of inputs) window.addEventListener(type, moved, { passive: true, once: true });
  root.style.overflowAnchor = 'none';
  const done = () => {
    root.style.overflowAnchor = '';
    for (const type of inputs) window.removeEventListener(type, moved);
  };
  const step = () => {
    if (!current() || readerMoved) return done();
    const now = performance.now();
    if (root.scrollHeight !== height || busy()) {
      height = root.scrollHeight;
      stillSince = now;
    }
    if (Math.abs(scrollY - target) > 1) window.scrollTo(0, target);
    const settled = Math.abs(scrollY - target) <= 1 && now - stillSince >= STILL_MS;
    if (settled || now - started >= SETTLE_MS) return done();
    requestAnimationFrame(step);
  };
  step();
}
