// <patsel-timeline>: a family's evolution as an ordered list, catalog
// patterns linked with their tier, migration triggers on the step they lead
// to, a family picker, errors, hostile text, keyboard and axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, hostedElements } from './support.mjs';
import { assertAccessibleAtBothWidths } from './axe.mjs';

// Expected values come from the catalog file, not from the engine.
const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const byId = Object.fromEntries(catalog.patterns.map((p) => [p.id, p]));
const family = catalog.families.find((f) => f.id === 'distributed-transactions');

const host = hostedElements();

/** The test page with a <patsel-timeline> carrying `attributes`, once it shows something. */
async function timelinePage(attributes, options = {}) {
  const { page, problems, element } = await host.open('patsel-timeline', attributes, '[part~=timeline]', options);
  return { page, problems, timeline: element };
}

test('a family is an ordered list of its steps, with years, links and tier badges from the catalog', async () => {
  const { page, problems, timeline } = await timelinePage({ family: family.id, 'base-url': '/patterns/' });
  assert.equal(await timeline.locator('h3').textContent(), family.title);
  assert.equal(await timeline.locator('ol[part~=timeline]').count(), 1);
  const steps = timeline.locator('li[part~=step]');
  assert.equal(await steps.count(), family.timeline.length);
  for (const [i, entry] of family.timeline.entries()) {
    const step = steps.nth(i);
    assert.equal(await step.locator('[part~=year]').textContent(), String(entry.year));
    const p = byId[entry.pattern];
    assert.equal(await step.locator('[part~=step-title]').textContent(), p ? p.title : entry.name ?? entry.pattern);
    if (p) {
      assert.equal(await step.locator('[part~=step-title] a').getAttribute('href'), `/patterns/${p.id}/`);
      assert.equal(await step.locator('[part~=badge]').textContent(), p.tier);
    }
    assert.equal(await step.locator('[part~=innovation]').textContent(), entry.innovation);
    assert.deepEqual(await step.locator('[part~=limitations] li').allTextContents(), entry.limitations ?? []);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('migration triggers stand between the steps they connect; the others follow the list', async () => {
  const { page, timeline } = await timelinePage({ family: family.id, 'base-url': '/patterns/' });
  const steps = family.timeline.map((s) => s.pattern);
  for (const trigger of family.migration_triggers) {
    const from = steps.indexOf(trigger.from);
    const to = from < 0 ? -1 : steps.findIndex((s, i) => i > from && s === trigger.to);
    const block = to >= 0
      ? timeline.locator('li[part~=step]').nth(to).locator('[part~=trigger]')
      : timeline.locator('[part~=further] [part~=trigger]').filter({ hasText: byId[trigger.from].title }).filter({ hasText: byId[trigger.to].title });
    assert.equal(await block.count(), 1, `${trigger.from} -> ${trigger.to}`);
    assert.deepEqual(await block.locator('li').allTextContents(), trigger.triggers);
    assert.deepEqual(await block.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      [`/patterns/${trigger.from}/`, `/patterns/${trigger.to}/`]);
  }
  // The first trigger of this family (two-phase commit to saga) is placed on a step.
  assert.ok(await timeline.locator('li[part~=step] [part~=trigger]').count() >= 1);
  await page.close();
});

test('without a family attribute a picker lists every family, and picking one shows it', async () => {
  const { page, problems, timeline } = await timelinePage({});
  const select = timeline.getByLabel('Pattern family');
  const values = await select.locator('option').evaluateAll((options) => options.map((o) => o.value));
  assert.deepEqual(values, catalog.families.map((f) => f.id));
  const events = page.evaluate(() => new Promise((resolve) =>
    document.addEventListener('patsel-timeline-change', (e) => resolve(e.detail), { once: true })));
  const other = catalog.families[2];
  await select.selectOption(other.id);
  assert.deepEqual(await events, { family: other.id });
  assert.equal(await timeline.locator('h3').textContent(), other.title);
  assert.equal(await timeline.locator('li[part~=step]').count(), other.timeline.length);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the picker works by keyboard alone', async () => {
  const { page, timeline } = await timelinePage({});
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.id), 'family');
  await page.keyboard.press('ArrowDown');
  await timeline.locator('h3', { hasText: catalog.families[1].title }).waitFor();
  // Tab then reaches the first link of the timeline.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.shadowRoot.activeElement.textContent);
  const first = catalog.families[1].timeline.find((s) => byId[s.pattern]);
  assert.equal(focused, byId[first.pattern].title);
  await page.close();
});

test('an unknown family shows a readable error with a retry', async () => {
  const { page, timeline } = await timelinePage({ family: 'no-such-family' });
  assert.match(await timeline.locator('[part=error]').textContent(), /could not be shown.*no-such-family.*is not a family/s);
  assert.equal(await timeline.getByRole('button', { name: 'Retry' }).count(), 1);
  await page.close();
});

test('markup in catalog text renders inert, and javascript: links are not emitted', async () => {
  const { page, problems, timeline } = await timelinePage({ family: 'evil-family', catalog: '/fixtures/catalogs/hostile-reference.json', 'base-url': '/p/' });
  assert.equal(await timeline.locator('h3').textContent(), '<img src=x onerror="window.pwned=23">Family');
  assert.equal(await timeline.locator('li[part~=step]').nth(1).locator('[part~=step-title]').textContent(), '<script>window.pwned=27</script>Outside');
  assert.match(await timeline.locator('[part~=body]').textContent(), /<b onmouseover="window.pwned=25">new<\/b>/);
  await timeline.locator('a').first().hover();
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  const hrefs = await timeline.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0 && hrefs.every((h) => h.startsWith('/p/')), hrefs.join(' '));
  assert.equal(await timeline.locator('img, script, iframe, svg:not(.tier-icon), b, i').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('no serious accessibility violations (axe), at desktop and phone widths', async () => {
  await assertAccessibleAtBothWidths(assert, (viewport) => timelinePage({}, { viewport }));
});

test('a step whose pattern changed tier says since when, what it was and why', async () => {
  const { page, problems, timeline } = await timelinePage({ family: 'f', catalog: '/fixtures/catalogs/health.json', 'base-url': '/p/' });
  const cache = timeline.locator('li[part~=step][data-pattern=cache]');
  assert.equal(await cache.locator('[part~=tier-history]').textContent(), 'Tier: silver since 2022 (was gold). Fewer new uses.');
  assert.equal(await timeline.locator('[part~=tier-history]').count(), 1, 'only the pattern with a history');
  assert.deepEqual(problems, []);
  await page.close();
});
