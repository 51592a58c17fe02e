// The MkDocs hook (dist/mkdocs/patsel_hook.py) on small sites built with
// Debian's mkdocs: which pages it finds (front matter patsel_id, the file
// name, an alias; index.md by its folder), what a page can choose
// (patsel: false, a list of widgets), markers (and not inside fenced code),
// URLs without directory URLs, and bad options stopping the build with a
// message that names the option. The browser side is in
// tests/browser/mkdocs*.test.mjs; the installed package in consumers.test.mjs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const hook = path.join(process.env.PATSEL_DIST ? path.resolve(process.env.PATSEL_DIST) : path.join(root, 'dist'), 'mkdocs', 'patsel_hook.py');
const patsel = process.env.PATSEL_BIN ?? path.join(root, 'build', 'native', 'patsel');
const scratch = await mkdtemp(path.join(tmpdir(), 'patsel-hook-'));
after(() => rm(scratch, { recursive: true, force: true }));

let sites = 0;
/** Writes a site (mkdocs.yml lines after the hook's, docs files) and builds it: {status, output, dir}. */
async function build(extraConfig, files, { theme = 'mkdocs' } = {}) {
  const dir = path.join(scratch, `site-${++sites}`);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, 'docs', file)), { recursive: true });
    await writeFile(path.join(dir, 'docs', file), text);
  }
  await writeFile(path.join(dir, 'mkdocs.yml'), [`site_name: Test`, `theme: { name: ${theme} }`, `hooks: [${JSON.stringify(hook)}]`, ...extraConfig, ''].join('\n'));
  const result = spawnSync(process.env.MKDOCS ?? 'mkdocs', ['build'], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, dir };
}
const html = (dir, page) => readFile(path.join(dir, 'site', page), 'utf8');
const siteJson = async (dir) => JSON.parse(await readFile(path.join(dir, 'site', 'patsel', 'site.json'), 'utf8'));

test('pattern pages are found by patsel_id, file name, alias or folder; others are left alone', async () => {
  const { status, output, dir } = await build(['extra: { patsel: {} }'], {
    'index.md': '# Home\n\nNot a pattern.\n',
    'resilience/circuit-breaker.md': '# Circuit breakers\n\nText.\n',
    'data/2pc.md': '# Two-phase commit\n\nText.\n',
    'data/saga/index.md': '# Sagas\n\nText.\n',
    'notes/our-outbox.md': '---\npatsel_id: outbox\n---\n\n# How we relay events\n\nText.\n',
    'notes/not-a-pattern.md': '# Meeting notes\n\nText.\n',
    'notes/wrong.md': '---\npatsel_id: no-such-pattern\n---\n\n# Wrong\n',
  });
  assert.equal(status, 0, output);
  assert.deepEqual((await siteJson(dir)).pages, {
    'circuit-breaker': 'resilience/circuit-breaker/', outbox: 'notes/our-outbox/', saga: 'data/saga/', 'two-phase-commit': 'data/2pc/',
  });
  assert.match(output.replace(/\x1B\[[0-9;]*m/g, ''), /WARNING\s+-\s+notes\/wrong\.md: patsel_id 'no-such-pattern' is not a pattern of the catalog/);
  const page = await html(dir, 'resilience/circuit-breaker/index.html');
  assert.ok(page.indexOf('<h1 id="circuit-breakers">') < page.indexOf('<patsel-card pattern="circuit-breaker">'), 'the banner after the title');
  assert.ok(page.indexOf('<patsel-card') < page.indexOf('<p>Text.</p>'), 'before the article');
  assert.match(page, /<div class="patsel-widget patsel-card-widget" data-tier="gold">\n<patsel-card pattern="circuit-breaker">/,
    'the banner\'s tier, for the space kept while it loads');
  assert.ok(page.indexOf('<p>Text.</p>') < page.indexOf('Related patterns</h2>') && page.indexOf('Related patterns</h2>') < page.indexOf('<patsel-related pattern="circuit-breaker">'));
  for (const plain of ['index.html', 'notes/not-a-pattern/index.html', 'notes/wrong/index.html'])
    assert.doesNotMatch(await html(dir, plain), /<patsel-/, plain);
  assert.match(await html(dir, 'index.html'), /<script src="patsel\/mkdocs\/loader\.js" defer><\/script><\/head>/, 'the loader on every page');
  assert.match(await html(dir, 'data/saga/index.html'), /<script src="\.\.\/\.\.\/patsel\/mkdocs\/loader\.js" defer>/);
});

test('a page opts out or picks its widgets; the site picks its defaults and heading', async () => {
  const { status, output, dir } = await build(['extra:', '  patsel: { widgets: [card], related_heading: See also }'], {
    'saga.md': '---\npatsel: false\n---\n\n# Saga\n',
    'outbox.md': '---\npatsel: [related]\n---\n\n# Outbox\n',
    'cqrs.md': '# CQRS\n',
    'bulkhead.md': '---\npatsel: related\n---\n\n# Bulkhead\n',
  });
  assert.equal(status, 0, output);
  assert.doesNotMatch(await html(dir, 'saga/index.html'), /<patsel-/);
  assert.deepEqual(Object.keys((await siteJson(dir)).pages).sort(), ['bulkhead', 'cqrs', 'outbox'], 'a page that opted out is not where links go');
  const outbox = await html(dir, 'outbox/index.html');
  assert.doesNotMatch(outbox, /<patsel-card/);
  assert.match(outbox, /See also<\/h2>\s*<div class="patsel-widget patsel-related-widget">\s*<patsel-related pattern="outbox">/);
  const cqrs = await html(dir, 'cqrs/index.html');
  assert.match(cqrs, /<patsel-card pattern="cqrs">/);
  assert.doesNotMatch(cqrs, /<patsel-related|See also/);
  const bulkhead = await html(dir, 'bulkhead/index.html');
  assert.match(bulkhead, /<patsel-related pattern="bulkhead">/, 'one widget named alone');
  assert.doesNotMatch(bulkhead, /<patsel-card/);
});

test('markers become elements, with their attributes escaped; not inside code; an unknown name is warned of', async () => {
  const { status, output, dir } = await build(['extra: { patsel: {} }'], {
    'tools.md': [
      '# Tools', '',
      '<!-- patsel explorer -->', '',
      'Walk a tree: <!-- patsel tree tree="distributed-transactions" tiers="gold silver" --> then read on.', '',
      '<!-- patsel compare patterns="saga,two-phase-commit" label="a &amp; b" -->', '',
      '```markdown', '<!-- patsel stack -->', '```', '',
      'Write `<!-- patsel timeline -->` where the timeline goes.', '',
      '<!-- patsel explorr -->', '',
    ].join('\n'),
  });
  assert.equal(status, 0, output);
  const page = await html(dir, 'tools/index.html');
  assert.match(page, /<div class="patsel-widget patsel-explorer-widget">\n<patsel-explorer><\/patsel-explorer>\n<\/div>/);
  assert.match(page, /<patsel-tree tree="distributed-transactions" tiers="gold silver"><\/patsel-tree>/);
  assert.match(page, /<patsel-compare patterns="saga,two-phase-commit" label="a &amp;amp; b"><\/patsel-compare>/);
  assert.doesNotMatch(page, /<patsel-stack/, 'a marker shown as code stays code');
  assert.match(page, /&lt;!-- patsel stack --&gt;/);
  assert.doesNotMatch(page, /<patsel-timeline/, 'nor inline code');
  assert.match(page, /<code>&lt;!-- patsel timeline --&gt;<\/code>/);
  const known = (await readdir(path.join(path.dirname(hook), '..', 'elements'))).filter((f) => /^patsel-.*\.js$/.test(f)).map((f) => f.slice(7, -3)).sort();
  assert.ok(known.includes('explorer') && !known.includes('explorr'));
  const warning = `tools.md: <!-- patsel explorr --> names no element of the package (known: ${known.join(', ')})`;
  assert.ok(output.replace(/\x1B\[[0-9;]*m/g, '').includes(warning), output);
});

// The <link>s the hook puts in a page's <head>: [rel, href, as, crossorigin].
const headLinks = (page) => [...page.slice(0, page.indexOf('</head>')).matchAll(/<link rel="((?:module)?preload)" href="([^"]+)"( as="fetch")?( crossorigin)?>/g)]
  .map(([, rel, href, as, crossorigin]) => [rel, href, Boolean(as), Boolean(crossorigin)]);

test('a page holding elements asks for their code, site.json and its banner\'s pattern with the page; other pages for nothing', async () => {
  const { status, output, dir } = await build(['extra: { patsel: {} }'], {
    'index.md': '# Home\n\n```html\n<patsel-explorer></patsel-explorer>\n```\n',
    'patterns/circuit-breaker.md': '# Circuit breaker\n\nText.\n',
    'tools/explorer.md': '# Explorer\n\n<!-- patsel explorer -->\n\n<!-- patsel card pattern="saga" catalog="other.json" -->\n',
  });
  assert.equal(status, 0, output);
  const imports = JSON.parse(await readFile(path.join(dir, 'site', 'patsel', 'bundle', 'imports.json'), 'utf8'));
  assert.deepEqual(headLinks(await html(dir, 'index.html')), [], 'an element shown as code loads nothing');

  // Each link once; every file served; modules as modulepreload, the rest fetched the way the elements fetch them.
  const expectLinks = async (page, folder, entries, fetched) => {
    const links = headLinks(await html(dir, page));
    const modules = links.filter(([rel]) => rel === 'modulepreload').map(([, href]) => href);
    const expected = new Set(['index.js', ...entries.flatMap((entry) => imports[entry])]);
    assert.deepEqual([...modules].sort(), [...expected].map((file) => `${folder}patsel/${file}`).sort(), page);
    assert.deepEqual(links.filter(([rel]) => rel === 'preload'), fetched.map((file) => ['preload', `${folder}patsel/${file}`, true, true]), page);
    for (const [, href] of links) assert.ok((await readFile(path.join(dir, 'site', path.dirname(page), href))).length > 0, href);
  };
  await expectLinks('patterns/circuit-breaker/index.html', '../../', ['links.js', 'patsel-card.js', 'patsel-related.js'],
    ['site.json', 'patterns/circuit-breaker.json']);
  // A banner with a catalog of its own asks its engine, not the pattern's file.
  await expectLinks('tools/explorer/index.html', '../../', ['links.js', 'patsel-card.js', 'patsel-explorer.js'], ['site.json']);
  assert.ok(imports['patsel-explorer.js'].includes('explorer-opening-answers.js'), 'the opening answers come with the code');
  const page = await html(dir, 'patterns/circuit-breaker/index.html');
  assert.ok(page.indexOf('rel="modulepreload"') < page.indexOf('mkdocs/loader.js'), 'before the loader');
});

test('without directory URLs the map and the loader follow the pages', async () => {
  const { status, output, dir } = await build(['use_directory_urls: false', 'extra: { patsel: {} }'], {
    'index.md': '# Home\n', 'patterns/saga.md': '# Saga\n',
  });
  assert.equal(status, 0, output);
  assert.deepEqual((await siteJson(dir)).pages, { saga: 'patterns/saga.html' });
  assert.match(await html(dir, 'patterns/saga.html'), /<script src="\.\.\/patsel\/mkdocs\/loader\.js" defer>/);
});

test('the package is served under the site, without the hook or the demo; another path can be chosen', async () => {
  const { status, output, dir } = await build(['extra: { patsel: { path: assets/patsel } }'], { 'saga.md': '# Saga\n' });
  assert.equal(status, 0, output);
  const served = path.join(dir, 'site', 'assets', 'patsel');
  for (const file of ['elements/index.js', 'bundle/elements.js', 'bundle/links.js', 'index.js', 'selector.wasm', 'selector-search.wasm', 'catalog.json', 'search-catalog.json',
    'explorer-opening-answers.js', 'patterns/saga.json', 'mkdocs/loader.js', 'mkdocs/patsel.css', 'site.json'])
    assert.ok((await readFile(path.join(served, file))).length > 0, file);
  await assert.rejects(readFile(path.join(served, 'mkdocs', 'patsel_hook.py')));
  await assert.rejects(readFile(path.join(served, 'demo', 'index.html')));
  assert.equal(JSON.parse(await readFile(path.join(served, 'site.json'), 'utf8')).root, '../../');
  assert.match(await html(dir, 'saga/index.html'), /<script src="\.\.\/assets\/patsel\/mkdocs\/loader\.js" defer>/);
});

test("the site's own catalog: served in place of the package's, with no shards the elements ask the engine", async () => {
  const catalog = JSON.parse(await readFile(path.join(root, 'tests', 'browser', 'fixtures', 'hostile-everywhere.json'), 'utf8'));
  const dir0 = path.join(scratch, 'own-catalog');
  await mkdir(path.join(dir0), { recursive: true });
  await writeFile(path.join(dir0, 'catalog.json'), JSON.stringify(catalog));
  const { status, output, dir } = await build([`extra: { patsel: { catalog: ${JSON.stringify(path.join(dir0, 'catalog.json'))} } }`], { 'evil.md': '# Evil\n', 'saga.md': '# Saga\n' });
  assert.equal(status, 0, output);
  const site = await siteJson(dir);
  assert.deepEqual(site.pages, { evil: 'evil/' }, "saga is not in this catalog");
  assert.equal(site.catalog, 'catalog.json');
  assert.equal(JSON.parse(await readFile(path.join(dir, 'site', 'patsel', 'catalog.json'), 'utf8')).content_hash, 'hostile-everywhere');
  await assert.rejects(readFile(path.join(dir, 'site', 'patsel', 'patterns', 'saga.json')), "the package's shards are not served with another catalog");
  assert.doesNotMatch(await html(dir, 'evil/index.html'), /rel="preload" href="[^"]*patterns\//, 'no shard to preload');
  assert.match(await html(dir, 'evil/index.html'), /<link rel="modulepreload" href="\.\.\/patsel\/bundle\/patsel-card\.js">/);
  assert.match(await readFile(path.join(dir, 'site', 'patsel', 'explorer-opening-answers.js'), 'utf8'), /^export default null;\n$/,
    "the explorer's opening answers are the package catalog's, so none are served with another");
  assert.equal(await readFile(path.join(dir, 'site', 'patsel', 'search-catalog.json'), 'utf8'), JSON.stringify(catalog),
    "the package's search catalog lists the package's patterns: with another catalog the explorer searches that one");
});

test("the site's own search catalog is served beside its catalog when it was cut from that catalog", async () => {
  const dir0 = path.join(scratch, 'own-search-catalog');
  await mkdir(dir0, { recursive: true });
  const own = path.join(dir0, 'catalog.json');
  await cp(path.join(root, 'tests', 'fixtures', 'catalogs', 'small.json'), own);
  const cut = spawnSync(patsel, ['search-catalog', '--catalog', own, '-o', path.join(dir0, 'search-catalog.json')], { encoding: 'utf8' });
  assert.equal(cut.status, 0, cut.stderr);
  const config = [`extra: { patsel: { catalog: ${JSON.stringify(own)} } }`];
  const served = (dir) => path.join(dir, 'site', 'patsel', 'search-catalog.json');
  const first = await build(config, { 'index.md': '# Home\n' });
  assert.equal(first.status, 0, first.output);
  assert.equal(await readFile(served(first.dir), 'utf8'), await readFile(path.join(dir0, 'search-catalog.json'), 'utf8'));
  // A search catalog of another catalog (here: the catalog changed since) is
  // left out, with a warning: the explorer searches the catalog itself.
  const changed = JSON.parse(await readFile(own, 'utf8'));
  changed.content_hash = 'changed-since';
  await writeFile(own, JSON.stringify(changed));
  const second = await build(config, { 'index.md': '# Home\n' });
  assert.equal(second.status, 0, second.output);
  assert.equal(await readFile(served(second.dir), 'utf8'), JSON.stringify(changed));
  assert.match(second.output, /search-catalog\.json is not cut from .*catalog\.json \(content_hash differs\)/);
});

test('bad options stop the build with a message naming the option', async () => {
  for (const [config, message] of [
    [['extra: { patsel: { widget: [card] } }'], /extra\.patsel: unknown option\(s\) widget/],
    [['extra: { patsel: { widgets: [card, banner] } }'], /extra\.patsel\.widgets: a list of card, related/],
    [['extra: { patsel: [card] }'], /extra\.patsel: expected a mapping of options/],
    [['extra: { patsel: { path: ../outside } }'], /extra\.patsel\.path: '\.\.\/outside' is not a folder of the site/],
    [['extra: { patsel: { catalog: missing.json } }'], /extra\.patsel\.catalog: cannot read a catalog from .*missing\.json/],
  ]) {
    const { status, output } = await build(config, { 'index.md': '# Home\n' });
    assert.notEqual(status, 0, config.join(' '));
    assert.match(output, message);
  }
});

test('with no extra.patsel at all the hook still works, with its defaults', async () => {
  const { status, output, dir } = await build([], { 'saga.md': '# Saga\n' });
  assert.equal(status, 0, output);
  assert.match(await html(dir, 'saga/index.html'), /<patsel-card pattern="saga">/);
});
