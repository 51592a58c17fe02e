// catalog.json conforms to docs/catalog.schema.json: the shipped catalog and
// what the compiler makes of the messy and library fixture trees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const patsel = process.env.PATSEL_BIN ?? path.join(root, 'build', 'native', 'patsel');
const schema = JSON.parse(await readFile(path.join(root, 'docs', 'catalog.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

function problems() {
  return (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath} ${e.message}`).join('\n');
}

test('the shipped catalog conforms to the schema', async () => {
  const catalog = JSON.parse(await readFile(path.join(root, 'data', 'catalog.json'), 'utf8'));
  assert.ok(validate(catalog), problems());
});

test('a catalog compiled from a messy tree conforms too', async () => {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'patsel-schema-')), 'catalog.json');
  const fixtures = path.join(root, 'tests', 'fixtures', 'messy');
  spawnSync(patsel, ['build', path.join(fixtures, 'docs'), '--data', path.join(fixtures, 'data'), '-o', out]);
  const catalog = JSON.parse(await readFile(out, 'utf8'));
  assert.ok(validate(catalog), problems());
});

test('a catalog compiled from the library fixture conforms, relations from Related sections included', async () => {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'patsel-schema-')), 'catalog.json');
  spawnSync(patsel, ['build', path.join(root, 'tests', 'fixtures', 'library', 'docs'), '-o', out]);
  const catalog = JSON.parse(await readFile(out, 'utf8'));
  assert.ok(catalog.patterns.some((p) => (p.related ?? []).some((r) => r.source_line > 0)), 'has relations with source_line');
  assert.ok(validate(catalog), problems());
});

test('the schema is not vacuous: it rejects a bad record', () => {
  const bad = { schema_version: 1, content_hash: '0123456789abcdef', patterns: [{ id: 'x', url: 'x/', title: 'X', tier: 'platinum' }] };
  assert.equal(validate(bad), false);
  assert.match(problems(), /\/patterns\/0\/tier must be equal to one of the allowed values/);
});
