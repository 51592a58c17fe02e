// The load lifecycle every element shares (PatselElement in base.js runs
// it): loads asked for together become one, a newer load wins over an older
// one still under way, a loading state, and a readable error with a Retry
// button that loads again.
//
//   const loader = createLoader(host, {
//     load: () => sharedEngine(host.catalog),
//     loading: () => loadingBox('body', 'Loading the timeline…'),
//     render: (engine) => show(engine),
//     failure: () => `The timeline of "${host.family}" could not be shown.`,
//   });
//   loader.schedule();  // on connect and on a change of what to load
//   loader.cancel();    // on disconnect

import { el, errorBox } from './dom.js';

/** The placeholder shown while loading: `<div part="body loading" aria-busy="true">text</div>`. */
export function loadingBox(part, text, attributes = {}) {
  return el('div', { ...attributes, part: `${part} loading`, 'aria-busy': 'true' }, text);
}

/**
 * A loader for `host` (a custom element with an open shadow root).
 *
 * - `load()`: the async work; may throw.
 * - `render(value)`: shows the loaded value; what it throws is shown as a failure too.
 * - `failure`: the first sentence of the error box, or a function `(error) => string`.
 * - `loading()`: optional; a node to show while loading, or null to keep what is shown.
 * - `renderError(box, error)`: optional; where the error box goes (default: the whole shadow root).
 * - `skip()`: optional; true when there is nothing to load (no `pattern` yet).
 * - `busy(flag)`: optional; true when a load starts, false once its outcome
 *   (or nothing to load) is shown.
 */
export function createLoader(host, options) {
  return new Loader(host, options);
}

class Loader {
  #host;
  #options;
  #request = 0;

  constructor(host, options) {
    this.#host = host;
    this.#options = options;
  }

  /** Loads after the current task, so attributes set together give one load. */
  schedule() {
    const request = ++this.#request;
    queueMicrotask(() => request === this.#request && this.#run(false));
  }

  /** Drops the load under way, if any (the element was removed). */
  cancel() {
    ++this.#request;
  }

  // A load; one started later, or cancel(), makes this one's outcome moot.
  async #run(retried) {
    const request = ++this.#request;
    const { load, render, loading, skip, busy } = this.#options;
    if (skip?.()) {
      busy?.(false);
      return;
    }
    busy?.(true);
    const placeholder = loading?.();
    if (placeholder) this.#host.shadowRoot.replaceChildren(placeholder);
    try {
      const value = await load();
      if (request !== this.#request) return;
      render(value);
    } catch (error) {
      if (request !== this.#request) return;
      this.#fail(error, retried);
    }
    busy?.(false);  // only the newest load gets here: an older one returned above
  }

  // A Retry that fails again keeps the keyboard user on the new Retry button.
  #fail(error, retried) {
    const { failure, renderError } = this.#options;
    const message = typeof failure === 'function' ? failure(error) : failure;
    const box = errorBox(message, error, () => this.#run(true));
    if (renderError) renderError(box, error);
    else this.#host.shadowRoot.replaceChildren(box);
    if (retried) box.querySelector('button')?.focus();
  }
}
