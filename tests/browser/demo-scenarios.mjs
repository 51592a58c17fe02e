// What a reader does in the demo, as tests that run on the served demo
// (demo.test.mjs) and on the single offline file from file:// with the
// network off (offline.test.mjs): every way in from the home, every tree
// and every pattern view, no link that leaves the demo, and a pattern
// clicked in any element opens its view, Back returning to where the reader
// was. Expected titles come from the catalog file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist } from './support.mjs';

export const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const byId = Object.fromEntries(catalog.patterns.map((p) => [p.id, p]));

/** The view's heading once the view for `route` is drawn. */
export async function viewTitle(page) {
  await page.locator('main#view:not([aria-busy])').waitFor();
  return page.locator('main#view h1').textContent();
}

/** Every href of the page, its shadow roots included (HTML and SVG links). */
export function allHrefs(page) {
  return page.evaluate(() => {
    const out = [];
    const walk = (root) => {
      for (const node of root.querySelectorAll('*')) {
        for (const name of ['href', 'xlink:href']) if (node.localName !== 'link' && node.hasAttribute(name)) out.push(node.getAttribute(name));
        if (node.shadowRoot) walk(node.shadowRoot);
      }
    };
    walk(document);
    return out;
  });
}

/** The hrefs among `hrefs` that leave the document (another scheme, host or path). */
export function leaving(hrefs, documentUrl) {
  const here = new URL(documentUrl);
  return hrefs.filter((href) => {
    const url = new URL(href, here);
    return url.protocol !== here.protocol || url.host !== here.host || url.pathname !== here.pathname;
  });
}

/**
 * Where a pattern link is in each element of the demo: the route, what to do
 * first, and what must hold again after Back.
 */
const ELEMENT_CASES = [
  { name: 'explorer', route: '?explorer=q.saga#/search', element: 'patsel-explorer',
    ready: 'patsel-explorer [part=card]',
    restored: async (page) => assert.equal(await page.locator('patsel-explorer input[type=search]').inputValue(), 'saga') },
  { name: 'tree', route: '#/tree/distributed-transactions/', element: 'patsel-tree', ready: 'patsel-tree [part~=question]',
    prepare: async (page) => {
      const tree = page.locator('patsel-tree');
      while (await tree.locator('[part~=option]').count()) {
        const before = await tree.locator('[part~=path-step]').count();
        await tree.locator('[part~=option]').first().click();
        await tree.locator('[part~=path-step]').nth(before).waitFor();
      }
      await tree.locator('[part~=result]').waitFor();
    },
    restored: async (page) => assert.equal(await page.locator('patsel-tree [part~=result]').count(), 1) },
  { name: 'recommender', route: '?recommender=peak~5Frps.10000_consistency.strong#/recommend', element: 'patsel-recommender',
    ready: 'patsel-recommender [part~=ranked] a',
    restored: async (page) => assert.equal(await page.locator('patsel-recommender input[name=peak_rps]').inputValue(), '10000') },
  { name: 'problem matrix', route: '#/problems', element: 'patsel-problem-matrix',
    prepare: (page) => page.locator('patsel-problem-matrix select').selectOption('consistency'),
    restored: async (page) => assert.equal(await page.locator('patsel-problem-matrix select').inputValue(), 'consistency') },
  { name: 'learning path', route: '#/paths', element: 'patsel-learning-path',
    prepare: (page) => page.locator('patsel-learning-path').getByLabel(catalog.paths[1].title).check(),
    restored: async (page) => assert.equal(await page.locator('patsel-learning-path [part~=title]').textContent(), catalog.paths[1].title) },
  { name: 'quick reference', route: '#/cards', element: 'patsel-quick-reference',
    prepare: (page) => page.locator('patsel-quick-reference select').selectOption('consistency'),
    restored: async (page) => assert.equal(await page.locator('patsel-quick-reference [part~=card]').count(), 1) },
  { name: 'compositions', route: '#/compositions', element: 'patsel-compositions', linkIndex: 5,
    restored: async (page) => assert.ok(await page.locator('patsel-compositions [part~=conflict]').count() > 0) },
  { name: 'timeline', route: '#/timeline/distributed-transactions/', element: 'patsel-timeline', linkIndex: 2 },
  { name: 'health dashboard', route: '#/health', element: 'patsel-health', linkIndex: 2,
    prepare: (page) => page.locator('patsel-health select').selectOption('resilience'),
    restored: async (page) => assert.equal(await page.locator('patsel-health select').inputValue(), 'resilience') },
  // Served, the changes since the older catalog; offline (no file can be fetched), since a date.
  { name: 'changes', route: '#/changes', element: 'patsel-changes',
    restored: async (page) => assert.ok(await page.locator('patsel-changes [part~=group]').count() > 0) },
  { name: 'compare', route: '#/compare', element: 'patsel-compare',
    restored: async (page) => assert.equal(await page.locator('patsel-compare table').count(), 1) },
  { name: 'stack', route: '#/stack', element: 'patsel-stack', ready: 'patsel-stack [part~=report] a' },
  { name: 'card on a pattern view', route: '#/pattern/two-phase-commit/', element: 'patsel-card' },
  { name: 'related on a pattern view', route: '#/pattern/saga/', element: 'patsel-related',
    ready: 'patsel-related [part~=node]:not([part~=node-centre])', links: 'patsel-related a[part~=node]:not([part~=node-centre])',
    // A node of the graph is followed from the keyboard (its label overlaps the next node for a pointer).
    follow: (link) => link.press('Enter') },
];

/**
 * Registers the demo's tests. `open(route)` opens the demo at `route` (a
 * query and a hash, or '') in a fresh page and gives {page, problems, close}.
 */
export function demoScenarios(label, open) {
  test(`${label}: the home offers every way in, and its search box opens the explorer`, async () => {
    const { page, problems, close } = await open('');
    try {
      assert.equal(await viewTitle(page), 'Find the right distributed-systems pattern');
      const ways = await page.locator('.tile[data-way]').evaluateAll((tiles) => tiles.map((t) => t.dataset.way));
      for (const way of ['problems', 'trees', 'recommend', 'paths', 'cards', 'compare', 'stack', 'timelines', 'compositions', 'health', 'changes'])
        assert.ok(ways.includes(way), `a tile for ${way}`);
      // Each tile's heading opens its view, with its element.
      const views = { problems: 'patsel-problem-matrix', trees: '[data-list=trees]', recommend: 'patsel-recommender', paths: 'patsel-learning-path',
        cards: 'patsel-quick-reference', compare: 'patsel-compare', stack: 'patsel-stack', timelines: '[data-list=families]', compositions: 'patsel-compositions',
        health: 'patsel-health', changes: 'patsel-changes' };
      for (const [way, shows] of Object.entries(views)) {
        await page.locator(`.tile[data-way=${way}] h2 a`).click();
        await page.locator(`main#view ${shows}`).waitFor();
        await page.goBack();
        await page.locator('.tile[data-way=problems]').waitFor();
      }
      // "fuse" is what some call a circuit breaker.
      await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('fuse');
      await page.getByRole('button', { name: 'Search' }).click();
      assert.equal(await viewTitle(page), 'Search the catalog');
      assert.equal(await page.locator('patsel-explorer input[type=search]').inputValue(), 'fuse');
      await page.locator('patsel-explorer [part=card]', { hasText: byId['circuit-breaker'].title }).first().waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test(`${label}: every decision tree opens from the home, and Back returns to it`, async () => {
    const { page, problems, close } = await open('');
    try {
      await viewTitle(page);
      const tile = page.locator('.tile[data-way=trees]');
      assert.equal(await tile.locator('li a').count(), catalog.trees.length);
      for (const tree of catalog.trees) {
        await tile.getByRole('link', { name: tree.title, exact: true }).click();
        assert.equal(await viewTitle(page), tree.title);
        assert.equal(await page.locator('patsel-tree').getAttribute('tree'), tree.id);
        const start = tree.questions.find((q) => q.id === tree.start);
        await page.locator('patsel-tree [part~=question-text]', { hasText: start.text }).waitFor();
        await page.goBack();
        assert.equal(await viewTitle(page), 'Find the right distributed-systems pattern');
      }
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test(`${label}: every pattern has a view, and no link of any view leaves the demo`, async () => {
    const { page, problems, close } = await open('');
    try {
      await viewTitle(page);
      const left = [];
      const check = async (what) => {
        for (const href of leaving(await allHrefs(page), page.url())) left.push(`${what}: ${href}`);
      };
      await check('home');
      const routes = ['#/search', '#/trees', '#/recommend', '#/problems', '#/paths', '#/cards', '#/compositions', '#/timelines',
        '#/compare', '#/stack', '#/health', '#/changes', ...catalog.trees.map((t) => `#/tree/${t.id}/`), ...catalog.families.map((f) => `#/timeline/${f.id}/`)];
      for (const route of routes) {
        await page.evaluate((hash) => { location.hash = hash; }, route);
        await viewTitle(page);
        await page.locator('main#view [part~=loading], main#view [aria-busy=true]').first().waitFor({ state: 'detached' }).catch(() => {});
        await check(route);
      }
      for (const p of catalog.patterns) {
        await page.evaluate((hash) => { location.hash = hash; }, `#/pattern/${encodeURIComponent(p.id)}/`);
        assert.equal(await viewTitle(page), p.title, p.id);
        await page.locator('patsel-card [part~=banner][data-tier]').waitFor();
        await page.locator('patsel-related [part~=node], patsel-related [part~=list]').first().waitFor();
        await check(p.id);
      }
      assert.deepEqual(left, [], 'links that leave the demo');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  for (const c of ELEMENT_CASES) {
    test(`${label}: a pattern clicked in the ${c.name} opens its view, and Back restores the ${c.name}`, async () => {
      const { page, problems, close } = await open(c.route);
      try {
        await viewTitle(page);
        await page.locator(c.ready ?? `${c.element} a[href^="#/pattern/"]`).first().waitFor();
        await c.prepare?.(page);
        const link = page.locator(c.links ?? `${c.element} a[href^="#/pattern/"]`).nth(c.linkIndex ?? 0);
        await link.scrollIntoViewIfNeeded();
        const id = decodeURIComponent((await link.getAttribute('href')).split('/')[2]);
        const before = { url: page.url(), scroll: await page.evaluate(() => Math.round(scrollY)) };
        await (c.follow ? c.follow(link) : link.click());
        assert.equal(await viewTitle(page), byId[id].title);
        assert.equal(new URL(page.url()).hash, `#/pattern/${encodeURIComponent(id)}/`);
        await page.goBack();
        await viewTitle(page);
        assert.equal(page.url(), before.url, 'the same address');
        await page.locator(`${c.element} a[href^="#/pattern/"]`).first().waitFor();
        await c.restored?.(page);
        // The router keeps scrolling there until the view holds still, for up to 8 s (SETTLE_MS).
        await page.waitForFunction((y) => Math.abs(scrollY - y) <= 2, before.scroll, { timeout: 8000 });
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }
}
