// Colours as numbers: parsing the forms browsers compute (`rgb()`,
// `rgba()`, `#hex`), compositing a translucent colour over what is behind
// it, WCAG contrast ratios, and moving a colour until its text is readable.
// No DOM here: the theme (theme.js) is built and tested in Node with it.

/** `{r, g, b, a}` (0-255, alpha 0-1) from "#rgb", "#rrggbb", "#rrggbbaa", "rgb(…)" or "rgba(…)"; null otherwise. */
export function parseColour(text) {
  const s = String(text ?? '').trim().toLowerCase();
  let m = /^#([0-9a-f]{3,8})$/.exec(s);
  if (m) {
    let hex = m[1];
    if (hex.length === 3 || hex.length === 4) hex = [...hex].map((c) => c + c).join('');
    if (hex.length !== 6 && hex.length !== 8) return null;
    const n = (i) => Number.parseInt(hex.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: hex.length === 8 ? n(6) / 255 : 1 };
  }
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(s);
  if (m) {
    const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number.parseFloat(m[4]);
    return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: Math.max(0, Math.min(1, alpha)) };
  }
  return null;
}

/** "#rrggbb" of an opaque colour. */
export function hex({ r, g, b }) {
  return `#${[r, g, b].map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, '0')).join('')}`;
}

/** `top` painted over the opaque `bottom`: an opaque colour. */
export function composite(top, bottom) {
  const a = top.a ?? 1;
  return { r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1 };
}

/** `amount` (0-1) of `a` and the rest of `b`, both opaque. */
export function mix(a, b, amount) {
  return composite({ ...a, a: amount }, b);
}

const channel = (v) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** WCAG relative luminance of an opaque colour. */
export function luminance({ r, g, b }) {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two opaque colours (1 to 21). */
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** True for a background on which dark text reads better than light text. */
export function isLight(colour) {
  return contrast(colour, BLACK) >= contrast(colour, WHITE);
}

export const WHITE = { r: 255, g: 255, b: 255, a: 1 };
export const BLACK = { r: 0, g: 0, b: 0, a: 1 };

/**
 * `colour`, moved towards black (on light backgrounds) or white (on dark
 * ones) in small steps until it has at least `ratio` against every one of
 * `backgrounds`; unchanged when it already has. Keeps the hue as far as it
 * can, so the host's link colour stays recognisably the host's.
 */
export function readable(colour, backgrounds, ratio = 4.5) {
  const lowest = (c) => Math.min(...backgrounds.map((bg) => contrast(c, bg)));
  if (lowest(colour) >= ratio) return colour;
  const towards = isLight(backgrounds[0]) ? BLACK : WHITE;
  let best = colour;
  for (let step = 1; step <= 50; step++) {
    best = mix(towards, colour, step / 50);
    if (lowest(best) >= ratio) return best;
  }
  return best;
}
