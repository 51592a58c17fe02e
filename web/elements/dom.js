// Small DOM helpers shared by the elements: HTML and SVG nodes, safe links,
// constructed stylesheets, the styles every element shares and the error
// box. Catalog text is always set as text (textContent), never as HTML, and
// links are only http(s) or relative.

/** `el('p', {part: 'summary'}, 'text', child)`: an element with attributes and children. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
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
 * The link to a pattern's page: `base-url` + id + "/". The id is one path
 * segment, escaped; "." and ".." (which URLs read as "here" and "up", even
 * escaped) get no link.
 */
export function patternHref(baseUrl, id) {
  if (typeof id !== 'string' || id === '' || id === '.' || id === '..') return null;
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
 * Styles every element shares: tier colours (an element with `data-tier`
 * sets --accent and --tint for its contents), the tier badge, light and
 * dark schemes, focus, the error box.
 */
export const baseCss = `
:host { display: block; color: var(--patsel-text, inherit); font: inherit;
  --patsel-gold: #8a6500; --patsel-gold-bg: #fff8e1; --patsel-silver: #4b5563; --patsel-silver-bg: #f3f4f6;
  --patsel-bronze: #8b4513; --patsel-bronze-bg: #fbeee6; --patsel-border-color: #d0d4da; --patsel-focus-color: #2563eb; }
@media (prefers-color-scheme: dark) {
  :host { --patsel-gold: #f2c94c; --patsel-gold-bg: #2f2607; --patsel-silver: #d1d5db; --patsel-silver-bg: #1f2937;
    --patsel-bronze: #f0a36b; --patsel-bronze-bg: #33190a; --patsel-border-color: #4b5563; --patsel-focus-color: #93c5fd; }
}
:host([hidden]) { display: none; }
a { color: var(--patsel-link, inherit); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible,
[tabindex]:focus-visible { outline: 2px solid var(--patsel-focus, var(--patsel-focus-color)); outline-offset: 2px; }
[part~=error] { border: 1px solid #b91c1c; border-radius: 6px; padding: .75rem; }
[data-tier=gold] { --accent: var(--patsel-gold); --tint: var(--patsel-gold-bg); }
[data-tier=silver] { --accent: var(--patsel-silver); --tint: var(--patsel-silver-bg); }
[data-tier=bronze] { --accent: var(--patsel-bronze); --tint: var(--patsel-bronze-bg); }
[data-tier=unclassified] { --accent: var(--patsel-border-color); --tint: transparent; }
[part~=badge] { display: inline-block; font-size: .72em; font-weight: 700; text-transform: uppercase; letter-spacing: .04em;
  padding: .05rem .45rem; border-radius: 999px; border: 1px solid var(--accent); color: var(--accent); background: var(--tint); }
`;

/** A readable error state with a retry button; `retry` is called on click. */
export function errorBox(message, error, retry) {
  const button = el('button', { type: 'button', part: 'retry' }, 'Retry');
  button.addEventListener('click', retry);
  return el('div', { part: 'error', role: 'alert', 'data-code': error?.code },
    el('p', {}, `${message} ${error?.message ?? error ?? ''}`.trim()), button);
}
