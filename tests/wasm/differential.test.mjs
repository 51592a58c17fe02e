// The native engine (patsel call) and the wasm module must give the same
// answer to the same request: one engine, two targets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dist, patsel } from './support.mjs';

const { createEngine } = await import(`${dist}/index.node.js`);
const catalogPath = `${dist}/catalog.json`;
const catalog = JSON.parse(await readFile(catalogPath, 'utf8'));

function subsets(items) {
  return items.reduce((all, item) => all.concat(all.map((s) => [...s, item])), [[]]);
}

// Every tier subset, alone and with each category, plus bad requests.
function corpus() {
  const categories = [...new Set(catalog.patterns.map((p) => p.category).filter(Boolean))].sort();
  const requests = [{ method: 'info', params: {} }];
  for (const tiers of subsets(['gold', 'silver', 'bronze', 'unclassified'])) {
    requests.push({ method: 'list', params: { tiers } });
    for (const category of categories) requests.push({ method: 'list', params: { tiers, categories: [category] } });
  }
  requests.push(
    { method: 'list', params: { tiers: ['platinum'] } },
    { method: 'list', params: { tiers: 'gold' } },
    { method: 'list', params: { colour: ['red'] } },
    { method: 'no-such-method', params: {} },
  );
  return requests;
}

function wasmAnswer(engine, { method, params }) {
  try {
    return { ok: true, result: engine.call(method, params) };
  } catch (error) {
    return { ok: false, error: { code: error.code, message: error.reason } };
  }
}

test('native and wasm answer every request of the corpus alike', async () => {
  const requests = corpus();
  assert.ok(requests.length > 100, `corpus has ${requests.length} requests`);
  const input = requests.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const native = execFileSync(patsel, ['call', '--catalog', catalogPath], { input, encoding: 'utf8', maxBuffer: 1 << 28 })
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(native.length, requests.length);
  const engine = await createEngine({ catalog: catalogPath });
  requests.forEach((request, i) => {
    assert.deepEqual(wasmAnswer(engine, request), native[i], `request ${i}: ${JSON.stringify(request)}`);
  });
});

// --- reasoning: trees, recommendations, relationships, stacks ---------------

// Every path of every tree (option ids from the start question to a result).
function treePaths(tree) {
  const questions = new Map(tree.questions.map((q) => [q.id, q]));
  const paths = [];
  const visit = (id, answers) => {
    for (const option of questions.get(id).options) {
      if (option.next) visit(option.next, [...answers, option.id]);
      else paths.push([...answers, option.id]);
    }
  };
  visit(tree.start, []);
  return paths;
}

// Sample values for each declared profile field: edges, every choice, and wrong ones.
function profileSamples(field) {
  if (field.type === 'number') return [field.min, field.max, (field.min + field.max) / 2, field.max + 1, 'ten'];
  if (field.type === 'choice') return [...field.values, 'none-of-these'];
  if (field.type === 'set') return [...field.values.map((v) => [v]), field.values, [], ['none-of-these']];
  return [true, false, 'yes'];
}

function reasoningCorpus() {
  const ids = catalog.patterns.map((p) => p.id);
  const requests = [{ method: 'tree.list', params: {} }, { method: 'profile.fields', params: {} }];
  for (const tree of catalog.trees) {
    requests.push({ method: 'tree.get', params: { tree: tree.id } });
    for (const path of treePaths(tree)) {
      for (let n = 0; n <= path.length; ++n) requests.push({ method: 'tree.step', params: { tree: tree.id, answers: path.slice(0, n) } });
      requests.push({ method: 'tree.step', params: { tree: tree.id, answers: path, tiers: ['gold', 'silver', 'bronze'] } });
      requests.push({ method: 'tree.step', params: { tree: tree.id, answers: [...path, 'one-too-many'] } });
    }
  }
  requests.push(
    { method: 'tree.step', params: {} },
    { method: 'tree.step', params: { tree: 'no-such-tree' } },
    { method: 'tree.step', params: { session: 'not a session' } },
    { method: 'tree.get', params: { tree: 'no-such-tree' } },
  );

  const demanding = { peak_rps: 10000, availability: 99.99, consistency: 'strong', external_dependencies: 5, spike_ratio: 20 };
  for (const tiers of subsets(['gold', 'silver', 'bronze'])) requests.push({ method: 'recommend', params: { profile: demanding, tiers } });
  requests.push(
    { method: 'recommend', params: { profile: demanding, limit: 5 } },
    { method: 'recommend', params: { profile: {} } },
    { method: 'recommend', params: { profile: { ...demanding, colour: 'red', team_size: 0 } } },
    { method: 'recommend', params: { profile: 'fast' } },
    { method: 'recommend', params: { profile: {}, limit: -1 } },
  );
  for (const field of catalog.profile)
    for (const value of profileSamples(field))
      requests.push({ method: 'recommend', params: { profile: { ...demanding, [field.id]: value }, tiers: ['gold', 'silver'] } });

  for (const id of ids) {
    requests.push({ method: 'related', params: { pattern: id } });
    requests.push({ method: 'migrate', params: { pattern: id } });
  }
  for (const id of ids.slice(0, 10)) {
    requests.push({ method: 'related', params: { pattern: id, depth: 3 } });
    requests.push({ method: 'related', params: { pattern: id, relations: ['requires', 'replaced-by'], depth: 2 } });
  }
  requests.push(
    { method: 'related', params: { pattern: 'no-such-pattern' } },
    { method: 'related', params: { pattern: ids[0], relations: ['likes'] } },
    { method: 'order', params: { patterns: ids } },
    { method: 'order', params: { patterns: ids, prerequisites: true } },
    { method: 'order', params: { patterns: [...ids].reverse() } },
    { method: 'families', params: {} },
    { method: 'paths', params: {} },
    { method: 'compositions', params: {} },
    { method: 'problems', params: {} },
    { method: 'cards', params: {} },
    { method: 'timeline', params: { family: 'no-such-family' } },
  );
  for (const family of catalog.families) requests.push({ method: 'timeline', params: { family: family.id } });
  for (const path of catalog.paths) {
    requests.push({ method: 'path', params: { path: path.id } });
    const patterns = path.stages.flatMap((s) => s.patterns);
    requests.push({ method: 'order', params: { patterns, prerequisites: true } });
    requests.push({ method: 'stack', params: { patterns } });
  }
  for (const problem of catalog.problems) requests.push({ method: 'problems', params: { area: problem.area } });
  for (const card of catalog.cards) requests.push({ method: 'cards', params: { card: card.id } });
  for (const entry of catalog.avoid) requests.push({ method: 'stack', params: { patterns: entry.patterns } });
  for (const id of ids.filter((_, i) => i % 5 === 0)) {
    requests.push({ method: 'families', params: { pattern: id } });
    requests.push({ method: 'compositions', params: { pattern: id } });
    requests.push({ method: 'problems', params: { pattern: id } });
  }
  for (let i = 0; i + 1 < ids.length; ++i) requests.push({ method: 'stack', params: { patterns: [ids[i], ids[i + 1]] } });
  for (let i = 0; i < ids.length; i += 3) {
    const size = 2 + (i % 4);  // 2 to 5
    requests.push({ method: 'compare', params: { patterns: ids.slice(i, i + size) } });
    if (i % 2 === 0) requests.push({ method: 'compare', params: { patterns: ids.slice(i, i + size), profile: demanding } });
  }
  requests.push(
    { method: 'stack', params: { patterns: ['two-phase-commit', 'microservices'] } },
    { method: 'stack', params: { patterns: ['two-phase-commit', 'microservices', 'shared-database'] } },
    { method: 'compare', params: { patterns: ['saga'] } },
  );
  // Health: every pattern's score (floating point, compared exactly), the
  // review, and bad params.
  for (const id of ids) requests.push({ method: 'health.get', params: { pattern: id, today: '2026-12' } });
  requests.push(
    { method: 'health.list', params: {} },
    { method: 'health.list', params: { tiers: ['gold'], flagged: true, today: '2030' } },
    { method: 'health.review', params: { max_age_months: 3, today: '2026-12' } },
    { method: 'health.review', params: { today: '12/2026' } },
    { method: 'health.get', params: { pattern: 'no-such-pattern' } },
    { method: 'health.changes', params: {} },
    { method: 'health.changes', params: { since: '2024-06' } },
  );
  requests.push(...searchRequests());
  return requests;
}

// Search: every title typed letter by letter (search as you type), real
// queries, typos, the query syntax, hostile input, and facets, ranges,
// sorts and pages. Scores are compared exactly: both targets must compute
// the same numbers.
function searchRequests() {
  const requests = [];
  for (const p of catalog.patterns.filter((_, i) => i % 4 === 0)) {
    for (let n = 1; n <= p.title.length; n += 2) requests.push({ method: 'search', params: { query: p.title.slice(0, n), limit: 5 } });
    requests.push({ method: 'search', params: { query: `${p.title} `, limit: 5, facets: [] } });
  }
  const queries = [
    'cascading failures', 'exactly once', 'exactly once delivery', 'split brain', '2pc', 'rate limiting',
    'cache invalidation', 'backpressure', 'raft', 'read replicas', 'distributed tracing', 'event sourcing',
    'load balancing', 'idempotent', 'poison message', 'hybrid logical clock', 'change data capture',
    'strangler fig', 'tail latency', 'hot spots', 'circiut breaker', 'idmpotency', 'eventsourcing', 'time out',
    '"split brain"', 'lock -legacy', 'tag:caching', 'title:"circuit breaker"', 'colour:red lease', '"unclosed',
    '', '   ', '?!?', '-', 'the of and', 'Café Zürich 東京 🚀', 'x'.repeat(2000), 'lease '.repeat(300),
  ];
  for (const query of queries) requests.push({ method: 'search', params: { query } });
  const tiers = ['gold', 'silver', 'bronze'];
  for (const sort of ['relevance', 'tier', 'title', 'introduced-newest', 'introduced-oldest', 'reading-time']) {
    requests.push({ method: 'search', params: { query: 'replication', sort, limit: 50 } });
    requests.push({ method: 'search', params: { sort, limit: 50, offset: 10 } });
  }
  requests.push(
    { method: 'search', params: { query: 'cache', filters: { tier: ['gold', 'silver'], category: ['scaling'] } } },
    { method: 'search', params: { filters: { tags: ['split-brain'], ecosystem: ['elixir', 'go'] } } },
    { method: 'search', params: { ranges: { introduced: [2000, 2015], reading_time: [null, 10] } } },
    { method: 'search', params: { query: 'consensus', facets: ['tier', 'tags'], facet_limit: 3 } },
    { method: 'search', params: { filters: { tier: tiers, difficulty: ['advanced'] }, limit: 0 } },
    { method: 'search', params: { filters: { tier: ['platinum'] } } },
    { method: 'search', params: { filters: { colour: ['red'] } } },
    { method: 'search', params: { ranges: { introduced: [2020, 2000] } } },
    { method: 'search', params: { sort: 'random' } },
    { method: 'search', params: { query: 42 } },
  );
  return requests;
}

// Requests that need a session string: taken from the wasm answers, then
// asked of both targets like the rest.
function sessionFollowUps(engine, requests) {
  const more = [];
  for (const request of requests) {
    if (request.method !== 'tree.step' || !request.params.answers) continue;
    const answer = wasmAnswer(engine, request);
    if (!answer.ok || !answer.result.result) continue;
    const { session, path } = answer.result;
    more.push({ method: 'tree.step', params: { session } });
    for (let k = 1; k <= path.length; ++k) more.push({ method: 'tree.step', params: { session, back: k } });
    more.push(
      { method: 'tree.step', params: { session, restart: true } },
      { method: 'tree.step', params: { session, back: path.length + 1 } },
      { method: 'tree.step', params: { session: session.replace(/\.[0-9a-f]{8}/, '.00000000') } },
    );
  }
  return more;
}

test('native and wasm answer every reasoning request alike: trees with sessions, recommendations, relationships, stacks', async () => {
  const engine = await createEngine({ catalog: catalogPath });
  const base = reasoningCorpus();
  const requests = [...base, ...sessionFollowUps(engine, base)];
  assert.ok(requests.length > 1000, `corpus has ${requests.length} requests`);
  const input = requests.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const native = execFileSync(patsel, ['call', '--catalog', catalogPath], { input, encoding: 'utf8', maxBuffer: 1 << 28 })
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(native.length, requests.length);
  let failures = 0;
  requests.forEach((request, i) => {
    assert.deepEqual(wasmAnswer(engine, request), native[i], `request ${i}: ${JSON.stringify(request)}`);
    if (!native[i].ok) ++failures;
  });
  // The corpus exercises errors too, but mostly answers.
  assert.ok(failures < requests.length / 4, `${failures} of ${requests.length} requests failed`);
});
