// Patterns named in the engine's answers ({pattern, title, tier}) as the
// organization elements (learning path, problem matrix, quick reference,
// compositions) show them: the title linked to the pattern's page, its tier
// badge, and for a bronze pattern what replaces it, so that a legacy pattern
// is never recommended silently.

import { el, patternHref } from './dom.js';
import { joinNodes } from './text.js';
import { tierBadge } from './tiers.js';

/** The title, linked to `base-url` + id + "/" (part `link`), or as text when no link can be made. */
export function patternLink(baseUrl, brief) {
  const href = patternHref(baseUrl, brief.pattern);
  const title = brief.title || brief.pattern;
  return href ? el('a', { href, part: 'link', 'data-pattern': brief.pattern }, title) : el('span', { part: 'name' }, title);
}

/** Link and tier badge, for a list item. */
export function patternWithTier(baseUrl, brief) {
  return [patternLink(baseUrl, brief), ' ', tierBadge(brief.tier)];
}

/**
 * What replaces a bronze pattern: the engine's migration targets that are
 * not bronze themselves, best tier first, at most `limit`. Not bronze, or
 * nothing known: [].
 */
export function replacementsOf(engine, brief, limit = 2) {
  if (brief.tier !== 'bronze') return [];
  let moves;
  try {
    moves = engine.migrate(brief.pattern).to;
  } catch {
    return [];
  }
  const rank = { gold: 0, silver: 1 };
  return moves.filter((m) => m.tier in rank)
    .sort((a, b) => rank[a.tier] - rank[b.tier])
    .slice(0, limit)
    .map(({ pattern, title, tier }) => ({ pattern, title, tier }));
}

/**
 * "Legacy: use Saga or Outbox instead." (part `legacy`) for a bronze pattern;
 * without known replacements "Legacy: not for new designs."; null otherwise.
 */
export function legacyNote(baseUrl, brief, replacements) {
  if (brief.tier !== 'bronze') return null;
  if (!replacements.length) return el('span', { part: 'legacy' }, 'Legacy: not for new designs.');
  return el('span', { part: 'legacy' }, 'Legacy: use ',
    joinNodes(replacements.map((r) => patternLink(baseUrl, r)), ', ', ' or '), ' instead.');
}
