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
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dist, loadEngine, root } from './node-engine.mjs';
import { syntheticCatalog } from './scale.mjs';
import { REAL_QUERIES, SYNTHETIC_QUERIES, explorerRequest, typedPrefixes } from './workloads.mjs';

const self = fileURLToPath(import.meta.url);
const folder = process.env.PATSEL_BOUNDARY_DIR ?? path.join(root, 'build', 'wasm', 'wasm');
const LIMITS = { max_catalog_bytes: 256 * 1024 * 1024 };

async function queryCostModule() {
  const { default: create } = await import(pathToFileURL(path.join(folder, 'query_cost_bench.mjs')).href);
  const bytes = await readFile(path.join(folder, 'query_cost_bench.wasm'));
  return create({
    instantiateWasm(imports, done) {
      WebAssembly.instantiate(bytes, imports).then(({ instance }) => done(instance));
      return {};
    },
  });
}

/** The fastest of `rounds` runs of `run(input)`, summed over inputs (after a warm-up round). */
function fastestSum(run, inputs, rounds) {
  for (const input of inputs) run(input);
  let sum = 0;
  for (const input of inputs) {
    let best = Infinity;
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      run(input);
      best = Math.min(best, performance.now() - start);
    }
    sum += best;
  }
  return sum;
}

/** One catalog's split: ms per request for each stage, and the JS API's whole call. */
async function split(module, what, text, queries, rounds) {
  const requests = typedPrefixes(queries).map((q) => explorerRequest(q));
  const cost = new module.QueryCost(text, JSON.stringify(LIMITS));
  try {
    cost.measure(JSON.stringify(requests), 1);  // warm-up, so V8 has optimized the wasm code
    const measured = JSON.parse(cost.measure(JSON.stringify(requests), rounds));
    if (measured.error) throw new Error(`${what}: ${measured.error}`);
    const indexes = requests.map((_, i) => i);
    const crossing = fastestSum((i) => cost.answer(i), indexes, rounds);
    const answers = indexes.map((i) => cost.answer(i));
    const parse = fastestSum((i) => JSON.parse(answers[i]), indexes, rounds);
    const { engine } = await loadEngine(text, LIMITS);
    for (let i = 0; i < 200; i++) engine.search(requests[i % requests.length]);
    const whole = fastestSum((r) => engine.search(r), requests, rounds);
    engine.dispose();
    const n = requests.length;
    const stages = Object.fromEntries(Object.entries(measured.stages).map(([name, ms]) => [name, ms / n]));
    return {
      catalog: what,
      requests: n,
      answer_bytes: measured.answer_bytes / n,
      stages,
      crossing_ms: crossing / n,
      json_parse_ms: parse / n,
      js_api_ms: whole / n,
      // The JS API's own part: the params to JSON and in, the envelope unwrapped.
      js_rest_ms: Math.max(0, (whole - crossing - parse - measured.stages.api_call) / n),
    };
  } finally {
    cost.delete();
  }
}

export async function benchQueryCost({ sizes = [10000], rounds = 5 } = {}) {
  const module = await queryCostModule();
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
