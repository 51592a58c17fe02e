// The catalog's tiers as the elements show them: their order, labels and
// hints, the `tiers` attribute's parser, the tier badge and the row of tier
// checkboxes. Their colours are custom properties in dom.js's baseCss
// (`[data-tier=gold]` sets --accent and --tint).

import { el } from './dom.js';

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

/** `<span part="badge badge-gold" data-tier="gold">gold</span>`. */
export function tierBadge(tier) {
  const shown = tierOf(tier);
  return el('span', { part: `badge badge-${shown}`, 'data-tier': shown }, shown);
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
