// The wasm engine's limits (docs/reliability.md): deep or oversized input is
// a PatselError with a code, never a trap; a catalog at the depth limit is
// served, which checks the wasm stack has room for the recursion the limit
// allows; `limits` sets them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dist } from './support.mjs';

const { createEngine, PatselError } = await import(`${dist}/index.node.js`);

// A catalog whose one pattern holds `value` (JSON text) in its field "x".
const catalogWith = (value) => `{"schema_version":1,"patterns":[{"id":"a","title":"A","x":${value}}]}`;
const nested = (levels) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

function rejectsWith(code, message) {
  return (error) => {
    assert.ok(error instanceof PatselError, String(error));
    assert.equal(error.code, code);
    if (message) assert.equal(error.reason, message);
    return true;
  };
}

test('a catalog at the default depth limit (128) loads and its deep value is served', async () => {
  // 3 levels to reach the record, 125 inside x.
  const engine = await createEngine({ catalog: catalogWith(nested(125)) });
  assert.equal(JSON.stringify(engine.call('pattern', { id: 'a' }).pattern.x), nested(125));
  engine.dispose();
});

test('deeper catalogs are refused with the path, however deep', async () => {
  await assert.rejects(createEngine({ catalog: catalogWith(nested(126)) }), rejectsWith('catalog.too_deep',
    '$.patterns[0].x[0][0][0][0][0]...: nested deeper than 128 levels (load option max_depth)'));
  await assert.rejects(createEngine({ catalog: catalogWith('['.repeat(1000000)) }), rejectsWith('catalog.too_deep'));
});

test('limits raise or lower what a load accepts', async () => {
  const text = catalogWith(nested(125));
  await assert.rejects(createEngine({ catalog: text, limits: { max_catalog_bytes: 10 } }), rejectsWith('catalog.too_large',
    `catalog: ${text.length} bytes, more than the limit of 10 (load option max_catalog_bytes)`));
  const deeper = await createEngine({ catalog: catalogWith(nested(300)), limits: { max_depth: 303 } });
  assert.equal(JSON.stringify(deeper.call('pattern', { id: 'a' }).pattern.x), nested(300));
  deeper.dispose();
  await assert.rejects(createEngine({ catalog: text, limits: { max_depth: 0 } }), rejectsWith('load.bad_option',
    '$.max_depth: expected an integer from 1 to 1000'));
  await assert.rejects(createEngine({ catalog: text, limits: { depth: 5 } }), rejectsWith('load.bad_option',
    '$.depth: not a load option (max_catalog_bytes, max_params_bytes, max_depth)'));
});

test('params over the limits are PatselErrors, and the engine goes on', async () => {
  const engine = await createEngine({ catalog: catalogWith('1'), limits: { max_params_bytes: 1000 } });
  assert.throws(() => engine.list({ tiers: JSON.parse(nested(200)) }), rejectsWith('params.too_deep',
    '$.tiers[0][0][0][0][0][0][0]...: nested deeper than 128 levels (load option max_depth)'));
  assert.throws(() => engine.list({ tiers: ['g'.repeat(1000)] }), rejectsWith('params.too_large'));
  assert.equal(engine.list().total, 1);
  engine.dispose();
});

test('catalog text that is not well-formed Unicode is refused, not half read', async () => {
  // An escaped lone surrogate, and a lone surrogate in the JS string itself
  // (which reaches the engine as bytes that are not UTF-8).
  for (const title of ['"\\ud800"', '"\ud800"']) {
    await assert.rejects(createEngine({ catalog: catalogWith(`1,"title2":${title}`) }), rejectsWith('catalog.parse_error'));
  }
  // The place is named: the lone half is the 2nd character of line 2.
  await assert.rejects(createEngine({ catalog: catalogWith('1').replace('{', '{\n"\udc00":1,') }),
    rejectsWith('catalog.parse_error', 'catalog: line 2, column 2: half of a surrogate pair, not Unicode text'));
  const engine = await createEngine({ catalog: catalogWith('"\\ud83d\\ude00 \\u0000"') });
  assert.equal(engine.call('pattern', { id: 'a' }).pattern.x, '\u{1F600} \u0000');
  engine.dispose();
});
