// <patsel-compare patterns="saga,two-phase-commit">: two to five patterns
// side by side in a real table (one column per pattern, one row per
// attribute the catalog has something on: tier, effort, team size, fit for
// consistency or latency, operational burden, when to use ...), with a picker
// to add and remove patterns and the relations between the compared ones.
// The choice lives in the URL (?compare=saga.two-phase-commit) so a view can
// be shared and the back button undoes a change.
//
// Attributes: patterns (comma-separated ids, the initial choice), base-url
//             (prefix of links to pattern pages), catalog (URL of a
//             catalog.json), url-key (query parameter, default "compare";
//             "" keeps the URL alone).
// Events:     patsel-compare-change {detail: {patterns}} after the user adds or
//             removes a pattern (or goes back); patsel-compare-load
//             {detail: {patterns}} when a comparison is shown.
// Parts:      picker, select, add, status, scroller, table, caption,
//             pattern-header, badge, remove, row-header, cell, relations,
//             link, loading, error, retry.

import { baseCss, el, errorBox, patternHref, sheet } from './dom.js';
import { createLoader, loadingBox } from './loader.js';
import { UrlState } from './url-state.js';
import { catalogPatterns, idsValue, parseIds } from './pattern-ids.js';

export const MIN_PATTERNS = 2;
export const MAX_PATTERNS = 5;
const TIERS = ['gold', 'silver', 'bronze'];
const RELATION_TEXT = {
  requires: 'requires', 'required-by': 'is required by', complements: 'complements', enhances: 'enhances',
  'enhanced-by': 'is enhanced by', 'part-of': 'is part of', 'has-part': 'has as a part', alternative: 'is an alternative to',
  replaces: 'replaces', 'replaced-by': 'is replaced by', 'evolves-from': 'evolved from', 'evolves-into': 'evolved into',
  'conflicts-with': 'conflicts with', related: 'is related to',
};

const css = `${baseCss}
[part~=body] { min-height: 16rem; }
[part~=picker] { display: flex; flex-wrap: wrap; gap: .35rem .6rem; align-items: center; margin: 0 0 .6rem; }
select, button { font: inherit; border-radius: 4px; border: 1px solid var(--patsel-border-color);
  background: var(--patsel-input-background, Canvas); color: inherit; padding: .25rem .5rem; }
select { max-width: 100%; min-width: 0; flex: 1 1 12rem; }
button { cursor: pointer; }
button:disabled, select:disabled { cursor: not-allowed; opacity: .6; }
[part~=status] { margin: 0 0 .5rem; font-weight: 600; }
.hint { font-size: .9em; opacity: .85; margin: 0 0 .5rem; }
[part~=scroller] { overflow-x: auto; max-width: 100%; border: 1px solid var(--patsel-border-color); border-radius: 6px; }
table { border-collapse: separate; border-spacing: 0; width: 100%; }
caption { text-align: left; padding: .5rem .6rem; font-weight: 700; }
th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-top: 1px solid var(--patsel-border-color); }
thead th { vertical-align: bottom; }
td, thead th:not(:first-child) { min-width: 11rem; }
th[scope=row], thead th:first-child { position: sticky; left: 0; z-index: 1; min-width: 9.5rem; max-width: 12rem;
  background: var(--patsel-compare-sticky-background, Canvas); border-right: 1px solid var(--patsel-border-color); }
th[scope=row] { font-weight: 600; overflow-wrap: break-word; hyphens: auto; }
.pattern-head { display: flex; flex-direction: column; gap: .25rem; align-items: flex-start; }
.pattern-head .line { display: flex; gap: .4rem; align-items: center; flex-wrap: wrap; }
[part~=remove] { padding: .05rem .45rem; font-size: .85em; }
ul { margin: 0; padding-left: 1.1rem; }
.none { opacity: .7; }
[part~=badge] { display: inline-block; font-size: .72em; font-weight: 700; text-transform: uppercase; letter-spacing: .04em;
  padding: .05rem .45rem; border-radius: 999px; border: 1px solid var(--accent); color: var(--accent); background: var(--tint); }
[part~=badge][data-tier=gold] { --accent: var(--patsel-gold); --tint: var(--patsel-gold-bg); }
[part~=badge][data-tier=silver] { --accent: var(--patsel-silver); --tint: var(--patsel-silver-bg); }
[part~=badge][data-tier=bronze] { --accent: var(--patsel-bronze); --tint: var(--patsel-bronze-bg); }
[part~=relations] h4 { margin: .75rem 0 .35rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (max-width: 30rem) { td, thead th:not(:first-child) { min-width: 9.5rem; } th[scope=row], thead th:first-child { min-width: 7rem; max-width: 8.5rem; font-size: .85em; padding: .45rem .4rem; } }
`;

export class PatselCompareElement extends HTMLElement {
  static get observedAttributes() {
    return ['patterns', 'catalog', 'base-url', 'url-key'];
  }

  /** Registers the element; calling it twice is harmless. */
  static define(name = 'patsel-compare') {
    if (!customElements.get(name)) customElements.define(name, this);
  }

  #root;
  #engine;
  #all = [];          // every catalog pattern, for the picker
  #byId = new Map();
  #selection = [];    // the ids compared now
  #ignored = [];      // ids asked for that the catalog does not have (or past the fifth)
  #result;
  #url = new UrlState(this, 'compare', (value) => this.#restoreFromUrl(value));
  #loader = createLoader(this, {
    loading: () => {
      this.#engine = undefined;
      return loadingBox('body', 'Loading the comparison…');
    },
    render: (engine) => this.#loaded(engine),
    failure: 'The comparison could not be loaded.',
  });

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [sheet(css)];
  }

  get patterns() { return this.getAttribute('patterns') ?? ''; }
  set patterns(value) { this.setAttribute('patterns', Array.isArray(value) ? value.join(',') : value); }
  get catalog() { return this.getAttribute('catalog'); }
  set catalog(value) { value == null ? this.removeAttribute('catalog') : this.setAttribute('catalog', value); }
  get baseUrl() { return this.getAttribute('base-url') ?? ''; }
  set baseUrl(value) { this.setAttribute('base-url', value); }
  get urlKey() { return this.getAttribute('url-key') ?? 'compare'; }
  set urlKey(value) { this.setAttribute('url-key', value); }
  /** The ids compared now (the URL's, the user's or the attribute's). */
  get selection() { return [...this.#selection]; }
  /** The engine's comparison now shown, or undefined. */
  get comparison() { return this.#result; }

  connectedCallback() {
    this.#url.connect();
    this.#loader.schedule();
  }

  disconnectedCallback() {
    this.#url.disconnect();
    this.#loader.cancel();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === 'url-key') return;
    if (name === 'patterns' && this.#engine) {
      this.#choose(parseIds(this.patterns));
      this.#renderBody();
    } else if (name === 'base-url' && this.#engine) this.#renderBody();
    else this.#loader.schedule();
  }

  #loaded(engine) {
    ({ all: this.#all, byId: this.#byId } = catalogPatterns(engine));
    this.#engine = engine;
    this.#choose(parseIds(this.#url.read() ?? this.patterns));
    this.#renderFrame();
  }

  // Keeps the known ids, each once, at most five.
  #choose(ids) {
    const unique = [...new Set(ids)];
    const known = unique.filter((id) => this.#byId.has(id));
    this.#selection = known.slice(0, MAX_PATTERNS);
    this.#ignored = [...unique.filter((id) => !this.#byId.has(id)), ...known.slice(MAX_PATTERNS)];
  }

  #restoreFromUrl(saved) {
    if (!this.#engine) return;
    const ids = parseIds(saved ?? this.patterns);
    if (ids.join() === this.#selection.join()) return;
    this.#choose(ids);
    this.#renderBody();
    this.#changed();
  }

  /** Adds a pattern (as the user's action: the URL gets a new entry). */
  addPattern(id) {
    if (!this.#byId.has(id) || this.#selection.includes(id) || this.#selection.length >= MAX_PATTERNS) return false;
    this.#update([...this.#selection, id]);
    return true;
  }

  /** Removes a pattern (as the user's action). */
  removePattern(id) {
    if (!this.#selection.includes(id)) return false;
    this.#update(this.#selection.filter((s) => s !== id));
    return true;
  }

  #update(ids) {
    this.#selection = ids;
    this.#ignored = [];
    this.#url.push(idsValue(ids));
    this.#renderBody();
    this.#changed();
  }

  #changed() {
    this.dispatchEvent(new CustomEvent('patsel-compare-change', { bubbles: true, composed: true, detail: { patterns: this.selection } }));
  }

  #renderFrame() {
    const select = el('select', { id: 'add-pattern', part: 'select' });
    const add = el('button', { type: 'submit', part: 'add' }, 'Add');
    const picker = el('form', { part: 'picker', 'aria-label': 'Patterns to compare' },
      el('label', { for: 'add-pattern' }, 'Add a pattern'), select, add);
    picker.addEventListener('submit', (event) => {
      event.preventDefault();
      if (select.value) this.addPattern(select.value);
      select.focus();
    });
    this.#root.replaceChildren(picker, el('p', { part: 'status', role: 'status' }), el('div', { part: 'body' }));
    this.#renderBody();
  }

  #renderPicker() {
    const select = this.#root.querySelector('select');
    const full = this.#selection.length >= MAX_PATTERNS;
    const free = this.#all.filter((p) => !this.#selection.includes(p.id));
    const groups = TIERS.map((tier) => [tier, free.filter((p) => p.tier === tier)])
      .concat([['other', free.filter((p) => !TIERS.includes(p.tier))]])
      .filter(([, patterns]) => patterns.length);
    select.replaceChildren(
      el('option', { value: '' }, full ? `At most ${MAX_PATTERNS} patterns` : 'Choose a pattern…'),
      ...groups.map(([tier, patterns]) => el('optgroup', { label: tier === 'other' ? 'Unclassified' : `${tier[0].toUpperCase()}${tier.slice(1)}` },
        patterns.map((p) => el('option', { value: p.id }, p.title)))));
    select.disabled = full;
    this.#root.querySelector('[part~=add]').disabled = full;
  }

  #renderBody() {
    if (!this.#engine) return;
    this.#renderPicker();
    const status = this.#root.querySelector('[part~=status]');
    const body = this.#root.querySelector('[part~=body]');
    const ignored = this.#ignored.length ? ` Left out: ${this.#ignored.join(', ')} (unknown, or more than ${MAX_PATTERNS}).` : '';
    this.#result = undefined;
    if (this.#selection.length < MIN_PATTERNS) {
      status.textContent = `Pick at least ${MIN_PATTERNS} patterns to compare (${this.#selection.length} chosen).${ignored}`;
      body.replaceChildren(this.#selection.length ? this.#chosenList() : '');
      return;
    }
    try {
      this.#result = this.#engine.compare(this.#selection);
    } catch (error) {
      status.textContent = '';
      body.replaceChildren(errorBox('The comparison could not be made.', error, () => this.#renderBody()));
      return;
    }
    const r = this.#result;
    status.textContent = `Comparing ${r.patterns.length} patterns: ${r.patterns.map((p) => p.title).join(', ')}.${ignored}`;
    body.replaceChildren(this.#table(r), this.#relations(r));
    this.dispatchEvent(new CustomEvent('patsel-compare-load', { bubbles: true, composed: true, detail: { patterns: this.selection } }));
  }

  // One chosen pattern: shown with its remove button until a second is added.
  #chosenList() {
    return el('ul', { part: 'chosen' }, this.#selection.map((id) => {
      const p = this.#byId.get(id);
      return el('li', {}, this.#link(id, p.title), ' ', this.#badge(p.tier), ' ', this.#removeButton(id, p.title));
    }));
  }

  #table(r) {
    const captionText = r.patterns.map((p) => p.title).join(' vs. ');
    const head = el('tr', {}, el('th', { scope: 'col' }, 'Attribute'),
      r.patterns.map((p) => el('th', { scope: 'col', part: 'pattern-header', 'data-pattern': p.pattern },
        el('div', { class: 'pattern-head' },
          el('span', { class: 'line' }, this.#link(p.pattern, p.title)),
          el('span', { class: 'line' }, this.#badge(p.tier), this.#removeButton(p.pattern, p.title))))));
    const rows = r.rows.map((row) => el('tr', { 'data-attribute': row.attribute },
      el('th', { scope: 'row', part: 'row-header' }, row.label),
      row.cells.map((lines) => el('td', { part: 'cell' }, this.#cell(row.attribute, lines)))));
    const table = el('table', { part: 'table' },
      el('caption', { id: 'caption', part: 'caption' }, captionText), el('thead', {}, head), el('tbody', {}, rows));
    // Focusable so that a keyboard user can scroll it sideways on a phone.
    return el('div', { part: 'scroller', role: 'region', 'aria-labelledby': 'caption', tabindex: '0' }, table);
  }

  #cell(attribute, lines) {
    if (!lines.length) return el('span', { class: 'none' }, 'not stated');
    if (attribute === 'tier') return this.#badge(lines[0]);
    if (lines.length === 1) return lines[0];
    return el('ul', {}, lines.map((line) => el('li', {}, line)));
  }

  #relations(r) {
    if (!r.relations.length) return '';
    const title = (id) => r.patterns.find((p) => p.pattern === id)?.title ?? id;
    return el('div', { part: 'relations' }, el('h4', {}, 'How they relate'),
      el('ul', {}, r.relations.map((rel) => el('li', {},
        this.#link(rel.from, title(rel.from)), ` ${RELATION_TEXT[rel.relation] ?? rel.relation.replace(/-/g, ' ')} `, this.#link(rel.to, title(rel.to)),
        rel.notes.length ? `: ${rel.notes.join('; ')}` : ''))));
  }

  #removeButton(id, title) {
    const button = el('button', { type: 'button', part: 'remove', 'aria-label': `Remove ${title} from the comparison` }, 'Remove');
    button.addEventListener('click', () => {
      const index = this.#selection.indexOf(id);
      this.removePattern(id);
      // Focus goes to the next remove button, else to the picker.
      const buttons = [...this.#root.querySelectorAll('[part~=remove]')];
      (buttons[Math.min(index, buttons.length - 1)] ?? this.#root.querySelector('select')).focus();
    });
    return button;
  }

  #badge(tier) {
    return el('span', { part: 'badge', 'data-tier': tier }, tier);
  }

  #link(id, title) {
    const href = patternHref(this.baseUrl, id);
    return href ? el('a', { href, part: 'link' }, title) : title;
  }
}
