// Elements ask the API for the page's shared engine of their catalog: one
// engine per catalog, loaded on first use (see engineFor in the JS API).

import { engineFor, searchEngine } from '../index.js';

// An element's `catalog` attribute as engine options: none means the shipped catalog.
const withCatalog = (catalogUrl) => (catalogUrl ? { catalog: catalogUrl } : undefined);

/** The shared engine for `catalogUrl` (default: the shipped catalog). */
export function sharedEngine(catalogUrl) {
  return engineFor(withCatalog(catalogUrl));
}

/** The shared engine for searching `catalogUrl`: the shipped search catalog without one. */
export function sharedSearchEngine(catalogUrl) {
  return searchEngine(withCatalog(catalogUrl));
}
