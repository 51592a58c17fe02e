// The engine inside a module worker: no document, relative URLs resolve
// against the worker's own location.
import { createEngine } from '/index.js';

try {
  const engine = await createEngine();
  postMessage({ patterns: engine.info.patterns, gold: engine.list({ tiers: ['gold'] }).total, inWorker: typeof document === 'undefined' });
} catch (error) {
  postMessage({ error: error.code ?? String(error) });
}
