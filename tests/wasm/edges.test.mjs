// The JS API at its edges (docs/reliability.md): catalog strings that are
// not paths, params JSON cannot hold, and limits wasm memory cannot hold
// are PatselErrors with a stable code, never a TypeError, a failed fetch
// of a path nobody meant, or an abort halfway through a load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, fixture } from './support.mjs';

const { createEngine, engineFor, PatselError } = await import(`${dist}/index.node.js`);

function rejectsWith(code, message) {
  return (error) => {
    assert.ok(error instanceof PatselError, String(error));
    assert.equal(error.code, code);
    if (message !== undefined) assert.equal(error.reason, message);
    return true;
  };
}

test('a catalog string that cannot be a path is parsed, not fetched', async () => {
  // Was: catalog.fetch_failed, "could not read the catalog: ENOENT ... '[1]'".
  await assert.rejects(createEngine({ catalog: '[1]' }), rejectsWith('catalog.bad_shape', '$: expected an object'));
  await assert.rejects(createEngine({ catalog: ' null ' }), rejectsWith('catalog.bad_shape', '$: expected an object'));
  await assert.rejects(createEngine({ catalog: '42' }), rejectsWith('catalog.bad_shape', '$: expected an object'));
  await assert.rejects(createEngine({ catalog: '"catalog.json"' }), rejectsWith('catalog.bad_shape'));
  for (const empty of ['', '  \n']) {
    await assert.rejects(createEngine({ catalog: empty }), rejectsWith('catalog.parse_error'));
  }
  await assert.rejects(createEngine({ catalog: '[{"schema_version": 1' }), rejectsWith('catalog.parse_error'));
});

test('a catalog string that names a file is still a path, relative or absolute', async () => {
  const small = fixture('catalogs/small.json');
  const absolute = await createEngine({ catalog: small });
  assert.equal(absolute.info.patterns, 5);
  absolute.dispose();
  const relative = await createEngine({ catalog: path.relative(process.cwd(), small) });
  assert.equal(relative.info.patterns, 5);
  relative.dispose();
  await assert.rejects(createEngine({ catalog: 'no-such-catalog.json' }), rejectsWith('catalog.fetch_failed'));
  await assert.rejects(createEngine({ catalog: '/x/catalog.json' }), (error) =>
    rejectsWith('catalog.fetch_failed')(error) && /\/x\/catalog\.json/.test(error.reason));
});

test('engineFor shares a catalog given as text by its text, not as a path', async () => {
  const text = await readFile(fixture('catalogs/small.json'), 'utf8');
  const [a, b] = await Promise.all([engineFor({ catalog: ` ${text}` }), engineFor({ catalog: ` ${text}` })]);
  assert.equal(a, b);
  assert.equal(a.info.patterns, 5);
  await assert.rejects(engineFor({ catalog: 'null' }), rejectsWith('catalog.bad_shape'));
});

test('params JSON cannot hold are a PatselError, and the engine goes on', async () => {
  const engine = await createEngine({ catalog: fixture('catalogs/small.json') });
  const circular = { tiers: ['gold'] };
  circular.self = circular;
  // Was: TypeError "Do not know how to serialize a BigInt" / "Converting circular structure to JSON".
  assert.throws(() => engine.list({ limit: 10n }), rejectsWith('params.not_json'));
  assert.throws(() => engine.list(circular), rejectsWith('params.not_json'));
  assert.throws(() => engine.call('search', { query: 'x', offset: 1n }), (error) =>
    rejectsWith('params.not_json')(error) && /^params cannot be written as JSON: /.test(error.reason));
  assert.equal(engine.list({ tiers: ['silver'] }).total, 1);
  engine.dispose();
});

test('a catalog object or limits JSON cannot hold are a PatselError', async () => {
  const catalog = JSON.parse(await readFile(fixture('catalogs/small.json'), 'utf8'));
  catalog.generated = 1n;
  await assert.rejects(createEngine({ catalog }), rejectsWith('catalog.not_json'));
  const cyclic = { schema_version: 1, patterns: [] };
  cyclic.patterns.push(cyclic);
  await assert.rejects(createEngine({ catalog: cyclic }), rejectsWith('catalog.not_json'));
  await assert.rejects(createEngine({ catalog: fixture('catalogs/small.json'), limits: { max_depth: 10n } }),
    rejectsWith('load.bad_option'));
});

test('max_catalog_bytes above what wasm memory can hold is refused before loading', async () => {
  // Was: accepted, and a load near 2 GB ended in "RuntimeError: Aborted()".
  await assert.rejects(createEngine({ catalog: fixture('catalogs/small.json'), limits: { max_catalog_bytes: 2 ** 31 } }),
    rejectsWith('load.bad_option', '$.max_catalog_bytes: at most 268435456 in the wasm engine (a loaded catalog ' +
      'takes up to seven times its size, and wasm memory ends at 2 GiB), not 2147483648'));
  const atCap = await createEngine({ catalog: fixture('catalogs/small.json'), limits: { max_catalog_bytes: 268435456 } });
  assert.equal(atCap.info.patterns, 5);
  atCap.dispose();
});
