// Loading an engine in Node for the benchmarks, through the package's own
// Node entry (dist/index.node.js), with the wasm heap size made visible.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dist, root } from '../tests/browser/support.mjs';

// The project root and the dist/ under test (PATSEL_DIST), as the tests see them.
export { dist, root } from '../tests/browser/support.mjs';

// The JS API keeps the wasm instance to itself; the benchmark notes the
// memory of each instance created so it can report the heap.
let lastMemory;
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async (...args) => {
  const result = await instantiate(...args);
  const exports = (result.instance ?? result).exports;
  lastMemory = Object.values(exports).find((value) => value instanceof WebAssembly.Memory);
  return result;
};

const api = await import(pathToFileURL(path.join(dist, 'index.node.js')).href);
const wasm = await readFile(path.join(dist, 'selector.wasm'));

/** A fresh engine (its own wasm instance) over `catalogText`: {engine, ms, heap_bytes}. */
export async function loadEngine(catalogText, limits) {
  const start = performance.now();
  const engine = await api.createEngine({ catalog: catalogText, wasm, limits });
  const ms = performance.now() - start;
  return { engine, ms, heap_bytes: lastMemory.buffer.byteLength };
}

// The modules built only for the benchmarks (build/wasm/wasm, or PATSEL_BOUNDARY_DIR).
const benchModules = process.env.PATSEL_BOUNDARY_DIR ?? path.join(root, 'build', 'wasm', 'wasm');

/** The instance of the benchmark module `name` (`boundary_bench`, `query_cost_bench`), its wasm read from disk. */
export async function loadBenchModule(name) {
  const { default: create } = await import(pathToFileURL(path.join(benchModules, `${name}.mjs`)).href);
  const bytes = await readFile(path.join(benchModules, `${name}.wasm`));
  return create({
    instantiateWasm(imports, done) {
      WebAssembly.instantiate(bytes, imports).then(({ instance }) => done(instance));
      return {};
    },
  });
}
