// <patsel-card pattern="circuit-breaker">: the tier banner for the top of a
// pattern page. Gold: who uses it, at what scale, and the production
// checklist. Silver: what it is best for, its trade-offs and what to
// consider instead. Bronze: why it is legacy, the modern alternatives and
// the migration path.
//
// Attributes: pattern (id), base-url (prefix of links to pattern pages),
//             catalog (URL of a catalog.json; default: the shipped one).
// Events:     patsel-card-load {detail: {pattern}} when the banner is shown.
// Parts:      banner, tier, lead, facts, checklist, alternatives, migration,
//             link, error, retry.

import { getPattern } from '../index.js';
import { PatselElement, attr, loadingBox } from './base.js';
import { el, patternHref } from './dom.js';
import { lowerFirst } from './text.js';

const css = `
[part~=banner] { border-left: 4px solid var(--accent); background: var(--tint); border-radius: 6px;
  padding: .75rem 1rem; min-height: 4.5rem; }
[part~=tier] { margin: 0 0 .25rem; font-weight: 700; color: var(--accent); }
[part~=lead] { margin: 0 0 .5rem; }
dl { margin: 0; display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: .25rem .75rem; }
dt { font-weight: 600; }
dd { margin: 0; }
ul, ol { margin: 0; padding-left: 1.25rem; }
details { margin-top: .5rem; }
summary { cursor: pointer; font-weight: 600; }
@media (max-width: 30rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: .35rem; } }
`;

const TIER_TEXT = {
  gold: ['Gold standard pattern', 'Modern best practice, used in production by leading engineering teams.'],
  silver: ['Silver pattern', 'A solid choice with trade-offs: right for some situations, not all.'],
  bronze: ['Bronze pattern: legacy', 'Kept for context and existing systems; new designs should use a modern alternative.'],
  unclassified: ['Unclassified pattern', 'This pattern has not been given a tier yet.'],
};

export class PatselCardElement extends PatselElement {
  static tag = 'patsel-card';
  static css = css;
  static attributes = { pattern: attr.string() };

  #details;

  /** The loaded {pattern, refs}, or undefined. */
  get details() { return this.#details; }

  canLoad() { return Boolean(this.pattern); }
  loadingView() { return loadingBox('banner', 'Loading pattern…'); }
  load() { return getPattern(this.pattern, this.catalog ? { catalog: this.catalog } : undefined); }
  failureMessage() { return `The pattern "${this.pattern}" could not be shown.`; }

  loaded(details) {
    this.#details = details;
    this.#render();
    this.emit('patsel-card-load', { pattern: details.pattern });
  }

  attributeChanged(name) {
    if (name === 'base-url' && this.#details) this.#render();
    else this.reload();
  }

  #link(id) {
    const ref = this.#details.refs[id];
    const href = patternHref(this.baseUrl, id);
    const label = ref ? `${ref.title} (${ref.tier})` : id;
    return href ? el('a', { href, part: 'link' }, label) : label;
  }

  #render() {
    const { pattern: p } = this.#details;
    const tier = TIER_TEXT[p.tier] ? p.tier : 'unclassified';
    const [label, lead] = TIER_TEXT[tier];
    const facts = el('dl', { part: 'facts' });
    const fact = (term, ...value) => facts.append(el('dt', {}, term), el('dd', {}, ...value));
    const extra = [];

    if (tier === 'gold') {
      const examples = p.modern_examples ?? [];
      if (examples.length) fact('Who uses it', list(examples.map((e) => `${e.company}${e.implementation ? `: ${e.implementation}` : ''}`)));
      const scales = examples.filter((e) => e.scale).map((e) => `${e.company}: ${e.scale}`);
      if (scales.length) fact('Scale proven', list(scales));
      if (p.production_checklist?.length)
        extra.push(el('details', { part: 'checklist' }, el('summary', {}, `Production checklist (${p.production_checklist.length})`),
          list(p.production_checklist)));
    } else if (tier === 'silver') {
      if (p.best_for?.length) fact('Best for', list(p.best_for));
      if (p.trade_offs?.pros?.length) fact('Strengths', list(p.trade_offs.pros));
      if (p.trade_offs?.cons?.length) fact('Limitations', list(p.trade_offs.cons));
      if (p.alternatives?.length)
        fact('Consider instead', el('ul', { part: 'alternatives' },
          p.alternatives.map((a) => el('li', {}, this.#link(a.pattern), a.when ? ` when ${lowerFirst(a.when)}` : ''))));
    } else if (tier === 'bronze') {
      if (p.deprecation_reason) fact('Why it is legacy', p.deprecation_reason);
      const modern = (p.modern_alternatives ?? []).map((a) =>
        el('li', {}, a.pattern ? this.#link(a.pattern) : a.text, a.pattern && a.reason ? `: ${a.reason}` : ''));
      if (modern.length) fact('Modern alternatives', el('ul', { part: 'alternatives' }, modern));
      const path = p.migration_paths?.to?.[0];
      if (path) {
        const target = this.#details.refs[path.pattern]?.title ?? path.pattern;
        // The link goes in the body: a <summary> must not hold another control.
        extra.push(el('details', { part: 'migration', open: true }, el('summary', {}, `Migration path to ${target}`),
          el('p', {}, 'Migrate to ', this.#link(path.pattern), path.steps?.length ? ':' : ''),
          path.steps?.length ? el('ol', {}, path.steps.map((s) => el('li', {}, s))) : null));
      }
    }
    if (p.rationale) fact('Why this tier', p.rationale);

    this.shadowRoot.replaceChildren(
      el('section', { part: 'banner', 'data-tier': tier, 'aria-label': `${label}: ${p.title}` },
        el('p', { part: 'tier' }, label), el('p', { part: 'lead' }, lead), facts, extra));
  }
}

function list(items) {
  return el('ul', {}, items.map((item) => el('li', {}, item)));
}
