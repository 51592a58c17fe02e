// The reasoning subcommands of patsel (tree, recommend, related, migrate,
// timeline, path, stack, compare) as a person or a script uses them, over
// tests/fixtures/catalogs/reasoning.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const patsel = process.env.PATSEL_BIN ?? path.join(root, 'build', 'native', 'patsel');
const catalog = path.join(root, 'tests', 'fixtures', 'catalogs', 'reasoning.json');

function run(args, input) {
  const result = spawnSync(patsel, [...args, '--catalog', catalog], { encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(args) {
  const { code, stdout, stderr } = run([...args, '--json']);
  assert.equal(code, 0, stderr);
  return JSON.parse(stdout);
}

async function scratchFile(name, text) {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'patsel-reasoning-')), name);
  await writeFile(file, text);
  return file;
}

test('tree --answers walks in one go and prints the session', () => {
  const step = json(['tree', 'transactions', '--answers', 'several,no']);
  assert.equal(step.result.id, 'atomic');
  assert.equal(step.session, 'transactions.2d53ccdd.several.no');
  const text = run(['tree', 'transactions', '--answers', 'several,no', '--tier', 'gold,silver']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /Result: Atomic commit\n/);
  assert.match(text.stdout, /silver:\n    Queue Leveling \(queue, silver\)/);
  assert.match(text.stdout, /session: transactions\.2d53ccdd\.several\.no\n$/);
});

test('tree reads numbered answers from a pipe, with back, and resumes from a session', () => {
  const walked = run(['tree', 'transactions'], '2\n1\nb\n2\n');
  assert.equal(walked.code, 0, walked.stderr);
  assert.match(walked.stdout, /answer 1-2, b = back, r = restart, q = quit: b\n/);
  assert.match(walked.stdout, /Result: Atomic commit\n/);
  assert.match(walked.stdout, /session: transactions\.2d53ccdd\.several\.no\n$/);
  const stopped = run(['tree', 'transactions'], '2\n');
  assert.equal(stopped.code, 0);
  assert.match(stopped.stdout, /resume with: patsel tree --session transactions\.961e6bd7\.several\n$/);
  const resumed = run(['tree', '--session', 'transactions.961e6bd7.several'], 'x\n1\n1\n');
  assert.match(resumed.stdout, /'x' is not one of the answers\n/);
  assert.match(resumed.stdout, /Result: Saga\n/);
});

test('tree lists the trees, broken ones marked; errors exit 1', () => {
  const list = run(['tree']);
  assert.equal(list.code, 0);
  assert.match(list.stdout, /^transactions +Transactions\n/);
  assert.match(list.stdout, /bad-shape +BROKEN: \$\.trees\[2\]\.questions: expected an array\n/);
  const stale = run(['tree', '--session', 'transactions.00000000.several', '--answers', '']);
  assert.equal(stale.code, 1);
  assert.match(stale.stderr, /^patsel: \[tree\.stale_session\] /);
});

test('recommend reads a YAML or JSON profile and explains the ranking', async () => {
  const yaml = await scratchFile('profile.yaml', 'dependencies: 5\nrps: 500\nconsistency: strong\ncolour: red\n');
  const result = json(['recommend', '--profile', yaml]);
  assert.deepEqual(result.ranked.map((r) => [r.pattern, r.score]), [
    ['circuit-breaker', 3], ['consensus', 3], ['timeout', 3], ['bulkhead', 2], ['retry', 2], ['saga', 1],
  ]);
  assert.deepEqual(result.unknown_fields, ['colour']);
  const text = run(['recommend', '--profile', yaml, '--limit', '1']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^Recommended:\n   \+3  circuit-breaker +Circuit Breaker \(gold\)\n +\+3 many-dependencies: /);
  assert.match(text.stdout, /Two-Phase Commit was excluded: bronze \(allowed: gold\); consider Saga\n/);
  assert.match(text.stderr, /'colour' is not a profile field; ignored\n/);
  // Worked out by hand from the fixture's rules: team 3 brings in the monolith and moves the
  // bulkhead up; compliance gdpr and a new system bring in only the monolith.
  assert.match(run(['recommend', '--profile', yaml]).stdout,
    /\nWorth answering next:\n  team +3: brings in monolith\n  compliance +gdpr: brings in monolith\n  greenfield +true: brings in monolith\n/);
  const jsonFile = await scratchFile('profile.json', '{"dependencies": 1}');
  assert.deepEqual(json(['recommend', '--profile', jsonFile]).ranked.map((r) => r.pattern), ['timeout', 'retry']);
});

test('recommend reports a broken profile file with its place', async () => {
  const bad = await scratchFile('bad.yaml', 'dependencies: 5\n  rps: [1\n');
  const { code, stderr } = run(['recommend', '--profile', bad]);
  assert.equal(code, 1);
  assert.match(stderr, /^patsel recommend: .*bad\.yaml:\d+:\d+: not valid YAML: /);
  assert.equal(run(['recommend']).code, 2);
  const fields = run(['recommend', '--fields']);
  assert.match(fields.stdout, /^rps +Peak requests per second\n +number \(req\/s\)\n/);
});

test('related, migrate, timeline and path answer in text and JSON', () => {
  assert.deepEqual(json(['related', 'circuit-breaker']).neighbours.map((n) => n.pattern), ['timeout', 'bulkhead', 'retry']);
  const migrate = run(['migrate', 'two-phase-commit']);
  assert.equal(migrate.code, 0, migrate.stderr);
  assert.match(migrate.stdout, /Migrate to:\n  Saga \(saga, gold\)\n    why: Local commits with compensations\.\n    when: Services owned by different teams\n    1\. List the transactions\n    2\. Add compensations\n    guide: \/guides\/2pc-to-saga\n/);
  assert.match(run(['timeline', 'transactions']).stdout, /^Distributed transactions\n/);
  assert.match(run(['timeline']).stdout, /^transactions +Distributed transactions \(1981-2015\)\n/);
  const order = run(['path', '--order', 'saga,circuit-breaker', '--prerequisites']);
  assert.match(order.stdout, /^  1\. outbox +stage 0  \(prerequisite\)\n/);
  assert.deepEqual(json(['path', 'basics']).stages.map((s) => s.title), ['Fail well', 'Data']);
  assert.equal(run(['related']).code, 2);
  assert.equal(run(['related', 'nope']).code, 1);
});

test('stack and compare', async () => {
  const stack = run(['stack', 'two-phase-commit', 'microservices']);
  assert.equal(stack.code, 0, stack.stderr);
  assert.match(stack.stdout, /\nWhat to change:\n  replace two-phase-commit with saga, outbox\n    A blocking coordinator couples services\.\n\nConflicts:\n/);
  assert.match(stack.stdout, /Conflicts:\n  two-phase-commit, microservices\n    A blocking coordinator couples services\.\n    instead: saga, outbox\n/);
  assert.match(stack.stdout, /\nAfter the changes: saga, outbox, microservices\n\nMissing prerequisites:\n  idempotency +requires, for saga\n/);
  assert.match(stack.stdout, /Legacy:\n  two-phase-commit \(bronze\): Blocks when the coordinator fails\.\n    move to: saga\n/);
  const table = json(['compare', 'saga', 'two-phase-commit']);
  assert.deepEqual(table.rows[0], { attribute: 'maturity', label: 'Maturity and tier', cells: [
    [{ text: 'gold' }, { text: 'Recommended, mainstream' }, { text: 'Introduced in 1987' }], [{ text: 'bronze' }, { text: 'Use with caution' }]] });
  const text = run(['compare', 'saga', 'two-phase-commit']);
  assert.match(text.stdout, /^Guarantees: Atomicity\n  saga +All or nothing in the end\.\n  two-phase-commit +All or nothing at once\.\n/m);
  assert.match(text.stdout, /^Latency cost\n  saga +not stated\n/m);
  assert.match(text.stdout, /^How they relate\n  saga replaces two-phase-commit: Local commits with compensations\.\n/m);
  const profile = await scratchFile('compare-profile.yaml', 'budget: low\ncolour: red\n');
  const fit = run(['compare', 'two-phase-commit', 'microservices', '--profile', profile]);
  assert.equal(fit.code, 0, fit.stderr);
  assert.match(fit.stdout, /^Your requirements\n  two-phase-commit +not stated\n  microservices +against: Each service costs\.\n/m);
  assert.match(fit.stderr, /'colour' is not a profile field; ignored\n/);
  assert.equal(run(['compare', 'saga']).code, 2);
  assert.match(run(['compositions']).stdout, /^Circuit Breaker = Timeout \+ Retry\n/);
  assert.match(run(['cards', 'resilience']).stdout, /^Resilience\n  essential: timeout, circuit-breaker\n/);
  assert.match(run(['problems', '--area', 'consistency']).stdout, /^consistency\n  Inconsistent data\n/);
});
