// Shared set-up of the browser tests: Debian's Chromium driven by
// playwright-core (no downloaded browser), pages served from dist/ by the
// project's own static server, console errors collected.
import { before, after } from 'node:test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { buildMkdocsExample } from '../../scripts/mkdocs-example.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// PATSEL_DIST lets a developer test another assembled copy (scripts/assemble.mjs --out).
export const dist = process.env.PATSEL_DIST ? path.resolve(process.env.PATSEL_DIST) : path.join(root, 'dist');
// The native CLI, for tests that cut a catalog (patsel search-catalog).
export const patsel = process.env.PATSEL_BIN ?? path.join(root, 'build', 'native', 'patsel');

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

// More flags for a benchmark's experiment, e.g.
// PATSEL_CHROMIUM_FLAGS=--js-flags=--single-threaded (one flag per space).
const extraFlags = (process.env.PATSEL_CHROMIUM_FLAGS ?? '').split(' ').filter(Boolean);

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS, ...extraFlags],
  });
}

export function serve(directory, options = {}) {
  return startServer({ root: directory, ...options });
}

/**
 * A new page that records console errors and uncaught exceptions;
 * `setup(page)` runs before it navigates (to record its requests, say).
 */
export async function openPage(browser, url, { setup } = {}) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await setup?.(page);
  await page.goto(url);
  return { page, problems };
}

/** What element tests serve beside dist/: their pages and the fixture catalogs. */
export const testRoutes = {
  '/pages/': path.join(root, 'tests', 'browser', 'pages'),
  '/fixtures/': path.join(root, 'tests', 'fixtures'),
  '/browser-fixtures/': path.join(root, 'tests', 'browser', 'fixtures'),
};

/**
 * Adds <tag> with `attributes` to the host page's #host (as a static element
 * would be) and waits until `ready` (a selector inside it) or an error shows.
 */
export async function addToHost(page, tag, attributes, ready) {
  await page.evaluate(([name, attrs]) => {
    const element = document.createElement(name);
    for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
    document.getElementById('host').append(element);
  }, [tag, attributes]);
  const element = page.locator(tag);
  await element.locator(`${ready}, [part=error]`).first().waitFor();
  return element;
}

/**
 * Opens pages/element-host.html (with `query`, at `viewport`) and adds the
 * element; `setup(page)` runs before it is added (to route requests, say).
 */
export async function openHosted(browser, serverUrl, tag, attributes, ready, { query = '', viewport, setup } = {}) {
  const { page, problems } = await openPage(browser, `${serverUrl}pages/element-host.html${query}`);
  if (viewport) await page.setViewportSize(viewport);
  await setup?.(page);
  return { page, problems, element: await addToHost(page, tag, attributes, ready) };
}

/** Every `detail` of the events named `type` on the page's document, in order, as they come. */
export async function recordChanges(page, type) {
  const changes = [];
  await page.exposeFunction('recordChange', (detail) => changes.push(detail));
  await page.evaluate((name) => document.addEventListener(name, (e) => window.recordChange(e.detail)), type);
  return changes;
}

/**
 * For a file of tests: registers hooks that start one browser and a server of
 * `folder` (dist/ with `testRoutes` unless told) and close them at the end.
 * Gives {browser, url}, readable once the hooks have run.
 */
export function servedBrowser(folder = dist, options = { routes: testRoutes }) {
  let browser, server;
  before(async () => {
    browser = await launchBrowser();
    server = await serve(folder, options);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() { return browser; },
    get url() { return server.url; },
  };
}

/**
 * For a file of tests on the example MkDocs site: registers hooks that build
 * it (scripts/mkdocs-example.mjs, with `options` such as {catalog}) in a
 * scratch folder named after `name`, start one browser and a server of the
 * site, and remove it all at the end. Gives {browser, url, out, built,
 * siteMap} (built: what buildMkdocsExample returned; siteMap: the hook's
 * patsel/site.json), readable once the hooks have run.
 */
export function servedMkdocsExample(name, options = {}) {
  let browser, server, out, built, siteMap;
  before(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), `patsel-${name}-`));
    built = await buildMkdocsExample({ dist, out, ...options });  // throws a clear message when mkdocs is missing
    siteMap = JSON.parse(await readFile(path.join(built.site, 'patsel', 'site.json'), 'utf8'));
    browser = await launchBrowser();
    server = await serve(built.site);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });
  return {
    get browser() { return browser; },
    get url() { return server.url; },
    get out() { return out; },
    get built() { return built; },
    get siteMap() { return siteMap; },
  };
}

/**
 * For a file of tests on the host page: servedBrowser's browser and server,
 * and `open(tag, attributes, ready, options)` (openHosted on them).
 */
export function hostedElements() {
  const served = servedBrowser();
  return {
    open: (tag, attributes, ready, options) => openHosted(served.browser, served.url, tag, attributes, ready, options),
    get url() { return served.url; },
  };
}

/**
 * The texts in an element's shadow root that reach past `right` (px from
 * the left of the viewport), each once: what a reader would have to scroll
 * sideways to see, or cannot see at all.
 */
export async function textPastRightEdge(element, right) {
  return element.evaluate((el, edge) => {
    const past = [];
    const walker = document.createTreeWalker(el.shadowRoot, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) if (rect.width > 0 && rect.right > edge + 0.5) past.push(node.textContent.trim().slice(0, 40));
    }
    return [...new Set(past)];
  }, right);
}

/**
 * A page in a fresh browser context with the cache disabled and, with
 * `latency`, that many ms of emulated round trip: a reader's first visit.
 * Close `context` when done.
 */
export async function coldPage(browser, { viewport, latency = 0 } = {}) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (latency) await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
  return { context, page };
}

/**
 * The layout shift of a cold load of `url` (cache disabled, `latency` ms
 * round trips, so the loading stages are drawn), summed until `scope` is
 * not aria-busy, every pattern-selector element in it is defined and done
 * loading (not in the custom state `loading`), and a frame has been drawn.
 */
export async function layoutShiftOf(browser, url, { width, height, latency = 40, scope = 'body' }) {
  const { context, page } = await coldPage(browser, { viewport: { width, height }, latency });
  try {
    await page.addInitScript(() => {
      window.patselShifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.patselShifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(url);
    await page.waitForFunction((scope) => {
      const root = document.querySelector(scope);
      const elements = [...root.querySelectorAll('*')].filter((e) => e.localName.startsWith('patsel-'));
      return !root.matches('[aria-busy=true]') && elements.every((e) => customElements.get(e.localName) && !e.matches(':state(loading)'));
    }, scope);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
    return await page.evaluate(() => window.patselShifts.reduce((sum, value) => sum + value, 0));
  } finally {
    await context.close();
  }
}
