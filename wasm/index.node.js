// pattern-selector for Node 18+ (ESM). Reads the module's own files from
// disk, since Node's fetch cannot read file: URLs.

import { readFile } from 'node:fs/promises';
import { createEngineWith } from './engine.js';

export { Engine, PatselError, defaultEngineOptions } from './engine.js';

const nodeIo = {
  defaultWasm: new URL('./selector.wasm', import.meta.url),
  defaultCatalog: new URL('./catalog.json', import.meta.url),
  async readText(source) {
    const url = source instanceof URL ? source : new URL(source, `file://${process.cwd()}/`);
    if (url.protocol === 'file:') return readFile(url, 'utf8');
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.text();
  },
  async instantiate(source, imports) {
    const bytes =
      source instanceof Uint8Array || source instanceof ArrayBuffer ? source : await readFile(new URL(source, `file://${process.cwd()}/`));
    return (await WebAssembly.instantiate(bytes, imports)).instance;
  },
};

/**
 * Creates an engine over the shipped catalog, or the one in `options.catalog`
 * (an object, JSON text, bytes, a path or a URL).
 */
export function createEngine(options = {}) {
  return createEngineWith(options, nodeIo);
}
