// <patsel-card>: the tier banner for each tier, read from per-pattern
// shards (no wasm on a card-only page); catalog text stays text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, openPage, servedBrowser } from './support.mjs';

const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const byId = Object.fromEntries(catalog.patterns.map((p) => [p.id, p]));
const served = servedBrowser();

async function cardPage(attributes) {
  const { page, problems } = await openPage(served.browser, `${served.url}pages/card.html`);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.evaluate((attrs) => {
    const card = document.getElementById('card');
    for (const [name, value] of Object.entries(attrs)) card.setAttribute(name, value);
  }, attributes);
  const banner = page.locator('#card [part~=banner]:not([part~=loading]), #card [part=error]');
  await banner.first().waitFor();
  return { page, problems, requests, banner: page.locator('#card [part~=banner]') };
}

const toggles = (page) => page.locator('#card [part~=toggle]').evaluateAll((buttons) =>
  buttons.map((b) => [b.dataset.section, b.textContent, b.getAttribute('aria-expanded')]));
const panelShown = (page, section) => page.locator(`#card [part~=panel][part~=${section}]`).isVisible();

test('gold: the tier, title and status, one line of why and who uses it; examples and checklist one click away', async () => {
  const p = byId['circuit-breaker'];
  const { page, problems, requests, banner } = await cardPage({ pattern: 'circuit-breaker' });
  assert.equal(await banner.getAttribute('data-tier'), 'gold');
  assert.equal(await banner.getAttribute('aria-label'), `Gold pattern: ${p.title}`);
  assert.equal(await page.locator('#card [part~=head] [part~=badge]').textContent(), 'gold');
  assert.equal(await page.locator('#card [part~=head] .tier-icon').getAttribute('data-icon'), 'gold', 'an icon, not colour alone');
  assert.equal(await page.locator('#card [part~=title]').textContent(), p.title);
  assert.equal(await page.locator('#card [part~=tier]').textContent(), 'modern best practice');
  assert.equal(await page.locator('#card [part~=status]').textContent(), `status: ${p.status}`);
  // One line of why: the rationale's first sentence, ended at its semicolon (it is longer than a line).
  assert.equal(await page.locator('#card [part~=lead]').textContent(),
    'A standard building block in every major resilience library and proxy (Resilience4j, Polly, Envoy).');
  assert.match(await page.locator('#card [part~=facts]').textContent(),
    new RegExp(`^Used by ${p.modern_examples.slice(0, 4).map((e) => e.company.replace(/[()]/g, '\\$&')).join(', ')}`));
  assert.deepEqual(await toggles(page), [
    ['examples', 'Examples and scale', 'false'],
    ['checklist', `Production checklist (${p.production_checklist.length})`, 'false'],
    ['rationale', 'Why gold', 'false'],
  ]);
  assert.equal(await panelShown(page, 'checklist'), false, 'folded at first');
  await page.locator('#card [part~=toggle][data-section=checklist]').click();
  assert.equal(await page.locator('#card [part~=toggle][data-section=checklist]').getAttribute('aria-expanded'), 'true');
  for (const item of p.production_checklist) assert.ok(await page.locator('#card [part~=checklist] li', { hasText: item }).isVisible(), item);
  await page.locator('#card [part~=toggle][data-section=examples]').click();
  for (const example of p.modern_examples) {
    const item = page.locator('#card [part~=examples] li', { hasText: example.company }).first();
    assert.ok((await item.textContent()).includes(example.scale ?? example.company), example.company);
  }
  await page.locator('#card [part~=toggle][data-section=checklist]').click();
  assert.equal(await panelShown(page, 'checklist'), false, 'and folded again');
  assert.deepEqual(requests.filter((r) => r.endsWith('.wasm') || r.endsWith('catalog.json')), [], 'a card reads its shard only');
  assert.deepEqual(problems, []);
  await page.close();
});

test('silver: best for and what to consider instead, linked; alternatives, strengths and limitations one click away', async () => {
  const p = byId.cqrs;
  const { page, banner } = await cardPage({ pattern: 'cqrs' });
  assert.equal(await banner.getAttribute('data-tier'), 'silver');
  assert.equal(await page.locator('#card [part~=head] .tier-icon').getAttribute('data-icon'), 'silver');
  const facts = await page.locator('#card [part~=facts]').textContent();
  assert.ok(facts.startsWith(`Best for ${p.best_for[0]}`), facts);
  const shown = p.alternatives.slice(0, 3).map((a) => `${byId[a.pattern].title} (${byId[a.pattern].tier})`);
  assert.deepEqual(await page.locator('#card [part~=facts] a').allTextContents(), shown);
  const first = p.alternatives[0].pattern;
  assert.equal(await page.locator('#card [part~=facts] a').first().getAttribute('href'), `/patterns/${first}/`);
  await page.locator('#card [part~=toggle][data-section=trade-offs]').click();
  const panel = await page.locator('#card [part~=trade-offs]').textContent();
  for (const line of [...p.best_for, ...p.trade_offs.pros, ...p.trade_offs.cons]) assert.ok(panel.includes(line), line);
  await page.locator('#card [part~=toggle][data-section=alternatives]').click();
  assert.equal(await page.locator('#card [part~=alternatives] li').count(), p.alternatives.length);
  assert.match(await page.locator('#card [part~=alternatives] a').first().textContent(), new RegExp(`^${byId[first].title} \\(${byId[first].tier}\\)$`));
  await page.close();
});

test('bronze: why it is legacy in one line and what to use instead; the migration path closed until asked for', async () => {
  const p = byId['two-phase-commit'];
  const { page, banner } = await cardPage({ pattern: 'two-phase-commit' });
  assert.equal(await banner.getAttribute('data-tier'), 'bronze');
  assert.equal(await page.locator('#card [part~=head] .tier-icon').getAttribute('data-icon'), 'bronze');
  assert.equal(await page.locator('#card [part~=lead]').textContent(), 'Participants that voted yes must hold locks until they learn the outcome, so a coordinator crash or network partition freezes data.');
  assert.deepEqual(await page.locator('#card [part~=facts] a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    p.modern_alternatives.slice(0, 3).map((a) => `/patterns/${a.pattern}/`));
  const migration = page.locator('#card [part~=panel][part~=migration]');
  assert.equal(await migration.isVisible(), false, 'closed by default');
  const paths = p.migration_paths.to;
  assert.equal(await page.locator('#card [part~=toggle][data-section=migration]').textContent(), `Migration paths (${paths.length})`);
  await page.locator('#card [part~=toggle][data-section=migration]').click();
  assert.equal(await migration.locator('ol > li').count(), paths.reduce((n, path) => n + path.steps.length, 0));
  assert.deepEqual(await migration.locator('h4 a').allTextContents(), paths.map((path) => `${byId[path.pattern].title} (${byId[path.pattern].tier})`));
  await page.locator('#card [part~=toggle][data-section=legacy]').click();
  assert.ok((await page.locator('#card [part~=legacy]').textContent()).includes(p.deprecation_reason));
  await page.close();
});

test('a bronze pattern with one migration path names its target and steps on the toggle', async () => {
  const p = catalog.patterns.find((x) => x.tier === 'bronze' && x.migration_paths?.to?.length === 1 && x.migration_paths.to[0].steps?.length);
  const { page } = await cardPage({ pattern: p.id });
  const path = p.migration_paths.to[0];
  assert.equal(await page.locator('#card [part~=toggle][data-section=migration]').textContent(),
    `Migration to ${byId[path.pattern].title} (${path.steps.length} steps)`);
  await page.close();
});

test('an unknown pattern shows a readable error with a retry', async () => {
  const { page } = await cardPage({ pattern: 'no-such-pattern' });
  const error = page.locator('#card [part=error]');
  assert.match(await error.textContent(), /could not be shown.*pattern\.not_found/s);
  assert.equal(await page.locator('#card button', { hasText: 'Retry' }).count(), 1);
  await page.close();
});

test('the element is in the custom state "loading" from the start of its load until the banner or the error is shown', async () => {
  const { page, problems } = await openPage(served.browser, `${served.url}pages/card.html`);
  const loading = () => page.evaluate(() => document.getElementById('card').matches(':state(loading)'));
  assert.equal(await loading(), false, 'nothing to load without a pattern');
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/patterns/saga.json', async (route) => { await held; await route.continue(); });
  await page.evaluate(() => {
    const card = document.getElementById('card');
    card.style.minHeight = '300px';  // the room a page keeps for it (the MkDocs stylesheet does)
    card.setAttribute('pattern', 'saga');
  });
  await page.locator('#card [part~=loading]').waitFor();
  assert.equal(await loading(), true, 'while the pattern is read');
  // Meanwhile the frame of a banner fills that room.
  const frame = await page.locator('#card [part~=loading]').evaluate((box) => ({ height: box.getBoundingClientRect().height, border: getComputedStyle(box).borderTopStyle }));
  assert.deepEqual(frame, { height: 300, border: 'solid' });
  release();
  await page.locator('#card [part~=banner]:not([part~=loading])').waitFor();
  assert.equal(await loading(), false, 'once the banner is shown');
  await page.evaluate(() => document.getElementById('card').setAttribute('pattern', 'no-such-pattern'));
  await page.locator('#card [part=error]').waitFor();
  assert.equal(await loading(), false, 'once the error is shown');
  assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
  await page.close();
});

test('markup in catalog text renders inert, and javascript: links are not emitted', async () => {
  const { page, problems, banner } = await cardPage({ pattern: 'xss', catalog: '/fixtures/catalogs/hostile.json' });
  assert.match(await banner.textContent(), /<b onmouseover="window.pwned=3">bold<\/b>/);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  const hrefs = await page.locator('#card a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.every((h) => !h.startsWith('javascript:')), hrefs.join(' '));
  assert.equal(await page.locator('#card img, #card script, #card iframe, #card svg:not(.tier-icon), #card b').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the banner has no serious accessibility violations (axe), folded and unfolded', async () => {
  const { seriousViolations } = await import('./axe.mjs');
  for (const pattern of ['circuit-breaker', 'cqrs', 'two-phase-commit']) {
    const { page } = await cardPage({ pattern });
    assert.deepEqual(await seriousViolations(page), [], pattern);
    for (const toggle of await page.locator('#card [part~=toggle]').all()) await toggle.click();
    assert.deepEqual(await seriousViolations(page), [], `${pattern}, every panel open`);
    await page.close();
  }
});

test('tier history: since when and what it was, with the reasons one click away; none without history or when it contradicts the tier', async () => {
  const { page, problems } = await cardPage({ pattern: 'cache', catalog: '/fixtures/catalogs/health.json' });
  const fact = page.locator('#card [part~=facts] > div', { hasText: 'Tier' });
  assert.equal(await fact.textContent(), 'Tier silver since 2022 (was gold)');
  assert.equal(await fact.locator('time').getAttribute('datetime'), '2022');
  assert.equal(await panelShown(page, 'history'), false);
  await page.locator('#card [part~=toggle][data-section=history]').click();
  assert.deepEqual(await page.locator('#card [part~=history] li').allTextContents(), ['2022: gold to silver. Fewer new uses.']);
  assert.deepEqual(problems, []);
  await page.close();
  // ghost's history ends at silver while its tier is gold (a flagged contradiction): no line.
  const ghost = await cardPage({ pattern: 'ghost', catalog: '/fixtures/catalogs/health.json' });
  assert.equal(await ghost.page.locator('#card [part~=facts] > div', { hasText: 'Tier' }).count(), 0);
  assert.equal(await ghost.page.locator('#card [part~=toggle][data-section=history]').count(), 0);
  await ghost.page.close();
  const plain = await cardPage({ pattern: 'breaker', catalog: '/fixtures/catalogs/health.json' });
  assert.equal(await plain.page.locator('#card [part~=toggle][data-section=history]').count(), 0);
  await plain.page.close();
});
