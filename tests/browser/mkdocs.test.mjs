// The example MkDocs Material site (web/mkdocs-example/), built by
// scripts/mkdocs-example.mjs with Debian's mkdocs and mkdocs-material and the
// package's hook (dist/mkdocs/patsel_hook.py): the catalog's own pattern
// pages, untouched, given their tier banner and related patterns by the hook;
// the tool pages with their markers; a page that opts out, a page found by
// an alias; clicked through with Material's instant navigation on.
// Nothing is skipped: without mkdocs the build, and so every test, fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { dist, root, layoutShiftOf, openPage, servedMkdocsExample } from './support.mjs';
import { seriousViolations } from './axe.mjs';

const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const byId = Object.fromEntries(catalog.patterns.map((p) => [p.id, p]));

const example = servedMkdocsExample('mkdocs');

const banner = (page) => page.locator('patsel-card [part~=banner]:not([part~=loading])');
const absolute = (pathname) => new URL(pathname, example.url).href;

test('set-up: two lines in mkdocs.yml, no page edited, nothing of the package in docs/', async () => {
  const config = await readFile(path.join(example.out, 'mkdocs.yml'), 'utf8');
  assert.match(config, new RegExp(`^hooks: \\[${JSON.stringify(path.join(dist, 'mkdocs', 'patsel_hook.py')).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]$`, 'm'));
  assert.match(config, /^extra: \{ patsel: \{\} \}$/m);
  assert.doesNotMatch(config, /extra_javascript/);
  for (const name of await readdir(path.join(root, 'data', 'patterns')))
    assert.equal(await readFile(path.join(example.out, 'docs', 'patterns', name), 'utf8'), await readFile(path.join(root, 'data', 'patterns', name), 'utf8'), name);
  assert.deepEqual((await readdir(path.join(example.out, 'docs'))).sort(),
    ['changes.md', 'compare.md', 'compositions.md', 'explorer.md', 'guides', 'health.md', 'index.md', 'learning-paths.md',
      'patterns', 'problems.md', 'quick-reference.md', 'recommender.md', 'stack.md', 'timeline.md', 'trees.md']);
  assert.equal((await readFile(path.join(example.out, 'docs', 'explorer.md'), 'utf8')).match(/<!-- patsel explorer -->/g).length, 1, 'a marker');
});

test('the hook: banner after the title, related patterns after the article, the loader in every head, the package and the page map served', async () => {
  const site = path.join(example.out, 'site');
  const html = await readFile(path.join(site, 'patterns', 'saga', 'index.html'), 'utf8');
  const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
  const order = ['<h1>Saga</h1>', '<patsel-card pattern="saga"></patsel-card>', '<h2 id="problem">', '<h2 id="related-patterns">Related patterns',
    '<patsel-related pattern="saga"></patsel-related>'].map((piece) => article.indexOf(piece));
  assert.ok(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1])), `in order: ${order}`);
  assert.doesNotMatch(html, /excellence_tier/, 'the front matter is not shown');
  const head = html.slice(0, html.indexOf('</head>'));
  assert.match(head, /<link rel="stylesheet" href="\.\.\/\.\.\/patsel\/mkdocs\/patsel\.css"><script src="\.\.\/\.\.\/patsel\/mkdocs\/loader\.js" defer><\/script>/);
  const home = await readFile(path.join(site, 'index.html'), 'utf8');
  assert.match(home, /<script src="patsel\/mkdocs\/loader\.js" defer>/, 'every page, at its depth');
  assert.doesNotMatch(home, /<patsel-/, 'no widget on a page that is not a pattern');
  const explorer = await readFile(path.join(site, 'explorer', 'index.html'), 'utf8');
  assert.match(explorer, /<div class="patsel-widget patsel-explorer-widget">\n<patsel-explorer><\/patsel-explorer>\n<\/div>/, 'the marker, expanded');
  const pages = JSON.parse(await readFile(path.join(site, 'patsel', 'site.json'), 'utf8'));
  assert.equal(pages.root, '../');
  assert.deepEqual(Object.keys(pages.pages).sort(), catalog.patterns.map((p) => p.id).sort(), 'every pattern has its page');
  assert.equal(pages.pages['two-phase-commit'], 'patterns/two-phase-commit/', 'the pattern page, not the guide found by an alias');
  assert.equal(pages.pages['circuit-breaker'], 'patterns/circuit-breaker/', 'not the guide that opted out');
  for (const file of ['bundle/elements.js', 'bundle/links.js', 'index.js', 'selector.wasm', 'catalog.json', 'patterns/saga.json', 'mkdocs/loader.js', 'mkdocs/patsel.css'])
    assert.ok((await readFile(path.join(site, 'patsel', file))).length > 0, file);
  await assert.rejects(readFile(path.join(site, 'patsel', 'mkdocs', 'patsel_hook.py')), 'the hook itself is not served');
  await assert.rejects(readFile(path.join(site, 'patsel', 'demo', 'index.html')), 'nor the demo');
});

test('a page that opts out gets no widget; a page found by an alias gets the banner it asked for', async () => {
  const { page: optedOut, problems } = await openPage(example.browser, absolute('guides/circuit-breaker/'));
  await optedOut.locator('article h1').waitFor();
  assert.equal(await optedOut.locator('article [class*=patsel], article patsel-card, article patsel-related').count(), 0);
  assert.equal(await optedOut.locator('article a[href="../../patterns/circuit-breaker/"]').count(), 1);
  const alias = await example.browser.newPage();
  await alias.goto(absolute('guides/2pc/'));
  await alias.locator('patsel-card[pattern=two-phase-commit] [part~=banner][data-tier=bronze]').waitFor();
  assert.equal(await alias.locator('patsel-related').count(), 0, 'patsel: [card]');
  assert.deepEqual(problems, []);
  await optedOut.close();
  await alias.close();
});

test('a page that is not a pattern loads no element', async () => {
  const page = await example.browser.newPage();
  const problems = [];
  const loaded = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
  await page.goto(example.url);
  await page.locator('article h1').waitFor();
  await page.waitForLoadState('networkidle');
  assert.ok(loaded.includes('/patsel/mkdocs/loader.js'), loaded.join(' '));
  assert.deepEqual(loaded.filter((p) => p.startsWith('/patsel/') && !p.startsWith('/patsel/mkdocs/')), [], 'no elements, engine or catalog');
  assert.equal(await page.evaluate(() => document.querySelectorAll('*').length > 0 && [...document.querySelectorAll('*')].some((e) => e.localName.startsWith('patsel-'))), false);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a pattern page shows its tier banner and its related patterns, loading the code of those two elements only', async () => {
  const p = byId['two-phase-commit'];
  const entries = [];
  const { page, problems } = await openPage(example.browser, absolute('patterns/two-phase-commit/'), {
    setup: (opened) => opened.on('request', (request) => {
      const file = new URL(request.url()).pathname;
      if (file.startsWith('/patsel/bundle/') && !file.includes('/chunk-')) entries.push(file);
    }),
  });
  await banner(page).waitFor();
  assert.equal(await banner(page).getAttribute('data-tier'), p.tier);
  assert.ok((await banner(page).textContent()).includes(p.deprecation_reason));
  // The related graph links the pattern's neighbours (catalog: saga replaces it).
  assert.ok(p.related.some((r) => r.pattern === 'saga') || byId.saga.related.some((r) => r.pattern === 'two-phase-commit'));
  await page.locator('patsel-related [part~=graph], patsel-related [part~=list]').first().waitFor();
  const related = page.locator('patsel-related a[part~=link]');
  await related.first().waitFor({ state: 'attached' });
  const hrefs = await related.evaluateAll((links) => links.map((a) => a.href));
  assert.ok(hrefs.includes(absolute('patterns/saga/')), hrefs.join(' '));
  assert.deepEqual(entries.sort(), ['/patsel/bundle/links.js', '/patsel/bundle/patsel-card.js', '/patsel/bundle/patsel-related.js']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a pattern page and the explorer page ask for what their elements load with the page itself (the hook\'s preload links), each file once', async () => {
  for (const [url, shown] of [['patterns/two-phase-commit/', banner], ['explorer/', (page) => page.locator('patsel-explorer [part=card]').first()]]) {
    const page = await example.browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    // Who asked for each file of the package: the HTML parser (a <link> or
    // <script> of the page) or a script (the loader, an import).
    const asked = [];
    cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
      const file = new URL(request.url).pathname;
      if (file.startsWith('/patsel/')) asked.push([file, initiator.type]);
    });
    await page.goto(absolute(url));
    await shown(page).waitFor();
    const files = asked.map(([file]) => file);
    assert.equal(new Set(files).size, files.length, `${url}: each file once: ${files.join(' ')}`);
    const early = asked.filter(([file]) => /^\/patsel\/(bundle\/|index\.js|engine\.js|site\.json|explorer-opening-answers\.js|patterns\/)/.test(file));
    assert.deepEqual(early.filter(([, by]) => by !== 'parser'), [], `${url}: ${JSON.stringify(asked)}`);
    assert.ok(files.includes('/patsel/site.json') && files.some((file) => file.startsWith('/patsel/bundle/chunk-')), files.join(' '));
    if (url.startsWith('patterns/')) assert.ok(files.includes('/patsel/patterns/two-phase-commit.json'), 'the banner\'s pattern, read once for the banner and the related list');
    else assert.ok(files.includes('/patsel/explorer-opening-answers.js'));
    await page.close();
  }
});

test('the article does not jump while the elements load: their space is kept (patsel.css), on a phone and a desktop', async () => {
  // The pages' footer moving as Material's own script settles its sidebar
  // is not in the sum: on these pages it sits below the screen throughout.
  for (const [width, height] of [[360, 740], [1280, 800]]) {
    for (const url of ['patterns/two-phase-commit/', 'patterns/event-sourcing/', 'patterns/circuit-breaker/', 'explorer/', 'trees/']) {
      const shift = await layoutShiftOf(example.browser, absolute(url), { width, height, scope: 'article' });
      assert.ok(shift < 0.05, `${url} at ${width} px: layout shift ${shift.toFixed(3)}`);
    }
  }
});

test('a link in the banner swaps in the next pattern page without a reload, and back works', async () => {
  const { page, problems } = await openPage(example.browser, absolute('patterns/two-phase-commit/'));
  await banner(page).waitFor();
  await page.evaluate(() => { window.patselMarker = 'still here'; });
  await page.locator('patsel-card [part~=toggle][data-section=legacy]').click();
  await page.locator(`patsel-card a[part~=link][href="${absolute('patterns/saga/')}"]`).first().click();
  await page.waitForURL(absolute('patterns/saga/'));
  await page.locator('patsel-card[pattern=saga] [part~=banner][data-tier]').waitFor();
  assert.equal(await banner(page).getAttribute('data-tier'), byId.saga.tier);
  assert.equal(await page.locator('article h1').first().textContent(), byId.saga.title);
  assert.equal(await page.evaluate(() => window.patselMarker), 'still here', 'instant navigation: no reload');
  await page.locator(`patsel-related[pattern=saga] a[part~=link][href="${absolute('patterns/two-phase-commit/')}"]`).first().waitFor({ state: 'attached' });
  await page.goBack();
  await page.locator('patsel-card[pattern=two-phase-commit] [part~=banner][data-tier=bronze]').waitFor();
  assert.equal(await page.evaluate(() => window.patselMarker), 'still here');
  // The sidebar's links are instant too, and the new page's card loads.
  await page.locator('nav.md-nav a.md-nav__link', { hasText: /^\s*Circuit Breaker\s*$/ }).first().click();
  await page.locator('patsel-card[pattern=circuit-breaker] [part~=banner][data-tier]').waitFor();
  assert.equal(await banner(page).getAttribute('data-tier'), byId['circuit-breaker'].tier);
  assert.equal(await page.evaluate(() => window.patselMarker), 'still here');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the explorer page, reached by instant navigation, lists the gold patterns and links to their pages', async () => {
  const { page, problems } = await openPage(example.browser, example.url);
  const explorerCode = page.waitForRequest((request) => new URL(request.url()).pathname === '/patsel/bundle/patsel-explorer.js');
  await page.evaluate(() => { window.patselMarker = 'home'; });
  await page.locator('nav.md-nav a.md-nav__link', { hasText: /^\s*Explorer\s*$/ }).first().click();
  await page.waitForURL(absolute('explorer/'));
  const gold = catalog.patterns.filter((p) => p.tier === 'gold').length;
  await page.locator('patsel-explorer [part=count]', { hasText: `${gold} patterns` }).waitFor();
  assert.equal(await page.locator('patsel-explorer [part=card]').count(), Math.min(gold, 24), 'the first page');
  assert.equal(await page.evaluate(() => window.patselMarker), 'home');
  await explorerCode;  // the element the swapped-in page holds, loaded then
  await page.locator('patsel-explorer [part=search]').fill('saga');
  await page.locator('patsel-explorer [part=search]').press('Enter');
  await page.locator('patsel-explorer [part=card][data-id=saga] a').click();
  await page.waitForURL(absolute('patterns/saga/'));
  await page.locator('patsel-card[pattern=saga] [part~=banner][data-tier]').waitFor();
  assert.equal(await page.evaluate(() => window.patselMarker), 'home');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the decision tree page: pick a tree, answer, get the next question', async () => {
  const tree = catalog.trees[0];
  const start = tree.questions.find((q) => q.id === tree.start);
  const option = start.options.find((o) => o.next) ?? start.options[0];
  const { page, problems } = await openPage(example.browser, absolute('trees/'));
  await page.locator(`patsel-tree button[data-tree="${tree.id}"]`).click();
  await page.locator('patsel-tree [part~=question-text]', { hasText: start.text }).waitFor();
  await page.locator(`patsel-tree button[data-answer="${option.id}"]`).click();
  if (option.next) {
    const next = tree.questions.find((q) => q.id === option.next);
    await page.locator('patsel-tree [part~=question-text]', { hasText: next.text }).waitFor();
  } else {
    await page.locator('patsel-tree [part~=result]').waitFor();
  }
  assert.match(await page.locator('patsel-tree [part~=path]').textContent(), new RegExp(option.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.deepEqual(problems, []);
  await page.close();
});

test('the tool pages render, and the widgets have no serious accessibility violations (axe)', async () => {
  const pages = [
    ['patterns/two-phase-commit/', 'patsel-card [part~=banner][data-tier]', 'patsel-related [part~=node]'],
    ['explorer/', 'patsel-explorer [part=card]'],
    ['timeline/', 'patsel-timeline li[part~=step]'],
    ['compare/', 'patsel-compare table'],
    ['stack/', 'patsel-stack [part~=status]:not(:empty)'],
    ['recommender/', 'patsel-recommender form, patsel-recommender fieldset'],
    ['problems/', 'patsel-problem-matrix [part~=problem]'],
    ['learning-paths/', 'patsel-learning-path [part~=item]'],
    ['quick-reference/', 'patsel-quick-reference [part~=card]'],
    ['compositions/', 'patsel-compositions [part~=conflict]'],
  ];
  for (const [pathname, ...ready] of pages) {
    const { page, problems } = await openPage(example.browser, absolute(pathname));
    for (const selector of ready) await page.locator(selector).first().waitFor();
    // Every widget on the page, inside the Material theme.
    for (const toggle of await page.locator('patsel-card [part~=toggle]').all()) await toggle.click();
    assert.deepEqual(await seriousViolations(page, { include: [['.patsel-widget']] }), [], pathname);
    assert.deepEqual(problems, [], pathname);
    await page.close();
  }
});
