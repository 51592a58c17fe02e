// <patsel-compare>: patterns side by side in a real table, a picker to add
// and remove them, the choice in the URL (reload, back), keyboard, a phone
// width, hostile text and axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, addToHost, hostedElements } from './support.mjs';
import { seriousViolations } from './axe.mjs';

// Expected values come from the catalog file, not from the engine.
const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const byId = Object.fromEntries(catalog.patterns.map((p) => [p.id, p]));

const host = hostedElements();

const addElement = (page, attributes) => addToHost(page, 'patsel-compare', attributes, '[part~=status]:not(:empty)');

async function comparePage(attributes, options = {}) {
  const { page, problems, element } = await host.open('patsel-compare', attributes, '[part~=status]:not(:empty)', options);
  return { page, problems, compare: element };
}

const headers = (compare) => compare.locator('thead th[scope=col][part~=pattern-header] a').allTextContents();
const param = (page) => new URL(page.url()).searchParams.get('compare');

test('two patterns side by side: a table with column and row headers, values from the catalog', async () => {
  const ids = ['saga', 'two-phase-commit'];
  const { page, problems, compare } = await comparePage({ patterns: ids.join(','), 'base-url': '/patterns/' });
  assert.deepEqual(await headers(compare), ids.map((id) => byId[id].title));
  assert.deepEqual(await compare.locator('thead th[part~=pattern-header] a').evaluateAll((a) => a.map((x) => x.getAttribute('href'))),
    ids.map((id) => `/patterns/${id}/`));
  assert.equal(await compare.locator('table caption').count(), 1);
  assert.ok(await compare.locator('tbody th[scope=row]').count() >= 5);
  const row = (label) => compare.locator('tbody tr').filter({ has: page.locator(`th[scope=row]:text-is("${label}")`) });
  assert.deepEqual(await row('Tier').locator('td').allTextContents(), ids.map((id) => byId[id].tier));
  assert.deepEqual(await row('Team size').locator('td').first().textContent(), byId.saga.implementation_complexity.team_size);
  for (const [i, id] of ids.entries())
    assert.deepEqual(await row('When to use').locator('td').nth(i).locator('li').allTextContents(), byId[id].when_to_use);
  for (const label of ['Implementation effort', 'Operational burden', 'When not to use'])
    assert.equal(await row(label).count(), 1, label);
  assert.match(await compare.locator('[part~=status]').textContent(), new RegExp(`Comparing 2 patterns: ${byId.saga.title}, ${byId['two-phase-commit'].title}`));
  // The catalog says saga replaces two-phase commit; the relation is listed.
  assert.ok(byId.saga.related.some((r) => r.pattern === 'two-phase-commit' && r.relation === 'replaces'));
  assert.equal(await compare.locator('[part~=relations] li', { hasText: 'replaces' }).count(), 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test('adding and removing patterns with the picker; at most five', async () => {
  const { page, problems, compare } = await comparePage({ patterns: 'saga,two-phase-commit' });
  const events = [];
  await page.exposeFunction('record', (detail) => events.push(detail));
  await page.evaluate(() => document.addEventListener('patsel-compare-change', (e) => window.record(e.detail)));
  const select = compare.getByLabel('Add a pattern');
  // The picker offers every other catalog pattern.
  assert.equal(await select.locator('option[value]:not([value=""])').count(), catalog.patterns.length - 2);
  await select.selectOption('outbox');
  await compare.getByRole('button', { name: 'Add' }).click();
  assert.deepEqual(await headers(compare), ['saga', 'two-phase-commit', 'outbox'].map((id) => byId[id].title));
  await compare.getByRole('button', { name: `Remove ${byId['two-phase-commit'].title} from the comparison` }).click();
  assert.deepEqual(await headers(compare), ['saga', 'outbox'].map((id) => byId[id].title));
  for (const id of ['circuit-breaker', 'bulkhead', 'timeout']) {
    await select.selectOption(id);
    await compare.getByRole('button', { name: 'Add' }).click();
  }
  assert.equal((await headers(compare)).length, 5);
  assert.equal(await select.isDisabled(), true);
  assert.equal(await compare.getByRole('button', { name: 'Add' }).isDisabled(), true);
  await compare.getByRole('button', { name: /^Remove Saga/ }).click();
  await compare.getByRole('button', { name: /^Remove / }).first().click();
  await compare.getByRole('button', { name: /^Remove / }).first().click();
  await compare.getByRole('button', { name: /^Remove / }).first().click();
  assert.match(await compare.locator('[part~=status]').textContent(), /Pick at least 2 patterns to compare \(1 chosen\)/);
  assert.equal(await compare.locator('table').count(), 0);
  assert.deepEqual(events[0], { patterns: ['saga', 'two-phase-commit', 'outbox'] });
  assert.deepEqual(events.at(-1), { patterns: ['timeout'] });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the choice lives in the URL: a reload shows the same table, back and forward step through it', async () => {
  const { page, problems, compare } = await comparePage({ patterns: 'saga,two-phase-commit' });
  assert.equal(param(page), null, 'the initial attribute does not touch the URL');
  await compare.getByLabel('Add a pattern').selectOption('outbox');
  await compare.getByRole('button', { name: 'Add' }).click();
  assert.equal(param(page), 'patterns.saga.two-phase-commit.outbox');
  await page.reload();
  const again = await addElement(page, { patterns: 'saga,two-phase-commit' });
  assert.deepEqual(await headers(again), ['saga', 'two-phase-commit', 'outbox'].map((id) => byId[id].title));
  await page.goBack();
  await again.locator('thead th[part~=pattern-header]').nth(2).waitFor({ state: 'detached' });
  assert.deepEqual(await headers(again), ['saga', 'two-phase-commit'].map((id) => byId[id].title));
  await page.goForward();
  await again.locator('thead th[part~=pattern-header]').nth(2).waitFor();
  assert.deepEqual(await headers(again), ['saga', 'two-phase-commit', 'outbox'].map((id) => byId[id].title));
  // A shared link opens on its patterns, whatever the attribute says.
  const shared = await comparePage({ patterns: 'saga,two-phase-commit' }, { query: '?compare=patterns.cqrs.event-sourcing' });
  assert.deepEqual(await headers(shared.compare), ['cqrs', 'event-sourcing'].map((id) => byId[id].title));
  assert.deepEqual([...problems, ...shared.problems], []);
  await page.close();
  await shared.page.close();
});

test('links in the older form (ids joined by dots, "-" for none) open as they did; the next change writes the new form', async () => {
  const { page, problems, compare } = await comparePage({ patterns: 'saga,two-phase-commit' }, { query: '?compare=cqrs.event-sourcing' });
  assert.deepEqual(await headers(compare), ['cqrs', 'event-sourcing'].map((id) => byId[id].title));
  await compare.getByLabel('Add a pattern').selectOption('outbox');
  await compare.getByRole('button', { name: 'Add' }).click();
  assert.equal(param(page), 'patterns.cqrs.event-sourcing.outbox');
  const none = await comparePage({ patterns: 'saga,two-phase-commit' }, { query: '?compare=-' });
  assert.match(await none.compare.locator('[part~=status]').textContent(), /Pick at least 2 patterns to compare \(0 chosen\)/);
  assert.deepEqual([...problems, ...none.problems], []);
  await page.close();
  await none.page.close();
});

test('url-key="" leaves the URL alone', async () => {
  const { page, compare } = await comparePage({ patterns: 'saga,two-phase-commit', 'url-key': '' }, { query: '?compare=patterns.cqrs.event-sourcing' });
  assert.deepEqual(await headers(compare), ['saga', 'two-phase-commit'].map((id) => byId[id].title));
  await compare.getByLabel('Add a pattern').selectOption('outbox');
  await compare.getByRole('button', { name: 'Add' }).click();
  assert.equal(param(page), 'patterns.cqrs.event-sourcing');
  await page.close();
});

test('keyboard only: add with the picker, remove with the buttons, focus stays in place', async () => {
  const { page, compare } = await comparePage({ patterns: 'saga,two-phase-commit' });
  const focused = () => page.evaluate(() => {
    const active = document.activeElement.shadowRoot?.activeElement;
    return active ? `${active.tagName.toLowerCase()}:${active.getAttribute('aria-label') ?? active.textContent.slice(0, 30)}` : null;
  });
  await page.keyboard.press('Tab');
  assert.match(await focused(), /^select:/);
  await page.keyboard.press('ArrowDown');  // the first pattern on offer
  const chosen = await compare.getByLabel('Add a pattern').inputValue();
  assert.ok(byId[chosen], chosen);
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'button:Add');
  await page.keyboard.press('Enter');
  assert.deepEqual(await headers(compare), ['saga', 'two-phase-commit', chosen].map((id) => byId[id].title));
  assert.match(await focused(), /^select:/);
  // Tab on to the first column's remove button, through the first link.
  await page.keyboard.press('Tab');  // Add button
  await page.keyboard.press('Tab');  // the scrollable table region
  await page.keyboard.press('Tab');  // Saga's link
  await page.keyboard.press('Tab');  // Saga's remove button
  assert.equal(await focused(), `button:Remove ${byId.saga.title} from the comparison`);
  await page.keyboard.press('Enter');
  assert.deepEqual(await headers(compare), ['two-phase-commit', chosen].map((id) => byId[id].title));
  assert.equal(await focused(), `button:Remove ${byId['two-phase-commit'].title} from the comparison`);
  await page.close();
});

test('readable at 360 px: the table scrolls inside its box with a sticky first column', async () => {
  const { page, problems, compare } = await comparePage({ patterns: 'saga,two-phase-commit,outbox' }, { viewport: { width: 360, height: 740 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page itself does not scroll sideways (${overflow})`);
  const scroller = compare.locator('[part~=scroller]');
  const before = await compare.locator('tbody th[scope=row]').first().boundingBox();
  await scroller.evaluate((box) => { box.scrollLeft = 400; });
  assert.ok(await scroller.evaluate((box) => box.scrollLeft) > 0, 'the table is wider than the phone and scrolls');
  const after = await compare.locator('tbody th[scope=row]').first().boundingBox();
  assert.equal(Math.round(after.x), Math.round(before.x), 'row headers stay put');
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('unknown ids are left out and said so; a catalog that cannot load shows Retry', async () => {
  const { page, compare } = await comparePage({ patterns: 'saga,nope,outbox' });
  assert.deepEqual(await headers(compare), ['saga', 'outbox'].map((id) => byId[id].title));
  assert.match(await compare.locator('[part~=status]').textContent(), /Left out: nope/);
  await page.close();
  const broken = await comparePage({ patterns: 'saga,outbox', catalog: '/fixtures/catalogs/missing.json' });
  assert.match(await broken.compare.locator('[part=error]').textContent(), /could not be loaded/);
  assert.equal(await broken.compare.getByRole('button', { name: 'Retry' }).count(), 1);
  await broken.page.close();
});

test('markup in catalog text renders inert, and javascript: links are not emitted', async () => {
  const { page, problems, compare } = await comparePage({ patterns: 'evil,good', catalog: '/fixtures/catalogs/hostile-reference.json', 'base-url': '/p/' });
  assert.deepEqual(await headers(compare), ['<img src=x onerror="window.pwned=11">Evil', 'Good " autofocus onfocus="window.pwned=20']);
  const table = compare.locator('table');
  assert.match(await table.textContent(), /<a href="javascript:window.pwned=16">click<\/a>/);
  assert.match(await table.textContent(), /<iframe src="javascript:window.pwned=18"><\/iframe>/);
  await compare.locator('td').first().hover();
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  const hrefs = await compare.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0 && hrefs.every((h) => h.startsWith('/p/')), hrefs.join(' '));
  assert.equal(await compare.locator('img, script, iframe, svg:not(.tier-icon), b, i, marquee, details').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('no serious accessibility violations (axe) at desktop width', async () => {
  const { page, compare } = await comparePage({ patterns: 'saga,two-phase-commit,outbox' });
  assert.equal(await compare.locator('table').count(), 1);
  assert.deepEqual(await seriousViolations(page), []);
  await page.close();
});

test('removed and added again, it loads again; while removed it leaves the URL alone', async () => {
  const { page, problems, compare } = await comparePage({ patterns: 'saga,two-phase-commit' });
  await compare.getByLabel('Add a pattern').selectOption('outbox');
  await compare.getByRole('button', { name: 'Add' }).click();
  const detached = await page.evaluate(() => {
    const element = document.querySelector('patsel-compare');
    element.remove();
    window.detached = element;
    return element.selection;
  });
  assert.deepEqual(detached, ['saga', 'two-phase-commit', 'outbox']);
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('outbox'));
  assert.deepEqual(await page.evaluate(() => window.detached.selection), ['saga', 'two-phase-commit', 'outbox'], 'no popstate handling while removed');
  await page.evaluate(() => document.getElementById('host').append(window.detached));
  await compare.locator('thead th[part~=pattern-header]').nth(2).waitFor({ state: 'detached' });
  assert.deepEqual(await headers(compare), ['saga', 'two-phase-commit'].map((id) => byId[id].title));
  assert.deepEqual(problems, []);
  await page.close();
});
