// The single-file demo opened from a file: URL with the network off, as a
// user who double-clicks the downloaded file would: the explorer works, and
// so does everything a reader does in the demo (demo-scenarios.mjs), without
// one request beyond the file itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dist, launchBrowser } from './support.mjs';
import { demoScenarios } from './demo-scenarios.mjs';

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

const file = pathToFileURL(path.join(dist, 'pattern-selector-offline.html')).href;

/** The offline file at `route`, in a context with the network off; every request is recorded. */
async function openOffline(route) {
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${file}${route}`);
  return {
    page, problems, requests,
    close: async () => {
      assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), [], 'no request beyond the file');
      await context.close();
    },
  };
}

test('the offline single-file demo works from file:// with no network', async () => {
  const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
  const gold = catalog.patterns.filter((p) => p.tier === 'gold').length;
  const { page, problems, close } = await openOffline('#/search');
  await page.locator('patsel-explorer [part=count]').filter({ hasText: `${gold} patterns` }).waitFor();
  assert.equal(await page.locator('patsel-explorer [part=card]').count(), Math.min(gold, 24), 'the first page of results');
  assert.deepEqual(problems, []);
  await close();
});

test('the offline file leaves out what its page never runs: the opening answers and the search module', async () => {
  const html = await readFile(path.join(dist, 'pattern-selector-offline.html'), 'utf8');
  const opening = JSON.parse((await import(pathToFileURL(path.join(dist, 'explorer-opening-answers.js')).href)).default);
  assert.ok(!html.includes(`"content_hash":"${opening.content_hash}","page_size"`), 'no opening answers');
  // Each Emscripten loader says this once: one loader (selector.mjs), not two.
  assert.equal(html.split('failed to asynchronously prepare wasm').length - 1, 1, 'one wasm loader');
  assert.ok(html.includes('the offline file has no search module'));
});

demoScenarios('offline file', openOffline);
