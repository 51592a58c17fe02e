// <patsel-related pattern="saga">: a pattern's neighbourhood as a graph. The
// pattern in the middle, its neighbours around it grouped by relation
// (requires, replaces, complements, conflicts-with ...), a line for each
// kind and a key to them, the tiers as coloured dots with their icon, no
// title over another; past one step the closest twelve first, the rest on
// request. With a list of the same relations for screen readers and narrow
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
// Parts:      frame, toggle, more, show-all, graph, node, node-centre, edge, legend, list,
//             group, group-heading, item, link, badge, error, retry.

import { getPattern } from '../index.js';
import { PatselElement, attr, loadingBox } from './base.js';
import { el, patternHref, svgEl, svgText } from './dom.js';
import { radialLayout, strongestFirst } from './radial-layout.js';
import { isRelation, primary, relationLabel, relationPhrase, relationRank } from './relations.js';
import { count, joinWords, lowerFirst } from './text.js';
import { TIERS, tierBadge, tierIcon, tierOf } from './tiers.js';
import { relatedForm } from './url-forms.js';

// Relations drawn with the same line, one entry of the key each.
const LINE_KINDS = [['requires', 'required-by'], ['complements', 'enhances', 'enhanced-by'], ['part-of', 'has-part'], ['alternative'],
  ['replaces', 'replaced-by', 'evolves-from', 'evolves-into'], ['conflicts-with'], ['related']];

/** Patterns further than one step away drawn at first, the closest ("Show all" draws the rest). */
export const DEEPER_SHOWN = 12;

const css = `
:host { container-type: inline-size; }
[hidden] { display: none !important; }
.bar { display: flex; flex-wrap: wrap; justify-content: flex-end; align-items: center; gap: .25rem 1rem; margin: 0 0 .25rem; }
.bar [part~=more] { flex: 1 1 16rem; margin: 0; }
[part~=frame] { min-height: 18rem; }
.graph-box { overflow-x: auto; }
[part~=graph] { display: block; margin: 0 auto; max-width: none; }
.line { stroke: var(--edge); stroke-width: 2; fill: none; }
.r-requires, .r-required-by { --edge: var(--patsel-relation-requires); }
.r-complements, .r-enhances, .r-enhanced-by { --edge: var(--patsel-relation-complements); }
.r-part-of, .r-has-part { --edge: var(--patsel-relation-part); }
.r-alternative { --edge: var(--patsel-relation-alternative); }
.r-replaces, .r-replaced-by, .r-evolves-from, .r-evolves-into { --edge: var(--patsel-relation-replaces); }
.r-conflicts-with { --edge: var(--patsel-relation-conflicts); }
.r-related { --edge: var(--patsel-relation-related); }
/* Each kind has its own line too, so that colour is not the only clue. */
.line.r-requires, .line.r-required-by { stroke-width: 3; }
.line.r-part-of, .line.r-has-part { stroke-dasharray: 10 3; }
.line.r-alternative { stroke-dasharray: 6 4; }
.line.r-replaces, .line.r-replaced-by, .line.r-evolves-from, .line.r-evolves-into { stroke-dasharray: 2 3; }
.line.r-conflicts-with { stroke-dasharray: 8 3 2 3; }
.line.r-related { stroke-width: 1.25; }
.line.deep { stroke-width: 1; opacity: .7; }
[part~=node] { outline: none; cursor: pointer; color: var(--accent); text-decoration: none; }
[part~=node] circle.dot { fill: var(--tint); stroke: var(--accent); stroke-width: 2; }
[part~=node] circle.ring { fill: none; stroke: none; stroke-width: 3; }
[part~=node]:focus-visible circle.ring, [part~=node]:hover circle.ring { stroke: var(--patsel-focus, var(--patsel-focus-color)); }
[part~=node] .tier-icon { width: 12px; height: 12px; }
[part~=node-centre] .tier-icon { width: 18px; height: 18px; }
[part~=node] text { fill: var(--patsel-text); font-size: 13px; paint-order: stroke; stroke: var(--patsel-background); stroke-width: 4px; stroke-linejoin: round; }
[part~=node-centre] text { font-weight: 700; font-size: 15px; }
[part~=node]:hover text, [part~=node]:focus-visible text { text-decoration: underline; }
[data-tier=unclassified] { --tint: var(--patsel-background); }
[part~=legend] { margin: .5rem 0 0; font-size: .9em; }
[part~=legend] ul { list-style: none; margin: 0 0 .35rem; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.1rem; }
[part~=legend] li { display: inline-flex; align-items: center; gap: .4rem; }
[part~=legend] .tiers li { color: var(--patsel-text); }
[part~=legend] .tiers .tier-icon { color: var(--accent); }
[part~=legend] p { margin: 0; }
[part~=list] h3 { font-size: 1em; margin: .75rem 0 .25rem; }
[part~=list] ul { margin: 0; padding-left: 1.25rem; }
[part~=list] [part~=badge] { font-size: .7em; }
[part~=list] li { margin: 0 0 .35rem; }
[part~=list] .note { display: block; }
.empty { margin: 0; }
[data-view=graph] [part~=list], [data-view=auto] [part~=list] { display: none; }
[data-view=list] .graph-view { display: none; }
@container (max-width: 26rem) {
  [data-view=auto] .graph-view, [data-view=auto] [part~=toggle] { display: none; }
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
  #showAll = false;   // every pattern further away, not only the closest
  #drawnWidth = 0;    // the width the graph was laid out for
  #resize;
  #canvas;            // measures text
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
    if (data.pattern.pattern !== this.#data?.pattern.pattern) this.#showAll = false;
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
    const { shown, hidden } = this.#showAll ? { shown: data.neighbours, hidden: 0 } : strongestFirst(data.neighbours, DEEPER_SHOWN);
    const frame = el('div', { part: 'frame', 'data-view': this.view },
      el('div', { class: 'bar' }, this.#more(data.neighbours, hidden), toggle),
      data.neighbours.length ? this.#graphView(data.pattern, shown) : null,
      this.#list(data.pattern, shown));
    this.shadowRoot.replaceChildren(frame);
    this.#drawnWidth = this.#width();
    this.#syncToggle();
    if (this.#focusAfterLoad) {
      this.#focusAfterLoad = false;
      this.shadowRoot.querySelector(this.view === 'list' ? '[part~=list] a' : '[part~=node]')?.focus();
    }
  }

  // How many patterns are shown of those further away, and "Show all" (graph and list alike).
  #more(neighbours, hidden) {
    const deeper = neighbours.filter((n) => n.depth > 1).length;
    if (deeper <= DEEPER_SHOWN) return null;
    const near = count(neighbours.length - deeper, 'pattern');
    const button = el('button', { type: 'button', part: 'show-all', class: 'quiet', 'aria-expanded': String(!hidden) },
      hidden ? `Show all ${deeper}` : `Show the ${DEEPER_SHOWN} closest only`);
    button.addEventListener('click', () => {
      this.#showAll = !this.#showAll;
      this.#render();
      this.shadowRoot.querySelector('[part~=show-all]')?.focus();
    });
    return el('p', { part: 'more' },
      hidden ? `${near} one step away and the ${DEEPER_SHOWN} closest of ${deeper} further away.` : `${near} one step away and all ${deeper} further away.`,
      ' ', button);
  }

  #syncToggle() {
    const toggle = this.shadowRoot.querySelector('[part~=toggle]');
    if (!toggle) return;
    toggle.setAttribute('aria-pressed', String(this.view === 'list'));
    toggle.hidden = !this.#data?.neighbours.length;
  }

  // The room the graph has: the element's width, less nothing (the graph box has no padding).
  #width() {
    return Math.floor(this.getBoundingClientRect().width) || 0;
  }

  // The graph drawn for the width it has, redrawn when that changes much (a phone turned).
  #watchWidth() {
    if (this.#resize || typeof ResizeObserver === 'undefined') return;
    this.#resize = new ResizeObserver(() => {
      const width = this.#width();
      if (this.#data?.neighbours.length && width && Math.abs(width - this.#drawnWidth) > 40) this.#render();
    });
    this.#resize.observe(this);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = undefined;
  }

  // The graph and its key.
  #graphView(centre, shown) {
    this.#watchWidth();
    return el('div', { class: 'graph-view' }, el('div', { class: 'graph-box' }, this.#graph(centre, shown)), this.#legend(centre, shown));
  }

  #graph(centre, neighbours) {
    const layout = radialLayout(centre, neighbours, { measure: this.#measurer(), maxWidth: this.#width() || Infinity });
    const { x, y, width, height } = layout.bounds;
    const place = (n) => layout.nodes.get(n) ?? layout.nodes.get(centre.pattern);
    const svg = svgEl('svg', { part: 'graph', role: 'group', width: Math.ceil(width), height: Math.ceil(height),
      viewBox: `${round(x)} ${round(y)} ${Math.ceil(width)} ${Math.ceil(height)}`,
      'aria-label': `${centre.title} and ${count(neighbours.length, 'related pattern')}. Arrow keys move between them.` });
    const edges = svgEl('g', { 'aria-hidden': 'true' });
    for (const n of neighbours) {
      const [from, to] = [place(n.via), place(n.pattern)];
      const relation = primary(n).relation;
      edges.append(svgEl('line', { part: 'edge', class: `line r-${relation}${n.depth > 1 ? ' deep' : ''}`, 'data-relation': relation,
        x1: round(from.x), y1: round(from.y), x2: round(to.x), y2: round(to.y) }));
    }
    const nodes = svgEl('g');
    const byId = new Map(neighbours.map((n) => [n.pattern, n]));
    // Nodes in reading order for the arrow keys: the middle, then ring by ring, clockwise from the top.
    const clockwise = [...neighbours].sort((a, b) => a.depth - b.depth || layout.nodes.get(a.pattern).angle - layout.nodes.get(b.pattern).angle);
    [{ ...centre, depth: 0 }, ...clockwise].forEach((n, i) => {
      const at = layout.nodes.get(n.pattern);
      const isCentre = n.depth === 0;
      const tier = tierOf(n.tier);
      const href = patternHref(this.baseUrl, n.pattern);
      const node = svgEl('a', { part: isCentre ? 'node node-centre' : 'node', 'data-pattern': n.pattern, 'data-tier': tier,
        href: href ?? undefined, tabindex: i === 0 ? '0' : '-1', role: href ? undefined : 'button',
        'aria-label': isCentre ? `${n.title} (${tier}), the pattern shown` : `${n.title} (${tier}): ${describe(n, centre, byId)}` });
      const icon = tierIcon(tier);
      const size = isCentre ? 18 : 12;
      for (const [name, value] of Object.entries({ x: round(at.x - size / 2), y: round(at.y - size / 2), width: size, height: size })) icon.setAttribute(name, value);
      const title = svgEl('title');
      title.textContent = isCentre ? n.title : `${n.title}: ${describe(n, centre, byId)}`;
      const label = at.label;
      node.append(title,
        svgEl('circle', { class: 'ring', cx: round(at.x), cy: round(at.y), r: at.dot + 4 }),
        svgEl('circle', { class: 'dot', cx: round(at.x), cy: round(at.y), r: at.dot }),
        icon,
        svgText(label.lines, { x: round(label.x), y: round(label.y), lineHeight: label.lineHeight, anchor: label.anchor, spaced: true }));
      node.addEventListener('click', (event) => this.#follow(event, n.pattern));
      nodes.append(node);
    });
    svg.append(edges, nodes);
    svg.addEventListener('keydown', (event) => this.#rove(event));
    return svg;
  }

  // What the lines and dots mean: the kinds of relation drawn, in the
  // engine's order, each with its line; how a line reads; the tiers.
  #legend(centre, neighbours) {
    const present = new Set(neighbours.map((n) => primary(n).relation));
    const kinds = LINE_KINDS.map((kind) => kind.filter((relation) => present.has(relation))).filter((kind) => kind.length);
    for (const relation of present) if (!LINE_KINDS.flat().includes(relation)) kinds.push([relation]);
    const example = neighbours.find((n) => n.depth === 1);
    const sample = (relation) => {
      const svg = svgEl('svg', { class: 'sample', width: 36, height: 10, viewBox: '0 0 36 10', 'aria-hidden': 'true' });
      svg.append(svgEl('line', { class: `line r-${relation}`, x1: 1, y1: 5, x2: 35, y2: 5 }));
      return svg;
    };
    return el('div', { part: 'legend', role: 'note', 'aria-label': 'Key to the graph' },
      el('ul', { class: 'kinds' }, kinds.map((kind) =>
        el('li', { 'data-relation': kind.join(' ') }, sample(kind[0]), kind.map((r, i) => (i ? lowerFirst(relationLabel(r)) : relationLabel(r))).join(', ')))),
      el('ul', { class: 'tiers' }, TIERS.filter((t) => neighbours.some((n) => tierOf(n.tier) === t.tier) || tierOf(centre.tier) === t.tier)
        .map((t) => el('li', { 'data-tier': t.tier }, tierIcon(t.tier), `${t.label}: ${t.hint}`))),
      example ? el('p', { class: 'muted' },
        `A line reads from the pattern nearer the middle: ${centre.title} ${relationPhrase(primary(example).relation)} ${example.title}.`,
        neighbours.some((n) => n.depth > 1) ? ' Thinner lines lead to patterns further away.' : '') : null);
  }

  // Line widths as the browser draws them, in the element's own font.
  #measurer() {
    const context = (this.#canvas ??= document.createElement('canvas')).getContext('2d');
    const family = getComputedStyle(this).fontFamily || 'sans-serif';
    const widths = new Map();
    return (text, size, bold) => {
      const key = `${bold ? 'b' : ''}${size}|${text}`;
      if (!widths.has(key)) {
        context.font = `${bold ? '700 ' : ''}${size}px ${family}`;
        widths.set(key, Math.ceil(context.measureText(text).width) + 1);
      }
      return widths.get(key);
    };
  }

  #list(centre, neighbours) {
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
        const notes = [...new Set(n.relations.flatMap((r) => r.notes ?? []).filter((note) => typeof note === 'string' && note))];
        const main = primary(n).relation;
        const also = [...new Set(n.relations.map((r) => r.relation).filter((r) => r !== main))];
        const via = n.depth > 1 ? byId.get(n.via)?.title ?? n.via : null;
        return el('li', { part: 'item' }, link, ' ', tierBadge(n.tier),
          via ? ` — ${via} ${relationPhrase(main)} it` : '',
          also.length ? el('span', { class: 'muted' }, ` — also ${joinWords(also.map((r) => lowerFirst(relationLabel(r))))}`) : '',
          notes.length ? el('span', { class: 'note' }, notes.map(sentence).join(' ')) : '');
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

// A note as a sentence: a capital first, a full stop last.
function sentence(text) {
  const trimmed = text.trim();
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?…]$/.test(trimmed) ? '' : '.'}`;
}

function round(n) {
  return Math.round(n * 10) / 10;
}
