// <patsel-problem-matrix>: the problem-solution matrix. Problems grouped by
// area (availability, scalability, consistency ...), each with the patterns
// that solve it (primary) and those that make them work well (supporting),
// filtered by area and tier; a bronze pattern says what replaces it. Each
// problem can hand over to the decision tree whose results name its
// patterns (`tree-url`), or to the recommender (`recommender-url`). The area
// and tiers chosen are kept in the URL (?problems=area.availability_tier.gold).
//
// Attributes: area (only this area; default: all), tiers (shown at first;
//             default "gold silver bronze"), base-url (prefix of links to
//             pattern pages), tree-url (prefix of links to a decision tree:
//             tree-url + id + "/"), recommender-url (link to the recommender),
//             catalog, url-key (default "problems"; "" keeps the URL alone).
// Events:     patsel-problem-matrix-load {detail: {area, tiers}};
//             patsel-problem-matrix-change {detail: {area, tiers}} after the
//             reader changed the area or tiers (or went back);
//             patsel-problem-matrix-choose {detail: {problem, to, tree, href}}
//             (cancelable) when the reader follows a hand-over link.
// Parts:      see docs/elements/patsel-problem-matrix.md.

import { PatselElement, attr, loadingBox } from './base.js';
import { el, safeHref } from './dom.js';
import { legacyNote, patternWithTier, replacementsOf } from './pattern-refs.js';
import { count, humanize, joinWords } from './text.js';
import { TIER_IDS, checkedTiers, parseTiers, sameTiers, showTiers, tierCheckboxes } from './tiers.js';
import { treesForProblems } from './problem-trees.js';
import { problemMatrixForm } from './url-forms.js';

const css = `
[part~=frame] { min-height: 16rem; }
[part~=controls] { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: flex-start; margin: 0 0 .75rem; }
[part~=area-picker] { display: flex; flex-direction: column; gap: .2rem; }
[part~=area-picker] label { font-weight: 600; }
select { max-width: 100%; }
fieldset { margin: 0; padding: .3rem .75rem .5rem; }
[part~=tiers] { display: flex; flex-wrap: wrap; gap: .3rem 1.1rem; }
[part~=tiers] legend { padding: 0 .25rem; }
[part~=tiers] label { display: inline-flex; gap: .35rem; align-items: center; cursor: pointer; }
.hint { font-size: .85em; }
[part~=intro] { margin: 0 0 .75rem; }
[part~=area] { margin: 0 0 1.25rem; }
[part~=area-title] { margin: 0 0 .5rem; }
[part~=problems] { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); }
[part~=problem] { padding: .6rem .8rem; display: flex; flex-direction: column; gap: .35rem; }
[part~=problem-title] { margin: 0; }
[part~=description] { margin: 0; }
.group-title { margin: .15rem 0 0; font-weight: 600; font-size: .9em; }
[part~=primary], [part~=supporting] { margin: 0; padding-left: 1.1rem; display: grid; gap: .2rem; }
[part~=legacy] { display: block; font-size: .9em; }
[part~=hidden-count], [part~=empty] { margin: 0; font-size: .9em; font-style: italic; }
[part~=handover] { margin: auto 0 0; padding-top: .35rem; border-top: 1px dashed var(--patsel-border); font-size: .95em; }
`;

const ALL_TIERS = TIER_IDS.join(' ');

/** `tree-url` + id + "/", the id one escaped path segment; null for an unsafe URL. */
function treeHrefOf(treeUrl, id) {
  if (!id || id === '.' || id === '..') return null;
  return safeHref(`${treeUrl}${encodeURIComponent(id)}/`);
}

// Every decision tree with the patterns its results pick, once per engine.
const treePicks = new WeakMap();
function picksOf(engine) {
  if (!treePicks.has(engine)) {
    const trees = [];
    for (const t of engine.trees().trees) {
      try {
        const diagram = engine.tree(t.id);
        const picks = new Set(diagram.results.flatMap((r) => TIER_IDS.flatMap((tier) => (r[tier] ?? []).map((p) => p.pattern))));
        trees.push({ id: t.id, title: t.title, picks });
      } catch { /* a tree the engine cannot use is not offered */ }
    }
    treePicks.set(engine, trees);
  }
  return treePicks.get(engine);
}

export class PatselProblemMatrixElement extends PatselElement {
  static tag = 'patsel-problem-matrix';
  static css = css;
  static urlKey = 'problems';
  static attributes = {
    area: attr.string(),
    tiers: attr.list(' ', ALL_TIERS),
    treeUrl: attr.string(''),
    recommenderUrl: attr.string(''),
  };

  #engine;
  #matrix;        // the engine's problems answer, every area
  #trees = new Map();
  #area;          // the area shown ('' every area), or undefined = the attribute's
  #tiers;         // the tiers shown, or undefined = the attribute's
  #replacements = new Map();

  /** The area shown now ('' for every area). */
  get currentArea() { return this.#area ?? this.#attributeArea(); }
  /** The tiers shown now, in tier order. */
  get allowedTiers() { return [...(this.#tiers ?? parseTiers(this.tiers, TIER_IDS))]; }
  /** The engine's problem matrix (every area), or undefined. */
  get matrix() { return this.#matrix; }
  /** The id of the decision tree offered for a problem, or null. */
  treeFor(problemId) { return this.#trees.get(problemId)?.id ?? null; }

  loadingView() {
    return loadingBox('frame', 'Loading the problem matrix…');
  }

  failureMessage() {
    return 'The problem matrix could not be shown.';
  }

  loaded(engine) {
    this.#engine = engine;
    this.#matrix = engine.problems();
    this.#trees = treesForProblems(this.#matrix.problems, picksOf(engine));
    this.#replacements = new Map();
    this.#fromUrl();
    this.#renderFrame();
    this.emit('patsel-problem-matrix-load', { area: this.currentArea, tiers: this.allowedTiers });
  }

  attributeChanged(name) {
    if (!this.#matrix || name === 'catalog') {
      this.reload();
      return;
    }
    if (name === 'area') this.#area = undefined;
    if (name === 'tiers') this.#tiers = undefined;
    this.#renderFrame();
  }

  urlRestored() {
    if (!this.#matrix) return;
    this.#fromUrl();
    this.#showChoice();
    this.#renderBody();
    this.emit('patsel-problem-matrix-change', { area: this.currentArea, tiers: this.allowedTiers });
  }

  #attributeArea() {
    return this.#matrix?.areas.includes(this.area) ? this.area : '';
  }

  #fromUrl() {
    const saved = problemMatrixForm.read(this.readUrl());
    this.#area = saved?.area !== undefined && (saved.area === '' || this.#matrix.areas.includes(saved.area)) ? saved.area : undefined;
    this.#tiers = saved?.tiers;
  }

  // The reader changed the area or the tiers: a history entry and a redraw.
  #changed() {
    const area = this.currentArea === this.#attributeArea() ? undefined : this.currentArea;
    const tiers = sameTiers(this.allowedTiers, parseTiers(this.tiers, TIER_IDS)) ? undefined : this.allowedTiers;
    this.writeUrl(problemMatrixForm.write({ area, tiers }));
    this.#renderBody();
    this.emit('patsel-problem-matrix-change', { area: this.currentArea, tiers: this.allowedTiers });
  }

  #renderFrame() {
    const select = el('select', { id: 'area', part: 'area-select' },
      el('option', { value: '' }, 'All areas'),
      this.#matrix.areas.map((a) => el('option', { value: a }, humanize(a))));
    select.addEventListener('change', () => {
      this.#area = select.value;
      this.#changed();
    });
    const tiers = tierCheckboxes('Patterns to show');
    tiers.addEventListener('change', () => {
      this.#tiers = checkedTiers(tiers);
      this.#changed();
    });
    const recommender = safeHref(this.recommenderUrl);
    this.shadowRoot.replaceChildren(el('section', { part: 'frame', 'aria-label': 'Problems and the patterns that solve them' },
      el('div', { part: 'controls' }, el('div', { part: 'area-picker' }, el('label', { for: 'area' }, 'Area'), select), tiers),
      recommender ? el('p', { part: 'intro' }, 'Not sure which problem you have? ',
        this.#handover(el('a', { href: recommender, part: 'recommender-link' }, 'Describe your system to the recommender'), null, 'recommender', null), '.') : null,
      el('div', { part: 'body' })));
    this.#showChoice();
    this.#renderBody();
  }

  #showChoice() {
    const root = this.shadowRoot;
    root.querySelector('[part~=area-select]').value = this.currentArea;
    showTiers(root.querySelector('[part~=tiers]'), this.allowedTiers);
  }

  #renderBody() {
    const body = this.shadowRoot.querySelector('[part~=body]');
    const areas = this.currentArea ? [this.currentArea] : this.#matrix.areas;
    body.replaceChildren(...areas.map((area, i) => {
      const problems = this.#matrix.problems.filter((p) => p.area === area);
      return el('section', { part: 'area', 'data-area': area, 'aria-labelledby': `area-${i}` },
        el('h3', { part: 'area-title', id: `area-${i}` }, `${humanize(area)} (${count(problems.length, 'problem')})`),
        el('ul', { part: 'problems' }, problems.map((p) => this.#problem(p))));
    }));
  }

  #problem(p) {
    const allowed = this.allowedTiers;
    const shown = (list) => list.filter((b) => allowed.includes(b.tier));
    const primary = shown(p.primary);
    const supporting = shown(p.supporting);
    const hidden = p.primary.length + p.supporting.length - primary.length - supporting.length;
    return el('li', { part: 'problem', class: 'panel', 'data-problem': p.id },
      el('h4', { part: 'problem-title' }, p.title),
      p.description ? el('p', { part: 'description' }, p.description) : null,
      primary.length ? [el('p', { class: 'group-title' }, 'Solved by'), el('ul', { part: 'primary' }, primary.map((b) => this.#item(b)))] : null,
      supporting.length ? [el('p', { class: 'group-title' }, 'Helped by'), el('ul', { part: 'supporting' }, supporting.map((b) => this.#item(b)))] : null,
      !primary.length && !supporting.length ? el('p', { part: 'empty', class: 'muted' }, 'No pattern in the tiers you chose.') : null,
      hidden ? el('p', { part: 'hidden-count', class: 'muted' }, `${count(hidden, 'more pattern')} in ${joinWords(this.#hiddenTiers(p), 'and')}.`) : null,
      this.#nextStep(p));
  }

  #hiddenTiers(p) {
    const allowed = this.allowedTiers;
    return TIER_IDS.filter((t) => !allowed.includes(t) && [...p.primary, ...p.supporting].some((b) => b.tier === t));
  }

  #item(brief) {
    if (!this.#replacements.has(brief.pattern)) this.#replacements.set(brief.pattern, replacementsOf(this.#engine, brief));
    return el('li', { 'data-pattern': brief.pattern }, patternWithTier(this.baseUrl, brief),
      legacyNote(this.baseUrl, brief, this.#replacements.get(brief.pattern)));
  }

  // The hand-over: the tree that fits, else the recommender.
  #nextStep(p) {
    const tree = this.#trees.get(p.id);
    const treeHref = tree && this.treeUrl ? treeHrefOf(this.treeUrl, tree.id) : null;
    if (treeHref)
      return el('p', { part: 'handover' }, 'Next step: ',
        this.#handover(el('a', { href: treeHref, part: 'tree-link', 'data-tree': tree.id }, `the decision tree “${tree.title}”`), p, 'tree', tree.id));
    const recommender = safeHref(this.recommenderUrl);
    if (recommender)
      return el('p', { part: 'handover' }, 'Next step: ',
        this.#handover(el('a', { href: recommender, part: 'recommender-link' }, 'describe your system to the recommender'), p, 'recommender', null));
    return null;
  }

  // A hand-over link tells the page first; a listener may cancel the navigation.
  #handover(link, problem, to, tree) {
    link.addEventListener('click', (event) => {
      const go = this.emit('patsel-problem-matrix-choose', { problem: problem?.id ?? null, to, tree, href: link.getAttribute('href') }, { cancelable: true });
      if (!go) event.preventDefault();
    });
    return link;
  }
}
