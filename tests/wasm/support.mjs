// Paths shared by the node:test suites. They test the assembled package in
// dist/ (what `./run build` produces), not the sources.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// PATSEL_DIST lets a developer test another assembled copy (scripts/assemble.mjs --out).
export const dist = process.env.PATSEL_DIST ? path.resolve(process.env.PATSEL_DIST) : path.join(root, 'dist');
export const fixture = (name) => path.join(root, 'tests', 'fixtures', name);
// PATSEL_BIN points the differential test at another native build (e.g. a
// developer's own build directory).
export const patsel = process.env.PATSEL_BIN ?? path.join(root, 'build', 'native', 'patsel');
