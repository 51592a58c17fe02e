// Runs the benchmarks and writes bench/results/latest.json and latest.md.
// Usage: node bench/run.mjs [--loads 20] [--runs 7]   (./run bench builds first)
// Measured so far: sizes, patsel build, cold start in Chromium. Query,
// scale and peer (MiniSearch, plain JS) benchmarks are still to come.

import { writeFile, mkdir } from 'node:fs/promises';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureSizes } from './sizes.mjs';
import { benchCompiler } from './compiler.mjs';
import { coldStart } from './coldstart.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;

const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
const sizes = await measureSizes(path.join(root, 'dist'));
const compiler = await benchCompiler({ runs: Number(option('--runs', 7)) });
const cold = await coldStart({ loads: Number(option('--loads', 20)) });
const results = { date: new Date().toISOString().slice(0, 10), machine, sizes, compiler, cold_start: cold };

const lines = [
  `Measured ${results.date} on ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, headless Chromium; command: \`./run bench\`.`,
  '',
  '| what | raw | gzip | brotli |',
  '|---|---|---|---|',
  ...[...sizes.files, ...sizes.pages].map((r) => `| ${r.name} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`),
  '',
  '| cold start (cache disabled) | median | p95 | max layout shift | loads |',
  '|---|---|---|---|---|',
  ...cold.map((r) => `| ${r.page} | ${ms(r.median_ms)} | ${ms(r.p95_ms)} | ${r.max_layout_shift.toFixed(3)} | ${r.loads} |`),
  '',
  '| patsel build | median | min | runs |',
  '|---|---|---|---|',
  ...compiler.map((r) => `| ${r.input} | ${ms(r.median_ms)} | ${ms(r.min_ms)} | ${r.runs} |`),
];
await mkdir(path.join(root, 'bench', 'results'), { recursive: true });
await writeFile(path.join(root, 'bench', 'results', 'latest.json'), JSON.stringify(results, null, 2) + '\n');
await writeFile(path.join(root, 'bench', 'results', 'latest.md'), lines.join('\n') + '\n');
console.log(lines.join('\n'));
