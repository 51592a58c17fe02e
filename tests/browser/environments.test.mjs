// Where the package must work in a browser: a plain ESM import, a strict
// Content-Security-Policy, a server with the wrong MIME type for .wasm, a
// Web Worker. Expected numbers come from the catalog file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, root, launchBrowser, serve, openPage } from './support.mjs';

const pages = path.join(root, 'tests', 'browser', 'pages');
const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const expected = { patterns: catalog.patterns.length, gold: catalog.patterns.filter((p) => p.tier === 'gold').length };

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

async function resultOf(url) {
  const { page, problems } = await openPage(browser, url);
  await page.locator('#result').filter({ hasNotText: 'loading' }).waitFor();
  const result = JSON.parse(await page.locator('#result').textContent());
  await page.close();
  return { result, problems };
}

async function withServer(options, body) {
  const server = await serve(dist, { routes: { '/pages/': pages }, ...options });
  try {
    await body(server.url);
  } finally {
    await server.close();
  }
}

test('a plain ESM import from a static server', async () => {
  await withServer({}, async (url) => {
    const { result, problems } = await resultOf(`${url}pages/api.html`);
    assert.deepEqual(result, expected);
    assert.deepEqual(problems, []);
  });
});

test('a server that sends .wasm with the wrong MIME type: streaming falls back to bytes', async () => {
  const headers = (pathname) => (pathname.endsWith('.wasm') ? { 'content-type': 'application/octet-stream' } : {});
  await withServer({ headers }, async (url) => {
    const { result, problems } = await resultOf(`${url}pages/api.html`);
    assert.deepEqual(result, expected);
    assert.deepEqual(problems, []);
  });
});

test('inside a module Web Worker', async () => {
  await withServer({}, async (url) => {
    const { result, problems } = await resultOf(`${url}pages/worker.html`);
    assert.deepEqual(result, { ...expected, inWorker: true });
    assert.deepEqual(problems, []);
  });
});

// The CSP pages use only the package's own files (dist/) and a test page.
const strictServer = (policy) => serve(dist, { routes: { '/pages/': pages }, headers: () => ({ 'content-security-policy': policy }) });

test("an explorer under a strict CSP (script-src 'self' 'wasm-unsafe-eval', no unsafe-eval)", async () => {
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";
  const server = await strictServer(policy);
  try {
    const { page, problems } = await openPage(browser, `${server.url}pages/csp.html`);
    const violations = [];
    await page.exposeFunction('reportViolation', (v) => violations.push(v));
    await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
    await page.locator('patsel-explorer [part=count]').filter({ hasText: `${expected.gold} patterns` }).waitFor();
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
  } finally {
    await server.close();
  }
});

test('the CSP test is real: without wasm-unsafe-eval the engine is refused and the element says so', async () => {
  const server = await strictServer("default-src 'self'; script-src 'self'");
  try {
    const { page } = await openPage(browser, `${server.url}pages/csp.html`);
    const error = page.locator('patsel-explorer [part=error]');
    await error.waitFor();
    assert.match(await error.textContent(), /wasm\.instantiate_failed/);
  } finally {
    await server.close();
  }
});
