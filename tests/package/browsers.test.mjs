// The browser environments (tests/browser/environments.test.mjs: plain ESM,
// strict CSP, wrong wasm MIME type, Web Worker) and the offline single file
// from file:// (tests/browser/offline.test.mjs), run again on the files of
// the packed tarball instead of the assembled dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSingleFile } from '../../scripts/single-file.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let scratch, packageDist;

before(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'patsel-tarball-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch, '--loglevel=error'], { cwd: root, encoding: 'utf8' }));
  execFileSync('tar', ['-xzf', path.join(scratch, packed[0].filename), '-C', scratch]);
  packageDist = path.join(scratch, 'package', 'dist');
  // The single file is made from the package's code and the demo page, as a site would.
  await buildSingleFile(packageDist, { demo: path.join(root, 'web', 'demo') });
});
after(() => rm(scratch, { recursive: true, force: true }));

test('the tarball holds no demo: every file the browser tests load comes from the package', async () => {
  assert.ok(!(await readdir(packageDist)).includes('demo'));
});

test('browser environments and file:// pass on the packed files', () => {
  // A child runner, not a subtest of this one: without NODE_TEST_CONTEXT it prints TAP.
  const { NODE_TEST_CONTEXT, ...env } = process.env;
  const run = spawnSync(process.execPath, ['--test', '--test-reporter=tap', '--test-concurrency=1',
    'tests/browser/environments.test.mjs', 'tests/browser/offline.test.mjs'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...env, PATSEL_DIST: packageDist },
  });
  const counts = Object.fromEntries([...run.stdout.matchAll(/^# (pass|fail|skipped|todo) (\d+)$/gm)].map((m) => [m[1], Number(m[2])]));
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.ok(counts.pass >= 6, `expected at least 6 passing tests, got ${counts.pass}`);
  assert.deepEqual([counts.fail, counts.skipped, counts.todo], [0, 0, 0]);
});
