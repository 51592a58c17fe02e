// Cold start in headless Chromium with the cache disabled: from navigation
// to the first results painted by <patsel-explorer>, and to the banner
// painted by <patsel-card>; and the layout shift while they load. On the
// bench's own pages (the element and one script tag), and on the example
// MkDocs Material site (scripts/mkdocs-example.mjs: the hook's loader and
// preload links, Material's own page) with 40 ms round trips, as a reader
// away from the server has them.
// As a module: coldStart({ loads }) -> rows.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildMkdocsExample } from '../scripts/mkdocs-example.mjs';
import { coldPage, dist, launchBrowser, root, serve } from '../tests/browser/support.mjs';
import { percentile } from './workloads.mjs';

const ROUND_TRIP_MS = 40;

// Records, in the page, when the element's first result is painted (the
// frame after its event) and the layout shift accumulated until then.
function instrument(eventName) {
  window.__bench = { shift: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__bench.shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  addEventListener(eventName, () => requestAnimationFrame(() => setTimeout(() => (window.__bench.painted ??= performance.now()))), { capture: true });
}

async function measure(browser, url, eventName, loads, { latency = 0 } = {}) {
  const times = [];
  const shifts = [];
  for (let i = 0; i < loads; i++) {
    const { context, page } = await coldPage(browser, { latency });
    await page.addInitScript(instrument, eventName);
    await page.goto(url);
    await page.waitForFunction(() => window.__bench?.painted !== undefined, null, { timeout: 30000 });
    const { painted, shift } = await page.evaluate(() => window.__bench);
    times.push(painted);
    shifts.push(shift);
    await context.close();
  }
  return { median_ms: percentile(times, 50), p95_ms: percentile(times, 95), max_layout_shift: Math.max(...shifts), loads };
}

export async function coldStart({ loads = 20 } = {}) {
  const browser = await launchBrowser();
  const server = await serve(dist, { routes: { '/bench/': path.join(root, 'bench', 'pages') } });
  const out = await mkdtemp(path.join(os.tmpdir(), 'patsel-bench-mkdocs-'));
  try {
    const rows = [
      { page: 'explorer: navigation to first results painted', ...(await measure(browser, `${server.url}bench/explorer.html`, 'patsel-explorer-change', loads)) },
      { page: 'pattern page: navigation to <patsel-card> painted', ...(await measure(browser, `${server.url}bench/card.html`, 'patsel-card-load', loads)) },
    ];
    const site = await serve((await buildMkdocsExample({ dist, out })).site);
    try {
      const far = { latency: ROUND_TRIP_MS };
      rows.push(
        { page: `MkDocs site, ${ROUND_TRIP_MS} ms round trips: explorer page to first results painted`, ...(await measure(browser, `${site.url}explorer/`, 'patsel-explorer-change', loads, far)) },
        { page: `MkDocs site, ${ROUND_TRIP_MS} ms round trips: pattern page to <patsel-card> painted`, ...(await measure(browser, `${site.url}patterns/circuit-breaker/`, 'patsel-card-load', loads, far)) },
      );
    } finally {
      await site.close();
    }
    return rows;
  } finally {
    await server.close();
    await browser.close();
    await rm(out, { recursive: true, force: true });
  }
}
