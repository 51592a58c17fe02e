// <patsel-related pattern="saga">: a pattern's neighbourhood as a graph. The
// pattern in the middle, its neighbours around it grouped by relation
// (requires, replaces, complements, conflicts-with ...), labelled edges, tier
// colours; with a list of the same relations for screen readers and narrow
// screens. Depth 1 of the shipped catalog is read from the pattern's shard
// (no wasm on a pattern page); a greater depth or another catalog asks the
// engine's `related` method.
//
// Attributes: pattern (id), depth (1 to 4; default 1), relations (only these,
//             space or comma separated), base-url, catalog, navigate ("link"
//             or "in-place"), view ("auto", "graph" or "list"), url-key
//             (in-place only; default "related", "" = off): ?related=pattern.outbox.
// Events:     patsel-related-load {detail: {pattern, neighbours}},
//             patsel-related-before-navigate {detail: {pattern, from, inPlace}} (cancelable).
// Parts:      frame, toggle, graph, node, node-centre, edge, edge-label, list, group,
//             group-heading, item, link, error, retry.

import { getPattern } from '../index.js';
import { PatselElement, attr, loadingBox } from './base.js';
import { el, patternHref, svgEl, svgText } from './dom.js';
import { edgeLabelAt, nodeLabelAt, radialLayout } from './radial-layout.js';
import { isRelation, primary, relationLabel, relationRank, relationText } from './relations.js';
import { lowerFirst, wrapWhole } from './text.js';
import { tierOf } from './tiers.js';
import { relatedForm } from './url-forms.js';

const css = `
:host { container-type: inline-size; }
[hidden] { display: none !important; }
.bar { display: flex; justify-content: flex-end; margin: 0 0 .25rem; }
[part~=frame] { min-height: 18rem; }
[part~=graph] { display: block; width: 100%; height: auto; max-height: 40rem; }
[part~=edge] { stroke: var(--edge); stroke-width: 1.5; fill: none; }
[part~=edge-label] { fill: var(--edge); font-size: 11px; paint-order: stroke; stroke: var(--patsel-background); stroke-width: 4px; stroke-linejoin: round; }
.r-requires, .r-required-by { --edge: var(--patsel-relation-requires); }
.r-complements, .r-enhances, .r-enhanced-by { --edge: var(--patsel-relation-complements); }
.r-part-of, .r-has-part { --edge: var(--patsel-relation-part); }
.r-alternative { --edge: var(--patsel-relation-alternative); }
.r-replaces, .r-replaced-by, .r-evolves-from, .r-evolves-into { --edge: var(--patsel-relation-replaces); }
.r-conflicts-with { --edge: var(--patsel-relation-conflicts); }
.r-related { --edge: var(--patsel-relation-related); }
.r-alternative[part~=edge], .r-conflicts-with[part~=edge] { stroke-dasharray: 6 4; }
.r-replaces[part~=edge], .r-replaced-by[part~=edge], .r-evolves-from[part~=edge], .r-evolves-into[part~=edge] { stroke-dasharray: 2 3; }
.deep[part~=edge] { stroke-width: 1; opacity: .75; }
[part~=node] { outline: none; cursor: pointer; }
[part~=node] circle.dot { fill: var(--tint); stroke: var(--accent); stroke-width: 2.5; }
[part~=node] circle.ring { fill: none; stroke: none; stroke-width: 3; }
[part~=node]:focus-visible circle.ring, [part~=node]:hover circle.ring { stroke: var(--patsel-focus, var(--patsel-focus-color)); }
[part~=node] text { fill: var(--patsel-text); font-size: 12px; paint-order: stroke; stroke: var(--patsel-background); stroke-width: 4px; stroke-linejoin: round; }
[part~=node-centre] text { font-weight: 700; font-size: 14px; }
[data-tier=unclassified] { --tint: var(--patsel-background); }
[part~=list] h3 { font-size: 1em; margin: .75rem 0 .25rem; }
[part~=list] ul { margin: 0; padding-left: 1.25rem; }
[part~=list] .tier { font-size: .85em; color: var(--patsel-text-muted); }
.empty { margin: 0; }
[data-view=graph] [part~=list], [data-view=auto] [part~=list] { display: none; }
[data-view=list] [part~=graph] { display: none; }
@container (max-width: 26rem) {
  [data-view=auto] [part~=graph], [data-view=auto] .bar { display: none; }
  [data-view=auto] [part~=list] { display: block; }
}
`;

export class PatselRelatedElement extends PatselElement {
  static tag = 'patsel-related';
  static css = css;
  static urlKey = 'related';
  static attributes = {
    pattern: attr.string(),
    depth: attr.integer(1, (n) => Math.min(4, Math.max(1, n))),
    /** The relations followed; empty means all. */
    relations: {
      read: (text) => (text ?? '').split(/[\s,]+/).filter(Boolean),
      write: (value) => (value == null ? null : Array.isArray(value) ? value.join(' ') : String(value)),
    },
    view: attr.oneOf(['auto', 'graph', 'list'], 'auto'),
    navigate: attr.oneOf(['link', 'in-place'], 'link'),
  };

  #data;
  #focusAfterLoad = false;
  #home = null;     // the pattern attribute before any in-place move
  #moving = false;  // the element itself is changing `pattern`

  /** The loaded neighbourhood: {pattern, neighbours} as the engine's `related` gives it. */
  get data() { return this.#data; }

  connectedCallback() {
    this.#home ??= this.pattern;
    super.connectedCallback();
    this.#readUrl();
  }

  // In place, the centre moved to is in the URL (links need no state).
  #readUrl() {
    if (this.navigate !== 'in-place' || !this.urlEnabled) return;
    const saved = relatedForm.read(this.readUrl());
    if (saved && saved !== this.pattern) this.#move(saved);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name === 'pattern' && oldValue !== newValue && !this.#moving) this.#home = newValue;
    super.attributeChangedCallback(name, oldValue, newValue);
  }

  attributeChanged(name) {
    if (name === 'view') this.shadowRoot.querySelector('[part~=frame]')?.setAttribute('data-view', this.view);
    if (name === 'navigate' && this.navigate === 'in-place') this.#readUrl();
    if (name === 'view' || name === 'base-url' || name === 'navigate') {
      if (this.#data && name !== 'view') this.#render();
      else this.#syncToggle();
      return;
    }
    this.reload();
  }

  canLoad() { return Boolean(this.pattern); }

  // A graph already shown stays until the next one is ready.
  loadingView() {
    return this.#data ? null : loadingBox('frame', 'Loading related patterns…', { 'data-view': this.view });
  }

  load() { return this.#fetch(this.pattern); }

  loaded(data) {
    this.#data = data;
    this.#render();
    this.emit('patsel-related-load', { pattern: data.pattern, neighbours: data.neighbours });
  }

  failureMessage() { return `The patterns related to "${this.pattern}" could not be shown.`; }

  showFailure(box) {
    this.#data = undefined;
    this.shadowRoot.replaceChildren(box);
  }

  urlRestored(value) {
    if (this.navigate !== 'in-place') return;
    this.#move(relatedForm.read(value) || this.#home || '');
  }

  // Depth 1 of the shipped catalog comes from the pattern's own shard; the
  // engine knows more (edges stated on other pages) and goes deeper.
  async #fetch(id) {
    const relations = this.relations;
    if (this.depth === 1 && !this.catalog) return fromShard(await getPattern(id), relations);
    const engine = await super.load();
    return engine.related(id, { depth: this.depth, ...(relations.length ? { relations } : {}) });
  }

  // --- rendering -------------------------------------------------------------------

  #render() {
    const data = this.#data;
    const toggle = el('button', { type: 'button', part: 'toggle', 'aria-pressed': 'false' }, 'List view');
    toggle.addEventListener('click', () => { this.view = this.view === 'list' ? 'graph' : 'list'; });
    const frame = el('div', { part: 'frame', 'data-view': this.view },
      el('div', { class: 'bar' }, toggle),
      data.neighbours.length ? this.#graph(data) : null,
      this.#list(data));
    this.shadowRoot.replaceChildren(frame);
    this.#syncToggle();
    if (this.#focusAfterLoad) {
      this.#focusAfterLoad = false;
      this.shadowRoot.querySelector(this.view === 'list' ? '[part~=list] a' : '[part~=node]')?.focus();
    }
  }

  #syncToggle() {
    const toggle = this.shadowRoot.querySelector('[part~=toggle]');
    if (!toggle) return;
    toggle.setAttribute('aria-pressed', String(this.view === 'list'));
    toggle.hidden = !this.#data?.neighbours.length;
  }

  #graph({ pattern: centre, neighbours }) {
    const layout = radialLayout(neighbours);
    const position = new Map([[centre.pattern, { x: 0, y: 0, angle: 0 }], ...layout.positions]);
    const pad = 190;
    const r = layout.radius;
    const svg = svgEl('svg', { part: 'graph', role: 'group', viewBox: `${-r - pad} ${-r - 40} ${2 * (r + pad)} ${2 * r + 80}`,
      'aria-label': `${centre.title} and ${neighbours.length} related ${neighbours.length === 1 ? 'pattern' : 'patterns'}. Arrow keys move between them.` });
    const edges = svgEl('g', { 'aria-hidden': 'true' });
    const labels = svgEl('g', { 'aria-hidden': 'true' });
    neighbours.forEach((n, i) => {
      const from = position.get(n.via) ?? position.get(centre.pattern);
      const to = position.get(n.pattern);
      const relation = primary(n).relation;
      const cls = `r-${relation}${n.depth > 1 ? ' deep' : ''}`;
      edges.append(svgEl('line', { part: 'edge', class: cls, 'data-relation': relation,
        x1: round(from.x), y1: round(from.y), x2: round(to.x), y2: round(to.y) }));
      const spot = edgeLabelAt(from, to, i);
      const text = svgEl('text', { part: 'edge-label', class: cls, x: round(spot.x), y: round(spot.y),
        'text-anchor': 'middle', 'dominant-baseline': 'middle' });
      text.textContent = relationText(n);
      labels.append(text);
    });
    const nodes = svgEl('g');
    const byId = new Map(neighbours.map((n) => [n.pattern, n]));
    const all = [{ ...centre, depth: 0 }, ...neighbours];
    all.forEach((n, i) => {
      const at = position.get(n.pattern);
      const isCentre = n.depth === 0;
      const tier = tierOf(n.tier);
      const href = patternHref(this.baseUrl, n.pattern);
      const node = svgEl('a', { part: isCentre ? 'node node-centre' : 'node', 'data-pattern': n.pattern, 'data-tier': tier,
        href: href ?? undefined, tabindex: i === 0 ? '0' : '-1', role: href ? undefined : 'button',
        'aria-label': isCentre ? `${n.title} (${tier}), the pattern shown` : `${n.title} (${tier}): ${describe(n, centre, byId)}` });
      const radius = isCentre ? 14 : 9;
      node.append(svgEl('circle', { class: 'ring', cx: round(at.x), cy: round(at.y), r: radius + 4 }),
        svgEl('circle', { class: 'dot', cx: round(at.x), cy: round(at.y), r: radius }));
      const title = svgEl('title');
      title.textContent = n.title;
      node.append(title, nodeLabel(n.title, at, radius, isCentre));
      node.addEventListener('click', (event) => this.#follow(event, n.pattern));
      nodes.append(node);
    });
    svg.append(edges, labels, nodes);
    svg.addEventListener('keydown', (event) => this.#rove(event));
    return svg;
  }

  #list({ pattern: centre, neighbours }) {
    const groups = new Map();
    for (const n of neighbours) {
      const relation = n.depth === 1 ? primary(n).relation : 'further';
      if (!groups.has(relation)) groups.set(relation, []);
      groups.get(relation).push(n);
    }
    const byId = new Map(neighbours.map((n) => [n.pattern, n]));
    const sections = [...groups].map(([relation, items]) => el('section', { part: 'group', 'data-relation': relation },
      el('h3', { part: 'group-heading' }, relation === 'further'
        ? 'Further away'
        : `${centre.title} ${lowerFirst(relationLabel(relation))}`),
      el('ul', {}, items.map((n) => {
        const href = patternHref(this.baseUrl, n.pattern);
        const link = href ? el('a', { href, part: 'link', 'data-pattern': n.pattern }, n.title) : n.title;
        link.addEventListener?.('click', (event) => this.#follow(event, n.pattern));
        const notes = n.relations.flatMap((r) => r.notes ?? []).filter(Boolean);
        const via = n.depth > 1 ? byId.get(n.via)?.title ?? n.via : null;
        return el('li', { part: 'item' }, link, ' ', el('span', { class: 'tier' }, `(${tierOf(n.tier)})`),
          via ? ` — ${relationText(n)} of ${via}` : '', n.depth === 1 && n.relations.length > 1 ? ` — also ${n.relations.slice(1).map((r) => relationLabel(r.relation).toLowerCase()).join(', ')}` : '',
          notes.length ? `: ${notes.join('; ')}` : '');
      }))));
    return el('div', { part: 'list', role: 'region', 'aria-label': `Patterns related to ${centre.title}` },
      sections.length ? sections : el('p', { class: 'empty' }, `No related patterns are recorded for ${centre.title}.`));
  }

  // --- navigation ----------------------------------------------------------------------

  #follow(event, id) {
    const inPlace = this.navigate === 'in-place';
    const go = this.emit('patsel-related-before-navigate', { pattern: id, from: this.#data?.pattern.pattern, inPlace }, { cancelable: true });
    if (!go) {
      event.preventDefault();
      return;
    }
    if (!inPlace) return;  // the link does the rest
    event.preventDefault();
    if (id === this.pattern) return;
    this.#focusAfterLoad = true;
    this.#move(id);
    if (this.urlEnabled) this.writeUrl(relatedForm.write(id === this.#home ? null : id));
  }

  #move(id) {
    this.#moving = true;
    this.pattern = id;
    this.#moving = false;
  }

  #rove(event) {
    const nodes = [...this.shadowRoot.querySelectorAll('[part~=node]')];
    const index = nodes.indexOf(this.shadowRoot.activeElement);
    if (index < 0) return;
    const next = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1,
      Home: 0, End: nodes.length - 1 }[event.key];
    if (next === undefined) {
      // A node without a link (an unsafe base-url) is a button: Enter and Space activate it.
      if ((event.key === ' ' || event.key === 'Enter') && nodes[index].getAttribute('role') === 'button') {
        event.preventDefault();
        nodes[index].dispatchEvent(new MouseEvent('click', { cancelable: true }));
      }
      return;
    }
    event.preventDefault();
    const target = (next + nodes.length) % nodes.length;
    nodes.forEach((node, i) => node.setAttribute('tabindex', i === target ? '0' : '-1'));
    nodes[target].focus();
  }
}

// --- data -------------------------------------------------------------------------------

/**
 * A shard ({pattern, refs}) as the engine's `related` answer at depth 1: the
 * relations the pattern's own page states (related, pattern_combinations,
 * alternatives, modern_alternatives, migration_paths, evolution), as the
 * engine's graph reads them.
 */
export function fromShard({ pattern: p, refs }, only = []) {
  const found = new Map();
  const add = (id, relation, note) => {
    if (typeof id !== 'string' || !refs?.[id] || id === p.id || !isRelation(relation)) return;
    if (only.length && !only.includes(relation)) return;
    if (!found.has(id)) found.set(id, { pattern: id, title: refs[id].title, tier: refs[id].tier, depth: 1, via: p.id, relations: [] });
    const edges = found.get(id).relations;
    let edge = edges.find((e) => e.relation === relation);
    if (!edge) edges.push(edge = { relation, notes: [] });
    if (typeof note === 'string' && note && !edge.notes.includes(note)) edge.notes.push(note);
  };
  const each = (list, fn) => { if (Array.isArray(list)) for (const item of list) if (item && typeof item === 'object') fn(item); };
  each(p.related, (r) => add(r.pattern, r.relation ?? 'related', r.note));
  each(p.pattern_combinations?.commonly_used_with, (r) => add(r.pattern, r.relationship ?? 'related'));
  each(p.pattern_combinations?.anti_patterns, (r) => add(r.pattern, 'conflicts-with', r.reason));
  each(p.alternatives, (r) => add(r.pattern, 'alternative', r.when));
  each(p.modern_alternatives, (r) => add(r.pattern, 'replaced-by', r.reason));
  each(p.migration_paths?.to, (r) => add(r.pattern, 'replaced-by'));
  each(p.migration_paths?.from, (r) => add(r.pattern, 'replaces'));
  each(p.evolution?.from, (r) => add(r.pattern, 'evolves-from'));
  each(p.evolution?.to, (r) => add(r.pattern, 'evolves-into'));
  const neighbours = [...found.values()];
  for (const n of neighbours) n.relations.sort((a, b) => relationRank(a.relation) - relationRank(b.relation));
  neighbours.sort((a, b) => relationRank(a.relations[0].relation) - relationRank(b.relations[0].relation) || a.title.localeCompare(b.title));
  return { pattern: { pattern: p.id, title: p.title, tier: p.tier }, neighbours };
}

function describe(n, centre, byId) {
  const via = n.via === centre.pattern ? centre.title : byId.get(n.via)?.title ?? n.via;
  return n.relations.map((r) => `${via} ${relationLabel(r.relation).toLowerCase()} ${n.title}`).join('; ') +
    (n.depth > 1 ? ` (${n.depth} steps away)` : '');
}

// A node's title on up to three lines next to it, outward from the centre.
// Whole words, not cut: the visible text stays part of the node's name.
function nodeLabel(title, at, radius, isCentre) {
  const lines = wrapWhole(title, isCentre ? 28 : 20);
  const spot = nodeLabelAt(at, radius, lines.length, isCentre);
  return svgText(lines, { x: round(spot.x), y: round(spot.y), lineHeight: spot.lineHeight, anchor: spot.anchor, spaced: true });
}

function round(n) {
  return Math.round(n * 10) / 10;
}
