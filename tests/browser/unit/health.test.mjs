// The health elements' pure parts in Node: their URL forms and the words
// they use for dates, tier changes and scores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changesForm, healthForm } from '../../../web/elements/url-forms.js';
import { currentTier, knownText, monthText, scoreText, sinceDate, tierChangeText, tierSinceText } from '../../../web/elements/health-words.js';

test('health filters: only what differs from the attributes; a bare category is every category', () => {
  assert.equal(healthForm.write({ tiers: ['gold', 'silver'], category: 'resilience', flagged: true }), 'tier.gold.silver_category.resilience_flagged.yes');
  assert.equal(healthForm.write({ category: '', flagged: false }), 'category_flagged.no');
  assert.equal(healthForm.write({}), '');
  assert.deepEqual(healthForm.read('tier.silver.gold_flagged.yes'), { tiers: ['gold', 'silver'], category: undefined, flagged: true, all: false });
  assert.deepEqual(healthForm.read('category_flagged.no'), { tiers: undefined, category: '', flagged: false, all: false });
  assert.deepEqual(healthForm.read('tier'), { tiers: [], category: undefined, flagged: undefined, all: false }, 'no tier ticked');
  // "Show all" rows: kept beside the filters, left out when not asked for.
  assert.equal(healthForm.write({ flagged: true, all: true }), 'flagged.yes_all.yes');
  assert.equal(healthForm.write({ all: false }), '');
  assert.deepEqual(healthForm.read('all.yes'), { tiers: undefined, category: undefined, flagged: undefined, all: true });
  assert.equal(healthForm.read(null), null);
});

test('changes: a date, every recorded change, or the release', () => {
  assert.equal(changesForm.write({ view: 'date', since: '2024-06' }), 'since.2024-06');
  assert.equal(changesForm.write({ view: 'date', since: '' }), 'since');
  assert.equal(changesForm.write({ view: 'release' }), 'release');
  assert.equal(changesForm.write(null), null);
  assert.deepEqual(changesForm.read('since.2024-06'), { view: 'date', since: '2024-06' });
  assert.deepEqual(changesForm.read('since'), { view: 'date', since: '' });
  assert.deepEqual(changesForm.read('release'), { view: 'release', since: '' });
  assert.equal(changesForm.read('other.1'), null);
  assert.equal(changesForm.read(null), null);
});

test('dates, tier changes and scores in words', () => {
  assert.equal(monthText('2024-06'), 'June 2024');
  assert.equal(monthText('2022'), '2022');
  assert.equal(monthText('2024-13'), '2024-13', 'not a month: as it is');
  const history = [{ date: '2019', from: 'bronze', to: 'silver' }, { date: '2024-06', from: 'silver', to: 'gold', reason: 'Two reports.' }];
  assert.deepEqual(currentTier(history), { tier: 'gold', since: '2024-06', was: 'silver', reason: 'Two reports.' });
  assert.equal(tierSinceText(history), 'gold since June 2024 (was silver)');
  assert.equal(tierSinceText([]), '');
  assert.equal(currentTier(undefined), null);
  assert.equal(tierChangeText(history[0]), '2019: bronze to silver');
  assert.equal(knownText([{ known: true }, { known: false }, { known: true }]), '2 of 3 signals known');
  assert.equal(scoreText(83.5), '83.5');
  assert.equal(scoreText(null), null);
  assert.equal(sinceDate('2024-06'), '2024-06');
  assert.equal(sinceDate(' 2024 '), '2024');
  assert.equal(sinceDate('2024-13'), null);
  assert.equal(sinceDate('June'), null);
});
