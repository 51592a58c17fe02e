// The catalog's tiers as the elements show them: their order, labels and
// hints, the `tiers` attribute's parser, the tier badge and the row of tier
// checkboxes, and the tier icons: a tier is never told by its colour alone.
// Their colours are tokens of theme.js; style.js's `[data-tier=gold]` sets
// --accent and --tint.

import { el, svgEl } from './dom.js';

/** Best first. */
export const TIERS = [
  { tier: 'gold', label: 'Gold', hint: 'modern best practice' },
  { tier: 'silver', label: 'Silver', hint: 'good, with trade-offs' },
  { tier: 'bronze', label: 'Bronze', hint: 'legacy' },
];
export const TIER_IDS = TIERS.map((t) => t.tier);

/** A tier as shown: one of TIER_IDS, else "unclassified". */
export function tierOf(tier) {
  return TIER_IDS.includes(tier) ? tier : 'unclassified';
}

/**
 * A `tiers` attribute ("gold silver", "gold,silver") as tier ids in tier
 * order. Text that names no tier gives `fallback`; empty text gives [].
 */
export function parseTiers(text, fallback = ['gold']) {
  const words = String(text ?? '').split(/[\s,]+/).filter((w) => TIER_IDS.includes(w));
  if (!words.length && String(text ?? '').trim() !== '') return fallback;
  return TIER_IDS.filter((t) => words.includes(t));
}

/** True when `a` and `b` hold the same tiers. */
export function sameTiers(a, b) {
  return a.length === b.length && a.every((t) => b.includes(t));
}

// A shape per tier, drawn in the tier's colour on a 16 x 16 grid: a star
// (best practice), a half-filled circle (trade-offs), an hourglass
// (legacy), a dashed circle (no tier).
const ICONS = {
  gold: [['polygon', { points: '8,.8 10.2,5.5 15.3,6 11.5,9.5 12.5,14.6 8,12 3.5,14.6 4.5,9.5 .7,6 5.8,5.5' }]],
  silver: [['circle', { cx: 8, cy: 8, r: 6, fill: 'none', stroke: 'currentColor', 'stroke-width': 2 }], ['path', { d: 'M8 2a6 6 0 0 1 0 12z' }]],
  bronze: [['path', { d: 'M3.5 1.5h9v1.6c0 1.9-1.4 3.6-3.1 4.9 1.7 1.3 3.1 3 3.1 4.9v1.6h-9v-1.6c0-1.9 1.4-3.6 3.1-4.9C4.9 6.7 3.5 5 3.5 3.1z'
    + 'M5.3 3.1c0 1.2.9 2.4 2.7 3.7 1.8-1.3 2.7-2.5 2.7-3.7zM5.4 12.9h5.2c-.2-1-1.1-2-2.6-3.1-1.5 1.1-2.4 2.1-2.6 3.1z', 'fill-rule': 'evenodd' }]],
  unclassified: [['circle', { cx: 8, cy: 8, r: 5.5, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.6, 'stroke-dasharray': '2.6 2' }]],
};

/** The tier's icon: a small decorative SVG (`class="tier-icon"`, hidden from screen readers). */
export function tierIcon(tier) {
  const svg = svgEl('svg', { class: 'tier-icon', viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false', 'data-icon': tierOf(tier) });
  for (const [tag, attributes] of ICONS[tierOf(tier)]) svg.append(svgEl(tag, attributes));
  return svg;
}

/** `<span part="badge badge-gold" data-tier="gold"><svg …/>gold</span>`: the tier's colour, icon and word. */
export function tierBadge(tier) {
  const shown = tierOf(tier);
  return el('span', { part: `badge badge-${shown}`, 'data-tier': shown }, tierIcon(shown), shown);
}

/**
 * `<fieldset part="tiers">`: one checkbox (name "tier") per tier with its
 * label and hint. `hint(tier)` may reword a hint; `extra(tier)` adds a node
 * after it (the explorer's counts).
 */
export function tierCheckboxes(legend, { hint = (t) => t.hint, extra = () => null } = {}) {
  return el('fieldset', { part: 'tiers' }, el('legend', {}, legend),
    TIERS.map((t) => el('label', { part: 'tier-option' },
      el('input', { type: 'checkbox', name: 'tier', value: t.tier }), el('span', {}, t.label),
      el('span', { class: 'hint' }, `(${hint(t)})`), extra(t.tier))));
}

/** The tiers ticked in a tierCheckboxes fieldset. */
export function checkedTiers(fieldset) {
  return [...fieldset.querySelectorAll('input:checked')].map((box) => box.value);
}

/** Ticks exactly `tiers` in a tierCheckboxes fieldset. */
export function showTiers(fieldset, tiers) {
  for (const box of fieldset.querySelectorAll('input')) box.checked = tiers.includes(box.value);
}
