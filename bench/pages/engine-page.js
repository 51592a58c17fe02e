// Catalog load and queries in Chromium: the timings land in window.__bench.
import { createEngine } from '/index.js';
import { shippedQueries } from '/bench/workloads.mjs';

const start = performance.now();
const catalog = await (await fetch('/catalog.json')).text();
const fetched = performance.now();
const engine = await createEngine({ catalog });
const loaded = performance.now();
const rounds = Number(new URLSearchParams(location.search).get('rounds') ?? 0);
window.__bench = {
  fetch_ms: fetched - start,
  load_ms: loaded - fetched,
  isolated: globalThis.crossOriginIsolated === true,
  queries: rounds ? shippedQueries(engine, rounds) : undefined,
};
