// <patsel-tree tree="distributed-transactions">: a clickable decision tree.
// One question at a time with its help text; the answers so far, each of
// which can be changed; Back and Restart; the result as tiered picks (gold,
// silver, bronze) with the tree author's reason and a link to each pattern's
// page; and a diagram of the whole tree with the path taken highlighted.
// Every step is the engine's stateless `tree.step`, so the walk is one
// session string, kept in the address bar (shareable, back button).
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

import { baseCss, el, errorBox, patternHref, sheet } from './dom.js';
import { createLoader, loadingBox } from './loader.js';
import { UrlState } from './url-state.js';

const LEVELS = [
  { tier: 'gold', label: 'Gold', hint: 'modern best practice', heading: 'Gold: the best choices' },
  { tier: 'silver', label: 'Silver', hint: 'good, with trade-offs', heading: 'Silver: worth considering' },
  { tier: 'bronze', label: 'Bronze', hint: 'legacy', heading: 'Bronze: legacy, avoid for new work' },
];
const LEVEL_IDS = LEVELS.map((l) => l.tier);
// A saved walk the engine cannot continue: show its message and a Restart.
const SESSION_ERRORS = new Set(['tree.stale_session', 'tree.bad_session', 'tree.too_many_steps']);
const SVG = 'http://www.w3.org/2000/svg';

const css = `${baseCss}
[part~=container] { min-height: 16rem; }
[part~=title] { margin: 0 0 .25rem; font-size: 1.15em; }
[part~=description] { margin: 0 0 .75rem; }
fieldset { border: 1px solid var(--patsel-border-color); border-radius: 6px; margin: 0 0 .75rem; padding: .4rem .75rem .6rem; }
[part~=tiers] { display: flex; flex-wrap: wrap; gap: .4rem 1.25rem; }
[part~=tiers] legend { font-weight: 600; padding: 0 .25rem; }
[part~=tiers] label { display: inline-flex; gap: .35rem; align-items: center; cursor: pointer; }
.hint { opacity: .8; font-size: .85em; }
[part~=path] { margin: 0 0 .75rem; }
[part~=path] > p { margin: 0 0 .25rem; font-weight: 600; }
[part~=path] ol { margin: 0; padding-left: 1.4rem; display: grid; gap: .3rem; }
[part~=path] li > span { margin-right: .4rem; }
.question-text { opacity: .85; }
[part~=step] { border: 1px solid var(--patsel-border-color); border-radius: 6px; padding: .75rem 1rem; margin: 0 0 .75rem; }
h4 { margin: 0 0 .35rem; font-size: 1.05em; }
h4:focus { outline: none; }
h4:focus-visible { outline: 2px solid var(--patsel-focus, var(--patsel-focus-color)); outline-offset: 2px; }
[part~=help] { margin: 0 0 .6rem; opacity: .9; }
[part~=options] { list-style: none; margin: 0; padding: 0; display: grid; gap: .45rem; }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid var(--patsel-border-color);
  background: var(--patsel-button-background, transparent); color: inherit; padding: .35rem .75rem; }
button:disabled { cursor: default; opacity: .55; }
[part~=option] { width: 100%; text-align: left; padding: .55rem .8rem; border-width: 2px;
  border-color: var(--patsel-option-border, var(--patsel-border-color)); }
[part~=option]:hover { border-color: var(--patsel-focus, var(--patsel-focus-color)); }
[part~=change] { padding: .05rem .5rem; font-size: .85em; }
[part~=controls] { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 .75rem; }
[part~=summary] { margin: 0 0 .6rem; }
[part~=level] { border-left: 4px solid var(--accent); background: var(--tint); border-radius: 4px; padding: .4rem .75rem; margin: 0 0 .5rem; }
[part~=level][data-tier=gold] { --accent: var(--patsel-gold); --tint: var(--patsel-gold-bg); }
[part~=level][data-tier=silver] { --accent: var(--patsel-silver); --tint: var(--patsel-silver-bg); }
[part~=level][data-tier=bronze] { --accent: var(--patsel-bronze); --tint: var(--patsel-bronze-bg); }
h5 { margin: 0 0 .3rem; font-size: 1em; color: var(--accent); }
[part~=level] ul { margin: 0; padding-left: 1.1rem; display: grid; gap: .35rem; }
[part~=reason] { margin: .1rem 0 0; }
[part~=excluded], [part~=empty] { margin: .4rem 0 0; font-style: italic; }
[part~=problem] { border: 1px solid #b91c1c; border-radius: 6px; padding: .75rem; }
[part~=problem] p { margin: 0 0 .5rem; }
[part~=picker] ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .45rem; }
[part~=diagram] > summary, [part~=outline] > summary { cursor: pointer; font-weight: 600; }
.scroll { overflow-x: auto; margin: .5rem 0; }
svg { display: block; max-width: none; font-size: 12px; }
svg text { fill: currentColor; }
.node rect { fill: var(--patsel-node-background, transparent); stroke: var(--patsel-border-color); stroke-width: 1.5; }
.node.result rect { fill: var(--patsel-gold-bg); }
.node.visited rect { stroke: var(--patsel-path-color, var(--patsel-focus-color)); stroke-width: 2.5; }
.node.current rect { stroke: var(--patsel-path-color, var(--patsel-focus-color)); stroke-width: 4; stroke-dasharray: 6 3; }
.node.current text { font-weight: 700; }
.edge path { fill: none; stroke: var(--patsel-border-color); stroke-width: 1.5; }
.edge.chosen path { stroke: var(--patsel-path-color, var(--patsel-focus-color)); stroke-width: 3; }
.edge text { font-size: 11px; paint-order: stroke; stroke: var(--patsel-background, Canvas); stroke-width: 4px; stroke-linejoin: round; }
.edge.chosen text { font-weight: 700; }
[part~=outline] ul { margin: .25rem 0; padding-left: 1.25rem; }
.mark { font-weight: 700; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;

export class PatselTreeElement extends HTMLElement {
  static get observedAttributes() {
    return ['tree', 'catalog', 'base-url', 'tiers', 'url-key', 'diagram-open'];
  }

  /** Registers the element; calling it twice is harmless. */
  static define(name = 'patsel-tree') {
    if (!customElements.get(name)) customElements.define(name, this);
  }

  #root;
  #engine;
  #diagram;       // tree.get: the whole tree
  #step;          // the last tree.step result
  #allowed;       // the result levels shown, or undefined = the attribute's
  #problem;       // a session the engine refused: {error}
  #parts = {};
  #url = new UrlState(this, 'tree', () => this.#restoreFromUrl());
  #loader = createLoader(this, {
    loading: () => loadingBox('container', 'Loading the decision tree…'),
    render: (engine) => this.#loaded(engine),
    failure: () => (this.tree ? `The decision tree "${this.tree}" could not be shown.` : 'The decision trees could not be shown.'),
  });

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [sheet(css)];
  }

  get tree() { return this.getAttribute('tree') ?? ''; }
  set tree(value) { this.setAttribute('tree', value); }
  get catalog() { return this.getAttribute('catalog'); }
  set catalog(value) { value == null ? this.removeAttribute('catalog') : this.setAttribute('catalog', value); }
  get baseUrl() { return this.getAttribute('base-url') ?? ''; }
  set baseUrl(value) { this.setAttribute('base-url', value); }
  /** The `tiers` attribute: the result levels allowed at first ("gold" unless set). */
  get tiers() { return this.getAttribute('tiers') ?? 'gold'; }
  set tiers(value) { this.setAttribute('tiers', Array.isArray(value) ? value.join(' ') : value); }
  get urlKey() { return this.getAttribute('url-key') ?? 'tree'; }
  set urlKey(value) { this.setAttribute('url-key', value); }
  get diagramOpen() { return this.hasAttribute('diagram-open'); }
  set diagramOpen(value) { this.toggleAttribute('diagram-open', Boolean(value)); }

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

  connectedCallback() {
    this.#url.connect();
    this.#loader.schedule();
  }

  disconnectedCallback() {
    this.#url.disconnect();
    this.#loader.cancel();  // a load still under way is dropped
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === 'diagram-open') {
      if (this.#parts.diagram) this.#parts.diagram.open = this.diagramOpen;
    } else if (name === 'base-url') {
      if (this.#step) this.#render();
    } else if (name === 'tiers') {
      this.#allowed = undefined;
      if (this.#step) this.#go({}, { push: false });
    } else if (name === 'url-key') {
      // nothing to reload: the next step writes to the new key
    } else {
      if (name === 'catalog') this.#engine = undefined;
      if (name === 'tree') this.#step = undefined;
      this.#loader.schedule();  // attributes set together (tree and catalog) give one load
    }
  }

  #loaded(engine) {
    this.#engine = engine;
    const saved = this.#urlValue();
    let treeId = this.tree;
    if (!treeId && saved) treeId = sessionTree(saved.session);
    if (!treeId) {
      this.#showPicker();
      return;
    }
    this.#diagram = engine.tree(treeId);
    this.#buildFrame();
    if (saved && sessionTree(saved.session) === treeId) {
      this.#allowed = saved.tiers;
      this.#go({ session: saved.session }, { push: false, replace: false });
    } else if (this.#step && this.#step.tree.id === treeId) {
      this.#go({ session: this.#step.session }, { push: false, replace: false });
    } else {
      this.#go({}, { push: false, replace: false });
    }
  }

  // Without a `tree` attribute: the catalog's trees, as buttons.
  #showPicker() {
    const { trees } = this.#engine.trees();
    const list = el('ul', {}, trees.map((t) => {
      const button = el('button', { type: 'button', part: 'option', 'data-tree': t.id }, t.title);
      button.addEventListener('click', () => { this.tree = t.id; });
      return el('li', {}, button, t.description ? el('p', { part: 'help' }, t.description) : null);
    }));
    this.#root.replaceChildren(el('div', { part: 'container picker' },
      el('h3', { part: 'title' }, 'Choose a decision tree'), trees.length ? list : el('p', {}, 'This catalog has no decision trees.')));
  }

  // The parts that stay while the walk moves on; #render fills them.
  #buildFrame() {
    const p = this.#parts = {};
    p.title = el('h3', { part: 'title' }, this.#diagram.title);
    p.description = this.#diagram.description ? el('p', { part: 'description' }, this.#diagram.description) : null;
    p.tiers = el('fieldset', { part: 'tiers' }, el('legend', {}, 'Recommendations to show'),
      LEVELS.map(({ tier, label, hint }) => el('label', { part: 'tier-option' },
        el('input', { type: 'checkbox', name: 'tier', value: tier }), el('span', {}, label), el('span', { class: 'hint' }, `(${hint})`))));
    p.tiers.addEventListener('change', () => {
      this.#allowed = [...p.tiers.querySelectorAll('input:checked')].map((box) => box.value);
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
    this.#root.replaceChildren(el('section', { part: 'container', 'aria-label': `Decision tree: ${this.#diagram.title}` },
      p.title, p.description, p.tiers, p.path, p.step, p.controls, p.status, p.diagram));
  }

  #answer(optionId, focus) {
    const question = this.#step?.question;
    if (!question) return;
    const detail = { tree: this.#step.tree.id, question: question.id, answer: optionId };
    const go = this.dispatchEvent(new CustomEvent('patsel-tree-before-answer', { bubbles: true, composed: true, cancelable: true, detail }));
    if (!go) return;
    this.#go({ answer: optionId }, { push: true, focus, answered: detail });
  }

  // One engine step from the current session; true when it was shown.
  #go(params, { push = false, replace = true, focus = false, answered } = {}) {
    if (!this.#engine || !this.#diagram) return false;
    const tiers = this.allowedTiers;
    const base = { tree: this.#diagram.id, tiers };
    // A walk that had no step yet (or a refused one) has no entry to go back to: replace it.
    const fresh = !('session' in params) && !this.#step;
    if (!('session' in params) && this.#step && !this.#problem) base.session = this.#step.session;
    // Restarting out of a refused session: start from the tree alone.
    const query = this.#problem && params.restart ? base : { ...base, ...params };
    if (this.#problem && params.restart) delete query.restart;
    try {
      this.#step = this.#engine.treeStep(query);
      this.#problem = undefined;
    } catch (error) {
      if (!SESSION_ERRORS.has(error?.code)) {
        this.#parts.step.replaceChildren(errorBox('This step could not be taken.', error, () => this.#go(params, { push, focus })));
        return false;
      }
      this.#problem = { error };
      this.#step = undefined;
    }
    this.#render();
    if (push || replace) this.#writeUrl(push && !fresh);
    if (focus) this.#focusStep();
    this.#announce();
    if (this.#step) {
      if (answered) this.#emit('patsel-tree-answer', { ...answered, session: this.#step.session });
      this.#emit('patsel-tree-change', { ...this.#step, tiers });
      if (this.#step.result) this.#emit('patsel-tree-result', { tree: this.#step.tree.id, session: this.#step.session, result: this.#step.result });
    }
    return Boolean(this.#step);
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }

  #render() {
    const p = this.#parts;
    const tiers = this.allowedTiers;
    for (const box of p.tiers.querySelectorAll('input')) box.checked = tiers.includes(box.value);
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
      this.#renderDiagram();
      return;
    }
    p.controls.hidden = false;
    const { path, question, result } = this.#step;
    p.back.disabled = path.length === 0;
    p.restart.disabled = path.length === 0;
    p.path.hidden = path.length === 0;
    p.path.replaceChildren(el('p', {}, 'You chose:'), el('ol', {}, path.map((s, i) => {
      const change = el('button', { type: 'button', part: 'change', 'aria-label': `Change your answer to “${s.question_text}” (now: ${s.answer_label})` }, 'Change');
      change.addEventListener('click', () => this.#go({ back: path.length - i }, { push: true, focus: true }));
      return el('li', { part: 'path-step', 'data-question': s.question },
        el('span', { class: 'question-text' }, s.question_text), el('span', {}, '→ ', el('strong', { part: 'answer' }, s.answer_label)), change);
    })));
    p.step.replaceChildren(question ? this.#question(question) : this.#result(result));
    this.#renderDiagram();
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
    const levels = LEVELS.filter((l) => allowed.includes(l.tier) && r[l.tier]?.length).map((l) =>
      el('section', { part: `level level-${l.tier}`, 'data-tier': l.tier, 'aria-label': l.heading },
        el('h5', {}, l.heading),
        el('ul', {}, r[l.tier].map((pick) => el('li', { part: 'pick', 'data-pattern': pick.pattern, 'data-tier': l.tier },
          this.#link(pick), el('p', { part: 'reason' }, pick.reason))))));
    const hidden = {};
    for (const pick of r.excluded ?? []) hidden[pick.level] = (hidden[pick.level] ?? 0) + 1;
    const hiddenText = LEVEL_IDS.filter((t) => hidden[t]).map((t) => `${hidden[t]} ${t}`);
    return el('section', { part: 'result', 'aria-labelledby': 'result-title', 'data-result': r.id },
      el('h4', { id: 'result-title', part: 'result-title', tabindex: '-1' }, `Result: ${r.title}`),
      r.summary ? el('p', { part: 'summary' }, r.summary) : null,
      levels,
      levels.length ? null : el('p', { part: 'empty' }, 'No recommendations in the tiers you allowed.'),
      hiddenText.length ? el('p', { part: 'excluded' },
        `Not shown: ${joinWords(hiddenText)} ${hiddenText.length === 1 && hidden[LEVEL_IDS.find((t) => hidden[t])] === 1 ? 'pick' : 'picks'}; tick ${joinWords(LEVEL_IDS.filter((t) => hidden[t]), 'or')} above to see them.`) : null);
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

  // The query parameter holds the session, then `!` and the allowed levels
  // when they differ from the `tiers` attribute: `<session>!gold,silver`.
  #urlValue() {
    const value = this.#url.read();
    if (!value) return undefined;
    const [session, tiers] = value.split('!');
    return { session, tiers: tiers === undefined ? undefined : parseTiers(tiers, []) };
  }

  #writeUrl(push) {
    if (!this.#url.enabled || !this.#step) return;
    const tiers = this.allowedTiers;
    const fallback = parseTiers(this.tiers);
    const same = tiers.length === fallback.length && tiers.every((t) => fallback.includes(t));
    const value = this.#step.session + (same ? '' : `!${tiers.join(',')}`);
    if (push) this.#url.push(value);
    else this.#url.replace(value);
  }

  #restoreFromUrl() {
    if (!this.#diagram || !this.#engine) return;
    const saved = this.#urlValue();
    if (saved && sessionTree(saved.session) !== this.#diagram.id) return;
    this.#allowed = saved?.tiers;
    this.#problem = undefined;
    if (saved) this.#go({ session: saved.session }, { push: false, replace: false });
    else {
      this.#step = undefined;
      this.#go({}, { push: false, replace: false });
    }
  }

  // --- the diagram -----------------------------------------------------------

  #renderDiagram() {
    const p = this.#parts;
    const layout = layoutTree(this.#diagram);
    const step = this.#step;
    const chosen = new Set((step?.path ?? []).map((s) => `q:${s.question}|${s.answer}`));
    const visited = new Set((step?.path ?? []).map((s) => `q:${s.question}`));
    const current = step ? (step.question ? `q:${step.question.id}` : `r:${step.result.id}`) : '';
    if (current) visited.add(current);

    const svg = svgEl('svg', { width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}`,
      role: 'img', part: 'diagram-svg', 'aria-label': `Diagram of the tree: ${layout.questionCount} questions and ${layout.resultCount} results; your path is highlighted. A text version follows.` });
    for (const edge of layout.edges) {
      const isChosen = edge.options.some((o) => chosen.has(`${edge.from}|${o}`));
      const g = svgEl('g', { class: `edge${isChosen ? ' chosen' : ''}`, 'data-from': edge.from, 'data-to': edge.to });
      g.append(svgEl('path', { d: edgePath(edge.points) }));
      const lines = wrap(edge.labels.join(' / '), 22, 2);
      g.append(textBlock(lines, edge.label.x, edge.label.y + 4 - (lines.length - 1) * 6, 12, 'middle'));
      svg.append(g);
    }
    for (const node of layout.nodes.values()) {
      const classes = ['node', node.kind, visited.has(node.key) ? 'visited' : '', node.key === current ? 'current' : ''].filter(Boolean);
      const g = svgEl('g', { class: classes.join(' '), 'data-node': node.key });
      const title = svgEl('title');
      title.textContent = `${node.kind === 'result' ? 'Result' : 'Question'}: ${node.text}`;
      g.append(title, svgEl('rect', { x: node.x, y: node.y, width: node.w, height: node.h, rx: node.kind === 'result' ? 12 : 4 }));
      g.append(textBlock(node.lines, node.x + node.w / 2, node.y + 8 + 11, 15, 'middle'));
      svg.append(g);
    }
    p.svgBox.replaceChildren(svg);

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

// --- helpers -----------------------------------------------------------------

function parseTiers(text, fallback = ['gold']) {
  const words = String(text ?? '').split(/[\s,]+/).filter((w) => LEVEL_IDS.includes(w));
  if (!words.length && String(text ?? '').trim() !== '') return fallback;
  return LEVEL_IDS.filter((t) => words.includes(t));
}

// The tree id at the front of a session string (`<tree>.<fingerprint>...`, ids escaped as ~XX).
function sessionTree(session) {
  const head = String(session ?? '').split('.')[0];
  try {
    const bytes = [];
    for (let i = 0; i < head.length; ++i) {
      if (head[i] === '~') { bytes.push(parseInt(head.slice(i + 1, i + 3), 16)); i += 2; } else bytes.push(head.charCodeAt(i));
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return '';
  }
}

function joinWords(words, last = 'and') {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)}`;
}

function svgEl(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

function textBlock(lines, x, y, lineHeight, anchor) {
  const text = svgEl('text', { x, y, 'text-anchor': anchor });
  lines.forEach((line, i) => {
    const span = svgEl('tspan', { x, dy: i === 0 ? 0 : lineHeight });
    span.textContent = line;
    text.append(span);
  });
  return text;
}

/** Greedy word wrap to `width` characters, at most `max` lines (the last one cut with an ellipsis). */
export function wrap(text, width, max) {
  const lines = [];
  let line = '';
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const piece = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    if (line && line.length + 1 + piece.length > width) { lines.push(line); line = piece; } else line = line ? `${line} ${piece}` : piece;
  }
  if (line) lines.push(line);
  if (lines.length > max) {
    lines.length = max;
    lines[max - 1] = `${lines[max - 1].slice(0, width - 1)}…`;
  }
  return lines.length ? lines : [''];
}

/**
 * A layered top-down layout of a tree.get result (Sugiyama style, kept
 * small): each node's layer is its longest distance from the start, so a
 * result shared by several branches sits below all of them; an edge that
 * skips layers gets a bend point in each layer it crosses, so it runs
 * between boxes instead of through them; nodes are ordered and placed by
 * the mean position of their parents; options between the same two nodes
 * share one edge. Returns boxes, edges as point lists and label spots.
 */
export function layoutTree(diagram, { nodeWidth = 180, bendWidth = 24, gapX = 28, gapY = 92, margin = 10 } = {}) {
  const nodes = new Map();
  for (const q of diagram.questions ?? []) nodes.set(`q:${q.id}`, { key: `q:${q.id}`, kind: 'question', text: q.text, data: q });
  for (const r of diagram.results ?? []) nodes.set(`r:${r.id}`, { key: `r:${r.id}`, kind: 'result', text: r.title, data: r });
  const edgeMap = new Map();
  for (const q of diagram.questions ?? []) {
    for (const o of q.options) {
      const to = o.next ? `q:${o.next}` : `r:${o.result}`;
      if (!nodes.has(to)) continue;
      const key = `q:${q.id}>${to}`;
      if (!edgeMap.has(key)) edgeMap.set(key, { from: `q:${q.id}`, to, labels: [], options: [] });
      edgeMap.get(key).labels.push(o.label);
      edgeMap.get(key).options.push(o.id);
    }
  }
  // Longest-path layers from the start, bounded so a cycle cannot loop forever.
  const start = `q:${diagram.start}`;
  const layer = new Map(nodes.has(start) ? [[start, 0]] : []);
  for (let round = 0, changed = true; changed && round <= nodes.size; ++round) {
    changed = false;
    for (const e of edgeMap.values()) {
      if (!layer.has(e.from)) continue;
      const wanted = layer.get(e.from) + 1;
      if (wanted <= nodes.size && (layer.get(e.to) ?? -1) < wanted) { layer.set(e.to, wanted); changed = true; }
    }
  }
  // Only edges that go down (a cycle's way back is left out of the drawing).
  const edges = [...edgeMap.values()].filter((e) => layer.has(e.from) && layer.get(e.to) > layer.get(e.from));
  const items = new Map();  // node or bend key -> {key, layer, w, parents}
  for (const [key, n] of layer) items.set(key, { key, layer: n, w: nodeWidth, parents: [] });
  for (const e of edges) {
    e.chain = [e.from];
    for (let n = layer.get(e.from) + 1; n < layer.get(e.to); ++n) {
      const bend = `b:${e.from}>${e.to}:${n}`;
      items.set(bend, { key: bend, layer: n, w: bendWidth, parents: [] });
      e.chain.push(bend);
    }
    e.chain.push(e.to);
    for (let i = 1; i < e.chain.length; ++i) items.get(e.chain[i]).parents.push(e.chain[i - 1]);
  }
  const layers = [];
  for (const item of items.values()) (layers[item.layer] ??= []).push(item);
  // Order and place each layer under its parents, then keep boxes apart.
  const x = new Map();
  for (const row of layers.filter(Boolean)) {
    const wish = (item) => (item.parents.length ? item.parents.reduce((s, k) => s + x.get(k), 0) / item.parents.length : 0);
    for (const item of row) item.wish = wish(item);
    row.sort((a, b) => a.wish - b.wish);
    let prev;
    for (const item of row) {
      item.x = prev ? Math.max(item.wish, prev.x + (prev.w + item.w) / 2 + gapX) : item.wish;
      prev = item;
    }
    const shift = row.reduce((s, item) => s + item.x - item.wish, 0) / row.length;
    for (const item of row) x.set(item.key, item.x - shift);
  }
  const left = Math.min(...[...items.values()].map((item) => x.get(item.key) - item.w / 2));
  const right = Math.max(...[...items.values()].map((item) => x.get(item.key) + item.w / 2));
  const width = Math.ceil(right - left + 2 * margin);
  const cx = (key) => x.get(key) - left + margin;

  let y = margin;
  const order = [], rowTop = [], rowHeight = [];
  for (const [n, row] of layers.entries()) {
    if (!row) continue;
    let height = 0;
    for (const item of row) {
      if (item.key.startsWith('b:')) continue;
      const node = nodes.get(item.key);
      node.lines = wrap(node.text, 27, 4);
      height = Math.max(height, 16 + node.lines.length * 15);
    }
    rowTop[n] = y;
    rowHeight[n] = height || 20;
    for (const item of row) {
      if (item.key.startsWith('b:')) continue;
      const node = nodes.get(item.key);
      Object.assign(node, { w: nodeWidth, h: rowHeight[n], x: cx(item.key) - nodeWidth / 2, y });
      order.push(item.key);
    }
    y += rowHeight[n] + gapY;
  }
  // Each edge as points: out of the bottom of a box, through each bend
  // (top and bottom of its layer), into the top of the target box.
  const outgoing = new Map();
  for (const e of edges) {
    e.points = [];
    e.chain.forEach((key, i) => {
      const n = items.get(key).layer;
      if (i > 0) e.points.push([cx(key), rowTop[n]]);
      if (i < e.chain.length - 1) e.points.push([cx(key), rowTop[n] + rowHeight[n]]);
    });
    (outgoing.get(e.from) ?? outgoing.set(e.from, []).get(e.from)).push(e);
  }
  // Labels on the first stretch, alternately high and low so neighbours do not collide.
  for (const list of outgoing.values()) {
    list.sort((a, b) => a.points[1][0] - b.points[1][0]);
    list.forEach((e, i) => {
      const [[x1, y1], [x2, y2]] = e.points;
      const f = list.length > 1 && i % 2 ? 0.66 : 0.3;
      const smooth = f * f * (3 - 2 * f);
      e.label = { x: x1 + (x2 - x1) * smooth, y: y1 + (y2 - y1) * f };
    });
  }
  const placed = new Map(order.map((key) => [key, nodes.get(key)]));
  return {
    nodes: placed,
    edges,
    order,
    width,
    height: y - gapY + margin,
    questionCount: order.filter((k) => k.startsWith('q:')).length,
    resultCount: order.filter((k) => k.startsWith('r:')).length,
  };
}

/** An SVG path through points, each stretch a vertical S-curve. */
function edgePath(points) {
  let d = `M${points[0][0]},${points[0][1]}`;
  for (let i = 1; i < points.length; ++i) {
    const [x1, y1] = points[i - 1], [x2, y2] = points[i];
    if (x1 === x2) d += ` L${x2},${y2}`;
    else { const my = (y1 + y2) / 2; d += ` C${x1},${my} ${x2},${my} ${x2},${y2}`; }
  }
  return d;
}
