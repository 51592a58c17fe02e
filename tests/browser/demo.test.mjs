// The demo as a site (dist/demo/, served): the reader's scenarios of
// demo-scenarios.mjs, links written before the demo had routes, a strict
// Content-Security-Policy, and accessibility of the home and a pattern view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { dist, layoutShiftOf, openPage, serve, servedBrowser } from './support.mjs';
import { seriousViolations } from './axe.mjs';
import { catalog, demoScenarios, viewTitle } from './demo-scenarios.mjs';

const served = servedBrowser(path.join(dist, 'demo'), {});

demoScenarios('served demo', async (route) => {
  const { page, problems } = await openPage(served.browser, `${served.url}${route}`);
  return { page, problems, close: () => page.close() };
});

test('a link from before the demo had routes opens the view of its element', async () => {
  for (const [query, title] of [
    ['?explorer=q.saga', 'Search the catalog'],
    ['?compare=patterns.saga.outbox', 'Compare patterns side by side'],
    ['?related=pattern.outbox', catalog.patterns.find((p) => p.id === 'outbox').title],
  ]) {
    const { page, problems } = await openPage(served.browser, `${served.url}${query}`);
    assert.equal(await viewTitle(page), title, query);
    assert.ok(new URL(page.url()).search === query, 'the element state is kept');
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('nothing jumps while a view loads (the footer stays below the screen), on a phone and a desktop', async () => {
  for (const [width, height] of [[360, 740], [1280, 800]]) {
    for (const route of ['', '#/search', '#/pattern/saga/', '#/problems']) {
      const shift = await layoutShiftOf(served.browser, `${served.url}${route}`, { width, height, scope: 'main' });
      assert.ok(shift < 0.05, `"${route}" at ${width} px: layout shift ${shift.toFixed(3)}`);
    }
  }
});

test('Back returns to where the reader left a view, also when a link is followed in the frame that scrolled (no scroll event yet)', async () => {
  const { page, problems } = await openPage(served.browser, `${served.url}#/pattern/saga/`);
  await viewTitle(page);
  await page.locator('patsel-related a[part~=node]').first().waitFor();  // the view drawn in full
  const left = await page.evaluate(() => {
    const y = Math.min(1200, document.documentElement.scrollHeight - innerHeight - 1);
    scrollTo(0, y);
    document.querySelector('main#view nav.crumbs a[href="#/search"]').click();
    return y;
  });
  assert.ok(left > 300, `a place worth keeping: ${left}`);
  assert.equal(await viewTitle(page), 'Search the catalog');
  await page.goBack();
  assert.equal(await viewTitle(page), catalog.patterns.find((p) => p.id === 'saga').title);
  await page.waitForFunction((y) => Math.abs(scrollY - y) <= 2, left, { timeout: 8000 });
  assert.deepEqual(problems, []);
  await page.close();
});

test('an unknown route, pattern or tree says so and links back home', async () => {
  const { page } = await openPage(served.browser, `${served.url}#/nowhere`);
  for (const route of ['#/nowhere', '#/pattern/no-such-pattern/', '#/tree/no-such-tree/', '#/timeline/no-such-family/']) {
    await page.evaluate((hash) => { location.hash = hash; }, route);
    assert.equal(await viewTitle(page), 'Not found', route);
    assert.equal(await page.locator('main#view .not-found a[href="#/"]').count(), 1);
  }
  await page.close();
});

test("the demo under a strict CSP (script-src 'self' 'wasm-unsafe-eval', no inline script or style)", async () => {
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";
  const strict = await serve(path.join(dist, 'demo'), { headers: () => ({ 'content-security-policy': policy }) });
  const page = await served.browser.newPage();
  try {
    const violations = [];
    await page.exposeFunction('reportViolation', (v) => violations.push(v));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
    await page.goto(`${strict.url}`);
    await page.locator('.tile[data-way=trees] li a').first().waitFor();
    await page.goto(`${strict.url}#/pattern/circuit-breaker/`);
    await page.locator('patsel-card [part~=banner][data-tier]').waitFor();
    await page.locator('patsel-timeline [part~=step]').first().waitFor();
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).marginTop), '0px', 'the demo stylesheet applies');
    assert.deepEqual(violations, []);
  } finally {
    await page.close();
    await strict.close();
  }
});

test('no serious accessibility violations (axe) on the home and a pattern view, and no horizontal scroll, at 1280 and 360 px', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    for (const [route, ready] of [['', '.tile[data-way=trees] li a'], ['#/pattern/two-phase-commit/', 'patsel-timeline [part~=step]']]) {
      const page = await served.browser.newPage({ viewport });
      await page.goto(`${served.url}${route}`);
      await page.locator(ready).first().waitFor();
      assert.deepEqual(await seriousViolations(page), [], `${route || 'home'} at ${viewport.width} px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no horizontal scroll on ${route || 'home'} at ${viewport.width} px (${overflow})`);
      await page.close();
    }
  }
});
