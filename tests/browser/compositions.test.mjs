// <patsel-compositions>: every composition as a formula of linked patterns,
// every combination to avoid with its reason and what to use instead, the
// pattern chooser in the URL, `show`, keyboard and axe. Expected values come
// from the catalog file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, hostedElements, recordChanges } from './support.mjs';
import { assertAccessibleAtBothWidths } from './axe.mjs';

const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const byId = Object.fromEntries(catalog.patterns.map((p) => [p.id, p]));
const pairKey = (ids) => [...ids].sort().join(' ');

const host = hostedElements();
const open = (attributes = {}, options = {}) => host.open('patsel-compositions', { 'base-url': '/p/', ...attributes }, '[part~=composition], [part~=conflict]', options);
const urlValue = (page) => page.evaluate(() => new URL(location.href).searchParams.get('compositions'));
const shownCompositions = (element) => element.locator('[part~=composition]').evaluateAll((c) => c.map((x) => x.dataset.composition));
const shownConflicts = (element) => element.locator('[part~=conflict]').evaluateAll((c) => c.map((x) => x.dataset.patterns.split(' ').sort().join(' ')));

test('creation: every composition as "whole = part + part", linked, with its summary', async () => {
  const { page, problems, element } = await open();
  assert.deepEqual(await shownCompositions(element), catalog.compositions.map((c) => c.id));
  for (const c of catalog.compositions) {
    const box = element.locator(`[part~=composition][data-composition="${c.id}"]`);
    assert.equal(await box.locator('[part~=composition-title]').textContent(), c.title);
    const whole = c.pattern ? byId[c.pattern].title : c.title;
    assert.equal(await box.locator('[part~=formula]').textContent(), `${whole} = ${c.parts.map((id) => byId[id].title).join(' + ')}`);
    const hrefs = await box.locator('[part~=formula] a').evaluateAll((a) => a.map((x) => x.getAttribute('href')));
    assert.deepEqual(hrefs, [...(c.pattern ? [c.pattern] : []), ...c.parts].map((id) => `/p/${id}/`));
    assert.equal(await box.locator('[part~=summary]').textContent(), c.summary.trim());
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('every combination to avoid of the catalog, with its reason and what to use instead', async () => {
  const { page, element } = await open();
  assert.deepEqual((await shownConflicts(element)).sort(), catalog.avoid.map((a) => pairKey(a.patterns)).sort());
  for (const a of catalog.avoid) {
    const box = element.locator('[part~=conflict]').filter({ has: element.page().locator(`[data-pattern="${a.patterns[0]}"]`) })
      .filter({ has: element.page().locator(`[data-pattern="${a.patterns[1]}"]`) });
    assert.equal(await box.count(), 1, a.id);
    // The engine names the pair in its own order, not the catalog's.
    assert.deepEqual((await box.locator('[part~=conflict-title]').textContent()).split(' + ').sort(),
      a.patterns.map((id) => `${byId[id].title} ${byId[id].tier}`).sort());
    assert.equal(await box.locator('[part~=reason]').textContent(), a.reason.trim());
    assert.deepEqual(await box.locator('[part~=instead] a').allTextContents(), a.instead.map((id) => byId[id].title));
  }
  await page.close();
});

test('narrowed to one pattern: the chooser, the URL, Back and the attribute', async () => {
  const { page, problems, element } = await open();
  const changes = await recordChanges(page, 'patsel-compositions-change');
  await element.getByLabel('Only those with').selectOption('microservices');
  const withIt = catalog.compositions.filter((c) => c.pattern === 'microservices' || c.parts.includes('microservices')).map((c) => c.id);
  assert.deepEqual(await shownCompositions(element), withIt);
  assert.deepEqual((await shownConflicts(element)).sort(), catalog.avoid.filter((a) => a.patterns.includes('microservices')).map((a) => pairKey(a.patterns)).sort());
  assert.equal(await urlValue(page), 'pattern.microservices');
  await page.goBack();
  await element.locator('[part~=composition]').nth(withIt.length).waitFor();
  assert.equal(await element.getByLabel('Only those with').inputValue(), '');
  assert.deepEqual(changes, [{ pattern: 'microservices' }, { pattern: '' }]);
  const { page: linked, element: opened } = await open({}, { query: '?compositions=pattern.sidecar' });
  assert.deepEqual(await shownCompositions(opened), catalog.compositions.filter((c) => c.parts.includes('sidecar')).map((c) => c.id));
  assert.match(await opened.locator('[part~=avoid] [part~=empty]').textContent(), /No combination to avoid has this pattern/);
  const { page: fixed, element: one } = await open({ pattern: 'two-phase-commit', show: 'avoid' });
  assert.equal(await one.locator('[part~=compositions]').count(), 0, 'show="avoid": only the combinations');
  assert.deepEqual((await shownConflicts(one)).sort(), catalog.avoid.filter((a) => a.patterns.includes('two-phase-commit')).map((a) => pairKey(a.patterns)).sort());
  assert.deepEqual(problems, []);
  await Promise.all([page.close(), linked.close(), fixed.close()]);
});

test('keyboard: the chooser, then the first link', async () => {
  const { page, element } = await open();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.id), 'pattern');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => new URL(location.href).searchParams.has('compositions'));
  const chosen = await element.getByLabel('Only those with').inputValue();
  assert.ok(chosen && byId[chosen], chosen);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.shadowRoot.activeElement.getAttribute('href'));
  assert.match(focused, /^\/p\/.+\/$/);
  await page.close();
});

test('no serious accessibility violations (axe), at desktop and phone widths', async () => {
  await assertAccessibleAtBothWidths(assert, (viewport) => open({}, { viewport }));
});
