// Paths shared by the node:test suites. They test the assembled package in
// dist/ (what `./run build` produces), not the sources.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.join(root, 'dist');
export const fixture = (name) => path.join(root, 'tests', 'fixtures', name);
export const patsel = path.join(root, 'build', 'native', 'patsel');
