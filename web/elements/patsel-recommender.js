// <patsel-recommender>: the requirements form and its recommendations. The
// form is built from the catalog's profile fields (`profile.fields`: numbers
// with their unit and range, choices and sets with a label per value,
// booleans); every field starts empty and only the fields the reader fills
// in go into the profile. The engine's `recommend` ranks patterns with their
// reasons, explains what the allowed tiers excluded, ranks the partners the
// recommended patterns need or go well with, estimates the complexity of
// the set and names the few empty fields that would change the ranking
// most. Scores, weights and rule ids stay out of sight until the reader
// asks for them ("Why, in detail"). The profile lives in the URL.
//
// Layout: in a wide box the results sit beside the form and stay in view
// while the reader answers; in a narrow one they follow the form, and a bar
// at the bottom of the screen says how many patterns are recommended and
// jumps to them.
//
// Attributes: tiers (allowed tiers; default "gold"), limit (most ranked
//             patterns; default all), base-url (prefix of links to pattern
//             pages), catalog (URL of a catalog.json; default: the shipped
//             one), url-key (query parameter; default "recommender", "" = off).
// Events:     patsel-recommender-change {profile, tiers, recommendation}.
// Parts:      see docs/elements/patsel-recommender.md.

import { PatselElement, attr, loadingBox } from './base.js';
import { el, errorBox, patternHref } from './dom.js';
import { count, humanize, joinNodes, joinWords } from './text.js';
import { checkedTiers, parseTiers, sameTiers, showTiers, tierBadge, tierCheckboxes } from './tiers.js';
import { recommenderForm } from './url-forms.js';

/** Complements shown before "Show all". */
export const COMPLEMENTS_SHOWN = 8;

// How a partner relates to the recommended patterns it goes with, seen from
// the partner: the engine's relation is the recommended pattern's.
const PARTNER_PHRASE = {
  requires: 'needed by',
  complements: 'goes well with',
  'enhanced-by': 'improves',
  enhances: 'works better with',
};

const LEVEL_TEXT = { low: 'low', medium: 'medium', high: 'high', 'very-high': 'very high' };

const css = `
:host { container-type: inline-size; }
[part~=container] { min-height: 20rem; display: grid; gap: 1rem 1.5rem; grid-template-columns: minmax(0, 1fr); }
h3 { margin: 0 0 .35rem; font-size: 1.15em; }
h4 { margin: 1rem 0 .35rem; font-size: 1.02em; }
p { margin: 0 0 .5rem; }
[part~=form] { margin: 0; min-width: 0; }
[part~=fields] { display: grid; gap: .6rem .8rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr)); margin: 0 0 .75rem; }
[part~=field] { border: 1px solid var(--patsel-border); border-radius: var(--patsel-radius); padding: .45rem .6rem; margin: 0; min-width: 0; }
[part~=field][data-state=set] { border-color: var(--patsel-link); box-shadow: inset 3px 0 0 var(--patsel-link); }
[part~=field][data-state=invalid] { border-color: var(--patsel-danger); box-shadow: inset 3px 0 0 var(--patsel-danger); }
[part~=field] > label, [part~=field] > legend { font-weight: 600; display: block; margin: 0 0 .25rem; padding: 0; }
[part~=field] .row { display: flex; align-items: center; gap: .4rem; }
input[type=number], select { min-width: 0; width: 100%; }
.unit { white-space: nowrap; color: var(--patsel-text-muted); }
[part~=help] { font-size: .85em; color: var(--patsel-text-muted); margin: .3rem 0 0; }
[part~=choices] { display: flex; flex-wrap: wrap; gap: .2rem .9rem; }
[part~=choices] label, [part~=tiers] label { display: inline-flex; gap: .3rem; align-items: center; cursor: pointer; }
[part~=field-problem] { color: var(--patsel-danger); font-size: .9em; margin: .3rem 0 0; }
[part~=tiers] { display: flex; flex-wrap: wrap; gap: .4rem 1.25rem; padding: .4rem .75rem .6rem; margin: 0 0 .75rem; }
[part~=tiers] legend { font-weight: 600; padding: 0 .25rem; }
.hint { font-size: .85em; }
[part~=form-problems] { border: 1px solid var(--patsel-danger); border-left-width: 4px; border-radius: var(--patsel-radius); padding: .5rem .75rem; margin: .75rem 0 0; }
[part~=form-problems] ul { margin: 0; padding-left: 1.2rem; }

[part~=results] { min-width: 0; scroll-margin-top: 1rem; }
[part~=results] > h3:focus { outline: none; }
.results-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .25rem 1rem; }
[part~=count] { font-weight: 600; border-radius: var(--patsel-radius); }
[part~=detail-toggle] { font-size: .9em; }
ol, ul { margin: 0; padding-left: 1.3rem; }
[part~=ranked] > li, [part~=excluded] > li, [part~=discouraged] > li { margin: 0 0 .7rem; }
.item-head { display: inline-flex; flex-wrap: wrap; align-items: center; gap: .2rem .45rem; }
[part~=score] { font-variant-numeric: tabular-nums; font-weight: 600; }
[part~=reasons] { list-style: none; padding-left: 0; margin: .2rem 0 0; font-size: .93em; }
[part~=reason] { margin: .15rem 0; display: flex; gap: .4rem; align-items: baseline; }
[part~=reason-mark] { flex: none; width: .8rem; text-align: center; font-weight: 700; color: var(--patsel-text-muted); }
[part~=reason].against [part~=reason-mark] { color: var(--patsel-danger); }
.against-word { font-weight: 600; }
[part~=weight] { flex: none; min-width: 2.2em; font-weight: 700; font-variant-numeric: tabular-nums; }
[part~=rule] { font-family: var(--patsel-font-mono); font-size: .85em; color: var(--patsel-text-muted); }
[part~=complements] { list-style: none; padding: 0; }
[part~=complement] { margin: 0 0 .4rem; }
[part~=complement-relation] { color: var(--patsel-text-muted); }
[part~=show-all] { margin: .1rem 0 0 -.35rem; }
[part~=complexity] { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .2rem .75rem; margin: 0; }
[part~=complexity] dt { font-weight: 600; }
[part~=complexity] dd { margin: 0; }
[part~=next] { list-style: none; padding: 0; }
[part~=next-field] { margin: 0 0 .45rem; }
[part~=answer] { padding: .1rem .15rem; margin: 0 -.05rem 0 -.15rem; font-weight: 600; }

/* The bar that leads from the form to the results on a narrow screen. */
[part~=jump] { position: sticky; bottom: 0; z-index: 2; display: flex; align-items: center; justify-content: space-between; gap: .5rem;
  margin: 0 -.25rem; padding: .45rem .6rem; border: 1px solid var(--patsel-border); border-radius: var(--patsel-radius);
  background: var(--patsel-surface); box-shadow: 0 -2px 8px rgb(0 0 0 / .15); }
[part~=jump][hidden] { display: none; }
[part~=jump-count] { font-weight: 600; }
[part~=jump-button] { white-space: nowrap; flex: none; }
.updated { animation: updated 1.2s ease-out; }
@keyframes updated { from { box-shadow: 0 0 0 3px var(--patsel-focus); } to { box-shadow: 0 0 0 3px transparent; } }
@media (prefers-reduced-motion: reduce) { .updated { animation: none; } }

@container (min-width: 44rem) {
  [part~=container] { grid-template-columns: minmax(0, 1fr) minmax(0, 1.15fr); align-items: start; }
  [part~=form] { grid-column: 1; grid-row: 1; }
  [part~=results] { grid-column: 2; grid-row: 1; position: sticky; top: var(--patsel-sticky-top, 0px);
    max-height: calc(100vh - var(--patsel-sticky-top, 0px)); overflow-y: auto; overscroll-behavior: contain;
    padding: .1rem .5rem .5rem .1rem; }
  [part~=jump] { display: none; }
}
@container (max-width: 30rem) { [part~=complexity] { grid-template-columns: 1fr; } [part~=complexity] dd { margin-bottom: .3rem; } }
`;

export class PatselRecommenderElement extends PatselElement {
  static tag = 'patsel-recommender';
  static css = css;
  static urlKey = 'recommender';
  static attributes = {
    /** The tiers allowed at first ("gold" unless set). */
    tiers: attr.list(' ', 'gold'),
    limit: attr.integer(0, (n) => Math.max(0, n)),
  };

  #engine;
  #fields = [];        // profile.fields
  #values = {};        // field id -> raw value: string (number/choice/boolean) or string[] (set); unknown keys too
  #allowed;            // tiers ticked, or undefined = the attribute's
  #recommendation;
  #detail = false;     // "Why, in detail": scores, weights and rule ids shown
  #allComplements = false;
  #lastCount;
  #parts = {};

  /** The tiers ticked now. */
  get allowedTiers() { return [...(this.#allowed ?? parseTiers(this.tiers))]; }
  /** The profile sent to the engine: only the fields filled in. */
  get profile() { return this.#profile(); }
  /** Replaces the whole profile, e.g. `{peak_rps: 10000, consistency: 'strong'}`. */
  set profile(value) {
    this.#values = fromProfile(value ?? {});
    if (this.#engine) this.#afterChange({ push: true, sync: true });
  }
  /** The last `recommend` answer, or undefined. */
  get recommendation() { return this.#recommendation; }

  loadingView() { return loadingBox('container', 'Loading the requirements form…'); }
  failureMessage() { return 'The recommender could not be shown.'; }

  attributeChanged(name) {
    if (name === 'catalog') {
      this.#engine = undefined;
      this.reload();
    } else if (this.#engine) {
      if (name === 'tiers') this.#allowed = undefined;
      this.#afterChange({ sync: true });
    }
  }

  loaded(engine) {
    this.#engine = engine;
    this.#fields = engine.profileFields().fields;
    const saved = this.#urlValue();
    if (saved) {
      this.#values = saved.values;
      this.#allowed = saved.tiers;
    }
    this.#buildFrame();
    this.#afterChange({ sync: true, write: false });
  }

  urlRestored() {
    if (!this.#engine) return;
    const saved = this.#urlValue();
    this.#values = saved?.values ?? {};
    this.#allowed = saved?.tiers;
    this.#afterChange({ sync: true, write: false });
  }

  // --- the form --------------------------------------------------------------

  #buildFrame() {
    const p = this.#parts = { inputs: new Map() };
    p.fields = el('div', { part: 'fields' }, this.#fields.map((field, i) => this.#fieldControl(field, i)));
    p.tiers = tierCheckboxes('Tiers to recommend');
    p.tiers.addEventListener('change', () => {
      this.#allowed = checkedTiers(p.tiers);
      this.#afterChange({ push: true });
    });
    p.clear = el('button', { type: 'button', part: 'clear' }, 'Clear all fields');
    p.clear.addEventListener('click', () => {
      this.#values = {};
      this.#afterChange({ push: true, sync: true });
    });
    p.formProblems = el('div', { part: 'form-problems', role: 'alert', hidden: true });
    p.form = el('form', { part: 'form', 'aria-labelledby': 'form-title', novalidate: true },
      el('h3', { id: 'form-title' }, 'Your requirements'),
      el('p', { part: 'form-hint' }, 'Fill in only what you know; empty fields are left out of the profile.'),
      p.fields, p.tiers, p.clear, p.formProblems);
    p.form.addEventListener('submit', (event) => event.preventDefault());
    // Typing updates the results; a committed change (blur, Enter, a pick) also
    // becomes a history entry.
    p.form.addEventListener('input', (event) => this.#readControl(event.target) && this.#afterChange({ write: false }));
    p.form.addEventListener('change', (event) => {
      if (event.target.name === 'tier') return;
      this.#readControl(event.target);
      this.#afterChange({ push: true });
    });

    p.count = el('p', { part: 'count', role: 'status' });
    p.detailToggle = el('button', { type: 'button', part: 'detail-toggle', class: 'quiet', 'aria-pressed': 'false' }, 'Why, in detail');
    p.detailToggle.addEventListener('click', () => {
      this.#detail = !this.#detail;
      p.detailToggle.setAttribute('aria-pressed', String(this.#detail));
      this.#renderResults(this.#profile());
    });
    p.results = el('div', { part: 'results-body' });
    p.resultsTitle = el('h3', { id: 'results-title', tabindex: '-1' }, 'Recommendations');
    p.resultsBox = el('section', { part: 'results', 'aria-labelledby': 'results-title' },
      p.resultsTitle, el('div', { class: 'results-head' }, p.count, p.detailToggle), p.results);

    p.jumpCount = el('span', { part: 'jump-count' });
    const jump = el('button', { type: 'button', part: 'jump-button', class: 'primary' }, 'See them');
    jump.addEventListener('click', () => {
      p.resultsBox.scrollIntoView({ block: 'start' });
      p.resultsTitle.focus({ preventScroll: true });
    });
    p.jump = el('div', { part: 'jump', hidden: true }, p.jumpCount, jump);
    this.shadowRoot.replaceChildren(el('div', { part: 'container' }, p.form, p.jump, p.resultsBox));
  }

  #fieldControl(field, index) {
    const id = `field-${index}`;
    const helpId = `${id}-help`, problemId = `${id}-problem`;
    const describedBy = `${helpId} ${problemId}`;
    const rangeText = field.type === 'number' && (field.min !== undefined || field.max !== undefined)
      ? `Allowed: ${formatNumber(field.min)} to ${formatNumber(field.max)}${field.unit ? ` ${field.unit}` : ''}.` : '';
    const help = el('p', { id: helpId, part: 'help' }, [field.help, rangeText].filter(Boolean).join(' '));
    const problem = el('p', { id: problemId, part: 'field-problem', hidden: true });
    const label = field.label || field.id;
    let box;
    if (field.type === 'number') {
      const input = el('input', { id, type: 'number', name: field.id, step: 'any', inputmode: 'decimal', 'aria-describedby': describedBy,
        min: field.min, max: field.max, 'data-field': field.id });
      this.#parts.inputs.set(field.id, [input]);
      box = el('div', { part: `field field-number`, 'data-field': field.id },
        el('label', { for: id }, label), el('div', { class: 'row' }, input, field.unit ? el('span', { class: 'unit', 'aria-hidden': 'true' }, field.unit) : null), help, problem);
      if (field.unit) input.setAttribute('aria-label', `${label} (${field.unit})`);
    } else if (field.type === 'set') {
      const boxes = (field.values ?? []).map((value) => el('input', { type: 'checkbox', name: field.id, value, 'data-field': field.id }));
      this.#parts.inputs.set(field.id, boxes);
      box = el('fieldset', { part: 'field field-set', 'data-field': field.id, 'aria-describedby': describedBy, id },
        el('legend', {}, label),
        el('div', { part: 'choices' }, boxes.map((b) => el('label', {}, b, el('span', {}, valueLabel(field, b.value))))), help, problem);
    } else {
      // choice and boolean: a select whose first option is "not set".
      const values = field.type === 'boolean' ? [['true', 'Yes'], ['false', 'No']] : (field.values ?? []).map((v) => [v, valueLabel(field, v)]);
      const select = el('select', { id, name: field.id, 'aria-describedby': describedBy, 'data-field': field.id },
        el('option', { value: '' }, 'Not set'), values.map(([value, text]) => el('option', { value }, text)));
      this.#parts.inputs.set(field.id, [select]);
      box = el('div', { part: `field field-${field.type === 'boolean' ? 'boolean' : 'choice'}`, 'data-field': field.id },
        el('label', { for: id }, label), select, help, problem);
    }
    return box;
  }

  // Reads one control into #values; true when it was a field's.
  #readControl(control) {
    const id = control?.dataset?.field;
    if (!id) return false;
    const field = this.#field(id);
    if (field.type === 'set') {
      const ticked = this.#parts.inputs.get(id).filter((b) => b.checked).map((b) => b.value);
      if (ticked.length) this.#values[id] = ticked;
      else delete this.#values[id];
    } else if (control.value === '' && !(control.validity?.badInput)) {
      delete this.#values[id];
    } else {
      this.#values[id] = control.validity?.badInput ? 'not a number' : control.value;
    }
    return true;
  }

  #writeControls() {
    for (const field of this.#fields) {
      const controls = this.#parts.inputs.get(field.id);
      const value = this.#values[field.id];
      if (field.type === 'set') {
        const chosen = Array.isArray(value) ? value : value == null ? [] : [String(value)];
        for (const b of controls) b.checked = chosen.includes(b.value);
      } else {
        const control = controls[0];
        const text = value == null ? '' : String(value);
        // A select cannot hold a value it does not offer; leave that to the problem note.
        if (control.value !== text && !(control === this.shadowRoot.activeElement && field.type === 'number')) control.value = text;
      }
    }
    showTiers(this.#parts.tiers, this.allowedTiers);
  }

  #field(id) {
    return this.#fields.find((f) => f.id === id);
  }

  // The profile for the engine: numbers as numbers, booleans as booleans.
  #profile() {
    const profile = {};
    for (const [id, value] of Object.entries(this.#values)) {
      const field = this.#field(id);
      if (value == null || value === '' || (Array.isArray(value) && !value.length)) continue;
      if (field?.type === 'number') profile[id] = /^\s*-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(value) ? Number(value) : value;
      else if (field?.type === 'boolean') profile[id] = value === 'true' ? true : value === 'false' ? false : value;
      else if (field?.type === 'set') profile[id] = Array.isArray(value) ? value : [value];
      else profile[id] = Array.isArray(value) ? value.join(',') : value;
    }
    return profile;
  }

  // --- results ---------------------------------------------------------------

  #afterChange({ push = false, write = true, sync = false } = {}) {
    if (sync) this.#writeControls();
    const profile = this.#profile();
    const tiers = this.allowedTiers;
    try {
      const options = { profile, tiers };
      if (this.limit) options.limit = this.limit;
      this.#recommendation = this.#engine.recommend(options);
    } catch (error) {
      this.#recommendation = undefined;
      this.#parts.count.textContent = '';
      this.#parts.jump.hidden = true;
      this.#parts.results.replaceChildren(errorBox('The recommendations could not be computed.', error, () => this.#afterChange({ sync: true })));
      return;
    }
    this.#renderProblems();
    this.#renderResults(profile);
    if (write) this.#writeUrl(push);
    this.emit('patsel-recommender-change', { profile, tiers, recommendation: this.#recommendation });
  }

  #renderProblems() {
    const r = this.#recommendation;
    const p = this.#parts;
    const invalid = new Map(r.invalid_fields.map((f) => [f.field, f.message]));
    for (const box of p.fields.children) {
      const id = box.dataset.field;
      const problem = box.querySelector('[part~=field-problem]');
      const message = invalid.get(id);
      problem.hidden = !message;
      problem.textContent = message ? `Not used: ${message.replace(/^\$\.profile\.[^:]*:\s*/, '')}` : '';
      box.dataset.state = message ? 'invalid' : id in this.#values ? 'set' : 'empty';
      for (const control of p.inputs.get(id)) {
        if (message) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      }
    }
    const items = [
      ...r.unknown_fields.map((id) => el('li', { 'data-field': id }, `“${id}” is not a requirement of this catalog; it was left out.`)),
      ...r.invalid_fields.map((f) => el('li', { 'data-field': f.field }, `${this.#field(f.field)?.label ?? f.field}: ${f.message.replace(/^\$\.profile\.[^:]*:\s*/, '')}; it was left out.`)),
    ];
    p.formProblems.hidden = !items.length;
    p.formProblems.replaceChildren(...(items.length ? [el('p', {}, 'Some values were not used:'), el('ul', {}, items)] : []));
  }

  #renderResults(profile) {
    const r = this.#recommendation;
    if (!r) return;
    const p = this.#parts;
    const left = new Set([...r.unknown_fields, ...r.invalid_fields.map((f) => f.field)]);
    const given = Object.keys(profile).filter((id) => !left.has(id)).length;
    const n = r.ranked.length;
    const countText = given === 0
      ? 'Fill in a requirement to get recommendations.'
      : `${count(n, 'pattern')} recommended for ${count(given, 'requirement')}.`;
    if (p.count.textContent !== countText) {
      p.count.textContent = countText;
      this.#flash(p.count);
    }
    p.jump.hidden = given === 0;
    if (p.jumpCount.textContent !== `${count(n, 'pattern')} recommended`) {
      p.jumpCount.textContent = `${count(n, 'pattern')} recommended`;
      if (this.#lastCount !== undefined) this.#flash(p.jump);
    }
    this.#lastCount = n;
    p.detailToggle.hidden = given === 0;

    const titleOf = (id) => r.ranked.find((s) => s.pattern === id)?.title ?? id;
    const body = [];
    if (n) body.push(el('ol', { part: 'ranked' }, r.ranked.map((s) => el('li', { part: 'ranked-item', 'data-pattern': s.pattern },
      el('span', { class: 'item-head' }, this.#link(s), tierBadge(s.tier), this.#detail ? el('span', { part: 'score' }, `score ${formatWeight(s.score)}`) : null),
      this.#reasons(s.reasons)))));
    else if (given) body.push(el('p', { part: 'empty' }, 'No pattern in the allowed tiers fits these requirements yet.'));

    if (r.next_fields?.length && given) body.push(this.#nextFields(r.next_fields));
    if (r.complements.length) body.push(...this.#complements(r.complements, titleOf));
    if (r.excluded.length) {
      body.push(el('h4', {}, 'Left out by tier'), el('ul', { part: 'excluded' }, r.excluded.map((x) => el('li', { part: 'excluded-item', 'data-pattern': x.pattern },
        el('p', { part: 'exclusion' }, x.reason),
        x.consider.length ? el('p', {}, 'Consider ', joinNodes(x.consider.map((c) => this.#link(c)), ', ', ' or '), '.') : null,
        this.#reasons(x.reasons)))));
    }
    if (r.discouraged.length) {
      body.push(el('h4', {}, 'Argued against'), el('ul', { part: 'discouraged' }, r.discouraged.map((s) => el('li', { part: 'discouraged-item', 'data-pattern': s.pattern },
        el('span', { class: 'item-head' }, this.#link(s), tierBadge(s.tier), this.#detail ? el('span', { part: 'score' }, `score ${formatWeight(s.score)}`) : null),
        this.#reasons(s.reasons)))));
    }
    if (n) body.push(el('h4', {}, 'Complexity of the recommended set'), this.#complexity(r.complexity, r.ranked));
    p.results.replaceChildren(...body);
  }

  // Marks a node as just changed (a short highlight), so that an answer visibly updates the results.
  #flash(node) {
    node.classList.remove('updated');
    void node.offsetWidth;  // restart the animation
    node.classList.add('updated');
  }

  #reasons(reasons) {
    return el('ul', { part: 'reasons' }, reasons.map((e) => {
      const against = e.weight < 0;
      const attributes = { part: 'reason', class: against ? 'against' : undefined, 'data-weight': e.weight };
      if (this.#detail) {
        return el('li', { ...attributes, 'data-rule': e.rule }, el('span', { part: 'weight' }, formatWeight(e.weight)), ' ',
          el('span', {}, e.reason, ' ', el('span', { part: 'rule' }, `(rule ${e.rule})`)));
      }
      return el('li', attributes, el('span', { part: 'reason-mark', 'aria-hidden': 'true' }, against ? '−' : '+'), ' ',
        el('span', {}, against ? el('span', { class: 'against-word' }, 'Against: ') : null, e.reason));
    }));
  }

  #complements(complements, titleOf) {
    const shown = this.#allComplements ? complements : complements.slice(0, COMPLEMENTS_SHOWN);
    const list = el('ul', { part: 'complements' }, shown.map((c) => el('li', { part: 'complement', 'data-pattern': c.pattern, 'data-relationship': c.relationship },
      el('span', { class: 'item-head' }, this.#link(c), tierBadge(c.tier)), ' ',
      el('span', { part: 'complement-relation' }, `${PARTNER_PHRASE[c.relationship] ?? humanize(c.relationship).toLowerCase()} ${joinWords(c.for.map(titleOf))}`))));
    const nodes = [el('h4', {}, 'Goes with them'), list];
    if (complements.length > COMPLEMENTS_SHOWN) {
      const more = el('button', { type: 'button', part: 'show-all', class: 'quiet', 'aria-expanded': String(this.#allComplements) },
        this.#allComplements ? `Show the first ${COMPLEMENTS_SHOWN}` : `Show all ${complements.length}`);
      more.addEventListener('click', () => {
        this.#allComplements = !this.#allComplements;
        this.#renderResults(this.#profile());
        this.shadowRoot.querySelector('[part~=show-all]')?.focus();
      });
      nodes.push(more);
    }
    return nodes;
  }

  #nextFields(next) {
    return el('section', { part: 'undecided', 'aria-labelledby': 'next-title' },
      el('h4', { id: 'next-title' }, 'Worth answering next'),
      el('ul', { part: 'next' }, next.map((n) => {
        const field = this.#field(n.field);
        const answer = el('button', { type: 'button', class: 'quiet', part: 'answer', 'data-field': n.field }, field?.label ?? n.field);
        answer.addEventListener('click', () => this.#focusField(n.field));
        return el('li', { part: 'next-field', 'data-field': n.field }, answer, ': ', this.#nextReason(field, n));
      })));
  }

  // "10,000 req/s would bring in Load Shedding and Rate Limiting."
  #nextReason(field, n) {
    const names = (refs) => joinWords(refs.slice(0, 3).map((x) => x.title).concat(refs.length > 3 ? [`${refs.length - 3} more`] : []));
    const value = field ? describeValue(field, n.value) : String(n.value);
    const effects = [];
    if (n.adds?.length) effects.push(`bring in ${names(n.adds)}`);
    if (n.drops?.length) effects.push(`rule out ${names(n.drops)}`);
    if (!effects.length && n.moves) effects.push(`reorder ${count(n.moves, 'recommendation')}`);
    return `${value} would ${joinWords(effects)}.`;
  }

  #focusField(id) {
    const control = this.#parts.inputs.get(id)?.[0];
    if (!control) return;
    const box = control.closest('[part~=field]');
    box?.scrollIntoView({ block: 'center' });
    control.focus({ preventScroll: true });
  }

  #complexity(c, ranked) {
    const titleOf = (id) => ranked.find((s) => s.pattern === id)?.title ?? id;
    const dl = el('dl', { part: 'complexity' });
    const row = (term, value) => value && dl.append(el('dt', {}, term), el('dd', {}, value));
    const known = c.patterns?.length ?? 0;
    const total = known + (c.unknown?.length ?? 0);
    const from = (c.patterns ?? []).filter((e) => e.complexity === c.overall).map((e) => titleOf(e.pattern));
    if (c.overall) row('Overall', `${LEVEL_TEXT[c.overall] ?? c.overall}${from.length ? `, set by ${joinWords(from)}` : ''}`);
    if (total) row('Based on', known === total ? `all ${count(total, 'pattern')}` : `${known} of ${count(total, 'pattern')}`);
    row('Longest to build', c.longest);
    row('Maintenance', c.maintenance ? `up to ${LEVEL_TEXT[c.maintenance] ?? c.maintenance}` : '');
    row('Team size', c.team_size ? `up to ${c.team_size} engineers` : '');
    if (c.unknown?.length) row('No estimate for', joinWords(c.unknown.map(titleOf)));
    return dl;
  }

  #link(ref) {
    const href = patternHref(this.baseUrl, ref.pattern);
    return href ? el('a', { href, part: 'link' }, ref.title ?? ref.pattern) : el('span', {}, ref.title ?? ref.pattern);
  }

  // --- URL state -------------------------------------------------------------

  #urlValue() {
    return recommenderForm.read(this.readUrl(), (id) => this.#field(id)?.type === 'set') ?? undefined;
  }

  // The allowed tiers only when they differ from the attribute's.
  #writeUrl(push) {
    const tiers = this.allowedTiers;
    const text = recommenderForm.write({ values: this.#values, tiers: sameTiers(tiers, parseTiers(this.tiers)) ? undefined : tiers });
    this.writeUrl(text, { replace: !push });
  }
}

// --- helpers -------------------------------------------------------------------

/** A choice or set value as the catalog labels it ("PCI DSS"); else the value in words. */
export function valueLabel(field, value) {
  const label = field.value_labels?.[value];
  return typeof label === 'string' && label.trim() ? label : humanize(value);
}

// A value of a field as a reader would say it: "10,000 req/s", "Strong", "PCI DSS".
function describeValue(field, value) {
  if (field.type === 'number') return `${formatNumber(value)}${field.unit ? ` ${field.unit}` : ''}`;
  if (field.type === 'boolean') return value ? 'Yes' : 'No';
  const values = Array.isArray(value) ? value : [value];
  return joinWords(values.map((v) => valueLabel(field, v)));
}

function fromProfile(profile) {
  const values = {};
  for (const [id, value] of Object.entries(profile)) {
    if (value == null) continue;
    values[id] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return values;
}

function formatNumber(value) {
  return typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 6 }) : '…';
}

function formatWeight(value) {
  return value > 0 ? `+${value}` : String(value).replace('-', '−');
}
