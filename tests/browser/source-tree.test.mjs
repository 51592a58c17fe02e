// The elements run from the source tree as they are: served from the
// repository (web/, wasm/ and data/; only the wasm module comes from the
// build), they import the JS API by the same relative path as in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { root, launchBrowser, serve, openPage } from './support.mjs';

const catalog = JSON.parse(await readFile(path.join(root, 'data', 'catalog.json'), 'utf8'));
const tree = catalog.trees.find((t) => t.id === 'distributed-transactions');

let browser, server;
before(async () => {
  browser = await launchBrowser();
  server = await serve(root, { routes: {
    '/wasm/': [path.join(root, 'wasm'), path.join(root, 'build', 'wasm', 'wasm')],
    '/pages/': path.join(root, 'tests', 'browser', 'pages'),
  } });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('a page loads the elements straight from web/ and they work', async () => {
  const { page, problems } = await openPage(browser, 'about:blank');
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}pages/source.html`);
  await page.locator('#tree [part~=question-text]').waitFor();
  await page.locator('#card [part~=banner]').waitFor();
  assert.equal(await page.locator('#tree [part~=question-text]').textContent(), tree.questions.find((q) => q.id === tree.start).text);
  assert.equal(await page.locator('#card [part~=banner]').getAttribute('data-tier'), catalog.patterns.find((p) => p.id === 'saga').tier);
  for (const file of ['/web/elements/index.js', '/web/elements/base.js', '/web/index.js', '/wasm/index.js', '/wasm/engine.js', '/wasm/selector.mjs'])
    assert.ok(requests.includes(file), `${file} is loaded`);
  assert.deepEqual(requests.filter((r) => r.startsWith('/dist/')), [], 'nothing from dist/');
  assert.deepEqual(problems, []);
  await page.close();
});
