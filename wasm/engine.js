// The environment-neutral core of the JS API: wraps the Embind engine,
// turns its JSON envelopes into values or PatselError rejections.
// index.js (browsers, workers, bundlers) and index.node.js (Node) supply
// the way bytes are fetched.

/** An error from pattern-selector; `code` is stable (e.g. "catalog.parse_error"). */
export class PatselError extends Error {
  constructor(code, message, options) {
    super(`pattern-selector: [${code}] ${message}`, options);
    this.name = 'PatselError';
    this.code = code;
    /** The message without the library prefix and code. */
    this.reason = message;
  }
}

/** Default options of {@link createEngine}. */
export const defaultEngineOptions = Object.freeze({
  catalog: undefined,
  wasm: undefined,
  limits: undefined,
});

// JSON text for the engine; a value JSON cannot hold (a BigInt, a cycle)
// is a PatselError with `code`, not the TypeError JSON.stringify throws.
function jsonText(value, code, what) {
  try {
    return JSON.stringify(value);
  } catch (cause) {
    throw new PatselError(code, `${what} cannot be written as JSON: ${cause?.message ?? cause}`, { cause });
  }
}

/**
 * Whether a catalog given as a string is its text rather than a path or
 * URL: JSON text starts with `{` (or `[`, `"`, a number, true, false,
 * null), and an empty string is no path either. So `"[1]"`, `"null"` and
 * `""` are parsed (and refused with `catalog.bad_shape` or
 * `catalog.parse_error`), while `"catalog.json"`, `"/x/catalog.json"` and
 * `"https://..."` are read.
 */
function isCatalogText(source) {
  const text = source.trim();
  return text === '' || /^[[{"]/.test(text) || /^(null|true|false|-?[0-9][0-9.eE+-]*)$/.test(text);
}

// A lone surrogate: half of a UTF-16 pair without the other half.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// The catalog's UTF-8 bytes. TextEncoder would turn a lone surrogate into
// U+FFFD without a word, so text that is not well-formed Unicode is refused
// here, at its place, as the engine refuses bytes that are not UTF-8.
function utf8Catalog(text) {
  const wellFormed = typeof text.isWellFormed === 'function' ? text.isWellFormed() : !loneSurrogate.test(text);
  if (!wellFormed) {
    const at = text.search(loneSurrogate);
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const line = text.slice(0, lineStart).split('\n').length;
    throw new PatselError('catalog.parse_error', `catalog: line ${line}, column ${at - lineStart + 1}: ` +
      'half of a surrogate pair, not Unicode text');
  }
  return new TextEncoder().encode(text);
}

// Wasm memory ends at 2 GiB and a loaded catalog takes about five times
// its text, seven once the reasoning methods have read every record:
// larger limits could only end in an abort halfway through.
const maxWasmCatalogBytes = 256 * 1024 * 1024;

function limitsText(limits) {
  if (limits === undefined) return '';
  const bytes = limits?.max_catalog_bytes;
  if (typeof bytes === 'number' && bytes > maxWasmCatalogBytes) {
    throw new PatselError('load.bad_option', `$.max_catalog_bytes: at most ${maxWasmCatalogBytes} in the wasm engine ` +
      `(a loaded catalog takes up to seven times its size, and wasm memory ends at 2 GiB), not ${bytes}`);
  }
  return jsonText(limits, 'load.bad_option', 'limits');
}

const answerDecoder = new TextDecoder();

// `answer`: the engine's envelope as UTF-8 bytes in wasm memory, valid only
// until the engine's next call (wasm/bindings.cpp), so decoded here at once.
function unwrap(answer) {
  const envelope = JSON.parse(answerDecoder.decode(answer));
  if (envelope.ok) return envelope.result;
  throw new PatselError(envelope.error.code, envelope.error.message);
}

/** A loaded engine over one catalog. Create it with `createEngine()`. */
export class Engine {
  #native;

  /** @internal */
  constructor(native, info) {
    this.#native = native;
    /** Catalog facts: schema_version, content_hash, patterns, warnings. */
    this.info = info;
  }

  /** Runs a raw engine method; prefer the typed methods. */
  call(method, params = {}) {
    if (!this.#native) throw new PatselError('engine.disposed', 'this engine was disposed');
    return unwrap(this.#native.call(method, jsonText(params, 'params.not_json', 'params')));
  }

  /** Patterns filtered by tier and category, gold first. */
  list(options = {}) {
    return this.call('list', options);
  }

  /**
   * Full-text search with facet filters, counts, ranges, sorting and paging:
   * everything the explorer draws, in one answer. See SearchOptions in index.d.ts.
   */
  search(options = {}) {
    return this.call('search', options);
  }

  /** One pattern's whole record and the patterns it refers to ({pattern, refs}). */
  pattern(id) {
    return this.call('pattern', { id });
  }

  // --- reasoning: decision trees, recommendations, relationships ---------

  /** The decision trees ({trees, broken}). */
  trees() {
    return this.call('tree.list');
  }

  /** One whole tree, every question and result, for a diagram. */
  tree(id) {
    return this.call('tree.get', { tree: id });
  }

  /** One step of a tree walk: pass the last step's session, get the next. */
  treeStep(options) {
    return this.call('tree.step', options);
  }

  /** The requirements profile fields a form shows ({fields, problems}). */
  profileFields() {
    return this.call('profile.fields');
  }

  /** Patterns ranked for a requirements profile, with every reason. */
  recommend(options) {
    return this.call('recommend', options);
  }

  /** Patterns related to one, by relation type and depth. */
  related(pattern, options = {}) {
    return this.call('related', { ...options, pattern });
  }

  /** Patterns ordered so that prerequisites come first. */
  order(patterns, options = {}) {
    return this.call('order', { ...options, patterns });
  }

  /** What replaces a pattern (steps, guides, triggers), and what it replaces. */
  migrate(pattern) {
    return this.call('migrate', { pattern });
  }

  /** Pattern families, optionally those that include a pattern. */
  families(options = {}) {
    return this.call('families', options);
  }

  /** A family's evolution timeline and migration triggers. */
  timeline(family) {
    return this.call('timeline', { family });
  }

  /** The learning paths. */
  paths() {
    return this.call('paths');
  }

  /** One learning path, stage by stage. */
  path(id) {
    return this.call('path', { path: id });
  }

  /** Patterns made of other patterns. */
  compositions(options = {}) {
    return this.call('compositions', options);
  }

  /** The problem-solution matrix. */
  problems(options = {}) {
    return this.call('problems', options);
  }

  /** Quick reference cards. */
  cards(options = {}) {
    return this.call('cards', options);
  }

  /** Conflicts, gaps, legacy patterns and complexity of a set of patterns in use. */
  stack(patterns) {
    return this.call('stack', { patterns });
  }

  /** Two to five patterns side by side; `{profile}` marks how each fits it. */
  compare(patterns, options = {}) {
    return this.call('compare', { ...options, patterns });
  }

  /** Each pattern's health score and contradiction flags, highest score first. */
  healthList(options = {}) {
    return this.call('health.list', options);
  }

  /** One pattern's health score with every signal and its share. */
  health(pattern, options = {}) {
    return this.call('health.get', { ...options, pattern });
  }

  /** The patterns due for their tier review, each with its reasons. */
  healthReview(options = {}) {
    return this.call('health.review', options);
  }

  /** The tier changes and reviews the catalog records since a date (`{since: 'YYYY-MM'}`), newest first. */
  healthChanges(options = {}) {
    return this.call('health.changes', options);
  }

  /**
   * What changed since an older catalog (its catalog.json text, or the
   * parsed object). The text goes to the engine as a catalog of its own, not
   * inside params: it counts against `max_catalog_bytes`, so a whole catalog
   * fits with the default limits.
   */
  diff(since) {
    if (!this.#native) throw new PatselError('engine.disposed', 'this engine was disposed');
    const text = typeof since === 'string' ? since : jsonText(since, 'params.not_json', 'the older catalog');
    return unwrap(this.#native.diff(text));
  }

  /** Frees the wasm memory held by this engine. */
  dispose() {
    this.#native?.delete();
    this.#native = undefined;
  }
}

// The catalog's text, and whether reading it failed (so the error is a
// fetch failure, not the catalog's own fault).
async function catalogText(source, io, fetchOptions) {
  if (typeof source === 'string' && isCatalogText(source)) return source;
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) return new TextDecoder().decode(source);
  if (source && typeof source === 'object' && !(source instanceof URL)) {
    return jsonText(source, 'catalog.not_json', 'the catalog object');
  }
  if (typeof source === 'string') source = io.resolve(source);
  try {
    return await io.readText(source ?? io.defaultCatalog, fetchOptions);
  } catch (cause) {
    throw new PatselError('catalog.fetch_failed', `could not read the catalog: ${cause?.message ?? cause}`, { cause });
  }
}

// The Emscripten glue is imported only when an engine is created, so pages
// that only read pattern shards (a <patsel-card>) never download it. The
// wasm is fetched and compiled while the glue loads, not after. `search`:
// the search module (selector-search.*: info, list and search only).
async function loadModule(wasmSource, io, fetchOptions, search) {
  const failure = (cause) =>
    new PatselError('wasm.instantiate_failed', `could not load the engine: ${cause?.message ?? cause}`, { cause });
  const compiled = io.compile(wasmSource, fetchOptions);
  compiled.catch(() => {});  // reported below, once the glue is here
  // Two literal imports, so bundlers see both glues.
  const glue = search ? import('./selector-search.mjs') : import('./selector.mjs');
  const { default: createSelectorModule } = await glue.catch((cause) => {
    throw failure(cause);
  });
  return new Promise((resolve, reject) => {
    const fail = (cause) => reject(failure(cause));
    createSelectorModule({
      // We instantiate ourselves, so the glue never guesses paths or fetches.
      instantiateWasm(imports, done) {
        compiled.then((module) => WebAssembly.instantiate(module, imports)).then((instance) => done(instance), fail);
        return {};
      },
    }).then(resolve, fail);
  });
}

// Page-wide defaults set by configure(): where the wasm and the catalog come
// from when a call does not say (a single-file page inlines both).
const pageDefaults = {};

/**
 * Sets page-wide defaults for every engine created afterwards, e.g.
 * `configure({ wasm: new URL('/static/selector.wasm', location.href) })`.
 */
export function configure(options = {}) {
  for (const key of Object.keys(options)) {
    if (!(key in defaultEngineOptions)) throw new PatselError('options.unknown', `'${key}' is not an engine option`);
  }
  Object.assign(pageDefaults, options);
}

/**
 * Loads the wasm module and a catalog, in parallel.
 * @param {object} options  see index.d.ts
 * @param {object} io       how to read bytes in this environment
 * @param {string} module   'search': the search module, unless options or
 *                          the page name a wasm
 */
export async function createEngineWith(options, io, fetchOptions = {}, module = 'full') {
  const settings = { ...defaultEngineOptions, ...pageDefaults, ...options };
  const limits = limitsText(settings.limits ?? undefined);
  const search = module === 'search' && settings.wasm == null;
  const [wasm, text] = await Promise.all([
    loadModule(settings.wasm ?? (search ? io.searchWasm : io.defaultWasm), io, fetchOptions, search),
    catalogText(settings.catalog, io, fetchOptions),
  ]);
  const native = new wasm.Engine();
  try {
    // Bytes, not the string: the engine then holds the catalog's text once.
    return new Engine(native, unwrap(native.load(utf8Catalog(text), limits)));
  } catch (error) {
    native.delete();
    throw error;
  }
}

// Shared engines live on globalThis, so two copies of this file (the npm
// package and a site's own bundle, say) still share one engine per catalog.
const registryKey = Symbol.for('@dstudio/pattern-selector/engines');

function sharedKey(catalog, io) {
  if (catalog === undefined) return pageDefaults.catalog === undefined ? 'default' : sharedKey(pageDefaults.catalog, io);
  if (typeof catalog === 'string' && !isCatalogText(catalog)) return io.resolve(catalog).href;
  if (catalog instanceof URL) return catalog.href;
  return catalog;  // an object or bytes: shared by identity
}

// Catalogs whose last load failed: the next try reads past the HTTP cache,
// which may still hold the broken response.
const failedKey = Symbol.for('@dstudio/pattern-selector/failed-engines');
// Catalogs whose shared engine has loaded and answers at once.
const readyKey = Symbol.for('@dstudio/pattern-selector/ready-engines');

/**
 * The shared engine for a catalog (default: the shipped one), created on
 * first use: every widget of a page asks here, and only the first call loads.
 * A failed load is forgotten, so asking again retries, fetching afresh.
 */
export function engineForWith(options, io, module = 'full') {
  globalThis[registryKey] ??= new Map();
  globalThis[failedKey] ??= new Set();
  globalThis[readyKey] ??= new Set();
  const engines = globalThis[registryKey];
  const failed = globalThis[failedKey];
  const key = sharedKey(options?.catalog, io);
  if (!engines.has(key)) {
    const pending = createEngineWith(options ?? {}, io, { fresh: failed.has(key) }, module);
    pending.then(
      () => {
        failed.delete(key);
        globalThis[readyKey].add(key);
      },
      () => {
        engines.delete(key);
        failed.add(key);
      },
    );
    engines.set(key, pending);
  }
  return engines.get(key);
}

// True when `options` (and the page's defaults) leave the shipped catalog
// in place, whose files the package has precomputed (shards, opening answers).
function onShippedCatalog(options) {
  return options?.catalog === undefined && pageDefaults.catalog === undefined;
}

/**
 * The shared engine a page searches with (what <patsel-explorer> asks for).
 * With the shipped catalog: the page's full engine if one is loading or
 * loaded already, else the search module (selector-search.wasm, without the
 * reasoning methods) over the shipped search catalog (search-catalog.json:
 * only what search reads, a fifth of catalog.json), or the full engine
 * where either file cannot be read (a custom build). With any other
 * catalog, engineFor's. The search engine answers `info`, `list` and
 * `search`; other methods fail with `catalog.search_only`.
 */
export function searchEngineWith(options, io) {
  if (!onShippedCatalog(options) || globalThis[registryKey]?.has('default')) return engineForWith(options, io);
  return engineForWith({ ...options, catalog: io.searchCatalog }, io, 'search').catch((error) => {
    if (error?.code !== 'catalog.fetch_failed' && error?.code !== 'wasm.instantiate_failed') throw error;
    return engineForWith(options, io);
  });
}

/**
 * Whether the explorer's opening answers (explorer-opening-answers.js: every
 * facet value, and the first page of the default view, computed from the
 * shipped catalog when the package was built) may be painted before the
 * engine is ready: not on a page that uses another catalog, nor once the
 * page's engine has loaded (it answers at once).
 */
export function openingAppliesWith(options, io) {
  const ready = globalThis[readyKey];
  return onShippedCatalog(options) && !ready?.has('default') && !ready?.has(sharedKey(io.searchCatalog, io));
}

/**
 * The explorer's opening answers, parsed (a fresh copy each call: an
 * explorer keeps and extends what it shows), or null where they do not
 * apply (openingAppliesWith) or cannot be read (a custom build).
 */
export async function explorerOpeningWith(options, io) {
  if (!openingAppliesWith(options, io)) return null;
  try {
    const text = await io.openingText();
    return text == null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

// Shard reads under way, by URL: a page's banner and related list of the
// same pattern ask at once and share one request (each parses its own copy).
const shardReads = new Map();
function shardText(id, io) {
  const url = io.shardUrl(id);
  const key = String(url);
  if (!shardReads.has(key)) {
    const reading = io.readText(url);
    shardReads.set(key, reading);
    reading.then(() => shardReads.delete(key), () => shardReads.delete(key));
  }
  return shardReads.get(key);
}

/**
 * One pattern ({pattern, refs}) for a page that shows a single pattern. With
 * the shipped catalog and no engine on the page yet, it reads the pattern's
 * small JSON shard instead of loading the wasm and the whole catalog.
 */
export async function getPatternWith(id, options, io) {
  const engines = globalThis[registryKey];
  if (onShippedCatalog(options) && !engines?.has('default') && /^[a-z0-9-]+$/.test(id)) {
    try {
      return JSON.parse(await shardText(id, io));
    } catch {
      // No shards here (a custom build, or file://): ask the engine.
    }
  }
  return (await engineForWith(options, io)).pattern(id);
}
