// Screenshots of every element of the demo page, at desktop (1280 px) and
// phone (360 px) widths, in light and dark, for a person to look at.
// Headless Chromium (Debian's) via playwright-core; the demo is served locally.
// Usage: node scripts/screenshots.mjs [--dist dist] [--out build/screenshots] [--only card-gold,stack]
// (--only related also takes the states named related-..., such as related-all)
// Writes <out>/<element>-<width>-<scheme>.png (build/ is not committed).

import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dist = path.resolve(option('--dist', process.env.PATSEL_DIST ?? path.join(root, 'dist')));
const out = path.resolve(option('--out', path.join(root, 'build', 'screenshots')));
const only = option('--only', '')?.split(',').filter(Boolean);

// Each element: where it is on the demo page, and what shows it is ready.
const SHOTS = [
  ['card-gold', 'patsel-card[pattern=circuit-breaker]', '[part~=banner][data-tier]'],
  ['card-silver', 'patsel-card[pattern=cqrs]', '[part~=banner][data-tier]'],
  ['card-bronze', 'patsel-card[pattern=two-phase-commit]', '[part~=banner][data-tier]'],
  ['explorer', 'patsel-explorer', '[part=card]'],
  ['tree', 'patsel-tree', '[part~=question], [part~=result], [part~=picker]'],
  ['recommender', 'patsel-recommender', 'form, fieldset'],
  ['related', 'patsel-related', '[part~=graph], [part~=list]'],
  ['timeline', 'patsel-timeline', 'li[part~=step]'],
  ['compare', 'patsel-compare', 'table'],
  ['stack', 'patsel-stack', '[part~=report] section'],
];
// Further states worth a look, each on a fresh page: [name, selector, ready, act(element, page)].
const column = (element) => element.evaluate((e) => { e.style.maxWidth = '688px'; });  // Material's content column
const STATES = [
  ['related-all', 'patsel-related', '[part~=graph], [part~=list]', (e) => e.locator('[part~=show-all]').click()],
  ['related-688', 'patsel-related', '[part~=graph], [part~=list]', column],
  ['tree-picker', 'patsel-tree', '[part~=question]', (e) => e.locator('[part~=choose-tree]').click()],
  ['explorer-2pc', 'patsel-explorer', '[part=card]', async (e) => {
    await e.locator('[part~=search]').fill('2pc');
    await e.locator('[part~=other-tiers] [part~=card], [part~=message] p').first().waitFor();
  }],
  ['explorer-688', 'patsel-explorer', '[part=card]', column],
  ['explorer-filters', 'patsel-explorer', '[part=card]', async (e) => {
    await column(e);
    await e.getByRole('button', { name: 'Filters', exact: true }).click();
  }],
];
const WIDTHS = [1280, 360];
const SCHEMES = ['light', 'dark'];

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
  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
      const problems = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(server.url);
      for (const [name, selector, ready] of SHOTS) {
        if (only.length && !only.includes(name)) continue;
        const file = path.join(out, `${name}-${width}-${scheme}.png`);
        try {
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
      for (const [name, selector, ready, act] of STATES) {
        if (only.length && !only.some((o) => name === o || name.startsWith(`${o}-`))) continue;
        const file = path.join(out, `${name}-${width}-${scheme}.png`);
        try {
          await page.goto(server.url);
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
} finally {
  await browser.close();
  await server.close();
}
console.log(`${written} screenshots in ${path.relative(process.cwd(), out) || '.'}/`);
if (failures.length) {
  console.error(failures.join('\n'));
  process.exitCode = 1;
}
