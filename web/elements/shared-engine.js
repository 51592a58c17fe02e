// One engine per catalog URL on a page, shared by every element, created
// on first use. Kept on globalThis so two copies of this file (say, the npm
// package and a site's own bundle) still share it.

import { createEngine } from '../index.js';

const registryKey = Symbol.for('@dstudio/pattern-selector/engines');

function registry() {
  globalThis[registryKey] ??= new Map();
  return globalThis[registryKey];
}

/** The shared engine for `catalogUrl` (default: the shipped catalog). */
export function sharedEngine(catalogUrl) {
  const key = catalogUrl ? new URL(catalogUrl, document.baseURI).href : 'default';
  const engines = registry();
  if (!engines.has(key)) {
    const pending = createEngine(catalogUrl ? { catalog: new URL(key) } : {});
    // A failed load is forgotten, so a retry loads again.
    pending.catch(() => engines.delete(key));
    engines.set(key, pending);
  }
  return engines.get(key);
}
