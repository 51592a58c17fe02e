// <patsel-compare patterns="saga,two-phase-commit">: two to five patterns
// side by side, in the rows an architect decides on: maturity and tier, the
// guarantees (atomicity, isolation, consistency), behaviour under failure,
// latency cost, complexity, team and time, operational burden, when to use
// and when not, and what the catalog's rules say for or against each
// pattern. Given a profile (the recommender's requirements), a first row
// says how each pattern fits it, with a mark and a legend. Below, one
// sentence per pair says how the compared patterns relate.
//
// In a wide box it is a real table (one column per pattern); where the
// columns would not fit (a phone), it is one block per row with each
// pattern's value under its name, so nothing is cut off or hidden sideways.
// The choice lives in the URL (?compare=patterns.saga.two-phase-commit), so
// a view can be shared and the back button undoes a change.
//
// Attributes: patterns (comma-separated ids, the initial choice), profile
//             (requirements to mark the fit against, in the recommender's
//             URL form: "consistency.strong_architecture.microservices"),
//             base-url (prefix of links to pattern pages), catalog (URL of
//             a catalog.json), url-key (query parameter, default "compare";
//             "" keeps the URL alone).
// Events:     patsel-compare-change {detail: {patterns}} after the user adds or
//             removes a pattern (or goes back); patsel-compare-load
//             {detail: {patterns}} when a comparison is shown.
// Parts:      see docs/elements/patsel-compare.md.

import { attr, loadingBox } from './base.js';
import { el, errorBox, patternHref } from './dom.js';
import { PatternPickerElement } from './pattern-picker.js';
import { relationPhrase } from './relations.js';
import { TIERS, TIER_IDS, tierBadge } from './tiers.js';
import { recommenderForm } from './url-forms.js';

export const MIN_PATTERNS = 2;
export const MAX_PATTERNS = 5;

// The width a table needs: the row headers and a column per pattern, in rem.
const ROW_HEADER_REM = 9.5;
const COLUMN_REM = 11.5;

// Marks of fit, each with its word for the legend and for screen readers.
export const FIT = {
  good: { mark: '✓', word: 'fits' },
  poor: { mark: '✗', word: 'works against it' },
  mixed: { mark: '±', word: 'for and against' },
};

const css = `
[part~=body] { min-height: 16rem; }
[part~=picker] { display: flex; flex-wrap: wrap; gap: .35rem .6rem; align-items: center; margin: 0 0 .6rem; }
select { max-width: 100%; min-width: 0; flex: 1 1 12rem; }
select:disabled { cursor: not-allowed; opacity: .6; }
[part~=status] { margin: 0 0 .5rem; font-weight: 600; }
.hint { font-size: .9em; margin: 0 0 .5rem; }
[part~=legend] { display: flex; flex-wrap: wrap; gap: .2rem 1rem; margin: 0 0 .5rem; padding: 0; list-style: none; font-size: .9em; }
[part~=scroller] { overflow-x: auto; max-width: 100%; border: 1px solid var(--patsel-border); border-radius: var(--patsel-radius); }
table { border-collapse: separate; border-spacing: 0; width: 100%; }
caption { text-align: left; padding: .5rem .6rem; font-weight: 700; }
th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-top: 1px solid var(--patsel-border); }
thead th { vertical-align: bottom; }
td, thead th:not(:first-child) { min-width: 10rem; }
th[scope=row], thead th:first-child { min-width: 8rem; max-width: 11rem; border-right: 1px solid var(--patsel-border); }
th[scope=row] { font-weight: 600; overflow-wrap: break-word; }
tr[data-group] > th[scope=row] .group, [part~=row-block] .group { display: block; font-size: .8em; font-weight: 600; color: var(--patsel-text-muted); text-transform: uppercase; letter-spacing: .04em; }
.pattern-head { display: flex; flex-direction: column; gap: .25rem; align-items: flex-start; }
.pattern-head .line { display: flex; gap: .4rem; align-items: center; flex-wrap: wrap; }
[part~=remove] { font-size: .85em; }
ul { margin: 0; padding-left: 1.1rem; }
li + li { margin-top: .2rem; }
.none { color: var(--patsel-text-muted); }
[part~=line] { overflow-wrap: anywhere; }
[part~=fit] { font-weight: 700; margin-right: .3rem; }
[data-fit=good] > [part~=fit], [part~=legend] [data-fit=good] [part~=fit] { color: var(--patsel-relation-complements); }
[data-fit=poor] > [part~=fit], [part~=legend] [data-fit=poor] [part~=fit] { color: var(--patsel-danger); }
ul.marked { list-style: none; padding-left: 0; }

/* One block per row, for a box too narrow for the table. */
[part~=chosen] { list-style: none; padding: 0; margin: 0 0 .6rem; display: flex; flex-wrap: wrap; gap: .4rem; }
[part~=chosen] li { margin: 0; }
[part~=rows] { display: grid; gap: .6rem; }
[part~=row-block] { border: 1px solid var(--patsel-border); border-radius: var(--patsel-radius); padding: .5rem .65rem; min-width: 0; }
[part~=row-block] h4 { margin: 0 0 .4rem; padding-bottom: .25rem; font-size: 1.05em; border-bottom: 1px solid var(--patsel-border); }
[part~=row-block] dl { margin: 0; display: grid; gap: .45rem; }
[part~=row-block] dt { font-weight: 600; display: flex; flex-wrap: wrap; align-items: center; gap: .3rem; }
[part~=row-block] dd { margin: .1rem 0 0; min-width: 0; }

[part~=relations] h4 { margin: .75rem 0 .35rem; }
[part~=relations] ul { padding-left: 1.1rem; }
`;

export class PatselCompareElement extends PatternPickerElement {
  static tag = 'patsel-compare';
  static css = css;
  static urlKey = 'compare';
  static maxPatterns = MAX_PATTERNS;
  static attributes = { ...PatternPickerElement.attributes, profile: attr.string('') };  // the accessor is the class's own

  #result;
  #profile;          // set by the property; undefined: the attribute's
  #fields = [];
  #layout = 'table'; // or 'rows'
  #resize;

  /** The engine's comparison now shown, or undefined. */
  get comparison() { return this.#result; }

  /**
   * The requirements the fit is marked against: an object of the fields
   * given (`{consistency: 'strong'}`). Set an object, or text in the
   * recommender's URL form (which sets the `profile` attribute); null clears.
   */
  get profile() {
    return this.#profile ? { ...this.#profile } : this.#fromAttribute();
  }
  set profile(value) {
    if (value && typeof value === 'object') {
      this.#profile = { ...value };
      this.renderChoice();
    } else {
      this.#profile = undefined;
      const before = this.getAttribute('profile');
      if (value == null || value === '') this.removeAttribute('profile');
      else this.setAttribute('profile', String(value));
      if (this.getAttribute('profile') === before) this.renderChoice();  // else attributeChanged draws
    }
  }

  /** Adds a pattern (as the user's action: the URL gets a new entry). */
  addPattern(id) {
    const chosen = this.selection;
    if (!this.patternById(id) || chosen.includes(id) || chosen.length >= MAX_PATTERNS) return false;
    this.setChoice([...chosen, id]);
    return true;
  }

  /** Removes a pattern (as the user's action). */
  removePattern(id) {
    if (!this.selection.includes(id)) return false;
    this.setChoice(this.selection.filter((s) => s !== id));
    return true;
  }

  connectedCallback() {
    super.connectedCallback();
    this.#resize ??= new ResizeObserver(() => this.#checkLayout());
    this.#resize.observe(this);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#resize?.disconnect();
  }

  attributeChanged(name) {
    if (name === 'profile' && this.engine) this.renderChoice();
    else super.attributeChanged(name);
  }

  loadingView() {
    return loadingBox('body', 'Loading the comparison…');
  }

  failureMessage() {
    return 'The comparison could not be loaded.';
  }

  loaded(engine) {
    this.#fields = engine.profileFields().fields;
    super.loaded(engine);
  }

  renderFrame() {
    const select = el('select', { id: 'add-pattern', part: 'select' });
    const add = el('button', { type: 'submit', part: 'add', class: 'primary' }, 'Add');
    const picker = el('form', { part: 'picker', 'aria-label': 'Patterns to compare' },
      el('label', { for: 'add-pattern' }, 'Add a pattern'), select, add);
    picker.addEventListener('submit', (event) => {
      event.preventDefault();
      if (select.value) this.addPattern(select.value);
      select.focus();
    });
    this.shadowRoot.replaceChildren(picker, el('p', { part: 'status', role: 'status' }), el('div', { part: 'body' }));
    this.renderChoice();
  }

  #renderPicker() {
    const select = this.shadowRoot.querySelector('select');
    const chosen = this.selection;
    const full = chosen.length >= MAX_PATTERNS;
    const free = this.catalogPatterns.filter((p) => !chosen.includes(p.id));
    const groups = TIERS.map(({ tier, label }) => [label, free.filter((p) => p.tier === tier)])
      .concat([['Unclassified', free.filter((p) => !TIER_IDS.includes(p.tier))]])
      .filter(([, patterns]) => patterns.length);
    select.replaceChildren(
      el('option', { value: '' }, full ? `At most ${MAX_PATTERNS} patterns` : 'Choose a pattern…'),
      ...groups.map(([label, patterns]) => el('optgroup', { label }, patterns.map((p) => el('option', { value: p.id }, p.title)))));
    select.disabled = full;
    this.shadowRoot.querySelector('[part~=add]').disabled = full;
  }

  renderChoice() {
    if (!this.engine || !this.shadowRoot.querySelector('[part~=body]')) return;
    this.#renderPicker();
    const chosen = this.selection;
    const status = this.shadowRoot.querySelector('[part~=status]');
    const body = this.shadowRoot.querySelector('[part~=body]');
    const ignored = this.ignored.length ? ` Left out: ${this.ignored.join(', ')} (unknown, or more than ${MAX_PATTERNS}).` : '';
    this.#result = undefined;
    if (chosen.length < MIN_PATTERNS) {
      status.textContent = `Pick at least ${MIN_PATTERNS} patterns to compare (${chosen.length} chosen).${ignored}`;
      body.replaceChildren(chosen.length ? this.#chosenList() : '');
      return;
    }
    const profile = this.profile;
    this.#layout = this.#wantedLayout();
    try {
      this.#result = this.engine.compare(chosen, Object.keys(profile).length ? { profile } : undefined);
    } catch (error) {
      status.textContent = '';
      body.replaceChildren(errorBox('The comparison could not be made.', error, () => this.renderChoice()));
      return;
    }
    const r = this.#result;
    status.textContent = `Comparing ${r.patterns.length} patterns: ${r.patterns.map((p) => p.title).join(', ')}.${ignored}`;
    body.replaceChildren(this.#legend(r), this.#layout === 'rows' ? this.#rowBlocks(r) : this.#table(r), this.#relations(r));
    this.emit('patsel-compare-load', { patterns: chosen });
  }

  // --- layout ----------------------------------------------------------------

  #wantedLayout() {
    const n = Math.max(MIN_PATTERNS, this.selection.length);
    const rem = Number.parseFloat(getComputedStyle(this).fontSize) || 16;
    const width = this.getBoundingClientRect().width;
    return width > 0 && width < (ROW_HEADER_REM + COLUMN_REM * n) * rem ? 'rows' : 'table';
  }

  #checkLayout() {
    if (!this.engine) return;
    const wanted = this.#wantedLayout();
    if (wanted === this.#layout) return;
    this.#layout = wanted;
    const focused = this.shadowRoot.activeElement;
    const removing = focused?.matches?.('[part~=remove]') ? focused.getAttribute('aria-label') : null;
    this.renderChoice();
    if (removing) this.shadowRoot.querySelector(`[part~=remove][aria-label="${CSS.escape(removing)}"]`)?.focus();
  }

  // --- the views -----------------------------------------------------------------

  // One chosen pattern: shown with its remove button until a second is added.
  #chosenList() {
    return el('ul', { part: 'chosen' }, this.selection.map((id) => {
      const p = this.patternById(id);
      return el('li', { class: 'chip' }, this.#link(id, p.title), tierBadge(p.tier), this.#removeButton(id, p.title));
    }));
  }

  // What the fit marks mean, when the comparison has any.
  #legend(r) {
    const used = new Set(r.rows.flatMap((row) => row.cells.flat().map((line) => line.fit)).filter(Boolean));
    if (!used.size) return '';
    return el('ul', { part: 'legend', 'aria-label': 'Marks' }, Object.entries(FIT).filter(([fit]) => used.has(fit)).map(([fit, { mark, word }]) =>
      el('li', { 'data-fit': fit }, el('span', { part: 'fit', 'aria-hidden': 'true' }, mark), word)));
  }

  #table(r) {
    const captionText = r.patterns.map((p) => p.title).join(' vs. ');
    const head = el('tr', {}, el('th', { scope: 'col' }, 'Attribute'),
      r.patterns.map((p) => el('th', { scope: 'col', part: 'pattern-header', 'data-pattern': p.pattern },
        el('div', { class: 'pattern-head' },
          el('span', { class: 'line' }, this.#link(p.pattern, p.title)),
          el('span', { class: 'line' }, tierBadge(p.tier), this.#removeButton(p.pattern, p.title))))));
    const rows = r.rows.map((row) => el('tr', { 'data-attribute': row.attribute, 'data-group': row.group || undefined },
      el('th', { scope: 'row', part: 'row-header' }, row.group ? el('span', { class: 'group' }, row.group) : null, row.label),
      row.cells.map((lines) => el('td', { part: 'cell' }, this.#cell(row.attribute, lines)))));
    const table = el('table', { part: 'table' },
      el('caption', { id: 'caption', part: 'caption' }, captionText), el('thead', {}, head), el('tbody', {}, rows));
    // Focusable so that a keyboard user can scroll it sideways if it must.
    return el('div', { part: 'scroller', role: 'region', 'aria-labelledby': 'caption', tabindex: '0' }, table);
  }

  // A block per row: the row's name, then each pattern's value under its name.
  #rowBlocks(r) {
    const chosen = el('ul', { part: 'chosen', 'aria-label': 'Patterns compared' }, r.patterns.map((p) =>
      el('li', { class: 'chip', part: 'pattern-header', 'data-pattern': p.pattern }, this.#link(p.pattern, p.title), tierBadge(p.tier),
        this.#removeButton(p.pattern, p.title))));
    const blocks = r.rows.map((row) => el('section', { part: 'row-block', 'data-attribute': row.attribute, 'aria-label': row.group ? `${row.group}: ${row.label}` : row.label },
      el('h4', {}, row.group ? el('span', { class: 'group' }, row.group) : null, row.label),
      el('dl', {}, r.patterns.map((p, i) => el('div', { part: 'cell', 'data-pattern': p.pattern },
        el('dt', {}, p.title), el('dd', {}, this.#cell(row.attribute, row.cells[i])))))));
    return el('div', { part: 'rows-view' }, chosen, el('div', { part: 'rows' }, blocks));
  }

  #cell(attribute, lines) {
    if (!lines.length) return el('span', { class: 'none' }, emptyCell(attribute));
    if (attribute === 'maturity') {
      const [tier, ...rest] = lines;
      return [tierBadge(tier.text), rest.length ? el('ul', { class: 'marked' }, rest.map((line) => this.#line(line, 'li'))) : ''];
    }
    if (lines.length === 1) return this.#line(lines[0], 'span');
    return el('ul', { class: lines.some((l) => l.fit) ? 'marked' : undefined }, lines.map((line) => this.#line(line, 'li')));
  }

  #line(line, tag) {
    const fit = FIT[line.fit];
    return el(tag, { part: 'line', 'data-fit': line.fit || undefined },
      fit ? el('span', { part: 'fit', 'aria-hidden': 'true' }, fit.mark) : null,
      fit ? el('span', { class: 'visually-hidden' }, `${fit.word}: `) : null, line.text);
  }

  // One sentence per pair of compared patterns.
  #relations(r) {
    if (!r.relations.length) return '';
    const title = (id) => r.patterns.find((p) => p.pattern === id)?.title ?? id;
    return el('div', { part: 'relations' }, el('h4', {}, 'How they relate'),
      el('ul', {}, r.relations.map((rel) => el('li', { 'data-relation': rel.relation },
        this.#link(rel.from, title(rel.from)), ` ${relationPhrase(rel.relation)} `, this.#link(rel.to, title(rel.to)), noteAfter(rel.note)))));
  }

  #removeButton(id, title) {
    return this.removeButton(id, 'Remove', `Remove ${title} from the comparison`, () => this.shadowRoot.querySelector('select'));
  }

  #link(id, title) {
    const href = patternHref(this.baseUrl, id);
    return href ? el('a', { href, part: 'link' }, title) : title;
  }

  // The `profile` attribute, read as the recommender writes its URL value.
  #fromAttribute() {
    const text = this.getAttribute('profile');
    if (!text) return {};
    const saved = recommenderForm.read(text, (id) => this.#fields.find((f) => f.id === id)?.type === 'set');
    const profile = {};
    for (const [id, value] of Object.entries(saved?.values ?? {})) {
      const field = this.#fields.find((f) => f.id === id);
      if (!field) continue;
      if (field.type === 'number') profile[id] = Number(value);
      else if (field.type === 'boolean') profile[id] = value === 'true';
      else profile[id] = value;
    }
    return profile;
  }
}

// What an empty cell says: the catalog is silent, or the rules say nothing either way.
function emptyCell(attribute) {
  if (attribute === 'fit') return 'nothing for or against';
  if (attribute.startsWith('rules:')) return 'no rule';
  return 'not stated';
}

/**
 * What follows "A replaces B" when the catalog has a note on it: a
 * fragment after a colon ("…: local transactions plus compensations."), a
 * whole sentence as a sentence of its own. Always ends the sentence.
 */
export function noteAfter(note) {
  const text = String(note ?? '').trim();
  if (!text) return '.';
  const closed = /[.!?]$/.test(text) ? text : `${text}.`;
  return /^[A-Z]/.test(text) && /[.!?]$/.test(text) ? `. ${closed}` : `: ${closed}`;
}
