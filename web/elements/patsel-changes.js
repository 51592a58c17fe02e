// <patsel-changes>: what changed in the catalog, grouped by kind of change.
// Two ways to count from:
//
// - since a date: the tier changes the pages record (`tier_history`, with
//   their reasons), the tier reviews, the libraries that went into
//   maintenance or were archived and the adoption reported since then
//   (the engine's health.changes and each pattern's sourced signals);
// - since a release: `since-catalog` names an older catalog.json on the
//   site's own server; the element fetches it and the engine compares:
//   patterns added and removed, tier, status and relevance moves,
//   relations, decision trees.
//
// The choice is kept in the URL (?changes=since.2024-06, ?changes=release),
// so a view can be shared and Back undoes a change.
//
// Attributes: since (YYYY-MM or YYYY: the date shown at first; none: every
//             recorded change), since-catalog (URL of an older catalog.json,
//             same origin as the page; when set, shown at first),
//             since-label (the older catalog's name for readers, e.g.
//             "the 2026-11 release"), base-url, catalog, url-key (default
//             "changes"; "" keeps the URL alone).
// Events:     patsel-changes-load {detail: {view, since}} when changes are
//             shown; patsel-changes-change {detail: {view, since}} after the
//             reader chose another date or view (or went back).
// Parts:      see docs/elements/patsel-changes.md.

import { PatselElement, attr, loadingBox } from './base.js';
import { el, errorBox } from './dom.js';
import { STATE_WORDS, datetimeOf, monthText, sinceDate } from './health-words.js';
import { patternLink } from './pattern-refs.js';
import { relationPhrase } from './relations.js';
import { count, humanize, lowerFirst } from './text.js';
import { tierBadge } from './tiers.js';
import { changesForm } from './url-forms.js';

const css = `
[part~=frame] { min-height: 14rem; }
[part~=controls] { margin: 0 0 .75rem; padding: .35rem .75rem .6rem; min-width: 0; }
[part~=controls] legend { padding: 0 .25rem; }
.choice { display: flex; flex-wrap: wrap; gap: .35rem .6rem; align-items: center; margin: .2rem 0; }
.choice label { display: inline-flex; gap: .35rem; align-items: center; cursor: pointer; }
input[type=month], input[type=text] { max-width: 100%; min-width: 0; }
[part~=date-error] { color: var(--patsel-danger); margin: .2rem 0 0; }
[part~=status] { margin: 0 0 .6rem; font-weight: 600; }
[part~=group] { margin: 0 0 1rem; }
[part~=group] h3 { margin: 0 0 .35rem; font-size: 1.05em; }
[part~=group] h4 { margin: .5rem 0 .25rem; font-size: .95em; }
[part~=group] ul { margin: 0; padding-left: 1.15rem; }
[part~=group] li + li { margin-top: .3rem; }
[part~=group] li { overflow-wrap: anywhere; }
[part~=reason] { display: block; }
[part~=empty] { font-style: italic; }
`;

// Older catalogs fetched, by URL: one fetch per page, Retry fetches again.
const olderTexts = new Map();
// Diffs made, per engine and URL.
const diffs = new WeakMap();

/** The older catalog's URL resolved against the page, refused unless it is the page's own server (http or https). */
export function olderCatalogUrl(text, base = document.baseURI, origin = location.origin) {
  let url;
  try {
    url = new URL(text, base);
  } catch {
    throw new Error(`"${text}" is not an address.`);
  }
  if (!/^https?:$/.test(url.protocol) || url.origin !== origin) throw new Error(`${url.href} is not on this site, and only the site’s own files are read.`);
  return url;
}

async function fetchOlder(url, fresh) {
  if (fresh) olderTexts.delete(url.href);
  if (!olderTexts.has(url.href)) {
    const text = fetch(url, { credentials: 'same-origin', cache: fresh ? 'no-cache' : 'default' }).then(async (response) => {
      if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
      return response.text();
    });
    olderTexts.set(url.href, text);
    text.catch(() => olderTexts.delete(url.href));
  }
  return olderTexts.get(url.href);
}

export class PatselChangesElement extends PatselElement {
  static tag = 'patsel-changes';
  static css = css;
  static urlKey = 'changes';
  static attributes = {
    since: attr.string(),
    sinceCatalog: attr.string(),
    sinceLabel: attr.string(),
  };

  #engine;
  #titles = new Map();
  #view;           // {view: 'date'|'release', since}, or undefined = the attributes'
  #request = 0;
  #result;
  #signals;        // the sourced dated signals, once per load

  /** What the changes are counted from now: {view: 'date' | 'release', since}. */
  get currentView() { return this.#view ?? this.#defaultView(); }
  /** The answer shown: {view, changes} (health.changes and signals) or {view, diff}; undefined while loading. */
  get result() { return this.#result; }

  loadingView() {
    return loadingBox('frame', 'Loading the changes…');
  }

  failureMessage() {
    return 'The changes could not be shown.';
  }

  loaded(engine) {
    this.#engine = engine;
    this.#signals = undefined;
    this.#titles = new Map(engine.list({}).patterns.map((p) => [p.id, p]));
    const saved = changesForm.read(this.readUrl());
    this.#view = saved && (saved.view === 'date' || this.sinceCatalog) ? saved : undefined;
    this.#renderFrame();
  }

  attributeChanged(name) {
    if (!this.#engine || name === 'catalog') {
      this.reload();
      return;
    }
    if (name !== 'base-url') this.#view = undefined;
    this.#renderFrame();
  }

  urlRestored(value) {
    if (!this.#engine) return;
    const saved = changesForm.read(value);
    this.#view = saved && (saved.view === 'date' || this.sinceCatalog) ? saved : undefined;
    this.#showChoice();
    this.#renderBody();
    this.emit('patsel-changes-change', this.currentView);
  }

  #defaultView() {
    if (this.sinceCatalog) return { view: 'release', since: '' };
    return { view: 'date', since: sinceDate(this.since) ?? '' };
  }

  #releaseName() {
    return this.sinceLabel || 'the older catalog';
  }

  // The reader chose another view or date: a history entry, a redraw and an event.
  #choose(view) {
    this.#view = view;
    const same = view.view === this.#defaultView().view && (view.view === 'release' || view.since === this.#defaultView().since);
    this.writeUrl(same ? null : changesForm.write(view));
    this.#renderBody();
    this.emit('patsel-changes-change', view);
  }

  #renderFrame() {
    const month = el('input', { type: 'month', id: 'since-date', part: 'date', 'aria-describedby': 'date-hint', min: '1900-01', max: '2199-12' });
    const dateRadio = el('input', { type: 'radio', name: 'view', value: 'date', id: 'view-date' });
    const releaseRadio = this.sinceCatalog ? el('input', { type: 'radio', name: 'view', value: 'release', id: 'view-release' }) : null;
    const dateError = el('p', { part: 'date-error', id: 'date-hint', hidden: true }, 'Give a month as YYYY-MM, or a year.');
    const pickDate = () => {
      const since = month.value === '' ? '' : sinceDate(month.value);
      dateError.hidden = since !== null;
      if (since === null) return;
      dateRadio.checked = true;
      this.#choose({ view: 'date', since });
    };
    month.addEventListener('change', pickDate);
    dateRadio.addEventListener('change', pickDate);
    releaseRadio?.addEventListener('change', () => this.#choose({ view: 'release', since: '' }));
    const controls = el('fieldset', { part: 'controls' }, el('legend', {}, 'Changes since'),
      el('div', { class: 'choice' }, el('label', { for: 'view-date' }, dateRadio, 'a date'),
        el('label', { class: 'visually-hidden', for: 'since-date' }, 'Month to count changes from'), month,
        el('span', { class: 'hint muted' }, 'empty: every recorded change')),
      dateError,
      releaseRadio ? el('div', { class: 'choice' }, el('label', { for: 'view-release' }, releaseRadio, this.#releaseName())) : null);
    this.shadowRoot.replaceChildren(el('section', { part: 'frame', 'aria-label': 'What changed' },
      controls, el('p', { part: 'status', role: 'status' }), el('div', { part: 'body' })));
    this.#showChoice();
    this.#renderBody();
  }

  #showChoice() {
    const root = this.shadowRoot;
    const view = this.currentView;
    root.querySelector('#view-date').checked = view.view === 'date';
    const release = root.querySelector('#view-release');
    if (release) release.checked = view.view === 'release';
    root.querySelector('#since-date').value = view.view === 'date' && /^\d{4}-\d{2}$/.test(view.since) ? view.since : view.view === 'date' && view.since ? `${view.since}-01` : '';
    root.querySelector('[part~=date-error]').hidden = true;
  }

  #renderBody() {
    const request = ++this.#request;
    this.#result = undefined;
    const view = this.currentView;
    if (view.view === 'release') this.#showRelease(request, false);
    else this.#showDate(view.since);
  }

  // --- since a date -------------------------------------------------------------

  #showDate(since) {
    const status = this.shadowRoot.querySelector('[part~=status]');
    const body = this.shadowRoot.querySelector('[part~=body]');
    let changes;
    try {
      changes = this.#engine.healthChanges(since ? { since } : {});
    } catch (error) {
      status.textContent = '';
      body.replaceChildren(errorBox('The changes could not be shown.', error, () => this.#renderBody()));
      return;
    }
    const { libraries, adoption } = this.#datedSignals(since);
    this.#result = { view: 'date', since, changes, libraries, adoption };
    const groups = [
      this.#group('tier-moves', 'Tier moves', changes.tier_changes, (c) => [
        patternLink(this.baseUrl, c), ': ', c.from, ' to ', c.to, ', ', this.#time(c.date), '. ', tierBadge(c.to),
        c.reason ? el('span', { part: 'reason' }, c.reason) : null]),
      this.#group('reviews', 'Tier reviews', changes.reviewed, (r) => [patternLink(this.baseUrl, r), ' reviewed in ', this.#time(r.reviewed), '.']),
      this.#group('libraries', 'Libraries that went into maintenance or were archived', libraries, (s) => [
        el('span', { class: 'name' }, s.library), s.ecosystem ? ` (${s.ecosystem})` : '', ', used by ', patternLink(this.baseUrl, s.brief), ': ',
        STATE_WORDS[s.state], ' as of ', this.#time(s.as_of), '.', s.note ? ` ${s.note}` : '']),
      this.#group('adoption', 'Adoption reported', adoption, (a) => [patternLink(this.baseUrl, a.brief), ': ', a.fact, ' (', this.#time(a.year), ')']),
    ].filter(Boolean);
    status.textContent = since
      ? (groups.length ? `What changed since ${monthText(since)}:` : `Nothing recorded changed since ${monthText(since)}.`)
      : (groups.length ? 'Every change the catalog records:' : 'The catalog records no change.');
    body.replaceChildren(...groups);
    this.emit('patsel-changes-load', { view: 'date', since });
  }

  // The sourced library states (maintenance, archived) and adoption facts
  // dated at or after `since`, newest first: dated facts the pages record.
  #datedSignals(since) {
    const from = since ? monthIndex(since) : -Infinity;
    this.#signals ??= this.#sourcedSignals();
    return {
      libraries: this.#signals.libraries.filter((s) => monthIndex(s.as_of) >= from),
      adoption: this.#signals.adoption.filter((a) => monthIndex(a.year) >= from),
    };
  }

  // Every sourced library state that is news (maintenance, archived) and
  // every sourced adoption fact, newest first, once per load.
  #sourcedSignals() {
    const libraries = [], adoption = [];
    for (const p of this.#engine.healthList({ signals: true }).patterns) {
      if (!p.signals?.some((s) => (s.id === 'maintained' || s.id === 'adoption') && s.known)) continue;
      const h = this.#engine.health(p.pattern);
      const brief = { pattern: p.pattern, title: p.title, tier: p.tier };
      for (const s of h.implementations) if (s.source && (s.state === 'maintenance' || s.state === 'archived')) libraries.push({ ...s, brief });
      for (const a of h.adoption) if (a.source) adoption.push({ ...a, brief });
    }
    const newest = (date) => (a, b) => monthIndex(date(b)) - monthIndex(date(a));
    return { libraries: libraries.sort(newest((s) => s.as_of)), adoption: adoption.sort(newest((a) => a.year)) };
  }

  // --- since a release ------------------------------------------------------------

  async #showRelease(request, fresh) {
    const status = this.shadowRoot.querySelector('[part~=status]');
    const body = this.shadowRoot.querySelector('[part~=body]');
    const name = this.#releaseName();
    status.textContent = '';
    body.replaceChildren(loadingBox('body', `Loading ${name}…`));
    let diff;
    try {
      const url = olderCatalogUrl(this.sinceCatalog);
      const cache = diffs.get(this.#engine) ?? new Map();
      diffs.set(this.#engine, cache);
      if (fresh) cache.delete(url.href);
      if (!cache.has(url.href)) {
        const text = await fetchOlder(url, fresh);
        if (request !== this.#request) return;
        cache.set(url.href, this.#engine.diff(text));
      }
      diff = cache.get(url.href);
    } catch (error) {
      if (request !== this.#request) return;
      const box = errorBox(`${humanizeFirst(name)} could not be compared with this catalog.`, error, () => {
        const again = ++this.#request;
        this.#showRelease(again, true);
      });
      body.replaceChildren(box);
      if (fresh) box.querySelector('button')?.focus();
      return;
    }
    if (request !== this.#request) return;
    this.#result = { view: 'release', diff };
    const title = (id) => this.#titles.get(id)?.title ?? id;
    const brief = (id) => ({ pattern: id, title: title(id) });
    const move = (m) => [patternLink(this.baseUrl, m), ': ', words(m.from), ' to ', words(m.to), '.'];
    const relation = (r) => [patternLink(this.baseUrl, brief(r.from)), ` ${relationPhrase(r.relation)} `, patternLink(this.baseUrl, brief(r.to)), '.'];
    const relations = diff.relations_added.length + diff.relations_removed.length ? el('section', { part: 'group', 'data-group': 'relations', 'aria-labelledby': 'group-relations' },
      el('h3', { id: 'group-relations' }, `Relations (${diff.relations_added.length + diff.relations_removed.length})`),
      diff.relations_added.length ? [el('h4', {}, 'Now stated'), el('ul', { part: 'relations-added' }, diff.relations_added.map((r) => el('li', {}, relation(r))))] : null,
      diff.relations_removed.length ? [el('h4', {}, 'No longer stated'), el('ul', { part: 'relations-removed' }, diff.relations_removed.map((r) => el('li', {}, relation(r))))] : null) : null;
    const treeKinds = [['Added', diff.trees_added], ['Removed', diff.trees_removed], ['Changed', diff.trees_changed]].filter(([, list]) => list.length);
    const treeCount = diff.trees_added.length + diff.trees_removed.length + diff.trees_changed.length;
    const trees = treeCount ? el('section', { part: 'group', 'data-group': 'trees', 'aria-labelledby': 'group-trees' },
      el('h3', { id: 'group-trees' }, `Decision trees (${treeCount})`),
      treeKinds.map(([kind, list]) => [el('h4', {}, kind), el('ul', { part: `trees-${kind.toLowerCase()}` }, list.map((t) => el('li', {}, t.title)))])) : null;
    const groups = [
      this.#group('added', 'Added', diff.added, (p) => [patternLink(this.baseUrl, p), ' ', tierBadge(p.tier)]),
      this.#group('removed', 'Removed', diff.removed, (p) => [el('span', { class: 'name' }, p.title), ' (was ', p.tier, ')']),
      this.#group('tier-moves', 'Tier moves', diff.tier_moves, (m) => [...move(m), ' ', tierBadge(m.to)]),
      this.#group('status', 'Status', diff.status_moves, move),
      this.#group('relevance', 'Relevance', diff.relevance_changes, move),
      relations,
      trees,
    ].filter(Boolean);
    status.textContent = diff.same
      ? `Nothing changed since ${name}.`
      : `Since ${name} (${count(diff.old.patterns, 'pattern')} then, ${diff.new.patterns} now):`;
    body.replaceChildren(...groups);
    this.emit('patsel-changes-load', { view: 'release', since: '' });
  }

  // --- shared ----------------------------------------------------------------------

  #group(id, title, items, line) {
    if (!items.length) return null;
    return el('section', { part: 'group', 'data-group': id, 'aria-labelledby': `group-${id}` },
      el('h3', { id: `group-${id}` }, `${title} (${items.length})`),
      el('ul', {}, items.map((item) => el('li', {}, line(item)))));
  }

  #time(date) {
    return el('time', { datetime: datetimeOf(date) ?? undefined }, monthText(date));
  }
}

// A status or relevance as words: "recommended", "not stated" for none.
function words(value) {
  return value ? lowerFirst(humanize(value)) : 'not stated';
}

function humanizeFirst(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// "2024-06" -> 2024 * 12 + 5; "2024" -> its January; anything else -Infinity.
function monthIndex(date) {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(String(date ?? ''));
  return match ? Number(match[1]) * 12 + (match[2] ? Number(match[2]) - 1 : 0) : -Infinity;
}
