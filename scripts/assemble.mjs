// Assembles the package (dist/), the demo (dist/demo/) and its offline
// single-file form (dist/pattern-selector-offline.html) from the
// build outputs: the wasm module, the JS API, the elements and the catalog.
// Usage: node scripts/assemble.mjs [--wasm-dir build/wasm/wasm] [--out dist]

import { cp, mkdir, mkdtemp, rm, copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildSingleFile } from './single-file.mjs';
import { bundleElements } from './element-bundles.mjs';
import { ALL_FACET_VALUES, DEFAULT_PAGE_SIZE, openingPage } from '../web/elements/explorer-opening.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const wasmDir = path.resolve(root, option('--wasm-dir', 'build/wasm/wasm'));
const dist = path.resolve(root, option('--out', process.env.PATSEL_DIST ?? 'dist'));
const patsel = process.env.PATSEL_BIN ?? path.join(root, 'build', 'native', 'patsel');
const catalogPath = path.join(root, 'data', 'catalog.json');

// The engine's answers to `requests` ({method, params} each) over the
// shipped catalog, from one `patsel call`; `what(i)` names a request in an error.
function askEngine(requests, what) {
  const input = requests.map((request) => JSON.stringify(request)).join('\n') + '\n';
  const lines = execFileSync(patsel, ['call', '--catalog', catalogPath], { input, encoding: 'utf8', maxBuffer: 1 << 28 }).trimEnd().split('\n');
  return requests.map((_, i) => {
    const answer = JSON.parse(lines[i]);
    if (!answer.ok) throw new Error(`${what(i)}: ${answer.error.message}`);
    return answer.result;
  });
}

// One small file per pattern, {pattern, refs} as the engine's `pattern`
// method answers, so a pattern page needs neither the wasm nor the catalog.
function patternShards(catalog) {
  const ids = catalog.patterns.map((p) => p.id);
  const answers = askEngine(ids.map((id) => ({ method: 'pattern', params: { id } })), (i) => `pattern ${ids[i]}`);
  return ids.map((id, i) => [id, JSON.stringify(answers[i])]);
}

// The answers <patsel-explorer> opens with (web/elements/explorer-opening.js
// asks the questions), asked of the same engine, so it can paint before the
// wasm is ready. A module holding their JSON text: the bundled explorer
// imports it beside its own code, so it arrives with the code rather than
// after it, and each explorer parses its own copy.
function explorerOpening(catalog) {
  const requests = [ALL_FACET_VALUES, openingPage(DEFAULT_PAGE_SIZE)].map((params) => ({ method: 'search', params }));
  const [facets, first] = askEngine(requests, () => 'explorer opening');
  const text = JSON.stringify({ content_hash: catalog.content_hash, page_size: DEFAULT_PAGE_SIZE, facets, first });
  return `// Written by scripts/assemble.mjs: the explorer's opening answers on the shipped catalog (JSON text).\n` +
    `export default ${JSON.stringify(text)};\n`;
}

const catalog = JSON.parse(await readFile(catalogPath, 'utf8'));
const shards = patternShards(catalog);
const opening = explorerOpening(catalog);
// The shipped catalog without indentation (data/catalog.json stays readable).
const minifiedCatalog = JSON.stringify(catalog);
const searchCatalog = await cutSearchCatalog();

// What the explorer loads: the catalog cut to what search reads, by
// `patsel search-catalog` (which writes files only, so through a scratch folder).
async function cutSearchCatalog() {
  const scratch = await mkdtemp(path.join(tmpdir(), 'patsel-assemble-'));
  try {
    const file = path.join(scratch, 'search-catalog.json');
    execFileSync(patsel, ['search-catalog', '--catalog', catalogPath, '-o', file]);
    return await readFile(file, 'utf8');
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function copyPackageFiles(target) {
  await mkdir(path.join(target, 'elements'), { recursive: true });
  for (const name of ['selector.mjs', 'selector.wasm', 'selector-search.mjs', 'selector-search.wasm'])
    await copyFile(path.join(wasmDir, name), path.join(target, name));
  for (const name of ['engine.js', 'index.js', 'index.node.js', 'index.d.ts'])
    await copyFile(path.join(root, 'wasm', name), path.join(target, name));
  await writeFile(path.join(target, 'catalog.json'), minifiedCatalog);
  await writeFile(path.join(target, 'search-catalog.json'), searchCatalog);
  await mkdir(path.join(target, 'patterns'), { recursive: true });
  for (const [id, text] of shards) await writeFile(path.join(target, 'patterns', `${id}.json`), text);
  await writeFile(path.join(target, 'explorer-opening-answers.js'), opening);
  await cp(path.join(root, 'web', 'elements'), path.join(target, 'elements'), { recursive: true });
  await bundleElements(target);
}

await rm(dist, { recursive: true, force: true });
await copyPackageFiles(dist);
// The MkDocs hook, its loader and stylesheet (docs/mkdocs.md).
await cp(path.join(root, 'web', 'mkdocs'), path.join(dist, 'mkdocs'), { recursive: true, filter: (file) => !file.includes('__pycache__') });
// The demo is self-contained, so any static server (or a copy of the
// folder) can host it.
await cp(path.join(root, 'web', 'demo'), path.join(dist, 'demo'), { recursive: true });
await copyPackageFiles(path.join(dist, 'demo', 'patsel'));
const offline = await buildSingleFile(dist);
console.log(`assembled ${path.relative(root, dist)}/, ${path.relative(root, dist)}/demo/ and ${path.relative(root, offline)}`);
