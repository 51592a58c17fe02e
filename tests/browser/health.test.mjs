// <patsel-health>: patterns by health score over the health fixture catalog
// (its scores and flags are worked out by hand in tests/engine/health_test.cpp
// and docs/health.md), what each score rests on, flags in words, a row
// opened to its signals and sources, the filters in the URL and Back, a
// failure with Retry, hostile text, and axe at both widths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hostedElements, recordChanges, root, textPastRightEdge } from './support.mjs';
import { assertAccessibleAtBothWidths } from './axe.mjs';

const FIXTURE = '/fixtures/catalogs/health.json';
const fixture = JSON.parse(await readFile(path.join(root, 'tests', 'fixtures', 'catalogs', 'health.json'), 'utf8'));
const byId = Object.fromEntries(fixture.patterns.map((p) => [p.id, p]));

const host = hostedElements();
const open = (attributes = {}, options = {}) => host.open('patsel-health',
  { catalog: FIXTURE, today: '2026-06', 'base-url': '/p/', ...attributes }, '[part~=row], [part~=status]:not(:empty)', options);
const rows = (element) => element.locator('[part~=row]').evaluateAll((r) => r.map((x) => x.dataset.pattern));
const urlValue = (page) => page.evaluate(() => new URL(location.href).searchParams.get('health'));

test('creation: every pattern, healthiest first, with its score, what it rests on, its tier and category', async () => {
  const { page, problems, element } = await open();
  // The order and scores of tests/wasm/health.test.mjs, for 2026-06.
  assert.deepEqual(await rows(element), ['breaker', 'old-gold', 'retry', 'lock', 'ghost', 'cache']);
  const breaker = element.locator('[part~=row][data-pattern=breaker]');
  assert.equal(await breaker.locator('[part~=score]').textContent(), 'Health 83.5 of 100');
  // Every one of the eight signals is known for breaker (docs/health.md's worked example).
  assert.equal(await breaker.locator('[part~=known]').textContent(), 'rests on 8 of 8 signals known');
  assert.equal(await breaker.locator('[part~=row-title] a').getAttribute('href'), '/p/breaker/');
  assert.equal(await breaker.locator('[part~=row-title] a').textContent(), byId.breaker.title);
  assert.equal(await breaker.locator('[part~=badge]').textContent(), 'gold');
  assert.equal(await breaker.locator('[part~=category]').textContent(), 'Resilience');
  // retry has no sourced library state and no adoption fact: two signals unknown.
  assert.match(await element.locator('[part~=row][data-pattern=retry] [part~=known]').textContent(), /rests on \d of 8 signals known/);
  assert.notEqual(await element.locator('[part~=row][data-pattern=retry] [part~=known]').textContent(), 'rests on 8 of 8 signals known');
  assert.equal(await element.locator('[part~=status]').textContent(), '6 patterns, healthiest first; 3 flagged for review. Scores as of June 2026.');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a flag says why in words, never as a code', async () => {
  const { page, element } = await open();
  const ghost = element.locator('[part~=row][data-pattern=ghost]');
  assert.equal(await ghost.getAttribute('data-flagged'), '');
  const flags = await ghost.locator('[part~=flag]').allTextContents();
  assert.equal(flags.length, 3);
  assert.ok(flags.includes('Flagged for review: Its tier history ends at silver, but its tier is gold.'), flags.join(' | '));
  assert.equal(await element.locator('[part~=row][data-pattern=lock] [part~=flag]').textContent(), 'Flagged for review: A bronze pattern still marked mainstream.');
  assert.equal(await element.locator('[part~=row][data-pattern=breaker] [part~=flag]').count(), 0);
  const text = await element.evaluate((e) => e.shadowRoot.textContent);
  for (const code of ['gold_all_archived', 'history_mismatch', 'bronze_mainstream', 'legacy_gold']) assert.ok(!text.includes(code), code);
  await page.close();
});

test('a row opens to its signals, their shares, its libraries and adoption with their sources, and its tier history', async () => {
  const { page, problems, element } = await open();
  const toggles = await recordChanges(page, 'patsel-health-toggle');
  const breaker = element.locator('[part~=row][data-pattern=breaker]');
  const toggle = breaker.locator('[part~=toggle]');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await breaker.locator('[part~=signals]').isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const signals = breaker.locator('[part~=signal]');
  assert.equal(await signals.count(), 8);
  // The points of docs/health.md's worked example, in the model's order.
  const shares = await breaker.locator('[part~=share]').allTextContents();
  assert.deepEqual(shares.map((s) => s.split(' of ')[0]), ['20', '20', '12.5', '10', '10', '5', '1', '5']);
  assert.match(shares[2], /^12\.5 of 83\.5 points \(weight 25\)$/);
  // Labels, not ids.
  const names = await breaker.locator('[part~=signal] .name').allTextContents();
  assert.ok(!names.includes('maintained') && !names.includes('successors'), names.join(', '));
  // Libraries with their state in words and their sources as real links.
  const libraries = breaker.locator('[part~=libraries] li');
  assert.equal(await libraries.count(), 2);
  assert.match(await libraries.nth(0).textContent(), /LibA: actively maintained, as of 2025\. Source: a\.example/);
  assert.match(await libraries.nth(1).textContent(), /LibB: archived, no longer maintained, as of 2024\./);
  const link = libraries.nth(0).locator('a[part~=source]');
  assert.equal(await link.getAttribute('href'), 'https://a.example');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.match(await breaker.locator('[part~=adoption] li').textContent(), /^Used at A\. \(2024\) Source: c\.example$/);
  assert.match(await breaker.locator('[part~=signals]').textContent(), /Last reviewed January 2026\./);
  assert.deepEqual(toggles, [{ pattern: 'breaker', open: true }]);
  // cache's tier change, with its reason.
  const cache = element.locator('[part~=row][data-pattern=cache]');
  await cache.locator('[part~=toggle]').click();
  assert.equal(await cache.locator('[part~=history] li').textContent(), '2022: gold to silver. Fewer new uses.');
  assert.match(await cache.locator('[part~=signals]').textContent(), /Not reviewed yet\./);
  await toggle.click();
  assert.equal(await breaker.locator('[part~=signals]').isVisible(), false);
  assert.deepEqual(problems, []);
  await page.close();
});

test('filters: tier, category and flagged only, in the URL; Back restores each step; a link opens them', async () => {
  const { page, problems, element } = await open();
  const changes = await recordChanges(page, 'patsel-health-change');
  await element.getByLabel(/^Bronze/).uncheck();
  assert.deepEqual(await rows(element), ['breaker', 'old-gold', 'retry', 'ghost', 'cache']);
  assert.equal(await urlValue(page), 'tier.gold.silver');
  await element.getByLabel('Category').selectOption('scaling');
  assert.deepEqual(await rows(element), ['old-gold', 'ghost', 'cache']);
  assert.equal(await urlValue(page), 'tier.gold.silver_category.scaling');
  await element.getByLabel('Flagged for review only').check();
  assert.deepEqual(await rows(element), ['old-gold', 'ghost']);
  assert.equal(await urlValue(page), 'tier.gold.silver_category.scaling_flagged.yes');
  assert.equal(await element.locator('[part~=status]').textContent(), '2 patterns, healthiest first. Scores as of June 2026.');
  assert.deepEqual(changes.at(-1), { tiers: ['gold', 'silver'], category: 'scaling', flagged: true });

  await page.goBack();
  await element.locator('[part~=row][data-pattern=cache]').waitFor();
  assert.equal(await element.getByLabel('Flagged for review only').isChecked(), false);
  await page.goBack();
  await element.locator('[part~=row][data-pattern=breaker]').waitFor();
  assert.equal(await element.getByLabel('Category').inputValue(), '');
  await page.goBack();
  await element.locator('[part~=row][data-pattern=lock]').waitFor();
  assert.equal(await urlValue(page), null);
  assert.equal(await element.getByLabel(/^Bronze/).isChecked(), true);
  assert.deepEqual(problems, []);
  await page.close();

  // A shared link opens the same view.
  const shared = await open({}, { query: '?health=category.coordination_flagged.yes' });
  assert.deepEqual(await rows(shared.element), ['lock']);
  assert.equal(await shared.element.getByLabel('Category').inputValue(), 'coordination');
  await shared.page.close();
});

test('a long list shows its first 20 rows and "Show all": the rest follow, focus on the first new row, kept in the URL', async () => {
  // The shipped catalog: every pattern has a health score, far more than 20.
  const shipped = JSON.parse(await readFile(path.join(root, 'data', 'catalog.json'), 'utf8'));
  const total = shipped.patterns.length;
  assert.ok(total > 40, `${total} patterns`);
  const { page, problems, element } = await open({ catalog: '/catalog.json', today: '2026-06' });
  assert.equal(await element.locator('[part~=row]').count(), 20);
  const button = element.locator('[part~=show-all]');
  assert.equal(await button.textContent(), `Show all ${total} patterns`);
  const first20 = await rows(element);
  await button.click();
  assert.equal(await element.locator('[part~=row]').count(), total);
  assert.deepEqual((await rows(element)).slice(0, 20), first20, 'the first rows stay as they were');
  assert.equal(await button.count(), 0);
  const focused = await element.evaluate((e) => e.shadowRoot.activeElement?.closest('[part~=row]')?.dataset.pattern);
  assert.equal(focused, (await rows(element))[20], 'focus on the first row that was not shown');
  assert.equal(await urlValue(page), 'all.yes');

  // Reloaded (as Back from a pattern page does), the whole list is there.
  await page.reload();
  const again = page.locator('patsel-health');
  await page.evaluate(() => {
    const element = document.createElement('patsel-health');
    element.setAttribute('catalog', '/catalog.json');
    element.setAttribute('today', '2026-06');
    document.getElementById('host').append(element);
  });
  await again.locator('[part~=row]').first().waitFor();
  assert.equal(await again.locator('[part~=row]').count(), total);

  // A new filter starts again from its first rows.
  await again.getByLabel(/^Bronze/).uncheck();
  assert.equal(await again.locator('[part~=row]').count(), 20);
  assert.equal(await urlValue(page), 'tier.gold.silver');
  assert.deepEqual(problems, []);
  await page.close();
});

test('nothing that matches says so', async () => {
  const { page, element } = await open({ tiers: 'silver', flagged: '' });
  assert.equal(await element.locator('[part~=row]').count(), 0);
  assert.equal(await element.locator('[part~=status]').textContent(), 'No pattern matches these filters.');
  await page.close();
});

test('a catalog that cannot be loaded: a readable error, and Retry shows the dashboard', async () => {
  let fail = true;
  const { page, problems, element } = await open({}, {
    setup: (p) => p.route('**/fixtures/catalogs/health.json', (route) => (fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue())),
  });
  assert.match(await element.locator('[part=error]').textContent(), /The health of the patterns could not be shown\..*HTTP 503/s);
  fail = false;
  await element.getByRole('button', { name: 'Retry' }).click();
  await element.locator('[part~=row]').first().waitFor();
  assert.equal(await element.locator('[part~=row]').count(), 6);
  assert.deepEqual(problems.filter((p) => !p.includes('503')), []);
  await page.close();
});

test('catalog text is text: markup in titles, facts, notes and reasons stays inert, a javascript: source is no link', async () => {
  const { page, problems, element } = await open({ catalog: '/browser-fixtures/health-hostile.json' });
  for (const toggle of await element.locator('[part~=toggle]').all()) await toggle.click();
  const breaker = element.locator('[part~=row][data-pattern=breaker]');
  assert.equal(await breaker.locator('[part~=row-title]').textContent(), '<img src=x onerror="window.pwned=1">Breaker');
  assert.match(await breaker.locator('[part~=adoption]').textContent(), /<script>window\.pwned=2<\/script>Used at A\./);
  assert.match(await breaker.locator('[part~=libraries]').textContent(), /<b onmouseover="window\.pwned=4">bold<\/b> Source: javascript:window\.pwned=3/);
  assert.equal(await element.locator('[part~=row][data-pattern=cache] [part~=history] li').textContent(), '2022: gold to silver. <i>Fewer</i> new uses.');
  const hrefs = await element.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.every((h) => h.startsWith('/p/') || h.startsWith('https://')), hrefs.join(' '));
  assert.equal(await element.locator('img, script, b, i, em').count(), 0);
  await element.locator('[part~=libraries] li').first().hover();
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(problems, []);
  await page.close();
});

test('at 360 px nothing reaches past the right edge, rows open', async () => {
  const { page, element } = await open({ catalog: '/catalog.json', today: '' }, { viewport: { width: 360, height: 740 } });
  await element.locator('[part~=toggle]').first().click();
  await element.locator('[part~=signal]').first().waitFor();
  assert.deepEqual(await textPastRightEdge(element, 360), []);
  await page.close();
});

test('no serious accessibility violations (axe), at desktop and phone widths, with a row open', async () => {
  await assertAccessibleAtBothWidths(assert, async (viewport) => {
    const opened = await open({}, { viewport });
    await opened.element.locator('[part~=row][data-pattern=breaker] [part~=toggle]').click();
    return opened;
  });
});
