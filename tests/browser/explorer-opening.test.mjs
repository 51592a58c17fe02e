// <patsel-explorer>'s opening view painted from the answers shipped in
// explorer-opening-answers.js (a module the element imports) while the wasm
// still loads: the same cards the engine then gives, the controls
// that redraw at once waiting for it, typing kept, and no shipped answers
// for another catalog or a saved view. The wasm is held back by the test, so
// "before the engine is ready" is certain, not a race.
// Expected values come from catalog.json, not from the engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dist, root, launchBrowser, serve, openPage, patsel, testRoutes } from './support.mjs';

let browser, server;
before(async () => {
  browser = await launchBrowser();
  server = await serve(dist, { routes: testRoutes });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const gold = catalog.patterns.filter((p) => p.tier === 'gold');

// Opens `url` with every request for the wasm held until release() is
// called; `setup(page)` runs before the page is opened.
async function withWasmHeld(url, setup = async () => {}) {
  const requests = [];
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const { page, problems } = await openPage(browser, 'about:blank');
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  // Both modules: the explorer's search module, and the full one a page may load.
  await page.route('**/selector*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__changes = [];
    addEventListener('patsel-explorer-change', (event) => window.__changes.push(event.detail), { capture: true });
  });
  await setup(page);
  await page.goto(url);
  return { page, problems, requests, release };
}

const view = (page) => page.evaluate(() => {
  const root = document.querySelector('patsel-explorer').shadowRoot;
  return {
    count: root.querySelector('[part=count]').textContent,
    ids: [...root.querySelectorAll('[part=list] > [part=card]')].map((card) => card.dataset.id),
    categories: [...root.querySelectorAll('[data-facet=category] input')].map((box) => box.value),
    silverDisabled: root.querySelector('input[value=silver]').disabled,
    changes: window.__changes?.length ?? 0,
  };
});

test('the opening view paints before the engine is ready, and the engine keeps it as it is', async () => {
  const { page, problems, requests, release } = await withWasmHeld(`${server.url}pages/explorer.html`);
  const explorer = page.locator('patsel-explorer');
  await explorer.locator('[part=card]').first().waitFor();
  const before = await view(page);
  assert.equal(before.count, `${gold.length} patterns`);
  assert.equal(before.ids.length, Math.min(gold.length, 24));
  assert.ok(before.ids.every((id) => gold.some((p) => p.id === id)), 'only gold patterns');
  assert.deepEqual([...before.categories].sort(), [...new Set(catalog.patterns.map((p) => p.category))].sort());
  assert.equal(before.silverDisabled, true, 'a tier waits for the engine');
  assert.equal(before.changes, 1);
  assert.ok(requests.includes('/explorer-opening-answers.js'));

  // Typing before the engine is ready is kept, and answered once it is.
  await explorer.locator('#q').fill('two phase commit');
  release();
  await explorer.locator('[part=card][data-id=two-phase-commit]').first().waitFor();
  assert.equal(await explorer.locator('#q').inputValue(), 'two phase commit');
  assert.equal(await explorer.locator('input[value=silver]').isDisabled(), false);
  // It searches with the search module and catalog; the full ones are never fetched.
  assert.ok(requests.includes('/search-catalog.json') && requests.includes('/selector-search.wasm'));
  assert.ok(!requests.includes('/catalog.json') && !requests.includes('/selector.wasm'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('the engine redraws the opening view with the same cards and does not announce it twice', async () => {
  const { page, problems, release } = await withWasmHeld(`${server.url}pages/explorer.html`);
  const explorer = page.locator('patsel-explorer');
  await explorer.locator('[part=card]').first().waitFor();
  const opening = await view(page);
  release();
  await explorer.locator('input[value=silver]:not([disabled])').waitFor();
  const ready = await view(page);
  assert.deepEqual(ready.ids, opening.ids);
  assert.equal(ready.count, opening.count);
  assert.equal(ready.changes, 1, 'one patsel-explorer-change for one view');
  // The controls now redraw at once.
  await explorer.locator('input[value=silver]').check();
  const silver = catalog.patterns.filter((p) => p.tier === 'silver').length;
  assert.equal((await view(page)).count, `${gold.length + silver} patterns`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('another catalog or a saved view does not use the shipped answers', async () => {
  for (const [what, url] of [
    ['another catalog', `${server.url}pages/blank.html`],
    ['a saved view', `${server.url}pages/explorer.html?explorer=q.saga`],
  ]) {
    const { page, problems, requests, release } = await withWasmHeld(url);
    if (what === 'another catalog') {
      await page.evaluate(() => {
        const element = document.createElement('patsel-explorer');
        element.setAttribute('catalog', '/fixtures/catalogs/small.json');
        document.body.append(element);
        return import('/elements/index.js');
      });
    }
    await page.waitForFunction(() => document.querySelector('patsel-explorer')?.shadowRoot?.querySelector('[part=count]'));
    // The answers came with the element's code; they are not painted.
    await page.waitForFunction(() => customElements.get('patsel-explorer'));
    assert.ok(requests.includes('/explorer-opening-answers.js'));
    await page.waitForTimeout(300);
    assert.equal((await view(page)).ids.length, 0, `${what}: nothing painted before the engine`);
    release();
    await page.locator('patsel-explorer [part=card]').first().waitFor();
    assert.deepEqual(problems, [], what);
    await page.close();
  }
});

test('two explorers on a page load the opening answers once and each paints them', async () => {
  const { page, problems, requests, release } = await withWasmHeld(`${server.url}pages/blank.html`);
  await page.evaluate(() => {
    for (let i = 0; i < 2; i++) document.body.append(document.createElement('patsel-explorer'));
  });
  const explorers = page.locator('patsel-explorer');
  for (const i of [0, 1]) await explorers.nth(i).locator('[part=card]').first().waitFor();
  const counts = await page.evaluate(() => [...document.querySelectorAll('patsel-explorer')]
    .map((explorer) => explorer.shadowRoot.querySelectorAll('[part=list] > [part=card]').length));
  assert.deepEqual(counts, [Math.min(gold.length, 24), Math.min(gold.length, 24)]);
  assert.equal(await explorers.nth(0).locator('input[value=silver]').isDisabled(), true, 'painted before the engine');
  assert.equal(requests.filter((p) => p === '/explorer-opening-answers.js').length, 1);
  release();
  await explorers.nth(1).locator('input[value=silver]:enabled').waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('an explorer added once the page\'s engine has loaded asks the engine, not the shipped answers', async () => {
  const requests = [];
  const { page, problems } = await openPage(browser, `${server.url}pages/blank.html`);
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.evaluate(async () => (await import('/index.js')).engineFor());
  await page.evaluate(() => document.body.append(document.createElement('patsel-explorer')));
  await page.locator('patsel-explorer [part=card]').first().waitFor();
  const shown = await view(page);
  assert.equal(shown.silverDisabled, false, 'not painted from the shipped answers, whose controls wait');
  assert.ok(!requests.includes('/search-catalog.json'), 'the full engine searches too');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a catalog put in the shipped one\'s place: the engine redraws with its own patterns and facet values', async () => {
  const smallPath = path.join(root, 'tests', 'fixtures', 'catalogs', 'small.json');
  const small = JSON.parse(await readFile(smallPath, 'utf8'));
  // The host replaced both files: the catalog and the search catalog cut from it.
  const scratch = await mkdtemp(path.join(tmpdir(), 'patsel-small-'));
  execFileSync(patsel, ['search-catalog', '--catalog', smallPath, '-o', path.join(scratch, 'search-catalog.json')]);
  const smallSearch = await readFile(path.join(scratch, 'search-catalog.json'), 'utf8');
  await rm(scratch, { recursive: true, force: true });
  const { page, problems, release } = await withWasmHeld(`${server.url}pages/explorer.html`, async (p) => {
    await p.route('**/catalog.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(small) }));
    await p.route('**/search-catalog.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: smallSearch }));
  });
  const explorer = page.locator('patsel-explorer');
  await explorer.locator('[part=card]').first().waitFor();
  release();
  await explorer.locator('input[value=silver]:not([disabled])').waitFor();
  const ready = await view(page);
  const smallGold = small.patterns.filter((p) => p.tier === 'gold');
  assert.equal(ready.count, `${smallGold.length} ${smallGold.length === 1 ? 'pattern' : 'patterns'}`);
  assert.deepEqual([...ready.ids].sort(), smallGold.map((p) => p.id).sort());
  assert.deepEqual([...ready.categories].sort(), [...new Set(small.patterns.map((p) => p.category))].sort());
  assert.equal(ready.changes, 2, 'the new view is announced');
  assert.deepEqual(problems, []);
  await page.close();
});
