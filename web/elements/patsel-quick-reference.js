// <patsel-quick-reference>: the quick reference cards. For a goal (high
// availability, scalability, consistency ...), the patterns to have first
// (essential), next (important) and later (advanced). A bronze pattern on a
// card is shown as legacy with its modern replacement, never as a plain
// recommendation. A chooser shows one goal or all of them; the goal chosen is
// kept in the URL (?cards=card.scalability).
//
// Attributes: card (the goal shown first; default: all goals), base-url
//             (prefix of links to pattern pages), catalog, url-key (default
//             "cards"; "" keeps the URL alone).
// Events:     patsel-quick-reference-load {detail: {card}} when shown;
//             patsel-quick-reference-change {detail: {card}} when the reader
//             chose another goal (or went back); card '' is every goal.
// Parts:      see docs/elements/patsel-quick-reference.md.

import { PatselElement, attr, loadingBox } from './base.js';
import { el } from './dom.js';
import { legacyNote, patternWithTier, replacementsOf } from './pattern-refs.js';
import { quickReferenceForm } from './url-forms.js';

const LEVELS = [
  ['essential', 'Essential', 'have these first'],
  ['important', 'Important', 'add these next'],
  ['advanced', 'Advanced', 'when you need them'],
];

const css = `
[part~=frame] { min-height: 12rem; }
[part~=chooser] { display: flex; flex-wrap: wrap; gap: .35rem .75rem; align-items: center; margin: 0 0 .75rem; }
[part~=chooser] label { font-weight: 600; }
select { max-width: 100%; }
[part~=cards] { list-style: none; margin: 0; padding: 0; display: grid; gap: .85rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr)); }
[part~=card] { padding: .65rem .85rem; }
[part~=card-title] { margin: 0 0 .45rem; }
[part~=level] { margin: 0 0 .5rem; padding-left: .6rem; border-left: 3px solid var(--level); }
[part~=level]:last-child { margin-bottom: 0; }
[part~=level-essential] { --level: var(--patsel-primary); }
[part~=level-important] { --level: var(--patsel-link); }
[part~=level-advanced] { --level: var(--patsel-text-muted); }
[part~=level-title] { margin: 0 0 .2rem; font-size: .95em; }
[part~=level-title] .hint { font-weight: 400; }
[part~=level] ul { margin: 0; padding-left: 1.1rem; display: grid; gap: .2rem; }
[part~=legacy] { display: block; font-size: .9em; }
`;

export class PatselQuickReferenceElement extends PatselElement {
  static tag = 'patsel-quick-reference';
  static css = css;
  static urlKey = 'cards';
  static attributes = { card: attr.string() };

  #engine;
  #cards = [];
  #chosen;   // the goal shown ('' every goal), or undefined = the attribute's
  #replacements = new Map();

  /** The goal shown now ('' for every goal). */
  get currentCard() { return this.#chosen ?? this.#attributeCard(); }
  /** The engine's cards ({id, title, essential, important, advanced}). */
  get cards() { return [...this.#cards]; }

  loadingView() {
    return loadingBox('frame', 'Loading the quick reference…');
  }

  failureMessage() {
    return 'The quick reference cards could not be shown.';
  }

  loaded(engine) {
    this.#engine = engine;
    this.#cards = engine.cards().cards;
    this.#replacements = new Map();
    this.#chosen = this.#fromUrl();
    this.#renderFrame();
    this.emit('patsel-quick-reference-load', { card: this.currentCard });
  }

  attributeChanged(name) {
    if (name === 'card' && this.#engine) {
      this.#chosen = undefined;
      this.#renderFrame();
    } else if (name === 'base-url' && this.#engine) this.#renderBody();
    else this.reload();
  }

  urlRestored() {
    if (!this.#engine) return;
    const chosen = this.#fromUrl();
    if ((chosen ?? this.#attributeCard()) === this.currentCard) return;
    this.#chosen = chosen;
    this.shadowRoot.querySelector('[part~=select]').value = this.currentCard;
    this.#renderBody();
    this.emit('patsel-quick-reference-change', { card: this.currentCard });
  }

  #attributeCard() {
    return this.#cards.some((c) => c.id === this.card) ? this.card : '';
  }

  // The URL's goal when the catalog has it ('' = every goal), else undefined.
  #fromUrl() {
    const saved = quickReferenceForm.read(this.readUrl());
    return saved === '' || this.#cards.some((c) => c.id === saved) ? saved : undefined;
  }

  #renderFrame() {
    const select = el('select', { id: 'card', part: 'select' },
      el('option', { value: '' }, 'All goals'), this.#cards.map((c) => el('option', { value: c.id }, c.title)));
    select.value = this.currentCard;
    select.addEventListener('change', () => {
      this.#chosen = select.value;
      this.writeUrl(quickReferenceForm.write(select.value === this.#attributeCard() ? null : select.value));
      this.#renderBody();
      this.emit('patsel-quick-reference-change', { card: this.currentCard });
    });
    this.shadowRoot.replaceChildren(el('section', { part: 'frame', 'aria-label': 'Quick reference cards' },
      this.#cards.length > 1 ? el('div', { part: 'chooser' }, el('label', { for: 'card' }, 'Goal'), select) : null,
      el('div', { part: 'body' })));
    this.#renderBody();
  }

  #renderBody() {
    const body = this.shadowRoot.querySelector('[part~=body]');
    const shown = this.currentCard ? this.#cards.filter((c) => c.id === this.currentCard) : this.#cards;
    if (!shown.length) {
      body.replaceChildren(el('p', { role: 'status' }, 'This catalog has no quick reference cards.'));
      return;
    }
    body.replaceChildren(el('ul', { part: 'cards' }, shown.map((card, i) => el('li', { part: 'card', class: 'panel', 'data-card': card.id },
      el('section', { 'aria-labelledby': `card-${i}` },
        el('h3', { part: 'card-title', id: `card-${i}` }, card.title),
        LEVELS.filter(([level]) => card[level]?.length).map(([level, label, hint]) =>
          el('div', { part: `level level-${level}`, 'data-level': level },
            el('h4', { part: 'level-title' }, label, el('span', { class: 'hint' }, `: ${hint}`)),
            el('ul', {}, card[level].map((brief) => this.#item(brief))))))))));
  }

  #item(brief) {
    if (!this.#replacements.has(brief.pattern)) this.#replacements.set(brief.pattern, replacementsOf(this.#engine, brief));
    return el('li', { part: 'item', 'data-pattern': brief.pattern, 'data-tier': brief.tier },
      patternWithTier(this.baseUrl, brief), legacyNote(this.baseUrl, brief, this.#replacements.get(brief.pattern)));
  }
}
