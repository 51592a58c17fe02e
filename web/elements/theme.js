// The elements' colours as CSS custom properties (`--patsel-*`), worked out
// from a few base colours of the page they sit on: its background, text,
// muted text, link, primary and focus colours, the background of panels.
// Every colour text is drawn in is moved, if it has to be, until it has a
// contrast of at least 4.5:1 against every background it can stand on
// (colour.js's `readable`); borders of controls get 3:1.
//
// Two palettes of our own (LIGHT, DARK) serve pages that say nothing; on a
// Material for MkDocs page host-theme.js reads Material's colours and builds
// the palette from them with `palette()`. `themeCss()` writes the sheet
// every element adopts first, so that its own styles use the tokens.
// No DOM here: tested in Node (tests/browser/unit/theme.test.mjs).

import { composite, contrast, hex, isLight, mix, parseColour, readable, BLACK, WHITE } from './colour.js';

const c = (text) => parseColour(text);

/** Base colours of a light page with no palette of its own. */
export const LIGHT = {
  background: c('#ffffff'), text: c('#1f2328'), muted: c('#59636e'), link: c('#0b5cad'),
  primary: c('#1f5fbf'), focus: c('#2563eb'), surface: c('#f6f8fa'), border: c('#d0d7de'),
};

/** Base colours of a dark page (the dark canvas of browsers is about #121212). */
export const DARK = {
  background: c('#121212'), text: c('#e6e8eb'), muted: c('#a7b0ba'), link: c('#8ab4f8'),
  primary: c('#8ab4f8'), focus: c('#93c5fd'), surface: c('#1e2228'), border: c('#3d444d'),
};

// Tier hues: `hue` tints the tier's panels, `text` is the tier's colour for
// words (before the contrast check), per scheme.
const TIER_COLOURS = {
  light: {
    gold: { hue: '#d4a017', text: '#7d5b00' }, silver: { hue: '#7b8494', text: '#4b5563' }, bronze: { hue: '#c0642a', text: '#8b4513' },
  },
  dark: {
    gold: { hue: '#e0b030', text: '#f2c94c' }, silver: { hue: '#9ca3af', text: '#d1d5db' }, bronze: { hue: '#d9803a', text: '#f0a36b' },
  },
};

// The related graph's relation colours (edges and their labels).
const RELATION_COLOURS = {
  light: { requires: '#1d4ed8', complements: '#047857', part: '#0e7490', alternative: '#7e22ce', replaces: '#b45309', conflicts: '#b91c1c', related: '#4b5563' },
  dark: { requires: '#93c5fd', complements: '#6ee7b7', part: '#67e8f9', alternative: '#d8b4fe', replaces: '#fcd34d', conflicts: '#fca5a5', related: '#d1d5db' },
};

const DANGER = { light: '#b91c1c', dark: '#fca5a5' };
const MARK = { light: '#fde68a', dark: '#facc15' };

/**
 * Every token of a page whose base colours are `base` (opaque colours as
 * parseColour gives them; `muted`, `link`, `primary`, `focus`, `surface`,
 * `border` may be missing and are then derived). Returns
 * `{scheme: 'light'|'dark', tokens: {name: '#rrggbb'}}`.
 */
export function palette(base) {
  const bg = base.background;
  const scheme = isLight(bg) ? 'light' : 'dark';
  const own = scheme === 'light' ? LIGHT : DARK;
  const surface = base.surface ?? own.surface;
  const tiers = Object.fromEntries(Object.entries(TIER_COLOURS[scheme]).map(([tier, { hue }]) =>
    [tier, mix(c(hue), bg, scheme === 'light' ? 0.13 : 0.18)]));
  const mark = scheme === 'light' ? c(MARK.light) : mix(c(MARK.dark), bg, 0.4);
  // Every background text can stand on.
  const grounds = [bg, surface, ...Object.values(tiers)];

  const text = readable(base.text, grounds);
  const muted = readable(base.muted ?? mix(text, bg, 0.7), grounds);
  const link = readable(base.link ?? own.link, grounds);
  let primary = base.primary ?? link;
  const onPrimary = contrast(WHITE, primary) >= contrast(BLACK, primary) ? WHITE : BLACK;
  primary = readable(primary, [onPrimary]);
  const focus = readable(base.focus ?? link, [bg, surface], 3);
  const border = base.border ?? mix(text, bg, 0.2);
  const fieldBorder = readable(mix(text, bg, 0.45), [bg, surface], 3);

  const tokens = {
    background: bg, text, 'text-muted': muted, surface, border, 'field-border': fieldBorder, 'field-background': bg,
    link, primary, 'on-primary': onPrimary, focus,
    danger: readable(c(DANGER[scheme]), grounds),
    'mark-background': mark, 'mark-color': readable(text, [mark]),
  };
  for (const [tier, tint] of Object.entries(tiers)) {
    tokens[tier] = readable(c(TIER_COLOURS[scheme][tier].text), [tint, bg, surface]);
    tokens[`${tier}-bg`] = tint;
  }
  for (const [relation, colour] of Object.entries(RELATION_COLOURS[scheme]))
    tokens[`relation-${relation}`] = readable(c(colour), [bg, surface]);
  return { scheme, tokens: Object.fromEntries(Object.entries(tokens).map(([name, value]) => [name, hex(value)])) };
}

/**
 * Base colours read from a page (strings as the browser computes them,
 * e.g. "rgba(0, 0, 0, 0.87)"), made opaque over its background. Missing or
 * unreadable ones are left out. null without a readable background.
 */
export function baseFrom(computed) {
  const bg = parseColour(computed.background);
  if (!bg || bg.a < 1) return null;
  const base = { background: bg };
  for (const name of ['text', 'muted', 'link', 'primary', 'focus', 'surface', 'border']) {
    const value = parseColour(computed[name]);
    if (value && value.a > 0) base[name] = composite(value, bg);
  }
  if (!base.text) return null;
  return base;
}

/** `--patsel-name: value;` for each token, and the scheme for native controls. */
export function declarations({ scheme, tokens }) {
  return `color-scheme: ${scheme}; ${Object.entries(tokens).map(([name, value]) => `--patsel-${name}: ${value};`).join(' ')}`;
}

export const LIGHT_PALETTE = palette(LIGHT);
export const DARK_PALETTE = palette(DARK);

/**
 * The sheet every element adopts first. `page`: the palette of the page the
 * elements are on (a Material page's), or null to follow the operating
 * system's scheme. The `theme` attribute forces one of our own palettes.
 */
export function themeCss(page) {
  const auto = page
    ? `:host { ${declarations(page)} }`
    : `:host { ${declarations(LIGHT_PALETTE)} }\n@media (prefers-color-scheme: dark) { :host { ${declarations(DARK_PALETTE)} } }`;
  return `${auto}
:host([theme=light]) { ${declarations(LIGHT_PALETTE)} }
:host([theme=dark]) { ${declarations(DARK_PALETTE)} }
`;
}
