// The single-file demo opened from a file: URL with the network off, as a
// user who double-clicks the downloaded file would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dist, launchBrowser } from './support.mjs';

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

test('the offline single-file demo works from file:// with no network', async () => {
  const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
  const gold = catalog.patterns.filter((p) => p.tier === 'gold').length;
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(path.join(dist, 'pattern-selector-offline.html')).href);
  await page.locator('patsel-explorer [part=count]').filter({ hasText: `${gold} patterns` }).waitFor();
  assert.equal(await page.locator('patsel-explorer [part=card]').count(), Math.min(gold, 24), 'the first page of results');
  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
  await context.close();
});
