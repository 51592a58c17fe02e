// Every element under every served fault: a catalog cut short,
// one that is not JSON or has the wrong shape, one from a newer schema, a
// catalog request that fails (404, 500, the connection dropped), a wasm
// module that cannot be instantiated and an engine glue that cannot be
// loaded. Each must show a readable error with a Retry button, throw nothing
// uncaught, and, once the fault is gone, show its real content after one
// click on Retry, fetching again what failed. Routed requests bypass the
// HTTP cache, so the last test serves a cacheable broken catalog for real.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dist, addToHost, hostedElements, launchBrowser, openHosted, serve, testRoutes } from './support.mjs';

const catalogText = await readFile(path.join(dist, 'catalog.json'), 'utf8');
const shardText = await readFile(path.join(dist, 'patterns', 'saga.json'), 'utf8');

const host = hostedElements();

// The catalog every element is given; the test serves it, broken or whole.
const CATALOG = '/faulty/catalog.json';

/** Each element, what it needs to show something, and what it shows when it works. */
const ELEMENTS = [
  ['patsel-explorer', {}, '[part=card]'],
  ['patsel-tree', { tree: 'distributed-transactions' }, '[part~=question]'],
  ['patsel-recommender', {}, '[part~=form]'],
  ['patsel-card', { pattern: 'saga' }, '[part~=banner][data-tier]'],
  ['patsel-related', { pattern: 'saga' }, '[part~=node]'],
  ['patsel-timeline', { family: 'distributed-transactions' }, '[part~=step]'],
  ['patsel-compare', { patterns: 'saga,two-phase-commit' }, 'table'],
  ['patsel-stack', { patterns: 'saga,microservices' }, '[part~=report]'],
  ['patsel-learning-path', {}, '[part~=item]'],
  ['patsel-problem-matrix', {}, '[part~=problem]'],
  ['patsel-quick-reference', {}, '[part~=card]'],
  ['patsel-compositions', {}, '[part~=composition]'],
  ['patsel-health', {}, '[part~=row]'],
  ['patsel-changes', {}, '[part~=group]'],
];

const json = (body) => (route) => route.fulfill({ status: 200, contentType: 'application/json', body });
const status = (code) => (route) => route.fulfill({ status: code, contentType: 'text/plain', body: `${code}\n` });

/**
 * Each fault: what the broken responses are (by URL pattern), and what the
 * error must say. Before Retry the test serves the real files instead.
 */
const FAULTS = [
  { name: 'a truncated catalog', broken: { [`**${CATALOG}`]: json(catalogText.slice(0, catalogText.length / 2)) },
    says: /could not.*catalog\.parse_error/s },
  { name: 'a catalog that is not JSON', broken: { [`**${CATALOG}`]: json('<!doctype html><title>Gateway error</title>') },
    says: /could not.*catalog\.parse_error/s },
  { name: 'a catalog of the wrong shape', broken: { [`**${CATALOG}`]: json('{"schema_version": 1, "patterns": {"saga": {}}}') },
    says: /could not.*catalog\.bad_shape.*\$\.patterns/s },
  { name: 'a catalog of a newer schema version',
    broken: { [`**${CATALOG}`]: json(catalogText.replace(/"schema_version":\s*1\b/, '"schema_version":2')) },
    says: /could not.*catalog\.schema_too_new.*version 2, this engine reads up to 1/s },
  { name: 'a catalog request answered 404', broken: { [`**${CATALOG}`]: status(404) },
    says: /could not.*catalog\.fetch_failed.*could not read the catalog.*HTTP 404/s },
  { name: 'a catalog request answered 500', broken: { [`**${CATALOG}`]: status(500) },
    says: /could not.*catalog\.fetch_failed.*could not read the catalog.*HTTP 500/s },
  { name: 'a catalog request whose connection drops', broken: { [`**${CATALOG}`]: (route) => route.abort('connectionreset') },
    says: /could not.*catalog\.fetch_failed.*could not read the catalog/s },
  { name: 'a wasm module that cannot be instantiated',
    broken: { '**/selector.wasm': (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not a wasm module, just garbage bytes') }) },
    says: /could not.*wasm\.instantiate_failed.*could not load the engine/s },
  { name: 'an engine glue (selector.mjs) answered 500', broken: { '**/selector.mjs': status(500) },
    says: /could not.*wasm\.instantiate_failed.*could not load the engine.*selector\.mjs/s },
];

// The real files, served when the fault is gone.
const REAL = {
  [`**${CATALOG}`]: json(catalogText),
  '**/selector.wasm': (route) => route.continue(),
  '**/selector.mjs': (route) => route.continue(),
  '**/patterns/saga.json': json(shardText),
  '**/catalog.json': json(catalogText),
};

// A failed request is reported on the console by the browser itself; any
// other console error, and any uncaught exception, is a problem.
const unexpected = (problems) => problems.filter((p) => !/^console: Failed to load resource/.test(p));

async function faultCase(tag, attributes, ready, fault) {
  let broken = true;
  const requests = new Map();  // URL pattern -> how many requests it answered
  const setup = async (page) => {
    // The catalog is served whole unless the fault breaks it (later routes win).
    await page.route(`**${CATALOG}`, REAL[`**${CATALOG}`]);
    for (const pattern of Object.keys(fault.broken)) {
      await page.route(pattern, (route) => {
        requests.set(pattern, (requests.get(pattern) ?? 0) + 1);
        return (broken ? fault.broken[pattern] : REAL[pattern])(route);
      });
    }
  };
  const { page, problems, element } = await host.open(tag, attributes, ready, { setup });
  try {
    // A readable error: an alert that says what failed, and a Retry button.
    const alert = element.getByRole('alert');
    await alert.waitFor();
    assert.equal(await element.locator(ready).count(), 0, 'no content under a fault');
    assert.match(await alert.innerText(), fault.says);
    const retry = alert.getByRole('button', { name: 'Retry' });
    assert.equal(await retry.isVisible(), true, 'Retry is visible');
    const before = new Map(requests);

    // The fault is gone: one Retry shows the real content, fetched again.
    broken = false;
    await retry.click();
    await element.locator(ready).first().waitFor();
    assert.equal(await element.getByRole('alert').count(), 0, 'the error is gone');
    for (const pattern of fault.refetched ?? before.keys())
      assert.ok(requests.get(pattern) > (before.get(pattern) ?? 0), `Retry requested ${pattern} again`);
    assert.deepEqual(unexpected(problems), []);
  } finally {
    await page.close();
  }
}

for (const fault of FAULTS) {
  for (const [tag, attributes, ready] of ELEMENTS) {
    test(`<${tag}> under ${fault.name}: an error with Retry, and Retry works once it is fixed`, () =>
      faultCase(tag, { ...attributes, catalog: CATALOG }, ready, fault));
  }
}

// A card or a related graph of the shipped catalog reads the pattern's shard
// first and asks the engine when the shard fails; with both failing it says so.
const SHARD_AND_CATALOG = {
  name: 'a shard and a catalog that cannot be read',
  broken: { '**/patterns/saga.json': status(404), '**/catalog.json': status(500) },
  says: /could not be shown.*catalog\.fetch_failed.*HTTP 500/s,
  refetched: ['**/patterns/saga.json'],  // once the shard is back, it is enough
};
for (const [tag, attributes, ready] of ELEMENTS.filter(([tag]) => ['patsel-card', 'patsel-related'].includes(tag))) {
  test(`<${tag}> of the shipped catalog under ${SHARD_AND_CATALOG.name}: an error with Retry, and Retry works`, () =>
    faultCase(tag, attributes, ready, SHARD_AND_CATALOG));
}

// Elements on one page share one engine per catalog: a failed load is not
// kept, so a Retry loads again, and the other elements then use that engine.
test('two elements sharing a catalog that failed: Retry on one loads it, Retry on the other reuses it', async () => {
  let broken = true;
  let fetched = 0;
  const setup = (page) => page.route(`**${CATALOG}`, (route) => {
    fetched += 1;
    return broken ? status(503)(route) : json(catalogText)(route);
  });
  const { page, problems, element: timeline } = await host.open('patsel-timeline',
    { family: 'distributed-transactions', catalog: CATALOG }, '[part~=step]', { setup });
  try {
    const compare = await addToHost(page, 'patsel-compare', { patterns: 'saga,outbox', catalog: CATALOG }, 'table');
    for (const element of [timeline, compare]) await element.getByRole('alert').waitFor();
    broken = false;
    await timeline.getByRole('button', { name: 'Retry' }).click();
    await timeline.locator('[part~=step]').first().waitFor();
    assert.equal(await compare.getByRole('alert').count(), 1, 'the other element still says what happened');
    const before = fetched;
    await compare.getByRole('button', { name: 'Retry' }).click();
    await compare.locator('table').waitFor();
    assert.equal(fetched, before, 'the engine the first Retry loaded is shared');
    assert.deepEqual(unexpected(problems), []);
  } finally {
    await page.close();
  }
});

// A broken catalog sent with a long max-age sits in the browser's HTTP cache;
// Retry revalidates with the server instead of reading that copy again.
test('Retry reads past the HTTP cache that still holds the broken catalog', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'patsel-cached-'));
  await writeFile(path.join(folder, 'catalog.json'), catalogText.slice(0, 5000));
  let served = 0;
  const cacheable = (pathname) => (pathname.startsWith('/cached/') ? (served++, { 'cache-control': 'max-age=3600' }) : {});
  const server = await serve(dist, { routes: { ...testRoutes, '/cached/': folder }, headers: cacheable });
  const browser = await launchBrowser();
  try {
    const { problems, element } = await openHosted(browser, server.url, 'patsel-timeline',
      { family: 'distributed-transactions', catalog: '/cached/catalog.json' }, '[part~=step]');
    await element.getByRole('alert').waitFor();
    assert.equal(served, 1);
    await writeFile(path.join(folder, 'catalog.json'), catalogText);
    await element.getByRole('button', { name: 'Retry' }).click();
    await element.locator('[part~=step]').first().waitFor();
    assert.equal(served, 2, 'the catalog was asked of the server again');
    assert.deepEqual(unexpected(problems), []);
  } finally {
    await browser.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
});
