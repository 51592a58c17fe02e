// `patsel diff` and `patsel review` as a maintainer uses them: over the
// fixture catalogs diff-old.json / diff-new.json (one change of every kind)
// and health.json (patterns with and without sourced signals).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const patsel = process.env.PATSEL_BIN ?? path.join(root, 'build', 'native', 'patsel');
const fixture = (name) => path.join(root, 'tests', 'fixtures', 'catalogs', name);

function run(args, env = {}) {
  const result = spawnSync(patsel, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('diff prints every kind of change, grouped', () => {
  const older = fixture('diff-old.json');
  const newer = fixture('diff-new.json');
  const { code, stdout, stderr } = run(['diff', older, newer]);
  assert.equal(code, 0, stderr);
  assert.equal(
    stdout,
    `${older} (4 patterns) -> ${newer} (4 patterns)\n` +
      '\nAdded (1)\n  + Epsilon (e, gold)\n' +
      '\nRemoved (1)\n  - Delta (d, silver)\n' +
      '\nTier moves (1)\n  Alpha (a): gold -> silver\n' +
      '\nStatus moves (1)\n  Alpha (a): recommended -> stable\n' +
      '\nRelevance changes (1)\n  Beta (b): growing -> mainstream\n' +
      '\nRelations added (1)\n  + b alternative c\n' +
      '\nRelations removed (1)\n  - b requires a\n' +
      '\nTrees added (1)\n  + Tree three (t3)\n' +
      '\nTrees removed (1)\n  - Tree two (t2)\n' +
      '\nTrees changed (1)\n  ~ Tree one (t1)\n',
  );
});

test('diff --json gives the engine answer', () => {
  const { code, stdout, stderr } = run(['diff', fixture('diff-old.json'), fixture('diff-new.json'), '--json']);
  assert.equal(code, 0, stderr);
  const diff = JSON.parse(stdout);
  assert.equal(diff.same, false);
  assert.deepEqual(diff.added, [{ pattern: 'e', title: 'Epsilon', tier: 'gold' }]);
  assert.deepEqual(diff.relevance_changes, [
    { pattern: 'b', title: 'Beta', tier: 'silver', from: 'growing', to: 'mainstream' },
  ]);
  assert.deepEqual(diff.trees_changed, [{ id: 't1', title: 'Tree one' }]);
});

test('diff of a catalog with itself says nothing changed; the shipped catalog is larger than the params limit', () => {
  const shipped = path.join(root, 'data', 'catalog.json');
  const { code, stdout, stderr } = run(['diff', shipped, shipped]);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /^.*catalog\.json \(\d+ patterns\) -> .*catalog\.json \(\d+ patterns\)\n/);
  assert.match(stdout, /No pattern was added or removed, and no tier, status, relevance, relation or tree changed\.\n$/);
});

test('diff: a missing file, a file that is no catalog, a wrong number of arguments', () => {
  const missing = run(['diff', fixture('nope.json'), fixture('diff-new.json')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^patsel: cannot read catalog .*nope\.json\n$/);
  const notCatalog = run(['diff', path.join(root, 'package.json'), fixture('diff-new.json')]);
  assert.equal(notCatalog.code, 1);
  assert.equal(notCatalog.stderr, 'patsel: [catalog.bad_shape] the older catalog: $.schema_version: missing or not an integer\n');
  const options = run(['diff', fixture('diff-old.json'), fixture('diff-new.json')], { PATSEL_LOAD_OPTIONS: '[1]' });
  assert.equal(options.code, 1);
  assert.match(options.stderr, /^patsel: .*diff-new\.json: \[load\.bad_option\] /);
  const usage = run(['diff', fixture('diff-new.json')]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /patsel diff: missing arguments/);
});

test('review lists the patterns due, gold first, each with its reasons', () => {
  const { code, stdout, stderr } = run(['review', '--catalog', fixture('health.json'), '--today', '2026-06']);
  assert.equal(code, 0, stderr);
  assert.equal(
    stdout,
    'Due for review as of 2026-06 (reviews older than 12 months): 5 patterns\n' +
      '\nGhost (ghost, gold)\n' +
      '  - Its tier has no recorded review.\n' +
      '  - A gold pattern whose implementations with a known state are all archived.\n' +
      '  - A gold pattern marked niche.\n' +
      '  - Its tier history ends at silver, but its tier is gold.\n' +
      '\nOld Gold (old-gold, gold)\n' +
      '  - Its tier has no recorded review.\n' +
      '  - A gold pattern whose status is legacy.\n' +
      '\nCache (cache, silver)\n' +
      '  - Its tier has no recorded review.\n' +
      '  - 1 signal has no source and counts as unknown.\n' +
      '\nRetry (retry, silver)\n' +
      '  - Its tier has no recorded review.\n' +
      '  - Its implementations have no sourced maintained state.\n' +
      '\nLock (lock, bronze)\n' +
      '  - Its tier has no recorded review.\n' +
      '  - A bronze pattern still marked mainstream.\n',
  );
});

test('review --max-age-months makes an older review due; without --today it is this month', () => {
  const { code, stdout, stderr } = run([
    'review', '--catalog', fixture('health.json'), '--today', '2026-06', '--max-age-months', '3', '--json',
  ]);
  assert.equal(code, 0, stderr);
  const review = JSON.parse(stdout);
  assert.equal(review.total, 6);
  assert.equal(review.max_age_months, 3);
  assert.deepEqual(review.due[0], {
    pattern: 'breaker',
    title: 'Breaker',
    tier: 'gold',
    reviewed: '2026-01',
    reasons: [{ code: 'review_due', message: 'Last reviewed 2026-01, 5 months before 2026-06 (more than 3).' }],
  });
  const now = new Date();
  const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const current = JSON.parse(run(['review', '--catalog', fixture('health.json'), '--json']).stdout);
  assert.equal(current.date, month);
});

test('review: bad values are usage errors or engine errors that name the option', () => {
  const word = run(['review', '--catalog', fixture('health.json'), '--max-age-months', 'many']);
  assert.equal(word.code, 2);
  assert.equal(word.stderr, 'patsel review: --max-age-months takes a whole number\n');
  const date = run(['review', '--catalog', fixture('health.json'), '--today', 'June']);
  assert.equal(date.code, 1);
  assert.equal(date.stderr, "patsel: [params.bad_option] $.today: 'June' is not a date (YYYY-MM or YYYY)\n");
  const extra = run(['review', 'gold']);
  assert.equal(extra.code, 2);
});
