// The MkDocs hook on a site that is not Material: MkDocs' own `mkdocs`
// theme (as Debian ships it), opened in a light and a dark system. (Debian's
// `readthedocs` theme links its jQuery from packages this machine lacks, so
// it is not built here.) The theme is a light-only page, so the elements
// stay light and every text of every element reads at 4.5:1
// (tests/browser/contrast.mjs); the banner comes before the article and the
// related patterns after it; every link inside the widgets goes to a page of
// the site, and, with no instant navigation to hand them to, links are plain
// links (a full page load).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dist, root, launchBrowser, serve, openPage } from './support.mjs';
import { lowContrast } from './contrast.mjs';
import { showEverything } from './element-states.mjs';

const THEMES = ['mkdocs'];
// Pattern pages of these small sites; the catalog's other patterns have none here.
const PATTERNS = ['two-phase-commit', 'saga', 'circuit-breaker', 'cqrs'];

let browser, scratch;
const servers = {};
before(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'patsel-mkdocs-plain-'));
  for (const theme of THEMES) {
    const dir = path.join(scratch, theme);
    await mkdir(path.join(dir, 'docs', 'patterns'), { recursive: true });
    for (const id of PATTERNS) await copyFile(path.join(root, 'data', 'patterns', `${id}.md`), path.join(dir, 'docs', 'patterns', `${id}.md`));
    await writeFile(path.join(dir, 'docs', 'index.md'), '# Handbook\n\nHow we build services.\n');
    await writeFile(path.join(dir, 'docs', 'compare.md'), '# Compare\n\n<!-- patsel compare patterns="saga,two-phase-commit" -->\n');
    await writeFile(path.join(dir, 'mkdocs.yml'), [
      'site_name: A team handbook',
      // highlightjs: false only because the test has no network (the theme loads it from a CDN).
      `theme: { name: ${theme}, highlightjs: false }`,
      `hooks: [${JSON.stringify(path.join(dist, 'mkdocs', 'patsel_hook.py'))}]`,
      'extra: { patsel: {} }',
      '',
    ].join('\n'));
    const built = spawnSync(process.env.MKDOCS ?? 'mkdocs', ['build', '--quiet'], { cwd: dir, encoding: 'utf8' });
    assert.equal(built.status, 0, `${built.stdout}${built.stderr}`);
    servers[theme] = await serve(path.join(dir, 'site'));
  }
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) await server.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const ALL = 'patsel-card, patsel-related, patsel-compare';
const luminance = (page, tag) => page.locator(tag).first().evaluate((el) => {
  const probe = document.createElement('span');
  probe.style.color = getComputedStyle(el).getPropertyValue('--patsel-background');
  document.body.append(probe);
  const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g).map(Number);
  probe.remove();
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
});

for (const theme of THEMES) {
  for (const system of ['light', 'dark']) {
    test(`the ${theme} theme in a ${system} system: light, readable widgets; the article after the banner; plain links to the site's pages`, async () => {
      const server = servers[theme];
      const site = JSON.parse(await readFile(path.join(scratch, theme, 'site', 'patsel', 'site.json'), 'utf8'));
      assert.deepEqual(Object.keys(site.pages).sort(), [...PATTERNS].sort());
      const page = await browser.newPage({ colorScheme: system, viewport: { width: 1280, height: 900 } });
      const problems = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));

      await page.goto(new URL('patterns/two-phase-commit/', server.url).href);
      await page.locator('patsel-card [part~=banner][data-tier=bronze]').waitFor();
      await page.locator('patsel-related [part~=graph], patsel-related [part~=list]').first().waitFor({ state: 'attached' });
      // Banner, article, related patterns: in that order on the page. (These
      // themes print no title of their own, and the catalog's pages start
      // with their front matter, so the banner comes first.)
      const tops = await page.evaluate(() => [document.querySelector('patsel-card'),
        [...document.querySelectorAll('h2')].find((h) => h.textContent.trim() === 'Problem'), document.querySelector('patsel-related')]
        .map((element) => element.getBoundingClientRect().top));
      assert.ok(tops.every((top, i) => i === 0 || top > tops[i - 1]), `in order: ${tops}`);
      await showEverything(page);
      assert.ok(await luminance(page, 'patsel-card') > 0.9, 'a light page keeps light widgets');
      assert.deepEqual(await lowContrast(page, ALL), []);

      // Every link inside the widgets goes to a pattern page of this site.
      const links = await page.evaluate(() => [...document.querySelectorAll('patsel-card, patsel-related')]
        .flatMap((element) => [...element.shadowRoot.querySelectorAll('a[href]')].map((a) => new URL(a.getAttribute('href'), a.baseURI).href)));
      assert.ok(links.length > 3, links.join(' '));
      for (const href of links) assert.ok(Object.values(site.pages).map((p) => new URL(p, server.url).href).includes(href), href);
      // Consensus has no page here: in the banner's "Use instead" it is text.
      await page.locator('patsel-card [part~=facts]', { hasText: 'Consensus' }).waitFor();
      assert.equal(await page.locator('patsel-card [part~=facts] a[data-pattern=consensus]').count(), 0);

      await page.evaluate(() => { window.patselMarker = 'first load'; });
      await page.locator('patsel-card [part~=facts] a[data-pattern=saga]').click();
      await page.waitForURL(new URL('patterns/saga/', server.url).href);
      await page.locator('patsel-card[pattern=saga] [part~=banner][data-tier]').waitFor();
      assert.equal(await page.evaluate(() => window.patselMarker), undefined, 'a plain link: a full page load');

      // A page placed by a marker, and a page that is not a pattern.
      await page.goto(new URL('compare/', server.url).href);
      await page.locator('patsel-compare table').waitFor();
      await showEverything(page);
      assert.deepEqual(await lowContrast(page, ALL), []);
      await page.goto(server.url);
      await page.locator('h1').first().waitFor();
      assert.equal(await page.evaluate(() => [...document.querySelectorAll('*')].some((e) => e.localName.startsWith('patsel-'))), false);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
}
