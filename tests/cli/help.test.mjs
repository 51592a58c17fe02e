// `patsel COMMAND --help` (and `patsel help COMMAND`) prints that command's
// usage and exits 0, for every command; nothing runs and nothing is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const patsel = process.env.PATSEL_BIN ?? path.join(root, 'build', 'native', 'patsel');

function run(...args) {
  const result = spawnSync(patsel, args, { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const commands = ['build', 'validate', 'search-catalog', 'list', 'call', 'search', 'tree', 'recommend', 'related', 'migrate',
  'timeline', 'path', 'stack', 'compare', 'compositions', 'problems', 'cards', 'diff', 'review'];

test('the general usage names exactly these commands', () => {
  const { code, stdout } = run('--help');
  assert.equal(code, 0);
  const named = new Set([...stdout.matchAll(/patsel ([a-z][a-z-]*)/g)].map((m) => m[1]));
  assert.deepEqual([...named].sort(), [...commands].sort());
});

for (const command of commands) {
  test(`patsel ${command} --help prints its usage and exits 0`, () => {
    // Arguments that would otherwise be a usage error or read a file.
    const { code, stdout, stderr } = run(command, '--no-such-option', '/no/such/file', '--help');
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    assert.match(stdout, /^Usage:\n {2}patsel /);
    assert.match(stdout, new RegExp(`patsel ${command}( |\\n)`));
    assert.match(stdout, /\nOptions:\n {2}--catalog FILE/);
    // Only this command's lines (and those it shares a description with).
    const heads = [...stdout.matchAll(/^ {2}patsel ([a-z][a-z-]*)/gm)].map((m) => m[1]);
    assert.ok(heads.length <= 2, heads.join(', '));
    assert.deepEqual(run('help', command), { code: 0, stdout, stderr: '' });
  });
}

test('patsel tree --help says how to walk a tree', () => {
  const { stdout } = run('tree', '--help');
  assert.equal(stdout.split('\nOptions:')[0], [
    'Usage:',
    '  patsel tree [TREE] [--answers ID,...] [--session S] [--tier gold,silver]',
    '      Walk a decision tree: numbered answers on stdin (a terminal or a',
    '      pipe; b = back, r = restart, q = quit), or all at once with',
    '      --answers. --session resumes a saved walk. No TREE: list the trees.',
    '',
  ].join('\n'));
});

test('patsel call --help lists the engine methods with their params and answers', () => {
  const { stdout } = run('call', '--help');
  assert.match(stdout, /\nMethods: /);
  assert.match(stdout, /\n {2}tree\.step {2}\{tree\? \| session\?, answer\? \| answers\?, back\?, restart\?, tiers\?\}\n {6}\{tree, session, path, question, result\}/);
});

test('--help of a command that does not exist is still an error', () => {
  const { code, stderr } = run('frobnicate', '--help');
  assert.equal(code, 2);
  assert.match(stderr, /^patsel: unknown command 'frobnicate'\n/);
});
