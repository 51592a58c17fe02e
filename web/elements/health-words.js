// Words for the catalog's health data, shared by <patsel-health>,
// <patsel-changes>, <patsel-card> and <patsel-timeline>: dates as people
// read them, a tier change as a sentence, a library's maintained state.
// No DOM here: tests/browser/unit runs it in Node.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-06" -> "June 2024", "2024" -> "2024"; anything else as it is. */
export function monthText(date) {
  const text = String(date ?? '');
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return text;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${month} ${match[1]}` : text;
}

/** A date for a `<time datetime>`: "2024-06" and "2024" are valid as they are; else null. */
export function datetimeOf(date) {
  return /^\d{4}(-\d{2})?$/.test(String(date ?? '')) ? String(date) : null;
}

/**
 * The tier a pattern has now and since when, from its `tier_history`
 * (oldest first): {tier, since, was, reason}, or null without history.
 */
export function currentTier(history) {
  const last = Array.isArray(history) ? history.at(-1) : null;
  if (!last?.to) return null;
  return { tier: last.to, since: last.date, was: last.from, reason: last.reason || '' };
}

/** "silver since June 2024 (was gold)". */
export function tierSinceText(history) {
  const now = currentTier(history);
  if (!now) return '';
  return `${now.tier} since ${monthText(now.since)}${now.was ? ` (was ${now.was})` : ''}`;
}

/** "June 2024: gold to silver". */
export function tierChangeText(change) {
  return `${monthText(change.date)}: ${change.from} to ${change.to}`;
}

/** What a library's maintained state means, in words. */
export const STATE_WORDS = {
  active: 'actively maintained',
  maintenance: 'in maintenance mode (fixes only)',
  archived: 'archived, no longer maintained',
};

/** The share of a score that rests on known signals: "5 of 8 signals known". */
export function knownText(signals) {
  const list = Array.isArray(signals) ? signals : [];
  return `${list.filter((s) => s.known).length} of ${list.length} signals known`;
}

/** A score as shown (the engine's one decimal: "83.5"); null when not known. */
export function scoreText(score) {
  return typeof score === 'number' && Number.isFinite(score) ? String(score) : null;
}

/** A date the reader typed (an `<input type=month>` gives "2024-06"): "YYYY-MM" or "YYYY", else null. */
export function sinceDate(text) {
  const value = String(text ?? '').trim();
  return /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(value) ? value : null;
}
