// The page's colours, for every element at once: one constructed
// stylesheet (`themeSheet`) that each element adopts first, rewritten when
// the page's scheme changes, so no element has to know.
//
// On a Material for MkDocs page (detected, never assumed: Material's
// `--md-default-bg-color` is set on <body>) the palette is built from
// Material's own colours: --md-default-bg-color, --md-default-fg-color(--light),
// --md-typeset-a-color, --md-primary-fg-color, --md-accent-fg-color,
// --md-code-bg-color. Material's palette toggle changes attributes of <body>
// (`data-md-color-scheme`, `-primary`, `-accent`): they are observed, and the
// sheet follows with no reload.
//
// On any other page the elements follow the operating system's scheme
// (`prefers-color-scheme`) as far as the page itself does: the palette is
// built on the page's own background (of <html>, else <body>, over the
// canvas, which is dark only when the page allows a dark scheme:
// `color-scheme: light dark` or <meta name="color-scheme">) and its text
// colour. So a page that turns dark with the system gets dark widgets, and
// a light-only page keeps readable ones in a dark system. Changes of class,
// style and data attributes of <html> and <body> (a site's own dark-mode
// switch) are followed too. Before this runs, the sheet follows
// `prefers-color-scheme` alone. The `theme` attribute of an element forces
// our light or dark palette (theme.js).

import { composite, hex, parseColour } from './colour.js';
import { baseFrom, palette, themeCss } from './theme.js';

/** The sheet of colour tokens, shared by every element of the page. */
export const themeSheet = new CSSStyleSheet();
let text = themeCss(null);
themeSheet.replaceSync(text);

let current = { material: false, scheme: null };
let watching = false;

/** Where the colours come from now: `{material, scheme}` (scheme null: the operating system's). */
export function hostTheme() {
  return { ...current };
}

/** Starts following the page (once per page; every element calls it). */
export function watchHostTheme() {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  const start = () => {
    update();
    const observer = new MutationObserver(update);
    for (const node of [document.documentElement, document.body]) observer.observe(node, { attributes: true });
    // Stylesheets that arrive late (a slow palette CSS) are caught here.
    window.addEventListener('load', update, { once: true });
    matchMedia('(prefers-color-scheme: dark)').addEventListener?.('change', update);
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}

function update() {
  const material = readMaterial();
  const base = baseFrom(material ?? readPage() ?? {});
  const page = base ? palette(base) : null;
  const next = themeCss(page);
  current = { material: Boolean(material && base), scheme: page?.scheme ?? null };
  if (next === text) return;
  text = next;
  themeSheet.replaceSync(text);
  document.dispatchEvent(new CustomEvent('patsel-theme-change', { detail: hostTheme() }));
}

// Any page: its background (<html>'s, else <body>'s, over the canvas in
// the page's colour scheme) and the text colour of <body>.
function readPage() {
  const colour = (node, property = 'backgroundColor') => parseColour(getComputedStyle(node)[property]);
  const probe = document.createElement('span');
  probe.hidden = true;
  probe.style.backgroundColor = 'Canvas';
  document.body.append(probe);
  const canvas = colour(probe);
  probe.remove();
  const own = [document.documentElement, document.body].map((node) => colour(node)).find((c) => c && c.a > 0);
  const background = own && canvas ? composite(own, { ...canvas, a: 1 }) : canvas;
  return background && { background: hex(background), text: getComputedStyle(document.body).color };
}

// Material's colours as the browser computes them, or null on another page.
function readMaterial() {
  const body = document.body;
  if (!body || !getComputedStyle(body).getPropertyValue('--md-default-bg-color').trim()) return null;
  const probe = document.createElement('span');
  probe.hidden = true;
  body.append(probe);
  const read = (...names) => {
    for (const name of names) {
      probe.style.color = '';
      probe.style.color = `var(${name})`;
      if (getComputedStyle(body).getPropertyValue(name).trim()) return getComputedStyle(probe).color;
    }
    return null;
  };
  try {
    return {
      background: read('--md-default-bg-color'),
      text: read('--md-typeset-color', '--md-default-fg-color'),
      muted: read('--md-default-fg-color--light'),
      link: read('--md-typeset-a-color'),
      primary: read('--md-primary-fg-color'),
      focus: read('--md-accent-fg-color'),
      surface: read('--md-code-bg-color'),
      border: read('--md-default-fg-color--lightest'),
    };
  } finally {
    probe.remove();
  }
}
