// <patsel-quick-reference>: every goal's card with its essential, important
// and advanced patterns, bronze patterns shown with their replacement, the
// goal chooser in the URL, keyboard and axe. Expected values come from the
// catalog file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, hostedElements, recordChanges } from './support.mjs';
import { assertAccessibleAtBothWidths } from './axe.mjs';

const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const byId = Object.fromEntries(catalog.patterns.map((p) => [p.id, p]));
const LEVELS = ['essential', 'important', 'advanced'];

const host = hostedElements();
const open = (attributes = {}, options = {}) => host.open('patsel-quick-reference', { 'base-url': '/p/', ...attributes }, '[part~=card]', options);
const urlValue = (page) => page.evaluate(() => new URL(location.href).searchParams.get('cards'));
const shownCards = (element) => element.locator('[part~=card]').evaluateAll((c) => c.map((x) => x.dataset.card));

test('creation: every card, each level in order with its patterns linked and tiered', async () => {
  const { page, problems, element } = await open();
  assert.deepEqual(await shownCards(element), catalog.cards.map((c) => c.id));
  for (const card of catalog.cards) {
    const box = element.locator(`[part~=card][data-card="${card.id}"]`);
    assert.equal(await box.locator('[part~=card-title]').textContent(), card.title);
    assert.deepEqual(await box.locator('[part~=level]').evaluateAll((l) => l.map((x) => x.dataset.level)), LEVELS.filter((l) => card[l].length));
    for (const level of LEVELS) {
      const items = box.locator(`[part~=level][data-level=${level}] [part~=item]`);
      assert.deepEqual(await items.evaluateAll((li) => li.map((x) => x.dataset.pattern)), card[level], `${card.id} ${level}`);
      for (const [i, id] of card[level].entries()) {
        assert.equal(await items.nth(i).locator('[part~=link]').first().textContent(), byId[id].title);
        assert.equal(await items.nth(i).locator('[part~=badge]').textContent(), byId[id].tier);
      }
    }
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('a bronze pattern on a card is marked legacy, with the catalog\'s modern replacement', async () => {
  const { page, element } = await open();
  const bronze = catalog.cards.flatMap((c) => LEVELS.flatMap((l) => c[l].map((id) => [c.id, id]))).filter(([, id]) => byId[id].tier === 'bronze');
  assert.ok(bronze.length > 0, 'the shipped cards name bronze patterns');
  for (const [card, id] of bronze) {
    const item = element.locator(`[data-card="${card}"] [part~=item][data-pattern="${id}"]`);
    const replacedBy = new Set([...(byId[id].modern_alternatives ?? []).map((a) => a.pattern), ...(byId[id].migration_paths?.to ?? []).map((m) => m.pattern)]
      .filter((r) => byId[r] && byId[r].tier !== 'bronze'));
    assert.match(await item.locator('[part~=legacy]').textContent(), /^Legacy: use .+ instead\.$/);
    const links = await item.locator('[part~=legacy] a').evaluateAll((a) => a.map((x) => x.getAttribute('href')));
    assert.ok(links.length > 0 && links.every((href) => replacedBy.has(href.split('/')[2])), `${card}/${id}: ${links}`);
  }
  // No other pattern carries a legacy note.
  const notes = await element.locator('[part~=item]:has([part~=legacy])').evaluateAll((li) => li.map((x) => x.dataset.tier));
  assert.ok(notes.every((t) => t === 'bronze'));
  await page.close();
});

test('URL round trip: the goal chosen, Back, a link, and the card attribute', async () => {
  const { page, problems, element } = await open();
  const changes = await recordChanges(page, 'patsel-quick-reference-change');
  await element.getByLabel('Goal').selectOption('consistency');
  assert.deepEqual(await shownCards(element), ['consistency']);
  assert.equal(await urlValue(page), 'card.consistency');
  await page.goBack();
  await element.locator('[part~=card]').nth(1).waitFor();
  assert.deepEqual(await shownCards(element), catalog.cards.map((c) => c.id));
  assert.equal(await element.getByLabel('Goal').inputValue(), '');
  assert.deepEqual(changes, [{ card: 'consistency' }, { card: '' }]);
  const { page: linked, element: opened } = await open({}, { query: '?cards=card.scalability' });
  assert.deepEqual(await shownCards(opened), ['scalability']);
  // With a card attribute, "All goals" is written as the bare key.
  const { page: fixed, element: one } = await open({ card: 'operations' });
  assert.deepEqual(await shownCards(one), ['operations']);
  await one.getByLabel('Goal').selectOption('');
  assert.equal(await urlValue(fixed), 'card');
  assert.equal(await one.locator('[part~=card]').count(), catalog.cards.length);
  assert.deepEqual(problems, []);
  await Promise.all([page.close(), linked.close(), fixed.close()]);
});

test('keyboard: the goal picker, then the first pattern link', async () => {
  const { page, element } = await open();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.id), 'card');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('patsel-quick-reference').shadowRoot.querySelectorAll('[part~=card]').length === 1);
  assert.deepEqual(await shownCards(element), [catalog.cards[0].id]);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.textContent), byId[catalog.cards[0].essential[0]].title);
  await page.close();
});

test('no serious accessibility violations (axe), at desktop and phone widths', async () => {
  await assertAccessibleAtBothWidths(assert, (viewport) => open({}, { viewport }));
});
