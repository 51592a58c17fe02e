// patsel over a pattern library in the shapes real MkDocs sites use
// (tests/fixtures/library): the build's report, and related, stack and
// compare answering from the relations its pages' Related sections give.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const patsel = process.env.PATSEL_BIN ?? path.join(root, 'build', 'native', 'patsel');
const library = path.join(root, 'tests', 'fixtures', 'library', 'docs');

function run(...args) {
  const r = spawnSync(patsel, args, { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let catalog;  // the library's catalog, built once
let build;
before(async () => {
  catalog = path.join(await mkdtemp(path.join(tmpdir(), 'patsel-library-')), 'catalog.json');
  build = run('build', library, '-o', catalog);
});

test('build compiles the library, warns where it must, and sums up by rule and field', () => {
  assert.equal(build.code, 0, build.stderr);
  assert.match(build.stderr, /resilience\/circuit-breaker\.md:45: warning: the link to '\.\.\/scaling\/rate-limiting\.md' in a Related section leads to no page; left out \[body\.missing_page\]\n/);
  assert.match(build.stderr, /resilience\/timeout\.md:8:38: warning: 'state' is a pillar, not a law; moved to related_pillars \[page\.pillar_in_laws\]\n/);
  assert.match(build.stderr, /\n0 errors, 8 warnings\ncompiled 25 patterns from 32 pages; 4 not patterns \(2 index page, 1 type: guide, 1 type: law\); 3 duplicate pages merged; 50 relations from Related sections\nproblems by rule:\n  body\.missing_page     3 warnings\n/);
  assert.match(build.stderr, /\n  pattern_status        25 kept\n/);
  assert.match(build.stderr, /\n  category              2 kept, 1 dropped\n/);
});

test('--format json carries the counts by rule and field', () => {
  const { stdout } = run('validate', library, '--format', 'json');
  const { stats } = JSON.parse(stdout);
  assert.equal(stats.body_relations, 50);
  assert.equal(stats.duplicates, 3);
  assert.deepEqual(stats.rules, { 'body.missing_page': 3, 'page.bad_value': 1, 'page.duplicate': 3, 'page.pillar_in_laws': 1 });
  assert.deepEqual(stats.fields.category, { kept: 2, dropped: 1 });
});

test('--no-body-relations leaves the Related sections unread', () => {
  const { code, stderr } = run('validate', library, '--no-body-relations');
  assert.equal(code, 0);
  assert.doesNotMatch(stderr, /body\.missing_page|from Related sections/);
  assert.match(stderr, /\n0 errors, 5 warnings\n/);
});

test('--strict fails on a pattern under two files and writes nothing', async () => {
  const out = path.join(path.dirname(catalog), 'strict.json');
  await writeFile(out, 'previous\n');
  const { code, stderr } = run('build', library, '--strict', '-o', out);
  assert.equal(code, 1);
  assert.match(stderr, /bulkhead-gold\.md: warning: 'Bulkhead' is also the pattern of .*bulkhead\.md, which says more and is kept; 'bulkhead-gold' becomes one of its aliases/);
  assert.equal(await readFile(out, 'utf8'), 'previous\n');
});

test('related answers from the Related sections, in both directions', () => {
  const { code, stdout } = run('related', 'circuit-breaker', '--catalog', catalog);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /^Circuit Breaker \(gold\)\n/);
  assert.match(stdout, /  requires, related timeout +Timeout\n +Essential prerequisite - Timeout triggers circuit breaker failure detection\n/);
  assert.match(stdout, /  required-by +microservices +Microservices\n +Calls between services fail\n/);
  assert.match(stdout, /  alternative +load-shedding +Load Shedding\n/);
  const json = JSON.parse(run('related', 'timeout', '--catalog', catalog, '--json').stdout);
  const breaker = json.neighbours.find((n) => n.pattern === 'circuit-breaker');
  assert.deepEqual(breaker.relations.map((r) => r.relation), ['related', 'required-by']);
  // The duplicate page is no pattern of its own; its id is an alias of the page kept.
  assert.match(run('related', 'bulkhead-gold', '--catalog', catalog).stderr, /'bulkhead-gold' is not a pattern of the catalog/);
  const kept = JSON.parse(run('list', '--catalog', catalog, '--json').stdout).patterns.find((p) => p.id === 'bulkhead');
  assert.ok(kept, 'bulkhead is listed');
});

test('stack finds the conflict, the replacement and the missing prerequisites the pages state', () => {
  const { code, stdout } = run('stack', 'two-phase-commit', 'microservices', 'consensus', '--catalog', catalog, '--json');
  assert.equal(code, 0, stdout);
  const stack = JSON.parse(stdout);
  assert.deepEqual(stack.conflicts.map((c) => [c.patterns.map((p) => p.pattern), c.reason, c.instead.map((p) => p.pattern)]),
    [[['two-phase-commit', 'microservices'], 'locks across services couple their availability', ['saga']]]);
  assert.deepEqual(stack.cautions.map((c) => c.reason), ['conflicts with it: blocks where consensus keeps going']);
  assert.deepEqual(stack.missing.map((m) => [m.pattern, m.relationship, m.for]),
    [['api-gateway', 'requires', ['microservices']], ['circuit-breaker', 'requires', ['microservices']]]);
  assert.deepEqual(stack.proposed.map((p) => p.pattern), ['saga', 'microservices', 'consensus']);
});

test('compare says how the patterns relate, from front matter and Related sections', () => {
  const { code, stdout } = run('compare', 'saga', 'two-phase-commit', 'outbox', '--catalog', catalog, '--json');
  assert.equal(code, 0, stdout);
  const { relations } = JSON.parse(stdout);
  assert.deepEqual(relations.map((r) => [r.from, r.relation, r.to, r.note]), [
    ['saga', 'replaces', 'two-phase-commit', 'Long-lived workflows across services'],
    ['saga', 'complements', 'outbox', "Publishes each step's event with its local write"],
  ]);
  assert.match(run('compare', 'saga', 'two-phase-commit', '--catalog', catalog).stdout,
    /How they relate\n  saga replaces two-phase-commit: Long-lived workflows across services\n/);
});
