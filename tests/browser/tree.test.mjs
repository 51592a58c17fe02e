// <patsel-tree>: the distributed-transactions decision tree walked with the
// mouse and with the keyboard alone, answers changed, Back and Restart, the
// session in the URL (reload, back button, a stale session), the diagram,
// hostile catalog text and axe. Expected questions, results and picks come
// from the catalog file (data/trees/distributed-transactions.yaml compiled).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, openPage, servedBrowser } from './support.mjs';

const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const tree = catalog.trees.find((t) => t.id === 'distributed-transactions');
const question = (id) => tree.questions.find((q) => q.id === id);
const option = (q, id) => question(q).options.find((o) => o.id === id);
const resultOf = (id) => tree.results.find((r) => r.id === id);
const titleOf = Object.fromEntries(catalog.patterns.map((p) => [p.id, p.title]));

const served = servedBrowser();

async function treePage(query = '', page = 'tree.html') {
  const opened = await openPage(served.browser, `${served.url}pages/${page}${query}`);
  await opened.page.locator('#tree [part~=question], #tree [part~=result], #tree [part~=problem], #tree [part~=error]').first().waitFor();
  return opened;
}

const questionText = (page) => page.locator('#tree [part~=question-text]').textContent();
const optionButton = (page, label) => page.locator('#tree [part~=option]', { hasText: label });
const pathAnswers = (page) => page.locator('#tree [part~=path-step] [part~=answer]').allTextContents();
const session = (page) => page.evaluate(() => new URL(location.href).searchParams.get('tree'));

async function answer(page, q, id) {
  assert.equal(await questionText(page), question(q).text);
  await optionButton(page, option(q, id).label).click();
}

test('creation: the first question with its help and its options as buttons', async () => {
  const { page, problems } = await treePage();
  const start = question(tree.start);
  assert.equal(await page.locator('#tree [part~=title]').textContent(), tree.title);
  assert.equal(await questionText(page), start.text);
  assert.equal(await page.locator('#tree [part~=help]').textContent(), start.help);
  assert.deepEqual(await page.locator('#tree button[part~=option]').allTextContents(), start.options.map((o) => o.label));
  assert.equal(await page.locator('#tree [part~=back]').isDisabled(), true);
  assert.equal(await page.locator('#tree [part~=restart]').isDisabled(), true);
  assert.equal(await page.locator('#tree [part~=path]').isVisible(), false);
  assert.deepEqual(await page.locator('#tree input[name=tier]:checked').evaluateAll((boxes) => boxes.map((b) => b.value)), ['gold']);
  assert.equal(await session(page), null, 'nothing is written to the URL before the first answer');
  assert.deepEqual(problems, []);
  await page.close();
});

test('walking to a result shows its gold picks with reasons and links; silver and bronze on request', async () => {
  const { page, problems } = await treePage();
  const events = [];
  await page.exposeFunction('record', (e) => events.push(e));
  await page.evaluate(() => ['patsel-tree-answer', 'patsel-tree-result'].forEach((type) =>
    document.addEventListener(type, (e) => window.record({ type, detail: JSON.parse(JSON.stringify(e.detail)) }))));
  await answer(page, 'ownership', 'services');
  await answer(page, 'audit', 'no-history');
  assert.deepEqual(await pathAnswers(page), [option('ownership', 'services').label, option('audit', 'no-history').label]);
  await answer(page, 'flow', 'simple');
  const expected = resultOf(option('flow', 'simple').result);
  assert.equal(await page.locator('#tree [part~=result-title]').textContent(), `Result: ${expected.title}`);
  assert.equal(await page.locator('#tree [part~=result] [part~=summary]').textContent(), expected.summary);

  const picks = () => page.locator('#tree [part~=pick]').evaluateAll((items) => items.map((li) => ({
    tier: li.dataset.tier, title: li.querySelector('[part~=link]').textContent,
    href: li.querySelector('[part~=link]').getAttribute('href'), reason: li.querySelector('[part~=reason]').textContent })));
  const want = (...levels) => levels.flatMap((tier) => expected[tier].map((p) => ({ tier, title: titleOf[p.pattern], href: `/patterns/${p.pattern}/`, reason: p.reason })));
  assert.deepEqual(await picks(), want('gold'));
  const hidden = expected.silver.length + expected.bronze.length;
  assert.match(await page.locator('#tree [part~=excluded]').textContent(),
    new RegExp(`^Not shown: ${expected.silver.length} silver and ${expected.bronze.length} bronze picks; tick silver or bronze above`));
  assert.ok(hidden > 0);

  await page.locator('#tree input[value=silver]').check();
  assert.deepEqual(await picks(), want('gold', 'silver'));
  await page.locator('#tree input[value=bronze]').check();
  assert.deepEqual(await picks(), want('gold', 'silver', 'bronze'));
  assert.equal(await page.locator('#tree [part~=excluded]').count(), 0);
  assert.match(await session(page), /_tier\.gold\.silver\.bronze$/, 'the allowed tiers are part of the URL state');

  assert.deepEqual(events.map((e) => e.type), ['patsel-tree-answer', 'patsel-tree-answer', 'patsel-tree-answer', 'patsel-tree-result', 'patsel-tree-result', 'patsel-tree-result']);
  assert.equal(events[3].detail.result.id, expected.id);
  assert.deepEqual(problems, []);
  await page.close();
});

test('changing an earlier answer goes back to that question', async () => {
  const { page } = await treePage();
  await answer(page, 'ownership', 'services');
  await answer(page, 'audit', 'no-history');
  await page.locator('#tree [part~=path-step]').nth(1).locator('[part~=change]').click();
  assert.equal(await questionText(page), question('audit').text);
  assert.deepEqual(await pathAnswers(page), [option('ownership', 'services').label]);
  await page.locator('#tree [part~=path-step]').nth(0).locator('[part~=change]').click();
  assert.equal(await questionText(page), question('ownership').text);
  assert.deepEqual(await pathAnswers(page), []);
  await answer(page, 'ownership', 'one-app');
  await answer(page, 'databases', 'one');
  assert.equal(await page.locator('#tree [part~=result-title]').textContent(), `Result: ${resultOf('local-transaction').title}`);
  await page.close();
});

test('Back goes one answer back and Restart to the first question', async () => {
  const { page } = await treePage();
  await answer(page, 'ownership', 'one-app');
  await answer(page, 'databases', 'several');
  await answer(page, 'intermediate-states', 'never');
  assert.equal(await page.locator('#tree [part~=result-title]').textContent(), `Result: ${resultOf('atomic-across-stores').title}`);
  await page.locator('#tree [part~=back]').click();
  assert.equal(await questionText(page), question('intermediate-states').text);
  await page.locator('#tree [part~=back]').click();
  assert.equal(await questionText(page), question('databases').text);
  assert.deepEqual(await pathAnswers(page), [option('ownership', 'one-app').label]);
  await page.locator('#tree [part~=restart]').click();
  assert.equal(await questionText(page), question('ownership').text);
  assert.deepEqual(await pathAnswers(page), []);
  assert.equal(await page.locator('#tree [part~=back]').isDisabled(), true);
  await page.close();
});

test('the session lives in the URL: reload restores the walk, the back button steps back', async () => {
  const { page, problems } = await treePage();
  await answer(page, 'ownership', 'services');
  const first = await session(page);
  await answer(page, 'audit', 'history');
  const second = await session(page);
  assert.match(second, /^session\.distributed-transactions\.[0-9a-f]{8}\.services\.history$/);
  assert.notEqual(first, second);

  await page.reload();
  await page.locator('#tree [part~=result-title]').waitFor();
  assert.equal(await page.locator('#tree [part~=result-title]').textContent(), `Result: ${resultOf('event-sourced-saga').title}`);
  assert.deepEqual(await pathAnswers(page), [option('ownership', 'services').label, option('audit', 'history').label]);

  await page.goBack();
  await page.locator('#tree [part~=question-text]').waitFor();
  assert.equal(await session(page), first);
  assert.equal(await questionText(page), question('audit').text);
  await page.goBack();
  await page.locator('#tree [part~=question-text]', { hasText: question('ownership').text }).waitFor();
  assert.equal(await session(page), null);
  assert.deepEqual(await pathAnswers(page), []);
  await page.goForward();
  await page.locator('#tree [part~=question-text]', { hasText: question('audit').text }).waitFor();

  // A shared link opens straight at the result, with its allowed tiers.
  const shared = await openPage(served.browser, `${served.url}pages/tree.html?tree=${second}_tier.gold.silver`);
  await shared.page.locator('#tree [part~=result]').waitFor();
  assert.deepEqual(await shared.page.locator('#tree [part~=level]').evaluateAll((s) => s.map((x) => x.dataset.tier)), ['gold', 'silver']);
  assert.deepEqual([...problems, ...shared.problems], []);
  await shared.page.close();
  await page.close();
});

test('links in the older form (`<session>!tiers`) open at the same place; the next step writes the new form', async () => {
  const { page: first } = await treePage();
  await answer(first, 'ownership', 'services');
  const session = (await first.evaluate(() => document.querySelector('#tree').session));
  await first.close();
  assert.match(session, /^distributed-transactions\.[0-9a-f]{8}\.services$/, 'the engine\'s session string');

  const { page, problems } = await treePage(`?tree=${session}!gold,silver`);
  assert.equal(await questionText(page), question('audit').text);
  assert.deepEqual(await pathAnswers(page), [option('ownership', 'services').label]);
  assert.deepEqual(await page.locator('#tree input[name=tier]:checked').evaluateAll((boxes) => boxes.map((b) => b.value)), ['gold', 'silver']);
  await answer(page, 'audit', 'history');
  assert.match(await page.evaluate(() => new URL(location.href).searchParams.get('tree')),
    /^session\.distributed-transactions\.[0-9a-f]{8}\.services\.history_tier\.gold\.silver$/);

  const { page: bare } = await treePage(`?tree=${session}`);
  assert.deepEqual(await pathAnswers(bare), [option('ownership', 'services').label]);
  assert.deepEqual(await bare.locator('#tree input[name=tier]:checked').evaluateAll((boxes) => boxes.map((b) => b.value)), ['gold']);
  assert.deepEqual(problems, []);
  await bare.close();
  await page.close();
});

test('without a tree attribute, a walk in the URL opens in the tree the engine says it belongs to', async () => {
  const { page: first } = await treePage();
  await answer(first, 'ownership', 'services');
  const saved = await session(first);
  await first.close();
  const { page, problems } = await openPage(served.browser, `${served.url}pages/element-host.html?tree=${saved}`);
  await page.evaluate(() => document.getElementById('host').append(document.createElement('patsel-tree')));
  await page.locator('patsel-tree [part~=question-text]').waitFor();
  assert.equal(await page.locator('patsel-tree [part~=title]').textContent(), tree.title);
  assert.equal(await page.locator('patsel-tree [part~=question-text]').textContent(), question('audit').text);
  assert.deepEqual(await page.locator('patsel-tree [part~=path-step] [part~=answer]').allTextContents(), [option('ownership', 'services').label]);
  // A walk no tree of the catalog claims: the list of trees, as without one.
  const { page: unknown } = await openPage(served.browser, `${served.url}pages/element-host.html?tree=session.no-such-tree.00000000`);
  await unknown.evaluate(() => document.getElementById('host').append(document.createElement('patsel-tree')));
  await unknown.locator('patsel-tree [part~=picker]').waitFor();
  assert.deepEqual(problems, []);
  await unknown.close();
  await page.close();
});

test('a stale session shows the engine\'s message and a Restart, not a wrong place', async () => {
  // A walk saved from the shipped catalog, opened over a catalog whose tree changed.
  const { page: first } = await treePage();
  await answer(first, 'ownership', 'services');
  const saved = await session(first);
  await first.close();

  const { page, problems } = await treePage(`?tree=${saved}`, 'tree-hostile.html');
  const problem = page.locator('#tree [part~=problem]');
  assert.match(await problem.textContent(), /this session was saved from another version of tree 'distributed-transactions'.*restart the tree/);
  assert.equal(await page.locator('#tree [part~=question], #tree [part~=result]').count(), 0);
  assert.equal(await session(page), saved, 'the URL is left alone until the user restarts');
  await problem.locator('button', { hasText: 'Restart' }).click();
  assert.match(await questionText(page), /First\?$/);
  assert.doesNotMatch(await session(page), /services/);

  // A session whose fingerprint does not match the shipped tree either.
  const tampered = saved.replace(/\.[0-9a-f]{8}\./, '.00000000.');
  const { page: second } = await treePage(`?tree=${tampered}`);
  assert.match(await second.locator('#tree [part~=problem]').textContent(), /its answers now lead elsewhere; restart the tree/);
  assert.deepEqual(problems, []);
  await second.close();
  await page.close();
});

test('keyboard only: Tab and Enter walk to a result, focus follows, the live region announces', async () => {
  const { page, problems } = await treePage();
  const active = () => page.evaluate(() => {
    const a = document.querySelector('#tree').shadowRoot.activeElement;
    return a ? { tag: a.tagName.toLowerCase(), text: a.textContent, part: a.getAttribute('part') } : null;
  });
  async function tabTo(label) {
    for (let i = 0; i < 20; ++i) {
      await page.keyboard.press('Tab');
      const a = await active();
      if (a?.part === 'option' && a.text === label) return;
    }
    assert.fail(`no option "${label}" reached with Tab`);
  }
  const status = page.locator('#tree [part~=status]');
  for (const [q, id] of [['ownership', 'services'], ['audit', 'no-history'], ['flow', 'complex']]) {
    await tabTo(option(q, id).label);
    await page.keyboard.press('Enter');
    const next = option(q, id).next;
    if (next) {
      assert.deepEqual(await active(), { tag: 'h4', text: question(next).text, part: 'question-text' });
      assert.match(await status.textContent(), new RegExp(`^Question \\d: ${question(next).text.replace(/[?.]/g, '\\$&')}$`));
    }
  }
  const result = resultOf('orchestrated-saga');
  assert.deepEqual(await active(), { tag: 'h4', text: `Result: ${result.title}`, part: 'result-title' });
  assert.equal(await status.textContent(), `Result: ${result.title}. ${result.gold.length} recommendations.`);
  assert.equal(await status.getAttribute('role'), 'status');

  // Space on a checkbox allows silver; Back from the keyboard too.
  await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < 20 && (await active())?.part !== 'tier-option'; ++i) {
    const value = await page.evaluate(() => document.querySelector('#tree').shadowRoot.activeElement?.value);
    if (value === 'silver') break;
    await page.keyboard.press('Shift+Tab');
  }
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#tree [part~=level-silver] [part~=pick]').count(), result.silver.length);
  assert.deepEqual(problems, []);
  await page.close();
});

// The list of trees as the catalog orders it: by `order`, then title; groups as their first tree comes.
function treeGroups() {
  const sorted = [...catalog.trees].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.title.localeCompare(b.title));
  const groups = new Map();
  for (const t of sorted) {
    if (!groups.has(t.group)) groups.set(t.group, []);
    groups.get(t.group).push(t.title);
  }
  return [...groups].map(([group, titles]) => ({ group, titles }));
}

const activeIn = (page) => page.evaluate(() => {
  const a = document.querySelector('#tree').shadowRoot.activeElement;
  return a ? { tag: a.tagName.toLowerCase(), text: a.textContent, part: a.getAttribute('part') } : null;
});

test('the list of trees: grouped by the problem a reader has, titles in one style, the dependencies tree near the top (1280 and 360 px)', async () => {
  const expected = treeGroups();
  assert.ok(expected.length >= 4 && expected.every((g) => g.group), 'every shipped tree names its group');
  for (const width of [1280, 360]) {
    const { page, problems } = await openPage(served.browser, 'about:blank');
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${served.url}pages/tree-picker.html`);
    const picker = page.locator('#tree [part~=picker]');
    await picker.waitFor();
    assert.equal(await page.locator('#tree [part~=title]').textContent(), 'Choose a decision tree');
    const shown = await page.locator('#tree [part~=picker-group]').evaluateAll((groups) => groups.map((g) => ({
      group: g.querySelector('h4').textContent, titles: [...g.querySelectorAll('button[part~=option]')].map((b) => b.textContent) })));
    assert.deepEqual(shown, expected, `${width} px`);
    // One style: each title says what the reader is doing ("Choosing a caching strategy", "Calling dependencies safely").
    for (const { titles } of shown) for (const title of titles) assert.match(title, /^[A-Z][a-z]+ing /, title);
    // A reader whose service goes down when a dependency is slow finds that tree among the first three on screen.
    const tops = await page.locator('#tree button[part~=option]').evaluateAll((buttons) =>
      buttons.map((b) => ({ tree: b.dataset.tree, top: b.getBoundingClientRect().top })).sort((a, b) => a.top - b.top).map((b) => b.tree));
    assert.ok(tops.indexOf('resilience-for-dependencies') < 3, tops.join());
    // Each tree's description is its button's description.
    const described = await page.locator('#tree button[data-tree=resilience-for-dependencies]').evaluate((b) =>
      b.getRootNode().getElementById(b.getAttribute('aria-describedby'))?.textContent);
    assert.equal(described, catalog.trees.find((t) => t.id === 'resilience-for-dependencies').description);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, 'nothing wider than the page');
    assert.equal(new URL(page.url()).searchParams.get('tree'), null, 'the list at first leaves the URL alone');
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('picking a tree with the keyboard: in the URL at once, focus on its first question; Back returns to the list', async () => {
  const { page, problems } = await openPage(served.browser, `${served.url}pages/tree-picker.html`);
  await page.locator('#tree [part~=picker]').waitFor();
  const target = catalog.trees.find((t) => t.id === 'resilience-for-dependencies');
  for (let i = 0; i < 30 && (await activeIn(page))?.text !== target.title; i++) await page.keyboard.press('Tab');
  assert.equal((await activeIn(page))?.text, target.title, 'reached with Tab');
  await page.keyboard.press('Enter');
  const first = target.questions.find((q) => q.id === target.start);
  await page.locator('#tree [part~=question-text]', { hasText: first.text }).waitFor();
  assert.deepEqual(await activeIn(page), { tag: 'h4', text: first.text, part: 'question-text' }, 'focus on the first question');
  assert.match(await session(page), /^session\.resilience-for-dependencies\.[0-9a-f]{8}$/, 'in the URL before any answer');
  assert.equal(await page.locator('#tree [part~=title]').textContent(), target.title);
  await page.goBack();
  await page.locator('#tree [part~=picker]').waitFor();
  assert.equal(await session(page), null);
  await page.goForward();
  await page.locator('#tree [part~=question-text]', { hasText: first.text }).waitFor();
  await page.reload();
  await page.locator('#tree [part~=question-text]', { hasText: first.text }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('"Choose another tree" inside a tree: the list with the current tree marked; the one chosen opens, and stays over a reload', async () => {
  const { page, problems } = await treePage();
  const choose = page.locator('#tree [part~=choose-tree]');
  assert.equal(await choose.textContent(), 'Choose another tree');
  await choose.click();
  await page.locator('#tree [part~=picker]').waitFor();
  assert.deepEqual(await activeIn(page), { tag: 'h3', text: 'Choose a decision tree', part: 'title' }, 'focus on the list');
  assert.equal(await session(page), 'trees');
  assert.equal(await page.locator('#tree button[aria-current=true]').getAttribute('data-tree'), 'distributed-transactions');
  const caching = catalog.trees.find((t) => t.id === 'caching-strategy');
  await page.locator('#tree button[data-tree=caching-strategy]').click();
  const first = caching.questions.find((q) => q.id === caching.start);
  await page.locator('#tree [part~=question-text]', { hasText: first.text }).waitFor();
  assert.match(await session(page), /^session\.caching-strategy\./);
  await page.reload();
  await page.locator('#tree [part~=question-text]', { hasText: first.text }).waitFor();
  assert.equal(await page.locator('#tree [part~=title]').textContent(), caching.title, 'the URL\'s tree over the attribute\'s');
  await page.goBack();
  await page.locator('#tree [part~=picker]').waitFor();
  await page.goBack();
  await page.locator('#tree [part~=question-text]', { hasText: question(tree.start).text }).waitFor();
  assert.equal(await page.locator('#tree [part~=title]').textContent(), tree.title, 'back to the page\'s own tree');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the diagram draws every question and result and highlights the path and the current node', async () => {
  const { page } = await treePage();
  const diagram = page.locator('#tree [part~=diagram]');
  assert.equal(await diagram.getAttribute('open'), null, 'collapsed at first');
  await diagram.locator('summary').first().click();
  const svg = diagram.locator('svg');
  assert.ok(await svg.isVisible());
  assert.equal(await svg.locator('g.node.question').count(), tree.questions.length);
  assert.equal(await svg.locator('g.node.result').count(), tree.results.length);
  const pairs = new Set(tree.questions.flatMap((q) => q.options.map((o) => `q:${q.id}>${o.next ? `q:${o.next}` : `r:${o.result}`}`)));
  assert.equal(await svg.locator('g.edge').count(), pairs.size);
  assert.equal(await svg.locator('g.node.current').getAttribute('data-node'), `q:${tree.start}`);

  await answer(page, 'ownership', 'one-app');
  await answer(page, 'databases', 'several');
  assert.deepEqual(await svg.locator('g.node.visited').evaluateAll((g) => g.map((n) => n.dataset.node).sort()),
    ['q:databases', 'q:intermediate-states', 'q:ownership']);
  assert.equal(await svg.locator('g.node.current').getAttribute('data-node'), 'q:intermediate-states');
  assert.deepEqual(await svg.locator('g.edge.chosen').evaluateAll((g) => g.map((e) => `${e.dataset.from}>${e.dataset.to}`)),
    ['q:ownership>q:databases', 'q:databases>q:intermediate-states']);
  // Layers go top-down: every edge ends below where it starts, and no box overlaps another.
  const downward = await svg.locator('g.edge').evaluateAll((edges) => edges.every((e) => {
    const numbers = e.querySelector('path').getAttribute('d').match(/-?[\d.]+/g).map(Number);
    return numbers.at(-1) > numbers[1];
  }));
  assert.ok(downward);
  const boxes = await svg.locator('g.node rect').evaluateAll((rects) => rects.map((r) => ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a)))));
  for (const [i, [x, y, w, h]] of boxes.entries())
    for (const [X, Y, W, H] of boxes.slice(i + 1)) assert.ok(x + w <= X || X + W <= x || y + h <= Y || Y + H <= y, 'boxes overlap');
  // The text alternative says the same.
  const outline = diagram.locator('[part~=outline]');
  await outline.locator('summary').click();
  const text = await outline.textContent();
  assert.equal(text.match(/\(your answer\)/g).length, 2);
  assert.match(text, new RegExp(`Question: ${question('intermediate-states').text.replace(/[?.]/g, '\\$&')} \\(you are here\\)`));
  assert.ok(text.includes(`${option('databases', 'one').label} → result: ${resultOf('local-transaction').title}`));
  await page.close();
});

test('a host page can veto an answer with patsel-tree-before-answer', async () => {
  const { page } = await treePage();
  await page.evaluate(() => document.addEventListener('patsel-tree-before-answer', (e) => {
    if (e.detail.answer === 'one-app') e.preventDefault();
  }));
  await optionButton(page, option('ownership', 'one-app').label).click();
  assert.equal(await questionText(page), question('ownership').text);
  await answer(page, 'ownership', 'services');
  assert.equal(await questionText(page), question('audit').text);
  await page.close();
});

test('at 360 px wide nothing overflows the page (the diagram scrolls in its own box)', async () => {
  const { page } = await treePage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator('#tree [part~=diagram] summary').first().click();
  await answer(page, 'ownership', 'services');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
  await page.close();
});

test('markup in a catalog\'s tree renders inert', async () => {
  const { page, problems } = await treePage('', 'tree-hostile.html');
  assert.match(await page.locator('#tree [part~=title]').textContent(), /^<b onmouseover="window.pwned=10">Hostile<\/b> tree$/);
  assert.match(await questionText(page), /^<img src=x onerror="window.pwned=12">First\?$/);
  await page.locator('#tree [part~=diagram] summary').first().click();
  await page.locator('#tree [part~=option]').first().click();
  await page.locator('#tree [part~=option]').first().click();
  await page.locator('#tree input[value=silver]').check();
  await page.locator('#tree input[value=bronze]').check();
  assert.match(await page.locator('#tree [part~=result-title]').textContent(), /<script>window.pwned=17<\/script>End/);
  assert.equal(await page.locator('#tree [part~=pick]').count(), 3);
  await page.locator('#tree [part~=pick]').first().hover();
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  const shadow = await page.evaluate(() => {
    const r = document.querySelector('#tree').shadowRoot;
    return { bad: r.querySelectorAll('img, script, iframe, b, svg svg, foreignObject').length,
      hrefs: [...r.querySelectorAll('a')].map((a) => a.getAttribute('href')) };
  });
  assert.equal(shadow.bad, 0);
  assert.deepEqual(shadow.hrefs, ['/patterns/safe/', '/patterns/middle/', '/patterns/xss/']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('removed and added again, the element picks up where it was; without a tree it offers the trees', async () => {
  const { page, problems } = await treePage();
  await answer(page, 'ownership', 'services');
  await page.evaluate(() => {
    const tree = document.querySelector('#tree');
    tree.remove();
    document.querySelector('main').append(tree);
  });
  await page.locator('#tree [part~=question-text]', { hasText: question('audit').text }).waitFor();
  assert.deepEqual(await pathAnswers(page), [option('ownership', 'services').label]);
  await page.goBack();
  await page.locator('#tree [part~=question-text]', { hasText: question('ownership').text }).waitFor();

  const trees = treeGroups().flatMap((group) => group.titles);
  await page.evaluate(() => {
    const other = document.createElement('patsel-tree');
    other.id = 'picker';
    other.setAttribute('url-key', '');
    document.querySelector('main').append(other);
  });
  await page.locator('#picker [part~=picker]').waitFor();
  assert.deepEqual(await page.locator('#picker [part~=option]').allTextContents(), trees);
  await page.locator('#picker [part~=option]', { hasText: tree.title }).click();
  await page.locator('#picker [part~=question-text]', { hasText: question(tree.start).text }).waitFor();
  await page.locator('#picker [part~=option]').first().click();
  assert.equal(await session(page), null, 'url-key="" leaves the URL alone');
  assert.deepEqual(problems, []);
  await page.close();
});

test('an unknown tree shows a readable error with a Retry', async () => {
  const { page } = await openPage(served.browser, `${served.url}pages/tree.html`);
  await page.evaluate(() => document.querySelector('#tree').setAttribute('tree', 'no-such-tree'));
  const error = page.locator('#tree [part~=error]');
  await error.waitFor();
  assert.match(await error.textContent(), /"no-such-tree" could not be shown.*tree\.unknown_tree/s);
  assert.equal(await error.locator('button', { hasText: 'Retry' }).count(), 1);
  await page.close();
});

test('no serious accessibility violations at a question, at a result, in the diagram and in the list of trees (axe)', async () => {
  const { seriousViolations } = await import('./axe.mjs');
  const { page } = await treePage();
  await page.locator('#tree [part~=diagram] summary').first().click();
  assert.deepEqual(await seriousViolations(page), [], 'question');
  await answer(page, 'ownership', 'services');
  await answer(page, 'audit', 'history');
  await page.locator('#tree input[value=bronze]').check();
  await page.locator('#tree [part~=outline] summary').click();
  assert.deepEqual(await seriousViolations(page), [], 'result');
  await page.locator('#tree [part~=choose-tree]').click();
  await page.locator('#tree [part~=picker]').waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'the list of trees');
  await page.close();
});
