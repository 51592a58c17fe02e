// Assembles the package (dist/), the demo (dist/demo/) and its offline
// single-file form (dist/pattern-selector-offline.html) from the
// build outputs: the wasm module, the JS API, the elements and the catalog.
// Usage: node scripts/assemble.mjs [--wasm-dir build/wasm/wasm]

import { cp, mkdir, rm, copyFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildSingleFile } from './single-file.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argIndex = process.argv.indexOf('--wasm-dir');
const wasmDir = path.resolve(root, argIndex > 0 ? process.argv[argIndex + 1] : 'build/wasm/wasm');
const dist = path.join(root, 'dist');

async function copyPackageFiles(target) {
  await mkdir(path.join(target, 'elements'), { recursive: true });
  for (const name of ['selector.mjs', 'selector.wasm']) await copyFile(path.join(wasmDir, name), path.join(target, name));
  for (const name of ['engine.js', 'index.js', 'index.node.js', 'index.d.ts'])
    await copyFile(path.join(root, 'wasm', name), path.join(target, name));
  await copyFile(path.join(root, 'data', 'catalog.json'), path.join(target, 'catalog.json'));
  for (const name of await readdir(path.join(root, 'web', 'elements')))
    if (name.endsWith('.js')) await copyFile(path.join(root, 'web', 'elements', name), path.join(target, 'elements', name));
}

await rm(dist, { recursive: true, force: true });
await copyPackageFiles(dist);
// The demo is self-contained, so any static server (or a copy of the
// folder) can host it.
await cp(path.join(root, 'web', 'demo'), path.join(dist, 'demo'), { recursive: true });
await copyPackageFiles(path.join(dist, 'demo', 'patsel'));
const offline = await buildSingleFile(dist);
console.log(`assembled ${path.relative(root, dist)}/, ${path.relative(root, dist)}/demo/ and ${path.relative(root, offline)}`);
