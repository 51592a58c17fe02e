// The URL state of the elements: a shareable view and a working back
// button. An element with a `url-key` attribute (default: its short name,
// `url-key=""` turns it off) keeps its state in that query parameter, in
// one format for every element:
//
//   ?explorer=q.2pc_tier.gold.silver      ?compare=patterns.saga.outbox
//
// Entries are separated by "_", a key and its values by "."; every other
// character of a key or value is written as "~XX" per UTF-8 byte (as the
// engine's tree sessions are). The value is made of URL-safe characters
// only, so it reads well in the address bar and survives copy-paste.
// encodeState/decodeState are the codec; UrlState reads and writes one
// element's parameter (PatselElement in base.js wires it up); url-forms.js
// says which entries each element writes and reads the forms of older links.

const SAFE = /^[A-Za-z0-9-]$/;
const encoder = new TextEncoder();

/** `text` with every character but [A-Za-z0-9-] escaped as ~XX (UTF-8 bytes). */
export function escapeToken(text) {
  let out = '';
  for (const char of String(text)) {
    if (SAFE.test(char)) out += char;
    else for (const byte of encoder.encode(char)) out += `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The inverse of escapeToken; a malformed escape is kept as it is. */
export function unescapeToken(token) {
  const bytes = [];
  for (let i = 0; i < token.length; ) {
    const hex = token[i] === '~' ? token.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 3;
    } else {
      bytes.push(...encoder.encode(token[i]));
      i += 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/**
 * `{q: '2pc', tier: ['gold', 'silver'], page: 2}` as `q.2pc_tier.gold.silver_page.2`.
 * Undefined, null and '' values are left out; an empty array is kept as the
 * bare key (`tier`), so "none ticked" differs from "the default".
 */
export function encodeState(entries) {
  const parts = [];
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined || value === null || value === '') continue;
    const values = Array.isArray(value) ? value : [value];
    parts.push([key, ...values.map((v) => String(v))].map(escapeToken).join('.'));
  }
  return parts.join('_');
}

/** The inverse of encodeState: every key with its values as strings (`{q: ['2pc'], tier: []}`). */
export function decodeState(text) {
  const out = {};
  if (typeof text !== 'string' || text === '') return out;
  for (const part of text.split('_')) {
    if (!part) continue;
    const [key, ...values] = part.split('.').map(unescapeToken);
    if (key && !Object.hasOwn(out, key)) out[key] = values;
  }
  return out;
}

/**
 * Text that is already a list of escaped tokens joined by "." (the engine's
 * tree session is one) as the values of one entry, so that it stays
 * readable instead of having each "." escaped: `dottedValues('a.b~2Ec')`
 * gives ['a', 'b.c']. Nothing is made of the tokens' meaning.
 */
export function dottedValues(text) {
  return String(text).split('.').map(unescapeToken);
}

/** The inverse of dottedValues: ['a', 'b.c'] -> 'a.b~2Ec'. */
export function dottedText(values) {
  return values.map(escapeToken).join('.');
}

/**
 * One element's query parameter in location, and popstate:
 *
 *   const url = new UrlState(host, 'explorer', (value) => restore(value));
 *   url.connect();  url.read();  url.push('q.2pc');  url.replace('q.2p');  url.disconnect();
 */
export class UrlState {
  #host;
  #fallback;
  #onRestore;
  #listener = () => {
    if (!this.enabled) return;
    const value = this.read();
    if (value === this.#last) return;  // another element's parameter changed
    this.#last = value;
    this.#onRestore(value);
  };
  #last = null;

  /**
   * @param {HTMLElement} host          reads its `url-key` attribute
   * @param {string} fallbackKey        the key when the host has no `url-key`
   * @param {(value: string|null) => void} onRestore  called on popstate with the new value
   */
  constructor(host, fallbackKey, onRestore) {
    this.#host = host;
    this.#fallback = fallbackKey;
    this.#onRestore = onRestore;
  }

  /** The query parameter; '' when URL state is off. */
  get key() {
    return this.#host.getAttribute('url-key') ?? this.#fallback;
  }
  get enabled() {
    return this.key !== '';
  }

  /** Starts following the back and forward buttons. */
  connect() {
    this.#last = this.read();
    window.addEventListener('popstate', this.#listener);
  }
  disconnect() {
    window.removeEventListener('popstate', this.#listener);
  }

  /** The parameter's current value, or null (also when URL state is off). */
  read() {
    if (!this.enabled) return null;
    for (const pair of location.search.replace(/^\?/, '').split('&')) {
      const [name, value = ''] = pair.split('=');
      if (decodeQueryPart(name) === this.key) return decodeQueryPart(value);
    }
    return null;
  }

  /** A new history entry with `value` (null or '' removes the parameter). */
  push(value) {
    this.#write(value, 'pushState');
  }
  /** The same, replacing the current history entry (typing, paging). */
  replace(value) {
    this.#write(value, 'replaceState');
  }

  // Only this element's parameter is touched; the others keep their spelling.
  #write(value, method) {
    if (!this.enabled) return;
    const key = this.key;
    const pairs = location.search.replace(/^\?/, '').split('&').filter((p) => p !== '');
    const index = pairs.findIndex((p) => decodeQueryPart(p.split('=')[0]) === key);
    const pair = value ? `${encodeURIComponent(key)}=${encodeURIComponent(value)}` : null;
    if (index >= 0) pairs.splice(index, 1, ...(pair ? [pair] : []));
    else if (pair) pairs.push(pair);
    const search = pairs.length ? `?${pairs.join('&')}` : '';
    this.#last = value || null;
    if (search === location.search) return;
    history[method](history.state, '', `${location.pathname}${search}${location.hash}`);
  }
}

function decodeQueryPart(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
