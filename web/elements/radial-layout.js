// Where the nodes, edge labels and node titles of <patsel-related>'s graph
// go: the pattern in the middle, its neighbours on rings around it. Pure
// code (no DOM), so it runs and is tested in Node
// (tests/browser/unit/radial-layout.test.mjs). Coordinates are centred on
// the middle pattern at (0, 0); y grows downwards, as in SVG.

import { primary, relationRank } from './relations.js';

/**
 * Positions on rings for the neighbours of an engine `related` answer:
 * depth 1 on the first ring, grouped by relation (strongest first, a gap
 * between groups), deeper patterns on outer rings in the order of the
 * pattern they were reached from. The first position is straight up and
 * the others follow clockwise. Deterministic: the same answer gives the
 * same picture.
 *
 * Returns `{positions, radius}`: positions maps a pattern id to {x, y,
 * angle} (angle: clockwise from straight up, in radians), radius is the
 * outermost ring's (at least 60).
 */
export function radialLayout(neighbours) {
  const positions = new Map();
  const rings = [];
  for (const n of neighbours) (rings[n.depth - 1] ??= []).push(n);
  let radius = 0;
  let previous = 0;
  rings.forEach((ring, d) => {
    if (!ring?.length) return;
    let slots;
    if (d === 0) {
      const sorted = [...ring].sort((a, b) => relationRank(primary(a).relation) - relationRank(primary(b).relation) ||
        a.title.localeCompare(b.title));
      slots = [];
      let last;
      for (const n of sorted) {
        const group = primary(n).relation;
        if (last !== undefined && group !== last) slots.push(null);  // a gap between relation groups
        slots.push(n);
        last = group;
      }
      if (slots.filter(Boolean).length > 1 && new Set(sorted.map((n) => primary(n).relation)).size > 1) slots.push(null);
    } else {
      const angleOf = (id) => positions.get(id)?.angle ?? 0;
      slots = [...ring].sort((a, b) => angleOf(a.via) - angleOf(b.via) || a.title.localeCompare(b.title));
    }
    const r = Math.max(d === 0 ? 170 : previous + 140, (slots.length * 46) / (2 * Math.PI));
    slots.forEach((n, i) => {
      if (!n) return;
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / slots.length;
      positions.set(n.pattern, { x: r * Math.cos(angle), y: r * Math.sin(angle), angle: angle + Math.PI / 2 });
    });
    previous = r;
    radius = r;
  });
  return { positions, radius: Math.max(radius, 60) };
}

/**
 * Where an edge's label goes between `from` and `to`: halfway, or at 72%
 * for every other edge (`index` odd), so that neighbouring labels do not
 * collide.
 */
export function edgeLabelAt(from, to, index) {
  const t = index % 2 ? 0.72 : 0.5;
  return { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
}

/**
 * Where a node's title of `lineCount` lines goes: below the middle node;
 * for the others outward from the middle, anchored at its start on the
 * right, at its end on the left, centred above or below near the vertical.
 * Returns {x, y (the first line's baseline), anchor, lineHeight}.
 */
export function nodeLabelAt(at, radius, lineCount, isCentre) {
  const lineHeight = isCentre ? 16 : 14;
  if (isCentre) return { x: at.x, y: at.y + radius + 18, anchor: 'middle', lineHeight };
  const length = Math.hypot(at.x, at.y) || 1;
  const [ux, uy] = [at.x / length, at.y / length];
  const middle = Math.abs(ux) < 0.12;
  const gap = radius + 6;
  const extra = (lineCount - 1) * lineHeight;
  return {
    x: at.x + ux * gap,
    y: at.y + uy * gap + (middle ? (uy > 0 ? 10 : -4 - extra) : 4 - extra / 2),
    anchor: middle ? 'middle' : ux > 0 ? 'start' : 'end',
    lineHeight,
  };
}
