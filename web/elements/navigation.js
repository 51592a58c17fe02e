// The hook for a host's own navigation. Links inside an element live in its
// shadow root, where a host's click handling does not see them: a click
// there reaches the page with the element, not the link, as its target (so
// Material for MkDocs' instant navigation, or a single-page router, would
// let the browser load the page in full).
//
// So before a link inside any element is followed, the element dispatches
// `patsel-navigate` (bubbles, composed, cancelable) with
// `{href, pattern}`: the link's absolute URL and, for a pattern link, the
// pattern's id. A host that cancels it navigates its own way; nobody
// cancelling leaves a plain link.
//
//   document.addEventListener('patsel-navigate', (event) => {
//     event.preventDefault();
//     router.go(event.detail.href);
//   });
//
// Only a plain primary click counts: with a modifier key (new tab, new
// window), on a link with a target or a download, the browser does as usual.

export const NAVIGATE_EVENT = 'patsel-navigate';

/** Called by every element for a click inside its shadow root. */
export function announceNavigation(host, event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = linkOf(event, host);
  if (!link) return;
  const target = link.getAttribute('target');
  if ((target && target !== '_self') || link.hasAttribute('download')) return;
  let href;
  try {
    href = new URL(link.getAttribute('href'), link.baseURI).href;
  } catch {
    return;
  }
  const go = host.emit(NAVIGATE_EVENT, { href, pattern: link.getAttribute('data-pattern') ?? undefined }, { cancelable: true });
  if (!go) event.preventDefault();
}

// The link (HTML or SVG <a> with an href) the click is in, inside `host`'s shadow root.
function linkOf(event, host) {
  for (const node of event.composedPath()) {
    if (node === host || node === host.shadowRoot) return null;
    if (node instanceof Element && node.localName === 'a' && node.hasAttribute('href')) return node;
  }
  return null;
}
