// The decision tree diagram's layered layout (web/elements/tree-layout.js)
// in Node: a small tree placed by hand, the rules it keeps (layers, bends,
// shared edges, cycles), and every tree of the shipped catalog drawn
// without a box over another or an edge going up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { edgePath, layoutTree } from '../../../web/elements/tree-layout.js';

const catalog = JSON.parse(await readFile(new URL('../../../data/catalog.json', import.meta.url), 'utf8'));

const question = (id, ...options) => ({ id, text: `Question ${id}?`, options });
const toQuestion = (id, next) => ({ id, label: `to ${next}`, next });
const toResult = (id, result) => ({ id, label: `to ${result}`, result });

// a -> b, a -> r1 (skips a layer), b -> r1, b -> r2
const small = {
  start: 'a',
  questions: [question('a', toQuestion('x', 'b'), toResult('y', 'r1')), question('b', toResult('p', 'r1'), toResult('q', 'r2'))],
  results: [{ id: 'r1', title: 'One' }, { id: 'r2', title: 'Two' }],
};

test('a small tree, placed as worked out by hand', () => {
  const layout = layoutTree(small);
  // Layers: a 0, b 1, r1 and r2 2 (r1's longest way is through b).
  assert.deepEqual(layout.order, ['q:a', 'q:b', 'r:r2', 'r:r1'], 'layer by layer, each ordered under its parents');
  // Boxes are 180 wide, one line of text makes them 31 high, rows are 92 apart, margins 10.
  const box = (key) => { const n = layout.nodes.get(key); return [n.x, n.y, n.w, n.h]; };
  assert.deepEqual(box('q:a'), [146.5, 10, 180, 31]);
  assert.deepEqual(box('q:b'), [81.5, 133, 180, 31]);
  assert.deepEqual(box('r:r2'), [10, 256, 180, 31]);
  assert.deepEqual(box('r:r1'), [218, 256, 180, 31]);
  assert.equal(layout.width, 408);
  assert.equal(layout.height, 297);
  assert.equal(layout.questionCount, 2);
  assert.equal(layout.resultCount, 2);
  // a -> r1 leaves a's bottom, bends through layer 1 beside b, enters r1's top.
  const skip = layout.edges.find((e) => e.from === 'q:a' && e.to === 'r:r1');
  assert.deepEqual(skip.points, [[236.5, 41], [301.5, 133], [301.5, 164], [308, 256]]);
  assert.deepEqual(skip.options, ['y']);
  // a's two edges put their labels at 30% and 66% of the way down, left one first.
  const toB = layout.edges.find((e) => e.from === 'q:a' && e.to === 'q:b');
  assert.ok(Math.abs(toB.label.x - 222.46) < 1e-9 && Math.abs(toB.label.y - 68.6) < 1e-9, JSON.stringify(toB.label));
  assert.equal(skip.label.y, 41 + 92 * 0.66);
});

test('options between the same two nodes share one edge; a way back up and unreachable nodes are left out', () => {
  const layout = layoutTree({
    start: 'a',
    questions: [
      question('a', toQuestion('x', 'b'), toQuestion('y', 'b')),
      question('b', toQuestion('back', 'a'), toResult('done', 'r')),
      question('lonely', toResult('z', 'r')),
    ],
    results: [{ id: 'r', title: 'Done' }],
  });
  assert.deepEqual(layout.order, ['q:a', 'q:b', 'r:r']);
  assert.deepEqual(layout.edges.map((e) => `${e.from}>${e.to}`), ['q:a>q:b', 'q:b>r:r']);
  assert.deepEqual(layout.edges[0].labels, ['to b', 'to b']);
  assert.deepEqual(layout.edges[0].options, ['x', 'y']);
  assert.equal(layout.questionCount, 2);
});

test('long text wraps to at most four lines and makes its row taller', () => {
  const layout = layoutTree({
    start: 'a',
    questions: [{ id: 'a', text: 'word '.repeat(40).trim(), options: [toResult('o', 'r')] }],
    results: [{ id: 'r', title: 'Short' }],
  });
  const a = layout.nodes.get('q:a');
  assert.equal(a.lines.length, 4);
  assert.ok(a.lines.every((line) => line.length <= 27));
  assert.equal(a.lines[3].at(-1), '…');
  assert.equal(a.h, 16 + 4 * 15);
  assert.equal(layout.nodes.get('r:r').h, 31);
});

test('a tree without a start question is an empty drawing, not a broken one', () => {
  const layout = layoutTree({ start: 'missing', questions: [], results: [] });
  assert.deepEqual([layout.order, layout.edges, layout.width, layout.height], [[], [], 20, 20]);
});

test('edge paths: straight down where x stays, an S-curve where it moves', () => {
  assert.equal(edgePath([[10, 0], [10, 50]]), 'M10,0 L10,50');
  assert.equal(edgePath([[10, 0], [30, 40], [30, 60]]), 'M10,0 C10,20 30,20 30,40 L30,60');
});

test('every tree of the shipped catalog: boxes apart, edges downward, every question and result placed, the same every time', () => {
  assert.ok(catalog.trees.length > 0);
  for (const tree of catalog.trees) {
    const layout = layoutTree(tree);
    assert.equal(layout.questionCount, tree.questions.length, tree.id);
    assert.equal(layout.resultCount, tree.results.length, tree.id);
    const boxes = [...layout.nodes.values()];
    for (const a of boxes) {
      assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.w <= layout.width && a.y + a.h <= layout.height, `${tree.id}: ${a.key} inside`);
      for (const b of boxes) {
        if (a === b) continue;
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        assert.ok(apart, `${tree.id}: ${a.key} and ${b.key} overlap`);
      }
    }
    for (const edge of layout.edges) {
      const ys = edge.points.map(([, y]) => y);
      assert.ok(ys.every((y, i) => i === 0 || y > ys[i - 1]), `${tree.id}: ${edge.from}>${edge.to} goes down`);
      assert.equal(ys[0], layout.nodes.get(edge.from).y + layout.nodes.get(edge.from).h, 'leaves the bottom of its box');
      assert.equal(ys.at(-1), layout.nodes.get(edge.to).y, 'enters the top of its box');
    }
    assert.deepEqual(JSON.parse(JSON.stringify({ ...layoutTree(tree), nodes: [...layoutTree(tree).nodes] })),
      JSON.parse(JSON.stringify({ ...layout, nodes: [...layout.nodes] })), `${tree.id}: deterministic`);
  }
});
