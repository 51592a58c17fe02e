// <patsel-health>: the catalog's health dashboard. Patterns by health score,
// healthiest first, filtered by tier, category and "flagged for review";
// each row says what its score rests on ("6 of 8 signals known") and why a
// pattern is flagged, in words, and opens to its signals: each one's share
// of the score, what the catalog says, and the sources behind it (real
// links). The filters are kept in the URL (?health=tier.gold_flagged.yes),
// so a view can be shared and Back undoes a change. The first 20 rows come
// with "Show all" for the rest. docs/health.md explains the signals and the
// formula.
//
// Attributes: tiers (shown at first; default "gold silver bronze"),
//             category (one category; default: all), flagged (present:
//             flagged patterns only), today (YYYY-MM: the date scores are
//             for; default: the newest date in the catalog's health data),
//             base-url, catalog, url-key (default "health"; "" keeps the
//             URL alone).
// Events:     patsel-health-load {detail: {tiers, category, flagged}};
//             patsel-health-change {detail: {tiers, category, flagged}} after
//             the reader changed a filter (or went back);
//             patsel-health-toggle {detail: {pattern, open}}.
// Parts:      see docs/elements/patsel-health.md.

import { PatselElement, attr, loadingBox } from './base.js';
import { el, errorBox, safeHref } from './dom.js';
import { STATE_WORDS, datetimeOf, knownText, monthText, scoreText, tierChangeText } from './health-words.js';
import { patternLink } from './pattern-refs.js';
import { count, humanize } from './text.js';
import { TIER_IDS, checkedTiers, parseTiers, sameTiers, showTiers, tierBadge, tierCheckboxes } from './tiers.js';
import { healthForm } from './url-forms.js';

const css = `
[part~=frame] { min-height: 16rem; }
[part~=intro] { margin: 0 0 .75rem; max-width: 48rem; }
[part~=controls] { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: flex-start; margin: 0 0 .75rem; }
[part~=category-picker] { display: flex; flex-direction: column; gap: .2rem; }
[part~=category-picker] label { font-weight: 600; }
select { max-width: 100%; }
fieldset { margin: 0; padding: .3rem .75rem .5rem; min-width: 0; }
[part~=tiers] { display: flex; flex-wrap: wrap; gap: .3rem 1.1rem; }
[part~=tiers] legend { padding: 0 .25rem; }
[part~=tiers] label, [part~=flagged-only] { display: inline-flex; gap: .35rem; align-items: center; cursor: pointer; }
[part~=flagged-only] { align-self: flex-end; padding-bottom: .35rem; }
.hint { font-size: .85em; }
[part~=status] { margin: 0 0 .6rem; font-weight: 600; }
ol[part~=rows] { list-style: none; margin: 0; padding: 0; display: grid; gap: .6rem; }
[part~=row] { padding: .55rem .8rem; min-width: 0; }
[part~=row][data-flagged] { border-left: 4px solid var(--patsel-danger); }
.row-head { display: flex; flex-wrap: wrap; gap: .2rem .6rem; align-items: center; }
[part~=row-title] { margin: 0; font-size: 1.05em; overflow-wrap: anywhere; }
[part~=category] { font-size: .9em; }
[part~=score-line] { display: flex; flex-wrap: wrap; gap: .2rem .8rem; align-items: center; margin: .35rem 0 .2rem; }
[part~=score] { font-variant-numeric: tabular-nums; white-space: nowrap; }
[part~=score] strong { font-size: 1.2em; }
[part~=meter] { flex: 0 1 10rem; min-width: 5rem; height: .5rem; border-radius: 999px; background: var(--patsel-border); overflow: hidden; }
[part~=meter] > span { display: block; height: 100%; width: var(--score, 0%); background: var(--patsel-text-muted); }
[part~=known] { font-size: .92em; }
[part~=flag] { margin: .3rem 0 0; }
[part~=flag] strong { color: var(--patsel-danger); }
[part~=toggle] { margin-top: .4rem; font-size: .88em; padding: .15rem .6rem; min-height: 0; }
[part~=toggle]::before { content: "▸"; display: inline-block; width: 1em; }
[part~=toggle][aria-expanded=true]::before { content: "▾"; }
[part~=signals] { margin: .5rem 0 0; padding: .5rem 0 0; border-top: 1px solid var(--patsel-border); }
[part~=signals] h4 { margin: .6rem 0 .3rem; font-size: .95em; }
[part~=signals] h4:first-child { margin-top: 0; }
ul { margin: 0; padding-left: 1.15rem; }
li + li { margin-top: .3rem; }
[part~=signal-list] { list-style: none; padding: 0; }
[part~=signal] .name { font-weight: 600; }
[part~=share] { font-variant-numeric: tabular-nums; }
[part~=signal] p { margin: .05rem 0 0; }
[part~=source] { overflow-wrap: anywhere; }
[part~=empty] { font-style: italic; }
[part~=show-all] { margin: .75rem 0 0; }
`;

const ALL_TIERS = TIER_IDS.join(' ');
/** Rows shown before "Show all": a long catalog stays a short page on a phone. */
const ROWS_SHOWN = 20;

export class PatselHealthElement extends PatselElement {
  static tag = 'patsel-health';
  static css = css;
  static urlKey = 'health';
  static attributes = {
    tiers: attr.list(' ', ALL_TIERS),
    category: attr.string(),
    flagged: attr.boolean(),
    today: attr.string(),
  };

  #engine;
  #categories = [];
  #answer;                 // the engine's health.list answer shown
  #tiers;                  // the reader's choice, or undefined = the attribute's
  #category;
  #flagged;
  #all = false;            // every row shown, not only the first ROWS_SHOWN
  #open = new Set();       // patterns whose signals are shown

  /** The tiers shown now, in tier order. */
  get allowedTiers() { return [...(this.#tiers ?? parseTiers(this.tiers, TIER_IDS))]; }
  /** The category shown now ('' for every category). */
  get currentCategory() { return this.#category ?? this.#attributeCategory(); }
  /** True when only flagged patterns are shown. */
  get flaggedOnly() { return this.#flagged ?? this.flagged; }
  /** The engine's health.list answer now shown, or undefined. */
  get health() { return this.#answer; }

  loadingView() {
    return loadingBox('frame', 'Loading the health of the patterns…');
  }

  failureMessage() {
    return 'The health of the patterns could not be shown.';
  }

  loaded(engine) {
    this.#engine = engine;
    this.#categories = [...new Set(engine.healthList(this.#dateOption()).patterns.map((p) => p.category).filter(Boolean))].sort();
    this.#open = new Set();
    this.#fromUrl();
    this.#renderFrame();
    this.emit('patsel-health-load', this.#state());
  }

  attributeChanged(name) {
    if (!this.#engine || name === 'catalog' || name === 'today') {
      this.reload();
      return;
    }
    if (name === 'tiers') this.#tiers = undefined;
    if (name === 'category') this.#category = undefined;
    if (name === 'flagged') this.#flagged = undefined;
    this.#renderFrame();
  }

  urlRestored() {
    if (!this.#engine) return;
    this.#fromUrl();
    this.#showChoice();
    this.#renderBody();
    this.emit('patsel-health-change', this.#state());
  }

  #state() {
    return { tiers: this.allowedTiers, category: this.currentCategory, flagged: this.flaggedOnly };
  }

  #dateOption() {
    return this.today ? { today: this.today } : {};
  }

  #attributeCategory() {
    return this.#categories.includes(this.category) ? this.category : '';
  }

  #fromUrl() {
    const saved = healthForm.read(this.readUrl());
    this.#tiers = saved?.tiers;
    this.#category = saved?.category !== undefined && (saved.category === '' || this.#categories.includes(saved.category)) ? saved.category : undefined;
    this.#flagged = saved?.flagged;
    this.#all = saved?.all ?? false;
  }

  // The reader changed a filter: a history entry, a redraw and an event.
  #changed() {
    this.#all = false;
    this.writeUrl(healthForm.write(this.#urlChoice()));
    this.#renderBody();
    this.emit('patsel-health-change', this.#state());
  }

  #renderFrame() {
    const select = el('select', { id: 'category', part: 'category-select' },
      el('option', { value: '' }, 'All categories'),
      this.#categories.map((c) => el('option', { value: c }, humanize(c))));
    select.addEventListener('change', () => {
      this.#category = select.value;
      this.#changed();
    });
    const tiers = tierCheckboxes('Tiers');
    tiers.addEventListener('change', () => {
      this.#tiers = checkedTiers(tiers);
      this.#changed();
    });
    const flagged = el('input', { type: 'checkbox', id: 'flagged', name: 'flagged' });
    flagged.addEventListener('change', () => {
      this.#flagged = flagged.checked;
      this.#changed();
    });
    this.shadowRoot.replaceChildren(el('section', { part: 'frame', 'aria-label': 'Pattern health' },
      el('p', { part: 'intro' }, 'The health score (0 to 100) weighs what the catalog knows about a pattern: tier, relevance, maintained libraries, ',
        'recent adoption, successors, documentation, what relies on it and age. Unknown signals are left out, so each score says how many it rests on.'),
      el('div', { part: 'controls' },
        tiers,
        el('div', { part: 'category-picker' }, el('label', { for: 'category' }, 'Category'), select),
        el('label', { part: 'flagged-only', for: 'flagged' }, flagged, 'Flagged for review only')),
      el('p', { part: 'status', role: 'status' }),
      el('div', { part: 'body' })));
    this.#showChoice();
    this.#renderBody();
  }

  // The filters that differ from the attributes, for the URL.
  #urlChoice() {
    const tiers = sameTiers(this.allowedTiers, parseTiers(this.tiers, TIER_IDS)) ? undefined : this.allowedTiers;
    const category = this.currentCategory === this.#attributeCategory() ? undefined : this.currentCategory;
    const flagged = this.flaggedOnly === this.flagged ? undefined : this.flaggedOnly;
    return { tiers, category, flagged };
  }

  #showChoice() {
    const root = this.shadowRoot;
    root.querySelector('[part~=category-select]').value = this.currentCategory;
    showTiers(root.querySelector('[part~=tiers]'), this.allowedTiers);
    root.querySelector('#flagged').checked = this.flaggedOnly;
  }

  #renderBody() {
    const status = this.shadowRoot.querySelector('[part~=status]');
    const body = this.shadowRoot.querySelector('[part~=body]');
    const options = { ...this.#dateOption(), tiers: this.allowedTiers, signals: true };
    if (this.currentCategory) options.categories = [this.currentCategory];
    if (this.flaggedOnly) options.flagged = true;
    try {
      this.#answer = this.#engine.healthList(options);
    } catch (error) {
      this.#answer = undefined;
      status.textContent = '';
      body.replaceChildren(errorBox('The health of the patterns could not be shown.', error, () => this.#renderBody()));
      return;
    }
    const { patterns, date } = this.#answer;
    const flagged = patterns.filter((p) => p.flags.length).length;
    status.textContent = patterns.length
      ? `${count(patterns.length, 'pattern')}, healthiest first${flagged && !this.flaggedOnly ? `; ${flagged} flagged for review` : ''}.${date ? ` Scores as of ${monthText(date)}.` : ''}`
      : 'No pattern matches these filters.';
    const shown = this.#all ? patterns : patterns.slice(0, ROWS_SHOWN);
    const rows = el('ol', { part: 'rows', 'aria-label': 'Patterns by health score' }, shown.map((p, i) => this.#row(p, i)));
    body.replaceChildren(...(patterns.length ? [rows, this.#showAll(patterns, shown.length)] : []));
  }

  // "Show all 133 patterns" under the first rows; kept in the URL (replacing
  // the entry), so Back from a pattern comes back to the whole list.
  #showAll(patterns, shownCount) {
    if (shownCount >= patterns.length) return '';
    const button = el('button', { type: 'button', part: 'show-all' }, `Show all ${count(patterns.length, 'pattern')}`);
    button.addEventListener('click', () => {
      this.#all = true;
      this.writeUrl(healthForm.write({ ...this.#urlChoice(), all: true }), { replace: true });
      const rows = this.shadowRoot.querySelector('[part~=rows]');
      rows.append(...patterns.slice(shownCount).map((p, i) => this.#row(p, shownCount + i)));
      button.remove();
      // The reader goes on from the first row that was not there.
      rows.children[shownCount]?.querySelector('[part~=row-title] a')?.focus();
    });
    return button;
  }

  #row(p, i) {
    const score = scoreText(p.score);
    const meter = el('span', { part: 'meter', 'aria-hidden': 'true' }, el('span'));
    meter.firstChild.style.setProperty('--score', `${Math.max(0, Math.min(100, p.score ?? 0))}%`);
    const panelId = `signals-${i}`;
    const toggle = el('button', { type: 'button', part: 'toggle', 'aria-expanded': 'false', 'aria-controls': panelId,
      'aria-label': `Signals and sources of ${p.title}` }, 'Signals and sources');
    const panel = el('div', { part: 'signals', id: panelId, hidden: true, role: 'region', 'aria-label': `Signals of ${p.title}` });
    toggle.addEventListener('click', () => this.#toggle(p, toggle, panel));
    const row = el('li', { part: 'row', class: 'panel', 'data-pattern': p.pattern, 'data-flagged': p.flags.length ? '' : undefined },
      el('div', { class: 'row-head' },
        el('h3', { part: 'row-title' }, patternLink(this.baseUrl, p)), tierBadge(p.tier),
        p.category ? el('span', { part: 'category', class: 'muted' }, humanize(p.category)) : null),
      el('div', { part: 'score-line' },
        score ? el('span', { part: 'score' }, 'Health ', el('strong', {}, score), ' of 100') : el('span', { part: 'score' }, 'Health not known'),
        score ? meter : null,
        el('span', { part: 'known', class: 'muted' }, `rests on ${knownText(p.signals)}`)),
      p.flags.map((f) => el('p', { part: 'flag', 'data-code': f.code }, el('strong', {}, 'Flagged for review: '), f.message)),
      toggle, panel);
    if (this.#open.has(p.pattern)) this.#toggle(p, toggle, panel, { silent: true });
    return row;
  }

  #toggle(p, toggle, panel, { silent = false } = {}) {
    const open = silent || toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (open) {
      this.#open.add(p.pattern);
      if (!panel.childElementCount) this.#fillSignals(p, panel);
    } else this.#open.delete(p.pattern);
    if (!silent) this.emit('patsel-health-toggle', { pattern: p.pattern, open });
  }

  #fillSignals(p, panel) {
    let h;
    try {
      h = this.#engine.health(p.pattern, this.#dateOption());
    } catch (error) {
      panel.replaceChildren(errorBox(`The signals of ${p.title} could not be shown.`, error, () => {
        panel.replaceChildren();
        this.#fillSignals(p, panel);
      }));
      return;
    }
    const scoreWords = scoreText(h.score);
    panel.replaceChildren(...[
      el('h4', {}, 'What the score rests on'),
      el('ul', { part: 'signal-list' }, h.signals.map((s) => el('li', { part: 'signal', 'data-signal': s.id, 'data-known': String(s.known) },
        el('span', { class: 'name' }, s.label), ': ',
        el('span', { part: 'share' }, s.known
          ? `${s.points} of ${scoreWords ?? 0} points (weight ${s.weight})`
          : `not known, left out of the score (weight ${s.weight})`),
        s.why ? el('p', { class: 'muted' }, s.why) : null))),
      this.#libraries(h),
      this.#adoption(h),
      el('h4', {}, 'Tier review'),
      el('p', {}, h.reviewed ? ['Last reviewed ', this.#time(h.reviewed), '.'] : 'Not reviewed yet.'),
      h.tier_history.length ? [el('h4', {}, 'Tier history'), el('ul', { part: 'history' }, h.tier_history.map((c) =>
        el('li', {}, tierChangeText(c), c.reason ? `. ${c.reason}` : '')))] : null].flat(Infinity).filter(Boolean));
  }

  #libraries(h) {
    if (!h.implementations.length) return null;
    return [el('h4', {}, 'Libraries'), el('ul', { part: 'libraries' }, h.implementations.map((s) => el('li', { 'data-library': s.library },
      el('span', { class: 'name' }, s.library), s.ecosystem ? ` (${s.ecosystem})` : '', `: ${STATE_WORDS[s.state] ?? s.state}, as of `, this.#time(s.as_of), '.',
      s.note ? ` ${s.note}` : '', ' ', this.#source(s.source))))];
  }

  #adoption(h) {
    if (!h.adoption.length) return null;
    return [el('h4', {}, 'Adoption'), el('ul', { part: 'adoption' }, h.adoption.map((a) => el('li', {},
      a.fact, ' (', this.#time(a.year), ') ', this.#source(a.source))))];
  }

  #time(date) {
    return el('time', { datetime: datetimeOf(date) ?? undefined }, monthText(date));
  }

  // A source as a real link (http or https), its address as its words; an
  // address of another kind as text; none: said so.
  #source(url) {
    if (typeof url !== 'string' || !url.trim()) return el('span', { part: 'unsourced', class: 'muted' }, 'No source given yet, so it counts as unknown.');
    const href = /^https?:\/\//i.test(url.trim()) ? safeHref(url.trim()) : null;
    if (!href) return el('span', {}, 'Source: ', el('span', { part: 'source-text' }, url));
    let shown = href;
    try {
      const parsed = new URL(href);
      shown = `${parsed.host}${parsed.pathname}`.replace(/\/$/, '');
    } catch { /* shown as given */ }
    return el('span', {}, 'Source: ', el('a', { href, part: 'source', rel: 'noopener noreferrer' }, shown));
  }
}
