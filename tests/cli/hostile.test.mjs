// The patsel command line against hostile input and faults: every bad file is
// reported and the others still compile, catalog.json is always valid UTF-8,
// and a failed or killed write never loses the previous catalog.
// docs/reliability.md lists each case with its test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile, mkdir, stat, chmod, readdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const patsel = process.env.PATSEL_BIN ?? path.join(root, 'build', 'native', 'patsel');
const fixtures = path.join(root, 'tests', 'fixtures');

function run(args, { input, env, shell, wrapper = [] } = {}) {
  // `shell`: a bash prefix (ulimit, trap) run before exec'ing patsel;
  // `wrapper`: a command that runs patsel (setpriv ...).
  const options = { input, env: { ...process.env, ...env }, maxBuffer: 1 << 26 };
  const command = [...wrapper, patsel];
  const result = shell
    ? spawnSync('bash', ['-c', `${shell}; exec "$@"`, 'bash', ...command, ...args], options)
    : spawnSync(command[0], [...command.slice(1), ...args], options);
  // Bytes kept as they are, so tests can check that output is valid UTF-8.
  return {
    code: result.status, signal: result.signal, stdoutBytes: result.stdout,
    stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8'),
  };
}

// Root ignores file permissions, so as root (CI) patsel runs as nobody (setpriv, util-linux).
const asNobody = () => (process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : []);
const exists = (file) => stat(file).then(() => true, () => false);
const scratch = () => mkdtemp(path.join(tmpdir(), 'patsel-hostile-'));
const strictUtf8 = (bytes) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

// Deterministic "random" bytes: a binary file posing as a page.
function garbage(size) {
  const bytes = Buffer.alloc(size);
  let x = 2463534242;
  for (let i = 0; i < size; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

function billionLaughs(field) {
  let yaml = `a: &a [${Array(10).fill('lol').join(', ')}]\n`;
  let previous = 'a';
  for (const name of 'bcdefghi') {
    yaml += `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]\n`;
    previous = name;
  }
  return `${yaml}${field}: *i\n`;
}

async function hostileTree() {
  const dir = await scratch();
  const pages = path.join(dir, 'patterns');
  await mkdir(pages);
  const page = (name, bytes) => writeFile(path.join(pages, name), bytes);
  await page('good.md', '---\ntitle: Good\ndescription: A page.\n---\nBody.\n');
  await page('utf8.md', Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xc3]), Buffer.from('\ndescription: d\n---\n')]));
  await page('nul.md', Buffer.from('---\ntitle: A\0B\ndescription: d\n---\n'));
  await page('surrogate.md', '---\ntitle: "\\ud800"\n---\n');
  await page('huge.md', `---\ntitle: Huge\ndescription: d\n---\n${'x'.repeat(2 << 20)}\n`);
  await page('bomb.md', `---\ntitle: Bomb\ndescription: d\n${billionLaughs('modern_examples')}---\n`);
  await page('abyss.md', `---\ntitle: Abyss\nevolution: ${'['.repeat(600)}${']'.repeat(600)}\n---\n`);
  await page('long-line.md', `---\ntitle: Long\ndescription: d\n---\n[${'a'.repeat(500000)}\n`);
  await page('garbage.md', garbage(4096));
  // A file name that is not UTF-8: Linux allows any bytes but '/' and NUL.
  await writeFile(Buffer.concat([Buffer.from(`${pages}/caf`), Buffer.from([0xff]), Buffer.from('.md')]), '---\ntitle: Cafe\ndescription: d\n---\n');
  return dir;
}

test('validate on a tree of hostile pages reports each one and checks the others', async () => {
  const dir = await hostileTree();
  const { code, stderr } = run(['validate', dir]);
  assert.equal(code, 1);
  const p = `${dir}/patterns`;
  for (const line of [
    `${p}/abyss.md:3:1212: error: front matter nests deeper than the YAML parser allows (500 levels); left out [page.too_large]`,
    `${p}/bomb.md:13:1: error: 'modern_examples': more than 200000 YAML nodes once aliases are expanded; left out [page.too_large]`,
    `${p}/garbage.md:1:1: error: the page does not start with '---' [page.no_front_matter]`,
    `${p}/huge.md: error: the page has more than 1048576 bytes (the limit; raise it with --max-page-bytes); left out [page.too_large]`,
    `${p}/nul.md:2:9: warning: the page holds 1 NUL byte (the first here); replaced with U+FFFD [page.nul_byte]`,
    `${p}/surrogate.md:2:15: error: front matter is not valid YAML: an escape names U+D800, a UTF-16 surrogate, which is not a character (write the character itself, or a \\U escape) [page.yaml_syntax]`,
    `${p}/utf8.md:2:11: warning: the page is not valid UTF-8 (1 bad sequence, the first here); replaced with U+FFFD [page.invalid_utf8]`,
  ]) {
    assert.ok(stderr.includes(`${line}\n`), `missing: ${line}\n--- got:\n${stderr.slice(0, 4000)}`);
  }
  assert.match(stderr, /caf\uFFFD\.md: warning: the file name is not valid UTF-8; the id and url use U\+FFFD \[page\.invalid_utf8\]/);
  // good, utf8, nul, bomb (without its block), long-line, caf?; left out: abyss, garbage, huge, surrogate.
  assert.match(stderr, /compiled 6 patterns from 10 pages; 4 left out because of errors\nproblems by rule:\n/);
});

test('validate --format json is valid JSON even when a file name is not UTF-8', async () => {
  const dir = await hostileTree();
  const { stdoutBytes } = run(['validate', dir, '--format', 'json']);
  const report = JSON.parse(strictUtf8(stdoutBytes));
  assert.ok(report.diagnostics.some((d) => d.file === `${dir}/patterns/caf\uFFFD.md`));
  assert.equal(report.stats.patterns, 6);
});

test('the catalog built from hostile pages is valid UTF-8 and loads', async () => {
  const dir = await hostileTree();
  const out = path.join(dir, 'catalog.json');
  assert.equal(run(['build', dir, '-o', out]).code, 1, 'errors make the exit code 1, and what compiled is written');
  const catalog = JSON.parse(strictUtf8(await readFile(out)));
  const byId = Object.fromEntries(catalog.patterns.map((p) => [p.id, p]));
  assert.deepEqual(Object.keys(byId).sort(), ['bomb', 'caf\uFFFD', 'good', 'long-line', 'nul', 'utf8']);
  assert.equal(byId.utf8.title, 'Caf\uFFFD');
  assert.equal(byId.nul.title, 'A\uFFFDB');
  assert.equal(byId.bomb.modern_examples, undefined);
  assert.equal(byId['long-line'].excerpt, `[${'a'.repeat(299)}\u2026`);
  const listed = run(['list', '--catalog', out, '--json']);
  assert.equal(listed.code, 0, listed.stderr);
  assert.equal(JSON.parse(listed.stdout).total, 6);
});

test('--max-page-bytes raises the page limit, and refuses nonsense', async () => {
  const dir = await hostileTree();
  const { stderr } = run(['validate', dir, '--max-page-bytes', String(3 << 20)]);
  assert.doesNotMatch(stderr, /huge\.md: error/);
  assert.match(stderr, /compiled 7 patterns from 10 pages/);
  for (const bad of ['0', '-1', '12kb', String(2 ** 41)]) {
    const refused = run(['validate', dir, '--max-page-bytes', bad]);
    assert.equal(refused.code, 2, bad);
    assert.equal(refused.stderr, `patsel validate: --max-page-bytes takes a number of bytes from 1 to 2^40, not '${bad}'\n`);
  }
});

// --- faults while writing: the previous catalog survives ----------------------

async function previousCatalog() {
  const dir = await scratch();
  const out = path.join(dir, 'catalog.json');
  await writeFile(out, 'previous\n');
  return { dir, out };
}

test('a build killed in the middle of writing leaves the previous catalog', async () => {
  const { out } = await previousCatalog();
  // RLIMIT_FSIZE: the kernel kills the process (SIGXFSZ) once the temporary
  // file reaches 64 KiB, a twentieth of the shipped catalog.
  const killed = run(['build', path.join(root, 'data'), '-o', out, '--quiet'], { shell: 'ulimit -f 64' });
  assert.equal(killed.signal, 'SIGXFSZ');
  assert.equal(await readFile(out, 'utf8'), 'previous\n');
  assert.equal((await stat(`${out}.tmp`)).size, 64 * 1024, 'the partial write went to the temporary file only');
  // The next build replaces both.
  run(['build', path.join(root, 'data'), '-o', out, '--quiet']);
  assert.equal(JSON.parse(await readFile(out, 'utf8')).schema_version, 1);
  assert.equal(await exists(`${out}.tmp`), false);
});

test('a write that fails (file too large, as on a full disk) is reported and leaves the previous catalog', async () => {
  const { out } = await previousCatalog();
  // SIGXFSZ ignored: write() fails with EFBIG instead, as it fails with ENOSPC on a full disk.
  const failed = run(['build', path.join(root, 'data'), '-o', out, '--quiet'], { shell: 'trap "" XFSZ; ulimit -f 64' });
  assert.equal(failed.code, 1);
  assert.ok(failed.stderr.endsWith(`patsel build: [io.write_failed] ${out}.tmp: write failed: File too large\n`), failed.stderr);
  assert.equal(await readFile(out, 'utf8'), 'previous\n');
  assert.equal(await exists(`${out}.tmp`), false);
});

test('a catalog path that cannot be replaced is reported and nothing is lost', async () => {
  const dir = await scratch();
  const out = path.join(dir, 'catalog.json');
  await mkdir(out);  // a directory where the catalog should go
  await writeFile(path.join(out, 'keep'), 'kept\n');
  const failed = run(['build', path.join(fixtures, 'mini'), '-o', out]);
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, new RegExp(`patsel build: \\[io\\.write_failed\\] ${out}: cannot replace: Is a directory\\n$`));
  assert.equal(await readFile(path.join(out, 'keep'), 'utf8'), 'kept\n');
  assert.deepEqual(await readdir(dir), ['catalog.json']);
});

test('an unwritable directory is reported and leaves the previous catalog', async () => {
  const { dir, out } = await previousCatalog();
  await chmod(dir, 0o555);
  const failed = run(['build', path.join(fixtures, 'mini'), '-o', out], { wrapper: asNobody() });
  await chmod(dir, 0o755);
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /\[io\.write_failed\] .*cannot open for writing: Permission denied/);
  assert.equal(await readFile(out, 'utf8'), 'previous\n');
});

test('--strict with only a hostile-input warning writes nothing', async () => {
  const { dir, out } = await previousCatalog();
  await mkdir(path.join(dir, 'patterns'));
  await writeFile(path.join(dir, 'patterns', 'a.md'), Buffer.from('---\ntitle: A\xff\ndescription: d\n---\n', 'latin1'));
  const strict = run(['build', '--strict', dir, '-o', out]);
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /a\.md:2:9: warning: the page is not valid UTF-8.*\[page\.invalid_utf8\]\n/);
  assert.match(strict.stderr, /--strict and problems were found; nothing written\n$/);
  assert.equal(await readFile(out, 'utf8'), 'previous\n');
});

// --- the engine side: catalogs and requests -----------------------------------

test('patsel call answers hostile requests with error envelopes, one per line', async () => {
  const small = path.join(fixtures, 'catalogs', 'small.json');
  const requests = [
    `{"method":"list","params":${'['.repeat(1000000)}`,
    `{"method":"list","params":{"tiers":${'['.repeat(200)}${']'.repeat(200)}}}`,
    `{"method":"list","params":{"tiers":["${'g'.repeat(2 << 20)}"]}}`,
    // A UTF-8 encoded surrogate: bytes that are not UTF-8.
    Buffer.concat([Buffer.from('{"method":"list","params":{"tiers":["gold'), Buffer.from([0xed, 0xbf, 0xbf]), Buffer.from('"]}}')]),
    '{"method":"list","params":{"tiers":["gold"]}}',
  ];
  const input = Buffer.concat(requests.map((r) => Buffer.concat([Buffer.from(r), Buffer.from('\n')])));
  const { code, stdoutBytes } = run(['call', '--catalog', small], { input });
  assert.equal(code, 0);
  const answers = strictUtf8(stdoutBytes).trimEnd().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(answers.map((a) => a.error?.code ?? 'ok'), [
    'call.bad_request', 'params.too_deep', 'params.too_large', 'call.bad_request', 'ok',
  ]);
  assert.equal(answers[0].error.message, 'the request nests deeper than 1000 levels');
  assert.equal(answers[1].error.message, '$.tiers[0][0][0][0][0][0][0]...: nested deeper than 128 levels (load option max_depth)');
});

test('catalogs over the limits are refused with the limit to raise, and PATSEL_LOAD_OPTIONS raises it', async () => {
  const small = path.join(fixtures, 'catalogs', 'small.json');
  const size = (await stat(small)).size;
  const refused = run(['list', '--catalog', small], { env: { PATSEL_LOAD_OPTIONS: '{"max_catalog_bytes": 100}' } });
  assert.equal(refused.code, 1);
  assert.equal(refused.stderr, `patsel: ${small}: [catalog.too_large] catalog: ${size} bytes, more than the limit of 100 (load option max_catalog_bytes)\n`);
  const raised = run(['list', '--catalog', small], { env: { PATSEL_LOAD_OPTIONS: `{"max_catalog_bytes": ${size}}` } });
  assert.equal(raised.code, 0, raised.stderr);
  const bad = run(['list', '--catalog', small], { env: { PATSEL_LOAD_OPTIONS: '{"max_depth": -1}' } });
  assert.equal(bad.stderr, `patsel: ${small}: [load.bad_option] $.max_depth: expected an integer from 1 to 1000\n`);

  const dir = await scratch();
  const deep = path.join(dir, 'deep.json');
  await writeFile(deep, `{"schema_version":1,"patterns":[{"id":"a","title":"A","x":${'['.repeat(500000)}}]}`);
  assert.equal(run(['list', '--catalog', deep]).stderr,
    `patsel: ${deep}: [catalog.too_deep] $.patterns[0].x[0][0][0][0][0]...: nested deeper than 128 levels (load option max_depth)\n`);
  const latin1 = path.join(dir, 'latin1.json');
  await writeFile(latin1, Buffer.from('{"schema_version":1,"patterns":[{"id":"a","title":"Caf\xe9"}]}', 'latin1'));
  assert.match(run(['list', '--catalog', latin1]).stderr, /\[catalog\.parse_error\] catalog: parse error at line 1, column 56: syntax error while parsing value - invalid string: ill-formed UTF-8 byte/);
});

test('command-line arguments that are not UTF-8 are answered, not a crash', () => {
  const small = path.join(fixtures, 'catalogs', 'small.json');
  // Node passes arguments as UTF-8 strings; bash's printf passes the raw byte.
  const listed = run(['list', '--catalog', small], { shell: `set -- "$@" --tier "$(printf 'gold\\377')"` });
  assert.equal(listed.code, 1);
  assert.equal(listed.stderr, "patsel: [params.bad_option] $.tiers[0]: 'gold\uFFFD' is not a tier (gold, silver, bronze, unclassified)\n");
});

// --- hostile trees: the file system and YAML that expands ------------------------

// One 400 KB string named by 150,000 aliases: 60 GB once expanded, in an 850 KB page.
function aliasAmplifier(field) {
  return `---\ntitle: Bomb in ${field}\ndescription: d\nanchor: &s ${'s'.repeat(400000)}\n${field}: [${Array(150000).fill('*s').join(',')}]\n---\n`;
}

test('an alias amplifier in any field or data file is reported at its key, in little memory', async () => {
  const dir = await scratch();
  await mkdir(path.join(dir, 'patterns'));
  await writeFile(path.join(dir, 'patterns', 'tags.md'), aliasAmplifier('tags'));
  await writeFile(path.join(dir, 'patterns', 'examples.md'), aliasAmplifier('modern_examples'));
  await writeFile(path.join(dir, 'patterns', 'good.md'), '---\ntitle: Good\ndescription: A page.\n---\n');
  await writeFile(path.join(dir, 'problems.yaml'),
    `anchor: &s ${'s'.repeat(400000)}\nproblems:\n  - id: p\n    title: t\n    primary: [${Array(150000).fill('*s').join(',')}]\n`);
  // 512 MiB of address space: the page that needed 60 GB (std::bad_alloc, an abort) is refused within it.
  const { code, signal, stderr } = run(['validate', dir], { shell: 'ulimit -v 524288' });
  assert.equal(signal, null);
  assert.equal(code, 1);
  for (const line of [
    `${dir}/patterns/examples.md:5:1: error: 'modern_examples': more than 4194304 bytes of text once aliases are expanded; left out [page.too_large]`,
    `${dir}/patterns/tags.md:5:1: error: 'tags': more than 4194304 bytes of text once aliases are expanded; left out [page.too_large]`,
    `${dir}/problems.yaml:2:1: error: 'problems': more than 4194304 bytes of text once aliases are expanded; left out [data.too_large]`,
  ]) assert.ok(stderr.includes(`${line}\n`), `missing: ${line}\n--- got:\n${stderr}`);
  assert.match(stderr, /compiled 3 patterns from 3 pages\nproblems by rule:\n/);
  // The summary says which fields the amplifiers cost.
  assert.match(stderr, /\n  modern_examples +0 kept, 1 dropped\n  tags +0 kept, 1 dropped\n  title +3 kept\n$/);
});

test('symlink loops in the pages, the data and the trees are reported; build and validate go on', async () => {
  const { dir, out } = await previousCatalog();
  const docs = path.join(dir, 'docs');
  const data = path.join(dir, 'data');
  await mkdir(path.join(docs, 'patterns'), { recursive: true });
  await mkdir(path.join(data, 'trees'), { recursive: true });
  await writeFile(path.join(docs, 'patterns', 'good.md'), '---\ntitle: Good\ndescription: A page.\n---\n');
  await writeFile(path.join(data, 'synonyms.yaml'), 'synonyms: []\n');
  await symlink('self', path.join(docs, 'self'));
  await symlink('b.md', path.join(docs, 'patterns', 'a.md'));
  await symlink('a.md', path.join(docs, 'patterns', 'b.md'));
  await symlink('loop.yaml', path.join(data, 'trees', 'loop.yaml'));
  for (const command of ['validate', 'build']) {
    const { code, signal, stderr } = run([command, docs, '--data', data, ...(command === 'build' ? ['-o', out] : [])]);
    assert.equal(signal, null);
    assert.equal(code, 1, 'loops are errors');
    assert.ok(stderr.startsWith(
      `${data}/trees/loop.yaml: error: is a link that leads back to itself ('loop.yaml'): a symlink loop; left out [source.symlink_loop]\n` +
      `${docs}/patterns/a.md: error: is a link that leads back to itself ('b.md'): a symlink loop; left out [source.symlink_loop]\n` +
      `${docs}/patterns/b.md: error: is a link that leads back to itself ('a.md'): a symlink loop; left out [source.symlink_loop]\n` +
      `${docs}/self: error: is a link that leads back to itself ('self'): a symlink loop; left out [source.symlink_loop]\n`), stderr);
  }
  // A loop holds nothing, so the catalog of what compiled is written.
  assert.deepEqual(JSON.parse(await readFile(out, 'utf8')).patterns.map((p) => p.id), ['good']);
});

test('a failed, empty or unreadable-source build leaves the previous catalog byte for byte', async () => {
  const shipped = await readFile(path.join(root, 'data', 'catalog.json'));
  const cases = {
    'a source that does not exist': async (dir) => ({ args: [path.join(dir, 'typo')],
      report: `${dir}/typo: error: the source folder does not exist [source.missing]\n` }),
    'an empty source folder': async (dir) => {
      await mkdir(path.join(dir, 'empty'));
      return { args: [path.join(dir, 'empty')],
        report: `${dir}/empty: error: no Markdown page (*.md) below the source folder [source.empty]\n` };
    },
    'a --data folder that does not exist': async (dir) => ({ args: [path.join(fixtures, 'mini'), '--data', path.join(dir, 'nodata')],
      report: `${dir}/nodata: error: the data folder does not exist [source.missing]\n` }),
    'a source folder that cannot be read': async (dir) => {
      await mkdir(path.join(dir, 'closed', 'patterns'), { recursive: true });
      await writeFile(path.join(dir, 'closed', 'patterns', 'a.md'), '---\ntitle: A\ndescription: d\n---\n');
      await chmod(path.join(dir, 'closed'), 0o000);
      return { args: [path.join(dir, 'closed')], wrapper: asNobody(),
        report: `${dir}/closed: error: the source folder cannot be read: Permission denied [source.unreadable]\n1 error, 0 warnings\n` };
    },
    'a --data folder that cannot be read': async (dir) => {
      await mkdir(path.join(dir, 'closed'));
      await chmod(path.join(dir, 'closed'), 0o000);
      return { args: [path.join(fixtures, 'mini'), '--data', path.join(dir, 'closed')], wrapper: asNobody(),
        report: `${dir}/closed: error: the data folder cannot be read: Permission denied [source.unreadable]\n1 error, 0 warnings\n` };
    },
    'a source whose pages all fail': async (dir) => {
      await mkdir(path.join(dir, 'broken'));
      await writeFile(path.join(dir, 'broken', 'a.md'), 'no front matter\n');
      return { args: [path.join(dir, 'broken')],
        report: `${dir}/broken: error: none of the 1 page compiled into a pattern [source.empty]\n` };
    },
  };
  for (const [name, make] of Object.entries(cases)) {
    const dir = await scratch();
    const out = path.join(dir, 'catalog.json');
    await writeFile(out, shipped);
    await chmod(dir, 0o755);  // nobody reaches the folders inside
    const { args, report, wrapper } = await make(dir);
    const failed = run(['build', ...args, '-o', out], { wrapper });
    assert.equal(failed.code, 1, name);
    assert.ok(failed.stderr.includes(report), `${name}: ${failed.stderr}`);
    assert.ok(failed.stderr.endsWith('patsel build: the source could not be read whole or gave no pattern; nothing written\n'), name);
    assert.ok((await readFile(out)).equals(shipped), `${name}: the previous catalog is unchanged`);
    assert.equal(await exists(`${out}.tmp`), false, name);
  }
});

test('unreadable pages and folders are reported with the reason, and the previous catalog is kept', async () => {
  const { dir, out } = await previousCatalog();
  const src = path.join(dir, 'src');
  await mkdir(path.join(src, 'patterns'), { recursive: true });
  await mkdir(path.join(src, 'closed'));
  await writeFile(path.join(src, 'patterns', 'good.md'), '---\ntitle: Good\ndescription: A page.\n---\n');
  await writeFile(path.join(src, 'patterns', 'locked.md'), '---\ntitle: Locked\ndescription: A page.\n---\n');
  await writeFile(path.join(src, 'closed', 'inside.md'), '---\ntitle: Inside\ndescription: A page.\n---\n');
  await chmod(path.join(src, 'patterns', 'locked.md'), 0o000);
  await chmod(path.join(src, 'closed'), 0o000);
  await chmod(dir, 0o777);  // nobody writes the catalog's temporary file here
  const failed = run(['build', src, '-o', out], { wrapper: asNobody() });
  await chmod(path.join(src, 'closed'), 0o755);
  await chmod(path.join(src, 'patterns', 'locked.md'), 0o644);
  assert.equal(failed.code, 1);
  assert.ok(failed.stderr.startsWith(
    `${src}/closed: error: cannot read the folder: Permission denied [source.unreadable]\n` +
    `${src}/patterns/locked.md: error: cannot read: Permission denied; left out [source.unreadable]\n` +
    '2 errors, 0 warnings\n'), failed.stderr);  // was: "the page does not start with '---'"
  assert.ok(failed.stderr.endsWith('nothing written\n'));
  assert.equal(await readFile(out, 'utf8'), 'previous\n');
});

test('every text view shows what the JSON view can carry, whatever the catalog holds', async () => {
  // Every text of the reasoning fixture but ids, titles and tiers replaced by
  // another JSON type: the engine passes some through (a field's unit, label),
  // drops the rest; no view may abort on either.
  const source = JSON.parse(await readFile(path.join(fixtures, 'catalogs', 'reasoning.json'), 'utf8'));
  const keep = new Set(['id', 'title', 'tier', 'pattern', 'type', 'field', 'op', 'start', 'next', 'result']);
  const retype = (value, replacement, key) => {
    if (Array.isArray(value)) return value.map((item) => retype(item, replacement, key));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, retype(v, replacement, k)]));
    }
    return typeof value === 'string' && !keep.has(key) ? replacement : value;
  };
  const profile = path.join(await scratch(), 'profile.json');
  await writeFile(profile, JSON.stringify({ dependencies: 5, rps: 500, consistency: 'strong', team: 4 }));
  const views = [['list'], ['search', 'commit'], ['tree'], ['tree', 'transactions', '--answers', 'several,no'],
    ['recommend', '--fields'], ['recommend', '--profile', profile, '--tier', 'gold,silver,bronze'],
    ['related', 'circuit-breaker'], ['migrate', 'two-phase-commit'], ['timeline'], ['timeline', 'transactions'],
    ['path'], ['path', 'basics'], ['path', '--order', 'saga,circuit-breaker', '--prerequisites'],
    ['stack', 'two-phase-commit', 'microservices', 'saga'], ['compare', 'saga', 'two-phase-commit'],
    ['compositions'], ['problems'], ['cards']];
  for (const replacement of [7, 2.5, null, true, [], {}, ['x', 1]]) {
    const file = path.join(await scratch(), 'catalog.json');
    await writeFile(file, JSON.stringify({ ...retype(source, replacement), schema_version: 1 }));
    for (const view of views) {
      const what = `${JSON.stringify(replacement)}: patsel ${view.join(' ')}`;
      const text = run([...view, '--catalog', file]);
      assert.equal(text.signal, null, what);
      assert.doesNotMatch(text.stderr, /terminate|exception|cannot show/, `${what}\n${text.stderr}`);
      assert.ok(text.code === 0 || /^patsel: \[[a-z_.]+\] /.test(text.stderr), `${what}: exit ${text.code}\n${text.stderr}`);
    }
  }
});

test('a rule weight past -5..+5 is refused, and recommend answers in text and JSON', async () => {
  const catalog = path.join(await scratch(), 'catalog.json');
  await writeFile(catalog, JSON.stringify({ schema_version: 1,
    patterns: [{ id: 'a', title: 'A', tier: 'gold' }],
    profile: [{ id: 'n', type: 'number' }],
    rules: [1e308, 1e308, 5].map((weight, i) => ({ id: `r${i}`, when: { field: 'n', op: 'set' },
      effects: [{ pattern: 'a', weight, reason: `reason ${i}` }] })) }));
  const profile = path.join(path.dirname(catalog), 'profile.yaml');
  await writeFile(profile, 'n: 1\n');
  const json = run(['recommend', '--catalog', catalog, '--profile', profile, '--json']);
  assert.equal(json.code, 0, json.stderr);
  assert.equal(JSON.parse(json.stdout).ranked[0].score, 5);  // was: null, from 1e308 + 1e308 + 5
  const text = run(['recommend', '--catalog', catalog, '--profile', profile]);
  assert.equal(text.code, 0, text.stderr);  // was: an abort, type_error.302
  assert.equal(text.stdout, 'Recommended:\n   +5  a                            A (gold)\n         +5 r2: reason 2\n');
});

test('running out of memory on one page leaves that page out, and the others compile', async () => {
  const dir = await scratch();
  await mkdir(path.join(dir, 'patterns'));
  await writeFile(path.join(dir, 'patterns', 'good.md'), '---\ntitle: Good\ndescription: A page.\n---\n');
  // 1.5 million list items take yaml-cpp about 700 MB to parse; 150 MB of
  // address space ends it halfway (std::bad_alloc, which used to abort).
  await writeFile(path.join(dir, 'patterns', 'huge.md'), `---\ntitle: Huge\ntags: [${'1,'.repeat(1500000)}1]\n---\n`);
  const { code, signal, stderr } = run(['validate', dir, '--max-page-bytes', '20000000'], { shell: 'ulimit -v 150000' });
  assert.equal(signal, null);
  assert.equal(code, 1);
  assert.equal(stderr, `${dir}/patterns/huge.md: error: ran out of memory while compiling the page; left out [page.too_large]\n` +
    '1 error, 0 warnings\ncompiled 1 patterns from 2 pages; 1 left out because of errors\n' +
    'problems by rule:\n  page.too_large  1 error\n' +
    'fields, by the pages that wrote them:\n  description     1 kept\n  title           1 kept\n');
});
