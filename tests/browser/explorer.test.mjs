// The demo's <patsel-explorer>: tier checkboxes change the visible patterns
// and their count to what the catalog says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, launchBrowser, serve, openPage } from './support.mjs';

let browser, server;
before(async () => {
  browser = await launchBrowser();
  server = await serve(path.join(dist, 'demo'));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// The expected numbers come from the catalog file itself, not from the engine.
const catalog = JSON.parse(await readFile(path.join(dist, 'demo', 'patsel', 'catalog.json'), 'utf8'));
const countOf = (...tiers) => catalog.patterns.filter((p) => tiers.includes(p.tier)).length;
const label = (n) => `${n} ${n === 1 ? 'pattern' : 'patterns'}`;

async function state(page) {
  return page.evaluate(() => {
    const root = document.querySelector('patsel-explorer').shadowRoot;
    return {
      count: root.querySelector('[part=count]').textContent,
      cards: root.querySelectorAll('[part=card]').length,
      badges: [...new Set([...root.querySelectorAll('[data-tier]')].map((b) => b.dataset.tier))].sort(),
    };
  });
}

test('tier checkboxes show the right patterns and count', async () => {
  assert.ok(countOf('gold') > 0 && countOf('silver') > 0 && countOf('bronze') > 0, 'the catalog has every tier');
  const { page, problems } = await openPage(browser, server.url);
  const explorer = page.locator('patsel-explorer');
  const count = explorer.locator('[part=count]');
  const box = (tier) => explorer.locator(`input[value=${tier}]`);

  // Gold only, as seed 001 prescribes.
  await assert.doesNotReject(count.filter({ hasText: label(countOf('gold')) }).waitFor());
  assert.equal(await box('gold').isChecked(), true);
  assert.equal(await box('silver').isChecked(), false);
  assert.equal(await box('bronze').isChecked(), false);
  assert.deepEqual(await state(page), { count: label(countOf('gold')), cards: countOf('gold'), badges: ['gold'] });

  await box('silver').check();
  assert.deepEqual(await state(page), {
    count: label(countOf('gold', 'silver')),
    cards: countOf('gold', 'silver'),
    badges: ['gold', 'silver'],
  });

  await box('gold').uncheck();
  await box('bronze').check();
  assert.deepEqual(await state(page), {
    count: label(countOf('silver', 'bronze')),
    cards: countOf('silver', 'bronze'),
    badges: ['bronze', 'silver'],
  });

  await box('silver').uncheck();
  await box('bronze').uncheck();
  assert.deepEqual(await state(page), { count: label(0), cards: 0, badges: [] });

  assert.deepEqual(problems, []);
  await page.close();
});

test('a catalog that fails to load shows an error with a retry, not a blank box', async () => {
  const { page } = await openPage(browser, server.url);
  await page.evaluate(() => {
    const element = document.createElement('patsel-explorer');
    element.id = 'broken';
    element.setAttribute('catalog', '/does-not-exist.json');
    document.body.append(element);
  });
  const alert = page.locator('#broken [part=error]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be loaded.*catalog\.fetch_failed/s);
  assert.equal(await page.locator('#broken button', { hasText: 'Retry' }).count(), 1);
  await page.close();
});
