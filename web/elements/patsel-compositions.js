// <patsel-compositions>: patterns made of other patterns ("Service Mesh =
// Sidecar + Service Discovery + Load Balancing + Circuit Breaker") and the
// combinations to avoid, each with the reason and what to use instead. A
// chooser narrows both to those with one pattern; the pattern chosen is kept
// in the URL (?compositions=pattern.sidecar).
//
// Attributes: pattern (only those with this pattern; default: all), show
//             ("both", "compositions" or "avoid"; default "both"), base-url
//             (prefix of links to pattern pages), catalog, url-key (default
//             "compositions"; "" keeps the URL alone).
// Events:     patsel-compositions-load {detail: {pattern}} when shown;
//             patsel-compositions-change {detail: {pattern}} when the reader
//             chose another pattern (or went back); pattern '' is all.
// Parts:      see docs/elements/patsel-compositions.md.

import { PatselElement, attr, loadingBox } from './base.js';
import { el } from './dom.js';
import { patternLink, patternWithTier } from './pattern-refs.js';
import { joinNodes } from './text.js';
import { compositionsForm } from './url-forms.js';

const css = `
[part~=frame] { min-height: 12rem; }
[part~=chooser] { display: flex; flex-wrap: wrap; gap: .35rem .75rem; align-items: center; margin: 0 0 .75rem; }
[part~=chooser] label { font-weight: 600; }
select { max-width: 100%; min-width: 0; }
[part~=compositions], [part~=avoid] { margin: 0 0 1.25rem; }
h3 { margin: 0 0 .5rem; }
ul.entries { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr)); }
li.entry { padding: .6rem .8rem; }
[part~=conflict] { border-left: 4px solid var(--patsel-danger); }
h4 { margin: 0 0 .3rem; }
[part~=formula] { margin: 0 0 .35rem; line-height: 1.7; }
.op { font-weight: 700; padding: 0 .2rem; }
[part~=summary], [part~=reason] { margin: 0 0 .35rem; }
[part~=instead] { margin: 0; }
.label { font-weight: 600; }
[part~=empty] { margin: 0; font-style: italic; }
`;

// The catalog's combinations to avoid, once per engine. The engine states
// them as conflicts-with edges whose source is the catalog's avoid list; the
// stack analysis of each pair gives the reason and what to use instead.
const avoided = new WeakMap();
export function combinationsToAvoid(engine) {
  if (avoided.has(engine)) return avoided.get(engine);
  const seen = new Set();
  const out = [];
  for (const { id } of engine.list({}).patterns) {
    let related;
    try {
      related = engine.related(id, { relations: ['conflicts-with'] });
    } catch {
      continue;
    }
    for (const n of related.neighbours) {
      if (!n.relations.some((r) => r.sources.includes('avoid'))) continue;
      const key = JSON.stringify([id, n.pattern].sort());
      if (seen.has(key)) continue;
      seen.add(key);
      try {
        const conflict = engine.stack([id, n.pattern]).conflicts[0];
        if (conflict) out.push(conflict);
      } catch { /* a pair the engine cannot analyse is left out */ }
    }
  }
  avoided.set(engine, out);
  return out;
}

export class PatselCompositionsElement extends PatselElement {
  static tag = 'patsel-compositions';
  static css = css;
  static urlKey = 'compositions';
  static attributes = {
    pattern: attr.string(),
    show: attr.oneOf(['both', 'compositions', 'avoid'], 'both'),
  };

  #engine;
  #compositions = [];
  #avoid = [];
  #choices = [];   // every pattern in a composition or a combination, by title
  #chosen;         // the pattern chosen ('' all), or undefined = the attribute's

  /** The pattern both lists are narrowed to now ('' for none). */
  get currentPattern() { return this.#chosen ?? this.#attributePattern(); }
  /** The compositions shown now. */
  get compositions() { return this.#shownCompositions(); }
  /** The combinations to avoid shown now ({patterns, reason, instead}). */
  get combinations() { return this.#shownAvoid(); }

  loadingView() {
    return loadingBox('frame', 'Loading compositions…');
  }

  failureMessage() {
    return 'The compositions could not be shown.';
  }

  loaded(engine) {
    this.#engine = engine;
    this.#compositions = engine.compositions().compositions;
    this.#avoid = combinationsToAvoid(engine);
    const byId = new Map();
    for (const c of this.#compositions) {
      if (c.pattern) byId.set(c.pattern, this.#titleOf(c.pattern) ?? c.title);
      for (const p of c.parts) byId.set(p.pattern, p.title);
    }
    for (const a of this.#avoid) for (const p of [...a.patterns, ...a.instead]) byId.set(p.pattern, p.title);
    this.#choices = [...byId].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title));
    this.#chosen = this.#fromUrl();
    this.#renderFrame();
    this.emit('patsel-compositions-load', { pattern: this.currentPattern });
  }

  attributeChanged(name) {
    if (!this.#engine || name === 'catalog') this.reload();
    else {
      if (name === 'pattern') this.#chosen = undefined;
      this.#renderFrame();
    }
  }

  urlRestored() {
    if (!this.#engine) return;
    const chosen = this.#fromUrl();
    if ((chosen ?? this.#attributePattern()) === this.currentPattern) return;
    this.#chosen = chosen;
    this.shadowRoot.querySelector('[part~=select]').value = this.currentPattern;
    this.#renderBody();
    this.emit('patsel-compositions-change', { pattern: this.currentPattern });
  }

  #titleOf(id) {
    try {
      return this.#engine.pattern(id).pattern.title;
    } catch {
      return null;
    }
  }

  #attributePattern() {
    return this.#choices.some((c) => c.id === this.pattern) ? this.pattern : '';
  }

  #fromUrl() {
    const saved = compositionsForm.read(this.readUrl());
    return saved === '' || this.#choices.some((c) => c.id === saved) ? saved : undefined;
  }

  #shownCompositions() {
    const id = this.currentPattern;
    if (this.show === 'avoid') return [];
    return id ? this.#compositions.filter((c) => c.pattern === id || c.parts.some((p) => p.pattern === id)) : this.#compositions;
  }

  #shownAvoid() {
    const id = this.currentPattern;
    if (this.show === 'compositions') return [];
    return id ? this.#avoid.filter((a) => a.patterns.some((p) => p.pattern === id)) : this.#avoid;
  }

  #renderFrame() {
    const select = el('select', { id: 'pattern', part: 'select' },
      el('option', { value: '' }, 'Any pattern'), this.#choices.map((c) => el('option', { value: c.id }, c.title)));
    select.value = this.currentPattern;
    select.addEventListener('change', () => {
      this.#chosen = select.value;
      this.writeUrl(compositionsForm.write(select.value === this.#attributePattern() ? null : select.value));
      this.#renderBody();
      this.emit('patsel-compositions-change', { pattern: this.currentPattern });
    });
    this.shadowRoot.replaceChildren(el('section', { part: 'frame', 'aria-label': 'Compositions and combinations to avoid' },
      el('div', { part: 'chooser' }, el('label', { for: 'pattern' }, 'Only those with'), select),
      el('div', { part: 'body' })));
    this.#renderBody();
  }

  #renderBody() {
    const body = this.shadowRoot.querySelector('[part~=body]');
    const compositions = this.#shownCompositions();
    const avoid = this.#shownAvoid();
    body.replaceChildren(...[
      this.show === 'avoid' ? null : el('section', { part: 'compositions', 'aria-labelledby': 'compositions-title' },
        el('h3', { id: 'compositions-title' }, `Patterns made of patterns (${compositions.length})`),
        compositions.length ? el('ul', { class: 'entries' }, compositions.map((c) => this.#composition(c)))
          : el('p', { part: 'empty', class: 'muted' }, 'No composition has this pattern.')),
      this.show === 'compositions' ? null : el('section', { part: 'avoid', 'aria-labelledby': 'avoid-title' },
        el('h3', { id: 'avoid-title' }, `Combinations to avoid (${avoid.length})`),
        avoid.length ? el('ul', { class: 'entries' }, avoid.map((a) => this.#conflict(a)))
          : el('p', { part: 'empty', class: 'muted' }, 'No combination to avoid has this pattern.'))].filter(Boolean));
  }

  #composition(c) {
    const whole = c.pattern ? patternLink(this.baseUrl, { pattern: c.pattern, title: this.#choices.find((x) => x.id === c.pattern)?.title ?? c.title })
      : el('span', {}, c.title);
    return el('li', { class: 'entry panel', part: 'composition', 'data-composition': c.id },
      el('h4', { part: 'composition-title' }, c.title),
      el('p', { part: 'formula' }, whole, el('span', { class: 'op' }, ' = '),
        c.parts.flatMap((p, i) => [i ? el('span', { class: 'op' }, ' + ') : null, patternLink(this.baseUrl, p)])),
      c.summary ? el('p', { part: 'summary' }, c.summary) : null);
  }

  #conflict(a) {
    return el('li', { class: 'entry panel', part: 'conflict', 'data-patterns': a.patterns.map((p) => p.pattern).join(' ') },
      el('h4', { part: 'conflict-title' }, joinNodes(a.patterns.map((p) => el('span', {}, patternWithTier(this.baseUrl, p))), ' + ')),
      a.reason ? el('p', { part: 'reason' }, a.reason) : null,
      a.instead.length ? el('p', { part: 'instead' }, el('span', { class: 'label' }, 'Use instead: '),
        joinNodes(a.instead.map((p) => patternLink(this.baseUrl, p)), ', ', ' or ')) : null);
  }
}
