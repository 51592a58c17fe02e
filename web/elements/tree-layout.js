// Where the boxes and edges of <patsel-tree>'s diagram go: a layered
// top-down layout of an engine `tree.get` answer, pure code (no DOM), so it
// runs and is tested in Node (tests/browser/unit/tree-layout.test.mjs).
// The element computes it once per tree and draws it with dom.js's svgEl.

import { wrapCut } from './text.js';

/**
 * A layered top-down layout of a tree.get result (Sugiyama style, kept
 * small): each node's layer is its longest distance from the start, so a
 * result shared by several branches sits below all of them; an edge that
 * skips layers gets a bend point in each layer it crosses, so it runs
 * between boxes instead of through them; nodes are ordered and placed by
 * the mean position of their parents; options between the same two nodes
 * share one edge. Deterministic: the same tree gives the same picture.
 *
 * Returns `{nodes, edges, order, width, height, questionCount, resultCount}`:
 * - nodes: Map of key ("q:<id>", "r:<id>") -> {key, kind ("question" or
 *   "result"), text, data (the question or result), lines (text wrapped),
 *   x, y, w, h (the box, top left corner)};
 * - edges: {from, to, labels, options (the option ids it stands for),
 *   points ([x, y] from the bottom of one box to the top of the other),
 *   label ({x, y}, where its text goes)};
 * - order: node keys layer by layer, left to right; nodes the start does
 *   not reach are left out, as are edges back to a question on the way
 *   from the start (a cycle).
 */
export function layoutTree(diagram, { nodeWidth = 180, bendWidth = 24, gapX = 28, gapY = 92, margin = 10 } = {}) {
  const nodes = new Map();
  for (const q of diagram.questions ?? []) nodes.set(`q:${q.id}`, { key: `q:${q.id}`, kind: 'question', text: q.text, data: q });
  for (const r of diagram.results ?? []) nodes.set(`r:${r.id}`, { key: `r:${r.id}`, kind: 'result', text: r.title, data: r });
  const edgeMap = new Map();
  for (const q of diagram.questions ?? []) {
    for (const o of q.options) {
      const to = o.next ? `q:${o.next}` : `r:${o.result}`;
      if (!nodes.has(to)) continue;
      const key = `q:${q.id}>${to}`;
      if (!edgeMap.has(key)) edgeMap.set(key, { from: `q:${q.id}`, to, labels: [], options: [] });
      edgeMap.get(key).labels.push(o.label);
      edgeMap.get(key).options.push(o.id);
    }
  }
  // A way back to a question on the path from the start (a cycle, which the
  // compiler refuses but a hand-made catalog may hold) is left out of the
  // drawing, so the start stays on top and the layering below ends.
  const start = `q:${diagram.start}`;
  const next = new Map();  // key -> its edges
  for (const e of edgeMap.values()) (next.get(e.from) ?? next.set(e.from, []).get(e.from)).push(e);
  const back = new Set();
  const seen = new Map();  // key -> 'path' while on the path from the start, then 'done'
  const visit = (key) => {
    seen.set(key, 'path');
    for (const e of next.get(key) ?? []) {
      if (seen.get(e.to) === 'path') back.add(e);
      else if (!seen.has(e.to)) visit(e.to);
    }
    seen.set(key, 'done');
  };
  if (nodes.has(start)) visit(start);
  const forward = [...edgeMap.values()].filter((e) => seen.has(e.from) && !back.has(e));
  // Longest-path layers from the start.
  const layer = new Map(nodes.has(start) ? [[start, 0]] : []);
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of forward) {
      if (!layer.has(e.from)) continue;
      const wanted = layer.get(e.from) + 1;
      if ((layer.get(e.to) ?? -1) < wanted) { layer.set(e.to, wanted); changed = true; }
    }
  }
  const edges = forward;
  const items = new Map();  // node or bend key -> {key, layer, w, parents}
  for (const [key, n] of layer) items.set(key, { key, layer: n, w: nodeWidth, parents: [] });
  for (const e of edges) {
    e.chain = [e.from];
    for (let n = layer.get(e.from) + 1; n < layer.get(e.to); ++n) {
      const bend = `b:${e.from}>${e.to}:${n}`;
      items.set(bend, { key: bend, layer: n, w: bendWidth, parents: [] });
      e.chain.push(bend);
    }
    e.chain.push(e.to);
    for (let i = 1; i < e.chain.length; ++i) items.get(e.chain[i]).parents.push(e.chain[i - 1]);
  }
  if (!items.size) return { nodes: new Map(), edges: [], order: [], width: 2 * margin, height: 2 * margin, questionCount: 0, resultCount: 0 };
  const layers = [];
  for (const item of items.values()) (layers[item.layer] ??= []).push(item);
  // Order and place each layer under its parents, then keep boxes apart.
  const x = new Map();
  for (const row of layers.filter(Boolean)) {
    const wish = (item) => (item.parents.length ? item.parents.reduce((s, k) => s + x.get(k), 0) / item.parents.length : 0);
    for (const item of row) item.wish = wish(item);
    row.sort((a, b) => a.wish - b.wish);
    let prev;
    for (const item of row) {
      item.x = prev ? Math.max(item.wish, prev.x + (prev.w + item.w) / 2 + gapX) : item.wish;
      prev = item;
    }
    const shift = row.reduce((s, item) => s + item.x - item.wish, 0) / row.length;
    for (const item of row) x.set(item.key, item.x - shift);
  }
  const left = Math.min(...[...items.values()].map((item) => x.get(item.key) - item.w / 2));
  const right = Math.max(...[...items.values()].map((item) => x.get(item.key) + item.w / 2));
  const width = Math.ceil(right - left + 2 * margin);
  const cx = (key) => x.get(key) - left + margin;

  let y = margin;
  const order = [], rowTop = [], rowHeight = [];
  for (const [n, row] of layers.entries()) {
    if (!row) continue;
    let height = 0;
    for (const item of row) {
      if (item.key.startsWith('b:')) continue;
      const node = nodes.get(item.key);
      node.lines = wrapCut(node.text, 27, 4);
      height = Math.max(height, 16 + node.lines.length * 15);
    }
    rowTop[n] = y;
    rowHeight[n] = height || 20;
    for (const item of row) {
      if (item.key.startsWith('b:')) continue;
      const node = nodes.get(item.key);
      Object.assign(node, { w: nodeWidth, h: rowHeight[n], x: cx(item.key) - nodeWidth / 2, y });
      order.push(item.key);
    }
    y += rowHeight[n] + gapY;
  }
  // Each edge as points: out of the bottom of a box, through each bend
  // (top and bottom of its layer), into the top of the target box.
  const outgoing = new Map();
  for (const e of edges) {
    e.points = [];
    e.chain.forEach((key, i) => {
      const n = items.get(key).layer;
      if (i > 0) e.points.push([cx(key), rowTop[n]]);
      if (i < e.chain.length - 1) e.points.push([cx(key), rowTop[n] + rowHeight[n]]);
    });
    (outgoing.get(e.from) ?? outgoing.set(e.from, []).get(e.from)).push(e);
  }
  // Labels on the first stretch, alternately high and low so neighbours do not collide.
  for (const list of outgoing.values()) {
    list.sort((a, b) => a.points[1][0] - b.points[1][0]);
    list.forEach((e, i) => {
      const [[x1, y1], [x2, y2]] = e.points;
      const f = list.length > 1 && i % 2 ? 0.66 : 0.3;
      const smooth = f * f * (3 - 2 * f);
      e.label = { x: x1 + (x2 - x1) * smooth, y: y1 + (y2 - y1) * f };
    });
  }
  const placed = new Map(order.map((key) => [key, nodes.get(key)]));
  return {
    nodes: placed,
    edges,
    order,
    width,
    height: y - gapY + margin,
    questionCount: order.filter((k) => k.startsWith('q:')).length,
    resultCount: order.filter((k) => k.startsWith('r:')).length,
  };
}

/** An SVG path through points, each stretch a vertical S-curve. */
export function edgePath(points) {
  let d = `M${points[0][0]},${points[0][1]}`;
  for (let i = 1; i < points.length; ++i) {
    const [x1, y1] = points[i - 1], [x2, y2] = points[i];
    if (x1 === x2) d += ` L${x2},${y2}`;
    else { const my = (y1 + y2) / 2; d += ` C${x1},${my} ${x2},${my} ${x2},${y2}`; }
  }
  return d;
}
