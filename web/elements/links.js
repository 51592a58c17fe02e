// Where pattern links go. By default an element links a pattern to
// `base-url` + id + "/" (dom.js's patternHref). A site that knows its own
// pages (the MkDocs hook writes the map for its site) sets them here once,
// before the elements render: then every pattern link of every element goes
// to the site's page for it, and a pattern the site has no page for is
// shown as text, never as a link to a page that does not exist.
//
//   import { setPatternPages } from '/patsel/elements/links.js';
//   setPatternPages({ saga: 'patterns/saga/', outbox: 'patterns/outbox/' }, { base: 'https://docs.example/' });

let pages = null;

/**
 * Sets the page of each pattern id: `{id: url}`, each URL resolved against
 * `base` (default: the document's base URL). null removes the map.
 */
export function setPatternPages(map, { base } = {}) {
  if (map == null) {
    pages = null;
    return;
  }
  const against = base ?? document.baseURI;
  pages = new Map();
  for (const [id, url] of Object.entries(map)) {
    if (typeof url !== 'string') continue;
    try {
      pages.set(id, new URL(url, against).href);
    } catch {
      // a URL that does not parse gives no link
    }
  }
}

/** The mapped URL of a pattern's page; null when the map has none; undefined without a map. */
export function mappedPage(id) {
  if (!pages) return undefined;
  return pages.get(id) ?? null;
}
