// The environment-neutral core of the JS API: wraps the Embind engine,
// turns its JSON envelopes into values or PatselError rejections.
// index.js (browsers, workers, bundlers) and index.node.js (Node) supply
// the way bytes are fetched.

import createSelectorModule from './selector.mjs';

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
});

function unwrap(envelopeText) {
  const envelope = JSON.parse(envelopeText);
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
    return unwrap(this.#native.call(method, JSON.stringify(params)));
  }

  /** Patterns filtered by tier and category, gold first. */
  list(options = {}) {
    return this.call('list', options);
  }

  /** Frees the wasm memory held by this engine. */
  dispose() {
    this.#native?.delete();
    this.#native = undefined;
  }
}

async function catalogText(source, io) {
  if (typeof source === 'string' && source.trimStart().startsWith('{')) return source;
  if (typeof source === 'string') source = io.resolve(source);
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) return new TextDecoder().decode(source);
  if (source && typeof source === 'object' && !(source instanceof URL)) return JSON.stringify(source);
  return io.readText(source ?? io.defaultCatalog);
}

function loadModule(wasmSource, io) {
  return new Promise((resolve, reject) => {
    const fail = (cause) =>
      reject(new PatselError('wasm.instantiate_failed', `could not load the engine: ${cause?.message ?? cause}`, { cause }));
    createSelectorModule({
      // We instantiate ourselves, so the glue never guesses paths or fetches.
      instantiateWasm(imports, done) {
        io.instantiate(wasmSource, imports).then((instance) => done(instance), fail);
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
 */
export async function createEngineWith(options, io) {
  const settings = { ...defaultEngineOptions, ...pageDefaults, ...options };
  const [module, text] = await Promise.all([
    loadModule(settings.wasm ?? io.defaultWasm, io),
    catalogText(settings.catalog, io).catch((cause) => {
      throw new PatselError('catalog.fetch_failed', `could not read the catalog: ${cause?.message ?? cause}`, { cause });
    }),
  ]);
  const native = new module.Engine();
  try {
    return new Engine(native, unwrap(native.load(text)));
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
  if (typeof catalog === 'string' && !catalog.trimStart().startsWith('{')) return io.resolve(catalog).href;
  if (catalog instanceof URL) return catalog.href;
  return catalog;  // an object or bytes: shared by identity
}

/**
 * The shared engine for a catalog (default: the shipped one), created on
 * first use: every widget of a page asks here, and only the first call loads.
 * A failed load is forgotten, so asking again retries.
 */
export function engineForWith(options, io) {
  globalThis[registryKey] ??= new Map();
  const engines = globalThis[registryKey];
  const key = sharedKey(options?.catalog, io);
  if (!engines.has(key)) {
    const pending = createEngineWith(options ?? {}, io);
    pending.catch(() => engines.delete(key));
    engines.set(key, pending);
  }
  return engines.get(key);
}
