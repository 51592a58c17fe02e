// The benchmark scripts start and produce well-formed output on a tiny
// input. No timing is asserted: figures come from `./run bench` only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCompiler } from '../../bench/compiler.mjs';
import { measureSizes } from '../../bench/sizes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.PATSEL_DIST ? path.resolve(process.env.PATSEL_DIST) : path.join(root, 'dist');

test('the compiler benchmark runs on a five-page tree', async () => {
  const rows = await benchCompiler({ runs: 1, sizes: [5] });
  assert.equal(rows.length, 2);
  assert.deepEqual(rows.map((r) => r.pages).slice(1), [5]);
  for (const row of rows) {
    assert.equal(typeof row.input, 'string');
    assert.ok(Number.isFinite(row.median_ms) && row.median_ms > 0);
    assert.equal(row.runs, 1);
  }
});

test('the size report covers every artifact and both pages', async () => {
  const { files, pages } = await measureSizes(dist);
  assert.ok(files.length >= 6);
  assert.deepEqual(pages.map((p) => p.name), ['pattern page with one <patsel-card>', 'explorer page (<patsel-explorer>)']);
  for (const row of [...files, ...pages]) {
    assert.ok(row.raw > 0 && row.gzip > 0 && row.brotli > 0, row.name);
    assert.ok(row.gzip < row.raw, `${row.name}: gzip smaller than raw`);
  }
  assert.ok(pages[0].files.includes('patterns/circuit-breaker.json'));
  assert.ok(!pages[0].files.includes('selector.wasm'), 'a pattern page does not load the wasm');
});
