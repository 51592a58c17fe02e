// Every element over one catalog where every string is hostile
// (fixtures/hostile-everywhere.json): markup in titles, summaries, reasons,
// labels and notes (<img onerror>, <script>, <svg onload>, <iframe
// src=javascript:>), quotes that try to add attributes, and pattern ids that
// are URLs (javascript:, //host, ..) or break out of an attribute. Each
// element is used (answered, filled in, switched) and then must be inert:
// no dialog, no script run, no element from catalog text, no event-handler
// attribute, and links only to http(s) or relative URLs below base-url.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addToHost, hostedElements } from './support.mjs';

const host = hostedElements();

const catalog = '/browser-fixtures/hostile-everywhere.json';
const base = { catalog, 'base-url': '/p/' };
const framework = { catalog: '/browser-fixtures/hostile-framework.json', 'base-url': '/p/' };

/**
 * Each case: the element and its attributes, what it shows once loaded, what
 * catalog text it must show as text, and how to use it before the checks.
 */
const CASES = [
  { tag: 'patsel-explorer', attributes: base, query: '?explorer=tier.gold.silver.bronze', ready: '[part=card]',
    shows: /<img src=x onerror="window\.pwned=1;alert\(1\)">Evil/,
    use: async (element) => {
      await element.locator('[data-facet=category] summary').click();
      await element.getByLabel('Search patterns').fill('saga');
      await element.getByLabel('Search patterns').press('Enter');
      await element.locator('[part=count]', { hasText: /^2 patterns$/ }).waitFor();
    } },
  { tag: 'patsel-tree', attributes: { ...base, tree: 'hostile-tree', tiers: 'gold silver bronze', 'diagram-open': '' }, ready: '[part~=question]',
    shows: /<img src=x onerror="window\.pwned=42;alert\(42\)">First\?/,
    use: async (element) => {
      await element.locator('[part~=option][data-answer=a]').click();
      await element.locator('[part~=option][data-answer=c]').click();
      await element.locator('[part~=result]').waitFor();
      await element.locator('[part~=outline] summary').click();
    } },
  { tag: 'patsel-recommender', attributes: { ...base, tiers: 'gold silver bronze' }, ready: '[part~=form]',
    shows: /<img src=x onerror="window\.pwned=60;alert\(60\)">Load/,
    use: async (element) => {
      await element.locator('input[name=load]').fill('5');
      await element.locator('input[name=load]').blur();
      await element.locator('select[name=style]').selectOption('" onfocus="alert(63)');
      await element.locator('input[name=tags]').first().check();
      await element.locator('[part~=ranked-item]').first().waitFor();
    } },
  { tag: 'patsel-card', attributes: { ...base, pattern: 'evil' }, ready: '[part~=banner][data-tier]',
    shows: /<b onmouseover="window\.pwned=5;alert\(5\)">bold<\/b>/ },
  { tag: 'patsel-card', attributes: { ...base, pattern: 'good' }, ready: '[part~=banner][data-tier]',
    shows: /<svg onload="alert\(22\)">/,
    use: (element) => element.locator('[part~=toggle][data-section=checklist]').click() },
  { tag: 'patsel-card', attributes: { ...base, pattern: 'javascript:alert(7)' }, ready: '[part~=banner][data-tier]',
    shows: /<img src=x onerror="alert\(27\)">/ },
  { tag: 'patsel-card', attributes: { ...base, pattern: '"><img src=x onerror="window.pwned=90;alert(90)">' }, ready: '[part=error]',
    shows: /"><img src=x onerror="window\.pwned=90;alert\(90\)">" could not be shown/ },
  { tag: 'patsel-related', attributes: { ...base, pattern: 'evil' }, ready: '[part~=node]',
    shows: /<img src=x onerror="window\.pwned=1;alert\(1\)">Evil/,
    use: (element) => element.getByRole('button', { name: 'List view' }).click() },
  { tag: 'patsel-related', attributes: { ...base, pattern: 'evil', depth: '2' }, ready: '[part~=node]',
    shows: /Quote ' onmouseover='alert\(29\)' x='/ },
  { tag: 'patsel-timeline', attributes: { ...base, family: 'hostile-family' }, ready: '[part~=step]',
    shows: /<img src=x onerror="window\.pwned=70;alert\(70\)">Family/ },
  { tag: 'patsel-timeline', attributes: base, ready: '[part~=step]', shows: /<script>alert\(74\)<\/script>Outside/ },
  { tag: 'patsel-compare', attributes: { ...base, patterns: 'evil,good,javascript:alert(7)' }, ready: 'table',
    shows: /<object data="javascript:alert\(16\)"><\/object>/,
    use: (element) => element.getByLabel('Add a pattern').selectOption({ index: 1 }) },
  { tag: 'patsel-stack', attributes: { ...base, patterns: 'evil,javascript:alert(7)' }, ready: '[part~=conflicts] li',
    shows: /<img src=v onerror="window\.pwned=80;alert\(80\)">reason/,
    use: async (element) => {
      await element.getByRole('combobox').click();
      await element.getByRole('combobox').press('ArrowDown');
      await element.getByRole('option').first().waitFor();
    } },
  // The organization elements, over a catalog with hostile paths, problems, cards and compositions.
  { tag: 'patsel-learning-path', attributes: { ...framework, path: 'evil-path' }, ready: '[part~=item]',
    shows: /<img src=x onerror="window\.pwned=110;alert\(110\)">Path.*Second " onfocus="alert\(114\)/s,
    use: async (element) => {
      await element.locator('[part~=tick] input').first().check();
      await element.getByLabel(/Second/).check();
      await element.locator('[part~=title]', { hasText: 'Second' }).waitFor();
    } },
  { tag: 'patsel-problem-matrix', attributes: { ...framework, 'tree-url': '/p/trees/', 'recommender-url': 'javascript:alert(123)' }, ready: '[part~=problem]',
    shows: /<img src=x onerror="window\.pwned=120;alert\(120\)">Problem/,
    use: (element) => element.getByLabel('Area').selectOption({ index: 1 }) },
  { tag: 'patsel-quick-reference', attributes: framework, ready: '[part~=card]',
    shows: /<img src=x onerror="window\.pwned=130;alert\(130\)">Card/,
    use: (element) => element.getByLabel('Goal').selectOption({ index: 2 }) },
  { tag: 'patsel-compositions', attributes: framework, ready: '[part~=composition]',
    shows: /<img src=x onerror="window\.pwned=140;alert\(140\)">Whole.*<img src=v onerror="window\.pwned=80;alert\(80\)">reason/s },
  // The health dashboard with every row open, and what changed between the two hostile catalogs.
  { tag: 'patsel-health', attributes: base, ready: '[part~=row]',
    shows: /<img src=x onerror="window\.pwned=1;alert\(1\)">Evil/,
    use: async (element) => {
      for (const toggle of await element.locator('[part~=toggle]').all()) await toggle.click();
      await element.getByLabel('Flagged for review only').check();
      await element.getByLabel('Flagged for review only').uncheck();
    } },
  { tag: 'patsel-changes', attributes: { ...base, 'since-catalog': framework.catalog, 'since-label': '<b>release</b>' }, ready: '[part~=group]',
    shows: /Since <b>release<\/b>.*<img src=x onerror="window\.pwned=1;alert\(1\)">Evil is part of/s },
];

// Tags the elements never make themselves: one in the shadow tree came from catalog text.
const FOREIGN = ['img', 'script', 'iframe', 'object', 'embed', 'style', 'marquee', 'b', 'i', 'u', 'foreignobject', 'frame', 'base', 'meta', 'link'];

/** What an element's shadow tree holds that matters for injection. */
function shadowFacts(page, tag) {
  return page.evaluate(([name, foreign]) => {
    const root = document.querySelector(name).shadowRoot;
    const all = [...root.querySelectorAll('*')];
    return {
      text: root.textContent,
      foreign: all.map((e) => e.localName.toLowerCase()).filter((n) => foreign.includes(n)),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || ['autofocus', 'srcdoc', 'formaction'].includes(a.name))
        .map((a) => `${e.localName}[${a.name}]`)),
      links: all.filter((e) => e.hasAttribute('href') || e.hasAttribute('src') || e.hasAttribute('xlink:href'))
        .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('xlink:href')),
    };
  }, [tag, FOREIGN]);
}

/** Asserts that links are http(s) or relative, and stay below `prefix`. */
function assertSafeLinks(links, prefix, origin) {
  for (const href of links) {
    const url = new URL(href, origin);
    assert.ok(['http:', 'https:'].includes(url.protocol), `${href}: ${url.protocol}`);
    assert.ok(href.startsWith(prefix), `${href} starts with ${prefix}`);
    assert.ok(url.origin === new URL(origin).origin && url.pathname.startsWith(prefix), `${href} stays below ${prefix} (${url.href})`);
  }
}

async function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  return dialogs;
}

for (const { tag, attributes, query = '', ready, shows, use } of CASES) {
  const what = attributes.pattern ?? attributes.family ?? attributes.tree ?? attributes.patterns ?? '';
  test(`<${tag}${what ? ` ${JSON.stringify(what)}` : ''}${attributes.depth ? ` depth ${attributes.depth}` : ''}>: hostile catalog text and ids stay inert`, async () => {
    let dialogs;
    const setup = async (page) => { dialogs = await watchDialogs(page); };
    const { page, problems, element } = await host.open(tag, attributes, ready, { query, setup });
    try {
      await element.locator(ready).first().waitFor();
      await use?.(element, page);
      // Point at and focus every link and button, as a user would.
      for (const control of await element.locator('a, button:not([disabled]), [tabindex]').all()) {
        if (!(await control.isVisible())) continue;
        await control.hover({ force: true, timeout: 2000 });
        await control.focus({ timeout: 2000 });
      }
      const facts = await shadowFacts(page, tag);
      assert.match(facts.text, shows, 'the catalog text is shown as text');
      assert.deepEqual(facts.foreign, [], 'no element made from catalog text');
      assert.deepEqual(facts.handlers, [], 'no event-handler attribute');
      assertSafeLinks(facts.links, attributes['base-url'], host.url);
      assert.deepEqual(dialogs, [], 'no dialog opened');
      assert.equal(await page.evaluate(() => window.pwned), undefined, 'no script ran');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
}

test('hostile ids become one escaped path segment: javascript:, //host and quotes are not URLs, ".." is not linked', async () => {
  const { page, element } = await host.open('patsel-related', { ...base, pattern: 'evil' }, '[part~=node]');
  const href = (id) => element.locator(`[part~=node][data-pattern="${id.replace(/["\\]/g, '\\$&')}"]`).getAttribute('href');
  assert.equal(await href('javascript:alert(7)'), '/p/javascript%3Aalert(7)/');
  assert.equal(await href('//evil.example/x'), '/p/%2F%2Fevil.example%2Fx/');
  assert.equal(await href('" onmouseover="alert(12)'), '/p/%22%20onmouseover%3D%22alert(12)/');
  assert.equal(await href('..'), null, 'no link up out of base-url');
  assert.equal(await element.locator('[part~=node][data-pattern=".."]').getAttribute('role'), 'button');
  await page.close();
});

test('a base-url that is a javascript: URL gives no links at all, in every element', async () => {
  let dialogs;
  const setup = async (page) => { dialogs = await watchDialogs(page); };
  const evil = { catalog, 'base-url': 'javascript:window.pwned=99;alert(99)//' };
  const { page, problems } = await host.open('patsel-related', { ...evil, pattern: 'evil' }, '[part~=node]', { setup });
  try {
    const placed = [
      ['patsel-card', { ...evil, pattern: 'evil' }, '[part~=banner][data-tier]'],
      ['patsel-timeline', { ...evil, family: 'hostile-family' }, '[part~=step]'],
      ['patsel-compare', { ...evil, patterns: 'evil,good' }, 'table'],
      ['patsel-stack', { ...evil, patterns: 'evil,javascript:alert(7)' }, '[part~=report]'],
      ['patsel-tree', { ...evil, tree: 'hostile-tree', tiers: 'gold silver bronze', 'url-key': '' }, '[part~=question]'],
      ['patsel-explorer', { ...evil, 'url-key': '' }, '[part=card]'],
      ['patsel-recommender', { ...evil, 'url-key': '' }, '[part~=form]'],
    ];
    for (const [tag, attributes, ready] of placed) await addToHost(page, tag, attributes, ready);
    const tree = page.locator('patsel-tree');
    await tree.locator('[part~=option][data-answer=b]').click();
    await tree.locator('[part~=pick]').first().waitFor();
    // A node without a link is a button; Enter on it moves nowhere.
    await page.locator('patsel-related [part~=node]').nth(1).focus();
    await page.keyboard.press('Enter');
    await page.locator('patsel-card [part~=toggle][data-section=legacy]').click();
    await page.locator('patsel-card [part~=alternatives] li').first().click();
    for (const tag of ['patsel-related', ...placed.map(([name]) => name)]) {
      const { links, handlers } = await shadowFacts(page, tag);
      assert.deepEqual(links, [], `${tag}: no href`);
      assert.deepEqual(handlers, [], tag);
    }
    assert.deepEqual(dialogs, []);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.equal(new URL(page.url()).protocol, 'http:', 'still on the page');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});
