// PatternPickerElement: the base of the elements whose state is a choice of
// catalog patterns, <patsel-compare> and <patsel-stack>. It keeps the
// choice: from the `patterns` attribute ("saga,outbox") or the URL
// (url-forms.js's choiceForm, which wins), the ids it had to leave out,
// every catalog pattern for the picker, the user's changes as history
// entries with a `<tag>-change` event, and remove buttons that keep the
// keyboard focus in place. The element draws the picker and the answer:
//
//   class PatselStackElement extends PatternPickerElement {
//     static tag = 'patsel-stack';
//     static urlKey = 'stack';
//     renderFrame() { ... }   // once per load: the picker and an empty body
//     renderChoice() { ... }  // after every change of this.selection
//   }

import { PatselElement, attr } from './base.js';
import { el } from './dom.js';
import { choiceForm } from './url-forms.js';

/** A `patterns` attribute ("a,b", "a b") as ids. */
export function parsePatterns(text) {
  return String(text ?? '').split(/[.,\s]+/).filter(Boolean);
}

export class PatternPickerElement extends PatselElement {
  static attributes = { patterns: attr.list(',') };
  /** The most patterns chosen at once; the ids past it are left out. */
  static maxPatterns = Infinity;

  #engine;
  #all = [];
  #byId = new Map();
  #selection = [];
  #ignored = [];

  /** The ids chosen now (the URL's, the user's or the attribute's). */
  get selection() { return [...this.#selection]; }

  // --- for the element --------------------------------------------------------

  /** The loaded engine; undefined while loading. */
  get engine() { return this.#engine; }
  /** Every catalog pattern ({id, title, tier, tags ...}), for the picker. */
  get catalogPatterns() { return this.#all; }
  /** Ids asked for that were left out: not in the catalog, or past maxPatterns. */
  get ignored() { return [...this.#ignored]; }
  /** A catalog pattern by id, or undefined. */
  patternById(id) { return this.#byId.get(id); }

  /** The user's change of the choice: a history entry, a redraw and a `<tag>-change` event. */
  setChoice(ids) {
    this.#selection = ids;
    this.#ignored = [];
    this.writeUrl(choiceForm.write(ids));
    this.renderChoice();
    this.#changed();
  }

  /**
   * A button that takes `id` out of the choice; the focus then goes to the
   * remove button now in its place, else to `fallback()`.
   */
  removeButton(id, text, label, fallback) {
    const button = el('button', { type: 'button', part: 'remove', class: 'quiet', 'aria-label': label }, text);
    button.addEventListener('click', () => {
      const index = this.#selection.indexOf(id);
      this.setChoice(this.#selection.filter((s) => s !== id));
      const buttons = [...this.shadowRoot.querySelectorAll('[part~=remove]')];
      (buttons[Math.min(index, buttons.length - 1)] ?? fallback()).focus();
    });
    return button;
  }

  /** Draws the picker and an empty answer, once per load. */
  renderFrame() {}
  /** Draws the answer for this.selection. */
  renderChoice() {}

  // --- PatselElement hooks -------------------------------------------------------

  load() {
    this.#engine = undefined;
    return super.load();
  }

  loaded(engine) {
    this.#all = engine.list({}).patterns;
    this.#byId = new Map(this.#all.map((p) => [p.id, p]));
    this.#engine = engine;
    this.#choose(choiceForm.read(this.readUrl()) ?? parsePatterns(this.patterns));
    this.renderFrame();
  }

  attributeChanged(name) {
    if (name === 'patterns' && this.#engine) {
      this.#choose(parsePatterns(this.patterns));
      this.renderChoice();
    } else if (name === 'base-url' && this.#engine) this.renderChoice();
    else this.reload();
  }

  urlRestored(value) {
    if (!this.#engine) return;
    const ids = choiceForm.read(value) ?? parsePatterns(this.patterns);
    if (ids.join() === this.#selection.join()) return;
    this.#choose(ids);
    this.renderChoice();
    this.#changed();
  }

  // Keeps the known ids, each once, at most maxPatterns.
  #choose(ids) {
    const unique = [...new Set(ids)];
    const known = unique.filter((id) => this.#byId.has(id));
    this.#selection = known.slice(0, this.constructor.maxPatterns);
    this.#ignored = [...unique.filter((id) => !this.#byId.has(id)), ...known.slice(this.constructor.maxPatterns)];
  }

  #changed() {
    this.emit(`${this.constructor.tag}-change`, { patterns: this.selection });
  }
}
