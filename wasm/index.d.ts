// Types of @dstudio/pattern-selector.

/** Excellence tier: gold = modern best practice, silver = good with trade-offs, bronze = legacy. */
export type Tier = 'gold' | 'silver' | 'bronze' | 'unclassified';

/**
 * Where a catalog comes from: a parsed object, JSON text, bytes, or a URL / path.
 * A string is JSON text when it starts (after whitespace) with `{`, `[` or
 * `"`, is a JSON number, `true`, `false` or `null`, or is empty; any other
 * string is a path or URL. So `"[1]"`, `"null"` and `""` are refused as
 * catalogs (`catalog.bad_shape`, `catalog.parse_error`), while
 * `"catalog.json"` and `"/x/catalog.json"` are read.
 */
export type CatalogSource = object | string | URL | ArrayBuffer | Uint8Array;

export interface EngineOptions {
  /**
   * The catalog to load. Default: the catalog.json shipped next to the module.
   * @example createEngine({ catalog: new URL('/my-catalog.json', location.href) })
   */
  catalog?: CatalogSource;
  /** The selector.wasm to load (URL or bytes). Default: the file next to the module. */
  wasm?: string | URL | ArrayBuffer | Uint8Array;
  /**
   * What the engine agrees to parse; past a limit, loading (or a call)
   * fails with a PatselError instead of exhausting memory or the stack.
   * Default: every limit at its default.
   * @example createEngine({ catalog: bigCatalogUrl, limits: { max_catalog_bytes: 256 * 1024 * 1024 } })
   */
  limits?: EngineLimits;
}

/** Limits of {@link EngineOptions.limits}; each is optional. */
export interface EngineLimits {
  /**
   * Largest catalog text, in bytes (UTF-8); larger fails with `catalog.too_large`. Default: 67108864 (64 MiB).
   * At most 268435456 (256 MiB) in the wasm engine, whose memory ends at 2 GiB
   * (a loaded catalog takes about five times its size, up to seven once every record has been read); more is refused with `load.bad_option`.
   */
  max_catalog_bytes?: number;
  /** Largest params of one call, in bytes of JSON; larger fails with `params.too_large`. Default: 1048576 (1 MiB). */
  max_params_bytes?: number;
  /**
   * Deepest nesting of arrays and objects in the catalog and in params, 1 to 1000;
   * deeper fails with `catalog.too_deep` / `params.too_deep`. Default: 128.
   */
  max_depth?: number;
}

/** Default values of {@link EngineOptions}. */
export declare const defaultEngineOptions: Readonly<EngineOptions>;

export interface CatalogWarning {
  code: string;
  message: string;
}

export interface CatalogInfo {
  schema_version: number;
  content_hash: string;
  /** Number of patterns loaded. */
  patterns: number;
  /**
   * `full` (catalog.json), or `search` for a search catalog
   * (search-catalog.json, `patsel search-catalog`): it answers `info`,
   * `list` and `search` only; other methods fail with `catalog.search_only`.
   */
  scope: 'full' | 'search';
  /** Records skipped while loading (bad shape, duplicate id). */
  warnings: CatalogWarning[];
}

export interface ListOptions {
  /** Tiers to include (OR-ed). Default: all. */
  tiers?: Tier[];
  /** Categories to include (OR-ed). Default: all. */
  categories?: string[];
}

export interface PatternSummary {
  id: string;
  title: string;
  summary: string;
  tier: Tier;
  category: string;
  domain: string;
  layer: string;
  status: string;
  tags: string[];
}

export interface ListResult {
  total: number;
  patterns: PatternSummary[];
}

/** Facets a search can filter on and count. `tags` and `ecosystem` are multi-valued. */
export type Facet =
  | 'tier' | 'category' | 'domain' | 'layer' | 'status' | 'relevance' | 'difficulty'
  | 'tags' | 'effort' | 'team_size' | 'ecosystem';

/** Result orders; every order breaks ties by score, then tier, then title, then id. */
export type SearchSort =
  | 'relevance' | 'tier' | 'title' | 'introduced-newest' | 'introduced-oldest' | 'reading-time';

/** A byte range [begin, end) into a UTF-8 string, never inside a character. */
export type ByteRange = [number, number];

/** A searched text field, as reported in `matched.fields`. */
export type SearchField =
  | 'title' | 'aliases' | 'tags' | 'tagline' | 'summary' | 'essential_question' | 'when_to_use' | 'excerpt';

export interface SearchOptions {
  /**
   * What the user typed. Words are stemmed and typo-tolerant, and the last
   * word is a prefix while no space follows it. `"a phrase"` needs its words
   * side by side, `-word` leaves patterns out, `tag:word` (title, alias, tag,
   * tagline, summary, question, when, excerpt) looks in one field.
   * Default: "" (every pattern).
   * @example 'exactly once -legacy tag:messaging'
   */
  query?: string;
  /**
   * Selected values per facet: OR within a facet, AND across facets.
   * Default: none.
   * @example { tier: ['gold', 'silver'], category: ['resilience'] }
   */
  filters?: Partial<Record<Facet, string[]>>;
  /**
   * Inclusive ranges; `null` leaves an end open. A pattern with no value
   * for the field never passes a range on it. Default: none.
   * @example { introduced: [2000, null], reading_time: [null, 10] }
   */
  ranges?: { introduced?: [number | null, number | null]; reading_time?: [number | null, number | null] };
  /** Facets to count. Default: all eleven. `[]` counts none (faster). */
  facets?: Facet[];
  /** Values listed per facet, the most frequent first; selected values are always listed. Default: 100. */
  facet_limit?: number;
  /**
   * For the facets named here: list exactly these values, each with its count
   * (0 included), instead of the most frequent ones; selected values are still listed.
   */
  facet_values?: Partial<Record<Facet, string[]>>;
  /** Default: 'relevance' when the query has words, else 'tier'. */
  sort?: SearchSort;
  /** Hits to return, 0 to 1000. Default: 20. */
  limit?: number;
  /** Hits to skip, for paging. Default: 0. */
  offset?: number;
  /**
   * The members each hit carries; the others are left out, and the matched
   * terms and highlights are not even computed unless named. A view that
   * shows a few of them gets its answer sooner. Default: all.
   * @example ['id', 'title', 'tier', 'highlights']
   */
  hit_fields?: Array<keyof SearchHit>;
  /**
   * `full` also searches near spellings, synonyms, compound words and the
   * name being typed; `prefix` only the words as typed, the last one also
   * as a prefix. Default: full.
   */
  matching?: 'full' | 'prefix';
}

export interface SearchHit extends PatternSummary {
  /** beginner, intermediate, advanced or expert; null when the catalog does not say. */
  difficulty: string | null;
  /** The year the pattern was introduced; null when unknown. */
  introduced: number | null;
  /** Other names of the pattern. */
  aliases: string[];
  /** BM25 relevance, rounded to 4 decimals; 0 without query words. */
  score: number;
  /** Which fields and which parts of the query (as typed) matched. */
  matched: { fields: SearchField[]; terms: string[] };
  highlights: {
    /** Byte ranges of matched words in `title`. */
    title: ByteRange[];
    /** The summary, or about 200 bytes of it around the first match ("…" marks a cut), with ranges into it. */
    snippet: { text: string; ranges: ByteRange[] };
  };
}

export interface FacetValue {
  value: string;
  /** Patterns the user would get with this value toggled (other facets' selections applied). */
  count: number;
  selected: boolean;
}

export interface SearchTerm {
  /** The word or phrase as typed; words searched together (a known phrase) appear as one term. */
  text: string;
  kind: 'word' | 'phrase';
  /** Set by `field:`; null searches every field. */
  field: SearchField | null;
  excluded: boolean;
  /** The word was still being typed and matched as a prefix. */
  prefix: boolean;
  /** Other words searched for it: typo corrections, completions, synonyms. */
  expansions: string[];
}

export interface SearchResult {
  /** Patterns matching the query and every filter. */
  total: number;
  offset: number;
  sort: SearchSort;
  hits: SearchHit[];
  /** Per facet asked for: tiers in tier order, others most frequent first. */
  facets: Partial<Record<Facet, FacetValue[]>>;
  /** The smallest and largest value among patterns passing the other filters (a slider's ends). */
  ranges: {
    introduced: { min: number | null; max: number | null };
    reading_time: { min: number | null; max: number | null };
  };
  query: {
    text: string;
    terms: SearchTerm[];
    /** What the parser left out, and why: stop words, unclosed quotes, unknown fields ... */
    ignored: { text: string; reason: string }[];
    /** No pattern matched enough of the words, so patterns matching any of them are shown. */
    relaxed: boolean;
  };
}

/** An engine over one loaded catalog. */
export declare class Engine {
  readonly info: CatalogInfo;
  /** Patterns filtered by tier and category, gold first, then by title. */
  list(options?: ListOptions): ListResult;
  /**
   * Full-text search, facet filters and counts, ranges, sorting and paging in
   * one call (the explorer redraws from one answer). Throws `params.bad_option`
   * for an unknown facet, tier, range or order.
   * @example
   * engine.search({ query: 'exactly once', filters: { tier: ['gold', 'silver'] }, limit: 10 });
   */
  search(options?: SearchOptions): SearchResult;
  /** One pattern's whole record and the patterns it refers to; throws `pattern.not_found`. */
  pattern(id: string): PatternDetails;

  // --- reasoning: decision trees, recommendations, relationships ---------
  /** The decision trees, and those that cannot be used (`broken`). */
  trees(): TreeList;
  /** One whole tree, every question and result, for a diagram. Throws `tree.unknown_tree`. */
  tree(id: string): TreeDiagram;
  /**
   * One step of a decision tree walk. Stateless: pass the `session` of the
   * previous step and get the next one; the session string is URL-safe, so
   * it can live in the address bar. Throws `tree.stale_session` when a saved
   * session no longer fits the catalog (restart with `{session, restart: true}`
   * or `{tree}`), `tree.bad_session`, `tree.unknown_tree`, `tree.missing_node`
   * (a broken tree), `tree.too_many_steps`, `params.bad_option` (an answer that
   * is not an option).
   * @example
   * let step = engine.treeStep({ tree: 'distributed-transactions' });
   * step = engine.treeStep({ session: step.session, answer: step.question.options[0].id });
   * step = engine.treeStep({ session: step.session, back: 1 });
   */
  treeStep(options: TreeStepOptions): TreeStep;
  /** The requirements profile fields, for building a form. */
  profileFields(): ProfileFields;
  /**
   * Patterns ranked for a requirements profile, with every reason.
   * @example
   * engine.recommend({ profile: { peak_rps: 10000, availability: 99.99, consistency: 'strong' } }).ranked[0].pattern;
   */
  recommend(options: RecommendOptions): Recommendation;
  /** Patterns related to `pattern`, by relation type and depth. Throws `params.unknown_pattern`. */
  related(pattern: string, options?: RelatedOptions): RelatedResult;
  /** `patterns` in an order where prerequisites come first; cycles are reported. */
  order(patterns: string[], options?: OrderOptions): OrderResult;
  /** What replaces `pattern` (steps, guides, triggers) and what it replaces. */
  migrate(pattern: string): Migration;
  /** The pattern families (evolution lines). */
  families(options?: FamiliesOptions): FamilyList;
  /** One family's evolution timeline and migration triggers. Throws `params.bad_option` for an unknown id. */
  timeline(family: string): Timeline;
  /** The learning paths. */
  paths(): LearningPathList;
  /** One learning path, stage by stage, with the prerequisites each pattern still lacks. */
  path(id: string): LearningPath;
  /** Patterns made of other patterns ("Service Mesh = Sidecar + ..."). */
  compositions(options?: CompositionsOptions): CompositionList;
  /** The problem-solution matrix. */
  problems(options?: ProblemsOptions): ProblemMatrix;
  /** Quick reference cards: what to have first, next and later for a goal. */
  cards(options?: CardsOptions): CardList;
  /** What a set of patterns in use means together: conflicts, gaps, legacy, complexity. */
  stack(patterns: string[]): StackReport;
  /**
   * Two to five patterns side by side; with a profile, how each fits it.
   *
   * @example
   * engine.compare(['saga', 'two-phase-commit'], { profile: { consistency: 'strong' } }).rows[1].label; // "Your requirements"
   */
  compare(patterns: string[], options?: CompareOptions): Comparison;

  // --- health and change: docs/health.md ------------------------------------
  /**
   * Each pattern's health score (0 to 100) and contradiction flags, highest
   * score first. Throws `params.bad_option` for a bad tier or date.
   * @example
   * engine.healthList({ tiers: ['gold'], flagged: true }).patterns.map((p) => p.pattern);
   */
  healthList(options?: HealthListOptions): HealthList;
  /**
   * One pattern's health score, every signal with its weight and share, its
   * sourced signals and tier history. Throws `params.unknown_pattern`.
   * @example
   * engine.health('circuit-breaker').signals.find((s) => s.id === 'maintained').why;
   */
  health(pattern: string, options?: HealthOptions): PatternHealth;
  /** The patterns due for their tier review, each with its reasons. */
  healthReview(options?: HealthReviewOptions): HealthReview;
  /**
   * The tier changes (`tier_history`) and reviews the catalog records since
   * a date, newest first: "what changed since a date". Throws
   * `params.bad_option` for a date that is not `YYYY-MM` or `YYYY`.
   * @example
   * engine.healthChanges({ since: '2026-01' }).tier_changes.map((c) => `${c.title}: ${c.from} -> ${c.to}`);
   */
  healthChanges(options?: HealthChangesOptions): HealthChanges;
  /**
   * What changed since an older catalog: its catalog.json text or the parsed
   * object. The text is read as a catalog of its own (not inside params), so
   * it counts against `max_catalog_bytes` (64 MiB by default) and a whole
   * catalog needs no raised limit. Throws `catalog.parse_error` (and the
   * other load errors, their message starting "the older catalog:") for a
   * bad one.
   * @example
   * const old = await (await fetch('/releases/2026-q3/catalog.json')).text();
   * engine.diff(old).tier_moves;
   */
  diff(since: string | object): CatalogDiff;

  /** Runs a raw engine method by name. Throws {@link PatselError}. */
  call(method: string, params?: object): unknown;
  /** Frees the engine's wasm memory; later calls throw `engine.disposed`. */
  dispose(): void;
}

/**
 * Every failure: a stable `code` and a message prefixed "pattern-selector: ".
 *
 * Codes of the JS API itself (the engine's own codes, such as
 * `params.bad_option` or `tree.unknown`, are documented with each method):
 * - `wasm.instantiate_failed`: the wasm module or its glue could not be loaded.
 * - `catalog.fetch_failed`: the catalog's path or URL could not be read.
 * - `catalog.not_json`: a catalog object that JSON cannot hold (a BigInt, a cycle).
 * - `catalog.parse_error`, `catalog.bad_shape`, `catalog.schema_too_new`,
 *   `catalog.too_large`, `catalog.too_deep`: the catalog text was refused.
 * - `load.bad_option`: a `limits` field out of range, unknown, or not JSON.
 * - `params.not_json`: params that JSON cannot hold (a BigInt, a cycle).
 * - `params.too_large`, `params.too_deep`, `params.bad_option`: params refused by the engine.
 * - `catalog.search_only`: a method other than `info`, `list` and `search`
 *   asked of an engine over a search catalog (see {@link searchEngine});
 *   `engine.search_only`: the same asked of the search module itself.
 * - `engine.disposed`: a call after `dispose()`.
 * - `options.unknown`: an unknown key given to `configure()`.
 */
export declare class PatselError extends Error {
  readonly code: string;
  /** The message without the library prefix and code. */
  readonly reason: string;
}

/**
 * Loads the wasm module and a catalog (in parallel) and returns an engine.
 * Rejects with a {@link PatselError}: `wasm.instantiate_failed`,
 * `catalog.fetch_failed`, `catalog.parse_error`, `catalog.schema_too_new` ...
 * @example
 * const engine = await createEngine();
 * engine.list({ tiers: ['gold'] }).total;
 */
export declare function createEngine(options?: EngineOptions): Promise<Engine>;

/**
 * Sets page-wide defaults for engines created afterwards: where the wasm and
 * the catalog come from when a call does not say. Unknown keys throw
 * `options.unknown`.
 * @example configure({ wasm: new URL('/static/selector.wasm', location.href) })
 */
export declare function configure(options: EngineOptions): void;

/**
 * The shared engine for a catalog (default: the shipped one). The first call
 * loads it; later calls, from any widget of the page, get the same engine.
 * Catalogs given by URL are shared by URL, objects and bytes by identity.
 * A failed load is forgotten, so calling again retries.
 */
export declare function engineFor(options?: EngineOptions): Promise<Engine>;

/**
 * The shared engine a page searches with (what `<patsel-explorer>` uses).
 * With the shipped catalog: the page's full engine if one is loading or
 * loaded, else the search module (selector-search.wasm, without the
 * reasoning methods) over the shipped search catalog (search-catalog.json,
 * a fifth of catalog.json: what search reads), or the full engine where
 * either file cannot be read. With another catalog: `engineFor(options)`.
 * Its `search`, `list` and `info` answer as the full engine's; other
 * methods fail with `catalog.search_only`.
 */
export declare function searchEngine(options?: EngineOptions): Promise<Engine>;

/** Starts loading the shared engine now, for pages that know they will need it. */
export declare function preload(options?: EngineOptions): void;

/** Title, tier and summary of a pattern named by another. */
export interface PatternRef {
  title: string;
  tier: Tier;
  summary: string;
}

/**
 * A pattern's whole record, as in catalog.json (docs/catalog-schema.md), and
 * the patterns it refers to by id.
 */
export interface PatternDetails {
  pattern: PatternRecord;
  refs: Record<string, PatternRef>;
}

/** A catalog record; the fields are described in docs/catalog-schema.md. */
export interface PatternRecord {
  id: string;
  url: string;
  title: string;
  tier: Tier;
  summary?: string;
  aliases?: string[];
  category?: string;
  status?: string;
  rationale?: string;
  introduced?: string;
  modern_examples?: { company: string; implementation?: string; scale?: string }[];
  production_checklist?: string[];
  trade_offs?: { pros?: string[]; cons?: string[] };
  best_for?: string[];
  modern_alternatives?: ({ pattern: string; reason?: string } | { text: string })[];
  deprecation_reason?: string;
  migration_paths?: { from?: MigrationStep[]; to?: MigrationStep[] };
  alternatives?: { pattern: string; when?: string }[];
  /** `source_line`: the page line of the link, for a relation read from the page's Related section. */
  related?: { pattern: string; relation: string; note?: string; source_line?: number }[];
  when_to_use?: string[];
  when_not_to_use?: string[];
  [field: string]: unknown;
}

export interface MigrationStep {
  pattern: string;
  steps?: string[];
  guide?: string;
}

/**
 * One pattern for a page that shows a single pattern: read from a small
 * per-pattern file when the page has no engine yet, else from the engine.
 * Rejects with `pattern.not_found` for an unknown id.
 */
export declare function getPattern(id: string, options?: EngineOptions): Promise<PatternDetails>;

/**
 * The answers <patsel-explorer> opens with (no query, the default tiers, the
 * first page), computed from the shipped catalog when the package was built
 * (explorer-opening-answers.js) so the explorer can paint before the engine
 * is ready. Null when the page uses another catalog, once an engine has
 * loaded, or when the package holds none (a MkDocs site with its own catalog).
 */
export interface ExplorerOpening {
  content_hash: string;
  page_size: number;
  /** Every value of every facet the explorer shows. */
  facets: SearchResult;
  /** The first page of the default view, with every facet counted. */
  first: SearchResult;
}
export declare function explorerOpening(options?: EngineOptions): Promise<ExplorerOpening | null>;
/**
 * Whether the opening answers apply now: the shipped catalog and no engine
 * loaded yet (once it is, it answers at once).
 */
export declare function openingApplies(options?: EngineOptions): boolean;

// --- reasoning ----------------------------------------------------------------

/** A pattern named in a result: its id, title and tier. */
export interface PatternBrief {
  /** The pattern id. */
  pattern: string;
  title: string;
  tier: Tier;
}

/** An error value reported inside a result (a malformed record of the catalog). */
export interface CatalogProblem {
  code: string;
  /** Names the place, e.g. "$.rules[4].when.field: 'x' is not a profile field". */
  message: string;
}

/** A decision tree's result level. */
export type TreeLevel = 'gold' | 'silver' | 'bronze';

export interface TreeList {
  /**
   * Sorted by `order` (equal orders by title; trees without one last, in catalog order).
   * `group`: the problem a reader has, a heading of a list of trees.
   */
  trees: { id: string; title: string; description: string; group: string | null; order: number | null; questions: number; results: number }[];
  /** Trees of the catalog that cannot be walked, and why. */
  broken: { id: string; error: CatalogProblem }[];
}

/** A pattern a tree result recommends, with the tree author's reason. */
export interface TreePick extends PatternBrief {
  reason: string;
}

export interface TreeOption {
  id: string;
  label: string;
}

export interface TreeQuestion {
  id: string;
  text: string;
  /** Explains the terms of the question; may be empty. */
  help: string;
  options: TreeOption[];
}

export interface TreeDiagram {
  id: string;
  title: string;
  description: string;
  /** The id of the first question. */
  start: string;
  /** Each option leads to the `next` question or to a `result`. */
  questions: (TreeQuestion & { options: (TreeOption & { next?: string; result?: string })[] })[];
  results: { id: string; title: string; summary: string; gold: TreePick[]; silver: TreePick[]; bronze: TreePick[] }[];
}

export interface TreeStepOptions {
  /** The tree to walk. Required unless `session` is given (then it must match). */
  tree?: string;
  /** The session string of the previous step. Default: start at the first question. */
  session?: string;
  /** Go back this many answers (0 to 64). Applied after `restart`, before `answer`. Default 0. */
  back?: number;
  /** Drop every answer of the session. Also the way out of a stale session. Default false. */
  restart?: boolean;
  /** An option id of the current question. */
  answer?: string;
  /** Several option ids in order, instead of `answer` (e.g. replaying a path). */
  answers?: string[];
  /** The result levels to show; the others go to `result.excluded`. Default `['gold']`. */
  tiers?: TreeLevel[];
}

export interface TreeStep {
  tree: { id: string; title: string };
  /**
   * `<tree>.<fingerprint>[.<answer>...]`, URL-safe (ids escaped as `~XX`).
   * The fingerprint covers the structure along the path, so edits to wording
   * keep it valid and structural changes make it `tree.stale_session`.
   */
  session: string;
  /** Every answer so far, so a page can show "you chose ...". */
  path: { question: string; question_text: string; answer: string; answer_label: string }[];
  /** The question to answer next; null once a result is reached. */
  question: TreeQuestion | null;
  /** The result; null while questions remain. */
  result: TreeOutcome | null;
}

export interface TreeOutcome {
  id: string;
  title: string;
  summary: string;
  /** Picks of the levels allowed by `tiers`; a level not allowed is empty. */
  gold: TreePick[];
  silver: TreePick[];
  bronze: TreePick[];
  /** Picks of the levels not allowed, with their `level`. */
  excluded: (TreePick & { level: TreeLevel })[];
}

/** A profile field as declared in data/rules.yaml. */
export interface ProfileField {
  id: string;
  label: string;
  type: 'number' | 'choice' | 'set' | 'boolean';
  unit?: string;
  help?: string;
  /** Numbers only. */
  min?: number;
  max?: number;
  /** Choice and set: the allowed values, in order. */
  values?: string[];
  /** Choice and set: what a form shows for a value, e.g. `{ 'pci-dss': 'PCI DSS' }`; may leave values out. */
  value_labels?: Record<string, string>;
}

export interface ProfileFields {
  fields: ProfileField[];
  /** Declarations and rules of the catalog that were left out as malformed. */
  problems: CatalogProblem[];
}

/** Field id to value: a number, a choice (string), a set (string[]) or a boolean; null = not given. */
export type Profile = Record<string, number | string | string[] | boolean | null>;

export interface RecommendOptions {
  /**
   * The requirements. Unknown and invalid fields do not fail the call: they
   * are reported in `unknown_fields` and `invalid_fields` and left out.
   * A rule condition on a field left empty is unknown and does not fire;
   * `not` of an unknown condition is unknown too.
   */
  profile: Profile;
  /** Tiers allowed in `ranked`; others go to `excluded`. Default `['gold']`. */
  tiers?: Tier[];
  /** At most this many ranked patterns (0 to 1000; 0 = all). Default 0. */
  limit?: number;
}

export interface Evidence {
  /** The rule id (data/rules.yaml). */
  rule: string;
  /** Positive for, negative against (-5 to +5 in the shipped rules). */
  weight: number;
  reason: string;
}

export interface ScoredPattern extends PatternBrief {
  score: number;
  /** Every rule that contributed, strongest first. */
  reasons: Evidence[];
}

/** An empty field worth answering next, and what its most telling value would change. */
export interface NextField {
  field: string;
  /** The value tried: a number, a choice, `[value]` for a set field, or a boolean. */
  value: number | string | string[] | boolean;
  /** Patterns it would bring into `ranked`, in their new order. */
  adds: PatternBrief[];
  /** Ranked patterns it would take out. */
  drops: PatternBrief[];
  /** Patterns kept, but at another place. */
  moves: number;
}

export interface Recommendation {
  /** Positive score and an allowed tier: score desc, then tier, then title. */
  ranked: ScoredPattern[];
  /** Positive score but a tier not allowed: "X was excluded: bronze (allowed: gold); consider Y". */
  excluded: (ScoredPattern & { reason: string; consider: PatternBrief[] })[];
  /** Negative score: what the profile argues against, most negative first. */
  discouraged: ScoredPattern[];
  /**
   * Partners of the ranked patterns not ranked themselves: `requires` (listed
   * whatever its tier), `complements` and `enhances` as the ranked pattern's
   * page states them, `enhanced-by` (the partner says it improves it); `for`
   * names the ranked patterns they go with. Requirements first, then by how
   * many ranked patterns they serve, then how strongly.
   */
  complements: (PatternBrief & { relationship: 'requires' | 'complements' | 'enhances' | 'enhanced-by'; for: string[] })[];
  /** How hard the ranked set is to build and run. */
  complexity: ComplexityEstimate;
  /** Ids of the rules that fired, in catalog order. */
  fired_rules: string[];
  /** Empty fields that would decide a rule that is undecided now. */
  undecided_fields: string[];
  /** At most three empty fields whose answer would change `ranked` most (in or out, then moved). */
  next_fields: NextField[];
  /** Profile keys that are not fields. */
  unknown_fields: string[];
  /** Fields with a wrong type, out of range or not an allowed value. */
  invalid_fields: { field: string; message: string }[];
  /** Malformed declarations and rules of the catalog, left out. */
  problems: CatalogProblem[];
}

/** Levels: low | medium | high | very-high; times: hours | days | weeks | months. Empty = unknown. */
export interface ComplexityEstimate {
  /** The highest level in the set. */
  overall: string;
  /** low 1, medium 2, high 3, very-high 4, summed. */
  points: number;
  by_level: Record<string, number>;
  /** The longest time to implement. */
  longest: string;
  /** The highest maintenance level. */
  maintenance: string;
  /** The largest team size asked for, e.g. "3-5". */
  team_size: string;
  patterns: (PatternBrief & { complexity: string; time_to_implement: string; maintenance: string; team_size: string })[];
  /** Ids the catalog has no complexity data for. */
  unknown: string[];
}

/**
 * Relation types, seen from the pattern asked about. Every edge is stored
 * from both ends (requires / required-by, replaces / replaced-by, part-of /
 * has-part, evolves-from / evolves-into, enhances / enhanced-by).
 */
export type Relation =
  | 'requires' | 'required-by' | 'complements' | 'enhances' | 'enhanced-by' | 'part-of' | 'has-part'
  | 'alternative' | 'replaces' | 'replaced-by' | 'evolves-from' | 'evolves-into' | 'conflicts-with' | 'related';

export interface RelatedOptions {
  /** Follow only these relations. Default: all. */
  relations?: Relation[];
  /** How many steps away (1 to 4). Default 1. */
  depth?: number;
}

export interface RelatedResult {
  pattern: PatternBrief;
  /** Each pattern once, at its shortest depth; by depth, then relation, then title. */
  neighbours: (PatternBrief & {
    depth: number;
    /** The pattern it was reached from. */
    via: string;
    /** The edges from `via` to it; `sources` say where the catalog states them. */
    relations: { relation: Relation; notes: string[]; sources: string[] }[];
  })[];
}

export interface OrderOptions {
  /** Bring in missing prerequisites, transitively. Default false. */
  prerequisites?: boolean;
}

export interface OrderResult {
  order: (PatternBrief & {
    /** 0 = needs nothing in the set; else one more than the highest stage it needs. */
    stage: number;
    /** Its prerequisites within the set. */
    requires: string[];
    /** Brought in as a prerequisite. */
    added: boolean;
    /** Part of a cycle (placed after what it does not wait on). */
    in_cycle: boolean;
  })[];
  cycles: string[][];
}

export interface MigrationMove extends PatternBrief {
  reasons: string[];
  steps: string[];
  guide: string;
  /** From families.yaml: when to make the move. */
  triggers: string[];
  families: string[];
}

export interface Migration extends PatternBrief {
  status: string;
  /** Bronze tier or legacy status. */
  legacy: boolean;
  deprecation_reason: string;
  /** What to move to. */
  to: MigrationMove[];
  /** What this pattern replaces (the move into it). */
  from: MigrationMove[];
}

export interface FamiliesOptions {
  /** Only families whose timeline or triggers name this pattern. */
  pattern?: string;
}

export interface FamilyList {
  families: { id: string; title: string; summary: string; from_year: number | null; to_year: number | null; patterns: string[] }[];
}

export interface Timeline {
  id: string;
  title: string;
  summary: string;
  /** `pattern` and `tier` are null for a step outside the catalog (its `title` is its name). */
  timeline: { year: number | null; pattern: string | null; title: string; tier: Tier | null; innovation: string; limitations: string[]; adopters: string[] }[];
  migration_triggers: { from: PatternBrief; to: PatternBrief; triggers: string[] }[];
}

export interface LearningPathList {
  paths: { id: string; level: string; title: string; summary: string; stages: number; patterns: number }[];
}

export interface LearningPath {
  id: string;
  level: string;
  title: string;
  summary: string;
  stages: {
    title: string;
    /** `uncovered`: prerequisites not taught in this or an earlier stage. */
    patterns: (PatternBrief & { requires: string[]; uncovered: string[] })[];
  }[];
}

export interface CompositionsOptions {
  /** Only compositions with this pattern as the whole or a part. */
  pattern?: string;
}

export interface CompositionList {
  compositions: {
    id: string;
    /** The whole, when it is a catalog pattern. */
    pattern: string | null;
    title: string;
    summary: string;
    parts: PatternBrief[];
    /** "Service Mesh = Sidecar + Service Discovery + ..." */
    formula: string;
  }[];
}

export interface ProblemsOptions {
  /** Only this area (availability, scalability ...). */
  area?: string;
  /** Only problems this pattern solves or supports. */
  pattern?: string;
}

export interface ProblemMatrix {
  /** Every area of the matrix, in order. */
  areas: string[];
  problems: { id: string; area: string; title: string; description: string; primary: PatternBrief[]; supporting: PatternBrief[] }[];
}

export interface CardsOptions {
  /** One card by id. Default: all. */
  card?: string;
}

export interface CardList {
  cards: { id: string; title: string; essential: PatternBrief[]; important: PatternBrief[]; advanced: PatternBrief[] }[];
}

export interface StackConflict {
  /** The stack patterns involved, in stack order. */
  patterns: PatternBrief[];
  /** One reason: the avoid entry's, else the first note of a pattern page. */
  reason: string;
  /** What the catalog suggests instead (empty for cautions). */
  instead: PatternBrief[];
}

export interface StackGap extends PatternBrief {
  relationship: Relation;
  /** The stack patterns that want it. */
  for: string[];
  notes: string[];
}

/** A legacy pattern of the stack and what to put in its place. */
export interface StackReplacement extends PatternBrief {
  /** The replacement, then what it requires that the catalog also names here (saga, outbox). */
  with: PatternBrief[];
  /** Part of a conflict, or legacy alone. */
  because: 'conflict' | 'legacy';
  /** One reason: the conflict's, else the deprecation reason. */
  reason: string;
}

export interface StackReport {
  patterns: PatternBrief[];
  /** Legacy patterns with a replacement that fits the rest of the stack. */
  replacements: StackReplacement[];
  /** The stack after the replacements, each in its pattern's place. */
  proposed: PatternBrief[];
  /** Combinations to avoid (data/avoid.yaml, conflicts-with, anti-patterns). */
  conflicts: StackConflict[];
  /** Anti-pattern notes between patterns that also complement each other: fine with care. */
  cautions: StackConflict[];
  /** Prerequisites (requires) the proposed stack lacks. */
  missing: StackGap[];
  /** Complements and enhancers the proposed stack lacks (never bronze, never conflicting). */
  suggested: StackGap[];
  /** Bronze or legacy patterns of the stack and their modern alternatives, replaced or not. */
  legacy: (PatternBrief & { status: string; reason: string; alternatives: PatternBrief[] })[];
  /** Of the stack as it is. */
  complexity: ComplexityEstimate;
  /** Of the proposed stack. */
  proposed_complexity: ComplexityEstimate;
}

export interface CompareOptions {
  /** Requirements to mark the fit against (as for recommend); unknown and invalid fields are reported and left out. */
  profile?: Profile;
}

/** A line of a comparison cell; `fit` when it speaks for (`good`) or against (`poor`) the pattern. */
export interface CompareLine {
  text: string;
  fit?: 'good' | 'poor';
}

export interface Comparison {
  patterns: PatternBrief[];
  /**
   * One row per attribute the catalog has something on: maturity (the tier
   * word first), fit (with a profile: the reasons of the rules it fires),
   * atomicity, isolation, consistency (group "Guarantees"), under_failure,
   * latency_cost, complexity, team_time, operations, when_to_use,
   * when_not_to_use, best_for, pros, cons, and without a profile
   * `rules:<field>` (group "What the rules say": each rule on that field
   * alone, "20 ms or less: <reason>"). `cells[i]` belongs to `patterns[i]`;
   * an empty cell: the catalog says nothing.
   */
  rows: { attribute: string; label: string; group?: string; cells: CompareLine[][] }[];
  /**
   * One per related pair: the relation that says most about choosing
   * between them (replaces, requires, conflicts-with, alternative, ...),
   * its note, and the other relations between them.
   */
  relations: { from: string; to: string; relation: Relation; note: string; also: Relation[] }[];
  /** With a profile: keys that are not fields, and values that could not be used. */
  unknown_fields?: string[];
  invalid_fields?: { field: string; message: string }[];
}

// --- health and change (docs/health.md) ---------------------------------------

export interface HealthListOptions {
  /** Tiers to include (OR-ed). Default: all. */
  tiers?: Tier[];
  /** Categories to include (OR-ed). Default: all. */
  categories?: string[];
  /** Only patterns with a contradiction flag. Default: false. */
  flagged?: boolean;
  /** Each pattern's signals too (as {@link PatternHealth.signals}), for a table that shows them. Default: false. */
  signals?: boolean;
  /**
   * The date the score is computed for, `YYYY-MM` or `YYYY`: adoption and
   * years in use count back from it. Default: the newest date in the
   * catalog's health data, so one catalog always gives one answer.
   */
  today?: string;
}

export interface HealthOptions {
  /** As for {@link HealthListOptions.today}. */
  today?: string;
}

export interface HealthReviewOptions {
  /** A review older than this many months is due (1 to 1200). Default: 12. */
  max_age_months?: number;
  /** As for {@link HealthListOptions.today}; the `patsel review` command passes this month. */
  today?: string;
}

/** A signal that contradicts the tier; `code` is stable: gold_all_archived, gold_declining, gold_niche, bronze_mainstream, bronze_growing, legacy_gold, legacy_silver, history_mismatch. */
export interface HealthFlag {
  code: string;
  /** A plain sentence for a reader. */
  message: string;
}

/** The score's model: each signal's label and weight, and the knobs of three of them. */
export interface HealthModel {
  signals: { id: string; label: string; weight: number }[];
  reliance_full_at: number;
  maturity_full_at: number;
  adoption_recent_years: number;
  /** Entries of the catalog's `health_signals` that could not be used (their defaults apply). */
  problems: { code: string; message: string }[];
}

export interface HealthList {
  /** The date the scores are for (`YYYY-MM`); null when neither the call nor the catalog gives one. */
  date: string | null;
  model: HealthModel;
  total: number;
  /** Highest score first, unknown scores last, then by title. */
  patterns: (PatternBrief & {
    category: string;
    /** 0 to 100, one decimal; null when no signal is known. */
    score: number | null;
    /** 0 to 1: the part of the weights whose signal is known. */
    known_share: number;
    flags: HealthFlag[];
    /** With `signals: true`. */
    signals?: HealthSignal[];
  })[];
}

/** One signal of a score. */
export interface HealthSignal {
  /** tier, relevance, maintained, adoption, successors, documentation, reliance, maturity */
  id: string;
  label: string;
  weight: number;
  /** False: nothing sourced says it; it takes no part in the score. */
  known: boolean;
  /** 0 to 1; null when unknown. */
  value: number | null;
  /** Its part of the score: 100 × weight × value / the known weights, one decimal. */
  points: number;
  /** A plain sentence: what the catalog says. */
  why: string;
}

/** A maintained state as the page gives it; without `source` it counts as unknown. */
export interface ImplementationSignal {
  library: string;
  ecosystem?: string;
  state: 'active' | 'maintenance' | 'archived';
  /** The year (or `YYYY-MM`) the state was read. */
  as_of: string;
  source?: string;
  note?: string;
}

export interface AdoptionFact {
  fact: string;
  year: string;
  source?: string;
}

export interface TierChange {
  date: string;
  from: Tier;
  to: Tier;
  reason?: string;
}

export interface PatternHealth extends PatternBrief {
  status: string;
  relevance: string;
  date: string | null;
  score: number | null;
  known_share: number;
  /** Every signal of the model, in its order. */
  signals: HealthSignal[];
  flags: HealthFlag[];
  /** The last tier review, `YYYY-MM` or `YYYY`; null when never. */
  reviewed: string | null;
  implementations: ImplementationSignal[];
  adoption: AdoptionFact[];
  /** Oldest first. */
  tier_history: TierChange[];
  /** Patterns that replace or succeed it. */
  successors: PatternBrief[];
  /** Patterns that rely on it. */
  dependants: PatternBrief[];
}

export interface HealthReview {
  date: string | null;
  max_age_months: number;
  total: number;
  /** Gold first, then by title. `code`: not_reviewed, review_due, contradiction, missing_signals, unsourced_signals. */
  due: (PatternBrief & { reviewed: string | null; reasons: { code: string; message: string }[] })[];
}

export interface HealthChangesOptions {
  /** `YYYY-MM` or `YYYY` (its January); changes dated then or later. Default: every recorded change. */
  since?: string;
}

export interface HealthChanges {
  since: string | null;
  /** Newest first, then by title. */
  tier_changes: (PatternBrief & { date: string; from: Tier; to: Tier; reason: string | null })[];
  /** Patterns whose last review is dated since then, newest first. */
  reviewed: (PatternBrief & { reviewed: string })[];
}

/** A field that changed between two catalogs; null where a catalog had none. */
export type FieldMove = PatternBrief & { from: string | null; to: string | null };

export interface CatalogDiff {
  old: { content_hash: string; patterns: number };
  new: { content_hash: string; patterns: number };
  /** Nothing below changed. */
  same: boolean;
  added: PatternBrief[];
  removed: PatternBrief[];
  tier_moves: FieldMove[];
  status_moves: FieldMove[];
  relevance_changes: FieldMove[];
  /** Relations a pattern states itself, between patterns in both catalogs. */
  relations_added: { from: string; relation: Relation; to: string }[];
  relations_removed: { from: string; relation: Relation; to: string }[];
  trees_added: { id: string; title: string }[];
  trees_removed: { id: string; title: string }[];
  trees_changed: { id: string; title: string }[];
}
