// Scale: synthetic catalogs (bench/synthetic, `patsel-synth`) of growing
// size: load (parse and index), wasm heap, and typed queries in the wasm
// module under Node, with the peers (bench/peers.mjs) on the same requests.
// Each size runs in its own Node process so heaps and JIT state start clean.
// As a module: benchScale({ sizes, rounds }) -> rows.
// `node bench/scale.mjs --one N` prints one size's row.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine, root } from './node-engine.mjs';
import { comparePeers } from './queries.mjs';
import { SYNTHETIC_QUERIES } from './workloads.mjs';

const self = fileURLToPath(import.meta.url);
const synth = process.env.PATSEL_SYNTH || path.join(root, 'build', 'native', 'bench', 'synthetic', 'patsel-synth');
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

async function oneSize(patterns, rounds) {
  const text = await readFile(await syntheticCatalog(patterns), 'utf8');
  // The 64 MiB default catalog limit is lifted as a maintainer would for
  // 50k records, to the most the wasm engine takes (256 MiB).
  const { engine, ms, heap_bytes } = await loadEngine(text, { max_catalog_bytes: 256 * 1024 * 1024 });
  const parseStart = performance.now();
  const catalog = JSON.parse(text);
  const json_parse_ms = performance.now() - parseStart;
  const peers = comparePeers(engine, catalog, { queries: SYNTHETIC_QUERIES, toggles: [], rounds, engineBytes: heap_bytes });
  return { patterns, catalog_bytes: Buffer.byteLength(text), load_ms: ms, heap_bytes, json_parse_ms, peers };
}

export async function benchScale({ sizes = [1000, 10000, 50000], rounds = 3 } = {}) {
  const rows = [];
  for (const patterns of sizes) {
    // Four JS indexes of 50,000 records need more than Node's default heap.
    const child = spawnSync(process.execPath, ['--max-old-space-size=8192', self, '--one', String(patterns), String(rounds)], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (child.status !== 0) throw new Error(`scale run of ${patterns} failed (${child.signal ?? `exit ${child.status}`}): ${child.stderr}`);
    rows.push(JSON.parse(child.stdout));
  }
  return rows;
}

if (process.argv[2] === '--one') {
  process.stdout.write(JSON.stringify(await oneSize(Number(process.argv[3]), Number(process.argv[4] ?? 3))) + '\n');
} else if (process.argv[1] === self) {
  console.log(JSON.stringify(await benchScale(), null, 2));
}
