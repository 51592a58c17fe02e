// The native engine (patsel call) and the wasm module must give the same
// answer to the same request: one engine, two targets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dist, patsel } from './support.mjs';

const { createEngine } = await import(`${dist}/index.node.js`);
const catalogPath = `${dist}/catalog.json`;
const catalog = JSON.parse(await readFile(catalogPath, 'utf8'));

function subsets(items) {
  return items.reduce((all, item) => all.concat(all.map((s) => [...s, item])), [[]]);
}

// Every tier subset, alone and with each category, plus bad requests.
function corpus() {
  const categories = [...new Set(catalog.patterns.map((p) => p.category).filter(Boolean))].sort();
  const requests = [{ method: 'info', params: {} }];
  for (const tiers of subsets(['gold', 'silver', 'bronze', 'unclassified'])) {
    requests.push({ method: 'list', params: { tiers } });
    for (const category of categories) requests.push({ method: 'list', params: { tiers, categories: [category] } });
  }
  requests.push(
    { method: 'list', params: { tiers: ['platinum'] } },
    { method: 'list', params: { tiers: 'gold' } },
    { method: 'list', params: { colour: ['red'] } },
    { method: 'no-such-method', params: {} },
  );
  return requests;
}

function wasmAnswer(engine, { method, params }) {
  try {
    return { ok: true, result: engine.call(method, params) };
  } catch (error) {
    return { ok: false, error: { code: error.code, message: error.reason } };
  }
}

test('native and wasm answer every request of the corpus alike', async () => {
  const requests = corpus();
  assert.ok(requests.length > 100, `corpus has ${requests.length} requests`);
  const input = requests.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const native = execFileSync(patsel, ['call', '--catalog', catalogPath], { input, encoding: 'utf8', maxBuffer: 1 << 28 })
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(native.length, requests.length);
  const engine = await createEngine({ catalog: catalogPath });
  requests.forEach((request, i) => {
    assert.deepEqual(wasmAnswer(engine, request), native[i], `request ${i}: ${JSON.stringify(request)}`);
  });
});
