// What each element keeps in its URL parameter, in the one format of
// url-state.js, and how links written in the older forms are still read
// (never written). No DOM here: tests/browser/unit runs it in Node.
//
//   element              entries                                          older form, still read
//   explorer             q, tier, <facet>..., from, to, sort, page         (none)
//   compare, stack       patterns                                         saga.outbox, "-" for none
//   tree                 session (the engine's, its parts as values), tier;  <session>!gold,silver
//                        trees (the list of trees shown)
//   recommender          <profile field>..., tier                         peak_rps:10000;compliance:gdpr,pci-dss!gold
//   related (in place)   pattern                                          outbox
//
// `tier` is written only when the allowed tiers differ from the element's
// `tiers` attribute (the explorer: from gold); bare `tier` means none.

import { decodeState, dottedText, dottedValues, encodeState } from './url-state.js';
import { TIER_IDS, parseTiers } from './tiers.js';

// A value's tiers: the known ones in tier order; [] when none or none known.
const tiersOf = (values) => parseTiers(values.join(' '), []);

/** <patsel-compare> and <patsel-stack>: the ids chosen, `patterns.saga.outbox`. */
export const choiceForm = {
  /** ["saga", "outbox"] -> "patterns.saga.outbox"; [] -> "patterns". */
  write(ids) {
    return encodeState({ patterns: ids });
  },
  /** The ids, or null without a value (the `patterns` attribute then applies). */
  read(value) {
    if (value == null) return null;
    const entries = decodeState(value);
    if (Object.hasOwn(entries, 'patterns')) return entries.patterns.filter(Boolean);
    if (value === '-') return [];
    return value.split(/[.,\s]+/).filter(Boolean);
  },
};

/**
 * <patsel-tree>: the engine's session and the allowed tiers,
 * `session.<tree>.<fingerprint>.<answer>..._tier.gold.silver`; or `trees`
 * while the list of trees is shown.
 */
export const treeForm = {
  /** `tiers`: undefined when they are the attribute's; `picker`: the list of trees. */
  write({ session, tiers, picker = false }) {
    if (picker) return encodeState({ trees: [] });
    return encodeState({ session: dottedValues(session), tier: tiers });
  },
  /** {session, tiers (undefined: the attribute's)} or {picker: true}, or null without a value. */
  read(value) {
    if (value == null || value === '') return null;
    const entries = decodeState(value);
    if (!value.includes('!') && Object.hasOwn(entries, 'trees') && !Object.hasOwn(entries, 'session')) return { picker: true };
    if (!value.includes('!') && Object.hasOwn(entries, 'session'))
      return { session: dottedText(entries.session), tiers: entries.tier && tiersOf(entries.tier) };
    const [session, tiers] = value.split('!');
    return { session, tiers: tiers === undefined ? undefined : parseTiers(tiers, []) };
  },
};

/**
 * <patsel-recommender>: the fields filled in and the allowed tiers,
 * `peak~5Frps.10000_compliance.gdpr.pci-dss_tier.gold.silver`. `values` maps
 * a field id to its text, or to a list for a set field.
 */
export const recommenderForm = {
  write({ values, tiers }) {
    const entries = {};
    for (const [id, value] of Object.entries(values)) {
      if (value == null || value === '' || (Array.isArray(value) && !value.length)) continue;
      entries[id] = Array.isArray(value) ? value : String(value);
    }
    return encodeState({ ...entries, tier: tiers });
  },
  /** {values, tiers}, or null without a value; `isSet(id)` says which fields hold lists. */
  read(value, isSet) {
    if (value == null) return null;
    if (/[:!]/.test(value)) return readOldRecommender(value, isSet);
    const values = {};
    let tiers;
    for (const [id, list] of Object.entries(decodeState(value))) {
      if (id === 'tier') tiers = tiersOf(list);
      else values[id] = isSet(id) ? list.filter(Boolean) : (list[0] ?? '');
    }
    return { values, tiers };
  },
};

// `field:value;field:a,b!gold,silver`, with `; : , ! %` inside a part percent-escaped.
function readOldRecommender(text, isSet) {
  const [pairs, tiers] = text.split('!');
  const values = {};
  for (const pair of pairs.split(';')) {
    const at = pair.indexOf(':');
    if (at <= 0) continue;
    const id = unescapePercent(pair.slice(0, at));
    const raw = pair.slice(at + 1);
    values[id] = isSet(id) ? raw.split(',').filter(Boolean).map(unescapePercent) : unescapePercent(raw);
  }
  return { values, tiers: tiers === undefined ? undefined : parseTiers(tiers, []) };
}

function unescapePercent(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** <patsel-related navigate="in-place">: the pattern moved to, `pattern.outbox`. */
export const relatedForm = {
  /** null (no parameter) for the element's own pattern. */
  write(id) {
    return id ? encodeState({ pattern: id }) : null;
  },
  /** The id, or '' without a value. */
  read(value) {
    if (!value) return '';
    const entries = decodeState(value);
    return Object.hasOwn(entries, 'pattern') ? (entries.pattern[0] ?? '') : value;
  },
};

/**
 * <patsel-explorer>: the view `{q, tiers, filters: {facet: values}, from,
 * to, sort, pages}`, `q.2pc_tier.gold.silver_category.resilience_from.2000_sort.title_page.2`;
 * what equals the default is left out.
 */
export const explorerForm = {
  /** `facets`: the facet ids in the order they are written. */
  write(view, { facets, defaultTiers }) {
    const entries = { q: view.q || undefined };
    if (view.tiers.join() !== defaultTiers.join()) entries.tier = view.tiers;
    for (const facet of facets) if (view.filters[facet]?.length) entries[facet] = view.filters[facet];
    entries.from = view.from ?? undefined;
    entries.to = view.to ?? undefined;
    entries.sort = view.sort || undefined;
    entries.page = view.pages > 1 ? view.pages : undefined;
    return encodeState(entries);
  },
  /** `facets` and `sorts`: the ids the explorer knows; anything else in the URL is dropped. */
  read(value, { facets, sorts, defaultTiers }) {
    const saved = decodeState(value);
    const year = (v) => (v?.[0] && /^-?\d{1,6}$/.test(v[0]) ? Number(v[0]) : null);
    const page = Number.parseInt(saved.page?.[0] ?? '1', 10);
    const filters = {};
    for (const facet of facets) if (saved[facet]?.length) filters[facet] = saved[facet];
    return {
      q: saved.q?.[0] ?? '',
      tiers: saved.tier ? TIER_IDS.filter((t) => saved.tier.includes(t)) : [...defaultTiers],
      filters,
      from: year(saved.from),
      to: year(saved.to),
      sort: sorts.includes(saved.sort?.[0]) ? saved.sort[0] : '',
      pages: Number.isInteger(page) && page > 1 ? Math.min(page, 50) : 1,
    };
  },
};

/**
 * One id the reader chose, under `key`: <patsel-learning-path> (`path.intermediate`),
 * <patsel-quick-reference> (`card.scalability`), <patsel-compositions>
 * (`pattern.sidecar`). The bare key (`card`) is the choice of none ("all goals").
 */
function pickForm(key) {
  return {
    /** null (no parameter) for the element's own choice; '' for none. */
    write(id) {
      return id == null ? null : encodeState({ [key]: id === '' ? [] : [id] });
    },
    /** The id ('' for none), or null without the entry. */
    read(value) {
      const entries = decodeState(value);
      return Object.hasOwn(entries, key) ? (entries[key][0] ?? '') : null;
    },
  };
}
export const learningPathForm = pickForm('path');
export const quickReferenceForm = pickForm('card');
export const compositionsForm = pickForm('pattern');

/**
 * <patsel-problem-matrix>: the area and the tiers shown,
 * `area.availability_tier.gold.silver`; a bare `area` is every area. Either
 * is left out when it is the element's attribute's.
 */
export const problemMatrixForm = {
  /** `area`: undefined for the attribute's, '' for every area; `tiers`: undefined for the attribute's. */
  write({ area, tiers }) {
    return encodeState({ area: area == null ? undefined : area === '' ? [] : [area], tier: tiers });
  },
  /** {area, tiers}, each undefined when not in the URL; null without a value. */
  read(value) {
    if (!value) return null;
    const entries = decodeState(value);
    return {
      area: Object.hasOwn(entries, 'area') ? (entries.area[0] ?? '') : undefined,
      tiers: entries.tier && tiersOf(entries.tier),
    };
  },
};

/**
 * <patsel-health>: the filters, `tier.gold_category.resilience_flagged.yes`.
 * Each entry only when it differs from the element's attributes; a bare
 * `category` is every category.
 */
export const healthForm = {
  /** `tiers`, `category` ('' every category), `flagged`: undefined for the attribute's; `all`: every row shown. */
  write({ tiers, category, flagged, all }) {
    return encodeState({
      tier: tiers,
      category: category == null ? undefined : category === '' ? [] : [category],
      flagged: flagged == null ? undefined : flagged ? 'yes' : 'no',
      all: all ? 'yes' : undefined,
    });
  },
  /** {tiers, category, flagged, all}, each undefined when not in the URL (all: false); null without a value. */
  read(value) {
    if (!value) return null;
    const entries = decodeState(value);
    return {
      tiers: entries.tier && tiersOf(entries.tier),
      category: Object.hasOwn(entries, 'category') ? (entries.category[0] ?? '') : undefined,
      flagged: Object.hasOwn(entries, 'flagged') ? entries.flagged[0] !== 'no' : undefined,
      all: entries.all?.[0] === 'yes',
    };
  },
};

/**
 * <patsel-changes>: what the changes are counted from, `since.2024-06` (a
 * date; a bare `since` is every recorded change) or `release` (the older
 * catalog of `since-catalog`). Left out when it is the element's default.
 */
export const changesForm = {
  /** `{view: 'date', since: '2024-06'}` or `{view: 'release'}`; null: the default. */
  write(state) {
    if (!state) return null;
    if (state.view === 'release') return encodeState({ release: [] });
    return encodeState({ since: state.since ? [state.since] : [] });
  },
  /** {view, since} or null without a value. */
  read(value) {
    if (!value) return null;
    const entries = decodeState(value);
    if (Object.hasOwn(entries, 'release')) return { view: 'release', since: '' };
    if (Object.hasOwn(entries, 'since')) return { view: 'date', since: entries.since[0] ?? '' };
    return null;
  },
};
