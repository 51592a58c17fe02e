// Where the nodes and titles of <patsel-related>'s graph go: the pattern in
// the middle, its neighbours on rings around it, every title in a box that
// overlaps no other title and no node. Pure code (no DOM), so it runs and is
// tested in Node (tests/browser/unit/radial-layout.test.mjs); the element
// passes a `measure` that asks the browser how wide a line of text is.
// Coordinates are pixels at the size drawn, centred on the middle pattern at
// (0, 0); y grows downwards, as in SVG.

import { primary, relationRank } from './relations.js';
import { wrapWhole } from './text.js';

/** Text sizes in pixels: titles of neighbours, and of the pattern in the middle. */
export const TEXT = { size: 13, lineHeight: 16, centreSize: 15, centreLineHeight: 19 };
/** Radii of the dots. */
export const DOT = { node: 10, centre: 15 };

const WRAP = { node: 16, centre: 28 };  // characters a title line holds, about
const LABEL_GAP = 5;     // between a dot and its title
const MARGIN = 3;        // kept free around every box, so that no two touch
const GROUP_GAP = 26;    // the room between two relation groups on the first ring
const FIRST_RING = 120;  // the smallest radius of the first ring
const RING_STEP = 90;    // the least distance from one ring to the next
const GROW = 4;          // how far a ring moves out to clear a collision
const NEAR_VIA_ROOM = 1.25;  // how much taller an outer ring may grow to keep patterns near their way in
const ASCENT = 0.95;     // of the font size, above the baseline (generous: fonts differ)
const DESCENT = 0.3;     // below it
const TIER_ORDER = ['gold', 'silver', 'bronze'];

/** A stand-in width of `text` at `size` px, for Node and as a fallback: generous for a sans-serif. */
export function estimateWidth(text, size) {
  return [...String(text)].length * size * 0.6;
}

/**
 * The neighbours to draw, strongest first: every pattern one step away,
 * then at most `limit` of those further away. Further patterns are ranked
 * by their relation (requires before related), then by the rank of the
 * pattern they are reached through, then tier (gold first) and title; a
 * pattern is only drawn when the one it is reached through is. Returns
 * `{shown, hidden}`: `shown` keeps the order of `neighbours`, `hidden`
 * counts the rest.
 */
export function strongestFirst(neighbours, limit = Infinity) {
  const chosen = new Set();
  const rank = new Map();
  const byDepth = [];
  for (const n of neighbours) (byDepth[n.depth - 1] ??= []).push(n);
  let left = limit;
  byDepth.forEach((ring, d) => {
    if (!ring) return;
    const ordered = [...ring].sort((a, b) => strength(a) - strength(b) ||
      (d ? (rank.get(a.via) ?? 1e9) - (rank.get(b.via) ?? 1e9) : 0) ||
      tierRank(a.tier) - tierRank(b.tier) || a.title.localeCompare(b.title));
    for (const n of ordered) {
      if (d > 0 && (left <= 0 || !chosen.has(n.via))) continue;
      chosen.add(n.pattern);
      rank.set(n.pattern, rank.size);
      if (d > 0) left--;
    }
  });
  const shown = neighbours.filter((n) => chosen.has(n.pattern));
  return { shown, hidden: neighbours.length - shown.length };
}

/**
 * The picture of an engine `related` answer: `centre` ({pattern, title})
 * in the middle, depth 1 on the first ring grouped by relation (strongest
 * first, clockwise from straight up, a gap between groups), deeper
 * patterns on outer rings in the order of the pattern they were reached
 * through and turned to lie beside it. Titles on the outermost ring point
 * outward; on inner rings they sit above or below their dot, so that the
 * next ring can come close. A ring gives each title the room it needs
 * (beside its dot its height, above or below its width) and grows until
 * no title or dot of it overlaps another. With `maxWidth`, a ring that
 * would be wider grows in height only (an upright ellipse). Deterministic:
 * the same answer gives the same picture.
 *
 * `measure(text, size, bold)` gives a line's width in pixels.
 *
 * Returns `{nodes, rings, bounds}`: nodes maps a pattern id (the centre's
 * too) to `{x, y, angle, dot, label}` (angle: the slot's, clockwise from
 * straight up in radians; dot: the dot's radius; label: `{x, y, anchor,
 * lines, size, lineHeight, box}`, x and y the first baseline, box `{x0,
 * y0, x1, y1}` what the text covers); rings lists `{rx, ry}` from the
 * inside out; bounds `{x, y, width, height}` holds every dot and title.
 */
export function radialLayout(centre, neighbours, { measure = estimateWidth, maxWidth = Infinity } = {}) {
  const nodes = new Map();
  const placed = [];  // boxes of everything placed so far

  const centreLines = wrapWhole(centre.title ?? '', WRAP.centre);
  const centreLabel = labelAt({ x: 0, y: 0 }, DOT.centre, centreLines, 'below', measure);
  nodes.set(centre.pattern, { x: 0, y: 0, angle: 0, dot: DOT.centre, label: centreLabel });
  placed.push(dotBox(0, 0, DOT.centre), centreLabel.box);

  const byDepth = [];
  for (const n of neighbours) if (n.pattern !== centre.pattern) (byDepth[n.depth - 1] ??= []).push(n);
  const rings = byDepth.filter((ring) => ring?.length).map((ring) => ({ ring,
    items: null, widest: 0 }));
  rings.forEach((r, d) => {
    r.mode = d === rings.length - 1 ? 'outward' : 'beside';
    r.lines = new Map(r.ring.map((n) => [n.pattern, wrapWhole(n.title, WRAP.node)]));
    r.widest = Math.max(...r.ring.map((n) => widthOf(r.lines.get(n.pattern), TEXT.size, false, measure)));
  });
  // How wide each ring may be for the whole to fit `maxWidth`, from the outside in.
  let limit = maxWidth / 2 - 8 - DOT.node - LABEL_GAP - (rings.at(-1)?.widest ?? 0);
  for (let d = rings.length - 1; d >= 0; d--) {
    rings[d].limit = limit;
    if (d > 0) limit -= besideRoom(rings[d - 1]);
  }

  const shapes = [];
  let inner = { rx: 0, ry: 0 };
  rings.forEach(({ ring, mode, lines, limit: rxLimit }, d) => {
    const slots = d === 0 ? groupedSlots(ring) : viaOrder(ring, nodes);
    const items = slots.map((n) => n && { n, lines: lines.get(n.pattern) });
    for (const item of items) if (item) item.widest = widthOf(item.lines, TEXT.size, false, measure);
    const shape = fitRing(items, mode, d === 0 ? { rx: FIRST_RING, ry: FIRST_RING } : { rx: inner.rx + Math.min(RING_STEP, besideRoom(rings[d - 1])), ry: inner.ry + RING_STEP },
      rxLimit, placed, nodes, d > 0, measure);
    shape.angles.forEach((angle, i) => {
      const item = items[i];
      if (!item) return;
      const at = onRing(shape, angle);
      const label = labelAt(at, DOT.node, item.lines, mode, measure, normal(shape, angle));
      nodes.set(item.n.pattern, { ...at, angle: positive(angle), dot: DOT.node, label });
      placed.push(dotBox(at.x, at.y, DOT.node), label.box);
    });
    shapes.push({ rx: shape.rx, ry: shape.ry });
    inner = shape;
  });

  const x0 = Math.min(...placed.map((b) => b.x0)) - 8;
  const y0 = Math.min(...placed.map((b) => b.y0)) - 8;
  const x1 = Math.max(...placed.map((b) => b.x1)) + 8;
  const y1 = Math.max(...placed.map((b) => b.y1)) + 8;
  return { nodes, rings: shapes, bounds: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } };
}

/**
 * Where a title of `lines` goes beside a dot of `radius` at `at`, on a
 * ring whose outward direction there is `outward` ({x, y}; by default away
 * from the middle). `mode`:
 * "below" (the middle pattern's); "beside": above the dot in the upper
 * half, below it in the lower; "outward": away from the middle, starting
 * on the right, ending on the left, centred above or below near the
 * vertical.
 */
export function labelAt(at, radius, lines, mode, measure = estimateWidth, outward = at) {
  const isCentre = mode === 'below';
  const size = isCentre ? TEXT.centreSize : TEXT.size;
  const lineHeight = isCentre ? TEXT.centreLineHeight : TEXT.lineHeight;
  const width = widthOf(lines, size, isCentre, measure);
  const height = (lines.length - 1) * lineHeight + (ASCENT + DESCENT) * size;
  const gap = radius + LABEL_GAP;
  let x = at.x;
  let top;
  let anchor = 'middle';
  const length = Math.hypot(outward.x, outward.y) || 1;
  const [ux, uy] = [outward.x / length, outward.y / length];
  if (isCentre) top = at.y + gap;
  else if (mode === 'beside' || Math.abs(ux) < 0.2) top = uy > 0 ? at.y + gap : at.y - gap - height;
  else {
    anchor = ux > 0 ? 'start' : 'end';
    x = at.x + Math.sign(ux) * gap;
    top = at.y + uy * gap - height / 2;
  }
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  return { x, y: top + ASCENT * size, anchor, lines, size, lineHeight,
    box: { x0: left, y0: top, x1: left + width, y1: top + height } };
}

/** True when two boxes `{x0, y0, x1, y1}` overlap (touching is not overlapping). */
export function overlaps(a, b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

// --- the rings -----------------------------------------------------------------------

// Depth 1 by relation, strongest first, with a gap (null) between groups and
// one at the end when there are several groups.
function groupedSlots(ring) {
  const sorted = [...ring].sort((a, b) => relationRank(primary(a).relation) - relationRank(primary(b).relation) ||
    a.title.localeCompare(b.title));
  const slots = [];
  let last;
  for (const n of sorted) {
    const group = primary(n).relation;
    if (last !== undefined && group !== last) slots.push(null);
    slots.push(n);
    last = group;
  }
  if (slots.includes(null)) slots.push(null);
  return slots;
}

// Deeper rings in the order of the patterns they were reached through.
function viaOrder(ring, nodes) {
  const angleOf = (id) => nodes.get(id)?.angle ?? 0;
  return [...ring].sort((a, b) => angleOf(a.via) - angleOf(b.via) || a.title.localeCompare(b.title));
}

// Angles (clockwise from up) along the ellipse `shape`, the first at
// `start`, that leave between two neighbouring slots the room their dots
// and titles need there, and share out the room left over evenly. Placed
// slot by slot: the room depends on where a slot lands, so each is placed
// two or three times, and the whole five times as the share left over
// settles. Returns {angles, short}: short is how much longer the ring
// would have to be (0 when it is long enough).
function spread(items, mode, shape, measure, start = 0) {
  const count = items.length;
  const arc = arcTable(shape);
  if (count < 2) return { angles: items.map(() => start), short: 0 };
  const boxes = (i, angle) => slotBoxes(items[i], mode, shape, angle, measure);
  let extra = 0;
  let angles;
  let short = 0;
  for (let round = 0; round < 5; round++) {
    angles = [start];
    let along = arc.lengthAt(start);
    let need = 0;
    for (let i = 1; i < count; i++) {
      const before = boxes(i - 1, angles[i - 1]);
      const room = (angle) => apart(before, boxes(i, angle), tangent(shape, (angles[i - 1] + angle) / 2));
      // A title can switch sides where the slot lands (above or below): the larger room wins.
      const first = room(arc.angleAt(along + room(angles[i - 1]) + extra));
      const gap = Math.max(first, room(arc.angleAt(along + first + extra)));
      need += gap;
      along += Math.max(0, gap + extra);
      angles.push(arc.angleAt(along));
    }
    const closing = apart(boxes(count - 1, angles[count - 1]), boxes(0, start + 2 * Math.PI),
      tangent(shape, (angles[count - 1] + start + 2 * Math.PI) / 2));
    need += closing;
    short = Math.max(0, need - arc.length);
    extra = (arc.length - need) / count;
  }
  return { angles, short };
}

// A slot's dot and title as boxes around its dot's centre (margins included).
function slotBoxes(item, mode, shape, angle, measure) {
  if (!item) return [{ x0: -GROUP_GAP / 4, y0: -GROUP_GAP / 4, x1: GROUP_GAP / 4, y1: GROUP_GAP / 4 }];
  return [grown(dotBox(0, 0, DOT.node)), grown(labelAt({ x: 0, y: 0 }, DOT.node, item.lines, mode, measure, normal(shape, angle)).box)];
}

// How far the boxes `b` must move from `a` in the direction `[tx, ty]`
// for none of them to overlap any of `a`: a pair is apart once it is
// apart across or along.
function apart(a, b, [tx, ty]) {
  let far = 0;
  for (const p of a) {
    for (const q of b) {
      const across = tx > 1e-9 ? (p.x1 - q.x0) / tx : tx < -1e-9 ? (q.x1 - p.x0) / -tx : Infinity;
      const along = ty > 1e-9 ? (p.y1 - q.y0) / ty : ty < -1e-9 ? (q.y1 - p.y0) / -ty : Infinity;
      far = Math.max(far, Math.min(across, along));
    }
  }
  return far;
}

// The ellipse's length, the distance along it from the top to an angle,
// and the angle at a distance (both past a full turn too).
function arcTable(shape) {
  const steps = 720;
  const lengths = [0];
  for (let i = 1; i <= steps; i++) {
    const [a, b] = [onRing(shape, (2 * Math.PI * (i - 1)) / steps), onRing(shape, (2 * Math.PI * i) / steps)];
    lengths.push(lengths[i - 1] + Math.hypot(b.x - a.x, b.y - a.y));
  }
  return {
    length: lengths[steps],
    lengthAt(angle) {
      const turns = Math.floor(angle / (2 * Math.PI));
      const at = ((angle / (2 * Math.PI)) - turns) * steps;
      const i = Math.min(steps - 1, Math.floor(at));
      return turns * lengths[steps] + lengths[i] + (lengths[i + 1] - lengths[i]) * (at - i);
    },
    angleAt(distance) {
      const turns = Math.floor(distance / lengths[steps]);
      distance -= turns * lengths[steps];
      let [lo, hi] = [0, steps];
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (lengths[mid] <= distance) lo = mid;
        else hi = mid;
      }
      const part = (distance - lengths[lo]) / ((lengths[hi] - lengths[lo]) || 1);
      return 2 * Math.PI * (turns + (lo + Math.min(1, Math.max(0, part))) / steps);
    },
  };
}

function tangent({ rx, ry }, angle) {
  const [dx, dy] = [rx * Math.cos(angle), ry * Math.sin(angle)];
  const length = Math.hypot(dx, dy) || 1;
  return [dx / length, dy / length];
}

// Angles on an outer ring that keep each pattern as near as the room
// allows to the direction of the pattern it was reached through: the
// patterns in that order along the ring, each pair the room apart its
// dots and titles need, the sum of squared distances from the wished
// places as small as can be (isotonic regression by pooling adjacent
// violators). The ring is cut open where the wished places leave the
// widest gap. Returns {angles, short} as spread() does, or null when the
// patterns crowd across the cut (spread() then shares the ring out).
function besideVia(items, mode, shape, nodes, measure) {
  const count = items.length;
  const arc = arcTable(shape);
  const wished = items.map((item) => {
    const via = nodes.get(item.n.via) ?? { x: 0, y: -1 };
    const direction = Math.atan2(via.x, -via.y);
    return arc.lengthAt(positive(Math.atan2(shape.ry * Math.sin(direction), shape.rx * Math.cos(direction))));
  });
  const order = items.map((_, i) => i).sort((a, b) => wished[a] - wished[b] || a - b);
  // Cut after the widest gap between wished places, so that the order runs from there.
  let cut = 0;
  let widest = -1;
  order.forEach((i, k) => {
    const next = order[(k + 1) % count];
    const gap = k + 1 < count ? wished[next] - wished[i] : wished[next] + arc.length - wished[i];
    if (gap > widest) [widest, cut] = [gap, (k + 1) % count];
  });
  const run = [...order.slice(cut), ...order.slice(0, cut)];
  const want = run.map((i, k) => wished[i] + (k && wished[i] < wished[run[0]] ? arc.length : 0));
  const boxesAt = (k, distance) => slotBoxes(items[run[k]], mode, shape, arc.angleAt(distance), measure);
  let places = [...want];
  const gaps = run.map(() => 0);
  // The room between two slots depends on where they are: it only grows from round to round, so the rounds settle.
  for (let round = 0; round < 4; round++) {
    run.forEach((_, k) => {
      const [a, b] = k + 1 < count ? [places[k], places[k + 1]] : [places[k], places[0] + arc.length];
      gaps[k] = Math.max(gaps[k], apart(boxesAt(k, a), boxesAt((k + 1) % count, b), tangent(shape, arc.angleAt((a + b) / 2))));
    });
    const total = gaps.reduce((sum, g) => sum + g, 0);
    if (total > arc.length) return { angles: items.map(() => 0), short: total - arc.length };
    const before = [0];
    for (let k = 1; k < count; k++) before.push(before[k - 1] + gaps[k - 1]);
    const fitted = nonDecreasing(want.map((w, k) => w - before[k]));
    places = fitted.map((t, k) => t + before[k]);
    if (places[count - 1] + gaps[count - 1] > places[0] + arc.length + 1e-6) return null;
  }
  const angles = new Array(count);
  run.forEach((i, k) => { angles[i] = arc.angleAt(places[k]); });
  return { angles, short: 0 };
}

// The non-decreasing sequence nearest to `values` (least squares): runs
// that go down are replaced by their mean until none does.
function nonDecreasing(values) {
  const blocks = [];
  for (const v of values) {
    blocks.push({ sum: v, size: 1 });
    while (blocks.length > 1 && blocks.at(-2).sum / blocks.at(-2).size > blocks.at(-1).sum / blocks.at(-1).size) {
      const last = blocks.pop();
      blocks.at(-1).sum += last.sum;
      blocks.at(-1).size += last.size;
    }
  }
  return blocks.flatMap((b) => new Array(b.size).fill(b.sum / b.size));
}

function positive(angle) {
  return ((angle % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
}

// Where an outer ring starts so that its patterns lie, on the whole,
// beside the patterns they were reached through: the mean turn between
// their directions from the middle, as a distance along the ring.
function startBesideVia(angles, items, nodes, shape) {
  let sx = 0;
  let sy = 0;
  items.forEach((item, i) => {
    const via = nodes.get(item?.n.via);
    if (!via) return;
    const at = onRing(shape, angles[i]);
    const turn = Math.atan2(via.x, -via.y) - Math.atan2(at.x, -at.y);
    sx += Math.cos(turn);
    sy += Math.sin(turn);
  });
  const turn = sx || sy ? Math.atan2(sy, sx) : 0;
  const arc = arcTable(shape);
  return arc.angleAt(arc.lengthAt(angles[0]) + (turn / (2 * Math.PI)) * arc.length);
}

// The ellipse's outward direction at `angle` (not the way from the middle, on a tall ring).
function normal({ rx, ry }, angle) {
  return { x: ry * Math.sin(angle), y: -rx * Math.cos(angle) };
}

function onRing({ rx, ry }, angle) {
  return { x: rx * Math.sin(angle), y: -ry * Math.cos(angle) };
}

// The smallest ring, from `least` outwards, whose dots and titles overlap
// nothing placed and not each other: it grows in height, and in width up
// to `rxLimit`; straight to the length the titles need, then step by step.
// An outer ring (`keepNearVia`) keeps its patterns near the patterns they
// were reached through when a ring at most NEAR_VIA_ROOM times as tall as
// the smallest allows it, else shares the ring out evenly.
// It always exists: the distance between two slots grows with the ring and
// the boxes do not.
function fitRing(items, mode, least, rxLimit, placed, nodes, keepNearVia, measure) {
  let ry = least.ry;
  let shape;
  let fallback;  // the first even share that fits, while a ring a little larger is tried for one near the way in
  for (let tries = 0; tries < 2000; tries++) {
    const rx = Math.max(least.rx, Math.min(ry, rxLimit));
    shape = { rx, ry };
    const near = keepNearVia ? besideVia(items, mode, shape, nodes, measure) : null;
    if (near && !near.short && fits(items, mode, shape, near.angles, placed, measure)) return { ...shape, angles: near.angles };
    if (fallback && ry > fallback.ry * NEAR_VIA_ROOM) return fallback;
    let even = spread(items, mode, shape, measure);
    if (keepNearVia && !even.short) even = spread(items, mode, shape, measure, startBesideVia(even.angles, items, nodes, shape));
    if (!fallback && !even.short && fits(items, mode, shape, even.angles, placed, measure)) {
      fallback = { ...shape, angles: even.angles };
      if (!keepNearVia) return fallback;
    }
    ry += Math.max(GROW, Math.ceil(even.short / (rx < ry ? 4 : 2 * Math.PI)));
  }
  return fallback ?? { ...shape, angles: spread(items, mode, shape, measure).angles };
}

// True when the ring's dots and titles at `angles` overlap nothing placed and not each other.
function fits(items, mode, shape, angles, placed, measure) {
  const boxes = [];
  items.forEach((item, i) => {
    if (!item) return;
    const at = onRing(shape, angles[i]);
    const label = labelAt(at, DOT.node, item.lines, mode, measure, normal(shape, angles[i]));
    boxes.push(grown(dotBox(at.x, at.y, DOT.node)), grown(label.box));
  });
  return !collides(boxes, placed);
}

function collides(boxes, placed) {
  for (let i = 0; i < boxes.length; i++) {
    for (const other of placed) if (overlaps(boxes[i], other)) return true;
    // A dot and its own title (the box after it) may touch; all else must not.
    for (let j = i + 1; j < boxes.length; j++) if (!(i % 2 === 0 && j === i + 1) && overlaps(boxes[i], boxes[j])) return true;
  }
  return false;
}

function dotBox(x, y, radius) {
  return { x0: x - radius, y0: y - radius, x1: x + radius, y1: y + radius };
}

function grown(box) {
  return { x0: box.x0 - MARGIN, y0: box.y0 - MARGIN, x1: box.x1 + MARGIN, y1: box.y1 + MARGIN };
}

function strength(n) {
  return relationRank(primary(n).relation);
}

function tierRank(tier) {
  const i = TIER_ORDER.indexOf(tier);
  return i < 0 ? TIER_ORDER.length : i;
}

// Across, how far the next ring must be from a ring whose titles sit above or below the dots.
function besideRoom(ring) {
  return ring.widest / 2 + DOT.node + 2 * MARGIN + 10;
}

function widthOf(lines, size, bold, measure) {
  return Math.max(...lines.map((line) => measure(line, size, bold)));
}
