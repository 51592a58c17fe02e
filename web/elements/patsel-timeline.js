// <patsel-timeline family="distributed-transactions">: how a family of
// patterns evolved, as a vertical timeline (an ordered list). Each step has
// its year, the pattern (linked, with its tier badge) or the name of a step
// outside the catalog, what it brought, its limitations and who adopted it;
// the migration triggers that push a team from one step to a later one are
// shown at the top of the step they lead to. A pattern whose tier changed
// (`tier_history`) says since when, what it was and why. Without a `family`
// attribute a picker lists the catalog's families.
//
// Attributes: family (id; none: a family picker), base-url (prefix of links
//             to pattern pages), catalog (URL of a catalog.json; default: the
//             shipped one).
// Events:     patsel-timeline-load {detail: {family}} when a timeline is shown;
//             patsel-timeline-change {detail: {family}} when the picker changes.
// Parts:      picker, select, header, title, summary, timeline, step, year,
//             step-title, badge, tier-history, innovation, limitations, adopters, trigger,
//             further, link, loading, error, retry.

import { PatselElement, attr, loadingBox } from './base.js';
import { el, errorBox, patternHref } from './dom.js';
import { currentTier, datetimeOf, monthText } from './health-words.js';
import { tierBadge } from './tiers.js';

const css = `
[part~=picker] { display: flex; flex-wrap: wrap; gap: .35rem .75rem; align-items: center; margin: 0 0 .75rem; }
select { max-width: 100%; }
[part~=body] { min-height: 12rem; }
[part~=loading] { color: var(--patsel-text-muted); }
[part~=header] h3 { margin: 0 0 .25rem; font-size: 1.15em; }
[part~=summary] { margin: 0 0 1rem; }
ol[part~=timeline] { list-style: none; margin: 0; padding: 0 0 0 1.5rem; position: relative; }
ol[part~=timeline]::before { content: ""; position: absolute; left: .45rem; top: .4rem; bottom: .4rem;
  width: 2px; background: var(--patsel-timeline-line, var(--patsel-border-color)); }
li[part~=step] { margin: 0 0 1.1rem; }
li[part~=step] > .card { position: relative; }
li[part~=step] > .card::before { content: ""; position: absolute; left: calc(-1.35rem - 1px); top: .75rem; width: .7rem; height: .7rem;
  border-radius: 50%; background: var(--dot, var(--patsel-silver)); border: 2px solid var(--patsel-timeline-dot-ring, var(--patsel-background)); }
li[part~=step][data-tier=gold] > .card { --dot: var(--patsel-gold); }
li[part~=step][data-tier=bronze] > .card { --dot: var(--patsel-bronze); }
li[part~=step][data-tier=none] > .card { --dot: var(--patsel-border-color); }
.card { border: 1px solid var(--patsel-border); border-radius: var(--patsel-radius); padding: .6rem .8rem;
  background: var(--patsel-card-background, transparent); }
.head { display: flex; flex-wrap: wrap; gap: .25rem .6rem; align-items: baseline; }
[part~=year] { font-weight: 700; font-variant-numeric: tabular-nums; }
h4 { margin: 0; font-size: 1.02em; }
[part~=innovation] { margin: .35rem 0 .25rem; }
[part~=tier-history] { margin: .3rem 0 0; font-size: .95em; }
[part~=tier-history] .label { margin: 0; }
.label { font-weight: 600; margin: .35rem 0 0; }
ul { margin: .15rem 0 0; padding-left: 1.25rem; }
.outside { font-size: .85em; color: var(--patsel-text-muted); }
[part~=trigger] { margin: 0 0 .5rem; padding: .45rem .7rem; border-left: 3px dashed var(--patsel-timeline-trigger, var(--patsel-focus-color));
  background: var(--patsel-trigger-background, transparent); font-size: .95em; }
[part~=trigger] p { margin: 0; font-weight: 600; }
[part~=further] h4 { margin: .5rem 0 .35rem; }
[part~=further] > ul { list-style: none; padding: 0; }
`;

export class PatselTimelineElement extends PatselElement {
  static tag = 'patsel-timeline';
  static css = css;
  static attributes = { family: attr.string() };

  #engine;
  #families = [];
  #picked = '';
  #timeline;

  /** The family shown: the attribute, else the picker's choice. */
  get currentFamily() { return this.family || this.#picked; }
  /** The engine's timeline now shown, or undefined. */
  get timeline() { return this.#timeline; }

  loadingView() {
    this.#timeline = undefined;
    return loadingBox('body', 'Loading the timeline…');
  }

  failureMessage() {
    return `The timeline of "${this.currentFamily || 'the catalog'}" could not be shown.`;
  }

  loaded(engine) {
    this.#engine = engine;
    this.#families = this.family ? [] : engine.families().families;
    if (!this.family && !this.#families.some((f) => f.id === this.#picked)) this.#picked = this.#families[0]?.id ?? '';
    this.#timeline = this.currentFamily ? engine.timeline(this.currentFamily) : undefined;
    this.#render();
    if (this.#timeline) this.emit('patsel-timeline-load', { family: this.#timeline.id });
  }

  attributeChanged(name) {
    if (name === 'base-url' && this.#timeline) this.#render();
    else this.reload();  // attributes set together (family and catalog) give one load
  }

  #pick(id) {
    this.#picked = id;
    try {
      this.#timeline = this.#engine.timeline(id);
    } catch (error) {
      this.#timeline = undefined;
      this.shadowRoot.querySelector('[part~=body]').replaceChildren(errorBox(`The timeline of "${id}" could not be shown.`, error, () => this.#pick(id)));
      return;
    }
    this.#renderBody();
    this.emit('patsel-timeline-change', { family: id });
    this.emit('patsel-timeline-load', { family: id });
  }

  #render() {
    const parts = [];
    if (!this.family) {
      const select = el('select', { id: 'family', part: 'select' },
        this.#families.map((f) => el('option', { value: f.id, selected: f.id === this.#picked }, `${f.title}${years(f)}`)));
      select.addEventListener('change', () => this.#pick(select.value));
      parts.push(el('div', { part: 'picker' }, el('label', { for: 'family' }, 'Pattern family'), select));
    }
    parts.push(el('div', { part: 'body' }));
    this.shadowRoot.replaceChildren(...parts);
    this.#renderBody();
  }

  #renderBody() {
    const body = this.shadowRoot.querySelector('[part~=body]');
    const t = this.#timeline;
    if (!t) {
      body.replaceChildren(el('p', { role: 'status' }, 'The catalog has no pattern families.'));
      return;
    }
    const steps = t.timeline;
    // Each trigger goes on the first step of its target that comes after a
    // step of its source; the others are listed after the timeline.
    const placed = new Map(), further = [];
    for (const trigger of t.migration_triggers) {
      const from = steps.findIndex((s) => s.pattern === trigger.from.pattern);
      const to = from < 0 ? -1 : steps.findIndex((s, i) => i > from && s.pattern === trigger.to.pattern);
      if (to < 0) further.push(trigger);
      else placed.set(to, [...(placed.get(to) ?? []), trigger]);
    }
    const list = el('ol', { part: 'timeline', 'aria-label': `${t.title}: evolution` },
      steps.map((step, i) => this.#step(step, placed.get(i) ?? [])));
    body.replaceChildren(
      el('section', { 'aria-labelledby': 'family-title' },
        el('div', { part: 'header' }, el('h3', { id: 'family-title', part: 'title' }, t.title),
          t.summary ? el('p', { part: 'summary' }, t.summary) : null),
        list,
        further.length ? el('div', { part: 'further' }, el('h4', {}, 'Further migrations'),
          el('ul', {}, further.map((trigger) => el('li', {}, this.#trigger(trigger))))) : null));
  }

  #step(step, triggers) {
    const tier = step.tier ?? 'none';
    const href = step.pattern ? patternHref(this.baseUrl, step.pattern) : null;
    const name = href ? el('a', { href, part: 'link' }, step.title) : step.title;
    const adopters = Array.isArray(step.adopters) ? step.adopters : [];
    return el('li', { part: 'step', 'data-tier': tier, 'data-pattern': step.pattern ?? undefined },
      triggers.map((trigger) => this.#trigger(trigger)),
      el('div', { class: 'card' },
        el('div', { class: 'head' },
          step.year ? el('time', { part: 'year', datetime: String(step.year) }, String(step.year)) : null,
          el('h4', { part: 'step-title' }, name),
          step.tier ? tierBadge(step.tier) : el('span', { class: 'outside' }, '(not in the catalog)')),
        this.#tierHistory(step),
        step.innovation ? el('p', { part: 'innovation' }, step.innovation) : null,
        step.limitations?.length ? [el('p', { class: 'label' }, 'Limitations'),
          el('ul', { part: 'limitations' }, step.limitations.map((l) => el('li', {}, l)))] : null,
        adopters.length ? el('p', { part: 'adopters' }, el('span', { class: 'label' }, 'Adopted by: '), adopters.join(', ')) : null));
  }

  // "Tier: silver since June 2024 (was gold). Fewer new uses." when the
  // pattern's tier changed and its history ends at its tier.
  #tierHistory(step) {
    if (!step.pattern || !step.tier) return null;
    let history;
    try {
      history = this.#engine.health(step.pattern).tier_history;
    } catch {
      return null;  // the step still shows without it
    }
    const now = currentTier(history);
    if (!now || now.tier !== step.tier) return null;
    return el('p', { part: 'tier-history' }, el('span', { class: 'label' }, 'Tier: '), `${now.tier} since `,
      el('time', { datetime: datetimeOf(now.since) ?? undefined }, monthText(now.since)), now.was ? ` (was ${now.was})` : '',
      now.reason ? `. ${now.reason}` : '');
  }

  #trigger({ from, to, triggers }) {
    return el('div', { part: 'trigger', role: 'note' },
      el('p', {}, 'From ', this.#ref(from), ' to ', this.#ref(to), ' when:'),
      el('ul', {}, triggers.map((t) => el('li', {}, t))));
  }

  #ref(brief) {
    const href = patternHref(this.baseUrl, brief.pattern);
    return href ? el('a', { href, part: 'link' }, brief.title) : brief.title;
  }
}

function years(family) {
  if (!family.from_year) return '';
  return family.to_year && family.to_year !== family.from_year ? ` (${family.from_year}–${family.to_year})` : ` (${family.from_year})`;
}
