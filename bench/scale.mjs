// Scale: synthetic catalogs (bench/synthetic, `patsel-synth`) of growing
// size: load (parse and index), wasm heap, and typed queries in the wasm
// module under Node, with the peers (bench/peers.mjs) on the same requests.
// Each size runs in its own Node process so heaps and JIT state start clean.
// As a module: benchScale({ sizes, rounds }) -> rows.
// `node bench/scale.mjs --one N` prints one size's row.
// `node bench/scale.mjs --engine-only [--sizes 1000,10000,50000] [--search]`
// times the engine alone (no peers, a few minutes at 50,000) and prints a
// table; --search loads each catalog's search catalog (`patsel
// search-catalog`, what the explorer loads) instead of the full one.
// `node bench/scale.mjs --against-flexsearch [--sizes ...]` times the
// engine (full matching, and doing FlexSearch's work) and FlexSearch's
// fastest set-up only: the other peers take most of an hour at 50,000.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine, root } from './node-engine.mjs';
import { flexSearchPeer } from './peers.mjs';
import { comparePeers } from './queries.mjs';
import { SYNTHETIC_QUERIES, explorerRequest, timeEach, typedPrefixes } from './workloads.mjs';

const self = fileURLToPath(import.meta.url);
const synth = process.env.PATSEL_SYNTH || path.join(root, 'build', 'native', 'bench', 'synthetic', 'patsel-synth');
const patsel = process.env.PATSEL_BIN ?? path.join(root, 'build', 'native', 'patsel');
const folder = path.join(root, 'build', 'bench');

export async function syntheticCatalog(patterns) {
  const file = path.join(folder, `synthetic-${patterns}.json`);
  if (!existsSync(file)) {
    await mkdir(folder, { recursive: true });
    const run = spawnSync(synth, ['--patterns', String(patterns), '--seed', '1', '-o', file], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`patsel-synth failed: ${run.stderr}`);
  }
  return file;
}

// The search catalog cut from the synthetic catalog of `patterns` records.
async function syntheticSearchCatalog(patterns) {
  const full = await syntheticCatalog(patterns);
  const file = full.replace(/\.json$/, '.search.json');
  if (!existsSync(file)) {
    const run = spawnSync(patsel, ['search-catalog', '--catalog', full, '-o', file], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`patsel search-catalog failed: ${run.stderr}`);
  }
  return file;
}

async function oneSize(patterns, rounds, engineOnly = false, search = false, flexOnly = false) {
  const text = await readFile(await (search ? syntheticSearchCatalog : syntheticCatalog)(patterns), 'utf8');
  // The 64 MiB default catalog limit is lifted as a maintainer would for
  // 50k records, to the most the wasm engine takes (256 MiB).
  const { engine, ms, heap_bytes } = await loadEngine(text, { max_catalog_bytes: 256 * 1024 * 1024 });
  const parseStart = performance.now();
  const catalog = JSON.parse(text);
  const json_parse_ms = performance.now() - parseStart;
  const row = { patterns, catalog_bytes: Buffer.byteLength(text), load_ms: ms, heap_bytes, json_parse_ms };
  if (engineOnly) {
    const typed = timeEach((query) => engine.search(explorerRequest(query)), typedPrefixes(SYNTHETIC_QUERIES), rounds, 50);
    return { ...row, typed };
  }
  const peers = comparePeers(engine, catalog, { queries: SYNTHETIC_QUERIES, toggles: [], rounds, engineBytes: heap_bytes,
    ...(flexOnly ? { only: [flexSearchPeer] } : {}) });
  return { ...row, peers };
}

export async function benchScale({ sizes = [1000, 10000, 50000], rounds = 3, engineOnly = false, search = false, flexOnly = false } = {}) {
  const rows = [];
  for (const patterns of sizes) {
    // Four JS indexes of 50,000 records need more than Node's default heap.
    const args = ['--max-old-space-size=8192', self, '--one', String(patterns), String(rounds),
      engineOnly ? 'engine-only' : flexOnly ? 'flexsearch' : 'peers', search ? 'search' : 'full'];
    const child = spawnSync(process.execPath, args, {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (child.status !== 0) throw new Error(`scale run of ${patterns} failed (${child.signal ?? `exit ${child.status}`}): ${child.stderr}`);
    rows.push(JSON.parse(child.stdout));
  }
  return rows;
}

// `--sizes 1000,10000` on the command line, or every size.
function sizesAsked() {
  const at = process.argv.indexOf('--sizes');
  return (at > 0 ? process.argv[at + 1] : '1000,10000,50000').split(',').map(Number);
}

if (process.argv[2] === '--one') {
  const row = await oneSize(Number(process.argv[3]), Number(process.argv[4] ?? 3), process.argv[5] === 'engine-only',
    process.argv[6] === 'search', process.argv[5] === 'flexsearch');
  process.stdout.write(JSON.stringify(row) + '\n');
} else if (process.argv[2] === '--engine-only') {
  const rows = await benchScale({ sizes: sizesAsked(), engineOnly: true, search: process.argv.includes('--search') });
  const ms = (v) => `${v < 10 ? v.toFixed(2) : Math.round(v)} ms`;
  console.log('| records | catalog | load + index | wasm heap | heap per record | typed p50 | typed p95 |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.patterns} | ${(r.catalog_bytes / 2 ** 20).toFixed(1)} MiB | ${ms(r.load_ms)} | ${(r.heap_bytes / 2 ** 20).toFixed(0)} MiB | ` +
      `${(r.heap_bytes / r.patterns / 1024).toFixed(1)} KB | ${ms(r.typed.median_ms)} | ${ms(r.typed.p95_ms)} |`);
  }
} else if (process.argv[2] === '--against-flexsearch') {
  const rows = await benchScale({ sizes: sizesAsked(), flexOnly: true });
  console.log('| records | set-up | typed p50 | typed p95 | index build | memory |\n|---|---|---|---|---|---|');
  for (const r of rows) {
    for (const p of r.peers) {
      console.log(`| ${r.patterns} | ${p.name} | ${p.typing.median_ms.toFixed(3)} ms | ${p.typing.p95_ms.toFixed(3)} ms | ` +
        `${p.build_ms === undefined ? '' : `${Math.round(p.build_ms)} ms`} | ${(p.memory_bytes / 2 ** 20).toFixed(0)} MiB |`);
    }
  }
} else if (process.argv[1] === self) {
  console.log(JSON.stringify(await benchScale(), null, 2));
}
