// The health and diff functions of the JS API, in Node through the wasm
// module, over the fixture catalogs of the doctest suites (the numbers are
// worked out in tests/engine/health_test.cpp).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dist, fixture } from './support.mjs';

const { createEngine, PatselError } = await import(`${dist}/index.node.js`);

test('healthList, health and healthReview', async () => {
  const engine = await createEngine({ catalog: fixture('catalogs/health.json') });
  const list = engine.healthList({ today: '2026-06' });
  assert.deepEqual(list.patterns.map((p) => [p.pattern, p.score]), [
    ['breaker', 83.5], ['old-gold', 75], ['retry', 70], ['lock', 52.3], ['ghost', 44.7], ['cache', 24.7],
  ]);
  assert.deepEqual(engine.healthList({ flagged: true, tiers: ['bronze'] }).patterns.map((p) => p.flags[0].code), [
    'bronze_mainstream',
  ]);
  const breaker = engine.health('breaker', { today: '2026-06' });
  assert.equal(breaker.known_share, 1);
  assert.deepEqual(breaker.signals.map((s) => s.points), [20, 20, 12.5, 10, 10, 5, 1, 5]);
  assert.deepEqual(breaker.dependants, [{ pattern: 'retry', title: 'Retry', tier: 'silver' }]);
  assert.equal(engine.healthReview({ today: '2026-06', max_age_months: 3 }).due[0].pattern, 'breaker');
  assert.deepEqual(engine.healthChanges({ since: '2020' }).tier_changes.map((c) => [c.pattern, c.from, c.to]), [
    ['cache', 'gold', 'silver'],
  ]);
  assert.throws(() => engine.health('nope'), (e) => e instanceof PatselError && e.code === 'params.unknown_pattern');
  engine.dispose();
});

test('diff takes the older catalog as text or as an object', async () => {
  const engine = await createEngine({ catalog: fixture('catalogs/diff-new.json') });
  const text = await readFile(fixture('catalogs/diff-old.json'), 'utf8');
  for (const since of [text, JSON.parse(text)]) {
    const diff = engine.diff(since);
    assert.deepEqual(diff.removed.map((p) => p.pattern), ['d']);
    assert.deepEqual(diff.relations_added, [{ from: 'b', relation: 'alternative', to: 'c' }]);
  }
  assert.throws(() => engine.diff('{"schema_version": 1}'), (e) => e instanceof PatselError && e.code === 'catalog.bad_shape');
  engine.dispose();
});

test('diff reads a whole catalog under the catalog limits, not the params limit', async () => {
  const shipped = await readFile(`${dist}/catalog.json`, 'utf8');
  const bytes = Buffer.byteLength(shipped);
  assert.ok(bytes > 1024 * 1024, 'the shipped catalog is larger than the default max_params_bytes');
  const engine = await createEngine();
  assert.equal(engine.diff(shipped).same, true);
  assert.throws(() => engine.call('diff', { since: shipped }), (e) => e instanceof PatselError && e.code === 'params.too_large');
  engine.dispose();
  const tight = await createEngine({ limits: { max_catalog_bytes: bytes } });
  assert.throws(() => tight.diff(`${shipped} `), (e) => e instanceof PatselError && e.code === 'catalog.too_large'
    && e.reason.startsWith('the older catalog: '));
  tight.dispose();
});
