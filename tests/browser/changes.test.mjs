// <patsel-changes>: what changed since a date (the health fixture's tier
// history, reviews, library states and adoption) and since a release (the
// diff fixtures: every kind of change once, see tests/engine/diff_test.cpp),
// grouped by kind, pattern names linked; the choice in the URL and Back; an
// older catalog that is missing, broken or on another site, with Retry;
// hostile text; axe at both widths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostedElements, recordChanges, textPastRightEdge } from './support.mjs';
import { assertAccessibleAtBothWidths } from './axe.mjs';

const host = hostedElements();
const READY = '[part~=group], [part~=status]:not(:empty), [part~=error]';
const openDated = (attributes = {}, options = {}) => host.open('patsel-changes',
  { catalog: '/fixtures/catalogs/health.json', 'base-url': '/p/', ...attributes }, READY, options);
const openRelease = (attributes = {}, options = {}) => host.open('patsel-changes',
  { catalog: '/fixtures/catalogs/diff-new.json', 'since-catalog': '/fixtures/catalogs/diff-old.json', 'since-label': 'the 2026-11 release',
    'base-url': '/p/', ...attributes }, READY, options);
const groups = (element) => element.locator('[part~=group]').evaluateAll((s) => s.map((x) => x.dataset.group));
const items = (element, group) => element.locator(`[part~=group][data-group=${group}] li`).allTextContents();
const urlValue = (page) => page.evaluate(() => new URL(location.href).searchParams.get('changes'));

test('since a date: tier moves with their reasons, reviews, libraries gone quiet and adoption, newest first', async () => {
  const { page, problems, element } = await openDated({ since: '2020' });
  await element.locator('[part~=group]').first().waitFor();
  assert.equal(await element.locator('[part~=status]').textContent(), 'What changed since 2020:');
  assert.deepEqual(await groups(element), ['tier-moves', 'reviews', 'libraries', 'adoption']);
  assert.deepEqual(await items(element, 'tier-moves'), ['Cache: gold to silver, 2022. silverFewer new uses.']);
  assert.equal(await element.locator('[data-group=tier-moves] a').getAttribute('href'), '/p/cache/');
  assert.equal(await element.locator('[data-group=tier-moves] [part~=reason]').textContent(), 'Fewer new uses.');
  assert.deepEqual(await items(element, 'reviews'), ['Breaker reviewed in January 2026.']);
  // Sourced maintenance and archive states dated 2020 or later; ghost's (2019) and an unsourced one are not news here.
  assert.deepEqual(await items(element, 'libraries'), [
    'LibB, used by Breaker: archived, no longer maintained as of 2024.',
    'OldLib, used by Cache: archived, no longer maintained as of 2020.',
  ]);
  assert.deepEqual(await items(element, 'adoption'), ['Breaker: Used at A. (2024)']);
  assert.equal(await element.locator('[part~=group] h3').first().textContent(), 'Tier moves (1)');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the date in the URL, Back restores it; an empty date is every recorded change; a date with nothing says so', async () => {
  const { page, problems, element } = await openDated({ since: '2020' });
  const changes = await recordChanges(page, 'patsel-changes-change');
  const month = element.getByLabel('Month to count changes from');
  assert.equal(await month.inputValue(), '2020-01');
  await month.fill('2018-01');
  await element.locator('[data-group=tier-moves] li').nth(1).waitFor();
  assert.equal(await urlValue(page), 'since.2018-01');
  assert.deepEqual((await items(element, 'tier-moves')).map((t) => t.split(':')[0]), ['Cache', 'Ghost']);
  await month.fill('2027-01');
  await element.locator('[part~=status]', { hasText: 'Nothing recorded changed since January 2027.' }).waitFor();
  assert.equal(await element.locator('[part~=group]').count(), 0);
  await month.fill('');
  await element.locator('[part~=status]', { hasText: 'Every change the catalog records:' }).waitFor();
  assert.equal(await urlValue(page), 'since');
  assert.deepEqual(changes.map((c) => c.since), ['2018-01', '2027-01', '']);
  await page.goBack();
  await element.locator('[part~=status]', { hasText: 'January 2027' }).waitFor();
  assert.equal(await month.inputValue(), '2027-01');
  await page.goBack();
  await page.goBack();
  await element.locator('[part~=status]', { hasText: 'What changed since 2020:' }).waitFor();
  assert.equal(await urlValue(page), null);
  assert.deepEqual(problems, []);
  await page.close();
});

test('since a release: every kind of change in its group, names linked, removed ones as text', async () => {
  const { page, problems, element } = await openRelease();
  await element.locator('[part~=group]').first().waitFor();
  assert.equal(await element.locator('[part~=status]').textContent(), 'Since the 2026-11 release (4 patterns then, 4 now):');
  assert.deepEqual(await groups(element), ['added', 'removed', 'tier-moves', 'status', 'relevance', 'relations', 'trees']);
  assert.deepEqual(await items(element, 'added'), ['Epsilon gold']);
  assert.equal(await element.locator('[data-group=added] a').getAttribute('href'), '/p/e/');
  assert.deepEqual(await items(element, 'removed'), ['Delta (was silver)']);
  assert.equal(await element.locator('[data-group=removed] a').count(), 0, 'a removed pattern has no page to link to');
  assert.deepEqual(await items(element, 'tier-moves'), ['Alpha: gold to silver. silver']);
  assert.deepEqual(await items(element, 'status'), ['Alpha: recommended to stable.']);
  assert.deepEqual(await items(element, 'relevance'), ['Beta: growing to mainstream.']);
  assert.deepEqual(await element.locator('[part~=relations-added] li').allTextContents(), ['Beta is an alternative to Gamma.']);
  assert.deepEqual(await element.locator('[part~=relations-removed] li').allTextContents(), ['Beta requires Alpha.']);
  assert.deepEqual(await element.locator('[part~=relations-added] a').evaluateAll((a) => a.map((x) => x.getAttribute('href'))), ['/p/b/', '/p/c/']);
  assert.deepEqual(await element.locator('[data-group=trees] h4').allTextContents(), ['Added', 'Removed', 'Changed']);
  assert.deepEqual(await items(element, 'trees'), ['Tree three', 'Tree two', 'Tree one']);
  assert.equal(await element.locator('[part~=trees-changed] li').textContent(), 'Tree one');
  assert.deepEqual(problems, []);
  await page.close();
});

test('switching between a release and a date: the URL and Back', async () => {
  const { page, problems, element } = await openRelease();
  await element.locator('[data-group=added]').waitFor();
  await element.getByLabel('a date').check();
  // diff-new.json records no tier change, review or dated signal.
  await element.locator('[part~=status]', { hasText: 'The catalog records no change.' }).waitFor();
  assert.equal(await urlValue(page), 'since');
  await page.goBack();
  await element.locator('[data-group=added]').waitFor();
  assert.equal(await element.getByLabel('the 2026-11 release').isChecked(), true);
  assert.equal(await urlValue(page), null);
  await page.close();
  const shared = await openRelease({}, { query: '?changes=since' });
  await shared.element.locator('[part~=status]', { hasText: 'The catalog records no change.' }).waitFor();
  assert.equal(await shared.element.getByLabel('a date').isChecked(), true);
  assert.deepEqual(problems, []);
  await shared.page.close();
});

test('an older catalog that is missing: a clear error with Retry, which fetches it again', async () => {
  let missing = true;
  const { page, element } = await openRelease({}, {
    setup: (p) => p.route('**/fixtures/catalogs/diff-old.json', (route) => (missing ? route.fulfill({ status: 404, body: 'no' }) : route.continue())),
  });
  const error = element.locator('[part=error]');
  await error.waitFor();
  assert.match(await error.textContent(), /^The 2026-11 release could not be compared with this catalog\. \/fixtures\/catalogs\/diff-old\.json: HTTP 404/);
  // The way to pick a date stays usable.
  assert.equal(await element.getByLabel('a date').isEnabled(), true);
  missing = false;
  await element.getByRole('button', { name: 'Retry' }).click();
  await element.locator('[data-group=added]').waitFor();
  await page.close();
});

test('an older catalog that is broken, or on another site, says so', async () => {
  const broken = await openRelease({}, {
    setup: (p) => p.route('**/fixtures/catalogs/diff-old.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 1, "patterns": {' })),
  });
  await broken.element.locator('[part=error]').waitFor();
  assert.match(await broken.element.locator('[part=error]').textContent(), /could not be compared.*\[catalog\.parse_error\] the older catalog: /s);
  assert.equal(await broken.element.locator('[part=error]').getAttribute('data-code'), 'catalog.parse_error');
  await broken.page.close();
  const elsewhere = await openRelease({ 'since-catalog': 'https://elsewhere.example/catalog.json' });
  await elsewhere.element.locator('[part=error]').waitFor();
  assert.match(await elsewhere.element.locator('[part=error]').textContent(), /https:\/\/elsewhere\.example\/catalog\.json is not on this site, and only the site’s own files are read\./);
  await elsewhere.page.close();
});

test('catalog text is text: hostile titles and reasons stay inert', async () => {
  const { page, problems, element } = await openDated({ catalog: '/browser-fixtures/health-hostile.json', since: '2018' });
  await element.locator('[part~=group]').first().waitFor();
  assert.match(await element.locator('[data-group=tier-moves]').textContent(), /<i>Fewer<\/i> new uses\./);
  assert.match(await element.locator('[data-group=libraries]').textContent(), /<img src=x onerror="window\.pwned=1">Breaker/);
  assert.match(await element.locator('[data-group=adoption]').textContent(), /<script>window\.pwned=2<\/script>Used at A\./);
  assert.equal(await element.locator('img, script, b, i, em').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(problems, []);
  await page.close();
});

test('at 360 px nothing reaches past the right edge', async () => {
  const { page, element } = await openDated({ catalog: '/catalog.json', since: '2015' }, { viewport: { width: 360, height: 740 } });
  await element.locator('[part~=group]').first().waitFor();
  assert.deepEqual(await textPastRightEdge(element, 360), []);
  await page.close();
});

test('no serious accessibility violations (axe), at desktop and phone widths, by date and by release', async () => {
  await assertAccessibleAtBothWidths(assert, async (viewport) => {
    const opened = await openDated({ since: '2018' }, { viewport });
    await opened.element.locator('[part~=group]').first().waitFor();
    return opened;
  });
  await assertAccessibleAtBothWidths(assert, async (viewport) => {
    const opened = await openRelease({}, { viewport });
    await opened.element.locator('[data-group=added]').waitFor();
    return opened;
  });
});
