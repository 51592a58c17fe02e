// PatselElement: the base of every <patsel-*> element. It gives each one
// what they all need, so an element's file is only about what it shows:
//
// - an open shadow root with the page's colour tokens (host-theme.js: the
//   host's palette, Material's when on a Material page), the shared look
//   (style.js's baseCss) and the element's own `static css`, as
//   constructed stylesheets (strict CSP);
// - attributes reflected as properties: `catalog`, `base-url` and `theme`
//   (light, dark or auto: forces a palette; only styles change) always,
//   `url-key` when the element keeps URL state, and the element's own
//   (`static attributes`, made with `attr`); `static define()`;
// - the URL state (`static urlKey`): connected and disconnected with the
//   element, `readUrl()`, `writeUrl()`, and `urlRestored(value)` on Back;
// - the load lifecycle (loader.js): attributes set together give one load,
//   the newest load wins, a loading view, an error box with Retry, and the
//   custom state `:state(loading)` meanwhile;
// - `emit(type, detail)`: a bubbling, composed event;
// - `patsel-navigate` (cancelable) before a link inside the element is
//   followed, so a host can navigate its own way (navigation.js).
//
// A new element, whole (with `el` from dom.js, `loadingBox` from here):
//
//   export class PatselFamilyElement extends PatselElement {
//     static tag = 'patsel-family';
//     static css = 'p { margin: 0; }';
//     static attributes = { family: attr.string() };
//     loadingView() { return loadingBox('body', 'Loading…'); }
//     failureMessage() { return `The family "${this.family}" could not be shown.`; }
//     loaded(engine) {  // the page's shared engine of `catalog`
//       this.shadowRoot.replaceChildren(el('p', {}, engine.timeline(this.family).title));
//     }
//   }
//   PatselFamilyElement.define();
//
// Hooks an element may override: load, loaded, loadingView, failureMessage,
// showFailure, canLoad, attributeChanged, urlRestored. An element that
// overrides connectedCallback, disconnectedCallback or
// attributeChangedCallback calls super's.

import { sheet } from './dom.js';
import { themeSheet, watchHostTheme } from './host-theme.js';
import { createLoader } from './loader.js';
import { announceNavigation } from './navigation.js';
import { baseCss } from './style.js';
import { sharedEngine } from './shared-engine.js';
import { UrlState } from './url-state.js';

export { loadingBox } from './loader.js';

/**
 * Kinds of reflected attributes: how the property reads the attribute's
 * text (null when absent) and what a set writes (null removes it). Any
 * `{read(text), write(value)}` is a kind too.
 */
export const attr = {
  /** Text; `fallback` when absent. */
  string: (fallback = '') => ({ read: (text) => text ?? fallback, write: (value) => (value == null ? null : String(value)) }),
  /** Text that holds a list; an array set is joined with `separator`. */
  list: (separator, fallback = '') => ({
    read: (text) => text ?? fallback,
    write: (value) => (value == null ? null : Array.isArray(value) ? value.join(separator) : String(value)),
  }),
  /** An integer; `fallback` when absent or not a number, else `limit(n)`. */
  integer: (fallback, limit = (n) => n) => ({
    read: (text) => {
      const n = Number.parseInt(text ?? '', 10);
      return Number.isInteger(n) ? limit(n) : fallback;
    },
    write: (value) => (value == null ? null : String(value)),
  }),
  /** One of `values`; anything else reads as `fallback`. */
  oneOf: (values, fallback) => ({ read: (text) => (values.includes(text) ? text : fallback), write: (value) => (value == null ? null : String(value)) }),
  /** Present or not. */
  boolean: () => ({ read: (text) => text !== null, write: (value) => (value ? '' : null) }),
};

const COMMON = { catalog: attr.string(null), baseUrl: attr.string(''), theme: attr.oneOf(['light', 'dark', 'auto'], 'auto') };
// Attributes that only change styles: no load, no redraw.
const STYLE_ONLY = new Set(['theme']);
const installed = new WeakSet();

/** "baseUrl" -> "base-url". */
const attributeName = (property) => property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

// True when `Class` or a class between it and PatselElement writes `property` itself.
function ownAccessor(Class, property) {
  for (let proto = Class.prototype; proto && proto !== PatselElement.prototype; proto = Object.getPrototypeOf(proto))
    if (Object.hasOwn(proto, property)) return true;
  return false;
}

// Defines the accessors of `Class`'s reflected attributes once; a getter or
// setter the class writes itself is kept.
function reflected(Class) {
  const spec = { ...COMMON, ...(Class.urlKey != null ? { urlKey: attr.string(Class.urlKey) } : {}), ...Class.attributes };
  if (!installed.has(Class)) {
    installed.add(Class);
    for (const [property, kind] of Object.entries(spec)) {
      if (ownAccessor(Class, property)) continue;
      const name = attributeName(property);
      Object.defineProperty(Class.prototype, property, {
        configurable: true,
        get() { return kind.read(this.getAttribute(name)); },
        set(value) {
          const text = kind.write(value);
          if (text === null) this.removeAttribute(name);
          else this.setAttribute(name, text);
        },
      });
    }
  }
  return Object.keys(spec).map(attributeName);
}

export class PatselElement extends HTMLElement {
  /** The element's name, for define(). */
  static tag = '';
  /** The element's own styles; baseCss comes before them. */
  static css = '';
  /** Its own reflected attributes, by property name: `{pageSize: attr.integer(24)}` is `page-size`. */
  static attributes = {};
  /** The default `url-key` of its URL state; null: no URL state. */
  static urlKey = null;

  /** Registers the element; calling it twice is harmless. */
  static define(name = this.tag) {
    if (!customElements.get(name)) customElements.define(name, this);
  }

  static get observedAttributes() {
    return reflected(this);
  }

  #url;
  #loader = createLoader(this, {
    skip: () => !this.canLoad(),
    load: () => this.load(),
    loading: () => this.loadingView(),
    render: (value) => this.loaded(value),
    failure: (error) => this.failureMessage(error),
    renderError: (box, error) => this.showFailure(box, error),
    busy: (flag) => this.#showBusy(flag),
  });
  #internals = this.attachInternals?.();

  constructor() {
    super();
    watchHostTheme();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [themeSheet, sheet(`${baseCss}${this.constructor.css}`)];
    root.addEventListener('click', (event) => announceNavigation(this, event));
    if (this.constructor.urlKey != null) this.#url = new UrlState(this, this.constructor.urlKey, (value) => this.urlRestored(value));
  }

  connectedCallback() {
    this.#url?.connect();
    this.reload();
  }

  disconnectedCallback() {
    this.#url?.disconnect();
    this.#loader.cancel();  // a load still under way is dropped
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected || name === 'url-key' || STYLE_ONLY.has(name)) return;
    this.attributeChanged(name);
  }

  /** Loads again, after the current task, so attributes set together give one load. */
  reload() {
    this.#loader.schedule();
  }

  // `:state(loading)` from the start of a load until what it gave (or its
  // error) is shown, so a page can keep the element's space meanwhile
  // (dist/mkdocs/patsel.css does). A browser without custom states has none.
  #showBusy(flag) {
    const states = this.#internals?.states;
    try {
      if (flag) states?.add('loading');
      else states?.delete('loading');
    } catch {
      // a CustomStateSet that only takes --dashed names (Chromium before 125)
    }
  }

  /** Dispatches a bubbling, composed CustomEvent; false when a listener cancelled it. */
  emit(type, detail, { cancelable = false } = {}) {
    return this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, cancelable, detail }));
  }

  // --- URL state ----------------------------------------------------------

  /** False without URL state, or with `url-key=""`. */
  get urlEnabled() {
    return Boolean(this.#url?.enabled);
  }

  /** The value of the element's query parameter, or null (also when URL state is off). */
  readUrl() {
    return this.#url?.read() ?? null;
  }

  /** Writes the parameter: a new history entry, or with `replace` the current one; null or '' removes it. */
  writeUrl(value, { replace = false } = {}) {
    if (replace) this.#url?.replace(value);
    else this.#url?.push(value);
  }

  // --- hooks --------------------------------------------------------------

  /** What to load; default: the page's shared engine of `catalog` (the shipped catalog without it). */
  load() {
    return sharedEngine(this.catalog ?? undefined);
  }

  /** Shows what load() gave; what it throws is shown as a failure too. */
  loaded() {}

  /** A node to show while loading, or null to keep what is shown. */
  loadingView() {
    return null;
  }

  /** The first sentence of the error box when loading fails. */
  failureMessage() {
    return 'The pattern catalog could not be loaded.';
  }

  /** Shows the error box (with its Retry button); default: in place of everything. */
  showFailure(box) {
    this.shadowRoot.replaceChildren(box);
  }

  /** False when there is nothing to load yet (no `pattern`, say). */
  canLoad() {
    return true;
  }

  /** An observed attribute changed while connected (not `url-key`); default: load again. */
  attributeChanged() {
    this.reload();
  }

  /** Back or Forward changed the element's parameter to `value` (null: none). */
  urlRestored() {}
}
