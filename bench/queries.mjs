// Catalog load and queries on the shipped catalog, in the wasm module under
// Node, with the peers (bench/peers.mjs) on the same requests.
// As a module: benchQueries({ rounds, coldLoads }) -> { load, queries, peers }.
// `node bench/queries.mjs --load-once FILE` prints one cold load (used below).

import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { dist, loadEngine } from './node-engine.mjs';
import { peers } from './peers.mjs';
import { FACET_TOGGLES, FULL_MATCHING_IDS, PREFIX_MATCHING, REAL_QUERIES, explorerRequest, percentile, shippedQueries, timeEach, typedPrefixes } from './workloads.mjs';

const self = fileURLToPath(import.meta.url);

/** A cold load: a fresh Node process, so the wasm code runs before V8 optimizes it. */
function coldLoads(catalogPath, loads) {
  const times = [];
  for (let i = 0; i < loads; i++) {
    const child = spawnSync(process.execPath, [self, '--load-once', catalogPath], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`cold load failed: ${child.stderr}`);
    times.push(JSON.parse(child.stdout).ms);
  }
  return times;
}

/** Load of `catalogPath`: cold (fresh processes) and warm (again in one process). */
export async function benchLoad(catalogPath, { coldLoads: loads = 10, warmLoads = 10 } = {}) {
  const text = await readFile(catalogPath, 'utf8');
  const cold = coldLoads(catalogPath, loads);
  const warm = [];
  let heap = 0;
  for (let i = 0; i < warmLoads; i++) {
    const { engine, ms, heap_bytes } = await loadEngine(text);
    warm.push(ms);
    heap = heap_bytes;
    engine.dispose();
  }
  const parse = timeEach((t) => JSON.parse(t), [text], warmLoads);
  return {
    catalog_bytes: Buffer.byteLength(text),
    cold: { median_ms: percentile(cold, 50), p95_ms: percentile(cold, 95), loads },
    warm: { median_ms: percentile(warm, 50), p95_ms: percentile(warm, 95), loads: warmLoads },
    json_parse_ms: parse.median_ms,
    heap_bytes: heap,
  };
}

// The JS heap in use after a full collection, for the peers' index sizes.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');
function heapUsed() {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

/**
 * How many of the engine's top 10 a peer finds, over the typed queries
 * where the engine finds any: in the peer's own top 10 (`top10`) and
 * anywhere in its hits (`found`), each as a share of the engine's hits,
 * averaged over queries; `none` counts the queries where it finds none.
 */
export function recallAgainst(engine, peer, typed) {
  let queries = 0, top10 = 0, found = 0, none = 0;
  for (const request of typed) {
    const ours = engine.search({ ...request, limit: 10 }).hits.map((hit) => hit.id);
    if (!ours.length) continue;
    const theirs = peer.search({ ...request, limit: 100000 }).hits;
    const first = new Set(theirs.slice(0, 10));
    const all = new Set(theirs);
    const inFirst = ours.filter((id) => first.has(id)).length;
    const inAll = ours.filter((id) => all.has(id)).length;
    queries++;
    top10 += inFirst / ours.length;
    found += inAll / ours.length;
    if (!inAll) none++;
  }
  return { queries, top10: queries ? top10 / queries : 1, found: queries ? found / queries : 1, none };
}

/**
 * Typing and facet toggles by each peer, as ratios of pattern-selector's
 * times, with each peer's index build time, the JS heap its index holds,
 * and how many of the engine's hits it finds. `engineBytes`: the wasm heap
 * of the engine, for its row; `only`: the peers to time (default all).
 */
export function comparePeers(engine, catalog, { queries, toggles, rounds, engineBytes, only = peers }) {
  const typed = typedPrefixes(queries).map((q) => explorerRequest(q));
  // One row of the engine answering each request as `shape` rewrites it.
  const engineRow = (name, matching, shape) => ({
    name,
    matching,
    build_ms: undefined,
    memory_bytes: engineBytes,
    typing: timeEach((r) => engine.search(shape(r)), typed, rounds),
    toggles: toggles.length ? timeEach((r) => engine.search(shape(r)), toggles, rounds) : undefined,
  });
  const rows = [
    engineRow('pattern-selector (wasm)', 'docs/search.md', (request) => request),
    // Its own matching and the explorer's facet counts, answering what
    // FlexSearch answers: the total and the ids (the 2x target compares this row).
    engineRow(FULL_MATCHING_IDS, 'docs/search.md, with the facet counts of the explorer\'s request; the total and the ids, no card members or highlights',
      (request) => ({ ...request, hit_fields: ['id'] })),
    // The work FlexSearch does: the words as typed, the last a prefix (no
    // typos, synonyms or compounds), and the total and the ids, without
    // highlights or facet counts.
    engineRow(PREFIX_MATCHING, 'FlexSearch\'s work: the words as typed, the last one also a prefix (docs/search.md, "Matching"); the total and the ids, no highlights or facet counts',
      (request) => ({ ...request, matching: 'prefix', hit_fields: ['id'], facets: [] })),
  ];
  const ours = rows[0];
  for (const makePeer of only) {
    const before = heapUsed();
    const start = performance.now();
    const peer = makePeer(catalog);
    const build_ms = performance.now() - start;
    const memory_bytes = Math.max(0, heapUsed() - before);
    rows.push({
      name: peer.name,
      matching: peer.matching,
      build_ms,
      memory_bytes,
      typing: timeEach((r) => peer.search(r), typed, rounds),
      toggles: toggles.length ? timeEach((r) => peer.search(r), toggles, rounds) : undefined,
      recall: recallAgainst(engine, peer, typed),
    });
  }
  for (const row of rows) {
    row.typing.ratio_p50 = row.typing.median_ms / ours.typing.median_ms;
    row.typing.ratio_p95 = row.typing.p95_ms / ours.typing.p95_ms;
  }
  return rows;
}

export async function benchQueries({ rounds = 5, coldLoads: loads = 10 } = {}) {
  const catalogPath = path.join(dist, 'catalog.json');
  const load = await benchLoad(catalogPath, { coldLoads: loads });
  const text = await readFile(catalogPath, 'utf8');
  const { engine, heap_bytes } = await loadEngine(text);
  const queries = shippedQueries(engine, rounds);
  const peerRows = comparePeers(engine, JSON.parse(text), { queries: REAL_QUERIES, toggles: FACET_TOGGLES, rounds, engineBytes: heap_bytes });
  engine.dispose();
  return { load, queries, peers: peerRows };
}

if (process.argv[2] === '--load-once') {
  const { ms } = await loadEngine(await readFile(process.argv[3], 'utf8'));
  process.stdout.write(JSON.stringify({ ms }) + '\n');
} else if (process.argv[1] === self) {
  console.log(JSON.stringify(await benchQueries(), null, 2));
}
