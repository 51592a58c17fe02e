// <patsel-problem-matrix>: problems grouped by area with their primary and
// supporting patterns, the area and tier filters in the URL, bronze patterns
// with their replacements, the hand-over to a decision tree or the
// recommender, keyboard and axe. Expected values come from the catalog file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, hostedElements, recordChanges } from './support.mjs';
import { assertAccessibleAtBothWidths } from './axe.mjs';

const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const byId = Object.fromEntries(catalog.patterns.map((p) => [p.id, p]));
const areas = [...new Set(catalog.problems.map((p) => p.area))];
const treePicks = Object.fromEntries(catalog.trees.map((t) => [t.id,
  new Set(t.results.flatMap((r) => ['gold', 'silver', 'bronze'].flatMap((level) => (r[level] ?? []).map((p) => p.pattern))))]));

const host = hostedElements();
const open = (attributes = {}, options = {}) => host.open('patsel-problem-matrix',
  { 'base-url': '/p/', 'tree-url': '/trees/', 'recommender-url': '/recommender/', ...attributes }, '[part~=problem]', options);
const urlValue = (page) => page.evaluate(() => new URL(location.href).searchParams.get('problems'));
const shownAreas = (element) => element.locator('[part~=area]').evaluateAll((s) => s.map((x) => x.dataset.area));

test('creation: every area in order, each problem with its primary and supporting patterns', async () => {
  const { page, problems, element } = await open();
  assert.deepEqual(await shownAreas(element), areas);
  for (const problem of catalog.problems) {
    const box = element.locator(`[part~=problem][data-problem="${problem.id}"]`);
    assert.equal(await box.locator('[part~=problem-title]').textContent(), problem.title);
    assert.equal(await box.locator('[part~=description]').textContent(), problem.description);
    for (const group of ['primary', 'supporting']) {
      const items = box.locator(`[part~=${group}] > li`);
      assert.deepEqual(await items.evaluateAll((li) => li.map((x) => x.dataset.pattern)), problem[group], `${problem.id} ${group}`);
      for (const [i, id] of problem[group].entries()) {
        assert.equal(await items.nth(i).locator('[part~=link]').first().textContent(), byId[id].title);
        assert.equal(await items.nth(i).locator('[part~=link]').first().getAttribute('href'), `/p/${id}/`);
        assert.equal(await items.nth(i).locator('[part~=badge]').textContent(), byId[id].tier);
      }
    }
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('a bronze pattern says what replaces it, never stands alone', async () => {
  const { page, element } = await open();
  const bronze = catalog.problems.flatMap((p) => [...p.primary, ...p.supporting].map((id) => [p.id, id])).filter(([, id]) => byId[id].tier === 'bronze');
  assert.ok(bronze.length > 0, 'the shipped matrix names bronze patterns');
  for (const [problem, id] of bronze) {
    const item = element.locator(`[part~=problem][data-problem="${problem}"] li[data-pattern="${id}"]`);
    const replacedBy = new Set([...(byId[id].modern_alternatives ?? []).map((a) => a.pattern), ...(byId[id].migration_paths?.to ?? []).map((m) => m.pattern)]
      .filter((r) => byId[r] && byId[r].tier !== 'bronze'));
    const links = await item.locator('[part~=legacy] a').evaluateAll((a) => a.map((x) => x.getAttribute('href')));
    assert.ok(links.length > 0, `${id} in ${problem} names a replacement`);
    for (const href of links) assert.ok(replacedBy.has(href.split('/')[2]), `${href} replaces ${id}`);
  }
  await page.close();
});

test('the area and the tiers: filters, the URL, Back, and a link that opens them', async () => {
  const { page, problems, element } = await open();
  const changes = await recordChanges(page, 'patsel-problem-matrix-change');
  await element.getByLabel('Area').selectOption('consistency');
  assert.deepEqual(await shownAreas(element), ['consistency']);
  assert.equal(await urlValue(page), 'area.consistency');
  await element.getByLabel(/^Gold/).uncheck();
  assert.equal(await urlValue(page), 'area.consistency_tier.silver.bronze');
  const golds = catalog.problems.filter((p) => p.area === 'consistency').flatMap((p) => [...p.primary, ...p.supporting]).filter((id) => byId[id].tier === 'gold');
  assert.ok(golds.length > 0);
  assert.equal(await element.locator('[part~=problem] li[data-pattern] [part~=badge]', { hasText: /^gold$/ }).count(), 0, 'no gold pattern shown');
  const first = catalog.problems.find((p) => p.area === 'consistency');
  const hidden = [...first.primary, ...first.supporting].filter((id) => byId[id].tier === 'gold').length;
  assert.equal(await element.locator(`[data-problem="${first.id}"] [part~=hidden-count]`).textContent(), `${hidden} more pattern${hidden === 1 ? '' : 's'} in gold.`);
  await page.goBack();
  await element.locator('[part~=problem] li [part~=badge]', { hasText: /^gold$/ }).first().waitFor();
  assert.deepEqual(await shownAreas(element), ['consistency']);
  await page.goBack();
  await element.locator('[part~=area][data-area=availability]').waitFor();
  assert.deepEqual(await shownAreas(element), areas);
  assert.equal(await urlValue(page), null);
  assert.deepEqual(changes.map((c) => c.area), ['consistency', 'consistency', 'consistency', '']);
  const { page: linked, element: opened } = await open({}, { query: '?problems=area.security_tier.gold' });
  assert.deepEqual(await shownAreas(opened), ['security']);
  assert.equal(await opened.getByLabel(/^Silver/).isChecked(), false);
  const { page: fixed, element: one } = await open({ area: 'performance' });
  assert.deepEqual(await shownAreas(one), ['performance'], 'the area attribute');
  assert.deepEqual(problems, []);
  await Promise.all([page.close(), linked.close(), fixed.close()]);
});

test('each problem hands over to the decision tree that names its patterns, else to the recommender', async () => {
  const { page, problems, element } = await open();
  // Checked by hand: the tree a practitioner would pick for these problems.
  for (const [problem, tree] of [['cascading-failures', 'resilience-for-dependencies'], ['risky-deploys', 'deployment-strategy'],
    ['slow-reads', 'caching-strategy'], ['data-volume', 'scaling-data-vs-compute'], ['split-brain', 'coordination-primitive']])
    assert.equal(await element.locator(`[data-problem="${problem}"] [part~=tree-link]`).getAttribute('href'), `/trees/${tree}/`, problem);
  for (const problem of catalog.problems) {
    const link = element.locator(`[data-problem="${problem.id}"] [part~=handover] a`);
    const href = await link.getAttribute('href');
    const fits = Object.entries(treePicks).filter(([, picks]) => problem.primary.some((id) => picks.has(id))).map(([id]) => id);
    if (!fits.length) assert.equal(href, '/recommender/', `${problem.id}: no tree names its patterns`);
    else assert.ok(fits.includes(href.split('/')[2]), `${problem.id}: ${href} names one of its primary patterns`);
  }
  // The page hears of the choice first and may keep the reader where they are.
  const detail = page.evaluate(() => new Promise((resolve) => document.addEventListener('patsel-problem-matrix-choose', (e) => {
    e.preventDefault();
    resolve(e.detail);
  }, { once: true })));
  await element.locator('[data-problem="cascading-failures"] [part~=tree-link]').click();
  assert.deepEqual(await detail, { problem: 'cascading-failures', to: 'tree', tree: 'resilience-for-dependencies', href: '/trees/resilience-for-dependencies/' });
  assert.match(page.url(), /element-host\.html/, 'a cancelled hand-over stays');
  assert.equal(await element.locator('[part~=intro] a').getAttribute('href'), '/recommender/');
  assert.deepEqual(problems, []);
  await page.close();
});

test('without tree-url and recommender-url there is no hand-over link', async () => {
  const { page, element } = await host.open('patsel-problem-matrix', { 'base-url': '/p/' }, '[part~=problem]');
  assert.equal(await element.locator('[part~=handover], [part~=intro]').count(), 0);
  await page.close();
});

test('keyboard: the area picker and the tier checkboxes', async () => {
  const { page, element } = await open();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.id), 'area');
  await page.keyboard.press('ArrowDown');
  await element.locator('[part~=area]').first().waitFor();
  assert.deepEqual(await shownAreas(element), [areas[0]]);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  assert.equal(await element.getByLabel(/^Gold/).isChecked(), false);
  assert.equal(await urlValue(page), `area.${areas[0]}_tier.silver.bronze`);
  await page.close();
});

test('no serious accessibility violations (axe), at desktop and phone widths', async () => {
  await assertAccessibleAtBothWidths(assert, (viewport) => open({}, { viewport }));
});
