// Every pattern page of the example MkDocs Material site built with the
// hook: the article comes first (its first heading within 450 px of the
// article's top at 1280 x 900 and within 900 px at 360 x 740, for every gold,
// silver and bronze page), every link inside every widget (every panel of
// the banner opened, the related graph and its list) lands on an existing
// page of the site (and so does every link inside the tool pages' widgets),
// and widget links navigate instantly with Material's instant navigation
// on, as plain links without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, openPage, servedMkdocsExample } from './support.mjs';
import { showEverything } from './element-states.mjs';

const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const tierOf = Object.fromEntries(catalog.patterns.map((p) => [p.id, p.tier]));

const example = servedMkdocsExample('mkdocs-pages');

const absolute = (pathname) => new URL(pathname, example.url).href;
const ready = (page) => Promise.all([
  page.locator('patsel-card [part~=banner][data-tier]').waitFor(),
  page.locator('patsel-related [part~=graph], patsel-related [part~=list]').first().waitFor({ state: 'attached' }),
]);

// The top of the article's first heading (outside the widgets) below the article's top.
const headingOffset = (page) => page.evaluate(() => {
  const article = document.querySelector('article');
  const heading = [...article.querySelectorAll('h2, h3, h4')].find((h) => !h.closest('.patsel-widget'));
  return heading.getBoundingClientRect().top - article.getBoundingClientRect().top;
});

// Every link inside the banner (every panel opened) and the related patterns of the page shown.
async function widgetLinks(page) {
  for (const toggle of await page.locator('patsel-card [part~=toggle]').all()) await toggle.click();
  return page.evaluate(() => [...document.querySelectorAll('patsel-card, patsel-related')]
    .flatMap((element) => [...element.shadowRoot.querySelectorAll('a[href]')].map((a) => new URL(a.getAttribute('href'), a.baseURI).href)));
}

for (const [width, height, limit, crawl] of [[1280, 900, 450, true], [360, 740, 900, false]]) {
  const title = `every pattern page at ${width} x ${height}: the article's first heading within ${limit} px of its top (gold, silver, bronze)`
    + (crawl ? '; every link inside every widget lands on an existing page of the site' : '');
  test(title, async (t) => {
    const { page, problems } = await openPage(example.browser, 'about:blank');
    await page.setViewportSize({ width, height });
    const worst = {};
    const checked = new Map();  // URL -> HTTP status
    let links = 0;
    for (const [id, url] of Object.entries(example.siteMap.pages)) {
      await page.goto(absolute(url));
      await ready(page);
      const offset = await headingOffset(page);
      assert.ok(offset <= limit, `${id} (${tierOf[id]}): ${offset} px`);
      if (!(worst[tierOf[id]]?.offset >= offset)) worst[tierOf[id]] = { id, offset: Math.round(offset) };
      if (!crawl) continue;
      const found = await widgetLinks(page);
      assert.ok(found.length > 0, `${url}: links in its widgets`);
      links += found.length;
      for (const href of found) {
        const target = new URL(href);
        assert.equal(target.origin, new URL(example.url).origin, `${url}: ${href} is a page of the site`);
        assert.ok(Object.values(example.siteMap.pages).includes(target.pathname.slice(1)), `${url}: ${href} is a pattern page`);
        if (!checked.has(href)) checked.set(href, (await fetch(href)).status);
        assert.equal(checked.get(href), 200, `${url}: ${href}`);
      }
    }
    assert.deepEqual(Object.keys(worst).sort(), ['bronze', 'gold', 'silver']);
    t.diagnostic(`largest offsets at ${width} x ${height}: ${JSON.stringify(worst)}`);
    if (crawl) t.diagnostic(`${Object.keys(example.siteMap.pages).length} pattern pages, ${links} links in their widgets, ${checked.size} distinct targets, all 200`);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('on the tool pages too, every pattern link inside the widgets goes to a pattern page of the site', async (t) => {
  const { page, problems } = await openPage(example.browser, 'about:blank');
  const targets = new Set(Object.values(example.siteMap.pages).map(absolute));
  let links = 0;
  for (const pathname of ['explorer/', 'trees/', 'recommender/', 'timeline/', 'compare/', 'stack/?stack=patterns.two-phase-commit.microservices.circuit-breaker']) {
    await page.goto(absolute(pathname));
    await showEverything(page);
    const found = await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('patsel-'))
      .flatMap((element) => [...element.shadowRoot.querySelectorAll('a[href]')].map((a) => new URL(a.getAttribute('href'), a.baseURI).href)));
    assert.ok(found.length > 0, `${pathname}: links in its widget`);
    for (const href of found) assert.ok(targets.has(href), `${pathname}: ${href} is a pattern page of the site`);
    links += found.length;
  }
  t.diagnostic(`${links} links on the tool pages, all to pattern pages`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('with instant navigation, links inside the widgets swap pages in without a reload', async () => {
  const { page, problems } = await openPage(example.browser, absolute('patterns/two-phase-commit/'));
  await ready(page);
  await page.evaluate(() => {
    window.patselMarker = 'no reload';
    window.heard = [];
    document.addEventListener('patsel-navigate', (event) => window.heard.push(event.detail.href));
  });
  const same = async () => assert.equal(await page.evaluate(() => window.patselMarker), 'no reload');

  // The banner's "Use instead".
  await page.locator('patsel-card [part~=facts] a[data-pattern=saga]').click();
  await page.waitForURL(absolute('patterns/saga/'));
  await page.locator('patsel-card[pattern=saga] [part~=banner][data-tier]').waitFor();
  await same();
  // A node of the related graph.
  await page.locator('patsel-related[pattern=saga] [part~=node][data-pattern=outbox] circle.dot').click();
  await page.waitForURL(absolute('patterns/outbox/'));
  await page.locator('patsel-card[pattern=outbox] [part~=banner][data-tier]').waitFor();
  await same();
  // The related list.
  await page.locator('patsel-related[pattern=outbox] [part~=toggle]').click();
  const listLink = page.locator('patsel-related[pattern=outbox] [part~=list] a').first();
  const target = await listLink.getAttribute('data-pattern');
  await listLink.click();
  await page.waitForURL(absolute(example.siteMap.pages[target]));
  await page.locator(`patsel-card[pattern=${target}] [part~=banner][data-tier]`).waitFor();
  await same();
  assert.deepEqual(await page.evaluate(() => window.heard), ['patterns/saga/', 'patterns/outbox/', example.siteMap.pages[target]].map(absolute));
  await page.goBack();
  await page.locator('patsel-card[pattern=outbox] [part~=banner][data-tier]').waitFor();
  await same();
  assert.deepEqual(problems, []);
  await page.close();
});

test('without instant navigation, the same links are plain links', async () => {
  const page = await example.browser.newPage();
  // The site as it would be without `navigation.instant` among Material's features.
  await page.route('**/patterns/**', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/"navigation\.instant",?/g, '');
    await route.fulfill({ response, body });
  });
  await page.goto(absolute('patterns/two-phase-commit/'));
  await ready(page);
  await page.evaluate(() => { window.patselMarker = 'first load'; });
  await page.locator('patsel-card [part~=facts] a[data-pattern=saga]').click();
  await page.waitForURL(absolute('patterns/saga/'));
  await page.locator('patsel-card[pattern=saga] [part~=banner][data-tier]').waitFor();
  assert.equal(await page.evaluate(() => window.patselMarker), undefined, 'a full page load');
  await page.close();
});
