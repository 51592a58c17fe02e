// <patsel-explorer>: browse the catalog by tier, as pattern cards.
// Attributes: catalog (URL of a catalog.json; default: the shipped one),
//             base-url (prefix of links to pattern pages; default "").
// Events: patsel-explorer-change {detail: {tiers, total}} after each update.
// Parts: tiers, tier-option, count, list, card, badge, title, summary, error.

import { sharedEngine } from './shared-engine.js';

const TIERS = [
  { tier: 'gold', label: 'Gold', hint: 'modern best practice', checked: true },
  { tier: 'silver', label: 'Silver', hint: 'good, with trade-offs', checked: false },
  { tier: 'bronze', label: 'Bronze', hint: 'legacy, with a migration path', checked: false },
];

const css = `
:host { display: block; font: inherit; color: var(--patsel-text, inherit);
  --patsel-gold: #b8860b; --patsel-silver: #6b7280; --patsel-bronze: #a0522d; }
fieldset { border: 1px solid var(--patsel-border, #d0d4da); border-radius: 6px; display: flex;
  flex-wrap: wrap; gap: .75rem 1.25rem; padding: .5rem .75rem; margin: 0 0 .75rem; }
label { display: inline-flex; gap: .35rem; align-items: center; cursor: pointer; }
.hint { opacity: .7; font-size: .85em; }
[part=count] { margin: 0 0 .5rem; font-weight: 600; }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr)); }
li { border: 1px solid var(--patsel-border, #d0d4da); border-radius: 6px; padding: .75rem;
  background: var(--patsel-card-background, transparent); }
h3 { margin: .35rem 0; font-size: 1.05em; }
a { color: var(--patsel-link, inherit); }
a:focus-visible, input:focus-visible { outline: 2px solid var(--patsel-focus, #2563eb); outline-offset: 2px; }
p { margin: 0; }
[part~=badge] { display: inline-block; font-size: .75em; font-weight: 700; text-transform: uppercase;
  letter-spacing: .04em; padding: .1rem .45rem; border-radius: 999px; color: #fff; }
[data-tier=gold] { background: var(--patsel-gold); }
[data-tier=silver] { background: var(--patsel-silver); }
[data-tier=bronze] { background: var(--patsel-bronze); }
[data-tier=unclassified] { background: #555; }
[part=error] { border: 1px solid #b91c1c; border-radius: 6px; padding: .75rem; }
`;

// A constructed stylesheet, shared by every instance; unlike a <style>
// element it needs no 'unsafe-inline' under a strict Content-Security-Policy.
let sheet;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

export class PatselExplorerElement extends HTMLElement {
  static get observedAttributes() {
    return ['catalog'];
  }

  /** Registers the element; calling it twice is harmless. */
  static define(name = 'patsel-explorer') {
    if (!customElements.get(name)) customElements.define(name, this);
  }

  #root;
  #engine;
  #connected = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
  }

  get catalog() {
    return this.getAttribute('catalog');
  }
  set catalog(value) {
    if (value == null) this.removeAttribute('catalog');
    else this.setAttribute('catalog', value);
  }
  get baseUrl() {
    return this.getAttribute('base-url') ?? '';
  }
  set baseUrl(value) {
    this.setAttribute('base-url', value);
  }

  /** The tiers currently ticked. */
  get selectedTiers() {
    return [...this.#root.querySelectorAll('input[name=tier]:checked')].map((box) => box.value);
  }

  connectedCallback() {
    this.#connected = true;
    if (!this.#root.firstChild) this.#renderFrame();
    this.#load();
  }

  disconnectedCallback() {
    this.#connected = false;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name === 'catalog' && oldValue !== newValue && this.#connected) {
      this.#engine = undefined;
      this.#load();
    }
  }

  #renderFrame() {
    this.#root.adoptedStyleSheets = [styles()];
    const fieldset = document.createElement('fieldset');
    fieldset.setAttribute('part', 'tiers');
    const legend = document.createElement('legend');
    legend.textContent = 'Tiers';
    fieldset.append(legend);
    for (const { tier, label, hint, checked } of TIERS) {
      const option = document.createElement('label');
      option.setAttribute('part', 'tier-option');
      const box = document.createElement('input');
      Object.assign(box, { type: 'checkbox', name: 'tier', value: tier, checked });
      const name = document.createElement('span');
      name.textContent = label;
      const note = document.createElement('span');
      note.className = 'hint';
      note.textContent = `(${hint})`;
      option.append(box, name, note);
      fieldset.append(option);
    }
    fieldset.addEventListener('change', () => this.#update());
    const count = document.createElement('p');
    count.setAttribute('part', 'count');
    count.setAttribute('role', 'status');
    count.setAttribute('aria-live', 'polite');
    count.textContent = 'Loading patterns…';
    const list = document.createElement('ul');
    list.setAttribute('part', 'list');
    this.#root.append(fieldset, count, list);
  }

  async #load() {
    const catalog = this.catalog;
    try {
      const engine = await sharedEngine(catalog ?? undefined);
      if (catalog !== this.catalog) return;  // the attribute changed meanwhile
      this.#engine = engine;
      this.#update();
    } catch (error) {
      this.#showError(error);
    }
  }

  #update() {
    if (!this.#engine) return;
    const tiers = this.selectedTiers;
    const { total, patterns } = tiers.length ? this.#engine.list({ tiers }) : { total: 0, patterns: [] };
    const count = this.#root.querySelector('[part=count]');
    count.textContent = `${total} ${total === 1 ? 'pattern' : 'patterns'}`;
    const list = this.#root.querySelector('[part=list]');
    list.replaceChildren(...patterns.map((p) => this.#card(p)));
    this.dispatchEvent(
      new CustomEvent('patsel-explorer-change', { bubbles: true, composed: true, detail: { tiers, total } }),
    );
  }

  #card(pattern) {
    const item = document.createElement('li');
    item.setAttribute('part', 'card');
    item.dataset.id = pattern.id;
    const badge = document.createElement('span');
    badge.setAttribute('part', `badge badge-${pattern.tier}`);
    badge.dataset.tier = pattern.tier;
    badge.textContent = pattern.tier;
    const title = document.createElement('h3');
    title.setAttribute('part', 'title');
    const link = document.createElement('a');
    link.href = `${this.baseUrl}${encodeURIComponent(pattern.id)}/`;
    link.textContent = pattern.title;
    title.append(link);
    const summary = document.createElement('p');
    summary.setAttribute('part', 'summary');
    summary.textContent = pattern.summary;
    item.append(badge, title, summary);
    return item;
  }

  #showError(error) {
    const box = document.createElement('div');
    box.setAttribute('part', 'error');
    box.setAttribute('role', 'alert');
    const message = document.createElement('p');
    message.textContent = `The pattern catalog could not be loaded. ${error?.message ?? error}`;
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = 'Retry';
    retry.addEventListener('click', () => {
      box.remove();
      this.#load();
    });
    box.append(message, retry);
    this.#root.querySelector('[part=count]').textContent = '';
    this.#root.querySelector('[part=list]').replaceChildren(box);
  }
}
