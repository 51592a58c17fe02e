// Loads the package from the server root with a plain ESM import and shows
// what the engine answers, for the browser tests.
import { createEngine } from '/index.js';

const output = document.getElementById('result');
try {
  const engine = await createEngine();
  output.textContent = JSON.stringify({ patterns: engine.info.patterns, gold: engine.list({ tiers: ['gold'] }).total });
} catch (error) {
  output.textContent = JSON.stringify({ error: error.code ?? String(error) });
}
