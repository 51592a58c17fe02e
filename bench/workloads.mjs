// The query workloads of the benchmarks, the same in Node and in Chromium:
// what a user of the widgets makes the engine do, and how it is timed.
import { CARD_FIELDS } from '../web/elements/card-fields.js';

/** Twenty queries people type when they look for a pattern (tests/engine/real_queries_test.cpp). */
export const REAL_QUERIES = [
  'cascading failures', 'exactly once', 'exactly once delivery', 'split brain', '2pc',
  'rate limiting', 'cache invalidation', 'backpressure', 'raft', 'read replicas',
  'distributed tracing', 'event sourcing', 'load balancing', 'idempotent', 'poison message',
  'hybrid logical clock', 'change data capture', 'strangler fig', 'tail latency', 'hot spots',
];

/** Queries in the synthetic catalogs' vocabulary (bench/synthetic/word_lists.cpp). */
export const SYNTHETIC_QUERIES = [
  'distributed lease', 'heartbeat timeout', 'replica failover', 'cold cache', 'idempotent retry',
  'quorum commit', 'regional traffic', 'durable log', 'shard rebalance', 'stale read',
];

/** Every prefix of every query, as typed one key at a time. */
export function typedPrefixes(queries) {
  return queries.flatMap((query) => [...query].map((_, i) => query.slice(0, i + 1)).filter((p) => p.trim()));
}

const ALL_TIERS = ['gold', 'silver', 'bronze'];

/** The name of the engine's row doing FlexSearch's work (`matching: 'prefix'`, ids only), beside its full matching. */
export const PREFIX_MATCHING = 'pattern-selector (wasm, prefix matching, ids only)';
/**
 * The name of the engine's row with its full matching (typos, synonyms,
 * phrases, compounds) and the facet counts the explorer asks for, answering
 * the total and the ids as FlexSearch does: no card members or highlights.
 */
export const FULL_MATCHING_IDS = 'pattern-selector (wasm, full matching and facet counts, ids only)';

/**
 * The request <patsel-explorer> sends on a desktop: one page of hits, the
 * counts of the tiers and of each open panel: category (open by default) and
 * any facet the user has ticked a value in, and the members its cards show.
 */
export function explorerRequest(query, filters = {}) {
  const open = new Set(['tier', 'category', ...Object.keys(filters)]);
  return { query, filters: { tier: ALL_TIERS, ...filters }, facets: [...open], facet_limit: 100000, limit: 24, offset: 0,
    hit_fields: CARD_FIELDS };
}

/** A user narrowing the explorer with facet checkboxes, one toggle per request. */
export const FACET_TOGGLES = [
  { tier: ['gold'] },
  { tier: ['gold', 'silver'] },
  { tier: ['gold', 'silver'], category: ['resilience'] },
  { tier: ['gold', 'silver'], category: ['resilience', 'data-management'] },
  { tier: ['gold', 'silver'], category: ['resilience', 'data-management'], difficulty: ['intermediate'] },
  { tier: ['gold', 'silver'], category: ['resilience'], difficulty: ['intermediate'] },
  { tier: ['gold', 'silver'], domain: ['resilience'] },
  { tier: ALL_TIERS, status: ['recommended'] },
  { tier: ALL_TIERS, layer: ['infrastructure'] },
  { tier: ALL_TIERS },
].map((filters) => ({ query: '', ...explorerRequest('', filters) }));

/** A requirements profile like the one <patsel-recommender> sends. */
export const PROFILE = {
  profile: {
    users: 2000000, peak_rps: 8000, data_volume_gb: 500, latency_p99_ms: 200, availability: 99.95,
    failure_rate: 2, external_dependencies: 6, spike_ratio: 5, read_write_ratio: 20,
    consistency: 'eventual', geography: 'multi-region', team_size: 40, budget: 'medium',
  },
  tiers: ALL_TIERS,
};

/** Patterns in use, as <patsel-stack> sends them. */
export const STACK = ['circuit-breaker', 'retry-backoff', 'two-phase-commit', 'saga', 'api-gateway', 'sharding', 'cqrs', 'event-sourcing'];

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Times `run(input)` once per input per round, after warming up (whole
 * rounds, at least `warmup` calls, so the engine's code is optimized as in
 * a page in use): {median_ms, p95_ms, samples}.
 */
export function timeEach(run, inputs, rounds = 5, warmup = 200) {
  for (let calls = 0; inputs.length && calls < warmup; ) for (const input of inputs) (run(input), calls++);
  const times = [];
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const start = performance.now();
      run(input);
      times.push(performance.now() - start);
    }
  }
  return { median_ms: percentile(times, 50), p95_ms: percentile(times, 95), samples: times.length };
}

/** The tree walk of every decision tree: the first option at each question, to a result. */
export function treeWalks(engine) {
  const steps = [];
  for (const { id } of engine.trees().trees) {
    let step = engine.treeStep({ tree: id });
    for (let depth = 0; step.question && depth < 64; depth++) {
      const request = { session: step.session, answer: step.question.options[0].id };
      steps.push(request);
      step = engine.treeStep(request);
    }
  }
  return steps;
}

/** The shipped-catalog workloads on a loaded engine (the JS API's Engine). */
export function shippedQueries(engine, rounds = 5) {
  return [
    { what: 'search as you type (every prefix of 20 queries)', ...timeEach((q) => engine.search(explorerRequest(q)), typedPrefixes(REAL_QUERIES), rounds) },
    { what: 'facet toggle (10 filter states)', ...timeEach((r) => engine.search(r), FACET_TOGGLES, rounds * 5) },
    { what: 'tree step (every tree, first answers)', ...timeEach((r) => engine.treeStep(r), treeWalks(engine), rounds * 5) },
    { what: 'recommendation (13-field profile)', ...timeEach((r) => engine.recommend(r), [PROFILE], rounds * 20) },
    { what: 'stack analysis (8 patterns)', ...timeEach((s) => engine.stack(s), [STACK], rounds * 20) },
    { what: 'pattern record (circuit-breaker)', ...timeEach((id) => engine.pattern(id), ['circuit-breaker'], rounds * 20) },
  ];
}
