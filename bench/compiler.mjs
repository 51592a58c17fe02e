// Benchmark of `patsel build`: the shipped data/ and generated docs trees of
// 2,000, 20,000 and 50,000 pages (copies of the shipped pages under new ids,
// laid out like an MkDocs site: docs/pattern-library/<category>/<id>.md),
// built against the shipped data files. Every whole-tree pass of the
// compiler is linear or n log n, so the CPU time per page stays flat.
// Each generated tree is also rebuilt with `--cache` after one page was
// edited, as a maintainer's rebuild would be, and once more without the
// transparent huge pages patsel asks jemalloc for (engine/cli/allocator.cpp).
// Usage: node bench/compiler.mjs [--runs 7] [--sizes 2000,20000,50000]
// As a module: benchCompiler({ runs, sizes }) -> rows. Trees of 20,000
// pages and more are built at most 3 times, 50,000 once (about 500 MB of
// pages and a 400 MB catalog).

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, mkdir, readdir, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const patsel = process.env.PATSEL_BIN ?? path.join(root, 'build', 'native', 'patsel');

/** Writes a docs tree of `count` pages; the first copy of each page keeps its id. */
export async function generateDocsTree(count, directory) {
  const source = path.join(root, 'data', 'patterns');
  const names = (await readdir(source)).filter((n) => n.endsWith('.md')).sort();
  const pages = await Promise.all(names.map(async (n) => [n.slice(0, -3), await readFile(path.join(source, n), 'utf8')]));
  for (let i = 0; i < count; i++) {
    const [id, text] = pages[i % pages.length];
    const copy = Math.floor(i / pages.length);
    const category = /^category: (.+)$/m.exec(text)?.[1] ?? 'misc';
    const newId = copy === 0 ? id : `${id}-${copy}`;
    const body = copy === 0 ? text : text.replace(/^title: (.+)$/m, `title: $1 (copy ${copy})`);
    await mkdir(path.join(directory, 'pattern-library', category), { recursive: true });
    await writeFile(path.join(directory, 'pattern-library', category, `${newId}.md`), body);
  }
}

async function firstPage(directory) {
  const entries = (await readdir(directory, { recursive: true })).filter((n) => n.endsWith('.md')).sort();
  return path.join(directory, entries[0]);
}

// Bash's `times` after the build gives the CPU time of the build (user +
// system, both cores), which depends far less than the wall clock on what
// else the machine is doing.
function cpuSeconds(timesOutput) {
  const children = timesOutput.trim().split('\n').pop().split(/\s+/);
  return children.reduce((sum, t) => {
    const [, minutes, seconds] = /^(\d+)m([\d.]+)s$/.exec(t) ?? [, 0, 0];
    return sum + Number(minutes) * 60 + Number(seconds);
  }, 0);
}

function timeBuild(args, runs, beforeEach = () => {}, env = {}) {
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    beforeEach(i);
    const start = process.hrtime.bigint();
    const result = spawnSync('bash', ['-c', '"$@" >/dev/null; status=$?; times >&2; exit $status', 'bash', patsel, 'build', '--quiet', ...args],
      { maxBuffer: 1 << 28, encoding: 'utf8', env: { ...process.env, ...env } });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0 && result.status !== 1) throw new Error(`patsel failed: ${result.stderr}`);
    cpu.push(cpuSeconds(result.stderr) * 1000);
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return { median_ms: median(times), min_ms: Math.min(...times), cpu_ms: median(cpu), runs };
}

// jemalloc's settings without huge pages (MALLOC_CONF overrides patsel's own).
const smallPages = 'thp:never,metadata_thp:disabled';

// Big trees take a minute a build: fewer runs, so a whole bench stays short.
const runsFor = (pages, runs) => (pages >= 50000 ? 1 : pages >= 20000 ? Math.min(runs, 3) : runs);

export async function benchCompiler({ runs = 7, sizes = [2000, 20000, 50000] } = {}) {
  const scratch = await mkdtemp(path.join(tmpdir(), 'patsel-bench-'));
  const rows = [];
  try {
    const shipped = (await readdir(path.join(root, 'data', 'patterns'))).length;
    // Per page in CPU time: comparable between sizes even on a busy machine.
    const perPage = (row) => ({ ...row, ms_per_page: row.cpu_ms / row.pages });
    rows.push(perPage({ input: `shipped data/ (${shipped} pages + data files)`, pages: shipped,
      ...timeBuild([path.join(root, 'data'), '-o', path.join(scratch, 'shipped.json')], runs) }));
    for (const size of sizes) {
      const docs = path.join(scratch, `docs-${size}`);
      await generateDocsTree(size, docs);
      const out = path.join(scratch, `${size}.json`);
      const build = [docs, '--data', path.join(root, 'data'), '-o', out];
      rows.push(perPage({ input: `generated docs tree, ${size} pages`, pages: size,
        ...timeBuild(build, runsFor(size, runs)) }));
      // A maintainer's rebuild: one page edited since the last build, the
      // others taken from the page cache that build wrote.
      const cache = path.join(scratch, `${size}.cache`);
      timeBuild([...build, '--cache', cache], 1);
      const edited = await firstPage(docs);
      const original = await readFile(edited, 'utf8');
      // Then the same in 4 KB pages: what the huge pages save while the
      // cached pages are decoded (many more page faults without them).
      const rebuilds = [
        { input: 'the same, rebuilt with --cache after editing one page', edit: 'edit', env: {} },
        { input: `the same, without huge pages (MALLOC_CONF=${smallPages})`, edit: 'small pages', env: { MALLOC_CONF: smallPages } },
      ];
      for (const { input, edit, env } of rebuilds) {
        rows.push(perPage({ input, pages: size,
          ...timeBuild([...build, '--cache', cache], runsFor(size, runs), (i) => {
            writeFileSync(edited, original.replace(/^title: (.+)$/m, `title: $1 (${edit} ${i + 1})`));
          }, env) }));
      }
      await rm(cache, { force: true });
      // One tree on disk at a time: the 50,000-page one is half a gigabyte.
      await rm(docs, { recursive: true, force: true });
      await rm(out, { force: true });
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
  const rows = await benchCompiler({
    runs: Number(option('--runs', 7)),
    sizes: option('--sizes', '2000,20000,50000').split(',').map(Number),
  });
  console.log('| input | median | min | CPU (median) | CPU per page | runs |\n|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.input} | ${r.median_ms.toFixed(1)} ms | ${r.min_ms.toFixed(1)} ms | ${r.cpu_ms.toFixed(1)} ms | ${r.ms_per_page.toFixed(3)} ms | ${r.runs} |`);
  }
}
