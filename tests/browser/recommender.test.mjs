// <patsel-recommender>: the requirements form built from the catalog's
// profile fields (a label for every value), the ranked patterns with their
// reasons in plain words (scores and rule ids only in "Why, in detail"),
// what the tiers excluded, reasons against heavy patterns for a small team,
// complements (at most eight before "Show all"), complexity, the fields
// worth answering next, unknown and invalid values, the results beside the
// form on a desktop and a jump bar on a phone, the profile in the URL,
// keyboard use, hostile catalog text and axe. Expected reasons come from
// the rules in the catalog file, evaluated here independently of the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist, openPage, servedBrowser } from './support.mjs';

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
// The checkout service that calls five external APIs and goes down when one is slow.
const CHECKOUT = { external_dependencies: 5, current_pain: ['cascading-failures', 'slow-responses'] };
const labelOf = (field, value) => field.value_labels?.[value];

const served = servedBrowser();

async function recommenderPage(query = '', page = 'recommender.html') {
  const opened = await openPage(served.browser, `${served.url}pages/${page}${query}`);
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
      // Every value shows the catalog's label for it, never the raw id.
      assert.deepEqual(await box.locator('option').allTextContents(), ['Not set', ...field.values.map((v) => labelOf(field, v))]);
      assert.deepEqual(await box.locator('option').evaluateAll((o) => o.map((x) => x.value)), ['', ...field.values]);
      assert.equal(await box.locator('select').inputValue(), '');
    } else if (field.type === 'set') {
      assert.deepEqual(await box.locator('input[type=checkbox]').evaluateAll((b) => b.map((x) => x.value)), field.values);
      assert.deepEqual(await box.locator('[part~=choices] label').allTextContents(), field.values.map((v) => labelOf(field, v)));
      assert.equal(await box.locator('input:checked').count(), 0);
    }
  }
  assert.equal(await page.locator('#rec [part~=count]').textContent(), 'Fill in a requirement to get recommendations.');
  assert.equal(await page.locator('#rec [part~=ranked-item]').count(), 0);
  assert.deepEqual(await page.locator('#rec input[name=tier]:checked').evaluateAll((b) => b.map((x) => x.value)), ['gold']);
  assert.equal(await urlValue(page), null);
  // The catalog labels every value of every choice and set field (this test's premise).
  for (const field of catalog.profile.filter((f) => f.values))
    for (const value of field.values) assert.ok(labelOf(field, value), `${field.id}: ${value} has a label`);
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
    // Plain words: each reason as the catalog writes it, no score, weight or rule id.
    assert.equal(await li.locator('[part~=score], [part~=weight], [part~=rule]').count(), 0);
    const plain = await li.locator('[part~=reason]').evaluateAll((items) => items.map((x) => x.innerText.replace(/^[+−]\s*/, '')));
    assert.deepEqual(plain.sort(), expected[id].map((r) => (r.weight < 0 ? `Against: ${r.reason}` : r.reason)).sort());
  }
  // "Why, in detail" shows the score, the weights and the rules.
  await page.locator('#rec [part~=detail-toggle]').click();
  assert.equal(await page.locator('#rec [part~=detail-toggle]').getAttribute('aria-pressed'), 'true');
  for (const id of ['circuit-breaker', 'timeout', 'retry-backoff', 'bulkhead', 'load-shedding']) {
    const li = item(page, 'ranked', id);
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
  assert.equal(await page.locator('#rec [part~=discouraged] [part~=score]').count(), 0, 'no score until asked for');
  await page.locator('#rec [part~=detail-toggle]').click();
  for (const [id, reasons] of against) {
    const li = item(page, 'discouraged', id);
    assert.equal(await li.count(), 1, `${id} is discouraged`);
    assert.equal(await li.locator('[part~=score]').textContent(), `score ${signed(score(reasons))}`);
    for (const r of reasons) assert.ok((await li.textContent()).includes(r.reason), r.reason);
  }
  await page.close();
});

test('complements: partners of the recommended patterns, at most eight until "Show all", and the complexity of the set', async () => {
  const { page } = await recommenderPage();
  await fill(page, BUSY);
  const all = (await page.evaluate(() => document.querySelector('#rec').recommendation.complements)).length;
  assert.ok(all > 8, 'this profile has more than eight partners');
  const complements = page.locator('#rec [part~=complement]');
  assert.equal(await complements.count(), 8);
  const ranked = new Set(await page.locator('#rec [part~=ranked-item]').evaluateAll((li) => li.map((x) => x.dataset.pattern)));
  const rankedTitles = [...ranked].map((id) => byId[id].title);
  for (const li of await complements.all()) {
    assert.ok(!ranked.has(await li.getAttribute('data-pattern')), 'a complement is not ranked itself');
    const relation = await li.locator('[part~=complement-relation]').textContent();
    const match = /^(needed by|goes well with|improves|works better with) (.+)$/.exec(relation);
    assert.ok(match, relation);
    for (const name of match[2].split(/, | and /)) assert.ok(rankedTitles.includes(name), `${name} is recommended`);
  }
  // Requirements come first.
  const kinds = await complements.evaluateAll((li) => li.map((x) => x.dataset.relationship));
  assert.deepEqual(kinds, [...kinds].sort((a, b) => (b === 'requires') - (a === 'requires')));
  await page.getByRole('button', { name: `Show all ${all}` }).click();
  assert.equal(await complements.count(), all);
  await page.getByRole('button', { name: 'Show the first 8' }).click();
  assert.equal(await complements.count(), 8);

  const levels = ['low', 'medium', 'high', 'very-high'];
  const data = Object.fromEntries(catalog.complexity.map((c) => [c.pattern, c.complexity]));
  const highest = [...ranked].map((id) => data[id]).filter(Boolean).sort((a, b) => levels.indexOf(b) - levels.indexOf(a))[0];
  const dl = page.locator('#rec [part~=complexity]');
  assert.match(await dl.locator('dt:text-is("Overall") + dd').textContent(), new RegExp(`^${highest.replace('-', ' ')}, set by `));
  await page.close();
});

test('the checkout service (two fields): at most eight complements, none off topic, no rule id or score on screen', async () => {
  const { page, problems } = await recommenderPage();
  await fill(page, CHECKOUT);
  const expected = evidence(CHECKOUT);
  const ranked = Object.entries(expected).filter(([id, r]) => score(r) > 0 && byId[id].tier === 'gold').map(([id]) => id);
  assert.equal(await page.locator('#rec [part~=count]').textContent(), `${ranked.length} patterns recommended for 2 requirements.`);
  const complements = await page.locator('#rec [part~=complement]').evaluateAll((li) => li.map((x) => x.dataset.pattern));
  assert.ok(complements.length > 0 && complements.length <= 8, `${complements.length} complements`);
  for (const offTopic of ['vector-tiles', 'key-management', 'tile-pyramid']) assert.ok(!complements.includes(offTopic), offTopic);
  const text = await page.locator('#rec [part~=results]').innerText();
  assert.doesNotMatch(text, /\(rule |score [+−-]?\d|[+−]\d+ /, 'no rule ids, scores or weights');
  for (const rule of catalog.rules.filter((r) => r.id.includes('-'))) assert.ok(!text.includes(rule.id), `rule id ${rule.id} is not shown`);
  // No ids stand in for names: patterns without an estimate are named by their titles.
  const unknown = await page.evaluate(() => document.querySelector('#rec').recommendation.complexity.unknown);
  for (const id of unknown) assert.match(text, new RegExp(`No estimate for .*${byId[id].title}`));
  assert.doesNotMatch(text, /No data for/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('worth answering next: a few empty fields, each with what it would change, and answering it does that', async () => {
  const { page } = await recommenderPage();
  await fill(page, CHECKOUT);
  const items = page.locator('#rec [part~=next-field]');
  const n = await items.count();
  assert.ok(n >= 1 && n <= 3, `${n} fields`);
  const first = items.first();
  const field = fieldOf[await first.getAttribute('data-field')];
  assert.ok(!(field.id in CHECKOUT), 'an empty field');
  const text = await first.innerText();
  assert.ok(text.startsWith(`${field.label}: `), text);
  const suggestion = (await page.evaluate(() => document.querySelector('#rec').recommendation.next_fields))[0];
  assert.equal(suggestion.field, field.id);
  const before = new Set(await page.locator('#rec [part~=ranked-item]').evaluateAll((li) => li.map((x) => x.dataset.pattern)));
  // Up to three patterns by name, then how many more.
  for (const [list, verb] of [[suggestion.adds, 'bring in'], [suggestion.drops, 'rule out']]) {
    if (!list.length) continue;
    const named = list.slice(0, 3).map((p) => p.title);
    const more = list.length > 3 ? [`${list.length - 3} more`] : [];
    const words = [...named, ...more];
    assert.ok(text.includes(`${verb} ${words.slice(0, -1).join(', ')}${words.length > 1 ? ' and ' : ''}${words.at(-1)}`), text);
  }
  for (const p of suggestion.adds) assert.ok(!before.has(p.pattern), p.pattern);
  for (const p of suggestion.drops) assert.ok(before.has(p.pattern), p.pattern);
  // The button takes the reader to the field; answering as suggested brings in what it said.
  await first.locator('[part~=answer]').click();
  assert.equal(await page.evaluate(() => document.querySelector('#rec').shadowRoot.activeElement?.dataset.field), field.id);
  await fill(page, { [field.id]: field.type === 'set' ? suggestion.value : suggestion.value });
  const after = new Set(await page.locator('#rec [part~=ranked-item]').evaluateAll((li) => li.map((x) => x.dataset.pattern)));
  for (const p of suggestion.adds) assert.ok(after.has(p.pattern), `${p.pattern} came in`);
  for (const p of suggestion.drops) assert.ok(!after.has(p.pattern), `${p.pattern} left`);
  await page.close();
});

test('on a desktop the results sit beside the form and stay in view while the reader answers', async () => {
  const { page } = await recommenderPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await fill(page, CHECKOUT);
  const form = await page.locator('#rec [part~=form]').boundingBox();
  const results = page.locator('#rec [part~=results]');
  assert.ok((await results.boundingBox()).x >= form.x + form.width, 'to the right of the form');
  assert.ok(await page.locator('#rec [part~=jump]').isHidden(), 'no jump bar');
  // Scrolled to the last field of the form, the count is still on screen and follows each answer.
  const last = catalog.profile.at(-1);
  await page.locator(`#rec [part~=field][data-field="${last.id}"]`).scrollIntoViewIfNeeded();
  const count = page.locator('#rec [part~=count]');
  const box = await count.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 800, `the count is in view (y ${box.y})`);
  const before = await count.textContent();
  await fill(page, { availability: 99.99 });
  assert.notEqual(await count.textContent(), before);
  const again = await count.boundingBox();
  assert.ok(again.y >= 0 && again.y + again.height <= 800);
  await page.close();
});

test('on a phone a bar says how many patterns are recommended and jumps to them', async () => {
  const { page } = await recommenderPage();
  await page.setViewportSize({ width: 360, height: 740 });
  const bar = page.locator('#rec [part~=jump]');
  assert.ok(await bar.isHidden(), 'no bar before any answer');
  await fill(page, { external_dependencies: 5 });
  const expected = Object.entries(evidence({ external_dependencies: 5 })).filter(([id, r]) => score(r) > 0 && byId[id].tier === 'gold').length;
  await page.locator('#rec [part~=field][data-field=consistency]').scrollIntoViewIfNeeded();
  assert.ok(await bar.isVisible());
  assert.equal(await bar.locator('[part~=jump-count]').textContent(), `${expected} patterns recommended`);
  const box = await bar.boundingBox();
  assert.ok(box.y + box.height <= 740 && box.y + box.height > 700, `the bar is at the bottom of the screen (${box.y})`);
  assert.ok(box.x >= 0 && box.x + box.width <= 360);
  await fill(page, { failure_rate: 5 });
  const now = Object.entries(evidence({ external_dependencies: 5, failure_rate: 5 })).filter(([id, r]) => score(r) > 0 && byId[id].tier === 'gold').length;
  assert.equal(await bar.locator('[part~=jump-count]').textContent(), `${now} patterns recommended`);
  await bar.getByRole('button', { name: 'See them' }).click();
  const heading = await page.locator('#rec #results-title').boundingBox();
  assert.ok(heading.y >= 0 && heading.y < 740, 'the results are on screen');
  assert.equal(await page.evaluate(() => document.querySelector('#rec').shadowRoot.activeElement?.id), 'results-title');
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
