// <patsel-compare patterns="saga,two-phase-commit">: two to five patterns
// side by side in a real table (one column per pattern, one row per
// attribute the catalog has something on: tier, effort, team size, fit for
// consistency or latency, operational burden, when to use ...), with a picker
// to add and remove patterns and the relations between the compared ones.
// The choice lives in the URL (?compare=patterns.saga.two-phase-commit), so
// a view can be shared and the back button undoes a change.
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

import { loadingBox } from './base.js';
import { el, errorBox, patternHref } from './dom.js';
import { PatternPickerElement } from './pattern-picker.js';
import { relationPhrase } from './relations.js';
import { TIERS, TIER_IDS, tierBadge } from './tiers.js';

export const MIN_PATTERNS = 2;
export const MAX_PATTERNS = 5;

const css = `
[part~=body] { min-height: 16rem; }
[part~=picker] { display: flex; flex-wrap: wrap; gap: .35rem .6rem; align-items: center; margin: 0 0 .6rem; }
select { max-width: 100%; min-width: 0; flex: 1 1 12rem; }
select:disabled { cursor: not-allowed; opacity: .6; }
[part~=status] { margin: 0 0 .5rem; font-weight: 600; }
.hint { font-size: .9em; margin: 0 0 .5rem; }
[part~=scroller] { overflow-x: auto; max-width: 100%; border: 1px solid var(--patsel-border); border-radius: var(--patsel-radius); }
table { border-collapse: separate; border-spacing: 0; width: 100%; }
caption { text-align: left; padding: .5rem .6rem; font-weight: 700; }
th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-top: 1px solid var(--patsel-border-color); }
thead th { vertical-align: bottom; }
td, thead th:not(:first-child) { min-width: 11rem; }
th[scope=row], thead th:first-child { position: sticky; left: 0; z-index: 1; min-width: 9.5rem; max-width: 12rem;
  background: var(--patsel-compare-sticky-background, var(--patsel-background)); border-right: 1px solid var(--patsel-border-color); }
th[scope=row] { font-weight: 600; overflow-wrap: break-word; hyphens: auto; }
.pattern-head { display: flex; flex-direction: column; gap: .25rem; align-items: flex-start; }
.pattern-head .line { display: flex; gap: .4rem; align-items: center; flex-wrap: wrap; }
[part~=remove] { font-size: .85em; }
ul { margin: 0; padding-left: 1.1rem; }
.none { color: var(--patsel-text-muted); }
[part~=relations] h4 { margin: .75rem 0 .35rem; }
@media (max-width: 30rem) { td, thead th:not(:first-child) { min-width: 9.5rem; } th[scope=row], thead th:first-child { min-width: 7rem; max-width: 8.5rem; font-size: .85em; padding: .45rem .4rem; } }
`;

export class PatselCompareElement extends PatternPickerElement {
  static tag = 'patsel-compare';
  static css = css;
  static urlKey = 'compare';
  static maxPatterns = MAX_PATTERNS;

  #result;

  /** The engine's comparison now shown, or undefined. */
  get comparison() { return this.#result; }

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

  loadingView() {
    return loadingBox('body', 'Loading the comparison…');
  }

  failureMessage() {
    return 'The comparison could not be loaded.';
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
    if (!this.engine) return;
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
    try {
      this.#result = this.engine.compare(chosen);
    } catch (error) {
      status.textContent = '';
      body.replaceChildren(errorBox('The comparison could not be made.', error, () => this.renderChoice()));
      return;
    }
    const r = this.#result;
    status.textContent = `Comparing ${r.patterns.length} patterns: ${r.patterns.map((p) => p.title).join(', ')}.${ignored}`;
    body.replaceChildren(this.#table(r), this.#relations(r));
    this.emit('patsel-compare-load', { patterns: chosen });
  }

  // One chosen pattern: shown with its remove button until a second is added.
  #chosenList() {
    return el('ul', { part: 'chosen' }, this.selection.map((id) => {
      const p = this.patternById(id);
      return el('li', {}, this.#link(id, p.title), ' ', tierBadge(p.tier), ' ', this.#removeButton(id, p.title));
    }));
  }

  #table(r) {
    const captionText = r.patterns.map((p) => p.title).join(' vs. ');
    const head = el('tr', {}, el('th', { scope: 'col' }, 'Attribute'),
      r.patterns.map((p) => el('th', { scope: 'col', part: 'pattern-header', 'data-pattern': p.pattern },
        el('div', { class: 'pattern-head' },
          el('span', { class: 'line' }, this.#link(p.pattern, p.title)),
          el('span', { class: 'line' }, tierBadge(p.tier), this.#removeButton(p.pattern, p.title))))));
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
    if (attribute === 'tier') return tierBadge(lines[0]);
    if (lines.length === 1) return lines[0];
    return el('ul', {}, lines.map((line) => el('li', {}, line)));
  }

  #relations(r) {
    if (!r.relations.length) return '';
    const title = (id) => r.patterns.find((p) => p.pattern === id)?.title ?? id;
    return el('div', { part: 'relations' }, el('h4', {}, 'How they relate'),
      el('ul', {}, r.relations.map((rel) => el('li', {},
        this.#link(rel.from, title(rel.from)), ` ${relationPhrase(rel.relation)} `, this.#link(rel.to, title(rel.to)),
        rel.notes.length ? `: ${rel.notes.join('; ')}` : ''))));
  }

  #removeButton(id, title) {
    return this.removeButton(id, 'Remove', `Remove ${title} from the comparison`, () => this.shadowRoot.querySelector('select'));
  }

  #link(id, title) {
    const href = patternHref(this.baseUrl, id);
    return href ? el('a', { href, part: 'link' }, title) : title;
  }
}
