import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dist, fixture } from './support.mjs';

const { createEngine, PatselError } = await import(`${dist}/index.node.js`);

test('the shipped catalog loads by default', async () => {
  const engine = await createEngine();
  const shipped = JSON.parse(await readFile(`${dist}/catalog.json`, 'utf8'));
  assert.equal(engine.info.patterns, shipped.patterns.length);
  assert.equal(engine.info.content_hash, shipped.content_hash);
  assert.deepEqual(engine.info.warnings, []);
  engine.dispose();
});

test('list filters by tier and category, gold first', async () => {
  const engine = await createEngine({ catalog: fixture('catalogs/small.json') });
  const all = engine.list();
  assert.equal(all.total, 5);
  assert.deepEqual(all.patterns.map((p) => p.id), ['circuit-breaker', 'saga', 'cqrs', 'gossip-protocol', 'two-phase-commit']);
  const some = engine.list({ tiers: ['silver', 'bronze'], categories: ['data-management'] });
  assert.deepEqual(some.patterns.map((p) => p.id), ['cqrs', 'two-phase-commit']);
  assert.equal(some.patterns[0].summary, 'Separate models for reads and writes.');
});

test('a catalog can be given as an object, JSON text or bytes', async () => {
  const text = await readFile(fixture('catalogs/small.json'), 'utf8');
  for (const catalog of [JSON.parse(text), text, new TextEncoder().encode(text)]) {
    const engine = await createEngine({ catalog });
    assert.equal(engine.info.patterns, 5);
  }
});

test('failures are PatselErrors with a code, never bare numbers', async (t) => {
  await t.test('bad parameters', async () => {
    const engine = await createEngine({ catalog: fixture('catalogs/small.json') });
    assert.throws(() => engine.list({ tiers: ['platinum'] }), (error) =>
      error instanceof PatselError && error.code === 'params.bad_option' &&
      error.message === "pattern-selector: [params.bad_option] $.tiers[0]: 'platinum' is not a tier (gold, silver, bronze, unclassified)");
  });
  await t.test('a catalog from a newer schema', async () => {
    await assert.rejects(createEngine({ catalog: { schema_version: 99, patterns: [] } }), { code: 'catalog.schema_too_new' });
  });
  await t.test('a truncated catalog', async () => {
    const text = await readFile(fixture('catalogs/small.json'), 'utf8');
    await assert.rejects(createEngine({ catalog: text.slice(0, 200) }), { name: 'PatselError', code: 'catalog.parse_error' });
  });
  await t.test('a missing catalog file', async () => {
    await assert.rejects(createEngine({ catalog: fixture('catalogs/missing.json') }), { code: 'catalog.fetch_failed' });
  });
  await t.test('a wasm that does not instantiate', async () => {
    await assert.rejects(createEngine({ wasm: new Uint8Array([0, 97, 115, 109]) }), { code: 'wasm.instantiate_failed' });
  });
  await t.test('a disposed engine', async () => {
    const engine = await createEngine({ catalog: fixture('catalogs/small.json') });
    engine.dispose();
    assert.throws(() => engine.list(), { code: 'engine.disposed' });
  });
});

test('engineFor shares one engine per catalog and forgets failed loads', async () => {
  const { engineFor } = await import(`${dist}/index.node.js`);
  const a = await engineFor({ catalog: fixture('catalogs/small.json') });
  const b = await engineFor({ catalog: fixture('catalogs/small.json') });
  assert.equal(a, b, 'same catalog path, same engine');
  assert.notEqual(a, await engineFor(), 'the shipped catalog is another engine');
  const missing = fixture('catalogs/missing.json');
  await assert.rejects(engineFor({ catalog: missing }), { code: 'catalog.fetch_failed' });
  const again = engineFor({ catalog: missing });
  assert.notEqual(again, undefined);
  await assert.rejects(again, { code: 'catalog.fetch_failed' }, 'a second call tries again instead of replaying a cached failure');
});

test('configure sets page-wide defaults and rejects unknown options', async () => {
  const { configure, createEngine } = await import(`${dist}/index.node.js`);
  assert.throws(() => configure({ catalogue: 'x' }), { code: 'options.unknown' });
  configure({ catalog: fixture('catalogs/small.json') });
  try {
    assert.equal((await createEngine()).info.patterns, 5);
  } finally {
    configure({ catalog: undefined });
  }
  assert.notEqual((await createEngine()).info.patterns, 5);
});
