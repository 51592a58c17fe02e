// Where the elements' pattern links go, and the host's hook on them: a
// base-url that is a path or a hash prefix ("#/pattern/"), a site's map of
// its own pattern pages (setPatternPages: mapped ids link to their page,
// the others are text), and `patsel-navigate` before a link is followed
// (cancelable; not for a click with a modifier key).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostedElements } from './support.mjs';

const host = hostedElements();

const hrefs = (element) => element.evaluate((el) => [...el.shadowRoot.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')));

test('a hash prefix as base-url: links stay in the page, and the host hears of each one', async () => {
  const { page, problems, element } = await host.open('patsel-related', { pattern: 'saga', view: 'list', 'base-url': '#/pattern/' }, '[part~=list] a');
  const links = await hrefs(element);
  assert.ok(links.length > 3 && links.every((h) => /^#\/pattern\/[a-z0-9-]+\/$/.test(h)), links.join(' '));
  await page.evaluate(() => {
    window.heard = [];
    document.addEventListener('patsel-navigate', (event) => window.heard.push(event.detail));
    window.loadedAt = performance.timeOrigin;
  });
  const link = element.locator('[part~=list] a[data-pattern=outbox]');
  await link.click();
  assert.equal(await page.evaluate(() => location.hash), '#/pattern/outbox/');
  assert.deepEqual(await page.evaluate(() => window.heard), [{ href: new URL('#/pattern/outbox/', page.url()).href, pattern: 'outbox' }]);
  assert.equal(await page.evaluate(() => window.loadedAt === performance.timeOrigin), true, 'no page load');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a host that cancels patsel-navigate navigates its own way; a click with a modifier key is left to the browser', async () => {
  const { page, problems, element } = await host.open('patsel-card', { pattern: 'cqrs', 'base-url': '/somewhere/' }, '[part~=facts] a');
  await page.evaluate(() => {
    window.routed = [];
    document.addEventListener('patsel-navigate', (event) => {
      event.preventDefault();
      window.routed.push(event.detail.href);
    });
  });
  const before = page.url();
  await element.locator('[part~=facts] a').first().click();
  const first = (await hrefs(element)).find((h) => h.startsWith('/somewhere/'));
  assert.deepEqual(await page.evaluate(() => window.routed), [new URL(first, before).href]);
  assert.equal(page.url(), before, 'the host routed; the browser did not follow');
  // Ctrl-click (a new tab) is not announced.
  const popup = page.context().waitForEvent('page', { timeout: 3000 }).catch(() => null);
  await element.locator('[part~=facts] a').first().click({ modifiers: ['Control'] });
  await (await popup)?.close();
  assert.equal((await page.evaluate(() => window.routed)).length, 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a site's map of its pattern pages: mapped patterns link to their page, the others are text, in every element", async () => {
  const { page, problems, element: card } = await host.open('patsel-card', { pattern: 'two-phase-commit', 'base-url': '/ignored/' }, '[part~=banner][data-tier]', {
    setup: (p) => p.evaluate(async () => {
      const { setPatternPages } = await import('/elements/links.js');
      // This site has pages for saga and two-phase commit only, in places of its own.
      setPatternPages({ saga: 'reference/saga.html', 'two-phase-commit': '/2pc/' }, { base: 'https://docs.example/guide/' });
    }),
  });
  const { addToHost } = await import('./support.mjs');
  const related = await addToHost(page, 'patsel-related', { pattern: 'saga', view: 'list', 'base-url': '/ignored/' }, '[part~=list] li');
  for (const toggle of await card.locator('[part~=toggle]').all()) await toggle.click();
  const mapped = ['https://docs.example/guide/reference/saga.html', 'https://docs.example/2pc/'];
  for (const [name, element] of [['card', card], ['related', related]]) {
    const links = await hrefs(element);
    assert.ok(links.length > 0, name);
    assert.ok(links.every((h) => mapped.includes(h)), `${name}: ${links.join(' ')}`);
  }
  // The card's "Use instead": saga is linked, outbox and consensus (no page here) are text.
  assert.deepEqual(await card.locator('[part~=facts] a').allTextContents(), ['Saga (gold)']);
  assert.match(await card.locator('[part~=facts]').textContent(), /Transactional Outbox \(gold\), Consensus \(gold\)/);
  assert.equal(await related.locator('[part~=item]', { hasText: 'Transactional Outbox' }).locator('a').count(), 0);
  assert.equal(await related.locator('[part~=item]', { hasText: 'Two-Phase Commit' }).locator('a').getAttribute('href'), 'https://docs.example/2pc/');
  assert.deepEqual(problems, []);
  await page.close();
});
