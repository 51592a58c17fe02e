// pattern-selector for Node 18+ (ESM). Reads the module's own files from
// disk, since Node's fetch cannot read file: URLs.

import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { createEngineWith, engineForWith, explorerOpeningWith, getPatternWith, openingAppliesWith, searchEngineWith } from './engine.js';

export { Engine, PatselError, configure, defaultEngineOptions } from './engine.js';

// Relative paths resolve against the working directory; URLs stay as they are.
const resolve = (path) => (/^[a-z][a-z0-9+.-]*:/i.test(path) ? new URL(path) : pathToFileURL(path));

const nodeIo = {
  defaultWasm: new URL('./selector.wasm', import.meta.url),
  searchWasm: new URL('./selector-search.wasm', import.meta.url),
  defaultCatalog: new URL('./catalog.json', import.meta.url),
  searchCatalog: new URL('./search-catalog.json', import.meta.url),
  shardUrl: (id) => new URL(`./patterns/${id}.json`, import.meta.url),
  // A literal specifier, so bundlers see the module and keep it.
  openingText: async () => (await import('./explorer-opening-answers.js')).default,
  resolve,
  async readText(source, { fresh = false } = {}) {
    const url = source instanceof URL ? source : resolve(source);
    if (url.protocol === 'file:') return readFile(url, 'utf8');
    const response = await fetch(url, { cache: fresh ? 'no-cache' : 'default' });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.text();
  },
  async compile(source) {
    const bytes =
      source instanceof Uint8Array || source instanceof ArrayBuffer
        ? source
        : await readFile(source instanceof URL ? source : resolve(source));
    return WebAssembly.compile(bytes);
  },
};

/**
 * Creates an engine over the shipped catalog, or the one in `options.catalog`
 * (an object, JSON text, bytes, a path or a URL).
 */
export function createEngine(options = {}) {
  return createEngineWith(options, nodeIo);
}

/** The process's shared engine for a catalog; the first call loads it. */
export function engineFor(options) {
  return engineForWith(options, nodeIo);
}

/**
 * The page's shared engine for searching: with the shipped catalog, one
 * over its small search catalog unless the full engine is already loaded
 * (see searchEngineWith in engine.js).
 */
export function searchEngine(options) {
  return searchEngineWith(options, nodeIo);
}

/** Starts loading the shared engine now. */
export function preload(options) {
  engineFor(options).catch(() => {});
}

/**
 * One pattern and the titles of the patterns it names, for a pattern page:
 * from a small per-pattern file when the page has no engine yet.
 */
export function getPattern(id, options) {
  return getPatternWith(id, options, nodeIo);
}

/**
 * The explorer's opening answers, computed when the package was built, or
 * null with another catalog (see explorerOpeningWith in engine.js).
 */
export function explorerOpening(options) {
  return explorerOpeningWith(options, nodeIo);
}

/**
 * Whether the opening answers apply to an explorer with these options now
 * (the shipped catalog, no engine loaded yet); what <patsel-explorer> asks
 * before it paints the answers it imports itself.
 */
export function openingApplies(options) {
  return openingAppliesWith(options, nodeIo);
}
