// <patsel-tree tree="distributed-transactions">: a clickable decision tree.
// One question at a time with its help text; the answers so far, each of
// which can be changed; Back and Restart; the result as tiered picks (gold,
// silver, bronze) with the tree author's reason and a link to each pattern's
// page; and a diagram of the whole tree with the path taken highlighted.
// Every step is the engine's stateless `tree.step`, so the walk is one
// session string, kept in the address bar (shareable, back button):
// ?tree=session.distributed-transactions.5c1e09ab.services_tier.gold.silver.
//
// Attributes: tree (id; without it the element offers the catalog's trees),
//             tiers (allowed result levels, e.g. "gold silver"; default "gold"),
//             base-url (prefix of links to pattern pages), catalog (URL of a
//             catalog.json; default: the shipped one), url-key (query
//             parameter for the session; default "tree", "" = off),
//             diagram-open (show the diagram expanded).
// Events:     patsel-tree-before-answer (cancelable), patsel-tree-answer,
//             patsel-tree-change, patsel-tree-result.
// Parts:      see docs/elements/patsel-tree.md.

import { PatselElement, attr, loadingBox } from './base.js';
import { el, errorBox, patternHref, svgEl, svgText } from './dom.js';
import { joinWords, wrapCut } from './text.js';
import { TIER_IDS, checkedTiers, parseTiers, sameTiers, showTiers, tierCheckboxes } from './tiers.js';
import { edgePath, layoutTree } from './tree-layout.js';
import { treeForm } from './url-forms.js';

const HEADINGS = { gold: 'Gold: the best choices', silver: 'Silver: worth considering', bronze: 'Bronze: legacy, avoid for new work' };
// A saved walk the engine cannot continue: show its message and a Restart.
const SESSION_ERRORS = new Set(['tree.stale_session', 'tree.bad_session', 'tree.too_many_steps']);

const css = `
[part~=container] { min-height: 16rem; }
[part~=title] { margin: 0 0 .25rem; font-size: 1.15em; }
.heading { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .25rem 1rem; }
[part~=title]:focus { outline: none; }
[part~=title]:focus-visible { outline: 2px solid var(--patsel-focus); outline-offset: 2px; }
[part~=picker-group] { margin: 0 0 1rem; }
[part~=picker-heading] { margin: 0 0 .4rem; font-size: 1em; }
[part~=picker] [part~=help] { margin: .2rem 0 0; font-size: .92em; }
[part~=option][aria-current=true] { border-color: var(--patsel-link); }
[part~=description] { margin: 0 0 .75rem; }
fieldset { margin: 0 0 .75rem; padding: .4rem .75rem .6rem; }
[part~=tiers] { display: flex; flex-wrap: wrap; gap: .4rem 1.25rem; }
[part~=tiers] legend { font-weight: 600; padding: 0 .25rem; }
[part~=tiers] label { display: inline-flex; gap: .35rem; align-items: center; cursor: pointer; }
.hint { font-size: .85em; }
[part~=path] { margin: 0 0 .75rem; }
[part~=path] > p { margin: 0 0 .25rem; font-weight: 600; }
[part~=path] ol { margin: 0; padding-left: 1.4rem; display: grid; gap: .3rem; }
[part~=path] li > span { margin-right: .4rem; }
.question-text { color: var(--patsel-text-muted); }
[part~=step] { border: 1px solid var(--patsel-border); border-radius: var(--patsel-radius); padding: .75rem 1rem; margin: 0 0 .75rem; }
h4 { margin: 0 0 .35rem; font-size: 1.05em; }
h4:focus { outline: none; }
h4:focus-visible { outline: 2px solid var(--patsel-focus, var(--patsel-focus-color)); outline-offset: 2px; }
[part~=help] { margin: 0 0 .6rem; color: var(--patsel-text-muted); }
[part~=options] { list-style: none; margin: 0; padding: 0; display: grid; gap: .45rem; }
[part~=option] { width: 100%; text-align: left; padding: .55rem .8rem; border-width: 2px;
  border-color: var(--patsel-option-border, var(--patsel-field-border)); }
[part~=option]:hover { border-color: var(--patsel-link); }
[part~=change] { font-size: .85em; }
[part~=controls] { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 .75rem; }
[part~=summary] { margin: 0 0 .6rem; }
[part~=level] { border-left: 4px solid var(--accent); background: var(--tint); border-radius: 4px; padding: .4rem .75rem; margin: 0 0 .5rem; }
h5 { margin: 0 0 .3rem; font-size: 1em; color: var(--accent); }
[part~=level] ul { margin: 0; padding-left: 1.1rem; display: grid; gap: .35rem; }
[part~=reason] { margin: .1rem 0 0; }
[part~=excluded], [part~=empty] { margin: .4rem 0 0; font-style: italic; }
[part~=problem] { border: 1px solid var(--patsel-danger); border-left-width: 4px; border-radius: var(--patsel-radius); padding: .75rem; }
[part~=problem] p { margin: 0 0 .5rem; }
[part~=picker] ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem 1rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr)); }
[part~=picker] li { display: flex; flex-direction: column; gap: .2rem; }
[part~=picker] [part~=option] { font-weight: 600; }
[part~=picker] .chip { font-weight: 400; font-size: .8em; margin-left: .4rem; }
[part~=diagram] > summary, [part~=outline] > summary { cursor: pointer; font-weight: 600; }
.scroll { overflow-x: auto; margin: .5rem 0; }
svg { display: block; max-width: none; font-size: 12px; }
svg text { fill: var(--patsel-text); }
.node rect { fill: var(--patsel-node-background, transparent); stroke: var(--patsel-border-color); stroke-width: 1.5; }
.node.result rect { fill: var(--patsel-gold-bg); }
.node.visited rect { stroke: var(--patsel-path-color, var(--patsel-focus-color)); stroke-width: 2.5; }
.node.current rect { stroke: var(--patsel-path-color, var(--patsel-focus-color)); stroke-width: 4; stroke-dasharray: 6 3; }
.node.current text { font-weight: 700; }
.edge path { fill: none; stroke: var(--patsel-border-color); stroke-width: 1.5; }
.edge.chosen path { stroke: var(--patsel-path-color, var(--patsel-focus-color)); stroke-width: 3; }
.edge text { font-size: 11px; paint-order: stroke; stroke: var(--patsel-background); stroke-width: 4px; stroke-linejoin: round; }
.edge.chosen text { font-weight: 700; }
[part~=outline] ul { margin: .25rem 0; padding-left: 1.25rem; }
.mark { font-weight: 700; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;

export class PatselTreeElement extends PatselElement {
  static tag = 'patsel-tree';
  static css = css;
  static urlKey = 'tree';
  static attributes = {
    tree: attr.string(),
    /** The result levels allowed at first ("gold" unless set). */
    tiers: attr.list(' ', 'gold'),
    diagramOpen: attr.boolean(),
  };

  #engine;
  #diagram;       // tree.get: the whole tree
  #layout;        // its diagram's layout (tree-layout.js), once per tree
  #step;          // the last tree.step result
  #allowed;       // the result levels shown, or undefined = the attribute's
  #problem;       // a session the engine refused: {error}
  #treeId;        // the tree shown; undefined while the list of trees is
  #shown = false; // something was shown (later changes of `tree` come from the page)
  #attributeWins = false;
  #parts = {};

  /** The result levels shown now (the checkboxes), e.g. ['gold', 'silver']. */
  get allowedTiers() { return [...(this.#allowed ?? parseTiers(this.tiers))]; }
  /** The current session string (empty before the first step). */
  get session() { return this.#step?.session ?? ''; }
  /** The last step: {tree, session, path, question, result}, or undefined. */
  get step() { return this.#step; }

  /** Answers the current question with an option id (as a click would, events included). */
  answer(optionId) { return this.#answer(optionId, false); }
  /** Goes back `steps` answers (default 1). */
  back(steps = 1) { return this.#go({ back: steps }, { push: true }); }
  /** Starts the walk again. */
  restart() { return this.#go({ restart: true }, { push: true }); }

  attributeChanged(name) {
    if (name === 'diagram-open') {
      if (this.#parts.diagram) this.#parts.diagram.open = this.diagramOpen;
    } else if (name === 'base-url') {
      if (this.#step) this.#render();
    } else if (name === 'tiers') {
      this.#allowed = undefined;
      if (this.#step) this.#go({}, { push: false });
    } else {
      if (name === 'catalog') this.#engine = undefined;
      if (name === 'tree') {
        this.#step = undefined;
        this.#treeId = undefined;
        // Set by the page once the element has shown something: the page's tree wins over the URL's.
        if (this.#shown) this.#attributeWins = true;
      }
      this.reload();  // attributes set together (tree and catalog) give one load
    }
  }

  loadingView() {
    return loadingBox('container', 'Loading the decision tree…');
  }

  failureMessage() {
    return this.#treeId || this.tree ? `The decision tree "${this.#treeId || this.tree}" could not be shown.` : 'The decision trees could not be shown.';
  }

  // What opens: the list of trees or a walk saved in the URL (in the tree
  // the engine says it belongs to); else the tree shown before (the element
  // moved), else the `tree` attribute's, else the list of trees.
  loaded(engine) {
    this.#engine = engine;
    this.#shown = true;
    const saved = this.#attributeWins ? undefined : this.#savedState();
    if (this.#attributeWins) {
      this.#attributeWins = false;
      if (this.readUrl() !== null) this.writeUrl(null, { replace: true });
    }
    if (saved?.picker) {
      this.#showPicker();
      return;
    }
    const treeId = saved?.tree || this.#treeId || this.tree;
    if (!treeId) {
      this.#showPicker();
      return;
    }
    this.#openTree(treeId);
    if (saved?.tree === treeId) {
      this.#allowed = saved.tiers;
      this.#arrive(saved.step, saved.error, { push: false, replace: false });
    } else if (this.#step && this.#step.tree.id === treeId) {
      this.#go({ session: this.#step.session }, { push: false, replace: false });
    } else {
      this.#go({}, { push: false, replace: false });
    }
  }

  urlRestored() {
    if (!this.#engine) return;
    const saved = this.#savedState();
    if (saved?.picker) {
      this.#showPicker();
      return;
    }
    const treeId = saved?.tree || this.tree;
    if (!treeId) {
      this.#showPicker();
      return;
    }
    if (treeId !== this.#treeId) this.#openTree(treeId);
    this.#allowed = saved?.tiers;
    if (saved) this.#arrive(saved.step, saved.error, { push: false, replace: false });
    else {
      this.#step = undefined;
      this.#problem = undefined;
      this.#go({}, { push: false, replace: false });
    }
  }

  // The catalog's trees, grouped by the problem they answer (in the
  // engine's order: groups as their first tree comes), each a button with
  // its description. `push`: a history entry of its own (chosen from inside a tree).
  #showPicker({ push = false, focus = false } = {}) {
    const { trees } = this.#engine.trees();
    const current = this.#treeId;
    this.#treeId = undefined;
    this.#step = undefined;
    this.#problem = undefined;
    this.#diagram = undefined;
    this.#parts = {};
    const option = (t) => {
      const button = el('button', { type: 'button', part: 'option', 'data-tree': t.id, 'aria-current': t.id === current ? 'true' : null,
        'aria-describedby': t.description ? `tree-${t.id}` : null }, t.title, t.id === current ? el('span', { class: 'chip' }, 'the tree you were in') : null);
      button.addEventListener('click', () => this.#pick(t.id));
      return el('li', {}, button, t.description ? el('p', { part: 'help', id: `tree-${t.id}` }, t.description) : null);
    };
    const groups = new Map();
    for (const t of trees) {
      const group = typeof t.group === 'string' && t.group ? t.group : '';
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group).push(t);
    }
    const grouped = groups.size > 1 || !groups.has('');
    const body = !trees.length ? el('p', {}, 'This catalog has no decision trees.')
      : grouped ? [...groups].map(([group, list]) => el('section', { part: 'picker-group', 'aria-label': group || 'Other trees' },
        el('h4', { part: 'picker-heading' }, group || 'Other trees'), el('ul', {}, list.map(option))))
        : el('ul', {}, trees.map(option));
    const heading = el('h3', { part: 'title', tabindex: '-1' }, 'Choose a decision tree');
    this.shadowRoot.replaceChildren(el('div', { part: 'container picker' }, heading,
      trees.length ? el('p', { part: 'description' }, 'Find the problem closest to yours. Each tree asks a few questions and ends with the patterns that fit.') : null,
      body));
    if (push && this.urlEnabled) this.writeUrl(treeForm.write({ picker: true }));
    if (focus) heading.focus();
  }

  // A tree chosen from the list: in the URL at once (Back returns to the list), focus on its first question.
  #pick(id) {
    this.#openTree(id);
    this.#allowed = undefined;
    this.#go({}, { push: true, focus: true, fresh: false });
  }

  #openTree(id) {
    this.#treeId = id;
    this.#step = undefined;
    this.#problem = undefined;
    this.#diagram = this.#engine.tree(id);
    this.#layout = layoutTree(this.#diagram);
    this.#buildFrame();
  }

  // The parts that stay while the walk moves on; #render fills them.
  #buildFrame() {
    const p = this.#parts = {};
    p.title = el('h3', { part: 'title' }, this.#diagram.title);
    p.choose = el('button', { type: 'button', part: 'choose-tree', class: 'quiet' }, 'Choose another tree');
    p.choose.addEventListener('click', () => this.#showPicker({ push: true, focus: true }));
    p.description = this.#diagram.description ? el('p', { part: 'description' }, this.#diagram.description) : null;
    p.tiers = tierCheckboxes('Recommendations to show');
    p.tiers.addEventListener('change', () => {
      this.#allowed = checkedTiers(p.tiers);
      this.#go({}, { push: true });
    });
    p.path = el('nav', { part: 'path', 'aria-label': 'Your answers so far' });
    p.step = el('div', { part: 'step' });
    p.back = el('button', { type: 'button', part: 'back' }, 'Back');
    p.back.addEventListener('click', () => this.#go({ back: 1 }, { push: true, focus: true }));
    p.restart = el('button', { type: 'button', part: 'restart' }, 'Restart');
    p.restart.addEventListener('click', () => this.#go({ restart: true }, { push: true, focus: true }));
    p.controls = el('div', { part: 'controls' }, p.back, p.restart);
    p.status = el('p', { part: 'status', role: 'status', class: 'sr-only' });
    p.svgBox = el('div', { class: 'scroll' });
    p.outline = el('details', { part: 'outline' }, el('summary', {}, 'Text version of the diagram'));
    p.diagram = el('details', { part: 'diagram', open: this.diagramOpen },
      el('summary', {}, 'Overview of the whole tree'), p.svgBox, p.outline);
    this.shadowRoot.replaceChildren(el('section', { part: 'container', 'aria-label': `Decision tree: ${this.#diagram.title}` },
      el('div', { class: 'heading' }, p.title, p.choose), p.description, p.tiers, p.path, p.step, p.controls, p.status, p.diagram));
    this.#drawDiagram();
  }

  #answer(optionId, focus) {
    const question = this.#step?.question;
    if (!question) return;
    const detail = { tree: this.#step.tree.id, question: question.id, answer: optionId };
    const go = this.emit('patsel-tree-before-answer', detail, { cancelable: true });
    if (!go) return;
    this.#go({ answer: optionId }, { push: true, focus, answered: detail });
  }

  // One engine step from the current session; true when it was shown.
  #go(params, { push = false, replace = true, focus = false, answered, fresh: isFresh } = {}) {
    if (!this.#engine || !this.#diagram) return false;
    const base = { tree: this.#diagram.id, tiers: this.allowedTiers };
    // A walk that had no step yet (or a refused one) has no entry to go back to: replace it
    // (unless the reader chose the tree from the list: Back returns to the list).
    const fresh = isFresh ?? (!('session' in params) && !this.#step);
    if (!('session' in params) && this.#step && !this.#problem) base.session = this.#step.session;
    // Restarting out of a refused session: start from the tree alone.
    const query = this.#problem && params.restart ? base : { ...base, ...params };
    if (this.#problem && params.restart) delete query.restart;
    let step, refused;
    try {
      step = this.#engine.treeStep(query);
    } catch (error) {
      if (!SESSION_ERRORS.has(error?.code)) {
        this.#parts.step.replaceChildren(errorBox('This step could not be taken.', error, () => this.#go(params, { push, focus })));
        return false;
      }
      refused = error;
    }
    return this.#arrive(step, refused, { push, replace, focus, answered, fresh });
  }

  // Shows a step, or the problem of a session the engine refused, and tells the page.
  #arrive(step, refused, { push = false, replace = true, focus = false, answered, fresh = false } = {}) {
    this.#step = step;
    this.#problem = refused ? { error: refused } : undefined;
    this.#render();
    if (push || replace) this.#writeUrl(push && !fresh);
    if (focus) this.#focusStep();
    this.#announce();
    if (step) {
      if (answered) this.emit('patsel-tree-answer', { ...answered, session: step.session });
      this.emit('patsel-tree-change', { ...step, tiers: this.allowedTiers });
      if (step.result) this.emit('patsel-tree-result', { tree: step.tree.id, session: step.session, result: step.result });
    }
    return Boolean(step);
  }

  #render() {
    const p = this.#parts;
    const tiers = this.allowedTiers;
    showTiers(p.tiers, tiers);
    p.tiers.disabled = Boolean(this.#problem);
    if (this.#problem) {
      const restart = el('button', { type: 'button', part: 'restart' }, 'Restart');
      restart.addEventListener('click', () => this.#go({ restart: true }, { push: true, focus: true }));
      p.step.replaceChildren(el('div', { part: 'problem', role: 'alert' },
        el('h4', { tabindex: '-1' }, 'This saved walk cannot be continued'),
        el('p', {}, this.#problem.error?.reason ?? this.#problem.error?.message ?? String(this.#problem.error)), restart));
      p.path.replaceChildren();
      p.path.hidden = true;
      p.controls.hidden = true;
      this.#markDiagram();
      return;
    }
    p.controls.hidden = false;
    const { path, question, result } = this.#step;
    p.back.disabled = path.length === 0;
    p.restart.disabled = path.length === 0;
    p.path.hidden = path.length === 0;
    p.path.replaceChildren(el('p', {}, 'You chose:'), el('ol', {}, path.map((s, i) => {
      const change = el('button', { type: 'button', part: 'change', class: 'quiet', 'aria-label': `Change your answer to “${s.question_text}” (now: ${s.answer_label})` }, 'Change');
      change.addEventListener('click', () => this.#go({ back: path.length - i }, { push: true, focus: true }));
      return el('li', { part: 'path-step', 'data-question': s.question },
        el('span', { class: 'question-text' }, s.question_text), el('span', {}, '→ ', el('strong', { part: 'answer' }, s.answer_label)), change);
    })));
    p.step.replaceChildren(question ? this.#question(question) : this.#result(result));
    this.#markDiagram();
  }

  #question(q) {
    const options = el('ul', { part: 'options' }, q.options.map((o) => {
      const button = el('button', { type: 'button', part: 'option', 'data-answer': o.id }, o.label);
      button.addEventListener('click', () => this.#answer(o.id, true));
      return el('li', {}, button);
    }));
    return el('div', { part: 'question', role: 'group', 'aria-labelledby': 'question-text', 'aria-describedby': q.help ? 'question-help' : null, 'data-question': q.id },
      el('h4', { id: 'question-text', part: 'question-text', tabindex: '-1' }, q.text),
      q.help ? el('p', { id: 'question-help', part: 'help' }, q.help) : null, options);
  }

  #result(r) {
    const allowed = this.allowedTiers;
    const levels = TIER_IDS.filter((tier) => allowed.includes(tier) && r[tier]?.length).map((tier) =>
      el('section', { part: `level level-${tier}`, 'data-tier': tier, 'aria-label': HEADINGS[tier] },
        el('h5', {}, HEADINGS[tier]),
        el('ul', {}, r[tier].map((pick) => el('li', { part: 'pick', 'data-pattern': pick.pattern, 'data-tier': tier },
          this.#link(pick), el('p', { part: 'reason' }, pick.reason))))));
    const hidden = {};
    for (const pick of r.excluded ?? []) hidden[pick.level] = (hidden[pick.level] ?? 0) + 1;
    const hiddenText = TIER_IDS.filter((t) => hidden[t]).map((t) => `${hidden[t]} ${t}`);
    return el('section', { part: 'result', 'aria-labelledby': 'result-title', 'data-result': r.id },
      el('h4', { id: 'result-title', part: 'result-title', tabindex: '-1' }, `Result: ${r.title}`),
      r.summary ? el('p', { part: 'summary' }, r.summary) : null,
      levels,
      levels.length ? null : el('p', { part: 'empty' }, 'No recommendations in the tiers you allowed.'),
      hiddenText.length ? el('p', { part: 'excluded' },
        `Not shown: ${joinWords(hiddenText)} ${hiddenText.length === 1 && hidden[TIER_IDS.find((t) => hidden[t])] === 1 ? 'pick' : 'picks'}; tick ${joinWords(TIER_IDS.filter((t) => hidden[t]), 'or')} above to see them.`) : null);
  }

  #link(pick) {
    const href = patternHref(this.baseUrl, pick.pattern);
    const label = pick.title ?? pick.pattern;
    return href ? el('a', { href, part: 'link' }, label) : el('span', {}, label);
  }

  #focusStep() {
    this.#parts.step?.querySelector('h4')?.focus();
  }

  #announce() {
    const status = this.#parts.status;
    if (!status) return;
    let text;
    if (this.#problem) text = 'This saved walk cannot be continued.';
    else if (this.#step.question) text = `Question ${this.#step.path.length + 1}: ${this.#step.question.text}`;
    else {
      const r = this.#step.result;
      const shown = this.allowedTiers.reduce((n, t) => n + (r[t]?.length ?? 0), 0);
      text = `Result: ${r.title}. ${shown} ${shown === 1 ? 'recommendation' : 'recommendations'}.`;
    }
    status.textContent = text;
  }

  // --- URL state -----------------------------------------------------------

  // What the URL holds, opened by the engine (one step): {picker: true}
  // for the list of trees; a walk as {tree, tiers, step} or, for a session
  // it refuses, {tree, tiers, error}; undefined without one, or when no
  // tree of the catalog claims it.
  #savedState() {
    const saved = treeForm.read(this.readUrl());
    if (!saved) return undefined;
    if (saved.picker) return { picker: true };
    const tiers = saved.tiers ?? parseTiers(this.tiers);
    try {
      const step = this.#engine.treeStep({ session: saved.session, tiers });
      return { tree: step.tree.id, tiers: saved.tiers, step };
    } catch (error) {
      if (!SESSION_ERRORS.has(error?.code)) return undefined;
      try {
        // A restart needs only the session's tree, so the engine names it even for a stale walk.
        const start = this.#engine.treeStep({ session: saved.session, restart: true });
        return { tree: start.tree.id, tiers: saved.tiers, error };
      } catch {
        return undefined;
      }
    }
  }

  // The allowed tiers go into the URL only when they differ from the attribute's.
  #writeUrl(push) {
    if (!this.urlEnabled || !this.#step) return;
    const tiers = this.allowedTiers;
    const value = treeForm.write({ session: this.#step.session, tiers: sameTiers(tiers, parseTiers(this.tiers)) ? undefined : tiers });
    this.writeUrl(value, { replace: !push });
  }

  // --- the diagram -----------------------------------------------------------

  // Drawn once per tree; #markDiagram shows the walk on it.
  #drawDiagram() {
    const layout = this.#layout;
    const svg = svgEl('svg', { width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}`,
      role: 'img', part: 'diagram-svg', 'aria-label': `Diagram of the tree: ${layout.questionCount} questions and ${layout.resultCount} results; your path is highlighted. A text version follows.` });
    for (const edge of layout.edges) {
      const g = svgEl('g', { class: 'edge', 'data-from': edge.from, 'data-to': edge.to });
      g.append(svgEl('path', { d: edgePath(edge.points) }));
      const lines = wrapCut(edge.labels.join(' / '), 22, 2);
      g.append(svgText(lines, { x: edge.label.x, y: edge.label.y + 4 - (lines.length - 1) * 6, lineHeight: 12, anchor: 'middle' }));
      svg.append(g);
    }
    for (const node of layout.nodes.values()) {
      const g = svgEl('g', { class: `node ${node.kind}`, 'data-node': node.key });
      const title = svgEl('title');
      title.textContent = `${node.kind === 'result' ? 'Result' : 'Question'}: ${node.text}`;
      g.append(title, svgEl('rect', { x: node.x, y: node.y, width: node.w, height: node.h, rx: node.kind === 'result' ? 12 : 4 }));
      g.append(svgText(node.lines, { x: node.x + node.w / 2, y: node.y + 8 + 11, lineHeight: 15, anchor: 'middle' }));
      svg.append(g);
    }
    this.#parts.svgBox.replaceChildren(svg);
  }

  #markDiagram() {
    const p = this.#parts;
    const layout = this.#layout;
    const step = this.#step;
    const chosen = new Set((step?.path ?? []).map((s) => `q:${s.question}|${s.answer}`));
    const visited = new Set((step?.path ?? []).map((s) => `q:${s.question}`));
    const current = step ? (step.question ? `q:${step.question.id}` : `r:${step.result.id}`) : '';
    if (current) visited.add(current);
    const edges = new Map(layout.edges.map((e) => [`${e.from}>${e.to}`, e]));
    for (const g of p.svgBox.querySelectorAll('g.edge')) {
      const edge = edges.get(`${g.dataset.from}>${g.dataset.to}`);
      g.classList.toggle('chosen', edge.options.some((o) => chosen.has(`${edge.from}|${o}`)));
    }
    for (const g of p.svgBox.querySelectorAll('g.node')) {
      g.classList.toggle('visited', visited.has(g.dataset.node));
      g.classList.toggle('current', g.dataset.node === current);
    }

    // The text alternative: every question with where each answer leads.
    const results = new Map(this.#diagram.results.map((r) => [r.id, r]));
    const list = el('ul', {}, layout.order.filter((key) => key.startsWith('q:')).map((key) => {
      const q = layout.nodes.get(key).data;
      return el('li', { 'data-node': key },
        `Question: ${q.text}`, key === current ? el('span', { class: 'mark' }, ' (you are here)') : null,
        el('ul', {}, q.options.map((o) => el('li', {},
          `${o.label} → `, o.next ? `question: ${layout.nodes.get(`q:${o.next}`)?.text ?? o.next}` : `result: ${results.get(o.result)?.title ?? o.result}`,
          chosen.has(`${key}|${o.id}`) ? el('span', { class: 'mark' }, ' (your answer)') : null))));
    }));
    const here = step?.result ? el('p', {}, 'You are at the result: ', el('span', { class: 'mark' }, step.result.title)) : null;
    p.outline.replaceChildren(...[p.outline.firstElementChild, list, here].filter(Boolean));
  }
}
