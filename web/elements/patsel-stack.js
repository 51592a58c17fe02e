// <patsel-stack>: pick the patterns a team uses (a searchable multi-select),
// then see what they mean together. First what to change: a pattern in a
// conflict or a legacy one is to be replaced ("Replace Two-Phase Commit with
// Saga and Transactional Outbox"), with one reason, and one click applies
// it. Then the combinations to avoid, one reason each; then the advice for
// the stack as it will be after those replacements: prerequisites that are
// missing (a circuit breaker without timeouts) and partners worth adding;
// then the complexity, now and after, with how many patterns it rests on.
// The choice lives in the URL (?stack=patterns.circuit-breaker.saga) so it
// can be shared.
//
// Attributes: patterns (comma-separated ids, the initial choice), base-url
//             (prefix of links to pattern pages), catalog (URL of a
//             catalog.json), url-key (query parameter, default "stack";
//             "" keeps the URL alone).
// Events:     patsel-stack-change {detail: {patterns}} after the user changes
//             the stack (or goes back); patsel-stack-load {detail: {patterns,
//             conflicts, missing, legacy, complexity}} when a report is shown.
// Parts:      picker, search, options, option, chosen, remove, status, report,
//             replacements, replacement, apply, conflicts, cautions, after,
//             missing, suggested, legacy, complexity, add-missing, badge,
//             link, loading, error, retry.

import { loadingBox } from './base.js';
import { el, errorBox, patternHref } from './dom.js';
import { PatternPickerElement } from './pattern-picker.js';
import { count, joinNodes, joinWords } from './text.js';
import { tierBadge } from './tiers.js';

const LEVEL_TEXT = { low: 'low', medium: 'medium', high: 'high', 'very-high': 'very high' };
const level = (value, none = 'not stated') => LEVEL_TEXT[value] ?? (value || none);

const css = `
:host { container-type: inline-size; }
[part~=body] { min-height: 14rem; }
label { font-weight: 600; display: block; margin: 0 0 .25rem; }
.combo { position: relative; max-width: 36rem; }
input { width: 100%; box-sizing: border-box; padding: .35rem .5rem; }
input:focus-visible { outline-offset: 1px; }
[part~=options] { list-style: none; margin: .2rem 0 0; padding: .2rem 0; max-height: 16rem; overflow-y: auto;
  border: 1px solid var(--patsel-field-border); border-radius: var(--patsel-radius); background: var(--patsel-field-background); }
[part~=options][hidden] { display: none; }
[part~=option] { display: flex; gap: .5rem; align-items: center; padding: .3rem .6rem; cursor: pointer; }
[part~=option]::before { content: ""; flex: none; width: .85rem; height: .85rem; border: 1.5px solid currentColor; border-radius: 3px; }
[part~=option][aria-selected=true]::before { content: "✓"; font-size: .75rem; line-height: .85rem; text-align: center; font-weight: 700; }
[part~=option].active { outline: 2px solid var(--patsel-focus); outline-offset: -2px; }
[part~=option] .title { flex: 1; }
.hint { font-size: .85em; margin: .25rem 0 .5rem; }
[part~=chosen] { list-style: none; margin: .5rem 0; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
[part~=chosen] li { padding-right: .2rem; }
[part~=remove] { border-radius: 999px; font-size: .85em; min-height: 0; padding: 0 .45rem; }
[part~=status] { font-weight: 600; margin: .5rem 0; }
[part~=report] section { margin: 0 0 1rem; }
h3 { margin: 0 0 .35rem; font-size: 1.05em; }
[part~=report] > section > ul { margin: 0; padding-left: 1.2rem; }
[part~=report] > section > ul > li { margin: 0 0 .5rem; }
[part~=conflicts] > ul > li { border-left: 3px solid var(--patsel-danger); padding-left: .5rem; list-style: none; margin-left: -1.2rem; }
[part~=replacements] > ul > li { border-left: 3px solid var(--patsel-link); padding-left: .5rem; list-style: none; margin-left: -1.2rem; }
.action { font-weight: 600; margin: 0 0 .2rem; }
[part~=replacements] p, [part~=conflicts] p, [part~=cautions] p { margin: 0 0 .25rem; }
[part~=apply] { margin-top: .15rem; }
[part~=after] { border-top: 1px solid var(--patsel-border); padding-top: .6rem; }
[part~=after] > p { margin: 0 0 .6rem; }
.ref { display: inline-flex; flex-wrap: wrap; align-items: center; gap: .25rem; }
ul ul { margin: .15rem 0; padding-left: 1.2rem; }
.none { color: var(--patsel-text-muted); margin: 0; }
dl { margin: 0 0 .5rem; display: grid; grid-template-columns: max-content 1fr; gap: .2rem .75rem; }
h4 { margin: .9rem 0 .3rem; font-size: 1em; }
[part~=complexity] h4 { padding-bottom: .15rem; border-bottom: 1px solid var(--patsel-border); }
dt { font-weight: 600; } dd { margin: 0; }
.table-box { overflow-x: auto; }
table { border-collapse: collapse; min-width: 100%; }
th, td { text-align: left; padding: .25rem .5rem; border-top: 1px solid var(--patsel-border); }
td .label { display: none; }
/* Narrow: each pattern's row a line of "Complexity: high · Time: weeks ...", so no column is out of sight. */
@container (max-width: 34rem) {
  table, tbody, tr, th, td { display: block; } thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  tr { border-top: 1px solid var(--patsel-border); padding: .3rem 0; }
  th, td { border: 0; padding: 0; } td { display: inline; } td + td::before { content: " · "; color: var(--patsel-text-muted); }
  td .label { display: inline; color: var(--patsel-text-muted); }
}
@container (max-width: 20rem) { dl { grid-template-columns: 1fr; gap: 0; } dd { margin-bottom: .3rem; } }
`;

export class PatselStackElement extends PatternPickerElement {
  static tag = 'patsel-stack';
  static css = css;
  static urlKey = 'stack';

  #report;
  #active = -1;      // index into the visible options
  #visible = [];     // ids of the options shown

  /** The engine's stack report now shown, or undefined. */
  get report() { return this.#report; }

  /** Adds or removes a pattern, as the user would (URL entry, event). */
  togglePattern(id, inStack = !this.selection.includes(id)) {
    const chosen = this.selection;
    if (!this.patternById(id) || inStack === chosen.includes(id)) return false;
    this.setChoice(inStack ? [...chosen, id] : chosen.filter((s) => s !== id));
    return true;
  }

  loadingView() {
    return loadingBox('body', 'Loading the catalog…');
  }

  renderFrame() {
    const input = el('input', {
      id: 'search', type: 'text', role: 'combobox', part: 'search', autocomplete: 'off', spellcheck: 'false',
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'options', 'aria-describedby': 'hint',
      placeholder: 'Type to search, e.g. saga',
    });
    const options = el('ul', { id: 'options', role: 'listbox', part: 'options', 'aria-multiselectable': 'true',
      'aria-labelledby': 'search-label', hidden: true });
    input.addEventListener('input', () => { this.#active = 0; this.#open(); });
    input.addEventListener('click', () => this.#open());
    input.addEventListener('keydown', (event) => this.#onKey(event));
    input.addEventListener('blur', () => this.#close());
    // Pointer use keeps the focus in the input, so keyboard use goes on.
    options.addEventListener('mousedown', (event) => event.preventDefault());
    options.addEventListener('click', (event) => {
      const option = event.target.closest('[role=option]');
      if (!option) return;
      this.#active = this.#visible.indexOf(option.dataset.id);
      this.togglePattern(option.dataset.id);
    });
    this.shadowRoot.replaceChildren(
      el('div', { part: 'picker' },
        el('label', { id: 'search-label', for: 'search' }, 'Patterns your team uses'),
        el('div', { class: 'combo' }, input, options),
        el('p', { id: 'hint', class: 'hint' }, 'Arrow keys move through the list, Enter adds or removes a pattern, Escape closes it.')),
      el('ul', { part: 'chosen', 'aria-label': 'Patterns in the stack' }),
      el('p', { part: 'status', role: 'status' }),
      el('div', { part: 'body report' }));
    this.renderChoice();
  }

  #onKey(event) {
    const open = this.shadowRoot.getElementById('search').getAttribute('aria-expanded') === 'true';
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) { this.#open(); return; }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.#active = Math.max(0, Math.min(this.#visible.length - 1, this.#active + step));
      this.#renderOptions();
    } else if (event.key === 'Enter') {
      if (!open || this.#active < 0 || !this.#visible[this.#active]) return;
      event.preventDefault();
      this.togglePattern(this.#visible[this.#active]);
    } else if (event.key === 'Escape') {
      if (open) { event.preventDefault(); this.#close(); }
      else if (event.target.value) { event.preventDefault(); event.target.value = ''; }
    }
  }

  #open() {
    const input = this.shadowRoot.getElementById('search');
    input.setAttribute('aria-expanded', 'true');
    this.shadowRoot.getElementById('options').hidden = false;
    if (this.#active < 0) this.#active = 0;
    this.#renderOptions();
  }

  #close() {
    const input = this.shadowRoot.getElementById('search');
    if (!input) return;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    this.shadowRoot.getElementById('options').hidden = true;
    this.#active = -1;
  }

  #renderOptions() {
    const input = this.shadowRoot.getElementById('search');
    const list = this.shadowRoot.getElementById('options');
    if (!input || list.hidden) return;
    const query = input.value.trim().toLowerCase();
    const chosen = this.selection;
    const matches = this.catalogPatterns.filter((p) => !query || p.title.toLowerCase().includes(query) || p.id.includes(query)
      || (p.tags ?? []).some((t) => t.includes(query)));
    this.#visible = matches.map((p) => p.id);
    this.#active = Math.min(this.#active, this.#visible.length - 1);
    list.replaceChildren(...(matches.length ? matches.map((p, i) => el('li', {
      id: `option-${p.id}`, role: 'option', part: 'option', 'data-id': p.id, class: i === this.#active ? 'active' : undefined,
      'aria-selected': String(chosen.includes(p.id)),
    }, el('span', { class: 'title' }, p.title), tierBadge(p.tier))) : [el('li', { class: 'none', role: 'presentation' }, 'No pattern matches.')]));
    const active = this.#visible[this.#active];
    if (active) {
      input.setAttribute('aria-activedescendant', `option-${active}`);
      this.shadowRoot.getElementById(`option-${active}`).scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  renderChoice() {
    if (!this.engine) return;
    this.#renderOptions();
    const chosen = this.selection;
    this.shadowRoot.querySelector('[part~=chosen]').replaceChildren(...chosen.map((id) => {
      const p = this.patternById(id);
      const remove = this.removeButton(id, '×', `Remove ${p.title} from the stack`, () => this.shadowRoot.getElementById('search'));
      return el('li', { class: 'chip' }, el('span', {}, p.title), tierBadge(p.tier), remove);
    }));
    const status = this.shadowRoot.querySelector('[part~=status]');
    const body = this.shadowRoot.querySelector('[part~=report]');
    const ignored = this.ignored.length ? ` Left out (not in the catalog): ${this.ignored.join(', ')}.` : '';
    this.#report = undefined;
    if (!chosen.length) {
      status.textContent = `Pick the patterns your team uses to see how they fit together.${ignored}`;
      body.replaceChildren();
      return;
    }
    try {
      this.#report = this.engine.stack(chosen);
    } catch (error) {
      status.textContent = '';
      body.replaceChildren(errorBox('The stack could not be analysed.', error, () => this.renderChoice()));
      return;
    }
    const r = this.#report;
    const replaced = new Set(r.replacements.map((x) => x.pattern));
    status.textContent = `${count(r.patterns.length, 'pattern')}: ${count(r.conflicts.length, 'conflict')}`
      + (r.replacements.length ? `, ${count(r.replacements.length, 'pattern')} to replace` : '')
      + `, ${count(r.missing.length, 'missing prerequisite')}${r.replacements.length ? ' after that' : ''}; `
      + `overall complexity ${level(r.complexity.overall, 'unknown')}.${ignored}`;
    const legacy = r.legacy.filter((l) => !replaced.has(l.pattern));
    body.replaceChildren(
      r.replacements.length ? this.#section('replacements', 'What to change', r.replacements, (x) => this.#replacement(x)) : '',
      this.#section('conflicts', 'Conflicts', r.conflicts, (c) => this.#conflict(c, replaced), 'No combination in this stack is one to avoid.'),
      r.cautions.length ? this.#section('cautions', 'Use with care', r.cautions, (c) => this.#conflict(c, replaced)) : '',
      legacy.length || !r.replacements.length
        ? this.#section('legacy', 'Legacy patterns', legacy, (l) => this.#legacy(l), 'No legacy pattern in this stack.') : '',
      ...this.#advice(r),
      this.#complexity(r));
    this.emit('patsel-stack-load', {
      patterns: chosen, conflicts: r.conflicts.length, missing: r.missing.map((g) => g.pattern),
      legacy: r.legacy.map((l) => l.pattern), replacements: r.replacements.map((x) => ({ pattern: x.pattern, with: x.with.map((w) => w.pattern) })),
      complexity: r.complexity.overall });
  }

  #section(part, title, items, render, empty, tag = 'h3') {
    const id = `${part}-heading`;
    return el('section', { part, 'aria-labelledby': id }, el(tag, { id }, title),
      items.length ? el('ul', {}, items.map((item) => el('li', {}, render(item)))) : el('p', { class: 'none' }, empty));
  }

  // "Replace Two-Phase Commit with Saga and Transactional Outbox", why, and a button that does it.
  #replacement(x) {
    // The name starts with the visible word, then says what it does.
    const apply = el('button', { type: 'button', part: 'apply', 'aria-label': `Apply: replace ${x.title} with ${joinWords(x.with.map((w) => w.title))} in the stack` }, 'Apply');
    apply.addEventListener('click', () => {
      const chosen = this.selection;
      const at = chosen.indexOf(x.pattern);
      const incoming = x.with.map((w) => w.pattern).filter((id) => !chosen.includes(id) && this.patternById(id));
      this.setChoice([...chosen.slice(0, at), ...incoming, ...chosen.slice(at + 1)]);
      this.shadowRoot.getElementById('search').focus();
    });
    // Why: the deprecation reason; for a conflict, whom it conflicts with (its reason is under Conflicts).
    const partners = (this.#report?.conflicts ?? []).filter((c) => c.patterns.some((p) => p.pattern === x.pattern))
      .flatMap((c) => c.patterns.filter((p) => p.pattern !== x.pattern)).map((p) => p.title)
      .filter((t, i, all) => all.indexOf(t) === i);
    const why = x.because === 'conflict' && partners.length ? `It conflicts with ${joinWords(partners)}.` : x.reason;
    return el('div', { part: 'replacement', 'data-pattern': x.pattern },
      el('p', { class: 'action' }, 'Replace ', this.#link(x), ' with ', joinNodes(x.with.map((w) => this.#link(w)), ', ', ' and '), '.'),
      why ? el('p', { class: 'why' }, why) : '', apply);
  }

  #conflict(c, replaced) {
    const fixedBy = c.patterns.filter((p) => replaced.has(p.pattern));
    return [
      el('p', { class: 'pair' }, joinNodes(c.patterns.map((p) => this.#ref(p)), ' with ')),
      c.reason ? el('p', { class: 'reason' }, c.reason) : '',
      fixedBy.length
        ? el('p', { class: 'muted' }, `Replacing ${joinWords(fixedBy.map((p) => p.title))} resolves it.`)
        : c.instead.length ? el('p', {}, 'Instead: ', joinNodes(c.instead.map((p) => this.#ref(p)), ', ', ' or '), '.') : '',
    ];
  }

  // Prerequisites and partners, for the stack after the replacements.
  #advice(r) {
    const after = r.replacements.length > 0;
    const tag = after ? 'h4' : 'h3';
    const sections = [
      this.#section('missing', 'Missing prerequisites', r.missing, (g) => this.#gap(g, true), 'Every prerequisite is in the stack.', tag),
      r.suggested.length ? this.#section('suggested', 'Worth considering', r.suggested, (g) => this.#gap(g, false), '', tag) : '',
    ];
    if (!after) return sections;
    return [el('section', { part: 'after', 'aria-labelledby': 'after-heading' },
      el('h3', { id: 'after-heading' }, 'After these changes'),
      el('p', {}, 'For the stack with ', joinWords(r.replacements.flatMap((x) => x.with.map((w) => w.title)).filter((t, i, all) => all.indexOf(t) === i)),
        ` in place of ${joinWords(r.replacements.map((x) => x.title))}:`),
      sections)];
  }

  #gap(g, offerAdd) {
    const wanted = joinWords(g.for.map((id) => this.patternById(id)?.title ?? id));
    const verb = g.relationship === 'requires' ? 'needed by' : g.relationship === 'enhanced-by' ? 'improves'
      : g.relationship === 'enhances' ? 'works better with' : 'goes well with';
    let add = '';
    if (offerAdd && this.patternById(g.pattern)) {
      add = el('button', { type: 'button', part: 'add-missing' }, `Add ${g.title}`);
      add.addEventListener('click', () => {
        this.togglePattern(g.pattern, true);
        this.shadowRoot.getElementById('search').focus();
      });
    }
    return [this.#ref(g), ` ${verb} ${wanted}`, g.notes.length ? `: ${g.notes[0]}` : '', '. ', add];
  }

  #legacy(l) {
    return [
      this.#ref(l), l.status ? ` (${l.status.replace(/-/g, ' ')})` : '',
      l.reason ? el('p', {}, l.reason) : '',
      l.alternatives.length ? el('p', {}, 'Modern alternatives: ', joinNodes(l.alternatives.map((p) => this.#ref(p)), ', ', ' or '), '.') : '',
    ];
  }

  #complexity(r) {
    const after = r.replacements.length > 0;
    const section = el('section', { part: 'complexity', 'aria-labelledby': 'complexity-heading' }, el('h3', { id: 'complexity-heading' }, 'Complexity'));
    section.append(...this.#estimate(r.complexity, after ? 'Now' : ''));
    if (after) section.append(...this.#estimate(r.proposed_complexity, 'After the changes'));
    return section;
  }

  // The estimate's facts: the level and what sets it, how many patterns it rests on, the longest build, maintenance, team.
  #estimate(c, heading) {
    const titleOf = (id) => this.patternById(id)?.title ?? id;
    // A cell with its column's name, shown only when the rows are lines (narrow).
    const cell = (label, value) => el('td', {}, el('span', { class: 'label', 'aria-hidden': 'true' }, `${label}: `), value);
    const known = c.patterns.length, total = known + c.unknown.length;
    const setBy = c.patterns.filter((p) => p.complexity && p.complexity === c.overall).map((p) => p.title);
    const facts = el('dl', {},
      el('dt', {}, 'Overall'), el('dd', {}, c.overall ? `${level(c.overall)}${setBy.length ? `, set by ${joinWords(setBy)}` : ''}` : 'not known'),
      el('dt', {}, 'Based on'), el('dd', {}, known === total ? `all ${count(total, 'pattern')}` : `${known} of ${count(total, 'pattern')}`),
      el('dt', {}, 'Longest to build'), el('dd', {}, c.longest || 'not stated'),
      el('dt', {}, 'Maintenance'), el('dd', {}, c.maintenance ? `up to ${level(c.maintenance)}` : 'not stated'),
      el('dt', {}, 'Largest team'), el('dd', {}, c.team_size ? `${c.team_size} engineers` : 'not stated'));
    const table = c.patterns.length ? el('div', { class: 'table-box', role: 'region', 'aria-label': `Complexity by pattern${heading ? `, ${heading.toLowerCase()}` : ''}`, tabindex: '0' },
      el('table', {}, el('thead', {}, el('tr', {}, ['Pattern', 'Complexity', 'Time', 'Maintenance', 'Team'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, c.patterns.map((p) => el('tr', {}, el('th', { scope: 'row' }, this.#ref(p)),
          cell('Complexity', level(p.complexity, '–')), cell('Time', p.time_to_implement || '–'),
          cell('Maintenance', level(p.maintenance, '–')), cell('Team', p.team_size || '–')))))) : '';
    const unknown = c.unknown.length ? el('p', { class: 'none' }, `No estimate for ${joinWords(c.unknown.map(titleOf))}.`) : '';
    return [heading ? el('h4', {}, heading) : '', facts, table, unknown];
  }

  // A pattern named inside a sentence: the link alone.
  #link(brief) {
    const href = patternHref(this.baseUrl, brief.pattern);
    return href ? el('a', { href, part: 'link' }, brief.title) : brief.title;
  }

  #ref(brief) {
    const href = patternHref(this.baseUrl, brief.pattern);
    return el('span', { class: 'ref' }, href ? el('a', { href, part: 'link' }, brief.title) : brief.title, ' ', tierBadge(brief.tier));
  }
}
