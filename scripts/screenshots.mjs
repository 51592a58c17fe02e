// Screenshots of every element, as the demo shows it, and of the demo's home
// and a pattern view, at desktop (1280 px) and phone (360 px) widths, in
// light and dark, for a person to look at; and pattern pages of the example
// MkDocs Material site (built with the hook, scripts/mkdocs-example.mjs) at
// 1280 x 900 and 360 x 740 in Material's light and dark schemes: the top of
// the page, the banner with every panel open, and the related patterns after
// the article.
// Headless Chromium (Debian's) via playwright-core; the sites are served locally.
// Usage: node scripts/screenshots.mjs [--dist dist] [--out build/screenshots] [--only card-gold,stack,mkdocs-bronze]
//        (--only related also takes the states named related-..., such as related-all)
//        [--query '?stack=patterns.two-phase-commit.microservices'] (the elements' URL state: a scenario filled in)
// Writes <out>/<element>-<width>-<scheme>.png and
// <out>/mkdocs-<tier>[-banner|-related]-<width>-<scheme>.png (build/ is not committed).

import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { buildMkdocsExample } from './mkdocs-example.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dist = path.resolve(option('--dist', process.env.PATSEL_DIST ?? path.join(root, 'dist')));
const out = path.resolve(option('--out', path.join(root, 'build', 'screenshots')));
const only = option('--only', '')?.split(',').filter(Boolean);
const query = option('--query', '');

// Each shot: the demo route it is on, what to capture there, and what shows
// it is ready. `body` captures the whole page.
const SHOTS = [
  ['card-gold', '#/pattern/circuit-breaker/', 'patsel-card', '[part~=banner][data-tier]'],
  ['card-silver', '#/pattern/cqrs/', 'patsel-card', '[part~=banner][data-tier]'],
  ['card-bronze', '#/pattern/two-phase-commit/', 'patsel-card', '[part~=banner][data-tier]'],
  ['explorer', '#/search', 'patsel-explorer', '[part=card]'],
  ['tree', '#/tree/distributed-transactions/', 'patsel-tree', '[part~=question], [part~=result], [part~=picker]'],
  ['recommender', '#/recommend', 'patsel-recommender', 'form, fieldset'],
  ['related', '#/pattern/saga/', 'patsel-related', '[part~=graph], [part~=list]'],
  ['timeline', '#/timeline/distributed-transactions/', 'patsel-timeline', 'li[part~=step]'],
  ['compare', '#/compare', 'patsel-compare', 'table, [part~=row-block]'],
  ['stack', '#/stack', 'patsel-stack', '[part~=report] section'],
  ['learning-path', '#/paths', 'patsel-learning-path', '[part~=item]'],
  ['problem-matrix', '#/problems', 'patsel-problem-matrix', '[part~=problem]'],
  ['quick-reference', '#/cards', 'patsel-quick-reference', '[part~=card]'],
  ['compositions', '#/compositions', 'patsel-compositions', '[part~=conflict]'],
  ['health', '#/health', 'patsel-health', '[part~=row]'],
  ['changes', '#/changes', 'patsel-changes', '[part~=group], [part~=error]'],
  ['demo-home', '#/', 'body', '.tile[data-way=trees] li a'],
  ['demo-pattern', '#/pattern/circuit-breaker/', 'body', 'patsel-timeline li[part~=step]'],
];
// Further states worth a look, each on a fresh page: [name, route, selector, ready, act(element, page)].
const column = (element) => element.evaluate((e) => { e.style.maxWidth = '688px'; });  // Material's content column
const STATES = [
  ['related-all', '#/pattern/saga/', 'patsel-related', '[part~=graph], [part~=list]', async (e) => {
    await e.evaluate((element) => element.setAttribute('depth', '2'));  // the pattern view shows depth 1
    await e.locator('[part~=show-all]').click();
  }],
  ['related-688', '#/pattern/saga/', 'patsel-related', '[part~=graph], [part~=list]', column],
  ['tree-picker', '#/tree/distributed-transactions/', 'patsel-tree', '[part~=question]', (e) => e.locator('[part~=choose-tree]').click()],
  ['explorer-2pc', '#/search', 'patsel-explorer', '[part=card]', async (e) => {
    await e.locator('[part~=search]').fill('2pc');
    await e.locator('[part~=other-tiers] [part~=card], [part~=message] p').first().waitFor();
  }],
  ['health-open', '#/health', 'patsel-health', '[part~=row]', async (e) => {
    await e.locator('[part~=toggle]').first().click();
    await e.locator('[part~=signal]').first().waitFor();
  }],
  ['changes-date', '?changes=since.2018#/changes', 'patsel-changes', '[part~=group]', () => {}],
  ['explorer-688', '#/search', 'patsel-explorer', '[part=card]', column],
  ['explorer-filters', '#/search', 'patsel-explorer', '[part=card]', async (e) => {
    await column(e);
    await e.getByRole('button', { name: 'Filters', exact: true }).click();
  }],
];
const WIDTHS = [1280, 360];
const SCHEMES = ['light', 'dark'];
// Pattern pages of the example MkDocs site, and the viewport of each width.
const MKDOCS_SHOTS = [['mkdocs-gold', 'patterns/circuit-breaker/'], ['mkdocs-silver', 'patterns/cqrs/'], ['mkdocs-bronze', 'patterns/two-phase-commit/']];
const MKDOCS_VIEWPORTS = [[1280, 900], [360, 740]];

const server = await startServer({ root: path.join(dist, 'demo') });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
if (!only.length) await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const failures = [];
let written = 0;
try {
  const wantedShot = (name) => !only.length || only.some((o) => name === o || name.startsWith(`${o}-`));
  const demoShots = [...SHOTS, ...STATES].filter(([name]) => wantedShot(name));
  for (const width of demoShots.length ? WIDTHS : []) {
    for (const scheme of SCHEMES) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
      const problems = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      for (const [name, route, selector, ready] of SHOTS) {
        if (only.length && !only.includes(name)) continue;
        const file = path.join(out, `${name}-${width}-${scheme}.png`);
        try {
          await page.goto('about:blank');  // a fresh page: no element of the previous shot lingers
          await page.goto(`${server.url}${query}${route}`);
          const element = page.locator(selector).first();
          await element.locator(ready).first().waitFor({ state: 'attached', timeout: 15000 });
          await element.scrollIntoViewIfNeeded();
          await page.waitForTimeout(150);  // layout and fonts settle
          await element.screenshot({ path: file, animations: 'disabled' });
          written++;
        } catch (error) {
          failures.push(`${name} at ${width} px ${scheme}: ${error.message.split('\n')[0]}`);
        }
      }
      for (const [name, route, selector, ready, act] of STATES) {
        if (!wantedShot(name)) continue;
        const file = path.join(out, `${name}-${width}-${scheme}.png`);
        try {
          await page.goto('about:blank');
          await page.goto(`${server.url}${query}${route}`);
          const element = page.locator(selector).first();
          await element.locator(ready).first().waitFor({ state: 'attached', timeout: 15000 });
          await element.scrollIntoViewIfNeeded();
          await act(element, page);
          await page.waitForTimeout(300);
          await element.screenshot({ path: file, animations: 'disabled' });
          written++;
        } catch (error) {
          failures.push(`${name} at ${width} px ${scheme}: ${error.message.split('\n')[0]}`);
        }
      }
      if (problems.length) failures.push(`console at ${width} px ${scheme}: ${problems.join(' | ')}`);
      await page.close();
    }
  }
  const wanted = MKDOCS_SHOTS.filter(([name]) => !only.length || only.includes(name));
  if (wanted.length) {
    const { site } = await buildMkdocsExample({ dist, out: path.join(root, 'build', 'mkdocs-example') });
    const mkdocs = await startServer({ root: site });
    try {
      for (const [width, height] of MKDOCS_VIEWPORTS) {
        for (const scheme of SCHEMES) {
          for (const [name, pathname] of wanted) {
            // A fresh page: Material picks its scheme from the system's at first.
            const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1 });
            const problems = [];
            page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
            page.on('pageerror', (e) => problems.push(e.message));
            try {
              await page.goto(new URL(pathname, mkdocs.url).href);
              await page.locator('patsel-card [part~=banner][data-tier]').waitFor({ timeout: 15000 });
              await page.locator('patsel-related [part~=graph], patsel-related [part~=list]').first().waitFor({ state: 'attached', timeout: 15000 });
              await page.waitForTimeout(300);
              await page.screenshot({ path: path.join(out, `${name}-${width}-${scheme}.png`), animations: 'disabled' });
              for (const toggle of await page.locator('patsel-card [part~=toggle]').all()) await toggle.click();
              await page.locator('patsel-card').screenshot({ path: path.join(out, `${name}-banner-${width}-${scheme}.png`), animations: 'disabled' });
              const related = page.locator('patsel-related');
              await related.scrollIntoViewIfNeeded();
              await related.screenshot({ path: path.join(out, `${name}-related-${width}-${scheme}.png`), animations: 'disabled' });
              written += 3;
            } catch (error) {
              failures.push(`${name} at ${width} px ${scheme}: ${error.message.split('\n')[0]}`);
            }
            if (problems.length) failures.push(`console on ${name} at ${width} px ${scheme}: ${problems.join(' | ')}`);
            await page.close();
          }
        }
      }
    } finally {
      await mkdocs.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${written} screenshots in ${path.relative(process.cwd(), out) || '.'}/`);
if (failures.length) {
  console.error(failures.join('\n'));
  process.exitCode = 1;
}
