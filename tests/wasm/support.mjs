// Paths shared by the node:test suites. They test the assembled package in
// dist/ (what `./run build` produces), not the sources.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// PATSEL_DIST lets a developer test another assembled copy (scripts/assemble.mjs --out).
export const dist = process.env.PATSEL_DIST ? path.resolve(process.env.PATSEL_DIST) : path.join(root, 'dist');
export const fixture = (name) => path.join(root, 'tests', 'fixtures', name);
// PATSEL_BIN points the differential test at another native build (e.g. a
// developer's own build directory).
export const patsel = process.env.PATSEL_BIN ?? path.join(root, 'build', 'native', 'patsel');

/**
 * Checks that searchEngine() of a copy of the package without `leftOut`
 * (a custom build) falls back to the full engine. Engines are shared across
 * copies by catalog, so each case runs in a test file of its own.
 */
export async function searchFallsBackWithout(leftOut) {
  const copy = await mkdtemp(path.join(tmpdir(), 'patsel-copy-'));
  try {
    const files = ['index.node.js', 'engine.js', 'selector.mjs', 'selector.wasm', 'selector-search.mjs', 'selector-search.wasm',
      'catalog.json', 'search-catalog.json'];
    for (const name of files.filter((f) => f !== leftOut)) await cp(path.join(dist, name), path.join(copy, name));
    assert.equal(globalThis[Symbol.for('@dstudio/pattern-selector/engines')], undefined, 'no engine loaded before');
    const other = await import(path.join(copy, 'index.node.js'));
    const engine = await other.searchEngine();
    assert.equal(engine.info.scope, 'full');
    const shipped = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
    assert.equal(engine.info.content_hash, shipped.content_hash);
    assert.equal(await other.engineFor(), engine, "the page's full engine");
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}
