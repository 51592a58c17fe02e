// <patsel-explorer>: search and browse the catalog. A search box (search as
// you type), facet panels with live counts (tier, category, area, layer,
// status, difficulty, tags, the year a pattern was introduced), a sort order
// and result cards with tier badges, category, difficulty and year, the
// matched words highlighted. A pattern the query names in a tier not ticked
// is listed apart ("In other tiers"), one click from its tier. In a narrow
// column the filters fold behind one button. The view (query, ticked
// values, sort, pages shown) lives in the URL.
//
// Attributes: catalog (URL of a catalog.json; default: the shipped one),
//             base-url (prefix of links to pattern pages; default ""),
//             url-key (query parameter of the view; default "explorer", "" = off),
//             page-size (patterns per page; default 24, then "Show more").
// Events:     patsel-explorer-change {detail: {query, tiers, filters, range, sort, total}}
//             after each update.
// Parts:      search, sort, filters-toggle, tiers, tier-option, facets, facet, facet-option,
//             facet-count, range, more-values, clear, results, count, message,
//             other-tiers, other-list, include-tier, list, card, badge, title, meta,
//             summary, mark, more, error, retry.

import { PatselElement, attr } from './base.js';
import { CARD_FIELDS } from './card-fields.js';
import { el, errorBox, nextFrameDrawn, patternHref } from './dom.js';
import { count, humanize, joinNodes } from './text.js';
import { TIER_IDS, showTiers, checkedTiers, tierBadge, tierCheckboxes } from './tiers.js';
import { explorerForm } from './url-forms.js';
import { ALL_FACET_VALUES, DEFAULT_PAGE_SIZE, DEFAULT_TIERS, FACET_IDS } from './explorer-opening.js';
import { openingApplies } from '../index.js';
// The opening answers, imported beside the code (not read after it), so
// the opening view is painted in the element's first frame.
import openingText from '../explorer-opening-answers.js';
import { sharedSearchEngine } from './shared-engine.js';

// Category and domain overlap (both have "resilience"): each panel says what it groups.
const FACET_PANELS = {
  category: { label: 'Category', open: true, hint: 'The section of the library a pattern is filed in; each pattern has one.' },
  domain: { label: 'Area', hint: 'Wider than a category: an area gathers patterns of several categories, so its counts run higher.' },
  layer: { label: 'Layer' },
  status: { label: 'Status' },
  difficulty: { label: 'Difficulty' },
  tags: { label: 'Tags', top: 8 },
};
const FACETS = FACET_IDS.map((facet) => ({ facet, ...FACET_PANELS[facet] }));
const SORTS = [
  ['', 'Best match'],
  ['tier', 'Tier'],
  ['title', 'Title'],
  ['introduced-newest', 'Newest first'],
  ['introduced-oldest', 'Oldest first'],
  ['reading-time', 'Reading time'],
];
const SORT_IDS = SORTS.map(([value]) => value).filter(Boolean);
const TYPING_DELAY = 120;
// Values with a natural order, shown in it (the catalog schema's order); others most frequent first.
const ORDERED_VALUES = { difficulty: ['beginner', 'intermediate', 'advanced', 'expert'] };
// "In other tiers": how many hits of the other tiers are looked at, and shown when only the start of a name is typed.
const NAMED_LOOKED_AT = 10;
const NAMED_BY_START = 3;
export { DEFAULT_PAGE_SIZE };

const css = `
:host { container-type: inline-size; }
[hidden] { display: none !important; }
.controls { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: 0 0 .75rem; }
.field { display: flex; flex-direction: column; gap: .2rem; }
.field:first-child { flex: 1 1 14rem; }
[part~=filters-toggle] { display: none; }
label { cursor: pointer; }
input[type=number] { width: 5.5rem; }
fieldset { margin: 0; padding: .5rem .75rem; }
[part~=tiers] { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; margin: 0 0 .75rem; }
[part~=tier-option], [part~=facet-option] { display: flex; gap: .35rem; align-items: baseline; }
.hint { font-size: .85em; }
[part~=facet-count] { margin-left: auto; padding-left: .5rem; font-variant-numeric: tabular-nums; }
[part~=tier-option] [part~=facet-count]::before { content: "("; } [part~=tier-option] [part~=facet-count]::after { content: ")"; }
.layout { display: grid; grid-template-columns: minmax(11rem, 15rem) minmax(0, 1fr); gap: 1rem; align-items: start; }
/* A narrow column (Material's is 688 px): the filters fold into one bar, so results start at once. */
@container (max-width: 47.5rem) {
  .layout { grid-template-columns: minmax(0, 1fr); gap: .5rem; }
  .controls { margin: 0 0 .5rem; }
  [part~=filters-toggle] { display: inline-flex; align-items: center; gap: .35rem; }
  .layout:not(.filters-open) [part~=facets] { display: none; }
  [part~=facets] { border: 1px solid var(--patsel-border); border-radius: var(--patsel-radius); padding: .5rem .75rem; }
  [part~=tiers] { margin: 0 0 .5rem; padding: .25rem .6rem .4rem; gap: .25rem 1rem; }
  [part~=tiers] .hint { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
}
[part~=facets] { display: flex; flex-direction: column; gap: .5rem; }
[part~=facet] summary { cursor: pointer; font-weight: 600; }
[part~=facet] fieldset { border: 0; padding: .25rem 0 0; display: flex; flex-direction: column; gap: .15rem; }
[part~=range] { display: flex; flex-wrap: wrap; gap: .5rem; }
[part~=range] legend { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
[part~=more-values], [part~=clear] { align-self: start; }
[part~=results] { min-height: 16rem; }
[part~=results][aria-busy=true] [part~=list] { opacity: .6; }
[part~=count] { margin: 0 0 .5rem; font-weight: 600; min-height: 1.5em; }
[part~=message] p { margin: 0 0 .5rem; }
[part~=message]:not(:empty) { margin: 0 0 .75rem; }
[part~=list] { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr)); }
[part~=card] { border: 1px solid var(--patsel-border); border-radius: var(--patsel-radius); padding: .75rem;
  background: var(--patsel-card-background, transparent); }
[part~=title] { margin: .35rem 0 .15rem; font-size: 1.05em; }
[part~=meta] { margin: 0 0 .35rem; font-size: .85em; }
[part~=meta] span { white-space: nowrap; }
[part~=summary] { margin: 0; }
.facet-hint { margin: 0 0 .35rem; font-size: .85em; }
[part~=other-tiers] { margin: 0 0 1rem; padding: .6rem .75rem .75rem; }
[part~=other-tiers] h3 { margin: 0 0 .2rem; font-size: 1em; }
[part~=other-tiers] > p { margin: 0 0 .5rem; }
[part~=other-tiers] [part~=list] { margin: 0 0 .6rem; }
[part~=other-tiers] .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0; }
[part~=badge] { font-size: .75em; }
[part~=more] { margin-top: .75rem; }
`;

export class PatselExplorerElement extends PatselElement {
  static tag = 'patsel-explorer';
  static css = css;
  static urlKey = 'explorer';
  static attributes = { pageSize: attr.integer(DEFAULT_PAGE_SIZE, (n) => (n > 0 ? Math.min(n, 1000) : DEFAULT_PAGE_SIZE)) };

  #engine;
  #state = defaultState();
  #timer;
  #typing = false;  // a typing burst makes one history entry, not one per key
  #result;
  #cards = new Map();  // key -> <li>, reused when a card did not change
  #ui;
  #opening;  // {state, waiting, hash}: the view painted from the shipped answers before the engine was ready
  #facetValues = {};  // facet -> every value its panel lists, in order
  #narrow;  // whether the column was narrow (filters behind their button) at the last layout
  #resize = new ResizeObserver(() => this.#resized());

  /** The tiers currently ticked. */
  get selectedTiers() { return [...this.#state.tiers]; }
  /** The search text. */
  get query() { return this.#state.q; }
  set query(value) {
    this.#state.q = String(value ?? '');
    this.#state.pages = 1;
    this.#syncControls();
    this.#update('push');
  }
  /** The last answer of the engine's `search` ({total, hits, facets, ...}), or undefined. */
  get result() { return this.#result; }

  connectedCallback() {
    if (!this.#ui) this.#renderFrame();
    this.#resize.observe(this);
    super.connectedCallback();
    const saved = this.readUrl();
    if (saved !== null) this.#state = stateFrom(saved);
    this.#syncControls();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#resize.disconnect();
    clearTimeout(this.#timer);
  }

  attributeChanged(name) {
    if (!this.#ui) return;
    if (name === 'catalog') {
      this.#engine = undefined;
      this.#opening = undefined;
      this.reload();
    } else if (this.#engine) {
      if (name === 'base-url') this.#cards.clear();
      this.#update('none');
    }
  }

  // The frame stays; the results say that they are loading, unless the
  // opening view can be painted before the engine is ready.
  loadingView() {
    this.#ui.results.setAttribute('aria-busy', 'true');
    this.#ui.message.replaceChildren();
    this.#ui.count.textContent = 'Loading patterns…';
    this.#paintOpening();
    return null;
  }

  // The engine is loaded once the opening view is on screen: its download,
  // compiling and start would otherwise hold the main thread while the
  // browser draws the frame that shows it.
  async load() {
    if (this.#opening) await nextFrameDrawn();
    // Search is all the explorer asks: the small search catalog will do.
    return sharedSearchEngine(this.catalog ?? undefined);
  }

  loaded(engine) {
    this.#engine = engine;
    // Shipped answers of this very catalog (a host may have put its own
    // catalog in the shipped one's place) list the same facet values, and
    // the same view gives the same answer, which is not announced again.
    const same = this.#opening?.hash !== undefined && this.#opening.hash === engine.info?.content_hash;
    if (!same) this.#buildFacets(this.#search(ALL_FACET_VALUES));
    const unchanged = same && JSON.stringify(this.#opening.state) === JSON.stringify(this.#state);
    for (const control of this.#opening?.waiting ?? []) control.disabled = false;
    this.#opening = undefined;
    this.#update('none', { announce: !unchanged });
  }

  // The opening view (the shipped catalog, no saved view, the default page
  // size) painted from answers computed when the package was built
  // (explorer-opening.js asks the questions), while the wasm and the
  // catalog still load.
  #paintOpening() {
    if (openingText == null || this.catalog != null || this.pageSize !== DEFAULT_PAGE_SIZE || !isOpeningView(this.#state) ||
        this.#engine || this.#result || !openingApplies()) return;
    const opening = JSON.parse(openingText);
    if (opening.page_size !== DEFAULT_PAGE_SIZE) return;
    this.#buildFacets(opening.facets);
    // Until the engine answers, the controls that redraw at once wait (the
    // search box takes typing: its results come when the engine is ready).
    const ui = this.#ui;
    const waiting = [ui.sort, ui.more, ...ui.tiers.querySelectorAll('input'), ...ui.facets.querySelectorAll('input, button')]
      .filter((control) => !control.disabled);
    for (const control of waiting) control.disabled = true;
    this.#opening = { state: structuredClone(this.#state), waiting, hash: opening.content_hash };
    this.#show({ ...opening.first, facets: this.#onScreen(opening.first.facets), other_tiers: [] }, { announce: true });
  }

  // Of a shipped answer's counts (every facet, every value), those the
  // engine is asked for (#countRequest): what is on screen.
  #onScreen(facets) {
    const request = this.#countRequest();
    return Object.fromEntries(request.facets.filter((facet) => facet in facets).map((facet) => {
      const only = request.facet_values?.[facet];
      return [facet, only ? facets[facet].filter((v) => only.includes(v.value)) : facets[facet]];
    }));
  }

  // Folded filters are not counted (#countRequest): when the column widens
  // and they unfold, the open panels need counts of the view shown (unless
  // the Filters button had shown them, and they were counted then).
  #resized() {
    const narrow = this.#narrowColumn();
    if (this.#narrow && !narrow && !this.#ui.layout.classList.contains('filters-open')) this.#update('none');
    this.#narrow = narrow;
  }

  // In a narrow column (the CSS's container query) the Filters button is
  // shown, and the filters are folded behind it until it is pressed.
  #narrowColumn() {
    return this.isConnected && getComputedStyle(this.#ui.toggle).display !== 'none';
  }

  showFailure(box) {
    this.#showError(box);
  }

  urlRestored(value) {
    clearTimeout(this.#timer);
    this.#state = stateFrom(value);
    this.#update('none');
  }

  // --- the frame: built once, updated in place -----------------------------

  #renderFrame() {
    const search = el('input', { id: 'q', type: 'search', part: 'search', autocomplete: 'off', spellcheck: 'false',
      placeholder: 'e.g. retries, 2pc, "event sourcing"' });
    const sort = el('select', { id: 'sort', part: 'sort' }, SORTS.map(([value, label]) => el('option', { value }, label)));
    const tiers = tierCheckboxes('Tiers', {
      hint: (t) => (t.tier === 'bronze' ? 'legacy, with a migration path' : t.hint),
      extra: (tier) => el('span', { part: 'facet-count', 'data-value': tier }),
    });
    const facets = el('div', { part: 'facets', role: 'group', 'aria-label': 'Filters' });
    const count = el('p', { part: 'count', role: 'status', 'aria-live': 'polite' }, 'Loading patterns…');
    const message = el('div', { part: 'message' });
    // Patterns the query names that the tiers ticked leave out, listed apart.
    const others = el('section', { part: 'other-tiers', class: 'panel', 'aria-labelledby': 'other-tiers-heading', hidden: true });
    const hint = el('p', { id: 'list-hint', class: 'visually-hidden' }, 'Arrow keys move between the results.');
    const list = el('ul', { id: 'list', part: 'list', 'aria-label': 'Patterns', 'aria-describedby': 'list-hint' });
    const more = el('button', { type: 'button', part: 'more', 'aria-controls': 'list', hidden: true });
    // Says how many are shown after "Show more" (the count says the total).
    const paging = el('p', { role: 'status', class: 'visually-hidden' });
    const results = el('div', { part: 'results', 'aria-busy': 'true' }, count, message, others, hint, list, more, paging);
    // In a narrow column the filters are behind this button (hidden when there is room for them).
    const toggle = el('button', { type: 'button', part: 'filters-toggle', 'aria-expanded': 'false', 'aria-controls': 'filters' },
      'Filters', el('span', { class: 'selected-count' }));
    const layout = el('div', { class: 'layout' }, facets, results);
    toggle.addEventListener('click', () => {
      const open = !layout.classList.contains('filters-open');
      layout.classList.toggle('filters-open', open);
      toggle.setAttribute('aria-expanded', String(open));
      if (open) this.#update('none');  // the panels now on screen need their counts
    });
    facets.id = 'filters';
    this.shadowRoot.replaceChildren(
      el('div', { class: 'controls' },
        el('div', { class: 'field' }, el('label', { for: 'q' }, 'Search patterns'), search),
        el('div', { class: 'field' }, el('label', { for: 'sort' }, 'Sort by'), sort),
        toggle),
      tiers, layout);
    this.#ui = { search, sort, tiers, facets, count, message, others, list, more, paging, results, toggle, layout };

    search.addEventListener('input', () => {
      this.#state.q = search.value;
      this.#state.pages = 1;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#typed(), TYPING_DELAY);
    });
    search.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        clearTimeout(this.#timer);
        this.#typed();
        this.#typing = false;
      }
    });
    search.addEventListener('change', () => { this.#typing = false; });
    sort.addEventListener('change', () => {
      this.#state.sort = sort.value;
      this.#state.pages = 1;
      this.#update('push');
    });
    tiers.addEventListener('change', () => {
      this.#state.tiers = checkedTiers(tiers);
      this.#state.pages = 1;
      this.#update('push');
    });
    facets.addEventListener('change', (event) => this.#facetChanged(event.target));
    more.addEventListener('click', () => this.#loadMore());
    list.addEventListener('keydown', (event) => this.#roveCards(event));
  }

  // One panel per facet, with every value the catalog has, so the panels do
  // not jump as counts change (a value with no match shows 0).
  // `all`: the answer to ALL_FACET_VALUES.
  #buildFacets(all) {
    const panels = FACETS.map(({ facet, label, open, top, hint }) => {
      const values = inNaturalOrder(facet, (all.facets[facet] ?? []).map((v) => v.value));
      if (!values.length) return null;
      this.#facetValues[facet] = values;
      // A long facet's values past its top ones are built when first shown (#buildRestOf).
      const options = (top ? values.slice(0, top) : values).map((value) => facetOption(facet, value));
      const toggle = top && values.length > top
        ? el('button', { type: 'button', part: 'more-values', class: 'quiet', 'aria-expanded': 'false' }, `Show all ${values.length}`)
        : null;
      toggle?.addEventListener('click', () => {
        const expanded = toggle.getAttribute('aria-expanded') !== 'true';
        toggle.setAttribute('aria-expanded', String(expanded));
        toggle.textContent = expanded ? `Show the top ${top}` : `Show all ${values.length}`;
        this.#showTopValues(facet);
        this.#update('none');  // the values now shown need their counts
      });
      // On a narrow screen every panel starts closed, so the results stay in sight.
      const panel = el('details', { part: `facet facet-${facet}`, 'data-facet': facet, open: (open && this.clientWidth >= 640) || undefined },
        el('summary', {}, label, el('span', { class: 'selected-count' })),
        el('fieldset', { 'aria-describedby': hint ? `hint-${facet}` : null }, el('legend', { class: 'visually-hidden' }, label),
          hint ? el('p', { class: 'facet-hint muted', id: `hint-${facet}` }, hint) : null, options, toggle));
      // A closed panel is not counted (see #countRequest); opened, it is.
      panel.addEventListener('toggle', () => {
        if (panel.open && !(facet in (this.#result?.facets ?? {}))) this.#update('none');
      });
      return panel;
    });
    const bounds = all.ranges?.introduced ?? {};
    const year = (id, text, placeholder) => el('div', { class: 'field' }, el('label', { for: id }, text),
      el('input', { id, type: 'number', name: id, inputmode: 'numeric', step: 1, placeholder: placeholder ?? '' }));
    const range = bounds.min != null ? el('details', { part: 'facet facet-introduced', 'data-facet': 'introduced' },
      el('summary', {}, 'Introduced', el('span', { class: 'selected-count' })),
      el('fieldset', { part: 'range' }, el('legend', {}, 'Year introduced'),
        year('from', 'From year', bounds.min), year('to', 'To year', bounds.max))) : null;
    const clear = el('button', { type: 'button', part: 'clear', hidden: true }, 'Clear filters');
    clear.addEventListener('click', () => this.#clear());
    this.#ui.facets.replaceChildren(...panels.filter(Boolean), ...(range ? [range] : []), clear);
    this.#ui.clear = clear;
    this.#syncControls();
  }

  #showTopValues(facet) {
    const info = FACETS.find((f) => f.facet === facet);
    const panel = this.#ui.facets.querySelector(`[data-facet=${facet}]`);
    if (!info?.top || !panel) return;
    const expanded = this.#buildRestOf(facet, panel);
    [...panel.querySelectorAll('[part~=facet-option]')].forEach((option, i) => {
      option.hidden = !expanded && i >= info.top && !option.querySelector('input').checked;
    });
  }

  // The options of a long facet past its top values: a tag cloud of hundreds
  // would be most of the explorer's first view to build, all of it folded
  // away. They are built once shown: all of them when the panel shows every
  // value, a ticked one (a restored view) at once. In the values' order, after
  // the top ones, which are always there. Returns whether all are shown.
  #buildRestOf(facet, panel) {
    const expanded = panel.querySelector('[part~=more-values]')?.getAttribute('aria-expanded') === 'true';
    const values = this.#facetValues[facet] ?? [];
    const options = panel.querySelectorAll('[part~=facet-option]');
    if (options.length === values.length) return expanded;  // all built: the usual case, on every redraw
    const built = new Map([...options].map((option) => [option.querySelector('input').value, option]));
    const ticked = this.#state.filters[facet] ?? [];
    let previous = null;
    for (const value of values) {
      let option = built.get(value);
      if (!option && (expanded || ticked.includes(value))) {
        option = facetOption(facet, value);
        previous.after(option);
      }
      previous = option ?? previous;
    }
    return expanded;
  }

  #facetChanged(target) {
    if (target.name === 'from' || target.name === 'to') {
      const year = Number.parseInt(target.value, 10);
      this.#state[target.name] = Number.isInteger(year) ? year : null;
    } else if (FACETS.some((f) => f.facet === target.name)) {
      const panel = target.closest('[data-facet]');
      this.#state.filters[target.name] = [...panel.querySelectorAll('input:checked')].map((box) => box.value);
    } else {
      return;
    }
    this.#state.pages = 1;
    this.#update('push');
  }

  // The controls show #state (after a restore, a clear, a property change).
  #syncControls() {
    const ui = this.#ui;
    if (!ui) return;
    const s = this.#state;
    if (ui.search.value !== s.q) ui.search.value = s.q;
    ui.sort.value = SORTS.some(([value]) => value === s.sort) ? s.sort : '';
    showTiers(ui.tiers, s.tiers);
    for (const { facet } of FACETS) {
      const panel = ui.facets.querySelector(`[data-facet=${facet}]`);
      if (!panel) continue;
      const selected = s.filters[facet] ?? [];
      this.#buildRestOf(facet, panel);
      for (const box of panel.querySelectorAll('input')) box.checked = selected.includes(box.value);
      panel.querySelector('.selected-count').textContent = selected.length ? ` (${selected.length} selected)` : '';
      if (selected.length) panel.open = true;
      this.#showTopValues(facet);
    }
    const range = ui.facets.querySelector('[data-facet=introduced]');
    if (range) {
      range.querySelector('#from').value = s.from ?? '';
      range.querySelector('#to').value = s.to ?? '';
      range.querySelector('.selected-count').textContent = s.from != null || s.to != null ? ' (set)' : '';
      if (s.from != null || s.to != null) range.open = true;
    }
    if (ui.clear) ui.clear.hidden = !isFiltered(s);
    const chosen = FACETS.reduce((n, { facet }) => n + (s.filters[facet]?.length ?? 0), 0) + (s.from != null || s.to != null ? 1 : 0);
    ui.toggle.querySelector('.selected-count').textContent = chosen ? ` (${chosen})` : '';
  }

  // --- querying ------------------------------------------------------------

  #search(params) {
    const engine = this.#engine;
    return typeof engine.search === 'function' ? engine.search(params) : engine.call('search', params);
  }

  // Counts only what is on screen: the tiers, and the facets whose panel is
  // open (none while the filters are folded away in a narrow column); a long
  // facet folded to its top values asks for those alone. On a
  // big catalog this keeps each answer small (docs/search.md).
  #countRequest() {
    const request = { facets: ['tier'], facet_limit: 100000 };
    const folded = this.#ui && !this.#ui.layout.classList.contains('filters-open') && this.#narrowColumn();
    for (const { facet, top } of FACETS) {
      const panel = this.#ui?.facets.querySelector(`[data-facet=${facet}]`);
      if (!panel?.open || folded) continue;
      request.facets.push(facet);
      const fewer = top && panel.querySelector('[part~=more-values]')?.getAttribute('aria-expanded') === 'false';
      if (fewer) {
        request.facet_values ??= {};
        request.facet_values[facet] = [...panel.querySelectorAll('[part~=facet-option]:not([hidden]) input')].map((box) => box.value);
      }
    }
    return request;
  }

  // `counts`: false for a further page of hits, which keeps the counts shown.
  #params(limit, offset, { counts = true } = {}) {
    const s = this.#state;
    const filters = {};
    if (s.tiers.length) filters.tier = s.tiers;
    for (const { facet } of FACETS) if (s.filters[facet]?.length) filters[facet] = s.filters[facet];
    const params = { query: s.q, filters, ...(counts ? this.#countRequest() : { facets: [] }), limit, offset, hit_fields: CARD_FIELDS };
    let [from, to] = [s.from, s.to];
    if (from != null && to != null && from > to) [from, to] = [to, from];
    if (from != null || to != null) params.ranges = { introduced: [from ?? null, to ?? null] };
    if (s.sort) params.sort = s.sort;
    return params;
  }

  // The patterns the query names (a title, an alias or the id; while typing,
  // the start of one) in the tiers not ticked: exact names first, and only
  // when none is exact, up to NAMED_BY_START whose name starts so.
  #namedElsewhere() {
    const s = this.#state;
    const wanted = nameKey(s.q);
    const others = TIER_IDS.filter((t) => !s.tiers.includes(t));
    if (!wanted || !s.tiers.length || !others.length) return [];
    const params = this.#params(NAMED_LOOKED_AT, 0, { counts: false });
    params.filters.tier = others;
    delete params.sort;  // the best matches, whatever order the results are in
    const names = (hit) => [hit.title, hit.id, ...(Array.isArray(hit.aliases) ? hit.aliases : [])].map(nameKey);
    const { hits } = this.#search(params);
    const exact = hits.filter((hit) => names(hit).includes(wanted));
    if (exact.length) return exact;
    return wanted.length < 3 ? [] : hits.filter((hit) => names(hit).some((name) => name.startsWith(wanted))).slice(0, NAMED_BY_START);
  }

  #typed() {
    this.#update(this.#typing ? 'replace' : 'push');
    this.#typing = true;
  }

  /**
   * Asks the engine and redraws; `history` is 'push', 'replace' or 'none';
   * `announce`: false when the view shown already is this one.
   */
  #update(history, { announce = true } = {}) {
    if (history !== 'replace') this.#typing = false;
    if (history !== 'none') this.#writeUrl(history);
    this.#syncControls();
    if (!this.#engine) return;
    const s = this.#state;
    let result;
    try {
      // No tier ticked shows nothing; the tier counts still say what ticking one would give.
      result = this.#search(this.#params(s.tiers.length ? this.pageSize * s.pages : 0, 0));
      if (!s.tiers.length) result = { ...result, total: 0, hits: [], facets: zeroCounts(result.facets) };
      result = { ...result, other_tiers: this.#namedElsewhere() };
    } catch (error) {
      this.#showError(errorBox('The search failed.', error, () => this.#update('none')));
      return;
    }
    this.#show(result, { announce });
  }

  #show(result, { announce }) {
    const s = this.#state;
    this.#result = result;
    this.#render(result);
    if (!announce) return;
    this.emit('patsel-explorer-change', {
      query: s.q, tiers: [...s.tiers], filters: structuredClone(s.filters), range: [s.from, s.to], sort: result.sort,
      total: result.total });
  }

  #loadMore() {
    if (!this.#engine || !this.#result) return;
    const shown = this.#result.hits.length;
    let page;
    try {
      page = this.#search(this.#params(this.pageSize, shown, { counts: false }));
    } catch (error) {
      this.#showError(errorBox('The search failed.', error, () => this.#update('none')));
      return;
    }
    this.#state.pages += 1;
    this.#writeUrl('replace');  // paging is not worth a history entry of its own
    this.#result = { ...this.#result, hits: [...this.#result.hits, ...page.hits] };  // the counts stay
    this.#render(this.#result);
    this.#ui.paging.textContent = `Showing ${this.#result.hits.length} of ${this.#result.total} patterns.`;
    // Keyboard users land on the first new result.
    const links = this.#cardLinks();
    if (links[shown]) this.#focusCard(links, shown);
  }

  #writeUrl(history) {
    this.writeUrl(explorerForm.write(this.#state, { facets: FACET_IDS, defaultTiers: DEFAULT_TIERS }), { replace: history === 'replace' });
  }

  #clear() {
    this.#state = defaultState();
    this.#update('push');
    this.#ui.search.focus();
  }

  // --- rendering -------------------------------------------------------------

  #render(result) {
    const ui = this.#ui;
    const s = this.#state;
    ui.results.removeAttribute('aria-busy');
    ui.count.textContent = count(result.total, 'pattern');
    ui.paging.textContent = '';

    // Counts in place: only the text that changed is touched.
    const counts = new Map();
    for (const [facet, values] of Object.entries(result.facets ?? {}))
      for (const v of values) counts.set(`${facet}\u0000${v.value}`, v.count);
    for (const node of this.shadowRoot.querySelectorAll('[part~=facet-count]')) {
      const facet = node.closest('[data-facet]')?.dataset.facet ?? 'tier';
      if (!(facet in (result.facets ?? {}))) continue;  // a closed panel, counted when it opens
      const count = counts.get(`${facet}\u0000${node.dataset.value}`);
      if (count === undefined && node.closest('[part~=facet-option]')?.hidden) continue;  // folded away
      const text = String(count ?? 0);
      if (node.textContent !== text) node.textContent = text;
    }

    // Cards: reused when the same pattern shows the same highlights.
    const previous = this.#cards;
    this.#cards = new Map();
    const items = result.hits.map((hit) => {
      const key = JSON.stringify([hit.id, hit.title, hit.tier, hit.summary, hit.category, hit.difficulty, hit.introduced, hit.highlights ?? null]);
      const item = previous.get(key) ?? this.#card(hit);
      this.#cards.set(key, item);
      return item;
    });
    const current = [...ui.list.children];
    if (items.length !== current.length || items.some((item, i) => item !== current[i])) ui.list.replaceChildren(...items);
    this.#resetRoving();

    const left = result.total - result.hits.length;
    ui.more.hidden = left <= 0;
    if (left > 0) ui.more.textContent = `Show ${Math.min(left, this.pageSize)} more (${result.hits.length} of ${result.total} shown)`;
    ui.message.replaceChildren(...(result.total === 0 ? this.#emptyState(result) : []));
    this.#renderOtherTiers(result.other_tiers ?? []);
  }

  // "In other tiers": the patterns the query names that the tiers ticked
  // leave out, as cards, and a button per tier that ticks it.
  #renderOtherTiers(hits) {
    const box = this.#ui.others;
    box.hidden = !hits.length;
    if (!hits.length) {
      box.replaceChildren();
      return;
    }
    const tiers = TIER_IDS.filter((t) => hits.some((h) => h.tier === t));
    const buttons = tiers.map((tier) => {
      const n = hits.filter((h) => h.tier === tier).length;
      const button = el('button', { type: 'button', part: 'include-tier', 'data-tier': tier }, `Include ${tier} patterns`);
      button.addEventListener('click', () => {
        this.#state.tiers = TIER_IDS.filter((t) => this.#state.tiers.includes(t) || t === tier);
        this.#state.pages = 1;
        this.#update('push');
        this.#ui.search.focus();
      });
      button.setAttribute('aria-label', `Include ${tier} patterns (${count(n, 'named pattern')} among them)`);
      return button;
    });
    const query = this.#state.q.trim();
    box.replaceChildren(
      el('h3', { id: 'other-tiers-heading' }, 'In other tiers'),
      el('p', { class: 'muted' }, `“${query}” names ${hits.length === 1 ? 'a pattern' : 'patterns'} outside the tiers you ticked.`),
      el('ul', { part: 'list other-list', 'aria-label': 'Patterns in other tiers' }, hits.map((hit) => this.#card(hit, { roving: false, heading: 'h4' }))),
      el('p', { class: 'actions' }, buttons));
  }

  // `roving`: the card's link is one of the list's arrow-key stops (else a plain tab stop);
  // `heading`: the title's level (h4 under the "In other tiers" heading).
  #card(hit, { roving = true, heading = 'h3' } = {}) {
    const href = patternHref(this.baseUrl, hit.id);
    const title = highlighted(hit.title, hit.highlights?.title);
    const snippet = hit.highlights?.snippet;
    const summary = snippet ? highlighted(snippet.text, snippet.ranges) : [hit.summary ?? ''];
    const year = /^\d{4}/.exec(String(hit.introduced ?? ''))?.[0];
    const meta = [hit.category && el('span', { 'data-meta': 'category' }, humanize(hit.category)),
      hit.difficulty && el('span', { 'data-meta': 'difficulty' }, humanize(hit.difficulty)),
      year && el('span', { 'data-meta': 'introduced' }, `since ${year}`)].filter(Boolean);
    return el('li', { part: 'card', 'data-id': hit.id },
      tierBadge(hit.tier),
      el(heading, { part: 'title' }, href ? el('a', { href, tabindex: roving ? '-1' : null }, title) : title),
      meta.length ? el('p', { part: 'meta', class: 'muted' }, joinNodes(meta, ' · ')) : null,
      el('p', { part: 'summary' }, summary));
  }

  #emptyState(result) {
    const s = this.#state;
    const what = s.q.trim() ? `No pattern matches “${s.q.trim()}”` : 'No pattern matches';
    const lines = [el('p', {}, s.tiers.length ? `${what} with these filters.` : `${what}: no tier is ticked.`)];
    const actions = [];
    if (isFiltered(s)) {
      const clear = el('button', { type: 'button', part: 'clear' }, 'Clear search and filters');
      clear.addEventListener('click', () => this.#clear());
      actions.push(clear);
    }
    // Matches in tiers that are not ticked: offer them (the tier counts ignore the tier selection),
    // unless the patterns the query names are offered below.
    const others = result.other_tiers?.length ? [] : (result.facets?.tier ?? []).filter((t) => !s.tiers.includes(t.value) && t.count > 0 && t.value !== 'unclassified');
    if (others.length) {
      const total = others.reduce((sum, t) => sum + t.count, 0);
      const include = el('button', { type: 'button', part: 'include-tiers' },
        `Include ${others.map((t) => t.value).join(' and ')} (${total})`);
      include.addEventListener('click', () => {
        this.#state.tiers = TIER_IDS.filter((t) => s.tiers.includes(t) || others.some((o) => o.value === t));
        this.#update('push');
      });
      actions.push(include);
    }
    return [...lines, actions.length ? el('p', {}, joinNodes(actions, ' ')) : null];
  }

  #showError(box) {
    this.#ui.results.removeAttribute('aria-busy');
    this.#ui.count.textContent = '';
    this.#ui.more.hidden = true;
    this.#ui.paging.textContent = '';
    this.#ui.list.replaceChildren();
    this.#cards.clear();
    this.#ui.message.replaceChildren(box);
  }

  // --- roving tabindex over the result links ------------------------------------

  #cardLinks() {
    return [...this.#ui.list.querySelectorAll('[part~=title] a')];
  }

  #resetRoving() {
    const links = this.#cardLinks();
    if (!links.length) return;
    const active = links.findIndex((a) => a.tabIndex === 0);
    links.forEach((a, i) => { a.tabIndex = i === Math.max(active, 0) ? 0 : -1; });
  }

  #focusCard(links, index) {
    links.forEach((a, i) => { a.tabIndex = i === index ? 0 : -1; });
    links[index].focus();
  }

  #roveCards(event) {
    const links = this.#cardLinks();
    const index = links.indexOf(this.shadowRoot.activeElement);
    if (index < 0) return;
    const next = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1,
      Home: 0, End: links.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.#focusCard(links, Math.max(0, Math.min(links.length - 1, next)));
  }
}

// --- state and its URL form ---------------------------------------------------

function facetOption(facet, value) {
  return el('label', { part: 'facet-option' }, el('input', { type: 'checkbox', name: facet, value }),
    el('span', {}, humanize(value)), el('span', { part: 'facet-count', 'data-value': value }));
}

function defaultState() {
  return { q: '', tiers: [...DEFAULT_TIERS], filters: {}, from: null, to: null, sort: '', pages: 1 };
}

// The view the explorer opens with, which the shipped answers are for.
function isOpeningView(s) {
  return !isFiltered(s) && s.q === '' && s.sort === '' && s.pages === 1;
}

function isFiltered(s) {
  const d = defaultState();
  return s.q.trim() !== '' || s.tiers.join() !== d.tiers.join() || s.from != null || s.to != null ||
    Object.values(s.filters).some((values) => values.length > 0);
}

function stateFrom(value) {
  return explorerForm.read(value, { facets: FACET_IDS, sorts: SORT_IDS, defaultTiers: DEFAULT_TIERS });
}

/** A name or a query compared as a reader means it: case, accents and punctuation aside ("Two-Phase commit" = "two phase commit"). */
export function nameKey(text) {
  return String(text ?? '').normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** A facet's values in their natural order where they have one, the others after them as they came. */
function inNaturalOrder(facet, values) {
  const order = ORDERED_VALUES[facet];
  if (!order) return values;
  const rank = (v) => (order.includes(v) ? order.indexOf(v) : order.length);
  return values.map((v, i) => [v, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([v]) => v);
}

function zeroCounts(facets = {}) {
  return Object.fromEntries(Object.entries(facets).map(([facet, values]) =>
    [facet, facet === 'tier' ? values : values.map((v) => ({ ...v, count: 0 }))]));
}

// --- highlights ------------------------------------------------------------------

function utf8Length(codePoint) {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

/**
 * `text` as nodes with the ranges wrapped in <mark part="mark">. The engine's
 * ranges are UTF-8 byte offsets [begin, end); they are turned into string
 * indices code point by code point. Ranges that overlap, are out of order or
 * do not fall on a code point boundary are skipped, never guessed.
 */
export function highlighted(text, ranges) {
  text = String(text ?? '');
  const valid = (Array.isArray(ranges) ? ranges : [])
    .filter((r) => Array.isArray(r) && Number.isInteger(r[0]) && Number.isInteger(r[1]) && r[0] < r[1])
    .sort((a, b) => a[0] - b[0]);
  if (!valid.length) return [text];
  const wanted = new Set(valid.flat());
  const index = new Map();
  let byte = 0;
  let i = 0;
  for (const char of text) {
    if (wanted.has(byte)) index.set(byte, i);
    byte += utf8Length(char.codePointAt(0));
    i += char.length;
  }
  if (wanted.has(byte)) index.set(byte, i);
  const out = [];
  let position = 0;
  for (const [begin, end] of valid) {
    const from = index.get(begin);
    const to = index.get(end);
    if (from === undefined || to === undefined || from < position) continue;
    if (from > position) out.push(text.slice(position, from));
    out.push(el('mark', { part: 'mark' }, text.slice(from, to)));
    position = to;
  }
  if (position < text.length) out.push(text.slice(position));
  return out;
}
