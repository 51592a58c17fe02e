// Compares builds of the wasm module (other optimisation levels, LTO,
// wasm-opt passes): size, catalog load and query times on the shipped
// catalog in Node, each build in fresh processes, the builds taking turns
// in every round so a busy machine weighs on all of them alike.
// Usage: node bench/wasm-variants.mjs [--rounds 3] [--cold 4] NAME=DIR...
// where DIR holds a selector.mjs and selector.wasm (a build's wasm/ folder).
// Prints a Markdown table; wasm/README.md says how the builds were made.

import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..');
const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** In a fresh process over PATSEL_DIST: the first (cold) load, then warm loads and the shipped queries. */
async function measureHere(coldOnly) {
  const { loadEngine, dist } = await import('./node-engine.mjs');
  const { shippedQueries, percentile } = await import('./workloads.mjs');
  const text = await readFile(path.join(dist, 'catalog.json'), 'utf8');
  const first = await loadEngine(text);
  if (coldOnly) return { cold_ms: first.ms };
  first.engine.dispose();
  const warm = [];
  for (let i = 0; i < 5; i++) {
    const { engine, ms } = await loadEngine(text);
    warm.push(ms);
    engine.dispose();
  }
  const { engine } = await loadEngine(text);
  const [typed] = shippedQueries(engine, 5);
  engine.dispose();
  return { cold_ms: first.ms, warm_ms: percentile(warm, 50), typed_p50: typed.median_ms, typed_p95: typed.p95_ms };
}

/** A folder that looks like dist/ to bench/node-engine.mjs, with this build's module. */
async function distFor(dir, catalogText) {
  const out = await mkdtemp(path.join(tmpdir(), 'patsel-variant-'));
  for (const name of ['selector.mjs', 'selector.wasm']) await copyFile(path.join(dir, name), path.join(out, name));
  for (const name of ['engine.js', 'index.node.js']) await copyFile(path.join(root, 'wasm', name), path.join(out, name));
  await writeFile(path.join(out, 'catalog.json'), catalogText);
  return out;
}

function child(dist, mode) {
  const run = spawnSync(process.execPath, [self, mode], { encoding: 'utf8', env: { ...process.env, PATSEL_DIST: dist } });
  if (run.status !== 0) throw new Error(`${dist}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

async function sizes(dir) {
  const row = {};
  for (const name of ['selector.wasm', 'selector.mjs']) {
    const bytes = await readFile(path.join(dir, name));
    row[name] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  return row;
}

if (process.argv[2] === '--measure' || process.argv[2] === '--cold-once') {
  process.stdout.write(JSON.stringify(await measureHere(process.argv[2] === '--cold-once')) + '\n');
} else {
  const rounds = Number(option('--rounds', 3));
  const coldPerRound = Number(option('--cold', 4));
  const builds = process.argv.slice(2).filter((arg, i, all) => arg.includes('=') && !all[i - 1]?.startsWith('--'));
  const catalogText = JSON.stringify(JSON.parse(await readFile(path.join(root, 'data', 'catalog.json'), 'utf8')));
  const variants = [];
  for (const build of builds) {
    const [name, dir] = build.split('=');
    variants.push({ name, dist: await distFor(path.resolve(dir), catalogText), sizes: await sizes(path.resolve(dir)), cold: [], runs: [] });
  }
  const load = [loadavg()[0]];
  for (let round = 0; round < rounds; round++) {
    for (const variant of variants) {
      for (let i = 0; i < coldPerRound; i++) variant.cold.push(child(variant.dist, '--cold-once').cold_ms);
      const run = child(variant.dist, '--measure');
      variant.cold.push(run.cold_ms);
      variant.runs.push(run);
    }
    load.push(loadavg()[0]);
  }
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  const ms = (values) => values.map((v) => v.toFixed(2)).join(' / ');
  console.log(`${new Date().toISOString().slice(0, 10)}, ${rounds} rounds, load average (1 min) ${load.map((l) => l.toFixed(1)).join(', ')}`);
  console.log('\n| build | wasm raw | wasm gzip | glue raw | glue gzip | typed p50 (ms, per round) | typed p95 (ms, per round) | warm load (ms, per round) | cold load median (ms) |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const v of variants) {
    const w = v.sizes['selector.wasm'], g = v.sizes['selector.mjs'];
    console.log(`| ${v.name} | ${kb(w.raw)} KB | ${kb(w.gzip)} KB | ${kb(g.raw)} KB | ${kb(g.gzip)} KB | ${ms(v.runs.map((r) => r.typed_p50))} | ${ms(v.runs.map((r) => r.typed_p95))} | ${ms(v.runs.map((r) => r.warm_ms))} | ${median(v.cold).toFixed(1)} (${v.cold.length} loads) |`);
  }
  console.log('\n' + JSON.stringify(variants.map(({ dist, ...v }) => v)));
  for (const v of variants) await rm(v.dist, { recursive: true, force: true });
}
