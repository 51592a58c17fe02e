// The explorer's opening view (no query, the default tiers, the first
// page) asked of the engine ahead of time: scripts/assemble.mjs puts these
// questions to the shipped catalog and ships the answers as
// explorer-opening-answers.js, so <patsel-explorer> paints its first results
// while the engine is still loading; they are the answers the engine then
// gives. Pure, so the build script shares the explorer's own requests.

import { CARD_FIELDS } from './card-fields.js';

export const DEFAULT_TIERS = ['gold'];
/** The facets the explorer has a panel for, in the panels' order. */
export const FACET_IDS = ['category', 'domain', 'layer', 'status', 'difficulty', 'tags'];
/** Patterns per page unless `page-size` says otherwise; "Show more" adds a page. */
export const DEFAULT_PAGE_SIZE = 24;

/** Every value of every facet, which the filter panels list. */
export const ALL_FACET_VALUES = Object.freeze({ query: '', facets: FACET_IDS, facet_limit: 100000, limit: 0 });

/** The first page of the opening view, with every facet counted. */
export function openingPage(pageSize = DEFAULT_PAGE_SIZE) {
  return {
    query: '', filters: { tier: DEFAULT_TIERS }, facets: ['tier', ...FACET_IDS], facet_limit: 100000,
    limit: pageSize, offset: 0, hit_fields: CARD_FIELDS,
  };
}
