// <patsel-compare>: patterns side by side in the rows an architect decides
// on, in words (no scores), the fit to a profile with marks and a legend,
// one sentence per related pair, a picker to add and remove them, the
// choice in the URL (reload, back), keyboard, a block per row on a phone
// with nothing past the right edge, hostile text and axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, addToHost, hostedElements, textPastRightEdge } from './support.mjs';
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

// Texts that are internal scores: "+2", "-3", "−1" standing alone or after a colon.
const BARE_SCORE = /(^|[\s:(])[+−-]\d+(\.\d+)?(?=$|[\s,;)])/m;

test('two patterns side by side: a table with column and row headers, in the catalog\'s words', async () => {
  const ids = ['saga', 'two-phase-commit'];
  const { page, problems, compare } = await comparePage({ patterns: ids.join(','), 'base-url': '/patterns/' });
  assert.deepEqual(await headers(compare), ids.map((id) => byId[id].title));
  assert.deepEqual(await compare.locator('thead th[part~=pattern-header] a').evaluateAll((a) => a.map((x) => x.getAttribute('href'))),
    ids.map((id) => `/patterns/${id}/`));
  assert.equal(await compare.locator('table caption').count(), 1);
  const row = (attribute) => compare.locator(`tbody tr[data-attribute="${attribute}"]`);
  assert.deepEqual(await row('maturity').locator('td [part~=badge]').allTextContents(), ids.map((id) => byId[id].tier));
  // The decision rows, filled from the catalog for both patterns.
  for (const [attribute, value] of [['atomicity', (p) => p.guarantees.atomicity], ['isolation', (p) => p.guarantees.isolation],
    ['consistency', (p) => p.guarantees.consistency], ['under_failure', (p) => p.under_failure], ['latency_cost', (p) => p.latency_cost]]) {
    assert.deepEqual(await row(attribute).locator('td').allTextContents(), ids.map((id) => value(byId[id]).replace(/\s+/g, ' ').trim()), attribute);
  }
  assert.match(await row('team_time').locator('td').first().textContent(), new RegExp(`^${byId.saga.implementation_complexity.team_size} engineers`));
  for (const [i, id] of ids.entries())
    assert.deepEqual(await row('when_to_use').locator('td').nth(i).locator('li').allTextContents(), byId[id].when_to_use);
  for (const attribute of ['complexity', 'team_time', 'operations', 'when_not_to_use'])
    assert.equal(await row(attribute).locator('td .none').count(), 0, `${attribute} is stated for both`);
  assert.match(await compare.locator('[part~=status]').textContent(), new RegExp(`Comparing 2 patterns: ${byId.saga.title}, ${byId['two-phase-commit'].title}`));
  // No internal scores anywhere; what the rules say is in words, marked, with a legend.
  const text = await compare.locator('[part~=body]').innerText();
  assert.doesNotMatch(text, BARE_SCORE);
  const marked = compare.locator('tbody [part~=line][data-fit]');
  assert.ok(await marked.count() > 0, 'rule lines are marked');
  const fits = new Set(await marked.evaluateAll((lines) => lines.map((l) => l.dataset.fit)));
  for (const fit of fits) assert.equal(await compare.locator(`[part~=legend] [data-fit=${fit}]`).count(), 1, `the legend explains ${fit}`);
  assert.match(await compare.locator('[part~=legend]').innerText(), /✗\s*works against it/);
  // The catalog says saga replaces two-phase commit: one sentence for the pair.
  assert.ok(byId.saga.related.some((r) => r.pattern === 'two-phase-commit' && r.relation === 'replaces'));
  const sentences = await compare.locator('[part~=relations] li').allInnerTexts();
  assert.equal(sentences.length, 1);
  assert.match(sentences[0], new RegExp(`^${byId.saga.title} replaces ${byId['two-phase-commit'].title}[:.] .*\\.$`));
  assert.deepEqual(problems, []);
  await page.close();
});

test('saga, two-phase commit and outbox: one sentence per pair, sentences joined properly', async () => {
  const { page, compare } = await comparePage({ patterns: 'saga,two-phase-commit,outbox' });
  const sentences = await compare.locator('[part~=relations] li').allInnerTexts();
  assert.equal(sentences.length, 3, sentences.join(' | '));
  const pairs = sentences.map((s) => ['saga', 'two-phase-commit', 'outbox'].filter((id) => s.includes(byId[id].title)).join('+'));
  assert.deepEqual(pairs, ['saga+two-phase-commit', 'saga+outbox', 'two-phase-commit+outbox']);
  for (const s of sentences) {
    assert.match(s, /\.$/, s);
    assert.doesNotMatch(s, /; [A-Z]/, `no sentence glued on with a semicolon: ${s}`);
  }
  await page.close();
});

test('with a profile: how each pattern fits it, first, marked with a legend', async () => {
  const { page, problems, compare } = await comparePage({ patterns: 'saga,two-phase-commit,outbox', profile: 'architecture.microservices_geography.global' });
  const fit = compare.locator('tbody tr[data-attribute=fit]');
  assert.equal(await fit.locator('th').textContent(), 'Your requirements');
  assert.equal(await compare.locator('tbody tr').nth(1).getAttribute('data-attribute'), 'fit', 'right after maturity');
  // The shipped rules: 2PC is argued against for microservices and for several regions.
  const against = await fit.locator('td').nth(1).locator('[data-fit=poor]').count();
  assert.ok(against >= 2, `${against} reasons against two-phase commit`);
  assert.ok(await fit.locator('td').first().locator('[data-fit=good]').count() >= 1, 'saga suits microservices');
  assert.match(await compare.locator('[part~=legend]').innerText(), /✓\s*fits/);
  assert.equal(await compare.locator('tbody tr[data-attribute^="rules:"]').count(), 0, 'no rows of rules once a profile is given');
  assert.doesNotMatch(await compare.locator('[part~=body]').innerText(), BARE_SCORE);
  // The property takes an object too.
  await compare.evaluate((el) => { el.profile = { consistency: 'strong' }; });
  assert.match(await fit.locator('td').nth(1).innerText(), /\S/);
  assert.deepEqual(await compare.evaluate((el) => el.profile), { consistency: 'strong' });
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

for (const width of [360, 1280]) {
  test(`saga, two-phase commit and outbox at ${width} px: no text past the right edge, every value shown`, async () => {
    const { page, problems, compare } = await comparePage({ patterns: 'saga,two-phase-commit,outbox' }, { viewport: { width, height: 800 } });
    assert.deepEqual(await textPastRightEdge(compare, width), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page does not scroll sideways (${overflow})`);
    if (width === 360) {
      // A block per row, each pattern's value under its name.
      assert.equal(await compare.locator('table').count(), 0);
      const block = compare.locator('[part~=row-block][data-attribute=atomicity]');
      assert.equal(await block.locator('h4 .group').textContent(), 'Guarantees');
      assert.match(await block.locator('h4').textContent(), /Atomicity$/);
      assert.deepEqual(await block.locator('dt').allInnerTexts(), ['saga', 'two-phase-commit', 'outbox'].map((id) => byId[id].title));
      assert.deepEqual(await block.locator('dd').allInnerTexts(), ['saga', 'two-phase-commit', 'outbox'].map((id) => byId[id].guarantees.atomicity.replace(/\s+/g, ' ').trim()));
      assert.deepEqual(await compare.locator('[part~=chosen] [part~=pattern-header] a').allInnerTexts(), ['saga', 'two-phase-commit', 'outbox'].map((id) => byId[id].title));
      await compare.getByRole('button', { name: `Remove ${byId.outbox.title} from the comparison` }).click();
      // Two patterns fit a table at 360 px? Not with its row names: still blocks, now of two.
      assert.equal(await compare.locator('[part~=row-block][data-attribute=atomicity] dt').count(), 2);
    } else {
      assert.equal(await compare.locator('table').count(), 1);
      assert.equal(await compare.locator('[part~=row-block]').count(), 0);
    }
    assert.doesNotMatch(await compare.locator('[part~=body]').innerText(), BARE_SCORE);
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('the layout follows the width: a table when wide, blocks when narrow', async () => {
  const { page, compare } = await comparePage({ patterns: 'saga,two-phase-commit,outbox' }, { viewport: { width: 1280, height: 800 } });
  assert.equal(await compare.locator('table').count(), 1);
  await page.setViewportSize({ width: 400, height: 800 });
  await compare.locator('[part~=row-block]').first().waitFor();
  assert.equal(await compare.locator('table').count(), 0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await compare.locator('table').waitFor();
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
