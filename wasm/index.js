// pattern-selector for browsers, workers and bundlers.

import { createEngineWith, engineForWith, explorerOpeningWith, getPatternWith, openingAppliesWith, searchEngineWith } from './engine.js';

export { Engine, PatselError, configure, defaultEngineOptions } from './engine.js';

// Relative URLs resolve against the page (or the worker's script).
const base = () => globalThis.document?.baseURI ?? globalThis.location?.href;

// `fresh`: revalidate with the server instead of trusting the HTTP cache (a retry).
async function fetchOk(url, { fresh = false } = {}) {
  const response = await fetch(url, { credentials: 'same-origin', cache: fresh ? 'no-cache' : 'default' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

const browserIo = {
  defaultWasm: new URL('./selector.wasm', import.meta.url),
  searchWasm: new URL('./selector-search.wasm', import.meta.url),
  defaultCatalog: new URL('./catalog.json', import.meta.url),
  searchCatalog: new URL('./search-catalog.json', import.meta.url),
  shardUrl: (id) => new URL(`./patterns/${id}.json`, import.meta.url),
  // A literal specifier, so bundlers see the module and keep it.
  openingText: async () => (await import('./explorer-opening-answers.js')).default,
  resolve: (path) => new URL(path, base()),
  async readText(url, options) {
    return (await fetchOk(url, options)).text();
  },
  async compile(source, options) {
    if (source instanceof Uint8Array || source instanceof ArrayBuffer) return WebAssembly.compile(source);
    const url = source instanceof URL ? source : new URL(source, base());
    if (typeof WebAssembly.compileStreaming === 'function') {
      try {
        return await WebAssembly.compileStreaming(fetchOk(url, options));
      } catch (error) {
        // Servers that send the wrong MIME type make streaming fail with a
        // TypeError; compiling from the bytes still works.
        if (!(error instanceof TypeError)) throw error;
      }
    }
    return WebAssembly.compile(await (await fetchOk(url, options)).arrayBuffer());
  },
};

/**
 * Creates an engine over the shipped catalog, or the one in `options.catalog`
 * (an object, JSON text, bytes, or a URL).
 */
export function createEngine(options = {}) {
  return createEngineWith(options, browserIo);
}

/**
 * The page's shared engine for a catalog (default: the shipped one); the
 * first call loads it, later calls get the same engine.
 */
export function engineFor(options) {
  return engineForWith(options, browserIo);
}

/**
 * The page's shared engine for searching: with the shipped catalog, one
 * over its small search catalog unless the full engine is already loaded
 * (see searchEngineWith in engine.js).
 */
export function searchEngine(options) {
  return searchEngineWith(options, browserIo);
}

/** Starts loading the shared engine now, for pages that know they need it. */
export function preload(options) {
  engineFor(options).catch(() => {});  // errors surface where the engine is used
}

/**
 * One pattern and the titles of the patterns it names, for a pattern page:
 * from a small per-pattern file when the page has no engine yet.
 */
export function getPattern(id, options) {
  return getPatternWith(id, options, browserIo);
}

/**
 * The explorer's opening answers, computed when the package was built, or
 * null with another catalog (see explorerOpeningWith in engine.js).
 */
export function explorerOpening(options) {
  return explorerOpeningWith(options, browserIo);
}

/**
 * Whether the opening answers apply to an explorer with these options now
 * (the shipped catalog, no engine loaded yet); what <patsel-explorer> asks
 * before it paints the answers it imports itself.
 */
export function openingApplies(options) {
  return openingAppliesWith(options, browserIo);
}
