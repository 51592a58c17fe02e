// The related graph's radial layout (web/elements/radial-layout.js) in
// Node: rings, the order and gaps of relation groups, deeper patterns
// beside the one they were reached from, label spots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edgeLabelAt, nodeLabelAt, radialLayout } from '../../../web/elements/radial-layout.js';

const near = (actual, expected, what) =>
  assert.ok(Math.abs(actual - expected) < 1e-6, `${what}: ${actual} is not ${expected}`);
const at = (positions, id) => positions.get(id);
const neighbour = (pattern, title, depth, via, ...relations) =>
  ({ pattern, title, depth, via, relations: relations.map((relation) => ({ relation, notes: [] })) });
const degrees = (d) => (d * Math.PI) / 180;

test('depth 1: strongest relation first from straight up, clockwise, a gap after each group', () => {
  const { positions, radius } = radialLayout([
    neighbour('b', 'Beta', 1, 'c', 'complements'),
    neighbour('d', 'Delta', 1, 'c', 'requires'),
    neighbour('a', 'Alpha', 1, 'c', 'complements', 'requires'),  // its strongest: requires
  ]);
  // Slots: Alpha, Delta (requires), gap, Beta (complements), gap: five, 72 degrees apart, on a ring of 170.
  assert.equal(radius, 170);
  near(at(positions, 'a').x, 0, 'Alpha x');
  near(at(positions, 'a').y, -170, 'Alpha y');
  near(at(positions, 'd').x, 170 * Math.cos(degrees(-18)), 'Delta x');
  near(at(positions, 'd').y, 170 * Math.sin(degrees(-18)), 'Delta y');
  near(at(positions, 'b').x, 170 * Math.cos(degrees(126)), 'Beta x');
  near(at(positions, 'b').y, 170 * Math.sin(degrees(126)), 'Beta y');
  near(at(positions, 'd').angle, degrees(72), 'Delta angle, clockwise from up');
});

test('one relation: no gaps; many neighbours widen the ring', () => {
  const few = radialLayout([neighbour('a', 'A', 1, 'c', 'related'), neighbour('b', 'B', 1, 'c', 'related')]);
  near(few.positions.get('b').y, 170, 'two of one relation face each other');
  const many = radialLayout(Array.from({ length: 30 }, (_, i) => neighbour(`p${i}`, `P${String(i).padStart(2, '0')}`, 1, 'c', 'related')));
  near(many.radius, (30 * 46) / (2 * Math.PI), 'radius');
  near(many.positions.get('p0').y, -many.radius, 'first by title at the top');
});

test('depth 2: an outer ring 140 further out, in the order of the patterns they were reached from', () => {
  const { positions, radius } = radialLayout([
    neighbour('a', 'Alpha', 1, 'c', 'requires'),
    neighbour('b', 'Beta', 1, 'c', 'requires'),
    neighbour('e', 'Echo', 2, 'b', 'related'),
    neighbour('f', 'Fox', 2, 'a', 'related'),
  ]);
  assert.equal(radius, 310);
  near(at(positions, 'f').y, -310, 'Fox, reached from Alpha at the top, first');
  near(at(positions, 'e').y, 310, 'Echo, reached from Beta at the bottom, second');
});

test('no neighbours: nothing placed, the smallest radius', () => {
  assert.deepEqual(radialLayout([]), { positions: new Map(), radius: 60 });
});

test('edge labels: halfway, every other edge at 72% so that neighbours do not collide', () => {
  assert.deepEqual(edgeLabelAt({ x: 0, y: 0 }, { x: 100, y: 50 }, 0), { x: 50, y: 25 });
  assert.deepEqual(edgeLabelAt({ x: 0, y: 0 }, { x: 100, y: 50 }, 3), { x: 72, y: 36 });
});

test('node titles: below the middle one, outward from the others', () => {
  assert.deepEqual(nodeLabelAt({ x: 0, y: 0 }, 14, 1, true), { x: 0, y: 32, anchor: 'middle', lineHeight: 16 });
  assert.deepEqual(nodeLabelAt({ x: 170, y: 0 }, 9, 2, false), { x: 185, y: -3, anchor: 'start', lineHeight: 14 });
  assert.deepEqual(nodeLabelAt({ x: -170, y: 0 }, 9, 1, false), { x: -185, y: 4, anchor: 'end', lineHeight: 14 });
  assert.deepEqual(nodeLabelAt({ x: 0, y: -170 }, 9, 2, false), { x: 0, y: -203, anchor: 'middle', lineHeight: 14 }, 'above: grows upwards');
  assert.deepEqual(nodeLabelAt({ x: 0, y: 170 }, 9, 2, false), { x: 0, y: 195, anchor: 'middle', lineHeight: 14 });
});
