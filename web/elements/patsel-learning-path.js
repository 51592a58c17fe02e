// <patsel-learning-path path="beginner">: a learning path, stage by stage.
// Each pattern comes with its one-line tagline, what it builds on, and a
// checkbox the reader ticks once they have learned it; the progress is kept
// in this browser's localStorage (never sent anywhere), and the next pattern
// to learn is suggested. A chooser switches between the catalog's paths; the
// path chosen is kept in the URL (?path=path.intermediate).
//
// Attributes: path (the path shown first; default: the catalog's first),
//             base-url (prefix of links to pattern pages), catalog (URL of a
//             catalog.json), url-key (query parameter, default "path"; ""
//             keeps the URL alone).
// Events:     patsel-learning-path-load {detail: {path}} when a path is shown;
//             patsel-learning-path-change {detail: {path}} when the reader
//             chose another path (or went back); patsel-learning-path-progress
//             {detail: {path, learned, total, next}} when a tick changed.
// Parts:      see docs/elements/patsel-learning-path.md.

import { PatselElement, attr, loadingBox } from './base.js';
import { el } from './dom.js';
import { patternLink, patternWithTier } from './pattern-refs.js';
import { humanize, joinNodes } from './text.js';
import { learningPathForm } from './url-forms.js';

const css = `
[part~=frame] { min-height: 14rem; }
fieldset { margin: 0 0 1rem; padding: .4rem .75rem .6rem; }
[part~=chooser] .options { display: flex; flex-wrap: wrap; gap: .35rem 1.25rem; }
[part~=chooser] label { display: inline-flex; gap: .4rem; align-items: baseline; cursor: pointer; }
.level { font-size: .85em; }
[part~=title] { margin: 0 0 .25rem; }
[part~=summary] { margin: 0 0 .75rem; }
[part~=progress] { display: flex; flex-wrap: wrap; gap: .4rem .9rem; align-items: center; margin: 0 0 .75rem; }
[part~=meter] { flex: 1 1 10rem; max-width: 20rem; height: .9rem; accent-color: var(--patsel-primary); }
[part~=next] { border-left: 4px solid var(--patsel-primary); margin: 0 0 1rem; }
[part~=next] p { margin: 0; }
[part~=next] p + p, [part~=next] p + button { margin-top: .35rem; }
[part~=note] { margin: 0 0 .75rem; font-style: italic; }
ol[part~=stages] { list-style: none; margin: 0; padding: 0; }
[part~=stage] { margin: 0 0 1rem; }
[part~=stage-title] { margin: 0 0 .4rem; }
[part~=stage] > ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
[part~=item] { padding: .5rem .75rem; }
[part~=item][data-learned] { border-left: 4px solid var(--patsel-primary); }
.head { display: flex; flex-wrap: wrap; gap: .25rem .6rem; align-items: center; }
.head .name { display: inline-flex; flex-wrap: wrap; gap: .1rem .4rem; align-items: baseline; margin-right: auto; font-weight: 600; }
[part~=tick] { display: inline-flex; gap: .35rem; align-items: center; cursor: pointer; font-size: .92em; }
[part~=tick] input { width: 1.05rem; height: 1.05rem; margin: 0; }
[part~=tagline] { margin: .2rem 0 0; }
[part~=needs] { margin: .2rem 0 0; font-size: .9em; }
`;

// Progress when localStorage cannot be used (blocked by the browser): for this page only.
const memory = new Map();

/** The ids of `key` kept in localStorage; `saved` false when storage cannot be read. */
function readProgress(key) {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? '[]');
    return { ids: Array.isArray(value) ? value.filter((id) => typeof id === 'string') : [], saved: true };
  } catch {
    return { ids: memory.get(key) ?? [], saved: false };
  }
}

/** Keeps `ids` under `key`; false when storage cannot be written (they are kept for this page). */
function writeProgress(key, ids) {
  memory.set(key, ids);
  try {
    if (ids.length) localStorage.setItem(key, JSON.stringify(ids));
    else localStorage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

export class PatselLearningPathElement extends PatselElement {
  static tag = 'patsel-learning-path';
  static css = css;
  static urlKey = 'path';
  static attributes = { path: attr.string() };

  #engine;
  #paths = [];
  #current = '';
  #data;
  #info = new Map();   // id -> {title, tier, tagline}
  #learned = new Set();
  #saved = true;

  /** The id of the path shown. */
  get currentPath() { return this.#current; }
  /** The engine's path now shown ({id, title, stages ...}), or undefined. */
  get data() { return this.#data; }
  /** The patterns of the path ticked as learned, in path order. */
  get learned() { return this.#order().filter((id) => this.#learned.has(id)); }

  /** Ticks (or unticks) a pattern of the path as learned, as the reader's click would. */
  markLearned(id, learned = true) {
    if (!this.#order().includes(id) || this.#learned.has(id) === learned) return false;
    if (learned) this.#learned.add(id);
    else this.#learned.delete(id);
    this.#progressChanged();
    return true;
  }

  /** Unticks every pattern of the path. */
  clearProgress() {
    if (!this.#learned.size) return;
    this.#learned.clear();
    this.#progressChanged();
  }

  loadingView() {
    return loadingBox('frame', 'Loading the learning path…');
  }

  failureMessage() {
    return `The learning path "${this.#wanted() || 'of the catalog'}" could not be shown.`;
  }

  loaded(engine) {
    this.#engine = engine;
    this.#paths = engine.paths().paths;
    this.#info = new Map(engine.list({}).patterns.map((p) => [p.id, { title: p.title, tier: p.tier, tagline: null }]));
    const wanted = this.#wanted();
    if (!wanted) {
      this.shadowRoot.replaceChildren(el('p', { part: 'frame', role: 'status' }, 'This catalog has no learning paths.'));
      return;
    }
    this.#show(wanted);
    this.#renderFrame();
    this.emit('patsel-learning-path-load', { path: this.#current });
  }

  attributeChanged(name) {
    if (name === 'base-url' && this.#data) this.#renderBody();
    else this.reload();
  }

  urlRestored() {
    if (!this.#engine) return;
    const wanted = this.#wanted();
    if (!wanted || wanted === this.#current) return;
    this.#show(wanted);
    this.#renderFrame();
    this.emit('patsel-learning-path-change', { path: this.#current });
  }

  // The path to show: the URL's (when the catalog has it), else the attribute's, else the first.
  #wanted() {
    const fromUrl = learningPathForm.read(this.readUrl());
    if (fromUrl && this.#paths.some((p) => p.id === fromUrl)) return fromUrl;
    return this.path || this.#paths[0]?.id || '';
  }

  #show(id) {
    this.#data = this.#engine.path(id);
    this.#current = this.#data.id;
    const { ids, saved } = readProgress(this.#storageKey());
    const order = this.#order();
    this.#learned = new Set(ids.filter((p) => order.includes(p)));
    this.#saved = saved;
  }

  // The reader chose another path: a history entry, then the new path.
  #choose(id) {
    if (id === this.#current) return;
    this.#show(id);
    this.writeUrl(learningPathForm.write(id === (this.path || this.#paths[0]?.id) ? null : id));
    this.#renderBody();
    for (const radio of this.shadowRoot.querySelectorAll('[part~=chooser] input')) radio.checked = radio.value === this.#current;
    this.emit('patsel-learning-path-change', { path: this.#current });
  }

  #storageKey() {
    return `patsel-learning-path:${this.catalog ?? 'shipped'}:${this.#current}`;
  }

  /** The ids of the path in order, each once. */
  #order() {
    return [...new Set((this.#data?.stages ?? []).flatMap((s) => s.patterns.map((p) => p.pattern)))];
  }

  #tagline(id) {
    const info = this.#info.get(id);
    if (info && info.tagline === null) {
      try {
        const { pattern } = this.#engine.pattern(id);
        info.tagline = pattern.tagline || pattern.summary || '';
      } catch {
        info.tagline = '';
      }
    }
    return info?.tagline ?? '';
  }

  #renderFrame() {
    const parts = [];
    if (this.#paths.length > 1) {
      const chooser = el('fieldset', { part: 'chooser' }, el('legend', {}, 'Learning path'),
        el('div', { class: 'options' }, this.#paths.map((p) => el('label', {},
          el('input', { type: 'radio', name: 'path', value: p.id, checked: p.id === this.#current }),
          el('span', {}, p.title, ' ', el('span', { class: 'level muted' }, `(${humanize(p.level)})`))))));
      chooser.addEventListener('change', (event) => this.#choose(event.target.value));
      parts.push(chooser);
    }
    parts.push(el('div', { part: 'body' }));
    this.shadowRoot.replaceChildren(el('section', { part: 'frame', 'aria-label': 'Learning path' }, ...parts));
    this.#renderBody();
  }

  #renderBody() {
    const body = this.shadowRoot.querySelector('[part~=body]');
    const d = this.#data;
    const clear = el('button', { type: 'button', part: 'clear', class: 'quiet' }, 'Clear progress');
    clear.addEventListener('click', () => this.clearProgress());
    const stages = el('ol', { part: 'stages' }, d.stages.map((stage, i) => el('li', { part: 'stage' },
      el('h4', { part: 'stage-title' }, `Stage ${i + 1}: ${stage.title}`),
      el('ul', {}, stage.patterns.map((p) => this.#item(p))))));
    body.replaceChildren(...[
      el('h3', { part: 'title' }, d.title),
      d.summary ? el('p', { part: 'summary' }, d.summary) : null,
      el('div', { part: 'progress' },
        el('span', { id: 'progress-label', part: 'progress-label' }),
        el('progress', { part: 'meter', 'aria-labelledby': 'progress-label' }), clear),
      this.#saved ? null : el('p', { part: 'note', class: 'muted' }, 'This browser does not let the page keep your progress; it lasts until you leave the page.'),
      el('div', { part: 'next', class: 'panel' }),
      stages].filter(Boolean));
    this.#showProgress();
  }

  #item(p) {
    const box = el('input', { type: 'checkbox', value: p.pattern, checked: this.#learned.has(p.pattern) });
    box.addEventListener('change', () => this.markLearned(p.pattern, box.checked));
    const tagline = this.#tagline(p.pattern);
    return el('li', { part: 'item', class: 'panel', 'data-pattern': p.pattern, 'data-learned': this.#learned.has(p.pattern) },
      el('div', { class: 'head' },
        el('span', { class: 'name' }, patternWithTier(this.baseUrl, p)),
        el('label', { part: 'tick' }, box, el('span', {}, 'Learned'), el('span', { class: 'visually-hidden' }, `: ${p.title}`))),
      tagline ? el('p', { part: 'tagline' }, tagline) : null,
      this.#needs(p));
  }

  // What the pattern builds on: taught earlier in the path, or to read first.
  #needs(p) {
    const brief = (id) => ({ pattern: id, ...(this.#info.get(id) ?? { title: id }) });
    const links = (ids) => joinNodes(ids.map((id) => patternLink(this.baseUrl, brief(id))), ', ', ' and ');
    const covered = p.requires.filter((id) => !p.uncovered.includes(id));
    if (!covered.length && !p.uncovered.length) return null;
    return el('p', { part: 'needs', class: 'muted' },
      ...(covered.length ? ['Builds on ', ...links(covered), ' (in this path).'] : []),
      covered.length && p.uncovered.length ? ' ' : null,
      ...(p.uncovered.length ? ['Needs ', ...links(p.uncovered), ', which this path does not cover.'] : []));
  }

  #progressChanged() {
    writeProgress(this.#storageKey(), this.learned);
    for (const item of this.shadowRoot.querySelectorAll('[part~=item]')) {
      const learned = this.#learned.has(item.dataset.pattern);
      item.toggleAttribute('data-learned', learned);
      item.querySelector('input').checked = learned;
    }
    this.#showProgress();
    this.emit('patsel-learning-path-progress', { path: this.#current, learned: this.learned, total: this.#order().length, next: this.#next() ?? null });
  }

  #next() {
    return this.#order().find((id) => !this.#learned.has(id));
  }

  #showProgress() {
    const root = this.shadowRoot;
    const total = this.#order().length;
    const learned = this.learned.length;
    root.querySelector('[part~=progress-label]').textContent = `Learned ${learned} of ${total} ${total === 1 ? 'pattern' : 'patterns'}`;
    const meter = root.querySelector('[part~=meter]');
    meter.max = Math.max(total, 1);
    meter.value = learned;
    root.querySelector('[part~=clear]').disabled = learned === 0;

    const box = root.querySelector('[part~=next]');
    const next = this.#next();
    if (next) {
      const stage = this.#data.stages.findIndex((s) => s.patterns.some((p) => p.pattern === next));
      const brief = this.#data.stages[stage].patterns.find((p) => p.pattern === next);
      const tagline = this.#tagline(next);
      box.replaceChildren(
        el('p', {}, el('strong', {}, learned ? 'Next: ' : 'Start with: '), patternLink(this.baseUrl, brief),
          ` (stage ${stage + 1})`),
        ...(tagline ? [el('p', { part: 'next-tagline' }, tagline)] : []));
      return;
    }
    const after = this.#paths[this.#paths.findIndex((p) => p.id === this.#current) + 1];
    const go = after ? el('button', { type: 'button', part: 'next-path', class: 'primary' }, `Go on to: ${after.title}`) : null;
    go?.addEventListener('click', () => {
      this.#choose(after.id);
      this.shadowRoot.querySelector('[part~=chooser] input:checked')?.focus();
    });
    box.replaceChildren(el('p', {}, el('strong', {}, 'Well done: '), 'you have learned every pattern of this path.'), ...(go ? [go] : []));
  }
}
