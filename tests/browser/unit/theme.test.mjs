// The colour tokens (web/elements/colour.js, theme.js) in Node: colours
// parsed as browsers compute them, WCAG contrast, and palettes whose every
// text colour reads at 4.5:1 or more on every background it can stand on,
// for our own light and dark palettes and for Material's default and slate
// schemes (their colours as Material 8.2 defines them, made opaque).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composite, contrast, hex, parseColour, readable } from '../../../web/elements/colour.js';
import { DARK, LIGHT, baseFrom, palette, themeCss } from '../../../web/elements/theme.js';

const c = parseColour;

test('colours parse in the forms browsers compute', () => {
  assert.deepEqual(c('#fff'), { r: 255, g: 255, b: 255, a: 1 });
  assert.deepEqual(c('#4051b5'), { r: 64, g: 81, b: 181, a: 1 });
  assert.deepEqual(c('rgba(0, 0, 0, 0.87)'), { r: 0, g: 0, b: 0, a: 0.87 });
  assert.deepEqual(c('rgb(46 48 62 / 50%)'), { r: 46, g: 48, b: 62, a: 0.5 });
  assert.equal(c('hsl(0, 0%, 0%)'), null, 'only what getComputedStyle gives');
  assert.equal(c(''), null);
  assert.equal(hex(composite(c('rgba(0, 0, 0, 0.5)'), c('#ffffff'))), '#808080');
});

test('contrast is the WCAG ratio, and readable() moves a colour only as far as it must', () => {
  assert.equal(Math.round(contrast(c('#000'), c('#fff')) * 100) / 100, 21);
  assert.equal(Math.round(contrast(c('#767676'), c('#fff')) * 100) / 100, 4.54);
  const indigo = c('#4051b5');
  const slate = c('#2e303e');
  assert.ok(contrast(indigo, slate) < 2.5, "Material 8.2's slate link colour on its own background");
  const fixed = readable(indigo, [slate]);
  assert.ok(contrast(fixed, slate) >= 4.5);
  assert.ok(fixed.b > fixed.r, 'still blue');
  assert.deepEqual(readable(c('#1f2328'), [c('#ffffff')]), c('#1f2328'), 'a colour that reads is kept');
});

// Material 8.2's colours of its two schemes (palette.css, main.css), as a browser computes them.
const MATERIAL = {
  default: { background: 'rgb(255, 255, 255)', text: 'rgba(0, 0, 0, 0.87)', muted: 'rgba(0, 0, 0, 0.54)', link: 'rgb(64, 81, 181)',
    primary: 'rgb(64, 81, 181)', focus: 'rgb(82, 108, 254)', surface: 'rgb(245, 245, 245)', border: 'rgba(0, 0, 0, 0.07)' },
  slate: { background: 'rgb(46, 48, 62)', text: 'rgb(233, 235, 252)', muted: 'rgba(211, 216, 248, 0.62)', link: 'rgb(64, 81, 181)',
    primary: 'rgb(64, 81, 181)', focus: 'rgb(82, 108, 254)', surface: 'rgb(32, 34, 44)', border: 'rgba(211, 216, 248, 0.12)' },
};

const TEXT_TOKENS = ['text', 'text-muted', 'link', 'danger'];
function checkPalette(name, { scheme, tokens }) {
  const t = (token) => c(tokens[token]);
  const grounds = ['background', 'surface', 'gold-bg', 'silver-bg', 'bronze-bg'];
  for (const token of TEXT_TOKENS)
    for (const ground of grounds) assert.ok(contrast(t(token), t(ground)) >= 4.5, `${name}: ${token} on ${ground} ${contrast(t(token), t(ground)).toFixed(2)}`);
  for (const tier of ['gold', 'silver', 'bronze'])
    for (const ground of [`${tier}-bg`, 'background', 'surface']) assert.ok(contrast(t(tier), t(ground)) >= 4.5, `${name}: ${tier} on ${ground}`);
  for (const relation of ['requires', 'complements', 'part', 'alternative', 'replaces', 'conflicts', 'related'])
    assert.ok(contrast(t(`relation-${relation}`), t('background')) >= 4.5, `${name}: relation ${relation}`);
  assert.ok(contrast(t('on-primary'), t('primary')) >= 4.5, `${name}: primary button`);
  assert.ok(contrast(t('mark-color'), t('mark-background')) >= 4.5, `${name}: highlight`);
  assert.ok(contrast(t('field-border'), t('background')) >= 3, `${name}: borders of fields`);
  assert.ok(contrast(t('focus'), t('background')) >= 3, `${name}: focus ring`);
  return scheme;
}

test('our own palettes read at 4.5:1 everywhere', () => {
  assert.equal(checkPalette('light', palette(LIGHT)), 'light');
  assert.equal(checkPalette('dark', palette(DARK)), 'dark');
});

test("palettes built from Material's schemes read at 4.5:1 everywhere, and keep Material's colours where they read", () => {
  const light = palette(baseFrom(MATERIAL.default));
  assert.equal(checkPalette('material default', light), 'light');
  assert.equal(light.tokens.link, '#4051b5', "Material's link colour, as it is");
  assert.equal(light.tokens.background, '#ffffff');
  const dark = palette(baseFrom(MATERIAL.slate));
  assert.equal(checkPalette('material slate', dark), 'dark');
  assert.notEqual(dark.tokens.link, '#4051b5', 'lightened: indigo on slate is 2:1');
  assert.equal(dark.tokens.background, '#2e303e');
  assert.equal(dark.tokens.text, '#e9ebfc');
});

test('a page with an unreadable background gives no palette', () => {
  assert.equal(baseFrom({ background: 'rgba(0, 0, 0, 0)', text: 'rgb(0, 0, 0)' }), null);
  assert.equal(baseFrom({ background: 'not a colour', text: 'rgb(0, 0, 0)' }), null);
});

test('the theme sheet: the page palette on :host, and the theme attribute forcing ours', () => {
  const follow = themeCss(null);
  assert.match(follow, /@media \(prefers-color-scheme: dark\)/);
  assert.match(follow, /:host\(\[theme=dark\]\) \{ color-scheme: dark; --patsel-background: #121212;/);
  assert.match(follow, /:host\(\[theme=light\]\) \{ color-scheme: light; --patsel-background: #ffffff;/);
  const material = themeCss(palette(baseFrom(MATERIAL.slate)));
  assert.doesNotMatch(material, /prefers-color-scheme/);
  assert.match(material, /^:host \{ color-scheme: dark; --patsel-background: #2e303e;/);
});
