// The pure parts of the organization elements and the demo, in Node: what
// the learning path, problem matrix, quick reference and compositions keep
// in the URL, which decision tree a problem hands over to, and the demo's routes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compositionsForm, learningPathForm, problemMatrixForm, quickReferenceForm } from '../../../web/elements/url-forms.js';
import { treesForProblems } from '../../../web/elements/problem-trees.js';
import { routeOf } from '../../../web/demo/router.js';

test('one chosen id: `path.intermediate`; null for the element\'s own; the bare key for none', () => {
  assert.equal(learningPathForm.write('intermediate'), 'path.intermediate');
  assert.equal(learningPathForm.write(null), null);
  assert.equal(quickReferenceForm.write(''), 'card');
  assert.equal(compositionsForm.write('two-phase commit'), 'pattern.two-phase~20commit');
  assert.equal(learningPathForm.read('path.intermediate'), 'intermediate');
  assert.equal(quickReferenceForm.read('card'), '');
  assert.equal(compositionsForm.read('pattern.two-phase~20commit'), 'two-phase commit');
  assert.equal(learningPathForm.read(null), null);
  assert.equal(learningPathForm.read('card.x'), null, 'another key is not this element\'s');
});

test('problem matrix: area and tiers, each left out at the attribute\'s', () => {
  assert.equal(problemMatrixForm.write({ area: 'availability', tiers: ['gold', 'silver'] }), 'area.availability_tier.gold.silver');
  assert.equal(problemMatrixForm.write({ area: '', tiers: undefined }), 'area');
  assert.equal(problemMatrixForm.write({}), '');
  assert.deepEqual(problemMatrixForm.read('area.availability_tier.silver.gold'), { area: 'availability', tiers: ['gold', 'silver'] });
  assert.deepEqual(problemMatrixForm.read('tier'), { area: undefined, tiers: [] }, 'no tier ticked');
  assert.deepEqual(problemMatrixForm.read('area'), { area: '', tiers: undefined }, 'every area');
  assert.equal(problemMatrixForm.read(null), null);
});

test('a problem hands over to the tree naming most of its patterns, primary ones twice, the more specific on a tie', () => {
  const brief = (ids) => ids.map((pattern) => ({ pattern }));
  const problems = [
    { id: 'p1', primary: brief(['a', 'b']), supporting: brief(['c']) },
    { id: 'p2', primary: brief(['x']), supporting: brief(['a', 'b', 'c']) },
    { id: 'p3', primary: brief(['a']), supporting: brief([]) },
  ];
  const trees = [
    { id: 'general', picks: new Set(['a', 'b', 'c', 'd', 'e']) },
    { id: 'specific', picks: new Set(['a', 'b', 'c']) },
    { id: 'other', picks: new Set(['c', 'y']) },
  ];
  const chosen = treesForProblems(problems, trees);
  assert.equal(chosen.get('p1').id, 'specific', 'equal scores: fewer picks wins');
  assert.equal(chosen.has('p2'), false, 'supporting patterns alone are not enough');
  assert.equal(treesForProblems(problems, [trees[0], { id: 'half', picks: new Set(['a']) }]).get('p1').id, 'general', 'a higher score wins');
  assert.equal(chosen.get('p3').id, 'specific');
});

test('demo routes: the hash as decoded segments', () => {
  assert.deepEqual(routeOf(''), []);
  assert.deepEqual(routeOf('#/'), []);
  assert.deepEqual(routeOf('#/pattern/saga/'), ['pattern', 'saga']);
  assert.deepEqual(routeOf('#/pattern/a%20b'), ['pattern', 'a b']);
  assert.deepEqual(routeOf('#/tree/%E0%A4'), ['tree', '%E0%A4'], 'a malformed escape stays as it is');
});
