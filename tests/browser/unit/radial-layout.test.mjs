// The related graph's radial layout (web/elements/radial-layout.js) in
// Node: the order and gaps of relation groups, deeper patterns beside the
// one they were reached through, titles placed beside their dots, no title
// or dot over another at any size, a width kept, the strongest patterns
// first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOT, estimateWidth, labelAt, overlaps, radialLayout, strongestFirst } from '../../../web/elements/radial-layout.js';

const neighbour = (pattern, title, depth, via, relations, tier = 'gold') =>
  ({ pattern, title, depth, via, tier, relations: relations.map((relation) => ({ relation, notes: [] })) });
const centre = { pattern: 'c', title: 'Centre Pattern', tier: 'gold' };
const degrees = (radians) => (radians * 180) / Math.PI;
// The direction of a point from the middle, clockwise from straight up, 0 to 360.
const direction = ({ x, y }) => (degrees(Math.atan2(x, -y)) + 360) % 360;

const WORDS = ['Circuit', 'Breaker', 'Event', 'Sourcing', 'Transactional', 'Outbox', 'Read', 'Replica', 'Leader', 'Election',
  'Consistent', 'Hashing', 'Distributed', 'Lock', 'Change', 'Data', 'Capture', 'Write-Ahead', 'Log', 'Service', 'Mesh'];
const RELATIONS = ['requires', 'complements', 'alternative', 'replaces', 'conflicts-with', 'related'];
// A deterministic neighbourhood: `first` patterns one step away, `further` two steps away.
function neighbourhood(first, further) {
  const title = (i) => Array.from({ length: 1 + (i % 4) }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');
  const out = [];
  for (let i = 0; i < first; i++) out.push(neighbour(`a${i}`, `${title(i)} ${i}`, 1, 'c', [RELATIONS[i % RELATIONS.length]], ['gold', 'silver', 'bronze'][i % 3]));
  for (let i = 0; i < further; i++) out.push(neighbour(`b${i}`, `${title(i + 5)} ${i}`, 2, `a${(i * 5) % first}`, [RELATIONS[(i + 2) % RELATIONS.length]]));
  return out;
}

/** Every pair of boxes (titles and dots) of different patterns that overlap. */
function overlapping(layout) {
  const boxes = [];
  for (const [id, n] of layout.nodes) {
    boxes.push([id, 'title', n.label.box], [id, 'dot', { x0: n.x - n.dot, y0: n.y - n.dot, x1: n.x + n.dot, y1: n.y + n.dot }]);
  }
  const found = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (boxes[i][0] !== boxes[j][0] && overlaps(boxes[i][2], boxes[j][2])) found.push(`${boxes[i][0]} ${boxes[i][1]} / ${boxes[j][0]} ${boxes[j][1]}`);
    }
  }
  return found;
}

/** True when every dot and title lies inside the bounds. */
function inside(layout) {
  const { x, y, width, height } = layout.bounds;
  return [...layout.nodes.values()].every((n) => n.label.box.x0 >= x && n.label.box.x1 <= x + width &&
    n.label.box.y0 >= y && n.label.box.y1 <= y + height && n.x - n.dot >= x && n.x + n.dot <= x + width);
}

test('depth 1: strongest relation first from straight up, clockwise, the groups apart', () => {
  const layout = radialLayout(centre, [
    neighbour('b', 'Beta', 1, 'c', ['complements']),
    neighbour('d', 'Delta', 1, 'c', ['requires']),
    neighbour('a', 'Alpha', 1, 'c', ['complements', 'requires']),  // its strongest: requires
    neighbour('e', 'Echo', 1, 'c', ['related']),
  ]);
  const at = (id) => layout.nodes.get(id);
  assert.ok(Math.abs(at('a').x) < 1e-6 && at('a').y < 0, 'Alpha (requires, first by title) straight up');
  const order = ['a', 'd', 'b', 'e'].map((id) => direction(at(id)));
  assert.deepEqual([...order].sort((x, y) => x - y), order, `clockwise: ${order.map(Math.round)}`);
  // A gap between groups: the step from Delta to Beta (another relation) is wider than from Alpha to Delta.
  assert.ok(order[2] - order[1] > order[1] - order[0], `${order.map(Math.round)}`);
  assert.equal(layout.rings.length, 1);
  assert.deepEqual(overlapping(layout), []);
});

test('titles: outward on the outermost ring, above or below the dot on inner rings, below the middle one', () => {
  const lines = ['Two words'];
  const right = labelAt({ x: 200, y: 0 }, DOT.node, lines, 'outward');
  assert.equal(right.anchor, 'start');
  assert.ok(right.box.x0 > 200 + DOT.node && right.box.y0 < 0 && right.box.y1 > 0, 'beside the dot, level with it');
  const left = labelAt({ x: -200, y: 0 }, DOT.node, lines, 'outward');
  assert.equal(left.anchor, 'end');
  assert.ok(left.box.x1 < -200 - DOT.node);
  const top = labelAt({ x: 0, y: -200 }, DOT.node, ['one', 'two'], 'outward');
  assert.equal(top.anchor, 'middle');
  assert.ok(top.box.y1 < -200 - DOT.node, 'above the dot, growing upwards');
  assert.equal(top.y, top.box.y0 + 0.95 * top.size, 'the first baseline inside the box');
  const upper = labelAt({ x: 200, y: -10 }, DOT.node, lines, 'beside');
  assert.equal(upper.anchor, 'middle');
  assert.ok(upper.box.y1 < -10 - DOT.node, 'inner ring, upper half: above');
  const lower = labelAt({ x: 200, y: 10 }, DOT.node, lines, 'beside');
  assert.ok(lower.box.y0 > 10 + DOT.node, 'inner ring, lower half: below');
  const middle = labelAt({ x: 0, y: 0 }, DOT.centre, ['Saga'], 'below');
  assert.equal(middle.anchor, 'middle');
  assert.ok(middle.box.y0 > DOT.centre);
  assert.equal(middle.size, 15);
  // The box is as wide as the widest line measures.
  const wide = labelAt({ x: 200, y: 0 }, DOT.node, ['a', 'bbbb'], 'outward', (text) => text.length * 10);
  assert.equal(wide.box.x1 - wide.box.x0, 40);
});

test('no title or dot over another, whatever the number of patterns, with and without a width to keep', () => {
  for (const [first, further] of [[1, 0], [5, 0], [17, 0], [30, 0], [8, 12], [17, 60], [6, 90]]) {
    for (const maxWidth of [Infinity, 1000, 688]) {
      const layout = radialLayout(centre, neighbourhood(first, further), { maxWidth });
      assert.deepEqual(overlapping(layout), [], `${first} + ${further} at ${maxWidth}`);
      assert.equal(layout.nodes.size, 1 + first + further);
      assert.ok(inside(layout), `${first} + ${further} at ${maxWidth}: everything inside the bounds`);
      assert.ok([...layout.nodes.values()].every((n) => n.angle >= 0 && n.angle < 2 * Math.PI), 'angles from 0 to a full turn');
    }
  }
});

test('a width to keep: rings grow in height instead, and the picture fits where it can', () => {
  const data = neighbourhood(17, 12);
  const free = radialLayout(centre, data);
  const kept = radialLayout(centre, data, { maxWidth: 760 });
  assert.ok(free.bounds.width > 760, `unbounded it is wider (${Math.round(free.bounds.width)})`);
  assert.ok(kept.bounds.width <= 760, `kept: ${Math.round(kept.bounds.width)}`);
  assert.ok(kept.rings.some((r) => r.ry > r.rx), 'an upright ellipse');
  assert.ok(free.rings.every((r) => r.rx === r.ry), 'circles when there is room');
});

test('depth 2: an outer ring, each pattern near the one it was reached through', () => {
  const data = neighbourhood(8, 16);
  const layout = radialLayout(centre, data);
  assert.equal(layout.rings.length, 2);
  assert.ok(layout.rings[1].ry > layout.rings[0].ry);
  const turns = data.filter((n) => n.depth === 2).map((n) => {
    const d = Math.abs(direction(layout.nodes.get(n.pattern)) - direction(layout.nodes.get(n.via)));
    return Math.min(d, 360 - d);
  });
  const close = turns.filter((t) => t < 60).length;
  assert.ok(close >= turns.length * 0.75, `most within 60 degrees of their way in: ${turns.map(Math.round)}`);
  for (const n of data.filter((m) => m.depth === 2)) {
    const { x, y } = layout.nodes.get(n.pattern);
    const ring = layout.rings[1];
    assert.ok(Math.abs((x / ring.rx) ** 2 + (y / ring.ry) ** 2 - 1) < 1e-9, `${n.pattern} on the outer ring`);
  }
});

test('the same answer gives the same picture; titles measured as the caller measures them', () => {
  const data = neighbourhood(10, 10);
  const a = radialLayout(centre, data, { maxWidth: 900 });
  const b = radialLayout(centre, structuredClone(data), { maxWidth: 900 });
  assert.deepEqual([...a.nodes], [...b.nodes]);
  const wider = radialLayout(centre, data, { maxWidth: 900, measure: (text, size) => estimateWidth(text, size) * 1.5 });
  const title = (layout) => layout.nodes.get('a1').label.box;
  assert.ok(title(wider).x1 - title(wider).x0 > (title(a).x1 - title(a).x0) * 1.4);
  assert.deepEqual(overlapping(wider), []);
});

test('no neighbours: the middle pattern alone', () => {
  const layout = radialLayout(centre, []);
  assert.deepEqual([...layout.nodes.keys()], ['c']);
  assert.deepEqual(layout.rings, []);
  assert.ok(inside(layout));
});

test('strongest first: every pattern one step away, then the strongest further ones', () => {
  const data = [
    neighbour('near-related', 'Near Related', 1, 'c', ['related']),
    neighbour('near-requires', 'Near Requires', 1, 'c', ['requires']),
    neighbour('far-related', 'Far Related', 2, 'near-requires', ['related']),
    neighbour('far-requires-2', 'Far Requires B', 2, 'near-related', ['requires']),
    neighbour('far-requires-1', 'Far Requires A', 2, 'near-requires', ['requires']),
    neighbour('far-bronze', 'Far Bronze', 2, 'near-requires', ['requires'], 'bronze'),
    neighbour('farther', 'Farther', 3, 'far-related', ['requires']),
    neighbour('farther-kept', 'Farther Kept', 3, 'far-requires-1', ['requires']),
  ];
  const ids = (result) => result.shown.map((n) => n.pattern);
  assert.deepEqual(ids(strongestFirst(data, 0)), ['near-related', 'near-requires']);
  assert.equal(strongestFirst(data, 0).hidden, 6);
  // Requires before related; among those, reached through the stronger pattern first (near-requires), then gold before bronze.
  assert.deepEqual(ids(strongestFirst(data, 1)), ['near-related', 'near-requires', 'far-requires-1']);
  assert.deepEqual(ids(strongestFirst(data, 2)), ['near-related', 'near-requires', 'far-requires-1', 'far-bronze']);
  assert.deepEqual(ids(strongestFirst(data, 3)), ['near-related', 'near-requires', 'far-requires-2', 'far-requires-1', 'far-bronze']);
  assert.equal(strongestFirst(data, 3).hidden, 3);
  // A pattern three steps away only with the one it is reached through.
  const five = ids(strongestFirst(data, 5));
  assert.ok(five.includes('farther-kept') && !five.includes('farther'), five.join());
  assert.equal(strongestFirst(data).hidden, 0);
  assert.deepEqual(ids(strongestFirst(data)), data.map((n) => n.pattern), 'all, in the order given');
});
