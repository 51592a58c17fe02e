// JSON strings or emscripten::val across the wasm boundary? Times both on
// the engine's own answers (a search page, facet counts, a pattern record,
// a tree step) and on a search request going in: the string way is
// JSON.stringify / C++ parse in and C++ dump / JSON.parse out; the val way
// builds the objects property by property through Embind
// (bench/boundary/boundary.cpp, built only for the benchmark).
// As a module: benchBoundary({ rounds }) -> rows.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, loadBenchModule, loadEngine } from './node-engine.mjs';
import { explorerRequest, timeEach, treeWalks } from './workloads.mjs';

export async function benchBoundary({ rounds = 200 } = {}) {
  const module = await loadBenchModule('boundary_bench');
  const decoder = new TextDecoder();
  const { engine } = await loadEngine(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
  const request = explorerRequest('retry');
  const documents = [
    ['search answer ("retry", 24 hits, facet counts)', engine.search(request)],
    ['every facet\'s counts, all values (0 hits)', engine.search({ query: '', facet_limit: 100000, limit: 0 })],
    ['pattern record (circuit-breaker)', engine.pattern('circuit-breaker')],
    ['tree step', engine.treeStep(treeWalks(engine)[0])],
  ];
  const rows = [];
  for (const [what, answer] of documents) {
    const boundary = new module.Boundary(JSON.stringify(answer));
    const string = timeEach(() => JSON.parse(decoder.decode(boundary.asText())), [0], rounds);
    const value = timeEach(() => boundary.asVal(), [0], rounds);
    rows.push({ what: `out: ${what}`, bytes: JSON.stringify(answer).length, string_ms: string.median_ms, val_ms: value.median_ms });
    boundary.delete();
  }
  const holder = new module.Boundary('{}');
  const string = timeEach(() => holder.fromString(JSON.stringify(request)), [0], rounds);
  const value = timeEach(() => holder.fromVal(request), [0], rounds);
  rows.push({ what: 'in: explorer search request', bytes: JSON.stringify(request).length, string_ms: string.median_ms, val_ms: value.median_ms });
  holder.delete();
  engine.dispose();
  for (const row of rows) row.val_over_string = row.val_ms / row.string_ms;
  return rows;
}
