// The elements' shared words and tiers (web/elements/text.js, tiers.js) in
// Node: lists joined as sentences, counts, wrapped titles, the `tiers`
// attribute.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count, humanize, joinNodes, joinWords, lowerFirst, wrapCut, wrapWhole } from '../../../web/elements/text.js';
import { parseTiers, sameTiers, tierOf } from '../../../web/elements/tiers.js';

test('lists read as a sentence would say them', () => {
  assert.equal(joinWords([]), '');
  assert.equal(joinWords(['gold']), 'gold');
  assert.equal(joinWords(['gold', 'silver']), 'gold and silver');
  assert.equal(joinWords(['a', 'b', 'c'], 'or'), 'a, b or c');
  assert.deepEqual(joinNodes(['a', 'b', 'c'], ', ', ' or '), ['a', ', ', 'b', ' or ', 'c']);
  assert.deepEqual(joinNodes(['a', 'b'], ' with '), ['a', ' with ', 'b']);
  assert.deepEqual(joinNodes([], ', '), []);
  assert.equal(count(1, 'pattern'), '1 pattern');
  assert.equal(count(0, 'conflict'), '0 conflicts');
  assert.equal(lowerFirst('Required by'), 'required by');
  assert.equal(humanize('read-heavy'), 'Read heavy');
});

test('wrapCut: fixed boxes; long words and the last line are cut with an ellipsis', () => {
  assert.deepEqual(wrapCut('Do you need strong consistency?', 12, 4), ['Do you need', 'strong', 'consistency?']);
  assert.deepEqual(wrapCut('Supercalifragilistic', 8, 2), ['Superca…']);
  assert.deepEqual(wrapCut('one two three four', 7, 2), ['one two', 'three…']);
  assert.deepEqual(wrapCut('', 10, 2), ['']);
});

test('wrapWhole: labels of controls; words are never cut, past three lines the third ends with an ellipsis', () => {
  assert.deepEqual(wrapWhole('Command Query Responsibility Segregation', 20), ['Command Query', 'Responsibility', 'Segregation']);
  assert.deepEqual(wrapWhole('Extraordinarily-long-single-word title', 10), ['Extraordinarily-long-single-word', 'title']);
  assert.deepEqual(wrapWhole('a b c d', 1), ['a', 'b', 'c…']);
  assert.deepEqual(wrapWhole('Café Über', 9), ['Café Über'], 'counted in characters, not UTF-16 units');
});

test('the tiers attribute: known tiers in tier order; text that names none gives the fallback', () => {
  assert.deepEqual(parseTiers('silver gold'), ['gold', 'silver']);
  assert.deepEqual(parseTiers('bronze,gold,platinum'), ['gold', 'bronze']);
  assert.deepEqual(parseTiers('platinum'), ['gold']);
  assert.deepEqual(parseTiers('platinum', []), []);
  assert.deepEqual(parseTiers(''), []);
  assert.deepEqual(parseTiers(undefined), []);
  assert.equal(tierOf('silver'), 'silver');
  assert.equal(tierOf('platinum'), 'unclassified');
  assert.equal(sameTiers(['gold', 'silver'], ['silver', 'gold']), true);
  assert.equal(sameTiers(['gold'], ['gold', 'silver']), false);
});

test('firstSentence: one sentence, long ones end at a semicolon or a comma', async () => {
  const { firstSentence } = await import('../../../web/elements/text.js');
  assert.equal(firstSentence('Short one. And another.'), 'Short one.');
  assert.equal(firstSentence('Keeps 99.9% of calls fast. Then more.'), 'Keeps 99.9% of calls fast.');
  assert.equal(firstSentence('No full stop at all'), 'No full stop at all');
  const long = `Participants that voted yes must hold locks until they learn the outcome; ${'and more words '.repeat(20)}end.`;
  assert.equal(firstSentence(long), 'Participants that voted yes must hold locks until they learn the outcome.');
  const commas = `${'word, '.repeat(60)}end.`;
  const cut = firstSentence(commas, 100);
  assert.ok(cut.endsWith('…') && cut.length <= 101, cut);
  assert.equal(firstSentence(''), '');
});
