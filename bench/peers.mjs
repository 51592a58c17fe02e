// The tools a site would otherwise use, over the same catalog and the same
// explorer requests (bench/workloads.mjs): MiniSearch, FlexSearch, Orama,
// and a plain JS filter like the one DStudio's pages use today (tier,
// category, substring).
//
// Each library is set up as close to the engine's own matching as it allows
// (docs/search.md): the same eight fields and boosts, every query word
// required, the last word a prefix while no space follows it, typos by word
// length (none up to 3 letters, one up to 7, two above). What a library
// cannot do is said in its `matching` line and in the README; the bench
// also counts how many of the engine's top 10 each one finds (queries.mjs),
// so a faster peer that finds less is seen as such.
//
// They all answer less than pattern-selector does for one request (no
// highlights, no phrase or synonym handling; only Orama counts facets), so
// their times are a lower bound for what the explorer would need from them.

import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';
import { create as createOrama, insertMultiple, search as searchOrama } from '@orama/orama';

/** The searched fields and their boosts, as in the engine's ranking. */
export const FIELDS = ['title', 'aliases', 'tags', 'tagline', 'summary', 'essential_question', 'when_to_use', 'excerpt'];
const BOOSTS = { title: 8, aliases: 5, tags: 3, tagline: 2, summary: 2, essential_question: 1.5, when_to_use: 1, excerpt: 1 };

/** The facets the bench's requests filter on, single-valued in every record. */
const FILTERED = ['tier', 'category', 'domain', 'layer', 'status', 'difficulty'];

const joined = (value) => (Array.isArray(value) ? value.join(' ') : value ?? '');
const tierRank = { gold: 0, silver: 1, bronze: 2 };

/** A record's searched text by field; its id counts as one more alias, as in the engine. */
function fieldText(pattern, field) {
  if (field === 'aliases') return `${joined(pattern.aliases)} ${pattern.id.replaceAll('-', ' ')}`;
  return joined(pattern[field]);
}

/** The query's words, folded as the engine folds them (case, diacritics), and whether the last is a prefix. */
export function queryWords(query) {
  const words = query.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return { words, lastIsPrefix: words.length > 0 && !/\s$/.test(query) };
}

/** Typos allowed in a word of this length: none for 1-3 letters, one for 4-7, two for longer. */
export const typoBudget = (length) => (length <= 3 ? 0 : length <= 7 ? 1 : 2);

function matchesFilters(pattern, filters) {
  for (const [facet, allowed] of Object.entries(filters)) {
    const value = pattern[facet];
    const values = Array.isArray(value) ? value : [value];
    if (!values.some((v) => allowed.includes(v))) return false;
  }
  return true;
}

// What every peer answers for an empty query: the filtered patterns in tier order.
function browse(catalog, filters) {
  return catalog.patterns
    .filter((p) => matchesFilters(p, filters))
    .sort((a, b) => tierRank[a.tier] - tierRank[b.tier] || a.title.localeCompare(b.title))
    .map((p) => p.id);
}

/**
 * MiniSearch: prefix only on the last word, typos by word length, the
 * engine's weights for completions (0.8) and one-typo corrections (0.55).
 */
export function miniSearchPeer(catalog) {
  const index = new MiniSearch({
    fields: FIELDS,
    storeFields: ['id'],
    extractField: (document, field) => (field === 'id' ? document.id : fieldText(document, field)),
  });
  index.addAll(catalog.patterns);
  const byId = new Map(catalog.patterns.map((p) => [p.id, p]));
  return {
    name: 'MiniSearch 7.2',
    matching: 'prefix on the last word, typos by length (also when the word exists), no stemming, synonyms or phrases',
    search({ query, filters, limit }) {
      const { words, lastIsPrefix } = queryWords(query);
      if (!words.length) {
        const ids = browse(catalog, filters);
        return { total: ids.length, hits: ids.slice(0, limit) };
      }
      const hits = index.search(query, {
        boost: BOOSTS,
        combineWith: 'AND',
        prefix: (term, i, terms) => lastIsPrefix && i === terms.length - 1,
        fuzzy: (term) => typoBudget(term.length),
        weights: { prefix: 0.8, fuzzy: 0.55 },
        filter: (hit) => matchesFilters(byId.get(hit.id), filters),
      });
      return { total: hits.length, hits: hits.slice(0, limit).map((hit) => hit.id) };
    },
  };
}

/**
 * FlexSearch, its fast path: one index over each record's text, the fields
 * in boost order (title first), since FlexSearch ranks a word by where it
 * stands in the text; the words of a query may sit in different fields.
 */
export function flexSearchPeer(catalog) {
  const { Index, Charset } = FlexSearch;
  const index = new Index({ tokenize: 'forward', encoder: Charset.Normalize });
  catalog.patterns.forEach((p, i) => index.add(i, FIELDS.map((field) => fieldText(p, field)).join(' . ')));
  return {
    name: 'FlexSearch 0.8 (one index)',
    matching: 'every word a prefix (the tokenizer indexes word starts), no typos, stemming, synonyms or phrases; ranks by word position, the title first, no field boosts',
    search({ query, filters, limit }) {
      if (!queryWords(query).words.length) {
        const ids = browse(catalog, filters);
        return { total: ids.length, hits: ids.slice(0, limit) };
      }
      const ids = [];
      for (const i of index.search(query, { limit: catalog.patterns.length })) {
        if (matchesFilters(catalog.patterns[i], filters)) ids.push(catalog.patterns[i].id);
      }
      return { total: ids.length, hits: ids.slice(0, limit) };
    },
  };
}

/**
 * FlexSearch with the engine's field boosts: a document index with a
 * forward (prefix) tokenizer per field; each word is looked up in every
 * field with the field's boost and the words are intersected, so they may
 * sit in different fields as in the engine.
 */
export function flexSearchBoostedPeer(catalog) {
  const { Document, Resolver, Charset } = FlexSearch;
  const index = new Document({
    document: { id: 'id', index: FIELDS.map((field) => ({ field, tokenize: 'forward', encoder: Charset.Normalize })) },
  });
  for (const p of catalog.patterns) {
    const record = { id: p.id };
    for (const field of FIELDS) record[field] = fieldText(p, field);
    index.add(record);
  }
  const byId = new Map(catalog.patterns.map((p) => [p.id, p]));
  const everyField = (word) => {
    let found = null;
    for (const field of FIELDS) {
      const part = { field, query: word, boost: BOOSTS[field] };
      found = found ? found.or(part) : new Resolver({ index, ...part });
    }
    return found;
  };
  return {
    name: 'FlexSearch 0.8 (field boosts)',
    matching: 'every word a prefix, no typos, stemming, synonyms or phrases; boosts move results by rank slots, not scores',
    search({ query, filters, limit }) {
      const { words } = queryWords(query);
      if (!words.length) {
        const ids = browse(catalog, filters);
        return { total: ids.length, hits: ids.slice(0, limit) };
      }
      let found = null;
      for (const word of words) found = found ? found.and(everyField(word)) : everyField(word);
      const ids = found.resolve({ limit: catalog.patterns.length }).filter((id) => matchesFilters(byId.get(id), filters));
      return { total: ids.length, hits: ids.slice(0, limit) };
    },
  };
}

/**
 * Orama: BM25 with the engine's boosts, English stemming, every word
 * required (threshold 0), filters as `where` and the requested facets
 * counted. One typo budget applies to the whole query: the smallest of
 * its words', so no word gets more typos than the engine would allow.
 */
export function oramaPeer(catalog) {
  const schema = Object.fromEntries(FIELDS.map((field) => [field, 'string']));
  for (const facet of FILTERED) schema[facet] = 'enum';
  const db = createOrama({ schema, components: { tokenizer: { stemming: true, language: 'english' } } });
  insertMultiple(db, catalog.patterns.map((p) => {
    const record = { id: p.id };
    for (const field of FIELDS) record[field] = fieldText(p, field);
    for (const facet of FILTERED) if (typeof p[facet] === 'string') record[facet] = p[facet];
    return record;
  }));
  return {
    name: 'Orama 3.1',
    matching: 'every word a prefix, one typo budget per query (the smallest of its words\'), stemming; no synonyms or phrases; facet counts not disjunctive',
    search({ query, filters, facets = [], limit }) {
      const { words } = queryWords(query);
      const where = {};
      for (const [facet, values] of Object.entries(filters)) where[facet] = { in: values };
      const counted = Object.fromEntries(facets.filter((f) => FILTERED.includes(f)).map((f) => [f, {}]));
      const answer = searchOrama(db, {
        term: words.join(' '),
        properties: FIELDS,
        boost: BOOSTS,
        tolerance: words.length ? Math.min(...words.map((w) => typoBudget(w.length))) : 0,
        threshold: 0,
        where,
        facets: Object.keys(counted).length ? counted : undefined,
        limit,
      });
      return { total: answer.count, hits: answer.hits.map((hit) => hit.id) };
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
    name: 'plain JS filter',
    matching: 'the query as one substring of title, summary or tags; no fields, prefixes, typos or ranking',
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

export const peers = [miniSearchPeer, flexSearchPeer, flexSearchBoostedPeer, oramaPeer, plainFilterPeer];
