// Where a typed query's time goes, in the wasm module under Node: the
// engine's stages timed one by one inside wasm (bench/query_cost, built
// only for the benchmark), then what JS adds: the answer crossing from wasm
// memory into a JS string, JSON.parse, and the JS API's own wrapping
// (params to JSON, the envelope). Run on the shipped catalog and on
// synthetic ones, with the explorer's request for every typed prefix.
// As a module: benchQueryCost({ sizes, rounds }) -> rows.
// `node bench/query-cost.mjs [--sizes 10000] [--rounds 5]` prints them.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dist, loadBenchModule, loadEngine } from './node-engine.mjs';
import { syntheticCatalog } from './scale.mjs';
import { REAL_QUERIES, SYNTHETIC_QUERIES, explorerRequest, typedPrefixes } from './workloads.mjs';

const self = fileURLToPath(import.meta.url);
const LIMITS = { max_catalog_bytes: 256 * 1024 * 1024 };

const decoder = new TextDecoder();
const sum = (values) => values.reduce((a, b) => a + b, 0);
const timed = (run) => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

/**
 * One catalog's split, in ms per request. Each round times every part of
 * every request (the C++ stages, the crossing, JSON.parse, the whole JS
 * API call) one after the other, so all parts see the same load; per
 * request and part the fastest round is kept.
 */
async function split(module, what, text, queries, rounds) {
  const requests = typedPrefixes(queries).map((q) => explorerRequest(q));
  const requestsText = JSON.stringify(requests);
  const cost = new module.QueryCost(text, JSON.stringify(LIMITS));
  const { engine } = await loadEngine(text, LIMITS);
  try {
    // A warm-up round, so V8 has optimized the wasm code.
    const first = JSON.parse(cost.measure(requestsText, 1));
    if (first.error) throw new Error(`${what}: ${first.error}`);
    for (let i = 0; i < 200; i++) engine.search(requests[i % requests.length]);
    const best = { stages: {}, crossing: [], parse: [], whole: [] };
    for (const name of Object.keys(first.stages)) best.stages[name] = requests.map(() => Infinity);
    for (const part of ['crossing', 'parse', 'whole']) best[part] = requests.map(() => Infinity);
    for (let round = 0; round < rounds; round++) {
      const measured = JSON.parse(cost.measure(requestsText, 1));
      for (const [name, times] of Object.entries(measured.stages)) times.forEach((t, i) => (best.stages[name][i] = Math.min(best.stages[name][i], t)));
      requests.forEach((request, i) => {
        best.crossing[i] = Math.min(best.crossing[i], timed(() => decoder.decode(cost.answer(i))));
        const answer = decoder.decode(cost.answer(i));
        best.parse[i] = Math.min(best.parse[i], timed(() => JSON.parse(answer)));
        best.whole[i] = Math.min(best.whole[i], timed(() => engine.search(request)));
      });
    }
    // Writing the answer is what the api call spends besides the other
    // stages: taken again from the fastest of each, so they add up to it.
    const timedApart = Object.keys(best.stages).filter((name) => name !== 'api_call' && name !== 'write_answer');
    best.stages.write_answer = best.stages.api_call.map((api, i) => Math.max(0, api - sum(timedApart.map((name) => best.stages[name][i]))));
    const n = requests.length;
    const stages = Object.fromEntries(Object.entries(best.stages).map(([name, times]) => [name, sum(times) / n]));
    const row = {
      catalog: what,
      requests: n,
      answer_bytes: sum(first.answer_bytes) / n,
      stages,
      crossing_ms: sum(best.crossing) / n,
      json_parse_ms: sum(best.parse) / n,
      js_api_ms: sum(best.whole) / n,
    };
    // The JS API's own part: the params to JSON and in, the envelope unwrapped.
    row.js_rest_ms = Math.max(0, row.js_api_ms - row.crossing_ms - row.json_parse_ms - stages.api_call);
    return row;
  } finally {
    cost.delete();
    engine.dispose();
  }
}

export async function benchQueryCost({ sizes = [10000], rounds = 5 } = {}) {
  const module = await loadBenchModule('query_cost_bench');
  const rows = [await split(module, 'shipped', await readFile(path.join(dist, 'catalog.json'), 'utf8'), REAL_QUERIES, rounds)];
  for (const patterns of sizes) {
    const text = await readFile(await syntheticCatalog(patterns), 'utf8');
    rows.push(await split(module, `${patterns} synthetic`, text, SYNTHETIC_QUERIES, rounds));
  }
  return rows;
}

if (process.argv[1] === self) {
  const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
  const sizes = option('--sizes', '10000').split(',').filter(Boolean).map(Number);
  console.log(JSON.stringify(await benchQueryCost({ sizes, rounds: Number(option('--rounds', 5)) }), null, 2));
}
