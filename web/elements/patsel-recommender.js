// <patsel-recommender>: the requirements form and its recommendations. The
// form is built from the catalog's profile fields (`profile.fields`: numbers
// with their unit and range, choices, sets, booleans); every field starts
// empty and only the fields the reader fills in go into the profile. The
// engine's `recommend` ranks patterns with every reason (rule, weight,
// text), explains what the allowed tiers excluded, marks complements and
// estimates the complexity of the set. The profile lives in the URL.
//
// Attributes: tiers (allowed tiers; default "gold"), limit (most ranked
//             patterns; default all), base-url (prefix of links to pattern
//             pages), catalog (URL of a catalog.json; default: the shipped
//             one), url-key (query parameter; default "recommender", "" = off).
// Events:     patsel-recommender-change {profile, tiers, recommendation}.
// Parts:      see docs/elements/patsel-recommender.md.

import { PatselElement, attr, loadingBox } from './base.js';
import { el, errorBox, patternHref } from './dom.js';
import { joinNodes, joinWords } from './text.js';
import { checkedTiers, parseTiers, sameTiers, showTiers, tierBadge, tierCheckboxes } from './tiers.js';
import { recommenderForm } from './url-forms.js';
const RELATIONSHIP = {
  requires: 'required by',
  complements: 'complements',
  enhances: 'enhances',
  'enhanced-by': 'enhanced by',
};

const css = `
[part~=container] { min-height: 20rem; }
h3 { margin: 0 0 .35rem; font-size: 1.15em; }
h4 { margin: 1rem 0 .35rem; font-size: 1.02em; }
p { margin: 0 0 .5rem; }
[part~=form] { margin: 0 0 1rem; }
[part~=fields] { display: grid; gap: .75rem 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr)); margin: 0 0 .75rem; }
[part~=field] { border: 1px solid var(--patsel-border); border-radius: var(--patsel-radius); padding: .5rem .65rem; margin: 0; min-width: 0; }
[part~=field][data-state=set] { border-color: var(--patsel-link); }
[part~=field][data-state=invalid] { border-color: var(--patsel-danger); }
[part~=field] > label, [part~=field] > legend { font-weight: 600; display: block; margin: 0 0 .25rem; padding: 0; }
[part~=field] .row { display: flex; align-items: center; gap: .4rem; }
input[type=number], select { min-width: 0; width: 100%; }
.unit { white-space: nowrap; color: var(--patsel-text-muted); }
[part~=help] { font-size: .85em; color: var(--patsel-text-muted); margin: .3rem 0 0; }
[part~=choices] { display: flex; flex-wrap: wrap; gap: .25rem .9rem; }
[part~=choices] label, [part~=tiers] label { display: inline-flex; gap: .3rem; align-items: center; cursor: pointer; }
[part~=field-problem] { color: var(--patsel-danger); font-size: .9em; margin: .3rem 0 0; }
[part~=tiers] { display: flex; flex-wrap: wrap; gap: .4rem 1.25rem; padding: .4rem .75rem .6rem; margin: 0 0 .75rem; }
[part~=tiers] legend { font-weight: 600; padding: 0 .25rem; }
.hint { font-size: .85em; }
[part~=form-problems] { border: 1px solid var(--patsel-danger); border-left-width: 4px; border-radius: var(--patsel-radius); padding: .5rem .75rem; margin: .75rem 0 0; }
[part~=form-problems] ul { margin: 0; padding-left: 1.2rem; }
[part~=count] { font-weight: 600; }
ol, ul { margin: 0; padding-left: 1.3rem; }
[part~=ranked] > li, [part~=excluded] > li, [part~=discouraged] > li { margin: 0 0 .6rem; }
[part~=score] { font-variant-numeric: tabular-nums; font-weight: 600; margin-left: .35rem; }
[part~=badge] { padding: .05rem .4rem; margin-left: .35rem; }
[part~=reasons] { list-style: none; padding-left: .25rem; margin: .2rem 0 0; font-size: .93em; }
[part~=reasons] li { margin: .15rem 0; }
[part~=weight] { display: inline-block; min-width: 2.2em; font-weight: 700; font-variant-numeric: tabular-nums; }
[part~=rule] { font-family: var(--patsel-font-mono); font-size: .85em; color: var(--patsel-text-muted); }
[part~=complement-mark] { font-size: .8em; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; margin-right: .35rem; }
[part~=complexity] { display: grid; grid-template-columns: minmax(9rem, max-content) 1fr; gap: .2rem .75rem; margin: 0; }
[part~=complexity] dt { font-weight: 600; }
[part~=complexity] dd { margin: 0; }
@media (max-width: 30rem) { [part~=complexity] { grid-template-columns: 1fr; } [part~=complexity] dd { margin-bottom: .3rem; } }
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
    p.results = el('div', { part: 'results-body' });
    this.shadowRoot.replaceChildren(el('div', { part: 'container' }, p.form,
      el('section', { part: 'results', 'aria-labelledby': 'results-title' }, el('h3', { id: 'results-title' }, 'Recommendations'), p.count, p.results)));
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
      box = el('fieldset', { part: 'field field-set', 'data-field': field.id, 'aria-describedby': describedBy },
        el('legend', {}, label),
        el('div', { part: 'choices' }, boxes.map((b) => el('label', {}, b, el('span', {}, b.value)))), help, problem);
    } else {
      // choice and boolean: a select whose first option is "not set".
      const values = field.type === 'boolean' ? [['true', 'Yes'], ['false', 'No']] : (field.values ?? []).map((v) => [v, v]);
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
    const field = this.#fields.find((f) => f.id === id);
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

  // The profile for the engine: numbers as numbers, booleans as booleans.
  #profile() {
    const profile = {};
    for (const [id, value] of Object.entries(this.#values)) {
      const field = this.#fields.find((f) => f.id === id);
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
    const label = (id) => this.#fields.find((f) => f.id === id)?.label ?? id;
    const items = [
      ...r.unknown_fields.map((id) => el('li', { 'data-field': id }, `“${id}” is not a requirement of this catalog; it was left out.`)),
      ...r.invalid_fields.map((f) => el('li', { 'data-field': f.field }, `${label(f.field)}: ${f.message.replace(/^\$\.profile\.[^:]*:\s*/, '')}; it was left out.`)),
    ];
    p.formProblems.hidden = !items.length;
    p.formProblems.replaceChildren(...(items.length ? [el('p', {}, 'Some values were not used:'), el('ul', {}, items)] : []));
  }

  #renderResults(profile) {
    const r = this.#recommendation;
    const p = this.#parts;
    const left = new Set([...r.unknown_fields, ...r.invalid_fields.map((f) => f.field)]);
    const given = Object.keys(profile).filter((id) => !left.has(id)).length;
    const n = r.ranked.length;
    p.count.textContent = given === 0
      ? 'Fill in a requirement to get recommendations.'
      : `${n} ${n === 1 ? 'pattern' : 'patterns'} recommended for ${given} ${given === 1 ? 'requirement' : 'requirements'}.`;
    const body = [];
    if (n) body.push(el('ol', { part: 'ranked' }, r.ranked.map((s) => el('li', { part: 'ranked-item', 'data-pattern': s.pattern },
      this.#link(s), tierBadge(s.tier), el('span', { part: 'score' }, `score ${formatWeight(s.score)}`), this.#reasons(s.reasons)))));
    else if (given) body.push(el('p', { part: 'empty' }, 'No pattern in the allowed tiers fits these requirements yet.'));

    if (r.complements.length) {
      body.push(el('h4', {}, 'Complements: goes well with the above'), el('ul', { part: 'complements' }, r.complements.map((c) => {
        const partners = c.for.map((id) => r.ranked.find((s) => s.pattern === id)?.title ?? id);
        return el('li', { part: 'complement', 'data-pattern': c.pattern, 'data-relationship': c.relationship },
          el('span', { part: 'complement-mark' }, 'Complement'), this.#link(c), tierBadge(c.tier),
          ` — ${RELATIONSHIP[c.relationship] ?? c.relationship} ${joinWords(partners)}`);
      })));
    }
    if (r.excluded.length) {
      body.push(el('h4', {}, 'Excluded by tier'), el('ul', { part: 'excluded' }, r.excluded.map((x) => el('li', { part: 'excluded-item', 'data-pattern': x.pattern },
        el('p', { part: 'exclusion' }, x.reason),
        x.consider.length ? el('p', {}, 'Consider: ', joinNodes(x.consider.map((c) => this.#link(c)), ', ', ' or ')) : null,
        this.#reasons(x.reasons)))));
    }
    if (r.discouraged.length) {
      body.push(el('h4', {}, 'Reasons against'), el('ul', { part: 'discouraged' }, r.discouraged.map((s) => el('li', { part: 'discouraged-item', 'data-pattern': s.pattern },
        this.#link(s), tierBadge(s.tier), el('span', { part: 'score' }, `score ${formatWeight(s.score)}`), this.#reasons(s.reasons)))));
    }
    if (n) body.push(el('h4', {}, 'Complexity of the recommended set'), this.#complexity(r.complexity));
    if (r.undecided_fields.length && given) {
      body.push(el('p', { part: 'undecided' }, 'Worth answering next: ',
        joinWords(r.undecided_fields.map((id) => this.#fields.find((f) => f.id === id)?.label ?? id)), '.'));
    }
    p.results.replaceChildren(...body);
  }

  #reasons(reasons) {
    return el('ul', { part: 'reasons' }, reasons.map((e) => el('li', { part: 'reason', 'data-rule': e.rule, 'data-weight': e.weight },
      el('span', { part: 'weight', 'aria-label': `weight ${formatWeight(e.weight)}` }, formatWeight(e.weight)), ' ', e.reason, ' ',
      el('span', { part: 'rule' }, `(rule ${e.rule})`))));
  }

  #complexity(c) {
    const dl = el('dl', { part: 'complexity' });
    const row = (term, value) => value && dl.append(el('dt', {}, term), el('dd', {}, value));
    row('Overall', c.overall);
    row('Points', c.points ? String(c.points) : '');
    row('By level', Object.entries(c.by_level ?? {}).map(([level, count]) => `${count} ${level}`).join(', '));
    row('Longest to build', c.longest);
    row('Maintenance', c.maintenance);
    row('Team size', c.team_size ? `${c.team_size} engineers` : '');
    if (c.unknown?.length) row('No data for', c.unknown.join(', '));
    return dl;
  }

  #link(ref) {
    const href = patternHref(this.baseUrl, ref.pattern);
    return href ? el('a', { href, part: 'link' }, ref.title ?? ref.pattern) : el('span', {}, ref.title ?? ref.pattern);
  }

  // --- URL state -------------------------------------------------------------

  #urlValue() {
    return recommenderForm.read(this.readUrl(), (id) => this.#fields.find((f) => f.id === id)?.type === 'set') ?? undefined;
  }

  // The allowed tiers only when they differ from the attribute's.
  #writeUrl(push) {
    const tiers = this.allowedTiers;
    const text = recommenderForm.write({ values: this.#values, tiers: sameTiers(tiers, parseTiers(this.tiers)) ? undefined : tiers });
    this.writeUrl(text, { replace: !push });
  }
}

// --- helpers -------------------------------------------------------------------

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
