// The members of a search hit that <patsel-explorer>'s cards show (the
// highlighted snippet stands for the summary) and the names a reader may
// type; the engine writes no more (docs/search.md). Shared with the benchmark,
// which sends the explorer's own request.
export const CARD_FIELDS = ['id', 'title', 'tier', 'category', 'difficulty', 'introduced', 'aliases', 'highlights'];
