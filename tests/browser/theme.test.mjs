// The elements' colours on pages that are not Material for MkDocs: every
// text of every element measured (tests/browser/contrast.mjs) at 4.5:1 or
// more on a page that follows the system's scheme, in light and in dark; a
// light-only page in a dark system; the `theme` attribute; a site's own
// dark-mode switch followed live. (Material pages: mkdocs-theme.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedBrowser } from './support.mjs';
import { lowContrast } from './contrast.mjs';
import { ELEMENT_TAGS, showEverything } from './element-states.mjs';

const served = servedBrowser();

const ALL = ELEMENT_TAGS.join(', ');

async function open(pathname, colorScheme) {
  const page = await served.browser.newPage({ colorScheme, viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${served.url}${pathname}`);
  return { page, problems };
}

const token = (page, tag, name) => page.locator(tag).first().evaluate((el, n) => getComputedStyle(el).getPropertyValue(n).trim(), name);

for (const scheme of ['light', 'dark']) {
  test(`a plain page that follows the system, ${scheme}: every text of every element reads at 4.5:1`, async () => {
    const { page, problems } = await open('pages/plain-host.html', scheme);
    await showEverything(page);
    for (const tag of ELEMENT_TAGS) assert.ok(await page.locator(tag).count(), tag);
    assert.equal(await token(page, 'patsel-card', '--patsel-background'), scheme === 'dark' ? '#121212' : '#ffffff', "the page's canvas");
    assert.deepEqual(await lowContrast(page, ALL), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('a light-only page in a dark system: the elements stay light and readable', async () => {
  const { page, problems } = await open('pages/element-host.html', 'dark');
  await page.evaluate(() => {
    document.getElementById('host').innerHTML = '<patsel-card pattern="two-phase-commit"></patsel-card><patsel-compare patterns="saga,outbox" url-key=""></patsel-compare>';
  });
  await showEverything(page);
  assert.equal(await token(page, 'patsel-card', '--patsel-background'), '#ffffff');
  assert.deepEqual(await lowContrast(page, ALL), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('theme="dark" forces the dark palette, with no reload; on a white page the measure catches its light text', async () => {
  const { page, problems } = await open('pages/element-host.html', 'light');
  await page.evaluate(() => {
    document.getElementById('host').innerHTML = '<patsel-related pattern="saga" view="list"></patsel-related>';
    window.loads = 0;
    document.addEventListener('patsel-related-load', () => window.loads++);
  });
  const related = page.locator('patsel-related');
  await related.locator('[part~=list] a').first().waitFor();
  const loads = await page.evaluate(() => window.loads);
  assert.deepEqual(await lowContrast(page, 'patsel-related'), []);
  await related.evaluate((el) => el.setAttribute('theme', 'dark'));
  assert.equal(await related.evaluate((el) => el.theme), 'dark');
  assert.equal(await token(page, 'patsel-related', '--patsel-background'), '#121212');
  assert.equal(await related.evaluate((el) => getComputedStyle(el).colorScheme), 'dark');
  // Forced dark on a white page is the host's mistake, and it shows: the measure can fail.
  const low = await lowContrast(page, 'patsel-related');
  assert.ok(low.some((line) => line.includes('"Saga requires"')), low.join('\n'));
  await page.evaluate(() => { document.body.style.background = '#121212'; });
  assert.deepEqual(await lowContrast(page, 'patsel-related'), [], 'on a dark page it reads');
  await related.evaluate((el) => { el.theme = 'light'; });
  await page.evaluate(() => { document.body.style.background = ''; });
  assert.equal(await token(page, 'patsel-related', '--patsel-background'), '#ffffff');
  assert.deepEqual(await lowContrast(page, 'patsel-related'), []);
  assert.equal(await page.evaluate(() => window.loads), loads, 'the theme only restyles');
  assert.deepEqual(problems, []);
  await page.close();
});

test("a site's own dark-mode switch (a class on <html>) is followed live", async () => {
  const { page, problems } = await open('pages/element-host.html', 'light');
  await page.addStyleTag({ content: 'html.night { background: #1a1b26; color: #e0e0e0; }' });
  await page.evaluate(() => { document.getElementById('host').innerHTML = '<patsel-card pattern="cqrs"></patsel-card>'; });
  await page.locator('patsel-card [part~=banner][data-tier]').waitFor();
  assert.equal(await token(page, 'patsel-card', '--patsel-background'), '#ffffff');
  await page.evaluate(() => document.documentElement.classList.add('night'));
  await page.waitForFunction(() => getComputedStyle(document.querySelector('patsel-card')).getPropertyValue('--patsel-background').trim() === '#1a1b26');
  assert.deepEqual(await lowContrast(page, 'patsel-card'), []);
  await page.evaluate(() => document.documentElement.classList.remove('night'));
  await page.waitForFunction(() => getComputedStyle(document.querySelector('patsel-card')).getPropertyValue('--patsel-background').trim() === '#ffffff');
  assert.deepEqual(await lowContrast(page, 'patsel-card'), []);
  assert.deepEqual(problems, []);
  await page.close();
});
