// The bundled elements (dist/bundle/, what the MkDocs loader and the bench
// pages load): a page using two element entries and links.js gets one copy
// of each module's state - the site's page map set through bundle/links.js
// reaches both elements - and fetches no module of the readable tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, openPage, servedBrowser } from './support.mjs';

const served = servedBrowser();

test('two bundled elements and links.js on one page share the page map, and nothing of elements/ is fetched', async () => {
  const scripts = [];
  const { page: bundled, problems } = await openPage(served.browser, `${served.url}pages/bundled.html`, {
    setup: (page) => page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    }),
  });
  const explorer = bundled.locator('#explorer');
  const related = bundled.locator('#related');
  await explorer.locator('[part=count]').filter({ hasText: /^\d+ patterns?$/ }).waitFor();
  await related.locator('[part~=list] [data-pattern=outbox]').first().waitFor();

  // The related list: outbox has a page of the site's, a pattern without one is text.
  const relatedLinks = await related.evaluate((el) => Object.fromEntries([...el.shadowRoot.querySelectorAll('[data-pattern]')]
    .map((node) => [node.dataset.pattern, node.closest('a[href]')?.getAttribute('href') ?? node.querySelector('a[href]')?.getAttribute('href') ?? null])));
  assert.equal(relatedLinks.outbox, `${new URL(served.url).origin}/site/outbox/`);
  assert.ok(Object.entries(relatedLinks).some(([id, href]) => id !== 'outbox' && id !== 'saga' && href === null), JSON.stringify(relatedLinks));

  // The explorer: saga's card links to the site's page, other hits are text.
  await explorer.getByLabel('Search patterns').fill('saga');
  await explorer.locator('[part=card][data-id=saga]').first().waitFor();
  const cards = await explorer.evaluate((el) => [...el.shadowRoot.querySelectorAll('#list [part=card]')]
    .map((card) => [card.dataset.id, card.querySelector('[part=title] a')?.getAttribute('href') ?? null]));
  assert.deepEqual(cards.find(([id]) => id === 'saga'), ['saga', `${new URL(served.url).origin}/site/saga/`]);
  assert.ok(cards.some(([id, href]) => id !== 'saga' && id !== 'outbox' && href === null), JSON.stringify(cards));

  assert.deepEqual(scripts.filter((file) => file.startsWith('/elements/')), [], 'no readable module');
  assert.ok(scripts.includes('/bundle/patsel-explorer.js') && scripts.includes('/bundle/patsel-related.js'), scripts.join(' '));
  assert.deepEqual(problems, []);
  await bundled.close();
});

test('the bundled explorer\'s entry imports the opening answers itself and paints them before the wasm arrives', async () => {
  // Named by the entry, the answers are fetched beside the chunks, not after them.
  const entry = await readFile(path.join(dist, 'bundle', 'patsel-explorer.js'), 'utf8');
  const imported = [...entry.matchAll(/import(?:[^'"]*?from)?\s*"([^"]+)"/g)].map((match) => match[1]);
  assert.ok(imported.includes('../explorer-opening-answers.js'), imported.join(' '));
  const card = await readFile(path.join(dist, 'bundle', 'patsel-card.js'), 'utf8');
  assert.ok(!card.includes('explorer-opening-answers'), 'a pattern page does not load them');

  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const { page, problems } = await openPage(served.browser, `${served.url}pages/bundled.html`, {
    setup: (p) => p.route('**/selector*.wasm', async (route) => { await released; await route.continue(); }),
  });
  const explorer = page.locator('#explorer');
  await explorer.locator('[part=card]').first().waitFor();
  assert.equal(await explorer.locator('input[value=silver]').isDisabled(), true, 'painted before the engine is ready');
  release();
  await explorer.locator('input[value=silver]:enabled').waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

// The files a module loads through its static imports (not import()), read
// from the module texts themselves, minified (bundle/) or not (index.js).
async function staticallyLoaded(file, found = new Set()) {
  if (found.has(file)) return found;
  found.add(file);
  const text = await readFile(path.join(dist, file), 'utf8');
  for (const [, specifier] of text.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[^'"();]*?from\s*)?["']([^"']+)["']/g))
    await staticallyLoaded(path.posix.join(path.posix.dirname(file), specifier), found);
  return found;
}

test('bundle/imports.json lists, for each entry, exactly the files its static imports load (what a page may preload)', async () => {
  const imports = JSON.parse(await readFile(path.join(dist, 'bundle', 'imports.json'), 'utf8'));
  const entries = (await readdir(path.join(dist, 'bundle'))).filter((file) => file.endsWith('.js') && !file.startsWith('chunk-'));
  assert.deepEqual(Object.keys(imports).sort(), entries.sort());
  for (const entry of entries) {
    const listed = imports[entry];
    assert.equal(new Set(listed).size, listed.length, `${entry}: each file once`);
    assert.deepEqual([...listed].sort(), [...(await staticallyLoaded(`bundle/${entry}`))].sort(), entry);
  }
  assert.ok(imports['patsel-explorer.js'].includes('explorer-opening-answers.js') && imports['patsel-explorer.js'].includes('engine.js'));
  assert.ok(!imports['patsel-card.js'].includes('explorer-opening-answers.js'));
});
