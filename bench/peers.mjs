// The tools a site would otherwise use, over the same catalog and the same
// explorer requests (bench/workloads.mjs): MiniSearch, and a plain JS filter
// like the one DStudio's pages use today (tier, category, substring).
//
// Both answer less than pattern-selector does for one request (no facet
// counts, no highlights, no phrase or synonym handling), so their times are
// a lower bound for what the explorer would need from them.

import MiniSearch from 'minisearch';

const joined = (value) => (Array.isArray(value) ? value.join(' ') : value ?? '');
const tierRank = { gold: 0, silver: 1, bronze: 2 };

function matchesFilters(pattern, filters) {
  for (const [facet, allowed] of Object.entries(filters)) {
    const value = pattern[facet];
    const values = Array.isArray(value) ? value : [value];
    if (!values.some((v) => allowed.includes(v))) return false;
  }
  return true;
}

/** MiniSearch with prefix and fuzzy matching and the engine's field boosts (docs/search.md). */
export function miniSearchPeer(catalog) {
  const index = new MiniSearch({
    fields: ['title', 'aliases', 'tags', 'tagline', 'summary', 'essential_question', 'when_to_use', 'excerpt'],
    storeFields: ['id'],
    extractField: (document, field) => joined(document[field]),
    searchOptions: {
      prefix: true,
      fuzzy: 0.2,
      boost: { title: 8, aliases: 5, tags: 3, tagline: 2, summary: 2, essential_question: 1.5 },
    },
  });
  index.addAll(catalog.patterns);
  const byId = new Map(catalog.patterns.map((p) => [p.id, p]));
  return {
    name: 'MiniSearch 7.2 (prefix, fuzzy 0.2)',
    search({ query, filters, limit }) {
      const hits = query.trim()
        ? index.search(query, { filter: (hit) => matchesFilters(byId.get(hit.id), filters) })
        : catalog.patterns.filter((p) => matchesFilters(p, filters));
      return { total: hits.length, hits: hits.slice(0, limit).map((hit) => hit.id) };
    },
  };
}

/** Lower-case substring of the title, summary or tags, then the tier and category filters. */
export function plainFilterPeer(catalog) {
  const rows = catalog.patterns.map((p) => ({
    pattern: p,
    text: `${p.title} ${p.summary ?? ''} ${joined(p.tags)}`.toLowerCase(),
  }));
  return {
    name: 'plain JS filter (substring, tier, category)',
    search({ query, filters, limit }) {
      const needle = query.trim().toLowerCase();
      const hits = rows
        .filter((row) => (!needle || row.text.includes(needle)) && matchesFilters(row.pattern, filters))
        .map((row) => row.pattern)
        .sort((a, b) => tierRank[a.tier] - tierRank[b.tier] || a.title.localeCompare(b.title));
      return { total: hits.length, hits: hits.slice(0, limit).map((p) => p.id) };
    },
  };
}

export const peers = [miniSearchPeer, plainFilterPeer];
