// <patsel-recommender>: the requirements form built from the catalog's
// profile fields, the ranked patterns with every reason, what the tiers
// excluded, reasons against heavy patterns for a small team, complements,
// complexity, unknown and invalid values, the profile in the URL, keyboard
// use, hostile catalog text and axe. Expected reasons come from the rules in
// the catalog file, evaluated here independently of the engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, root, launchBrowser, serve, openPage } from './support.mjs';

const catalog = JSON.parse(await readFile(path.join(dist, 'catalog.json'), 'utf8'));
const byId = Object.fromEntries(catalog.patterns.map((p) => [p.id, p]));
const fieldOf = Object.fromEntries(catalog.profile.map((f) => [f.id, f]));

// Three-valued rule conditions as docs/catalog-data.md describes them:
// undefined = unknown (a field left empty).
function holds(when, profile) {
  if (when.all) { const v = when.all.map((w) => holds(w, profile)); return v.includes(false) ? false : v.includes(undefined) ? undefined : true; }
  if (when.any) { const v = when.any.map((w) => holds(w, profile)); return v.includes(true) ? true : v.includes(undefined) ? undefined : false; }
  if (when.not) { const v = holds(when.not, profile); return v === undefined ? undefined : !v; }
  const value = profile[when.field];
  if (when.op === 'set') return value !== undefined;
  if (value === undefined) return undefined;
  const field = fieldOf[when.field];
  const rank = (v) => (field.type === 'choice' ? field.values.indexOf(v) : v);
  const [a, b] = [rank(value), rank(when.value)];
  switch (when.op) {
    case 'eq': return a === b;
    case 'ne': return a !== b;
    case 'lt': return a < b;
    case 'lte': return a <= b;
    case 'gt': return a > b;
    case 'gte': return a >= b;
    case 'between': return a >= rank(when.value[0]) && a <= rank(when.value[1]);
    case 'in': return when.value.includes(value);
    case 'has': return value.includes(when.value);
    case 'has_any': return when.value.some((v) => value.includes(v));
    case 'has_all': return when.value.every((v) => value.includes(v));
    default: throw new Error(`unknown op ${when.op}`);
  }
}
function evidence(profile) {
  const out = {};
  for (const rule of catalog.rules) {
    if (holds(rule.when, profile) !== true) continue;
    for (const e of rule.effects) (out[e.pattern] ??= []).push({ rule: rule.id, weight: e.weight, reason: e.reason });
  }
  return out;
}
const score = (reasons) => reasons.reduce((s, r) => s + r.weight, 0);
const signed = (w) => (w > 0 ? `+${w}` : `−${-w}`);

const BUSY = { peak_rps: 10000, availability: 99.99, consistency: 'strong', external_dependencies: 5, spike_ratio: 20 };

let browser, server;
before(async () => {
  browser = await launchBrowser();
  server = await serve(dist, { routes: { '/pages/': path.join(root, 'tests', 'browser', 'pages'), '/fixtures/': path.join(root, 'tests', 'fixtures') } });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function recommenderPage(query = '', page = 'recommender.html') {
  const opened = await openPage(browser, `${server.url}pages/${page}${query}`);
  await opened.page.locator('#rec [part~=form], #rec [part~=error]').first().waitFor();
  return opened;
}

// Fills the form the way a user does: type and leave a number, pick a choice, tick a set value.
async function fill(page, profile) {
  for (const [id, value] of Object.entries(profile)) {
    const type = fieldOf[id].type;
    if (type === 'number') {
      const input = page.locator(`#rec input[name="${id}"]`);
      await input.fill(String(value));
      await input.blur();
    } else if (type === 'choice') {
      await page.locator(`#rec select[name="${id}"]`).selectOption(value);
    } else if (type === 'set') {
      for (const v of value) await page.locator(`#rec input[name="${id}"][value="${v}"]`).check();
    }
  }
}

const item = (page, list, id) => page.locator(`#rec [part~=${list}] > li[data-pattern="${id}"]`);
async function reasonsOf(locator) {
  return locator.locator('[part~=reason]').evaluateAll((items) => items.map((li) => ({
    rule: li.dataset.rule, weight: Number(li.dataset.weight), text: li.textContent })));
}
const urlValue = (page) => page.evaluate(() => new URL(location.href).searchParams.get('recommender'));

test('creation: every profile field of the catalog, empty, with its unit, range and help', async () => {
  const { page, problems } = await recommenderPage();
  const boxes = page.locator('#rec [part~=field]');
  assert.equal(await boxes.count(), catalog.profile.length);
  for (const field of catalog.profile) {
    const box = page.locator(`#rec [part~=field][data-field="${field.id}"]`);
    const text = await box.textContent();
    assert.ok(text.includes(field.label), field.label);
    if (field.help) assert.ok(text.includes(field.help.trim()), `help of ${field.id}`);
    if (field.type === 'number') {
      const input = box.locator('input[type=number]');
      assert.equal(await input.inputValue(), '');
      assert.equal(await input.getAttribute('min'), String(field.min));
      assert.equal(await input.getAttribute('max'), String(field.max));
      if (field.unit) assert.ok(text.includes(field.unit), `unit of ${field.id}`);
    } else if (field.type === 'choice') {
      assert.deepEqual(await box.locator('option').allTextContents(), ['Not set', ...field.values]);
      assert.equal(await box.locator('select').inputValue(), '');
    } else if (field.type === 'set') {
      assert.deepEqual(await box.locator('input[type=checkbox]').evaluateAll((b) => b.map((x) => x.value)), field.values);
      assert.equal(await box.locator('input:checked').count(), 0);
    }
  }
  assert.equal(await page.locator('#rec [part~=count]').textContent(), 'Fill in a requirement to get recommendations.');
  assert.equal(await page.locator('#rec [part~=ranked-item]').count(), 0);
  assert.deepEqual(await page.locator('#rec input[name=tier]:checked').evaluateAll((b) => b.map((x) => x.value)), ['gold']);
  assert.equal(await urlValue(page), null);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a busy, strongly consistent service gets the resilience patterns, each with every reason', async () => {
  const { page, problems } = await recommenderPage();
  await fill(page, BUSY);
  const expected = evidence(BUSY);
  const ranked = Object.entries(expected).filter(([id, r]) => score(r) > 0 && byId[id].tier === 'gold');
  assert.equal(await page.locator('#rec [part~=count]').textContent(), `${ranked.length} patterns recommended for 5 requirements.`);
  for (const id of ['circuit-breaker', 'timeout', 'retry-backoff', 'bulkhead', 'load-shedding']) {
    const li = item(page, 'ranked', id);
    assert.equal(await li.count(), 1, `${id} is recommended`);
    assert.equal(await li.locator('[part~=link]').textContent(), byId[id].title);
    assert.equal(await li.locator('[part~=link]').getAttribute('href'), `/patterns/${id}/`);
    assert.equal(await li.locator('[part~=score]').textContent(), `score +${score(expected[id])}`);
    const shown = await reasonsOf(li);
    assert.deepEqual(shown.map((r) => r.rule).sort(), expected[id].map((r) => r.rule).sort(), `the rules behind ${id}`);
    for (const r of expected[id]) {
      const line = shown.find((s) => s.rule === r.rule);
      assert.equal(line.weight, r.weight);
      assert.equal(line.text, `${signed(r.weight)} ${r.reason} (rule ${r.rule})`);
    }
  }
  // Ranked by score, highest first.
  const scores = await page.locator('#rec [part~=ranked-item] [part~=score]').allTextContents();
  const numbers = scores.map((s) => Number(s.replace('score ', '')));
  assert.deepEqual(numbers, [...numbers].sort((a, b) => b - a));
  assert.deepEqual(problems, []);
  await page.close();
});

test('tiers not allowed are explained as exclusions, and come in when allowed', async () => {
  const { page } = await recommenderPage();
  await fill(page, BUSY);
  const expected = evidence(BUSY);
  const excluded = Object.entries(expected).filter(([id, r]) => score(r) > 0 && byId[id].tier !== 'gold').map(([id]) => id);
  assert.ok(excluded.length > 0);
  for (const id of excluded) {
    const li = item(page, 'excluded', id);
    assert.match(await li.locator('[part~=exclusion]').textContent(),
      new RegExp(`^${byId[id].title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} was excluded: ${byId[id].tier} \\(allowed: gold\\)`));
  }
  const silver = excluded.filter((id) => byId[id].tier === 'silver');
  await page.locator('#rec input[name=tier][value=silver]').check();
  for (const id of silver) assert.equal(await item(page, 'ranked', id).count(), 1, `${id} is ranked once silver is allowed`);
  assert.match(await urlValue(page), /_tier\.gold\.silver$/);
  await page.close();
});

test('a small team gets reasons against the heavy patterns', async () => {
  const { page } = await recommenderPage();
  const profile = { team_size: 3 };
  await fill(page, profile);
  const expected = evidence(profile);
  const against = Object.entries(expected).filter(([, r]) => score(r) < 0);
  assert.ok(against.some(([id]) => id === 'microservices'), 'the shipped rules argue against microservices for a small team');
  for (const [id, reasons] of against) {
    const li = item(page, 'discouraged', id);
    assert.equal(await li.count(), 1, `${id} is discouraged`);
    assert.equal(await li.locator('[part~=score]').textContent(), `score ${signed(score(reasons))}`);
    for (const r of reasons) assert.ok((await li.textContent()).includes(r.reason), r.reason);
  }
  await page.close();
});

test('complements are marked as such, and the complexity of the set is estimated', async () => {
  const { page } = await recommenderPage();
  await fill(page, BUSY);
  const complements = page.locator('#rec [part~=complement]');
  assert.ok(await complements.count() > 0);
  const ranked = new Set(await page.locator('#rec [part~=ranked-item]').evaluateAll((li) => li.map((x) => x.dataset.pattern)));
  for (const li of await complements.all()) {
    assert.match(await li.textContent(), /^Complement/);
    assert.ok(!ranked.has(await li.getAttribute('data-pattern')), 'a complement is not ranked itself');
    assert.match(await li.textContent(), / — (required by|complements|enhances|enhanced by) /);
  }
  const levels = ['low', 'medium', 'high', 'very-high'];
  const data = Object.fromEntries(catalog.complexity.map((c) => [c.pattern, c.complexity]));
  const highest = [...ranked].map((id) => data[id]).filter(Boolean).sort((a, b) => levels.indexOf(b) - levels.indexOf(a))[0];
  const dl = page.locator('#rec [part~=complexity]');
  assert.equal(await dl.locator('dt:text-is("Overall") + dd').textContent(), highest);
  await page.close();
});

test('unknown and invalid values are shown next to the form and left out', async () => {
  const { page, problems } = await recommenderPage('?recommender=bogus:1;availability:50;consistency:strong');
  const note = page.locator('#rec [part~=form-problems]');
  await note.waitFor();
  const text = await note.textContent();
  assert.match(text, /“bogus” is not a requirement of this catalog/);
  assert.match(text, new RegExp(`${fieldOf.availability.label}: .*left out`));
  const field = page.locator('#rec [part~=field][data-field=availability]');
  assert.equal(await field.getAttribute('data-state'), 'invalid');
  assert.match(await field.locator('[part~=field-problem]').textContent(), /^Not used: /);
  assert.equal(await field.locator('input').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#rec [part~=count]').textContent(), /for 1 requirement\.$/, 'only the valid field counts');
  // Correcting the value clears the note.
  await fill(page, { availability: 99.9 });
  assert.equal(await field.getAttribute('data-state'), 'set');
  assert.doesNotMatch(await note.textContent(), /Availability/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the profile lives in the URL: reload gives the same view, the back button the previous one', async () => {
  const { page, problems } = await recommenderPage();
  await fill(page, { peak_rps: 10000 });
  const first = await urlValue(page);
  assert.equal(first, 'peak~5Frps.10000');
  await fill(page, { consistency: 'strong', compliance: ['gdpr', 'pci-dss'] });
  const value = await urlValue(page);
  assert.equal(value, 'peak~5Frps.10000_consistency.strong_compliance.gdpr.pci-dss');
  const before = await page.locator('#rec [part~=ranked-item]').evaluateAll((li) => li.map((x) => x.dataset.pattern));

  await page.reload();
  await page.locator('#rec [part~=ranked-item]').first().waitFor();
  assert.equal(await page.locator('#rec input[name=peak_rps]').inputValue(), '10000');
  assert.equal(await page.locator('#rec select[name=consistency]').inputValue(), 'strong');
  assert.deepEqual(await page.locator('#rec input[name=compliance]:checked').evaluateAll((b) => b.map((x) => x.value)), ['gdpr', 'pci-dss']);
  assert.deepEqual(await page.locator('#rec [part~=ranked-item]').evaluateAll((li) => li.map((x) => x.dataset.pattern)), before);

  await page.goBack();  // before pci-dss was ticked
  await page.waitForFunction(() => !location.search.includes('pci-dss'));
  assert.deepEqual(await page.locator('#rec input[name=compliance]:checked').evaluateAll((b) => b.map((x) => x.value)), ['gdpr']);
  await page.goBack(); await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('recommender') === 'peak~5Frps.10000');
  assert.equal(await page.locator('#rec select[name=consistency]').inputValue(), '');
  assert.equal(await page.locator('#rec input[name=compliance]:checked').count(), 0);
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('recommender'));
  assert.equal(await page.locator('#rec input[name=peak_rps]').inputValue(), '');
  assert.equal(await page.locator('#rec [part~=count]').textContent(), 'Fill in a requirement to get recommendations.');

  // "Clear all fields" empties the profile as one more history entry.
  await page.goForward();
  await page.locator('#rec [part~=clear]').click();
  assert.equal(await urlValue(page), null);
  assert.equal(await page.locator('#rec input[name=peak_rps]').inputValue(), '');
  assert.deepEqual(problems, []);
  await page.close();
});

test('links in the older form (`field:value;...!tiers`) open the same profile; the next change writes the new form', async () => {
  const { page, problems } = await recommenderPage('?recommender=peak_rps:10000;consistency:strong;compliance:gdpr,pci-dss!gold,silver');
  await page.locator('#rec [part~=ranked-item]').first().waitFor();
  assert.equal(await page.locator('#rec input[name=peak_rps]').inputValue(), '10000');
  assert.equal(await page.locator('#rec select[name=consistency]').inputValue(), 'strong');
  assert.deepEqual(await page.locator('#rec input[name=compliance]:checked').evaluateAll((b) => b.map((x) => x.value)), ['gdpr', 'pci-dss']);
  assert.deepEqual(await page.locator('#rec input[name=tier]:checked').evaluateAll((b) => b.map((x) => x.value)), ['gold', 'silver']);
  assert.equal(await urlValue(page), 'peak_rps:10000;consistency:strong;compliance:gdpr,pci-dss!gold,silver', 'opening a link leaves it alone');
  await page.locator('#rec input[name=compliance][value=gdpr]').uncheck();
  assert.equal(await urlValue(page), 'peak~5Frps.10000_consistency.strong_compliance.pci-dss_tier.gold.silver');
  assert.deepEqual(problems, []);
  await page.close();
});

test('keyboard only: Tab to a field, type, pick a choice with the arrow keys', async () => {
  const { page } = await recommenderPage();
  const activeName = () => page.evaluate(() => document.querySelector('#rec').shadowRoot.activeElement?.getAttribute('name'));
  for (let i = 0; i < 40 && (await activeName()) !== 'external_dependencies'; ++i) await page.keyboard.press('Tab');
  assert.equal(await activeName(), 'external_dependencies');
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  assert.equal(await item(page, 'ranked', 'circuit-breaker').count(), 1);
  for (let i = 0; i < 40 && (await activeName()) !== 'consistency'; ++i) await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');  // Not set -> strong
  assert.equal(await page.locator('#rec select[name=consistency]').inputValue(), fieldOf.consistency.values[0]);
  assert.equal(await urlValue(page), `external~5Fdependencies.5_consistency.${fieldOf.consistency.values[0]}`);
  await page.close();
});

test('at 360 px wide the form and the results fit the page', async () => {
  const { page } = await recommenderPage(`?recommender=peak_rps:10000;external_dependencies:5;team_size:3`);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator('#rec [part~=ranked-item]').first().waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
  await page.close();
});

test('markup in a catalog\'s fields and rules renders inert', async () => {
  const { page, problems } = await recommenderPage('', 'recommender-hostile.html');
  assert.match(await page.locator('#rec [part~=field][data-field=load] label').textContent(), /^<img src=x onerror="window.pwned=30">Load$/);
  await page.locator('#rec input[name=load]').fill('5');
  await page.locator('#rec input[name=load]').blur();
  await page.locator('#rec input[name=tier][value=bronze]').check();
  await page.locator('#rec select[name=style]').selectOption('<b>x</b>');
  await page.locator('#rec input[name=tags]').first().check();
  assert.match(await item(page, 'ranked', 'safe').textContent(), /<img src=x onerror="window.pwned=35">reason/);
  assert.match(await urlValue(page), /^load\.5_style\.~3Cb~3Ex~3C~2Fb~3E_tags\.~3Cimg/);
  await page.reload();
  await page.locator('#rec [part~=ranked-item]').first().waitFor();
  assert.equal(await page.locator('#rec select[name=style]').inputValue(), '<b>x</b>');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  const bad = await page.evaluate(() => document.querySelector('#rec').shadowRoot.querySelectorAll('img, script, iframe, b, svg:not(.tier-icon)').length);
  assert.equal(bad, 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('no serious accessibility violations, empty and with results (axe)', async () => {
  const { seriousViolations } = await import('./axe.mjs');
  const { page } = await recommenderPage();
  assert.deepEqual(await seriousViolations(page), [], 'empty form');
  await fill(page, { ...BUSY, team_size: 3, compliance: ['gdpr'] });
  await page.locator('#rec input[name=tier][value=silver]').check();
  assert.deepEqual(await seriousViolations(page), [], 'results');
  await page.goto(`${page.url().split('?')[0]}?recommender=bogus:1;availability:50;peak_rps:100`);
  await page.locator('#rec [part~=form-problems]').waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'invalid and unknown values');
  await page.close();
});
