// The explorer's opening answers shipped in dist/explorer-opening-answers.js: the
// engine's own answers to the explorer's opening requests, and read only
// while they can help (the shipped catalog, no engine loaded yet). A file of
// its own: the page-wide engine registry must start empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dist, fixture } from './support.mjs';

const { createEngine, engineFor, explorerOpening, openingApplies } = await import(`${dist}/index.node.js`);
const { ALL_FACET_VALUES, DEFAULT_PAGE_SIZE, openingPage } = await import(`${dist}/elements/explorer-opening.js`);
const shipped = JSON.parse(await readFile(`${dist}/catalog.json`, 'utf8'));

test('the shipped opening answers are what the engine answers to the explorer\'s opening requests', async () => {
  const opening = await explorerOpening();
  assert.equal(opening.content_hash, shipped.content_hash);
  assert.equal(opening.page_size, DEFAULT_PAGE_SIZE);
  // Checked against the catalog file: the gold patterns, every category.
  const gold = shipped.patterns.filter((p) => p.tier === 'gold');
  assert.equal(opening.first.total, gold.length);
  assert.equal(opening.first.hits.length, Math.min(gold.length, DEFAULT_PAGE_SIZE));
  assert.ok(opening.first.hits.every((hit) => hit.tier === 'gold'));
  assert.deepEqual(opening.facets.facets.category.map((v) => v.value).sort(),
    [...new Set(shipped.patterns.map((p) => p.category))].sort());
  // And exactly the engine's own answers, which the explorer then shows.
  const engine = await createEngine();
  assert.deepEqual(opening.facets, engine.search(ALL_FACET_VALUES));
  assert.deepEqual(opening.first, engine.search(openingPage()));
  engine.dispose();
});

test('no shipped answers for another catalog, or once the shared engine has loaded', async () => {
  assert.equal(await explorerOpening({ catalog: fixture('catalogs/small.json') }), null);
  assert.equal(openingApplies({ catalog: fixture('catalogs/small.json') }), false);
  assert.notEqual(await explorerOpening(), null, 'none loaded yet');
  assert.equal(openingApplies(), true, 'none loaded yet');
  await engineFor();
  assert.equal(await explorerOpening(), null, 'the engine answers at once');
  assert.equal(openingApplies(), false, 'the engine answers at once');
});
