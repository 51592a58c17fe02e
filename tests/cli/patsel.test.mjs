// The patsel command line as a maintainer's script sees it: exit codes,
// what is written (or not), and the report formats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile, mkdir, stat, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const patsel = process.env.PATSEL_BIN ?? path.join(root, 'build', 'native', 'patsel');
const fixtures = path.join(root, 'tests', 'fixtures');

function run(...args) {
  const result = spawnSync(patsel, args, { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function exists(file) {
  return stat(file).then(() => true, () => false);
}

async function scratch() {
  return mkdtemp(path.join(tmpdir(), 'patsel-cli-'));
}

test('build of a clean tree writes the catalog and exits 0', async () => {
  const out = path.join(await scratch(), 'catalog.json');
  const { code, stderr } = run('build', path.join(fixtures, 'mini'), '-o', out);
  assert.equal(code, 0, stderr);
  assert.match(stderr, /0 errors, 0 warnings\ncompiled 3 patterns from 3 pages\nwrote /);
  const catalog = JSON.parse(await readFile(out, 'utf8'));
  assert.equal(catalog.schema_version, 1);
  assert.deepEqual(catalog.patterns.map((p) => p.id), ['fixture-breaker', 'legacy-lock', 'retry-with-backoff']);
});

test('build with errors still writes what compiled, and exits 1', async () => {
  const out = path.join(await scratch(), 'catalog.json');
  const { code, stderr } = run('build', path.join(fixtures, 'messy', 'docs'), '--data', path.join(fixtures, 'messy', 'data'), '-o', out);
  assert.equal(code, 1);
  assert.match(stderr, /10 errors, 5 warnings\ncompiled 6 patterns from 14 pages; 4 not patterns \(1 alias page of bulkhead, 2 index page, 1 type: guide\); 1 duplicate page merged; 3 left out because of errors\n/);
  const catalog = JSON.parse(await readFile(out, 'utf8'));
  assert.equal(catalog.patterns.length, 6);
});

test('build --cache: a rebuild takes unchanged pages from the cache and writes the same catalog', async () => {
  const dir = await scratch();
  await cp(path.join(fixtures, 'messy', 'docs'), path.join(dir, 'docs'), { recursive: true });
  const data = path.join(fixtures, 'messy', 'data');
  const cache = path.join(dir, 'pages.cache');
  const build = (out) => run('build', path.join(dir, 'docs'), '--data', data, '-o', path.join(dir, out), '--cache', cache);

  const first = build('first.json');
  assert.equal(first.code, 1, 'the messy tree has errors');
  assert.match(first.stderr, /compiled 6 patterns from 14 pages; [^\n]*left out because of errors\n/);
  assert.doesNotMatch(first.stderr, /from the cache/);
  const second = build('second.json');
  assert.equal(second.code, 1);
  assert.match(second.stderr, /; 14 unchanged pages from the cache\n/);
  // The same diagnostics, in the same order, and the same bytes written.
  const report = (stderr) => stderr.split('\ncompiled ')[0];
  assert.equal(report(second.stderr), report(first.stderr));
  assert.equal(await readFile(path.join(dir, 'second.json'), 'utf8'), await readFile(path.join(dir, 'first.json'), 'utf8'));

  const json = JSON.parse(run('validate', path.join(dir, 'docs'), '--data', data, '--cache', cache, '--format', 'json').stdout);
  assert.equal(json.stats.cached, 14);

  const unwritable = run('build', path.join(dir, 'docs'), '--data', data, '-o', path.join(dir, 'third.json'), '--cache', path.join(dir, 'missing', 'pages.cache'));
  assert.equal(unwritable.code, 1, 'the same exit code as without a cache: the errors of the tree');
  assert.match(unwritable.stderr, /^patsel build: the page cache was not written \(.*missing\/pages\.cache\.tmp: cannot open for writing: No such file or directory\); the next build compiles every page\n/);
  assert.equal(await readFile(path.join(dir, 'third.json'), 'utf8'), await readFile(path.join(dir, 'first.json'), 'utf8'));
});

test('build --strict writes nothing when anything is wrong, and keeps the previous file', async () => {
  const dir = await scratch();
  const out = path.join(dir, 'catalog.json');
  await writeFile(out, 'previous\n');
  const { code, stderr } = run('build', '--strict', path.join(fixtures, 'messy', 'docs'), '-o', out);
  assert.equal(code, 1);
  assert.match(stderr, /--strict and problems were found; nothing written/);
  assert.equal(await readFile(out, 'utf8'), 'previous\n');
  assert.equal(await exists(`${out}.tmp`), false);
});

test('validate prints file:line:col diagnostics and never writes', async () => {
  const dir = await scratch();
  await cp(path.join(fixtures, 'mini'), dir, { recursive: true });
  await writeFile(path.join(dir, 'patterns', 'odd.md'), '---\ntitle: Odd\ndescription: A page.\nexcellence_tier: platinum\n---\n');
  const { code, stderr } = run('validate', dir);
  assert.equal(code, 0, 'warnings alone do not fail without --strict');
  assert.equal(stderr.split('\n')[0], `${dir}/patterns/odd.md:4:18: warning: 'platinum' is not a tier (gold, silver, bronze) [page.bad_value]`);
  assert.equal(run('validate', '--strict', dir).code, 1, '--strict fails on warnings');
  assert.equal(await exists(path.join(dir, 'catalog.json')), false);
});

test('validate --format json gives the same report as data', async () => {
  const { code, stdout } = run('validate', path.join(fixtures, 'messy', 'docs'), '--data', path.join(fixtures, 'messy', 'data'), '--format', 'json');
  assert.equal(code, 1);
  const report = JSON.parse(stdout);
  assert.equal(report.errors, 10);
  assert.equal(report.warnings, 5);
  assert.equal(report.stats.patterns, 6);
  assert.equal(report.stats.duplicates, 1);
  assert.equal(report.stats.rules['page.duplicate'], 1);
  assert.deepEqual(report.stats.fields.pattern_status, { kept: 0, dropped: 1 });  // the placeholder
  const cycle = report.diagnostics.find((d) => d.rule === 'tree.cycle');
  assert.deepEqual(
    { ...cycle, file: path.basename(cycle.file) },
    { severity: 'error', rule: 'tree.cycle', file: 'loops.yaml', line: 14, column: 0, message: "answering 'second' can lead back to 'first': the tree loops" },
  );
});

test('one unreadable page does not stop the others from being checked', async () => {
  const dir = await scratch();
  await mkdir(path.join(dir, 'patterns'));
  await writeFile(path.join(dir, 'patterns', 'a.md'), '---\ntitle: [unclosed\n---\n');
  await writeFile(path.join(dir, 'patterns', 'b.md'), '---\ntitle: B\nexcellence_tier: gold\n---\n');
  await writeFile(path.join(dir, 'patterns', 'c.md'), '---\ntitle: C\npattern_status: shiny\n---\n');
  const { stderr } = run('validate', dir);
  // yaml-cpp reports an unclosed flow list where it notices it: at the end.
  assert.match(stderr, /a\.md:3:1: error: front matter is not valid YAML: end of sequence flow not found \[page\.yaml_syntax\]/);
  assert.match(stderr, /b\.md:3: error: a gold pattern needs modern_examples/);
  assert.match(stderr, /c\.md:3:17: warning: 'shiny' is not a status \(recommended, stable, use-with-caution, legacy\)/);
});

test('usage errors exit 2 with a hint', () => {
  assert.equal(run('build').code, 2);
  assert.equal(run('list', '--colour', 'red').code, 2);
  assert.equal(run('frobnicate').code, 2);
  assert.match(run('build').stderr, /expects one SOURCE directory \(see patsel --help\)/);
});

test('search --matching prefix searches the words as typed; another value is refused with the option named', () => {
  const catalog = path.join(fixtures, 'catalogs', 'search.json');
  const ids = (...args) => {
    const out = run('search', ...args, '--catalog', catalog, '--json');
    assert.equal(out.code, 0, out.stderr);
    return JSON.parse(out.stdout).hits.map((hit) => hit.id);
  };
  // "bulkhaed" is one typo away from the title word "bulkhead".
  assert.deepEqual(ids('bulkhaed '), ['bulkhead']);
  assert.deepEqual(ids('bulkhaed ', '--matching', 'prefix'), []);
  assert.deepEqual(ids('bulkh', '--matching', 'prefix'), ['bulkhead']);
  const text = run('search', 'bulkhaed ', '--matching', 'prefix', '--catalog', catalog);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /0 of 0 patterns for "bulkhaed "/);
  const bad = run('search', 'x', '--matching', 'fuzzy', '--catalog', catalog);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /\[params\.bad_option\] \$\.matching: 'fuzzy' is not a matching \(full, prefix\)/);
});

test('search-catalog writes the catalog cut to what search reads; search answers the same from it', async () => {
  const dir = await scratch();
  const full = path.join(root, 'data', 'catalog.json');
  const out = path.join(dir, 'search-catalog.json');
  const made = run('search-catalog', '--catalog', full, '-o', out);
  assert.equal(made.code, 0, made.stderr);
  assert.equal(made.stderr, '');
  const cut = JSON.parse(await readFile(out, 'utf8'));
  const catalog = JSON.parse(await readFile(full, 'utf8'));
  assert.equal(cut.scope, 'search');
  assert.equal(cut.content_hash, catalog.content_hash);
  assert.deepEqual(cut.patterns.map((p) => p.id), catalog.patterns.map((p) => p.id));
  assert.equal(cut.patterns.find((p) => p.id === 'saga').migration_paths, undefined, 'what search does not read is left out');
  for (const query of ['saga', 'circut breaker', 'cache --tier gold']) {
    const args = ['search', ...query.split(' '), '--json'];
    assert.equal(run(...args, '--catalog', out).stdout, run(...args, '--catalog', full).stdout, query);
  }
  const related = run('related', 'saga', '--catalog', out);
  assert.equal(related.code, 1);
  assert.match(related.stderr, /\[catalog\.search_only\] 'related' needs the full catalog/);
});

test('search-catalog: no -o is a usage error; an unreadable or broken catalog writes nothing', async () => {
  const dir = await scratch();
  const usage = run('search-catalog', '--catalog', path.join(root, 'data', 'catalog.json'));
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /-o FILE is required/);
  const out = path.join(dir, 'search-catalog.json');
  const missing = run('search-catalog', '--catalog', path.join(dir, 'nope.json'), '-o', out);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /cannot read catalog .*nope\.json/);
  await writeFile(path.join(dir, 'broken.json'), '{"schema_version": 1, "patterns": [');
  const broken = run('search-catalog', '--catalog', path.join(dir, 'broken.json'), '-o', out);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /broken\.json: \[catalog\.parse_error\]/);
  assert.equal(await exists(out), false);
});

test('list reads the catalog given and answers in text or JSON', async () => {
  const out = path.join(await scratch(), 'catalog.json');
  run('build', path.join(fixtures, 'mini'), '-o', out);
  const text = run('list', '--catalog', out, '--tier', 'gold,bronze');
  assert.equal(text.code, 0);
  assert.equal(text.stdout, 'gold     retry-with-backoff               Retry with Backoff\nbronze   legacy-lock                      Legacy Lock\n2 patterns\n');
  const json = JSON.parse(run('list', '--catalog', out, '--category', 'coordination', '--json').stdout);
  assert.deepEqual(json.patterns.map((p) => p.id), ['legacy-lock']);
  const bad = run('list', '--catalog', out, '--tier', 'platinum');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /\[params\.bad_option\] \$\.tiers\[0\]: 'platinum' is not a tier/);
});
