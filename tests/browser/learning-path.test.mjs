// <patsel-learning-path>: a path's stages in order with each pattern's
// tagline and prerequisites, progress ticked off and kept in localStorage
// (and nowhere else), the next pattern suggested, the path chooser in the
// URL, keyboard, errors and axe. Expected values come from the catalog file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, hostedElements, recordChanges } from './support.mjs';
import { assertAccessibleAtBothWidths } from './axe.mjs';

const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const byId = Object.fromEntries(catalog.patterns.map((p) => [p.id, p]));
const [beginner, intermediate, advanced] = catalog.paths;
const order = (p) => p.stages.flatMap((s) => s.patterns);

const host = hostedElements();
const open = (attributes = {}, options = {}) => host.open('patsel-learning-path', { 'base-url': '/p/', ...attributes }, '[part~=item]', options);
const urlValue = (page) => page.evaluate(() => new URL(location.href).searchParams.get('path'));
const progressText = (element) => element.locator('[part~=progress-label]').textContent();

test('creation: the first path, stage by stage in order, each pattern linked with its tier and tagline', async () => {
  const { page, problems, element } = await open();
  assert.equal(await element.locator('[part~=title]').textContent(), beginner.title);
  assert.equal(await element.locator('[part~=summary]').textContent(), beginner.summary);
  const stages = element.locator('[part~=stage]');
  assert.equal(await stages.count(), beginner.stages.length);
  for (const [i, stage] of beginner.stages.entries()) {
    assert.equal(await stages.nth(i).locator('[part~=stage-title]').textContent(), `Stage ${i + 1}: ${stage.title}`);
    const items = stages.nth(i).locator('[part~=item]');
    assert.deepEqual(await items.evaluateAll((li) => li.map((x) => x.dataset.pattern)), stage.patterns);
    for (const [j, id] of stage.patterns.entries()) {
      const item = items.nth(j);
      assert.equal(await item.locator('.name [part~=link]').textContent(), byId[id].title);
      assert.equal(await item.locator('.name [part~=link]').getAttribute('href'), `/p/${id}/`);
      assert.equal(await item.locator('[part~=badge]').textContent(), byId[id].tier);
      assert.equal(await item.locator('[part~=tagline]').textContent(), byId[id].tagline);
    }
  }
  assert.equal(await progressText(element), `Learned 0 of ${order(beginner).length} patterns`);
  assert.match(await element.locator('[part~=next]').textContent(), new RegExp(`^Start with: ${byId[order(beginner)[0]].title} \\(stage 1\\)`));
  assert.deepEqual(problems, []);
  await page.close();
});

test('prerequisites: what a pattern builds on in the path, and what the path does not cover', async () => {
  // Prerequisites are the catalog's dependencies (builds_on); the second path has some it does not teach.
  const { page, element } = await open({ path: intermediate.id });
  const taught = new Set();
  for (const stage of intermediate.stages) {
    for (const id of stage.patterns) taught.add(id);
    for (const id of stage.patterns) {
      const needs = (catalog.dependencies.find((d) => d.pattern === id)?.builds_on ?? []);
      const text = (await element.locator(`[part~=item][data-pattern="${id}"] [part~=needs]`).allTextContents()).join('');
      for (const need of needs) {
        assert.ok(text.includes(byId[need].title), `${id} names ${need}`);
        const outside = !taught.has(need);
        assert.equal(new RegExp(`Needs .*${byId[need].title.replace(/[()]/g, '\\$&')}.*which this path does not cover`).test(text), outside, `${id}: ${need} ${outside ? 'not ' : ''}covered`);
      }
    }
  }
  await page.close();
});

test('ticking a pattern: progress, the next suggestion, localStorage, and no request', async () => {
  const { page, problems, element } = await open();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const events = [];
  await page.exposeFunction('recordProgress', (detail) => events.push(detail));
  await page.evaluate(() => document.addEventListener('patsel-learning-path-progress', (e) => window.recordProgress(e.detail)));
  const [first, second, third] = order(beginner);
  await element.getByLabel(`Learned: ${byId[first].title}`).check();
  await element.getByLabel(`Learned: ${byId[third].title}`).check();
  assert.equal(await progressText(element), `Learned 2 of ${order(beginner).length} patterns`);
  assert.match(await element.locator('[part~=next]').textContent(), new RegExp(`^Next: ${byId[second].title} \\(stage 1\\)`));
  assert.equal(await element.locator(`[part~=item][data-pattern="${first}"]`).getAttribute('data-learned'), '');
  assert.equal(await element.locator('[part~=meter]').evaluate((m) => [m.value, m.max].join('/')), `2/${order(beginner).length}`);
  const stored = await page.evaluate((key) => localStorage.getItem(key), `patsel-learning-path:shipped:${beginner.id}`);
  assert.deepEqual(JSON.parse(stored), [first, third], 'kept in path order');
  await page.waitForTimeout(100);
  assert.deepEqual(events.at(-1), { path: beginner.id, learned: [first, third], total: order(beginner).length, next: second });
  assert.deepEqual(requests, [], 'progress is never sent anywhere');
  // Unticking and Clear progress.
  await element.getByLabel(`Learned: ${byId[third].title}`).uncheck();
  assert.equal(await progressText(element), `Learned 1 of ${order(beginner).length} patterns`);
  await element.getByRole('button', { name: 'Clear progress' }).click();
  assert.equal(await progressText(element), `Learned 0 of ${order(beginner).length} patterns`);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), `patsel-learning-path:shipped:${beginner.id}`), null);
  assert.deepEqual(problems, []);
  await page.close();
});

test('progress survives a reload, and a finished path offers the next one', async () => {
  const { page, element } = await open();
  for (const id of order(beginner).slice(0, -1)) await element.getByLabel(`Learned: ${byId[id].title}`).check();
  await page.reload();
  const again = page.locator('patsel-learning-path');
  await page.evaluate(() => {
    const e = document.createElement('patsel-learning-path');
    e.setAttribute('base-url', '/p/');
    document.getElementById('host').append(e);
  });
  await again.locator('[part~=item]').first().waitFor();
  assert.equal(await progressText(again), `Learned ${order(beginner).length - 1} of ${order(beginner).length} patterns`);
  await again.getByLabel(`Learned: ${byId[order(beginner).at(-1)].title}`).check();
  assert.match(await again.locator('[part~=next]').textContent(), /you have learned every pattern of this path/);
  await again.getByRole('button', { name: `Go on to: ${intermediate.title}` }).click();
  assert.equal(await again.locator('[part~=title]').textContent(), intermediate.title);
  assert.equal(await urlValue(page), `path.${intermediate.id}`);
  assert.equal(await progressText(again), `Learned 0 of ${order(intermediate).length} patterns`, 'each path keeps its own progress');
  await page.close();
});

test('URL round trip: the chosen path is in the address, Back returns, a link opens it', async () => {
  const { page, problems, element } = await open();
  const changes = await recordChanges(page, 'patsel-learning-path-change');
  await element.getByLabel(advanced.title).check();
  assert.equal(await element.locator('[part~=title]').textContent(), advanced.title);
  assert.equal(await urlValue(page), `path.${advanced.id}`);
  await page.goBack();
  await element.locator('[part~=title]', { hasText: beginner.title }).waitFor();
  assert.equal(await urlValue(page), null, 'the attribute\'s path leaves no parameter');
  assert.equal(await element.getByLabel(beginner.title).isChecked(), true);
  await page.goForward();
  await element.locator('[part~=title]', { hasText: advanced.title }).waitFor();
  assert.deepEqual(changes.map((c) => c.path), [advanced.id, beginner.id, advanced.id]);
  const { page: linked, element: opened } = await open({}, { query: `?path=path.${intermediate.id}` });
  assert.equal(await opened.locator('[part~=title]').textContent(), intermediate.title);
  const { page: unknown, element: fallback } = await open({ path: advanced.id }, { query: '?path=path.no-such-path' });
  assert.equal(await fallback.locator('[part~=title]').textContent(), advanced.title, 'an unknown path in the URL falls back to the attribute');
  assert.deepEqual(problems, []);
  await Promise.all([page.close(), linked.close(), unknown.close()]);
});

test('keyboard: arrow keys change the path, Space ticks a pattern', async () => {
  const { page, element } = await open();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.value), beginner.id);
  await page.keyboard.press('ArrowRight');
  await element.locator('[part~=title]', { hasText: intermediate.title }).waitFor();
  await page.keyboard.press('Tab');  // Clear progress is disabled: the first link of the next box
  await page.keyboard.press('Tab');  // the first pattern's link
  await page.keyboard.press('Tab');  // its checkbox
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.value), order(intermediate)[0]);
  await page.keyboard.press('Space');
  assert.equal(await progressText(element), `Learned 1 of ${order(intermediate).length} patterns`);
  await page.close();
});

test('without localStorage the progress lasts for the page, and the element says so', async () => {
  const setup = (page) => page.evaluate(() => {
    for (const name of ['getItem', 'setItem', 'removeItem']) Storage.prototype[name] = () => { throw new DOMException('blocked', 'SecurityError'); };
  });
  const { page, problems, element } = await open({}, { setup });
  assert.match(await element.locator('[part~=note]').textContent(), /does not let the page keep your progress/);
  await element.getByLabel(`Learned: ${byId[order(beginner)[0]].title}`).check();
  assert.equal(await progressText(element), `Learned 1 of ${order(beginner).length} patterns`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an unknown path shows a readable error with a retry', async () => {
  const { page, element } = await open({ path: 'no-such-path' });
  assert.match(await element.locator('[part=error]').textContent(), /learning path "no-such-path" could not be shown/);
  assert.equal(await element.getByRole('button', { name: 'Retry' }).count(), 1);
  await page.close();
});

test('no serious accessibility violations (axe), at desktop and phone widths', async () => {
  await assertAccessibleAtBothWidths(assert, async (viewport) => {
    const opened = await open({ path: intermediate.id }, { viewport });
    await opened.element.getByLabel(`Learned: ${byId[order(intermediate)[0]].title}`).check();
    return opened;
  });
});
