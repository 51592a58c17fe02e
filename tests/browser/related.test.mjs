// <patsel-related>: a pattern's neighbourhood as a graph with typed, labelled
// edges and a list of the same relations. Expected relations are read from
// catalog.json (the page's own statements) or the fixture, not from the element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { dist, root, openPage, openHosted, servedBrowser } from './support.mjs';
import { seriousViolations } from './axe.mjs';

const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const byId = Object.fromEntries(catalog.patterns.map((p) => [p.id, p]));
const hostile = JSON.parse(await readFile(path.join(root, 'tests', 'fixtures', 'catalogs', 'hostile-unicode.json'), 'utf8'));

const served = servedBrowser();

// The engine's order of relations, and which of them share a line (and an entry of the key).
const RANK = ['requires', 'required-by', 'complements', 'enhances', 'enhanced-by', 'part-of', 'has-part', 'alternative',
  'replaces', 'replaced-by', 'evolves-from', 'evolves-into', 'conflicts-with', 'related'];
const LINE_KIND = { 'required-by': 'requires', enhances: 'complements', 'enhanced-by': 'complements', 'has-part': 'part-of',
  'replaced-by': 'replaces', 'evolves-from': 'replaces', 'evolves-into': 'replaces' };

/** Every pair of node titles (and dots) in the graph whose boxes on screen overlap, and the smallest title size on screen. */
async function measureGraph(page, selector = '#related') {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const boxes = [];
    let smallest = Infinity;
    for (const node of root.querySelectorAll('[part~=node]')) {
      const text = node.querySelector('text');
      const r = text.getBoundingClientRect();
      boxes.push({ id: node.dataset.pattern, what: 'title', r });
      const d = node.querySelector('circle.dot').getBoundingClientRect();
      boxes.push({ id: node.dataset.pattern, what: 'dot', r: d });
      // The size drawn: the font size times the scale the SVG is drawn at.
      smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a);
    }
    const overlapping = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a.id === b.id) continue;
        if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom) overlapping.push(`${a.id} ${a.what} / ${b.id} ${b.what}`);
      }
    }
    const svg = root.querySelector('[part~=graph]').getBoundingClientRect();
    return { overlapping, smallest, titles: boxes.filter((b) => b.what === 'title').length, width: svg.width, hostWidth: document.querySelector(sel).getBoundingClientRect().width };
  }, selector);
}

/** What saga's own page states, as {id: [relations]} (the shard's view). */
function stated(p) {
  const out = {};
  const add = (id, relation) => { if (byId[id] && id !== p.id) (out[id] ??= new Set()).add(relation); };
  for (const r of p.related ?? []) add(r.pattern, r.relation ?? 'related');
  for (const r of p.pattern_combinations?.commonly_used_with ?? []) add(r.pattern, r.relationship ?? 'related');
  for (const r of p.pattern_combinations?.anti_patterns ?? []) add(r.pattern, 'conflicts-with');
  for (const r of p.alternatives ?? []) add(r.pattern, 'alternative');
  for (const r of p.modern_alternatives ?? []) if (r.pattern) add(r.pattern, 'replaced-by');
  for (const r of p.migration_paths?.to ?? []) add(r.pattern, 'replaced-by');
  for (const r of p.migration_paths?.from ?? []) add(r.pattern, 'replaces');
  for (const r of p.evolution?.from ?? []) add(r.pattern, 'evolves-from');
  for (const r of p.evolution?.to ?? []) add(r.pattern, 'evolves-into');
  return Object.fromEntries(Object.entries(out).map(([id, set]) => [id, [...set]]));
}

async function graph(page, selector = '#related') {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    return {
      centre: root.querySelector('[part~=node-centre]')?.dataset.pattern,
      nodes: Object.fromEntries([...root.querySelectorAll('[part~=node]')].map((n) => [n.dataset.pattern, {
        tier: n.dataset.tier, label: n.getAttribute('aria-label'), href: n.getAttribute('href'), text: n.querySelector('text').textContent }])),
      edges: [...root.querySelectorAll('[part~=edge]')].map((e) => e.dataset.relation),
      legend: [...root.querySelectorAll('[part~=legend] .kinds li')].map((e) => e.textContent),
    };
  }, selector);
}

/** The pattern page (card + related graph) with `attributes` on the graph, once drawn. */
async function relatedPage(attributes = {}, url = 'pages/related.html', viewport) {
  const { page, problems } = await openPage(served.browser, 'about:blank');
  if (viewport) await page.setViewportSize(viewport);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${served.url}${url}`);
  if (Object.keys(attributes).length) {
    await page.evaluate((attrs) => {
      const element = document.getElementById('related');
      for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
    }, attributes);
  }
  await page.locator('#related [part~=list], #related [part=error]').first().waitFor({ state: 'attached' });
  return { page, problems, requests, related: page.locator('#related') };
}

test('a pattern page: the graph of what the page states, from the shard, no wasm', async () => {
  const saga = byId.saga;
  const expected = stated(saga);
  assert.ok(Object.keys(expected).length >= 5, 'saga states several relations');
  const { page, problems, requests } = await relatedPage();
  const g = await graph(page);
  assert.equal(g.centre, 'saga');
  assert.deepEqual(Object.keys(g.nodes).sort(), ['saga', ...Object.keys(expected)].sort());
  for (const [id, relations] of Object.entries(expected)) {
    assert.equal(g.nodes[id].tier, byId[id].tier, id);
    assert.equal(g.nodes[id].href, `/patterns/${id}/`);
    for (const relation of relations) assert.ok(g.nodes[id].label.includes(`Saga ${relation.replace(/-/g, ' ')} ${byId[id].title}`), g.nodes[id].label);
  }
  // One edge per neighbour, typed by its strongest relation and labelled.
  assert.equal(g.edges.length, Object.keys(expected).length);
  assert.ok(g.edges.includes('requires') && g.edges.includes('replaces') && g.edges.includes('complements'), g.edges.join());
  // The key names each kind of line drawn, in words; nothing on the lines themselves.
  const kinds = new Set(Object.values(expected).map((relations) => relations.sort((a, b) => RANK.indexOf(a) - RANK.indexOf(b))[0]));
  assert.ok(g.legend.some((entry) => entry.startsWith('Requires')) && g.legend.some((entry) => entry.startsWith('Complements')), g.legend.join(' | '));
  assert.equal(g.legend.length, new Set([...kinds].map((k) => LINE_KIND[k] ?? k)).size, g.legend.join(' | '));
  assert.equal(await page.locator('#related [part~=edge-label]').count(), 0);
  assert.doesNotMatch(await page.locator('#related [part~=graph]').textContent(), /\+\d/, 'no unexplained "+1"');
  assert.deepEqual(requests.filter((r) => r.endsWith('.wasm') || r.endsWith('catalog.json')), [], 'the shard is enough');
  assert.ok(requests.includes('/patterns/saga.json'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('a pattern page with a card and a related graph stays under 120 KB gzip', async () => {
  const { page, requests } = await relatedPage();
  await page.waitForLoadState('networkidle');
  let total = 0;
  for (const file of new Set(requests.filter((r) => !r.startsWith('/pages/')))) total += gzipSync(await readFile(path.join(dist, file)), { level: 9 }).length;
  assert.ok(total < 120 * 1024, `${total} bytes gzip`);
  await page.close();
});

test('the list: the same relations grouped by relation, by toggle and on narrow screens', async () => {
  const expected = stated(byId.saga);
  const { page, related } = await relatedPage();
  assert.equal(await related.locator('[part~=list]').isVisible(), false);
  await related.getByRole('button', { name: 'List view' }).click();
  assert.equal(await related.getByRole('button', { name: 'List view' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await related.locator('[part~=graph]').isVisible(), false);
  const requires = Object.entries(expected).filter(([, r]) => r.includes('requires')).map(([id]) => byId[id].title).sort();
  const group = related.locator('[part~=group][data-relation=requires]');
  assert.equal(await group.locator('h3').textContent(), 'Saga requires');
  assert.deepEqual((await group.locator('a').allTextContents()).sort(), requires);
  assert.equal(await related.locator('[part~=list] a').count(), Object.keys(expected).length);
  // Each pattern with its tier's badge (colour, icon and word), its notes as sentences.
  const items = await related.locator('[part~=item]').evaluateAll((lis) => lis.map((li) => ({
    id: li.querySelector('a').dataset.pattern, badge: li.querySelector('[part~=badge]')?.textContent,
    icon: Boolean(li.querySelector('[part~=badge] svg.tier-icon')), note: li.querySelector('.note')?.textContent ?? '' })));
  for (const item of items) {
    assert.equal(item.badge, byId[item.id].tier, item.id);
    assert.ok(item.icon, item.id);
    assert.doesNotMatch(item.note, /;\s+\p{Lu}/u, `${item.id}: one sentence per note, not notes joined by "; "`);
  }
  await page.close();

  const narrow = await relatedPage({}, 'pages/related.html', { width: 360, height: 800 });
  assert.equal(await narrow.related.locator('[part~=graph]').isVisible(), false);
  assert.equal(await narrow.related.locator('[part~=list]').isVisible(), true);
  assert.equal(await narrow.page.evaluate(() => document.documentElement.scrollWidth <= 360), true, 'no horizontal scroll');
  await narrow.page.close();
});

test('depth 2 asks the engine: the closest further patterns first, then all; every pattern reached from a nearer one', async () => {
  const { page, problems, requests, related } = await relatedPage({ depth: '2' });
  await page.waitForFunction(() => document.querySelector('#related').data?.neighbours.some((n) => n.depth === 2));
  assert.ok(requests.some((r) => r.endsWith('.wasm')), 'the engine was loaded');
  const data = await page.evaluate(() => document.querySelector('#related').data);
  const first = data.neighbours.filter((n) => n.depth === 1);
  const further = data.neighbours.filter((n) => n.depth === 2);
  assert.ok(further.length > 12, `saga has ${further.length} patterns two steps away`);
  let g = await graph(page);
  for (const id of Object.keys(stated(byId.saga))) assert.ok(g.nodes[id], `${id} is still a neighbour`);
  // Every pattern one step away, and the 12 strongest two steps away: requires before related.
  assert.equal(Object.keys(g.nodes).length, 1 + first.length + 12);
  const rank = (n) => RANK.indexOf([...n.relations].sort((a, b) => RANK.indexOf(a.relation) - RANK.indexOf(b.relation))[0].relation);
  const shownFurther = further.filter((n) => g.nodes[n.pattern]);
  const weakestShown = Math.max(...shownFurther.map(rank));
  assert.ok(further.filter((n) => !g.nodes[n.pattern]).every((n) => rank(n) >= weakestShown), 'none left out is stronger than one shown');
  for (const n of shownFurther) {
    assert.ok(first.some((f) => f.pattern === n.via), `${n.pattern} via ${n.via}`);
    assert.match(g.nodes[n.pattern].label, /\(2 steps away\)$/);
  }
  const more = related.locator('[part~=more]');
  assert.equal(await more.textContent(), `${first.length} patterns one step away and the 12 closest of ${further.length} further away. Show all ${further.length}`);
  assert.equal(await related.locator('[part~=group][data-relation=further] li').count(), 12, 'the list shows the same');
  // A pattern with notes from two pages (stated on each side): two sentences, not one joined by "; ".
  const twice = first.find((n) => new Set(n.relations.flatMap((r) => r.notes ?? [])).size >= 2);
  assert.ok(twice, 'some pattern one step away has two notes');
  const note = await related.locator(`[part~=item]:has(a[data-pattern="${twice.pattern}"]) .note`).textContent();
  assert.equal(note.match(/[.!?…](\s|$)/g)?.length >= 2, true, note);
  assert.doesNotMatch(note, /;\s+\p{Lu}/u, note);

  await related.getByRole('button', { name: `Show all ${further.length}` }).click();
  g = await graph(page);
  assert.equal(Object.keys(g.nodes).length, data.neighbours.length + 1);
  assert.equal(await related.locator('[part~=group][data-relation=further] li').count(), further.length);
  assert.equal(await related.locator('[part~=show-all]').getAttribute('aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.querySelector('#related').shadowRoot.activeElement?.getAttribute('part')), 'show-all', 'focus stays on the button');
  await related.getByRole('button', { name: 'Show the 12 closest only' }).click();
  assert.equal(Object.keys((await graph(page)).nodes).length, 1 + first.length + 12);
  assert.deepEqual(problems, []);
  await page.close();
});

test('readable at any depth: no title over another or over a dot, titles of 12 px or more, at 1280 px and in a 688 px column, depths 2 and 3', async () => {
  for (const [width, column, depth] of [[1280, null, 2], [1280, 688, 2], [1024, null, 2], [1280, null, 3]]) {
    const { page, related } = await relatedPage({ depth: String(depth) }, 'pages/related.html', { width, height: 900 });
    if (column) await page.evaluate((w) => { document.querySelector('#related').style.maxWidth = `${w}px`; }, column);
    await page.waitForFunction((d) => document.querySelector('#related').data?.neighbours.some((n) => n.depth === d), depth);
    // A column narrower than the graph was drawn for has it drawn again, once the resize is seen.
    if (column) {
      await page.waitForFunction(() => {
        const host = document.querySelector('#related');
        const graph = host.shadowRoot.querySelector('[part~=graph]');
        return graph && graph.getBoundingClientRect().width <= host.getBoundingClientRect().width;
      }, null, { timeout: 5000 }).catch(() => {});  // the assertion below says what it measured
    }
    for (const all of [false, true]) {
      if (all) await related.locator('[part~=show-all]').click();
      const m = await measureGraph(page);
      const where = `depth ${depth}, ${width} px${column ? ` in a ${column} px column` : ''}${all ? ', all shown' : ''}`;
      assert.ok(m.titles > 20, where);
      assert.deepEqual(m.overlapping, [], where);
      assert.ok(m.smallest >= 12, `${where}: smallest title ${m.smallest} px`);
      if (!all) assert.ok(m.width <= m.hostWidth, `${where}: the graph (${m.width} px) fits its ${m.hostWidth} px without scrolling`);
    }
    await page.close();
  }
});

test('the key: each kind of line in words, the tiers by icon and word, how a line reads', async () => {
  const { page, related } = await relatedPage();
  const legend = related.locator('[part~=legend]');
  assert.equal(await legend.getAttribute('aria-label'), 'Key to the graph');
  const kinds = await legend.locator('.kinds li').allTextContents();
  assert.ok(kinds.includes('Requires, required by') || kinds.includes('Requires'), kinds.join(' | '));
  // Each entry draws the line it names: the same class as the edges of that kind.
  for (const entry of await legend.locator('.kinds li').all()) {
    const relation = (await entry.getAttribute('data-relation')).split(' ')[0];
    assert.equal(await entry.locator(`line.r-${relation}`).count(), 1, relation);
    const drawn = await related.locator(`[part~=edge][data-relation=${relation}]`).count();
    const styles = await page.evaluate((r) => {
      const root = document.querySelector('#related').shadowRoot;
      const style = (e) => { const c = getComputedStyle(e); return [c.stroke, c.strokeDasharray, c.strokeWidth].join(); };
      const edge = [...root.querySelectorAll('[part~=edge]')].find((e) => e.dataset.relation === r && !e.classList.contains('deep'));
      return edge ? [style(edge), style(root.querySelector(`[part~=legend] line.r-${r}`))] : null;
    }, relation);
    if (drawn && styles) assert.equal(styles[0], styles[1], `${relation}: the key's line is the graph's`);
  }
  assert.deepEqual(await legend.locator('.tiers li').allTextContents(), ['Gold: modern best practice', 'Silver: good, with trade-offs', 'Bronze: legacy']
    .filter((t) => Object.keys(stated(byId.saga)).some((id) => t.toLowerCase().startsWith(byId[id].tier)) || t.startsWith('Gold')));
  assert.match(await legend.locator('p').textContent(), /^A line reads from the pattern nearer the middle: Saga (requires|is required by|complements) .+\.$/);
  // The tier is drawn as an icon in the dot, not by colour alone.
  assert.equal(await related.locator('[part~=node] svg.tier-icon').count(), await related.locator('[part~=node]').count());
  await page.close();
});

test('keyboard: one tab stop, arrow keys move between patterns, Enter follows the link', async () => {
  const { page, problems } = await relatedPage();
  const focused = () => page.evaluate(() => document.querySelector('#related').shadowRoot.activeElement?.dataset.pattern);
  await page.locator('#related [part~=node-centre]').focus();
  assert.equal(await focused(), 'saga');
  const order = await page.locator('#related [part~=node]').evaluateAll((nodes) => nodes.map((n) => n.dataset.pattern));
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), order[1]);
  await page.keyboard.press('End');
  assert.equal(await focused(), order.at(-1));
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), order[0], 'wraps around');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), order.at(-1));
  const tabStops = await page.locator('#related [part~=node][tabindex="0"]').count();
  assert.equal(tabStops, 1, 'roving tabindex');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/patterns/${order.at(-1)}/`);
  assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
  await page.close();
});

test('navigate="in-place": Enter recentres the graph, the URL follows, back returns; a host can veto', async () => {
  const { page, problems, related } = await relatedPage({ navigate: 'in-place' });
  const target = 'outbox';
  await related.locator(`[part~=node][data-pattern=${target}]`).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.querySelector('#related').data?.pattern.pattern === id, target);
  const g = await graph(page);
  assert.equal(g.centre, target);
  assert.ok(g.nodes.saga, 'saga is a neighbour of the outbox');
  assert.equal(await page.evaluate(() => document.querySelector('#related').shadowRoot.activeElement?.dataset.pattern), target, 'focus stays on the graph');
  assert.equal(new URL(page.url()).searchParams.get('related'), `pattern.${target}`);
  assert.equal(new URL(page.url()).pathname, '/pages/related.html');

  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#related').data?.pattern.pattern === 'saga');
  assert.equal(new URL(page.url()).search, '');
  await page.goForward();
  await page.waitForFunction((id) => document.querySelector('#related').data?.pattern.pattern === id, target);

  await page.reload();
  await page.evaluate(() => document.getElementById('related').setAttribute('navigate', 'in-place'));
  await page.waitForFunction((id) => document.querySelector('#related').data?.pattern.pattern === id, target);

  await page.evaluate(() => document.addEventListener('patsel-related-before-navigate', (e) => e.preventDefault()));
  await related.locator('[part~=node][data-pattern=saga]').click();
  await page.waitForTimeout(200);
  assert.equal((await graph(page)).centre, target, 'vetoed');
  assert.deepEqual(problems, []);
  await page.close();
});

test('navigate="in-place": a link in the older form (`?related=<id>`) opens on that pattern', async () => {
  const { page, problems } = await relatedPage({ navigate: 'in-place' }, 'pages/related.html?related=outbox');
  await page.waitForFunction(() => document.querySelector('#related').data?.pattern.pattern === 'outbox');
  assert.equal((await graph(page)).centre, 'outbox');
  const { page: current } = await relatedPage({ navigate: 'in-place' }, 'pages/related.html?related=pattern.outbox');
  await current.waitForFunction(() => document.querySelector('#related').data?.pattern.pattern === 'outbox');
  assert.deepEqual(problems, []);
  await current.close();
  await page.close();
});

test('hostile catalog text stays text in nodes, edge notes and the list', async () => {
  const { page, problems, related } = await relatedPage({ pattern: 'rocket', catalog: '/fixtures/catalogs/hostile-unicode.json' });
  await page.waitForFunction(() => document.querySelector('#related').data?.pattern.pattern === 'rocket');
  const g = await graph(page);
  const rocket = hostile.patterns.find((p) => p.id === 'rocket');
  const plain = hostile.patterns.find((p) => p.id === 'plain');
  assert.equal(await related.locator('[part~=node-centre] title').textContent(), rocket.title);
  assert.ok(g.nodes.plain.label.includes(plain.title));
  await related.getByRole('button', { name: 'List view' }).click();
  const list = await related.locator('[part~=list]').textContent();
  assert.ok(list.includes('<svg onload="window.pwned=3">'), 'a note reads as written');
  const tags = await page.evaluate(() => [...document.querySelector('#related').shadowRoot.querySelectorAll('*')].map((e) => e.localName));
  for (const tag of ['script', 'img', 'iframe', 'mark', 'b']) assert.ok(!tags.includes(tag), tag);
  const hrefs = await related.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.every((h) => h.startsWith('/patterns/')), hrefs.join(' '));
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an unknown pattern shows a readable error with a retry', async () => {
  const { page, related } = await relatedPage({ pattern: 'no-such-pattern' });
  await related.locator('[part=error]').waitFor();
  assert.match(await related.locator('[part=error]').textContent(), /"no-such-pattern" could not be shown.*not_found/s);
  assert.equal(await related.getByRole('button', { name: 'Retry' }).count(), 1);
  await page.close();
});

test('a long title is cut after three lines at a word, so the visible words stay the node\'s name (axe)', async () => {
  const long = 'A very long pattern title that wraps over more than three lines of twenty characters each';
  const longCatalog = { schema_version: 1, content_hash: 'long', patterns: [
    { id: 'centre', title: 'Centre', tier: 'gold', related: [{ pattern: 'long', relation: 'requires' }, { pattern: 'short', relation: 'requires' }] },
    { id: 'long', title: long, tier: 'silver' },
    { id: 'short', title: 'Short', tier: 'bronze' }] };
  const setup = (page) => page.route('**/long/catalog.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(longCatalog) }));
  const { page, problems, element } = await openHosted(served.browser, served.url, 'patsel-related',
    { pattern: 'centre', catalog: '/long/catalog.json', 'base-url': '/patterns/' }, '[part~=node]', { setup });
  const node = element.locator('[part~=node][data-pattern=long]');
  const lines = await node.locator('tspan').allTextContents();
  assert.equal(lines.length, 3);
  assert.match(lines[2], /…$/);
  const shown = lines.join('').replace(/…$/, '');
  assert.ok(long.startsWith(shown), `"${shown}" is the start of the title, whole words only`);
  assert.match(await node.getAttribute('aria-label'), new RegExp(`^${long} \\(silver\\)`));
  assert.deepEqual(await seriousViolations(page, 'patsel-related'), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('no serious accessibility violations (axe), graph and list', async () => {
  const { page, related } = await relatedPage();
  assert.deepEqual(await seriousViolations(page, '#related'), []);
  await related.getByRole('button', { name: 'List view' }).click();
  assert.deepEqual(await seriousViolations(page, '#related'), []);
  await page.close();
});
