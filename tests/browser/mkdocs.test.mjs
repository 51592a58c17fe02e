// The example MkDocs Material site (web/mkdocs-example/, built by
// scripts/mkdocs-example.mjs with Debian's mkdocs and mkdocs-material): the
// catalog's own pattern pages with their tier banner and related graph, and
// the tool pages, clicked through with Material's instant navigation on.
// Nothing is skipped: without mkdocs the build, and so every test, fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dist, launchBrowser, serve, openPage } from './support.mjs';
import { seriousViolations } from './axe.mjs';
import { buildMkdocsExample } from '../../scripts/mkdocs-example.mjs';

const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const byId = Object.fromEntries(catalog.patterns.map((p) => [p.id, p]));

let browser, server, out;
before(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'patsel-mkdocs-'));
  const { site } = await buildMkdocsExample({ dist, out });  // throws a clear message when mkdocs is missing
  browser = await launchBrowser();
  server = await serve(site);
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

const banner = (page) => page.locator('patsel-card [part~=banner]:not([part~=loading])');
const absolute = (pathname) => new URL(pathname, server.url).href;

test('the site was built from the catalog pages, with the widgets after each front matter', async () => {
  const html = await readFile(path.join(out, 'site', 'patterns', 'saga', 'index.html'), 'utf8');
  assert.match(html, /<patsel-card pattern="saga" base-url="\.\.\/"><\/patsel-card>/);
  assert.match(html, /<patsel-related pattern="saga" base-url="\.\.\/"><\/patsel-related>/);
  assert.doesNotMatch(html, /excellence_tier/, 'the front matter is not shown');
  const config = await readFile(path.join(out, 'mkdocs.yml'), 'utf8');
  assert.match(config, /- navigation\.instant/);
  assert.match(html, /javascripts\/patsel-loader\.js/);
});

test('a pattern page shows its tier banner and its related patterns', async () => {
  const p = byId['two-phase-commit'];
  const { page, problems } = await openPage(browser, absolute('patterns/two-phase-commit/'));
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
  assert.deepEqual(problems, []);
  await page.close();
});

test('a link in the banner swaps in the next pattern page without a reload, and back works', async () => {
  const { page, problems } = await openPage(browser, absolute('patterns/two-phase-commit/'));
  await banner(page).waitFor();
  await page.evaluate(() => { window.patselMarker = 'still here'; });
  await page.locator('patsel-card [part~=toggle][data-section=legacy]').click();
  await page.locator('patsel-card a[part~=link][href="../saga/"]').first().click();
  await page.waitForURL(absolute('patterns/saga/'));
  await page.locator('patsel-card[pattern=saga] [part~=banner][data-tier]').waitFor();
  assert.equal(await banner(page).getAttribute('data-tier'), byId.saga.tier);
  assert.equal(await page.locator('article h1').first().textContent(), byId.saga.title);
  assert.equal(await page.evaluate(() => window.patselMarker), 'still here', 'instant navigation: no reload');
  await page.locator('patsel-related[pattern=saga] a[part~=link][href="../two-phase-commit/"]').first().waitFor({ state: 'attached' });
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
  const { page, problems } = await openPage(browser, server.url);
  await page.evaluate(() => { window.patselMarker = 'home'; });
  await page.locator('nav.md-nav a.md-nav__link', { hasText: /^\s*Explorer\s*$/ }).first().click();
  await page.waitForURL(absolute('explorer/'));
  const gold = catalog.patterns.filter((p) => p.tier === 'gold').length;
  await page.locator('patsel-explorer [part=count]', { hasText: `${gold} patterns` }).waitFor();
  assert.equal(await page.locator('patsel-explorer [part=card]').count(), Math.min(gold, 24), 'the first page');
  assert.equal(await page.evaluate(() => window.patselMarker), 'home');
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
  const { page, problems } = await openPage(browser, absolute('trees/'));
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
    const { page, problems } = await openPage(browser, absolute(pathname));
    for (const selector of ready) await page.locator(selector).first().waitFor();
    // Every widget on the page, inside the Material theme.
    assert.deepEqual(await seriousViolations(page, { include: [['.patsel-widget']] }), [], pathname);
    assert.deepEqual(problems, [], pathname);
    await page.close();
  }
});
