// searchEngine(): what <patsel-explorer> loads. With the shipped catalog it
// is an engine over dist/search-catalog.json (only what search reads), the
// page's full engine once that one is there (without the search module or catalog:
// search-without-*.test.mjs). A file of its own: the page-wide engine
// registry must start empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { dist, fixture } from './support.mjs';

const { PatselError, createEngine, engineFor, explorerOpening, searchEngine } = await import(`${dist}/index.node.js`);
const shipped = JSON.parse(await readFile(`${dist}/catalog.json`, 'utf8'));

const requests = [
  {},
  { query: 'sag' },
  { query: 'circut breaker', limit: 5 },
  { query: 'cache', filters: { tier: ['gold', 'silver'] }, sort: 'title' },
  { filters: { category: ['data-management'] }, ranges: { introduced: [2000, 2015] }, offset: 2 },
  { query: 'circut breaker', matching: 'prefix' },
  { query: 'bulkh', matching: 'prefix', limit: 3 },
];

test('with the shipped catalog, the search engine reads the search catalog and answers as the full one', async () => {
  const searching = await searchEngine();
  assert.equal(searching.info.scope, 'search');
  assert.equal(searching.info.content_hash, shipped.content_hash);
  assert.equal(searching.info.patterns, shipped.patterns.length);
  const full = await createEngine();
  assert.equal(full.info.scope, 'full');
  for (const params of requests) assert.deepEqual(searching.search(params), full.search(params), JSON.stringify(params));
  assert.deepEqual(searching.list({ tiers: ['bronze'] }), full.list({ tiers: ['bronze'] }));
  // "circut" is one typo from "circuit": corrected by full matching only.
  const expansions = (matching) => searching.search({ query: 'circut ', matching }).query.terms[0].expansions;
  assert.deepEqual(expansions('full'), ['circuit']);
  assert.deepEqual(expansions('prefix'), []);
  full.dispose();
  // The search catalog is a fraction of the full one.
  const [small, whole] = await Promise.all([stat(`${dist}/search-catalog.json`), stat(`${dist}/catalog.json`)]);
  assert.ok(small.size < whole.size / 3, `${small.size} bytes against ${whole.size}`);
  // What needs whole records says so.
  assert.throws(() => searching.related('saga'), (error) =>
    error instanceof PatselError && error.code === 'catalog.search_only' && /'related' needs the full catalog/.test(error.message));
  assert.equal(await searchEngine(), searching, 'shared: loaded once');
  assert.equal(await explorerOpening(), null, 'the search engine answers at once');
});

test('once the full engine is on the page, searching uses it', async () => {
  const full = await engineFor();
  assert.equal(full.info.scope, 'full');
  assert.equal(await searchEngine(), full);
});

test('with another catalog, the search engine is that catalog\'s shared engine', async () => {
  const options = { catalog: fixture('catalogs/small.json') };
  assert.equal(await searchEngine(options), await engineFor(options));
});
