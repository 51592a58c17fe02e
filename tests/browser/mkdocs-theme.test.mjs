// The elements on the example MkDocs Material site take Material's palette:
// under every element, in a light and a dark system, Material's palette
// toggle is switched both ways (default -> slate -> default, or the
// reverse), with no reload, and after each switch every text of every
// element is measured against what is behind it (tests/browser/contrast.mjs):
// 4.5:1 or more in all four combinations of system and Material scheme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedMkdocsExample } from './support.mjs';
import { lowContrast } from './contrast.mjs';
import { ELEMENT_TAGS, showEverything } from './element-states.mjs';

const example = servedMkdocsExample('mkdocs-theme');

// Every element, on the page that holds it.
const PAGES = [
  ['patterns/circuit-breaker/', ['patsel-card', 'patsel-related']],
  ['patterns/cqrs/', ['patsel-card', 'patsel-related']],
  ['patterns/two-phase-commit/', ['patsel-card', 'patsel-related']],
  ['explorer/', ['patsel-explorer']],
  ['trees/', ['patsel-tree']],
  ['recommender/', ['patsel-recommender']],
  ['timeline/', ['patsel-timeline']],
  ['compare/', ['patsel-compare']],
  ['stack/?stack=patterns.two-phase-commit.microservices.circuit-breaker', ['patsel-stack']],
  ['problems/', ['patsel-problem-matrix']],
  ['learning-paths/', ['patsel-learning-path']],
  ['quick-reference/', ['patsel-quick-reference']],
  ['compositions/', ['patsel-compositions']],
  ['health/', ['patsel-health']],
  ['changes/', ['patsel-changes']],
];
const ALL = ELEMENT_TAGS.join(', ');

test('every element is on a page of the site', () => {
  assert.deepEqual([...new Set(PAGES.flatMap(([, tags]) => tags))].sort(), [...ELEMENT_TAGS].sort());
});

const scheme = (page) => page.evaluate(() => document.body.getAttribute('data-md-color-scheme'));
const background = (page, tag) => page.locator(tag).first().evaluate((el) => getComputedStyle(el).getPropertyValue('--patsel-background').trim());
const materialBackground = (page) => page.evaluate(() => {
  const c = getComputedStyle(document.body).backgroundColor.match(/\d+/g).slice(0, 3).map(Number);
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
});

// Clicks Material's own palette toggle (the visible label of its palette form).
async function toggle(page) {
  const before = await scheme(page);
  await page.locator('[data-md-component=palette] label:not([hidden])').first().click();
  await page.waitForFunction((old) => document.body.getAttribute('data-md-color-scheme') !== old, before);
}

for (const system of ['light', 'dark']) {
  for (const [pathname, tags] of PAGES) {
    test(`${pathname} in a ${system} system: Material's palette toggle both ways, every text at 4.5:1`, async () => {
      const page = await example.browser.newPage({ colorScheme: system, viewport: { width: 1280, height: 900 } });
      const problems = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(new URL(pathname, example.url).href);
      const first = system === 'dark' ? 'slate' : 'default';
      assert.equal(await scheme(page), first, "Material follows the system at first");
      await showEverything(page);
      await page.evaluate(() => { window.patselMarker = 'no reload'; });
      const seen = [];
      for (const step of [first, first === 'slate' ? 'default' : 'slate', first]) {
        if (seen.length) await toggle(page);
        assert.equal(await scheme(page), step);
        for (const tag of tags)
          assert.equal(await background(page, tag), await materialBackground(page), `${tag} takes Material's ${step} background`);
        assert.deepEqual(await lowContrast(page, ALL), [], `${system} system, Material ${step}`);
        seen.push(step);
      }
      assert.equal(await page.evaluate(() => window.patselMarker), 'no reload');
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
}
