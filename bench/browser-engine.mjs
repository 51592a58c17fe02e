// Catalog load (wasm fetch, compile and instantiate, then parse and index)
// and the query workloads in headless Chromium, each load in a fresh browser
// context with the cache disabled. The page is cross-origin isolated so
// performance.now() has fine resolution.
// As a module: benchBrowserEngine({ loads, rounds }) -> { load, queries }.
// `node bench/browser-engine.mjs [--loads 1] [--rounds 5]` prints the query
// times (with PATSEL_CHROMIUM_FLAGS, the same under other Chromium flags).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { coldPage, dist, launchBrowser, root, serve } from '../tests/browser/support.mjs';
import { percentile } from './workloads.mjs';

const isolation = () => ({ 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });

async function runPage(browser, url) {
  const { context, page } = await coldPage(browser);
  try {
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 120000 }).catch(() => {
      throw new Error(`the bench page failed: ${errors.join('; ') || 'no result'}`);
    });
    return await page.evaluate(() => window.__bench);
  } finally {
    await context.close();
  }
}

export async function benchBrowserEngine({ loads = 10, rounds = 5 } = {}) {
  const browser = await launchBrowser();
  const server = await serve(dist, {
    // The more specific route first: the server takes the first prefix that matches.
    routes: {
      '/bench/workloads.mjs': path.join(root, 'bench', 'workloads.mjs'),
      '/web/elements/card-fields.js': path.join(root, 'web', 'elements', 'card-fields.js'),
      '/bench/': path.join(root, 'bench', 'pages'),
    },
    headers: isolation,
  });
  try {
    const runs = [];
    for (let i = 0; i < loads; i++) runs.push(await runPage(browser, `${server.url}bench/engine.html`));
    const measured = await runPage(browser, `${server.url}bench/engine.html?rounds=${rounds}`);
    const summary = (key) => ({ median_ms: percentile(runs.map((r) => r[key]), 50), p95_ms: percentile(runs.map((r) => r[key]), 95) });
    return {
      load: { fetch: summary('fetch_ms'), load: summary('load_ms'), loads, isolated: measured.isolated },
      queries: measured.queries,
    };
  } finally {
    await server.close();
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
  const { queries } = await benchBrowserEngine({ loads: Number(option('--loads', 1)), rounds: Number(option('--rounds', 5)) });
  console.log(`| query (Chromium${process.env.PATSEL_CHROMIUM_FLAGS ? `, ${process.env.PATSEL_CHROMIUM_FLAGS}` : ''}) | p50 | p95 |\n|---|---|---|`);
  for (const q of queries) console.log(`| ${q.what} | ${q.median_ms.toFixed(3)} ms | ${q.p95_ms.toFixed(3)} ms |`);
}
