// The example MkDocs Material site built over a hostile catalog
// (fixtures/hostile-everywhere.json, with scripts/mkdocs-example.mjs
// --catalog): titles and summaries with markup in the nav, the headings and
// the patterns index as well as in every widget. Each page must render its
// text as text, open no dialog, run no script from the catalog and show no
// uncaught error; a search for a hostile title stays inert too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { root, openPage, servedMkdocsExample } from './support.mjs';

const catalogFile = path.join(root, 'tests', 'browser', 'fixtures', 'hostile-everywhere.json');

const example = servedMkdocsExample('mkdocs-hostile', { catalog: catalogFile });

const absolute = (pathname) => new URL(pathname, example.url).href;

/** Everything in the page that could run: in the document and in every shadow root. */
function injected(page) {
  return page.evaluate(() => {
    const all = [];
    const walk = (root) => {
      for (const element of root.querySelectorAll('*')) {
        all.push(element);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    const siteScript = (s) => !s.src || new URL(s.src).origin === location.origin;
    return {
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`)),
      foreign: all.filter((e) => ['iframe', 'object', 'embed', 'marquee', 'foreignobject'].includes(e.localName.toLowerCase()) ||
        (e.localName === 'img' && /^[a-z]$/.test(e.getAttribute('src') ?? '')) || (e.localName === 'script' && !siteScript(e)))
        .map((e) => e.outerHTML.slice(0, 80)),
      scriptLinks: all.filter((e) => /^\s*javascript:/i.test(e.getAttribute('href') ?? e.getAttribute('xlink:href') ?? ''))
        .map((e) => e.outerHTML.slice(0, 80)),
    };
  });
}

async function openChecked(pathname) {
  const dialogs = [];
  const { page, problems } = await openPage(example.browser, 'about:blank');
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await page.goto(absolute(pathname));
  return { page, problems, dialogs };
}

async function assertInert(page, problems, dialogs, where) {
  assert.deepEqual(await injected(page), { handlers: [], foreign: [], scriptLinks: [] }, where);
  assert.deepEqual(dialogs, [], `${where}: no dialog`);
  assert.equal(await page.evaluate(() => window.pwned), undefined, `${where}: no script ran`);
  assert.deepEqual(problems, [], where);
}

test('the site is built over the other catalog (the hook\'s `catalog` option): its records as pages, its catalog and shards in patsel/', async () => {
  assert.deepEqual(example.built.patterns, ['evil', 'good'], 'pages for the ids that can name a file');
  const served = JSON.parse(await readFile(path.join(example.built.site, 'patsel', 'catalog.json'), 'utf8'));
  assert.equal(served.content_hash, 'hostile-everywhere');
  const shard = JSON.parse(await readFile(path.join(example.built.site, 'patsel', 'patterns', 'evil.json'), 'utf8'));
  assert.equal(shard.pattern.id, 'evil');
  assert.deepEqual(Object.keys(shard.refs).sort(), ['" onmouseover="alert(12)', '..', '//evil.example/x', 'good', 'javascript:alert(7)'].sort());
  const html = await readFile(path.join(example.built.site, 'patterns', 'evil', 'index.html'), 'utf8');
  assert.match(html, /<patsel-card pattern="evil"><\/patsel-card>/);
  // Only the records with a page are linked; the others' ids are text in every widget.
  const pages = JSON.parse(await readFile(path.join(example.built.site, 'patsel', 'site.json'), 'utf8'));
  assert.deepEqual(pages.pages, { evil: 'patterns/evil/', good: 'patterns/good/' });
  assert.equal(pages.catalog, undefined, 'the shards are served, so the card reads them');
  assert.doesNotMatch(html, /<img src=x onerror/, 'no markup from a title in the page source');
  assert.doesNotMatch(html, /<title>[^<]*<\/title>[\s\S]*<title>/, 'one <title>');
});

/** Each page: what it shows once loaded, and where a hostile string must read as written. */
const PAGES = [
  ['patterns/evil/', ['patsel-card [part~=banner][data-tier]', 'patsel-related [part~=node]'],
    ['article h1', '<img src=x onerror="window.pwned=1;alert(1)">Evil'],
    ['article > p', '<script>window.pwned=4;alert(4)</script> evil summary'],
    ['patsel-card [part~=banner]', '<b onmouseover="window.pwned=5;alert(5)">bold</b>']],
  ['patterns/good/', ['patsel-card [part~=banner][data-tier]', 'patsel-related [part~=node]'],
    ['article h1', 'Good " autofocus onfocus="window.pwned=20;alert(20)']],
  ['patterns/', ['article li a'], ['article', '<img src=x onerror="window.pwned=1;alert(1)">Evil']],
  ['explorer/?explorer=tier.gold.silver.bronze', ['patsel-explorer [part=card]'],
    ['patsel-explorer [part=list]', '<script>window.pwned=4;alert(4)</script>']],
  ['timeline/', ['patsel-timeline li[part~=step]'], ['patsel-timeline h3', '<img src=x onerror="window.pwned=70;alert(70)">Family']],
  // Three patterns do not fit a table in Material's content column: one block per row.
  ['compare/?compare=evil.good.javascript:alert(7)', ['patsel-compare [part~=row-block]'],
    ['patsel-compare [part~=rows]', '<object data="javascript:alert(16)"></object>']],
  ['stack/?stack=evil.javascript:alert(7)', ['patsel-stack [part~=conflicts] li'],
    ['patsel-stack [part~=conflicts]', '<img src=v onerror="window.pwned=80;alert(80)">reason']],
  ['recommender/', ['patsel-recommender [part~=form]'], ['patsel-recommender [part~=fields]', '<img src=x onerror="window.pwned=60;alert(60)">Load']],
];

for (const [pathname, ready, ...texts] of PAGES) {
  test(`${pathname}: hostile text is text, nothing runs`, async () => {
    const { page, problems, dialogs } = await openChecked(pathname);
    try {
      for (const selector of ready) await page.locator(selector).first().waitFor();
      for (const [where, text] of texts) assert.ok((await page.locator(where).first().textContent()).includes(text), `${where} shows ${text}`);
      await assertInert(page, problems, dialogs, pathname);
    } finally {
      await page.close();
    }
  });
}

test('the nav, the page titles and a tree walk stay inert', async () => {
  const { page, problems, dialogs } = await openChecked('trees/');
  try {
    // The nav shows hostile titles as text (angle brackets as look-alikes).
    assert.ok(await page.locator('nav.md-nav').getByText('‹img src=x onerror="window.pwned=1;alert(1)"›Evil').first().count());
    await page.locator('patsel-tree button[data-tree=hostile-tree]').click();
    await page.locator('patsel-tree [part~=option][data-answer=a]').click();
    await page.locator('patsel-tree [part~=option][data-answer=c]').click();
    await page.locator('patsel-tree [part~=result]').waitFor();
    await page.locator('nav.md-nav a.md-nav__link', { hasText: 'Evil' }).first().click();
    await page.waitForURL(absolute('patterns/evil/'));
    await page.locator('patsel-card [part~=banner][data-tier]').waitFor();
    assert.match(await page.title(), /^‹img src=x onerror="window\.pwned=1;alert\(1\)"›Evil - /);
    assert.equal(await page.evaluate(() => document.querySelectorAll('head > title, body > title').length), 1, 'one <title>');
    await assertInert(page, problems, dialogs, 'trees/ then patterns/evil/');
  } finally {
    await page.close();
  }
});

test('searching the site for a hostile title shows it as text', async () => {
  const { page, problems, dialogs } = await openChecked('');
  try {
    await page.locator('input.md-search__input').focus();
    await page.keyboard.type('evil', { delay: 30 });
    // Results for the first letters may show before the whole word is typed,
    // and other pages may mention the word: wait for the page's own title.
    const title = page.locator('.md-search-result__title', { hasText: 'Evil' }).first();
    await title.waitFor();
    assert.equal(await title.textContent(), '<img src=x onerror="window.pwned=1;alert(1)">Evil');
    await assertInert(page, problems, dialogs, 'search results');
  } finally {
    await page.close();
  }
});
