// <patsel-stack>: a searchable multi-select of the patterns a team uses and
// the engine's analysis of them: what to replace (and Apply), conflicts with
// one reason each, missing prerequisites of the stack after the change,
// legacy patterns, complexity and what it rests on; URL state, keyboard,
// hostile text, the phone width and axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, addToHost, hostedElements, textPastRightEdge } from './support.mjs';
import { seriousViolations } from './axe.mjs';

// Expected values come from the catalog file, not from the engine.
const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const byId = Object.fromEntries(catalog.patterns.map((p) => [p.id, p]));
const title = (id) => byId[id].title;

const host = hostedElements();

const addElement = (page, attributes) => addToHost(page, 'patsel-stack', attributes, '[part~=status]:not(:empty)');

async function stackPage(attributes, options = {}) {
  const { page, problems, element } = await host.open('patsel-stack', attributes, '[part~=status]:not(:empty)', options);
  return { page, problems, stack: element };
}

const chips = (stack) => stack.locator('[part~=chosen] li > span:first-child').allTextContents();
const param = (page) => new URL(page.url()).searchParams.get('stack');

// Texts that are internal scores: "+2", "-3", "−1" standing alone or after a colon.
const BARE_SCORE = /(^|[\s:(])[+−-]\d+(\.\d+)?(?=$|[\s,;)])/m;

for (const width of [1280, 360]) {
  test(`two-phase commit, microservices and a shared database at ${width} px: replace 2PC with saga, not consensus`, async () => {
    const ids = ['two-phase-commit', 'microservices', 'shared-database'];
    const { page, problems, stack } = await stackPage({ patterns: ids.join(','), 'base-url': '/patterns/' }, { viewport: { width, height: 900 } });
    assert.deepEqual(await chips(stack), ids.map(title));
    // What to change comes first: each legacy pattern and its replacement, in words.
    const actions = stack.locator('[part~=replacements] .action');
    assert.equal(await actions.nth(0).innerText(), `Replace ${title('two-phase-commit')} with ${title('saga')} and ${title('outbox')}.`);
    assert.match(await actions.nth(1).innerText(), new RegExp(`^Replace ${title('shared-database')} with ${title('database-per-service')}`));
    const text = await stack.locator('[part~=report]').innerText();
    assert.ok(text.indexOf('What to change') < text.indexOf('Conflicts'), 'the action before the conflicts');
    // Consensus (what 2PC needs) is not asked for; what the stack after the change needs is.
    assert.doesNotMatch(await stack.locator('[part~=after]').innerText(), new RegExp(title('consensus')));
    assert.doesNotMatch(await stack.locator('[part~=missing]').innerText(), new RegExp(title('database-per-service')));
    // One reason per conflict: the avoid entry's.
    const conflicts = stack.locator('[part~=conflicts] > ul > li');
    assert.equal(await conflicts.count(), 2);
    for (const [i, pair] of [['two-phase-commit', 'microservices'], ['microservices', 'shared-database']].entries()) {
      const avoid = catalog.avoid.find((a) => pair.every((id) => a.patterns.includes(id)) && a.patterns.length === 2);
      assert.deepEqual(await conflicts.nth(i).locator('p.reason').allInnerTexts(), [avoid.reason.replace(/\s+/g, ' ').trim()]);
      assert.match(await conflicts.nth(i).innerText(), /Replacing .* resolves it\./);
    }
    // Complexity says what it rests on.
    assert.match(await stack.locator('[part~=complexity]').innerText(), /Based on\s+all 3 patterns/);
    assert.doesNotMatch(text, BARE_SCORE);
    if (width === 360) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no horizontal scroll (${overflow})`);
      // The complexity of each pattern is a line of its own, nothing in a box to scroll sideways.
      assert.deepEqual(await textPastRightEdge(stack, width), []);
      assert.deepEqual(await stack.locator('[part~=complexity] tbody tr').first().locator('td').allInnerTexts(),
        ['Complexity: high', 'Time: weeks', 'Maintenance: high', 'Team: 3-5']);
    }
    // Apply makes the change in the stack.
    await stack.getByRole('button', { name: `Apply: replace ${title('two-phase-commit')} with ${title('saga')} and ${title('outbox')} in the stack` }).click();
    assert.deepEqual(await chips(stack), ['saga', 'outbox', 'microservices', 'shared-database'].map(title));
    assert.equal(param(page), 'patterns.saga.outbox.microservices.shared-database');
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('two-phase commit with microservices: the conflict with its one reason, the legacy pattern replaced', async () => {
  const avoid = catalog.avoid.find((a) => a.patterns.includes('two-phase-commit') && a.patterns.includes('microservices'));
  assert.ok(avoid && avoid.instead.includes('saga'), 'the catalog says to avoid the pair and use saga');
  const { page, problems, stack } = await stackPage({ patterns: 'two-phase-commit,microservices', 'base-url': '/patterns/' });
  const conflict = stack.locator('[part~=conflicts] > ul > li');
  assert.equal(await conflict.count(), 1);
  assert.deepEqual(await conflict.locator('.pair a').allTextContents(), [title('two-phase-commit'), title('microservices')]);
  assert.deepEqual(await conflict.locator('p.reason').allInnerTexts(), [avoid.reason.replace(/\s+/g, ' ').trim()]);
  const replacement = stack.locator('[part~=replacements] [part~=replacement]');
  assert.equal(await replacement.getAttribute('data-pattern'), 'two-phase-commit');
  for (const id of ['saga', 'outbox']) assert.equal(await replacement.locator(`a[href="/patterns/${id}/"]`).count(), 1, id);
  // Replaced, 2PC is not listed again as a legacy pattern.
  assert.equal(await stack.locator('[part~=legacy]').count(), 0);
  const levels = catalog.complexity.filter((c) => ['two-phase-commit', 'microservices'].includes(c.pattern)).map((c) => c.complexity);
  const order = ['low', 'medium', 'high', 'very-high'];
  const overall = order[Math.max(...levels.map((l) => order.indexOf(l)))].replace('-', ' ');
  assert.match(await stack.locator('[part~=complexity] dd').first().textContent(), new RegExp(`^${overall}, set by `));
  assert.match(await stack.locator('[part~=status]').textContent(), new RegExp(`2 patterns: 1 conflict, 1 pattern to replace, .*; overall complexity ${overall}`));
  assert.deepEqual(problems, []);
  await page.close();
});

test('a circuit breaker alone misses timeouts; adding timeout from the report clears that gap', async () => {
  const requires = byId['circuit-breaker'].related.filter((r) => r.relation === 'requires').map((r) => r.pattern);
  assert.ok(requires.includes('timeout'), 'the catalog says a circuit breaker requires timeouts');
  const { page, problems, stack } = await stackPage({ patterns: 'circuit-breaker' });
  const missing = stack.locator('[part~=missing] > ul > li');
  const missingTitles = await missing.locator('a').allTextContents();
  for (const id of requires) assert.ok(missingTitles.includes(title(id)), id);
  assert.match(await missing.filter({ hasText: title('timeout') }).textContent(), new RegExp(`needed by ${title('circuit-breaker')}`));
  assert.match(await stack.locator('[part~=conflicts]').textContent(), /No combination in this stack is one to avoid/);
  await stack.getByRole('button', { name: `Add ${title('timeout')}` }).click();
  assert.deepEqual(await chips(stack), [title('circuit-breaker'), title('timeout')]);
  assert.equal(await missing.filter({ hasText: title('timeout') }).count(), 0);
  assert.equal(param(page), 'patterns.circuit-breaker.timeout');
  assert.deepEqual(problems, []);
  await page.close();
});

test('keyboard only: search, pick with Enter, unpick, Escape closes, remove a chip', async () => {
  const { page, problems, stack } = await stackPage({});
  const input = stack.getByRole('combobox', { name: 'Patterns your team uses' });
  await page.keyboard.press('Tab');
  assert.equal(await input.evaluate((i) => i.getRootNode().activeElement === i), true);
  await page.keyboard.type('saga');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  const options = stack.getByRole('option');
  const expected = catalog.patterns.filter((p) => p.title.toLowerCase().includes('saga') || p.id.includes('saga') || (p.tags ?? []).some((t) => t.includes('saga')));
  assert.equal(await options.count(), expected.length);
  // The first option is active; Enter puts it in the stack.
  const first = (await input.getAttribute('aria-activedescendant')).replace(/^option-/, '');
  assert.equal(first, await options.first().getAttribute('data-id'));
  assert.ok(expected.some((p) => p.id === first), first);
  await page.keyboard.press('Enter');
  assert.deepEqual(await chips(stack), [title(first)]);
  assert.equal(await stack.locator(`#option-${first}`).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Enter');  // Enter again takes it out
  assert.deepEqual(await chips(stack), []);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('Escape');  // a second Escape clears the search text
  assert.equal(await input.inputValue(), '');
  await page.keyboard.type('micro');
  const ids = await options.evaluateAll((list) => list.map((o) => o.dataset.id));
  for (let i = 0; i <= ids.indexOf('microservices'); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');  // past it and back
  assert.equal(await input.getAttribute('aria-activedescendant'), 'option-microservices');
  await page.keyboard.press('Enter');
  assert.deepEqual(await chips(stack), [title(first), title('microservices')]);
  assert.match(await stack.locator('[part~=status]').textContent(), /^2 patterns:/);
  // Tab leaves the list for the chips' remove buttons.
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => document.activeElement.shadowRoot.activeElement.getAttribute('aria-label'));
  assert.equal(await focused(), `Remove ${title(first)} from the stack`);
  await page.keyboard.press('Enter');
  assert.deepEqual(await chips(stack), [title('microservices')]);
  assert.equal(await focused(), `Remove ${title('microservices')} from the stack`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the stack lives in the URL: reload shows it again, back and forward step through it', async () => {
  const { page, problems, stack } = await stackPage({});
  assert.match(await stack.locator('[part~=status]').textContent(), /Pick the patterns your team uses/);
  const input = stack.getByRole('combobox');
  await input.click();
  await input.fill('two-phase');
  await stack.getByRole('option', { name: new RegExp(title('two-phase-commit')) }).click();
  await input.fill('microservices');
  await stack.getByRole('option', { name: new RegExp(`^${title('microservices')}`) }).click();
  assert.equal(param(page), 'patterns.two-phase-commit.microservices');
  await page.reload();
  const again = await addElement(page, {});
  assert.deepEqual(await chips(again), [title('two-phase-commit'), title('microservices')]);
  assert.equal(await again.locator('[part~=conflicts] > ul > li').count(), 1);
  await page.goBack();
  await again.locator('[part~=chosen] li').nth(1).waitFor({ state: 'detached' });
  assert.deepEqual(await chips(again), [title('two-phase-commit')]);
  await page.goBack();
  await again.locator('[part~=chosen] li').first().waitFor({ state: 'detached' });
  await page.goForward();
  await again.locator('[part~=chosen] li').first().waitFor();
  assert.deepEqual(await chips(again), [title('two-phase-commit')]);
  assert.deepEqual(problems, []);
  await page.close();
});

test('links in the older form (ids joined by dots) open as they did; the next change writes the new form', async () => {
  const { page, problems, stack } = await stackPage({ patterns: 'saga' }, { query: '?stack=two-phase-commit.microservices' });
  assert.deepEqual(await chips(stack), [title('two-phase-commit'), title('microservices')]);
  await stack.getByRole('button', { name: `Remove ${title('microservices')} from the stack` }).click();
  assert.equal(param(page), 'patterns.two-phase-commit');
  const none = await stackPage({ patterns: 'saga' }, { query: '?stack=-' });
  assert.deepEqual(await chips(none.stack), []);
  assert.deepEqual([...problems, ...none.problems], []);
  await page.close();
  await none.page.close();
});

test('markup in catalog text renders inert, and javascript: links are not emitted', async () => {
  const { page, problems, stack } = await stackPage({ patterns: 'evil,other', catalog: '/fixtures/catalogs/hostile-reference.json', 'base-url': '/p/' });
  const report = stack.locator('[part~=report]');
  await report.locator('[part~=conflicts] li').first().waitFor();
  assert.match(await report.textContent(), /<img src=v onerror="window.pwned=30">reason/);
  assert.match(await report.textContent(), /<svg onload="window.pwned=22">Needed<\/svg>/);
  const input = stack.getByRole('combobox');
  await input.click();
  await input.press('ArrowDown');
  assert.ok(await stack.getByRole('option').count() >= 4);
  await report.locator('a').first().hover();
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  const hrefs = await stack.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0 && hrefs.every((h) => h.startsWith('/p/')), hrefs.join(' '));
  assert.equal(await stack.locator('img, script, iframe, svg:not(.tier-icon), b, i, em, u').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a catalog that cannot load shows Retry; unknown ids are left out and said so', async () => {
  const { page, stack } = await stackPage({ patterns: 'circuit-breaker,nope' });
  assert.match(await stack.locator('[part~=status]').textContent(), /Left out \(not in the catalog\): nope/);
  await page.close();
  const broken = await stackPage({ catalog: '/fixtures/catalogs/missing.json' });
  assert.match(await broken.stack.locator('[part=error]').textContent(), /could not be loaded/);
  assert.equal(await broken.stack.getByRole('button', { name: 'Retry' }).count(), 1);
  await broken.page.close();
});

test('no serious accessibility violations (axe), list open, at desktop and phone widths', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    const { page, stack } = await stackPage({ patterns: 'two-phase-commit,microservices,circuit-breaker' }, { viewport });
    const input = stack.getByRole('combobox');
    await input.click();
    await input.press('ArrowDown');
    assert.deepEqual(await seriousViolations(page), [], `${viewport.width} px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scroll at ${viewport.width} px (${overflow})`);
    await page.close();
  }
});
