// Transfer sizes of what pages load: raw, gzip (level 9) and brotli (quality 11).
// As a module: measureSizes(dist) -> { files: [...], pages: [...] }.

import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

function measure(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

async function sizeOf(dist, files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const m = measure(await readFile(path.join(dist, file)));
    for (const k of Object.keys(total)) total[k] += m[k];
  }
  return total;
}

// The JS modules a page's entry imports, followed through relative imports.
async function moduleGraph(dist, entry) {
  const seen = new Set();
  const visit = async (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = await readFile(path.join(dist, file), 'utf8');
    // Readable (`import { a } from './a.js';`) and minified (`import{a}from"./a.js"`) forms.
    const pattern = /(?:import|export)\s*(?:[^'";]*?from\s*)?['"](\.[^'"]+)['"]/g;
    for (const match of text.matchAll(pattern))
      await visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1])));
  };
  await visit(entry);
  return [...seen];
}

export async function measureSizes(dist) {
  const scripts = async (folder) => (await readdir(path.join(dist, folder))).filter((f) => f.endsWith('.js')).map((f) => `${folder}/${f}`);
  const groups = [
    ['wasm module (selector.wasm)', ['selector.wasm']],
    ['search wasm module (selector-search.wasm)', ['selector-search.wasm']],
    ['JS glue (selector.mjs)', ['selector.mjs']],
    ['JS API (index.js, engine.js)', ['index.js', 'engine.js']],
    ['elements (all modules, readable)', await scripts('elements')],
    ['elements (all, bundled and minified)', await scripts('bundle')],
    ['catalog.json (minified)', ['catalog.json']],
    ['search-catalog.json (what the explorer loads)', ['search-catalog.json']],
    ['one pattern shard (circuit-breaker)', ['patterns/circuit-breaker.json']],
  ];
  const files = [];
  for (const [name, list] of groups) files.push({ name, ...(await sizeOf(dist, list)) });

  // What the pages load is the bundled elements (bundle/, as the MkDocs loader does).
  // A pattern page: the card's module graph and its shard; the explorer page:
  // its module graph (its opening answers among its modules), and the search
  // engine: the glue (a dynamic import the graph does not follow), the
  // search module and the search catalog.
  const card = [...(await moduleGraph(dist, 'bundle/patsel-card.js')), 'patterns/circuit-breaker.json'];
  const explorer = [...(await moduleGraph(dist, 'bundle/patsel-explorer.js')), 'selector-search.mjs',
    'selector-search.wasm', 'search-catalog.json'];
  const pages = [
    { name: 'pattern page with one <patsel-card>', files: card, ...(await sizeOf(dist, card)) },
    { name: 'explorer page (<patsel-explorer>)', files: explorer, ...(await sizeOf(dist, explorer)) },
  ];
  return { files, pages };
}
