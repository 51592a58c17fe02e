// Shared set-up of the browser tests: Debian's Chromium driven by
// playwright-core (no downloaded browser), pages served from dist/ by the
// project's own static server, console errors collected.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// PATSEL_DIST lets a developer test another assembled copy (scripts/assemble.mjs --out).
export const dist = process.env.PATSEL_DIST ? path.resolve(process.env.PATSEL_DIST) : path.join(root, 'dist');

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
}

export function serve(directory, options = {}) {
  return startServer({ root: directory, ...options });
}

/** A new page that records console errors and uncaught exceptions. */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
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

/**
 * For a file of tests on the host page: registers hooks that start one
 * browser and a server of dist/ with `testRoutes`, and gives
 * `open(tag, attributes, ready, options)` (openHosted on them) and `url`.
 */
export function hostedElements() {
  let browser, server;
  before(async () => {
    browser = await launchBrowser();
    server = await serve(dist, { routes: testRoutes });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    open: (tag, attributes, ready, options) => openHosted(browser, server.url, tag, attributes, ready, options),
    get url() { return server.url; },
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
