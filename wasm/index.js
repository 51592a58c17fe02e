// pattern-selector for browsers, workers and bundlers.

import { createEngineWith } from './engine.js';

export { Engine, PatselError, defaultEngineOptions } from './engine.js';

async function fetchOk(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

const browserIo = {
  defaultWasm: new URL('./selector.wasm', import.meta.url),
  defaultCatalog: new URL('./catalog.json', import.meta.url),
  async readText(url) {
    return (await fetchOk(url)).text();
  },
  async instantiate(source, imports) {
    if (source instanceof Uint8Array || source instanceof ArrayBuffer)
      return (await WebAssembly.instantiate(source, imports)).instance;
    const url = source instanceof URL ? source : new URL(source, document.baseURI);
    if (typeof WebAssembly.instantiateStreaming === 'function') {
      try {
        return (await WebAssembly.instantiateStreaming(fetchOk(url), imports)).instance;
      } catch (error) {
        // Servers that send the wrong MIME type make streaming fail with a
        // TypeError; compiling from the bytes still works.
        if (!(error instanceof TypeError)) throw error;
      }
    }
    const bytes = await (await fetchOk(url)).arrayBuffer();
    return (await WebAssembly.instantiate(bytes, imports)).instance;
  },
};

/**
 * Creates an engine over the shipped catalog, or the one in `options.catalog`
 * (an object, JSON text, bytes, or a URL).
 */
export function createEngine(options = {}) {
  return createEngineWith(options, browserIo);
}
