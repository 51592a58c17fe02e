// Types of @dstudio/pattern-selector.

/** Excellence tier: gold = modern best practice, silver = good with trade-offs, bronze = legacy. */
export type Tier = 'gold' | 'silver' | 'bronze' | 'unclassified';

/** Where a catalog comes from: a parsed object, JSON text, bytes, or a URL / path. */
export type CatalogSource = object | string | URL | ArrayBuffer | Uint8Array;

export interface EngineOptions {
  /**
   * The catalog to load. Default: the catalog.json shipped next to the module.
   * @example createEngine({ catalog: new URL('/my-catalog.json', location.href) })
   */
  catalog?: CatalogSource;
  /** The selector.wasm to load (URL or bytes). Default: the file next to the module. */
  wasm?: string | URL | ArrayBuffer | Uint8Array;
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

/** An engine over one loaded catalog. */
export declare class Engine {
  readonly info: CatalogInfo;
  /** Patterns filtered by tier and category, gold first, then by title. */
  list(options?: ListOptions): ListResult;
  /** Runs a raw engine method by name. Throws {@link PatselError}. */
  call(method: string, params?: object): unknown;
  /** Frees the engine's wasm memory; later calls throw `engine.disposed`. */
  dispose(): void;
}

/** Every failure: a stable `code` and a message prefixed "pattern-selector: ". */
export declare class PatselError extends Error {
  readonly code: string;
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

/** Starts loading the shared engine now, for pages that know they will need it. */
export declare function preload(options?: EngineOptions): void;
