// <patsel-card pattern="circuit-breaker">: the tier banner for the top of a
// pattern page, compact so that the article comes first. In view: the
// tier (colour, icon and word), the pattern's title and status, one line of
// why, and the two or three facts a reader needs (gold: who uses it; silver:
// what it is best for and what to consider instead; bronze: what to use
// instead). One click away, each behind its own toggle: the examples and
// their scale, the production checklist, strengths and limitations, the
// alternatives and when, why the pattern is legacy, the migration path
// (closed like the rest), the whole reason for the tier. A pattern whose
// tier changed (`tier_history`) says since when and what it was, with the
// reasons one click away.
//
// Attributes: pattern (id), base-url (prefix of links to pattern pages),
//             catalog (URL of a catalog.json; default: the shipped one),
//             theme (light, dark or auto).
// Events:     patsel-card-load {detail: {pattern}} when the banner is shown.
// Parts:      banner, head, badge, title, tier, status, lead, facts, more,
//             toggle, panel, examples, checklist, trade-offs, alternatives,
//             legacy, migration, history, rationale, link, error, retry.

import { getPattern } from '../index.js';
import { PatselElement, attr, loadingBox } from './base.js';
import { el, patternHref } from './dom.js';
import { currentTier, datetimeOf, monthText, tierChangeText } from './health-words.js';
import { firstSentence, humanize, joinNodes, lowerFirst } from './text.js';
import { tierBadge, tierOf } from './tiers.js';

const css = `
:host { container-type: inline-size; }
[part~=banner] { border: 1px solid var(--accent); border-left-width: 4px; background: var(--tint);
  border-radius: var(--patsel-radius); padding: .55rem .85rem .6rem; min-height: 4.5rem; }
/* While loading: the frame of a banner, filling the room a page keeps for it (min-height). */
:host(:state(loading)) { display: flex; flex-direction: column; }
[part~=banner][part~=loading] { flex: 1; border: 1px solid var(--patsel-border); border-left-width: 4px; color: var(--patsel-muted); }
[part~=head] { display: flex; flex-wrap: wrap; align-items: baseline; gap: .1rem .6rem; margin: 0 0 .3rem; }
[part~=head] [part~=badge] { align-self: center; }
[part~=title] { font-weight: 700; }
[part~=tier] { color: var(--accent); font-weight: 600; }
[part~=status] { color: var(--patsel-text-muted); font-size: .9em; }
[part~=lead] { margin: 0 0 .35rem; }
[part~=facts] { margin: 0 0 .45rem; }
[part~=facts] > div + div { margin-top: .1rem; }
dt, dd { display: inline; margin: 0; }
dt { font-weight: 600; }
dt::after { content: ":"; }
[part~=more] { display: flex; flex-wrap: wrap; gap: .35rem .5rem; }
[part~=toggle] { font-size: .85em; padding: .15rem .55rem; min-height: 0; }
[part~=toggle]::before { content: "▸"; display: inline-block; width: 1em; }
[part~=toggle][aria-expanded=true]::before { content: "▾"; }
[part~=panel] { margin: .6rem 0 0; padding: .5rem 0 0; border-top: 1px solid var(--accent); }
[part~=panel] h4 { font-size: .95em; margin: 0 0 .3rem; }
[part~=panel] p { margin: 0 0 .4rem; }
ul, ol { margin: 0; padding-left: 1.25rem; }
.scale { display: block; }
li + li { margin-top: .15rem; }
[part~=panel] > * + h4 { margin-top: .6rem; }
`;

// What each tier means, said after the title.
const TIER_TEXT = {
  gold: ['Gold pattern', 'modern best practice'],
  silver: ['Silver pattern', 'good, with trade-offs'],
  bronze: ['Bronze pattern', 'legacy'],
  unclassified: ['Unclassified pattern', 'no tier yet'],
};
const MAX_COMPANIES = 4;
const MAX_ALTERNATIVES = 3;

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
    return href ? el('a', { href, part: 'link', 'data-pattern': id }, label) : label;
  }

  #render() {
    const { pattern: p } = this.#details;
    const tier = tierOf(p.tier);
    const [label, meaning] = TIER_TEXT[tier];
    const facts = el('dl', { part: 'facts' });
    const fact = (term, ...value) => facts.append(el('div', {}, el('dt', {}, term), ' ', el('dd', {}, ...value)));
    const sections = [];  // [part, toggle label, contents]
    const section = (part, title, ...contents) => sections.push([part, title, contents]);
    let why = p.rationale;

    if (tier === 'gold') {
      const examples = (p.modern_examples ?? []).filter((e) => e?.company);
      if (examples.length) {
        const names = examples.slice(0, MAX_COMPANIES).map((e) => e.company);
        fact('Used by', names.join(', '), examples.length > MAX_COMPANIES ? ` and ${examples.length - MAX_COMPANIES} more` : '');
        section('examples', 'Examples and scale', list(examples.map((e) => [
          el('strong', {}, e.company), e.implementation ? `: ${e.implementation}` : '',
          e.scale ? el('span', { class: 'scale' }, el('span', { class: 'muted' }, 'Scale: '), e.scale) : null])));
      }
      if (p.production_checklist?.length)
        section('checklist', `Production checklist (${p.production_checklist.length})`, el('ol', {}, p.production_checklist.map((item) => el('li', {}, item))));
    } else if (tier === 'silver') {
      if (p.best_for?.length) fact('Best for', p.best_for[0]);
      const alternatives = (p.alternatives ?? []).filter((a) => a?.pattern);
      if (alternatives.length) {
        fact('Consider instead', joinNodes(alternatives.slice(0, MAX_ALTERNATIVES).map((a) => this.#link(a.pattern)), ', '),
          alternatives.length > MAX_ALTERNATIVES ? ` and ${alternatives.length - MAX_ALTERNATIVES} more` : '');
        section('alternatives', 'Alternatives, and when', el('ul', {},
          alternatives.map((a) => el('li', {}, this.#link(a.pattern), a.when ? `: when ${lowerFirst(a.when)}` : ''))));
      }
      const pros = p.trade_offs?.pros ?? [], cons = p.trade_offs?.cons ?? [];
      if (p.best_for?.length || pros.length || cons.length) {
        section('trade-offs', 'Strengths and limits',
          p.best_for?.length ? [el('h4', {}, 'Best for'), list(p.best_for)] : null,
          pros.length ? [el('h4', {}, 'Strengths'), list(pros)] : null,
          cons.length ? [el('h4', {}, 'Limitations'), list(cons)] : null);
      }
    } else if (tier === 'bronze') {
      const modern = (p.modern_alternatives ?? []).filter((a) => a && (a.pattern || a.text));
      if (modern.length) fact('Use instead', joinNodes(modern.slice(0, MAX_ALTERNATIVES).map((a) => (a.pattern ? this.#link(a.pattern) : a.text)), ', '),
        modern.length > MAX_ALTERNATIVES ? ` and ${modern.length - MAX_ALTERNATIVES} more` : '');
      if (p.deprecation_reason || modern.length || p.rationale) {
        section('legacy', 'Why it is legacy',
          p.deprecation_reason ? el('p', {}, p.deprecation_reason) : null,
          modern.length ? [el('h4', {}, 'Modern alternatives'), el('ul', { part: 'alternatives' }, modern.map((a) =>
            el('li', {}, a.pattern ? this.#link(a.pattern) : a.text, a.pattern && a.reason ? `: ${a.reason}` : '')))] : null,
          p.rationale ? [el('h4', {}, 'Why bronze'), el('p', { part: 'rationale' }, p.rationale)] : null);
      }
      const paths = (p.migration_paths?.to ?? []).filter((path) => path?.pattern);
      if (paths.length) {
        const target = (path) => this.#details.refs[path.pattern]?.title ?? path.pattern;
        const steps = paths[0].steps?.length ?? 0;
        section('migration', paths.length === 1
          ? `Migration to ${target(paths[0])}${steps ? ` (${steps} steps)` : ''}`
          : `Migration paths (${paths.length})`,
        // The link goes in the panel: a toggle must not hold another control.
        paths.map((path) => [el('h4', {}, 'Migrate to ', this.#link(path.pattern)),
          path.steps?.length ? el('ol', {}, path.steps.map((s) => el('li', {}, s))) : null]));
      }
      why = p.deprecation_reason || p.rationale;
    }
    // The tier's history: since when, what it was, and why it changed.
    const history = Array.isArray(p.tier_history) ? p.tier_history.filter((c) => c?.to && c?.date) : [];
    const since = currentTier(history);
    if (since && since.tier === p.tier) {
      fact('Tier', `${since.tier} since `, el('time', { datetime: datetimeOf(since.since) ?? undefined }, monthText(since.since)),
        since.was ? ` (was ${since.was})` : '');
      section('history', 'Why the tier changed', el('ol', { part: 'history' }, history.map((c) =>
        el('li', {}, tierChangeText(c), c.reason ? `. ${c.reason}` : ''))));
    }
    if (p.rationale && tier !== 'bronze') section('rationale', `Why ${tier === 'unclassified' ? 'no tier' : tier}`, el('p', {}, p.rationale));

    const head = el('p', { part: 'head' }, tierBadge(tier), el('span', { part: 'title' }, p.title ?? p.id),
      el('span', { part: 'tier' }, meaning),
      p.status ? el('span', { part: 'status' }, `status: ${lowerFirst(humanize(p.status))}`) : null);
    const panels = sections.map(([part, title, contents], i) =>
      el('div', { part: `panel ${part}`, id: `panel-${i}`, role: 'region', 'aria-label': title, hidden: true }, contents));
    const toggles = sections.map(([part, title], i) => {
      const button = el('button', { type: 'button', part: 'toggle', 'data-section': part, 'aria-expanded': 'false', 'aria-controls': `panel-${i}` }, title);
      button.addEventListener('click', () => {
        const open = button.getAttribute('aria-expanded') !== 'true';
        button.setAttribute('aria-expanded', String(open));
        panels[i].hidden = !open;
      });
      return button;
    });
    this.shadowRoot.replaceChildren(
      el('section', { part: 'banner', 'data-tier': tier, 'aria-label': `${label}: ${p.title ?? p.id}` },
        head,
        why ? el('p', { part: 'lead' }, firstSentence(why, 160)) : null,
        facts.children.length ? facts : null,
        toggles.length ? el('div', { part: 'more' }, toggles) : null,
        panels));
  }
}

function list(items) {
  return el('ul', {}, items.map((item) => el('li', {}, item)));
}
