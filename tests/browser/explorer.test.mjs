// <patsel-explorer>: tier checkboxes (gold only at first), search as you type, facet
// counts, filters, the view in the URL, keyboard use, hostile catalog text.
// Expected values come from catalog.json or a fixture, not from the engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, root, launchBrowser, serve, openPage } from './support.mjs';
import { seriousViolations } from './axe.mjs';

let browser, server, pages;
before(async () => {
  browser = await launchBrowser();
  server = await serve(path.join(dist, 'demo'));
  // dist/ with the test pages and fixtures, for pages other than the demo.
  pages = await serve(dist, { routes: { '/pages/': path.join(root, 'tests', 'browser', 'pages'), '/fixtures/': path.join(root, 'tests', 'fixtures') } });
});
after(async () => {
  await browser?.close();
  await server?.close();
  await pages?.close();
});

// The expected numbers come from the catalog file itself, not from the engine.
const catalog = JSON.parse(await readFile(path.join(dist, 'demo', 'patsel', 'catalog.json'), 'utf8'));
const countOf = (...tiers) => catalog.patterns.filter((p) => tiers.includes(p.tier)).length;
const label = (n) => `${n} ${n === 1 ? 'pattern' : 'patterns'}`;
// The explorer shows a first page of results, then "Show more".
const PAGE = 24;
const firstPage = (n) => Math.min(n, PAGE);

async function state(page) {
  return page.evaluate(() => {
    const root = document.querySelector('patsel-explorer').shadowRoot;
    return {
      count: root.querySelector('[part=count]').textContent,
      cards: root.querySelectorAll('[part=card]').length,
      badges: [...new Set([...root.querySelectorAll('[data-tier]')].map((b) => b.dataset.tier))].sort(),
    };
  });
}

test('tier checkboxes show the right patterns and count', async () => {
  assert.ok(countOf('gold') > 0 && countOf('silver') > 0 && countOf('bronze') > 0, 'the catalog has every tier');
  // The demo's search view.
  const { page, problems } = await openPage(browser, `${server.url}#/search`);
  const explorer = page.locator('patsel-explorer');
  const count = explorer.locator('[part=count]');
  const box = (tier) => explorer.locator(`input[value=${tier}]`);

  // Gold only at first: new readers see modern best practice before the rest.
  await assert.doesNotReject(count.filter({ hasText: label(countOf('gold')) }).waitFor());
  assert.equal(await box('gold').isChecked(), true);
  assert.equal(await box('silver').isChecked(), false);
  assert.equal(await box('bronze').isChecked(), false);
  assert.deepEqual(await state(page), { count: label(countOf('gold')), cards: firstPage(countOf('gold')), badges: ['gold'] });

  // Sorted by tier: the first page of gold and silver is gold.
  await box('silver').check();
  assert.deepEqual(await state(page), {
    count: label(countOf('gold', 'silver')),
    cards: firstPage(countOf('gold', 'silver')),
    badges: ['gold'],
  });

  await box('gold').uncheck();
  await box('bronze').check();
  assert.deepEqual(await state(page), {
    count: label(countOf('silver', 'bronze')),
    cards: firstPage(countOf('silver', 'bronze')),
    badges: ['silver'],
  });
  await page.locator('patsel-explorer [part=more]').click();
  await page.locator('patsel-explorer [part=more]').click();
  assert.deepEqual(await state(page), {
    count: label(countOf('silver', 'bronze')),
    cards: countOf('silver', 'bronze'),
    badges: ['bronze', 'silver'],
  });

  await box('silver').uncheck();
  await box('bronze').uncheck();
  assert.deepEqual(await state(page), { count: label(0), cards: 0, badges: [] });

  assert.deepEqual(problems, []);
  await page.close();
});

test('a catalog that fails to load shows an error with a retry, not a blank box', async () => {
  const { page } = await openPage(browser, server.url);
  await page.evaluate(() => {
    const element = document.createElement('patsel-explorer');
    element.id = 'broken';
    element.setAttribute('catalog', '/does-not-exist.json');
    document.body.append(element);
  });
  const alert = page.locator('#broken [part=error]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be loaded.*catalog\.fetch_failed/s);
  assert.equal(await page.locator('#broken button', { hasText: 'Retry' }).count(), 1);
  await page.close();
});

// --- search, facets, URL, keyboard, hostile text -------------------------------

const hostile = JSON.parse(await readFile(path.join(root, 'tests', 'fixtures', 'catalogs', 'hostile-unicode.json'), 'utf8'));
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const matching = (where) => catalog.patterns.filter(where);

/** The explorer page (or `url` below it), once the first results are shown. */
async function explorerPage(url = 'pages/explorer.html', attributes) {
  const { page, problems } = await openPage(browser, `${pages.url}${url}`);
  if (attributes) {
    await page.evaluate((attrs) => {
      const element = document.createElement('patsel-explorer');
      element.id = 'explorer';
      for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
      document.querySelector('main').append(element);
    }, attributes);
  }
  await page.locator('#explorer [part=count]').filter({ hasText: /^\d+ patterns?$/ }).waitFor();
  return { page, problems, explorer: page.locator('#explorer') };
}

async function view(page) {
  return page.evaluate(() => {
    const root = document.querySelector('#explorer').shadowRoot;
    const counts = {};
    for (const node of root.querySelectorAll('[part~=facet-count]')) {
      const facet = node.closest('[data-facet]')?.dataset.facet ?? 'tier';
      counts[`${facet}:${node.dataset.value}`] = Number(node.textContent);
    }
    return {
      count: root.querySelector('[part=count]').textContent,
      ids: [...root.querySelectorAll('#list [part=card]')].map((card) => card.dataset.id),
      query: root.querySelector('[part=search]').value,
      sort: root.querySelector('[part=sort]').value,
      checked: [...root.querySelectorAll('input[type=checkbox]:checked')].map((box) => `${box.name}:${box.value}`).sort(),
      message: root.querySelector('[part=message]').textContent,
      counts,
    };
  });
}

/** Waits until the count shows `text`. */
const countIs = (explorer, text) => explorer.locator('[part=count]').filter({ hasText: new RegExp(`^${text}$`) }).waitFor();

test('creation: a search box, a sort order and a panel per facet with the catalog values', async () => {
  const { page, problems, explorer } = await explorerPage('pages/blank.html', { 'base-url': '/patterns/' });
  assert.equal(await explorer.getByLabel('Search patterns').count(), 1);
  assert.equal(await explorer.getByLabel('Sort by').count(), 1);
  for (const facet of ['category', 'domain', 'layer', 'status', 'difficulty']) {
    const values = [...new Set(catalog.patterns.map((p) => p[facet]).filter(Boolean))].sort();
    const shown = await explorer.locator(`[data-facet=${facet}] input`).evaluateAll((boxes) => boxes.map((b) => b.value));
    assert.deepEqual(shown.sort(), values, facet);
  }
  const tags = new Set(catalog.patterns.flatMap((p) => p.tags ?? []));
  assert.equal(await explorer.locator('[data-facet=tags] [part~=facet-option]:visible').count(), 0, 'tags start closed');
  await explorer.locator('[data-facet=tags] summary').click();
  assert.equal(await explorer.locator('[data-facet=tags] [part~=facet-option]:visible').count(), 8, 'the top 8 tags');
  await explorer.getByRole('button', { name: `Show all ${tags.size}` }).click();
  assert.equal(await explorer.locator('[data-facet=tags] [part~=facet-option]:visible').count(), tags.size);
  const listed = await explorer.locator('[data-facet=tags] input').evaluateAll((boxes) => boxes.map((b) => b.value));
  assert.deepEqual([...listed].sort(), [...tags].sort(), 'every tag once');
  const { ids, count } = await view(page);
  assert.equal(count, label(countOf('gold')));
  const gold = new Set(matching((p) => p.tier === 'gold').map((p) => p.id));
  assert.equal(ids.length, firstPage(gold.size), 'a first page of results');
  assert.ok(ids.every((id) => gold.has(id)), ids.join());
  assert.equal(await explorer.locator('[part=more]').textContent(), `Show ${firstPage(gold.size - PAGE)} more (${PAGE} of ${gold.size} shown)`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('search as you type: "2pc" finds two-phase-commit first, highlighted', async () => {
  const aliased = matching((p) => (p.aliases ?? []).includes('2pc'));
  assert.deepEqual(aliased.map((p) => p.id), ['two-phase-commit']);
  const { page, problems, explorer } = await explorerPage();
  await explorer.locator('input[value=silver]').check();
  await explorer.locator('input[value=bronze]').check();
  await explorer.getByLabel('Search patterns').pressSequentially('2pc', { delay: 30 });
  await page.waitForFunction(() => document.querySelector('#explorer').shadowRoot.querySelector('[part=search]').value === '2pc' &&
    document.querySelector('#explorer').result?.query?.text === '2pc');
  const first = explorer.locator('[part=card]').first();
  assert.equal(await first.getAttribute('data-id'), 'two-phase-commit');
  assert.equal(await first.locator('[part=title]').textContent(), aliased[0].title, 'the title reads whole');
  assert.ok(await first.locator('mark').count() > 0, 'matched words are marked');
  assert.equal(await first.locator('[part~=badge]').textContent(), 'bronze');
  assert.deepEqual(problems, []);
  await page.close();
});

// --- what a reader sees: names in other tiers, card details, a narrow column, facets explained ---

/** The patterns a query names, from catalog.json: its title, an alias or its id, folded and with punctuation as spaces. */
const words = (text) => fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const named = (query) => catalog.patterns.filter((p) => [p.title, p.id, ...(p.aliases ?? [])].some((name) => words(name) === words(query)));

for (const [query, id] of [['2pc', 'two-phase-commit'], ['xa', 'distributed-transactions'], ['vector clocks', 'vector-clocks'], ['shared database', 'shared-database']]) {
  test(`"${query}" with the default filters shows ${id} in other tiers, one click from its tier (1280 and 360 px)`, async () => {
    const pattern = catalog.patterns.find((p) => p.id === id);
    assert.deepEqual(named(query).map((p) => p.id), [id], 'the query names exactly this pattern');
    assert.notEqual(pattern.tier, 'gold', 'outside the default tier');
    for (const width of [1280, 360]) {
      const { page, problems } = await openPage(browser, 'about:blank');
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${pages.url}pages/explorer.html`);
      const explorer = page.locator('#explorer');
      await explorer.locator('[part=count]').filter({ hasText: /^\d+ patterns?$/ }).waitFor();
      await explorer.getByLabel('Search patterns').fill(query);
      const others = explorer.locator('[part~=other-tiers]');
      await others.locator(`[part=card][data-id=${id}]`).waitFor();
      assert.equal(await others.locator('> h3').textContent(), 'In other tiers');
      assert.equal(await others.locator('> p.muted').textContent(), `“${query}” names a pattern outside the tiers you ticked.`);
      const card = others.locator(`[part=card][data-id=${id}]`);
      assert.equal(await card.locator('[part=title]').textContent(), pattern.title);
      assert.equal(await card.locator('[part~=badge]').textContent(), pattern.tier);
      // Listed apart, above the results of the ticked tiers, and on screen without scrolling.
      const box = await card.boundingBox();
      const top = (await explorer.boundingBox()).y;
      assert.ok(box.y - top < 800 - 120, `${width} px: the card starts ${Math.round(box.y - top)} px below the search`);
      const firstGold = explorer.locator('#list [part=card]').first();
      if (await firstGold.count()) assert.ok((await firstGold.boundingBox()).y > box.y, 'before the ticked tiers\' results');
      assert.equal(await explorer.locator(`#list [part=card][data-id=${id}]`).count(), 0, 'not among the gold results');
      // One click includes its tier: the pattern joins the results, first, and the box goes.
      await others.getByRole('button', { name: new RegExp(`^Include ${pattern.tier} patterns`) }).click();
      await page.waitForFunction((want) => document.querySelector('#explorer').shadowRoot.querySelector('#list [part=card]')?.dataset.id === want, id);
      assert.equal(await explorer.locator(`input[name=tier][value=${pattern.tier}]`).isChecked(), true);
      assert.equal(await others.isVisible(), false);
      assert.deepEqual(problems, []);
      await page.close();
    }
  });
}

test('cards show category, difficulty and the year a pattern was introduced', async () => {
  const { page, explorer } = await explorerPage();
  const cards = await explorer.locator('#list [part=card]').evaluateAll((items) => items.slice(0, 8).map((card) => ({
    id: card.dataset.id, meta: card.querySelector('[part~=meta]')?.textContent })));
  const human = (value) => { const t = String(value).replace(/-/g, ' '); return t.charAt(0).toUpperCase() + t.slice(1); };
  for (const { id, meta } of cards) {
    const p = catalog.patterns.find((q) => q.id === id);
    const expected = [p.category && human(p.category), p.difficulty && human(p.difficulty), p.introduced && `since ${String(p.introduced).slice(0, 4)}`]
      .filter(Boolean).join(' · ');
    assert.equal(meta, expected, id);
  }
  await page.close();
});

test('a narrow column (688 px, 360 px): the filters fold into one bar and the results start at once; wide: a side panel', async () => {
  for (const [width, column] of [[1280, 688], [360, null], [1280, null]]) {
    const { page } = await openPage(browser, 'about:blank');
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${pages.url}pages/explorer.html`);
    const explorer = page.locator('#explorer');
    if (column) await explorer.evaluate((e, w) => { e.style.maxWidth = `${w}px`; }, column);
    await explorer.locator('[part=count]').filter({ hasText: /^\d+ patterns?$/ }).waitFor();
    const where = `${width} px${column ? `, a ${column} px column` : ''}`;
    const top = (await explorer.boundingBox()).y;
    const firstCard = await explorer.locator('#list [part=card]').first().boundingBox();
    const toggle = explorer.getByRole('button', { name: 'Filters', exact: true });
    const category = explorer.locator('[data-facet=category]');
    if (column || width < 760) {
      assert.ok(firstCard.y - top < 320, `${where}: the first result ${Math.round(firstCard.y - top)} px below the top`);
      assert.equal(await toggle.isVisible(), true, where);
      assert.equal(await category.isVisible(), false, `${where}: the filters folded`);
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      assert.equal(await category.isVisible(), true);
      // Opened, a panel counts as in the side panel.
      if (!(await category.evaluate((details) => details.open))) await category.locator('summary').click();
      const resilience = catalog.patterns.filter((p) => p.tier === 'gold' && p.category === 'resilience').length;
      await explorer.locator('[data-facet=category] [part~=facet-count][data-value=resilience]').filter({ hasText: new RegExp(`^${resilience}$`) }).waitFor();
      await explorer.locator('[data-facet=category] input[value=resilience]').check();
      await explorer.getByRole('button', { name: 'Filters (1)' }).waitFor();
    } else {
      assert.equal(await toggle.isVisible(), false, where);
      assert.equal(await category.isVisible(), true, where);
      const panel = await explorer.locator('[part~=facets]').boundingBox();
      assert.ok(panel.x + panel.width <= firstCard.x, `${where}: the filters beside the results`);
    }
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, `${where}: no sideways scroll`);
    await page.close();
  }
});

test('filters folded in a narrow column and unfolded as it widens (a tablet turned) show the counts of the results shown', async () => {
  const { page, problems } = await openPage(browser, 'about:blank');
  await page.setViewportSize({ width: 700, height: 800 });
  await page.goto(`${pages.url}pages/explorer.html`);
  const explorer = page.locator('#explorer');
  const gold = matching((p) => p.tier === 'gold').length;
  await countIs(explorer, label(gold));
  assert.equal(await explorer.locator('[data-facet=category]').isVisible(), false, 'folded');
  // Silver ticked while the filters are folded: the category counts are not asked for then.
  await explorer.locator('[part~=tiers] input[value=silver]').check();
  await countIs(explorer, label(matching((p) => p.tier === 'gold' || p.tier === 'silver').length));
  await page.setViewportSize({ width: 1280, height: 800 });
  await explorer.locator('[data-facet=category]').waitFor();
  const resilience = matching((p) => (p.tier === 'gold' || p.tier === 'silver') && p.category === 'resilience').length;
  await explorer.locator('[data-facet=category] [part~=facet-count][data-value=resilience]').filter({ hasText: new RegExp(`^${resilience}$`) }).waitFor();
  const v = await view(page);
  for (const category of new Set(catalog.patterns.map((p) => p.category)))
    assert.equal(v.counts[`category:${category}`], matching((p) => (p.tier === 'gold' || p.tier === 'silver') && p.category === category).length, category);
  assert.deepEqual(problems, []);
  await page.close();
});

test('facets explained where they overlap (category, area), ordered values in their order (difficulty)', async () => {
  const { page, explorer } = await explorerPage();
  assert.equal(await explorer.locator('[data-facet=category] summary').textContent(), 'Category');
  assert.equal(await explorer.locator('[data-facet=domain] summary').textContent(), 'Area');
  await explorer.locator('[data-facet=domain] summary').click();
  assert.match(await explorer.locator('[data-facet=domain] .facet-hint').textContent(), /^Wider than a category/);
  assert.match(await explorer.locator('[data-facet=category] .facet-hint').textContent(), /^The section of the library/);
  // The order is the catalog schema's, which lists the levels from the easiest.
  const schema = JSON.parse(await readFile(path.join(root, 'docs', 'catalog.schema.json'), 'utf8'));
  const order = JSON.stringify(schema).match(/"difficulty":\{"enum":(\[[^\]]*\])/)?.[1];
  assert.ok(order, 'the schema lists the difficulties');
  assert.deepEqual(JSON.parse(order), ['beginner', 'intermediate', 'advanced', 'expert']);
  const shown = await explorer.locator('[data-facet=difficulty] input').evaluateAll((boxes) => boxes.map((b) => b.value));
  assert.deepEqual(shown, JSON.parse(order).filter((v) => catalog.patterns.some((p) => p.difficulty === v)));
  await explorer.locator('[data-facet=difficulty] summary').click();
  assert.deepEqual(await explorer.locator('[data-facet=difficulty] [part~=facet-option] > span:first-of-type').allTextContents(),
    ['Beginner', 'Intermediate', 'Advanced', 'Expert']);
  await page.close();
});

test('facet counts are disjunctive: with gold ticked, silver shows what adding silver adds', async () => {
  const { page, explorer } = await explorerPage();
  let v = await view(page);
  assert.equal(v.counts['tier:silver'], countOf('silver'));
  assert.equal(v.counts['tier:gold'], countOf('gold'));
  // Other facets count within the tiers ticked.
  for (const category of new Set(catalog.patterns.map((p) => p.category)))
    assert.equal(v.counts[`category:${category}`], matching((p) => p.tier === 'gold' && p.category === category).length, category);
  await explorer.locator('input[value=silver]').check();
  await countIs(explorer, label(countOf('gold') + v.counts['tier:silver']));

  // With a category ticked, the tier counts follow it; the category counts do not follow themselves.
  await explorer.locator('[data-facet=category] input[value=resilience]').check();
  const inResilience = (tier) => matching((p) => p.tier === tier && p.category === 'resilience').length;
  await countIs(explorer, label(inResilience('gold') + inResilience('silver')));
  v = await view(page);
  assert.equal(v.counts['tier:bronze'], inResilience('bronze'));
  assert.equal(v.counts['category:scaling'], matching((p) => ['gold', 'silver'].includes(p.tier) && p.category === 'scaling').length);
  await page.close();
});

test('counts only what is on screen: a panel opened, folded tags, then all tags', async () => {
  const { page, problems, explorer } = await explorerPage();
  // Requests the explorer sends, read off the engine's shared instance.
  await page.evaluate(() => {
    const engines = globalThis[Symbol.for('@dstudio/pattern-selector/engines')];
    window.requests = [];
    for (const pending of engines.values()) pending.then((engine) => {
      const search = engine.search.bind(engine);
      engine.search = (params) => (window.requests.push(structuredClone(params)), search(params));
    });
  });
  await explorer.locator('[data-facet=category] input[value=resilience]').check();
  await countIs(explorer, label(matching((p) => p.tier === 'gold' && p.category === 'resilience').length));
  let sent = await page.evaluate(() => window.requests.at(-1));
  assert.ok(!sent.facets.includes('tags') && sent.facets.includes('category'), 'a closed panel is not counted');

  // Opened, the tags panel is counted: only the values it shows, each right.
  await explorer.locator('[data-facet=tags] summary').click();
  const inView = (tag) => matching((p) => p.tier === 'gold' && p.category === 'resilience' && (p.tags ?? []).includes(tag)).length;
  await page.waitForFunction(() => window.requests.at(-1)?.facets.includes('tags'));
  sent = await page.evaluate(() => window.requests.at(-1));
  const shown = await explorer.locator('[data-facet=tags] [part~=facet-option]:not([hidden]) input').evaluateAll((boxes) => boxes.map((b) => b.value));
  assert.deepEqual(sent.facet_values.tags, shown);
  assert.equal(shown.length, 8);
  let v = await view(page);
  for (const tag of shown) assert.equal(v.counts[`tags:${tag}`], inView(tag), tag);

  // "Show all": every tag counted, none left folded.
  const tags = new Set(catalog.patterns.flatMap((p) => p.tags ?? []));
  await explorer.getByRole('button', { name: `Show all ${tags.size}` }).click();
  await page.waitForFunction(() => window.requests.at(-1)?.facet_values === undefined);
  v = await view(page);
  for (const tag of tags) assert.equal(v.counts[`tags:${tag}`], inView(tag), tag);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a saved view ticking a rare tag: its box is shown ticked in the folded list, with the right count; unticked, it folds away', async () => {
  const uses = new Map();
  for (const p of catalog.patterns) for (const tag of p.tags ?? []) uses.set(tag, (uses.get(tag) ?? 0) + 1);
  const byUse = [...uses].sort((a, b) => b[1] - a[1]);
  // A tag of one gold pattern, far from the top 8 a folded list shows.
  const [rare] = byUse.slice(8).find(([tag, n]) => n === 1 && /^[a-z0-9-]+$/.test(tag) &&
    catalog.patterns.some((p) => p.tier === 'gold' && p.tags?.includes(tag)));
  const { page, problems, explorer } = await explorerPage(`pages/explorer.html?explorer=tags.${rare}`);
  await countIs(explorer, label(1));
  const tags = explorer.locator('[data-facet=tags]');
  assert.equal(await tags.evaluate((panel) => panel.open), true, 'a panel with a ticked value opens');
  assert.equal(await tags.locator(`input[value="${rare}"]`).isChecked(), true);
  assert.equal(await tags.locator('[part~=facet-option]:visible').count(), 9, 'the top 8 and the ticked one');
  assert.match(await tags.locator('summary').textContent(), /\(1 selected\)/);
  assert.equal((await view(page)).counts[`tags:${rare}`], 1);

  await tags.locator(`input[value="${rare}"]`).uncheck();
  await countIs(explorer, label(countOf('gold')));
  assert.equal(await tags.locator('[part~=facet-option]:visible').count(), 8, 'unticked, it folds away with the rest');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a category filter shows exactly the patterns of that category and tier', async () => {
  const { page, problems, explorer } = await explorerPage();
  await explorer.locator('[data-facet=category] input[value=data-management]').check();
  const expected = matching((p) => p.tier === 'gold' && p.category === 'data-management');
  await countIs(explorer, label(expected.length));
  assert.deepEqual((await view(page)).ids.sort(), expected.map((p) => p.id).sort());
  await explorer.locator('[data-facet=status] summary').click();
  await explorer.locator('[data-facet=status] input[value=recommended]').check();
  const both = expected.filter((p) => p.status === 'recommended');
  await countIs(explorer, label(both.length));
  // The year range: patterns introduced from 2010 on.
  await explorer.locator('[data-facet=introduced] summary').click();
  await explorer.getByLabel('From year').fill('2010');
  await explorer.getByLabel('From year').press('Enter');
  await explorer.getByLabel('From year').blur();
  const recent = both.filter((p) => Number.parseInt(String(p.introduced), 10) >= 2010);
  await countIs(explorer, label(recent.length));
  assert.deepEqual((await view(page)).ids.sort(), recent.map((p) => p.id).sort());
  assert.deepEqual(problems, []);
  await page.close();
});

test('the view is in the URL: a reload shows it again, the back button restores the one before', async () => {
  const { page, problems, explorer } = await explorerPage();
  const initial = await view(page);
  await explorer.locator('input[value=silver]').check();
  const withSilver = await view(page);
  await explorer.locator('[data-facet=category] input[value=resilience]').check();
  await countIs(explorer, label(matching((p) => ['gold', 'silver'].includes(p.tier) && p.category === 'resilience').length));
  await explorer.getByLabel('Search patterns').fill('retry');
  await explorer.getByLabel('Search patterns').press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('explorer')?.includes('q.retry'));
  await explorer.getByLabel('Sort by').selectOption('title');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('explorer')?.includes('sort.title'));
  const shown = await view(page);
  assert.ok(shown.ids.length > 1, 'some resilience patterns match "retry"');
  const titles = shown.ids.map((id) => catalog.patterns.find((p) => p.id === id).title);
  assert.deepEqual(titles, [...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })), 'by title');
  assert.equal(new URL(page.url()).searchParams.get('explorer'), 'q.retry_tier.gold.silver_category.resilience_sort.title');

  await page.reload();
  await page.locator('#explorer [part=count]').filter({ hasText: /^\d+ patterns?$/ }).waitFor();
  assert.deepEqual(await view(page), shown, 'a reload shows the same view');

  await page.goBack();  // before the sort order
  await page.waitForFunction(() => document.querySelector('#explorer').shadowRoot.querySelector('[part=sort]').value === '');
  assert.equal((await view(page)).query, 'retry');
  await page.goBack();  // before the search
  await page.goBack();  // before the category
  await page.waitForFunction(() => document.querySelector('#explorer').shadowRoot.querySelector('[part=search]').value === '' &&
    !location.search.includes('category'));
  assert.deepEqual(await view(page), withSilver);
  await page.goBack();
  await countIs(explorer, label(countOf('gold')));
  assert.deepEqual(await view(page), initial);
  assert.equal(new URL(page.url()).search, '');
  assert.deepEqual(problems, []);
  await page.close();
});

test('load more: pages of page-size, the total, focus on the first new result, the page in the URL', async () => {
  const { page, explorer } = await explorerPage('pages/blank.html', { 'base-url': '/patterns/', 'page-size': '5' });
  const gold = countOf('gold');
  assert.equal((await view(page)).ids.length, 5);
  const more = explorer.locator('[part=more]');
  assert.equal(await more.textContent(), `Show 5 more (5 of ${gold} shown)`);
  await more.click();
  assert.equal((await view(page)).ids.length, 10);
  assert.equal(await page.evaluate(() => document.querySelector('#explorer').shadowRoot.activeElement?.closest('[part=card]')?.dataset.id),
    (await view(page)).ids[5]);
  assert.equal(new URL(page.url()).searchParams.get('explorer'), 'page.2');
  await page.close();
});

test('pages of 24 by default: "Show more" by keyboard, announced, kept in the URL over a reload', async () => {
  const { page, problems, explorer } = await explorerPage('pages/blank.html', { 'base-url': '/patterns/' });
  const gold = countOf('gold');
  assert.ok(gold > 2 * PAGE, 'the shipped catalog has more than two pages of gold patterns');
  assert.equal((await view(page)).ids.length, PAGE);
  const more = explorer.getByRole('button', { name: `Show ${PAGE} more (${PAGE} of ${gold} shown)` });
  // Painted from the shipped answers, the button waits (disabled) for the engine.
  await page.waitForFunction(() => document.querySelector('#explorer').shadowRoot.querySelector('[part=more]').disabled === false);
  await more.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelector('#explorer').shadowRoot.querySelectorAll('[part=card]').length === n, 2 * PAGE);
  const { ids } = await view(page);
  assert.equal(await page.evaluate(() => document.querySelector('#explorer').shadowRoot.activeElement?.closest('[part=card]')?.dataset.id),
    ids[PAGE], 'focus is on the first new result');
  assert.equal(await explorer.locator('[role=status]', { hasText: 'Showing' }).textContent(), `Showing ${2 * PAGE} of ${gold} patterns.`);
  assert.equal(new URL(page.url()).searchParams.get('explorer'), 'page.2');
  assert.equal(await explorer.locator('[part=more]').getAttribute('aria-controls'), await explorer.locator('[part=list]').getAttribute('id'));
  await page.reload();
  await page.evaluate(() => {
    const element = document.createElement('patsel-explorer');
    element.id = 'explorer';
    document.querySelector('main').append(element);
  });
  await countIs(explorer, label(gold));
  assert.deepEqual((await view(page)).ids, ids, 'the same two pages after a reload');
  // Any change of the view starts again from the first page.
  await explorer.locator('input[value=silver]').check();
  await countIs(explorer, label(countOf('gold', 'silver')));
  assert.equal((await view(page)).ids.length, PAGE);
  assert.equal(await explorer.locator('[role=status]', { hasText: 'Showing' }).count(), 0, 'nothing left to announce');
  assert.deepEqual(problems, []);
  await page.close();
});

test('keyboard only: search, tick a tier, move between results and open one', async () => {
  const { page, problems, explorer } = await explorerPage();
  // The opening view's tier boxes wait (disabled, out of the tab order) until the engine is ready.
  await explorer.locator('input[value=silver]:enabled').waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.getAttribute('part')), 'search');
  await page.keyboard.type('retry');  // a query with several results, to move between them
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');  // sort
  await page.keyboard.press('Tab');  // gold
  await page.keyboard.press('Tab');  // silver
  await page.keyboard.press('Space');
  assert.equal(await explorer.locator('input[value=silver]').isChecked(), true);
  const focused = () => page.evaluate(() => {
    const a = document.activeElement.shadowRoot?.activeElement;
    return a?.closest('[part=card]')?.dataset.id ?? a?.getAttribute('part') ?? a?.name;
  });
  // Tab through the facets until the first result: one tab stop for the whole list.
  let id;
  for (let i = 0; i < 40 && !(id = (await view(page)).ids.includes(await focused()) ? await focused() : undefined); i++) await page.keyboard.press('Tab');
  // The list may still be re-rendering after the tick: read it once it has settled.
  let ids = [];
  for (let i = 0; i < 50 && !ids.includes(id); i++) {
    ({ ids } = await view(page));
    if (!ids.includes(id)) await page.waitForTimeout(50);
  }
  assert.equal(id, ids[0], 'the first result is the list\'s tab stop');
  assert.equal(id, 'retry-backoff');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), ids[1]);
  await page.keyboard.press('Tab');
  assert.notEqual(ids.includes(await focused()), true, 'Tab leaves the list');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), ids[1], 'the list remembers the last result');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/patterns/${ids[1]}/`);
  assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
  await page.close();
});

test('no match: a message naming the query, a way to clear filters, and other tiers offered', async () => {
  const { page, explorer } = await explorerPage('pages/blank.html', { catalog: '/fixtures/catalogs/hostile-unicode.json' });
  const gold = hostile.patterns.filter((p) => p.tier === 'gold').length;
  await countIs(explorer, label(gold));
  await explorer.getByLabel('Search patterns').fill('snowman-nowhere');
  await explorer.getByLabel('Search patterns').press('Enter');
  await countIs(explorer, label(0));
  assert.match((await view(page)).message, /No pattern matches “snowman-nowhere” with these filters\./);
  await explorer.getByRole('button', { name: 'Clear search and filters' }).click();
  await countIs(explorer, label(gold));
  assert.equal((await view(page)).query, '');

  // "Légacy" starts the title of a bronze pattern ("Légacy ☃ saga"): it is listed under "In other tiers".
  await explorer.getByLabel('Search patterns').fill('Légacy');
  await explorer.getByLabel('Search patterns').press('Enter');
  await countIs(explorer, label(0));
  assert.match((await view(page)).message, /No pattern matches “Légacy” with these filters\./);
  await explorer.locator('[part~=other-tiers] [part=card][data-id=legacy]').waitFor();
  await explorer.getByRole('button', { name: /^Include bronze patterns/ }).click();
  await countIs(explorer, label(1));
  assert.deepEqual((await view(page)).ids, ['legacy']);
  await page.close();
});

test('no match that names no pattern: the empty state offers the tiers where the words are', async () => {
  // "mainframe" is in the text of bronze patterns only, and is no pattern's name.
  const mentions = catalog.patterns.filter((p) => JSON.stringify(p).toLowerCase().includes('mainframe'));
  assert.ok(mentions.length > 0 && mentions.every((p) => p.tier === 'bronze'), mentions.map((p) => p.id).join());
  const { page, explorer } = await explorerPage();
  await explorer.getByLabel('Search patterns').fill('mainframe');
  await explorer.getByLabel('Search patterns').press('Enter');
  await countIs(explorer, label(0));
  assert.equal(await explorer.locator('[part~=other-tiers]').isVisible(), false);
  await explorer.getByRole('button', { name: `Include bronze (${mentions.length})` }).click();
  await countIs(explorer, label(mentions.length));
  assert.deepEqual((await view(page)).ids.sort(), mentions.map((p) => p.id).sort());
  await page.close();
});

test('hostile catalog text stays text; highlights fall on the right characters in any script', async () => {
  const { page, problems, explorer } = await explorerPage('pages/blank.html', { catalog: '/fixtures/catalogs/hostile-unicode.json' });
  for (const tier of ['silver', 'bronze']) await explorer.locator(`input[value=${tier}]`).check();
  await explorer.getByLabel('Search patterns').fill('saga');
  await explorer.getByLabel('Search patterns').press('Enter');
  await countIs(explorer, label(hostile.patterns.length));
  const cards = await explorer.locator('[part=card]').evaluateAll((items) => items.map((card) => ({
    id: card.dataset.id,
    title: card.querySelector('[part=title]').textContent,
    summary: card.querySelector('[part=summary]').textContent,
    marks: [...card.querySelectorAll('mark')].map((m) => m.textContent),
    // The tier badge's icon is the element's own, not catalog text.
    elements: [...card.querySelectorAll('*')].filter((e) => !e.closest('.tier-icon')).map((e) => e.localName).filter((n) => !['span', 'h3', 'a', 'p', 'mark'].includes(n)),
  })));
  for (const card of cards) {
    const source = hostile.patterns.find((p) => p.id === card.id);
    assert.equal(card.title, source.title, 'the title reads as written');
    assert.ok(card.summary.includes(source.summary) || source.summary.includes(card.summary.replace(/…/g, '')), card.summary);
    assert.ok(card.marks.length > 0, `${card.id} has marks`);
    for (const mark of card.marks) assert.equal(fold(mark), 'saga', `${card.id}: "${mark}"`);
    assert.deepEqual(card.elements, [], 'no element from the catalog text');
  }
  assert.deepEqual(cards.find((c) => c.id === 'legacy').marks, ['saga', 'sága', 'saga']);
  const values = await explorer.locator('[data-facet=category] input').evaluateAll((boxes) => boxes.map((b) => b.value));
  assert.ok(values.includes('<b>data</b>'), 'a facet value with markup is a value');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the explorer has no serious accessibility violations (axe): results, other tiers, empty, a narrow column with its filters open', async () => {
  const { page, explorer } = await explorerPage();
  await explorer.getByLabel('Search patterns').fill('retry');
  await explorer.getByLabel('Search patterns').press('Enter');
  await page.waitForFunction(() => document.querySelector('#explorer').result?.query?.text === 'retry');
  assert.deepEqual(await seriousViolations(page), []);
  await explorer.getByLabel('Search patterns').fill('2pc');
  await explorer.locator('[part~=other-tiers] [part=card]').first().waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'in other tiers');
  await explorer.locator('input[value=gold]').uncheck();
  await countIs(explorer, label(0));
  assert.deepEqual(await seriousViolations(page), []);
  await page.setViewportSize({ width: 360, height: 800 });
  await explorer.getByRole('button', { name: 'Filters', exact: true }).click();
  assert.deepEqual(await seriousViolations(page), [], 'narrow, filters open');
  await page.close();
});
