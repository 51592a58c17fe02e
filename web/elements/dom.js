// Small DOM helpers shared by the elements: HTML and SVG nodes, safe links,
// constructed stylesheets and the error box (the shared styles are in
// style.js). Catalog text is always set as text (textContent), never as
// HTML, and links are only http(s) or relative.

import { mappedPage } from './links.js';

/** `el('p', {part: 'summary'}, 'text', child)`: an element with attributes and children (arrays of them at any depth). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/** `svgEl('circle', {cx: 0, cy: 0, r: 4})`: an SVG element; undefined and null attributes are left out. */
export function svgEl(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  return node;
}

/**
 * `<text>` with one `<tspan>` per line, each starting again at `x`.
 * `spaced`: every line but the last ends with a space, so the accessible
 * name of the text reads as the words it shows.
 */
export function svgText(lines, { x, y, lineHeight, anchor, spaced = false }) {
  const text = svgEl('text', { x, y, 'text-anchor': anchor });
  lines.forEach((line, i) => {
    const span = svgEl('tspan', { x, dy: i ? lineHeight : undefined });
    span.textContent = spaced && i < lines.length - 1 ? `${line} ` : line;
    text.append(span);
  });
  return text;
}

/** An href that is http(s) or relative; anything else (javascript:, data:) gives null. */
export function safeHref(url) {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    const parsed = new URL(url, 'https://relative.invalid/');
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The link to a pattern's page. When the page set a map of its pattern
 * pages (links.js), the map's URL, or null for a pattern the site has no
 * page for; else `base-url` + id + "/" (a base-url may also be a hash
 * prefix, "#/pattern/"). The id is one path segment, escaped; "." and ".."
 * (which URLs read as "here" and "up", even escaped) get no link.
 */
export function patternHref(baseUrl, id) {
  if (typeof id !== 'string' || id === '' || id === '.' || id === '..') return null;
  const mapped = mappedPage(id);
  if (mapped !== undefined) return mapped && safeHref(mapped);
  return safeHref(`${baseUrl ?? ''}${encodeURIComponent(id)}/`);
}

/** A constructed stylesheet (no 'unsafe-inline' needed under a strict CSP), cached per text. */
const sheets = new Map();
export function sheet(css) {
  if (!sheets.has(css)) {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    sheets.set(css, s);
  }
  return sheets.get(css);
}

/**
 * Settles once the browser has drawn the next frame, so that long work
 * started then does not hold back what was just put in the page. A hidden
 * page draws no frames: there it settles at once.
 */
export function nextFrameDrawn() {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    requestAnimationFrame(() => setTimeout(resolve));
  });
}

/** The styles every element shares (style.js), here too for older imports. */
export { baseCss } from './style.js';

/** A readable error state with a retry button; `retry` is called on click. */
export function errorBox(message, error, retry) {
  const button = el('button', { type: 'button', part: 'retry', class: 'primary' }, 'Retry');
  button.addEventListener('click', retry);
  return el('div', { part: 'error', role: 'alert', 'data-code': error?.code },
    el('p', {}, `${message} ${error?.message ?? error ?? ''}`.trim()), button);
}
