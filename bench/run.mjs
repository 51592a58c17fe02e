// Runs every benchmark in one go and writes bench/results/latest.json,
// bench/results/latest.md, and the same Markdown into README.md between
// the `bench:start` and `bench:end` markers.
// Usage: node bench/run.mjs [--loads 20] [--runs 7] [--sizes 1000,10000,50000]
// (`./run bench` builds what it needs first). `--only compiler` runs only
// the patsel build benchmark, `--only peers` only the Node figures (queries
// and peers on the shipped catalog, scale, where a query's time goes),
// `--only cost` only where a query's time goes, `--only browser` only the
// sizes and the Chromium figures (cold start, load and queries), and
// each keeps the other figures of latest.json, with the date of each shown.

import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { measureSizes } from './sizes.mjs';
import { benchCompiler } from './compiler.mjs';
import { coldStart } from './coldstart.mjs';
import { benchQueries } from './queries.mjs';
import { benchBrowserEngine } from './browser-engine.mjs';
import { benchScale } from './scale.mjs';
import { benchBoundary } from './boundary.mjs';
import { benchQueryCost } from './query-cost.mjs';
import { targets } from './targets.mjs';
import { markdown } from './report.mjs';
import { dist, root } from '../tests/browser/support.mjs';

const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const step = (what) => console.error(`bench: ${what}`);

const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
const today = new Date().toISOString().slice(0, 10);
const latestPath = path.join(root, 'bench', 'results', 'latest.json');
const only = option('--only', null);
let results;
if (only === 'compiler') {
  results = JSON.parse(await readFile(latestPath, 'utf8'));
  step('patsel build');
  results.compiler = await benchCompiler({ runs: Number(option('--runs', 7)) });
  results.compiler_date = today;
} else if (only === 'peers') {
  results = JSON.parse(await readFile(latestPath, 'utf8'));
  const loadBefore = loadavg()[0];
  step('catalog load, queries and peers in Node');
  results.node = await benchQueries();
  step('scale');
  results.scale = await benchScale({ sizes: option('--sizes', '1000,10000,50000').split(',').map(Number) });
  step('where a typed query\'s time goes');
  results.query_cost = await benchQueryCost({ sizes: [10000] });
  // The machine is shared: the load average (1 minute) before and after says how much.
  results.peers_run = { date: today, load: [loadBefore, loadavg()[0]] };
} else if (only === 'cost') {
  results = JSON.parse(await readFile(latestPath, 'utf8'));
  const loadBefore = loadavg()[0];
  step('where a typed query\'s time goes');
  results.query_cost = await benchQueryCost({ sizes: [10000] });
  results.query_cost_run = { date: today, load: [loadBefore, loadavg()[0]] };
} else if (only === 'browser') {
  results = JSON.parse(await readFile(latestPath, 'utf8'));
  const loadBefore = loadavg()[0];
  step('sizes');
  results.sizes = await measureSizes(dist);
  step('cold start in Chromium');
  results.cold_start = await coldStart({ loads: Number(option('--loads', 20)) });
  step('catalog load and queries in Chromium');
  results.chromium = await benchBrowserEngine({ loads: Number(option('--loads', 20)) });
  results.browser_run = { date: today, load: [loadBefore, loadavg()[0]] };
} else if (only !== null) {
  console.error(`bench: --only takes "compiler", "peers", "cost" or "browser", not "${only}"`);
  process.exit(2);
} else {
  step('sizes');
  const sizes = await measureSizes(dist);
  step('cold start in Chromium');
  const cold_start = await coldStart({ loads: Number(option('--loads', 20)) });
  step('catalog load and queries in Chromium');
  const chromium = await benchBrowserEngine({ loads: Number(option('--loads', 20)) });
  step('catalog load, queries and peers in Node');
  const node = await benchQueries();
  step('scale');
  const scale = await benchScale({ sizes: option('--sizes', '1000,10000,50000').split(',').map(Number) });
  step('JSON strings or emscripten::val');
  const boundary = await benchBoundary();
  step('where a typed query\'s time goes');
  const query_cost = await benchQueryCost({ sizes: [10000] });
  step('patsel build');
  const compiler = await benchCompiler({ runs: Number(option('--runs', 7)) });
  results = { date: today, machine, sizes, cold_start, chromium, node, scale, boundary, query_cost, compiler };
}
results.targets = targets(results);
const text = markdown(results);

await mkdir(path.join(root, 'bench', 'results'), { recursive: true });
await writeFile(latestPath, JSON.stringify(results, null, 2) + '\n');
await writeFile(path.join(root, 'bench', 'results', 'latest.md'), text);
const readmePath = path.join(root, 'README.md');
const readme = await readFile(readmePath, 'utf8');
const section = /(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/;
if (section.test(readme)) await writeFile(readmePath, readme.replace(section, (_, start, end) => `${start}${text}${end}`));
else console.error('bench: README.md has no bench:start/bench:end markers; not updated');
console.log(text);
