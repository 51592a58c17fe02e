// <patsel-card>: the tier banner for each tier, read from per-pattern
// shards (no wasm on a card-only page); catalog text stays text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, root, launchBrowser, serve, openPage } from './support.mjs';

const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const byId = Object.fromEntries(catalog.patterns.map((p) => [p.id, p]));
let browser, server;
before(async () => {
  browser = await launchBrowser();
  server = await serve(dist, { routes: { '/pages/': path.join(root, 'tests', 'browser', 'pages'), '/fixtures/': path.join(root, 'tests', 'fixtures') } });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function cardPage(attributes) {
  const { page, problems } = await openPage(browser, `${server.url}pages/card.html`);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.evaluate((attrs) => {
    const card = document.getElementById('card');
    for (const [name, value] of Object.entries(attrs)) card.setAttribute(name, value);
  }, attributes);
  const banner = page.locator('#card [part~=banner]:not([part~=loading]), #card [part=error]');
  await banner.first().waitFor();
  return { page, problems, requests, banner: page.locator('#card [part~=banner]') };
}

test('gold: who uses it, the scale and the production checklist', async () => {
  const p = byId['circuit-breaker'];
  const { page, problems, requests, banner } = await cardPage({ pattern: 'circuit-breaker' });
  assert.equal(await banner.getAttribute('data-tier'), 'gold');
  const text = await banner.textContent();
  assert.match(text, /Gold standard pattern/);
  for (const example of p.modern_examples) assert.ok(text.includes(example.company), example.company);
  await page.locator('#card summary', { hasText: 'Production checklist' }).click();
  for (const item of p.production_checklist) assert.ok(await page.locator('#card [part=checklist] li', { hasText: item }).isVisible(), item);
  assert.deepEqual(requests.filter((r) => r.endsWith('.wasm') || r.endsWith('catalog.json')), [], 'a card reads its shard only');
  assert.deepEqual(problems, []);
  await page.close();
});

test('silver: best for, trade-offs and what to consider instead, linked', async () => {
  const p = byId.cqrs;
  const { page, banner } = await cardPage({ pattern: 'cqrs' });
  assert.equal(await banner.getAttribute('data-tier'), 'silver');
  const text = await banner.textContent();
  for (const line of [...p.best_for, ...p.trade_offs.pros, ...p.trade_offs.cons]) assert.ok(text.includes(line), line);
  const first = p.alternatives[0].pattern;
  assert.equal(await page.locator('#card [part=alternatives] a').first().getAttribute('href'), `/patterns/${first}/`);
  assert.match(await page.locator('#card [part=alternatives] a').first().textContent(), new RegExp(`^${byId[first].title} \\(${byId[first].tier}\\)$`));
  await page.close();
});

test('bronze: why it is legacy, the modern alternatives and the migration steps', async () => {
  const p = byId['two-phase-commit'];
  const { page, banner } = await cardPage({ pattern: 'two-phase-commit' });
  assert.equal(await banner.getAttribute('data-tier'), 'bronze');
  assert.ok((await banner.textContent()).includes(p.deprecation_reason));
  const migration = page.locator('#card [part=migration]');
  assert.equal(await migration.locator('li').count(), p.migration_paths.to[0].steps.length);
  assert.match(await migration.locator('summary').textContent(), new RegExp(byId[p.migration_paths.to[0].pattern].title));
  await page.close();
});

test('an unknown pattern shows a readable error with a retry', async () => {
  const { page } = await cardPage({ pattern: 'no-such-pattern' });
  const error = page.locator('#card [part=error]');
  assert.match(await error.textContent(), /could not be shown.*pattern\.not_found/s);
  assert.equal(await page.locator('#card button', { hasText: 'Retry' }).count(), 1);
  await page.close();
});

test('markup in catalog text renders inert, and javascript: links are not emitted', async () => {
  const { page, problems, banner } = await cardPage({ pattern: 'xss', catalog: '/fixtures/catalogs/hostile.json' });
  assert.match(await banner.textContent(), /<b onmouseover="window.pwned=3">bold<\/b>/);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  const hrefs = await page.locator('#card a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.every((h) => !h.startsWith('javascript:')), hrefs.join(' '));
  assert.equal(await page.locator('#card img, #card script, #card iframe, #card svg:not(.tier-icon), #card b').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the banner has no serious accessibility violations (axe)', async () => {
  const { seriousViolations } = await import('./axe.mjs');
  for (const pattern of ['circuit-breaker', 'cqrs', 'two-phase-commit']) {
    const { page } = await cardPage({ pattern });
    assert.deepEqual(await seriousViolations(page), [], pattern);
    await page.close();
  }
});
