// The npm package as other projects get it: packed with `npm pack`,
// installed into fresh projects, used from Node, type-checked with tsc,
// bundled with esbuild and with Vite and run in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, readFile, cp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, serve, openPage } from '../browser/support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const catalog = JSON.parse(await readFile(path.join(root, 'dist', 'catalog.json'), 'utf8'));
const gold = catalog.patterns.filter((p) => p.tier === 'gold').length;

let scratch, tarball, browser;

function sh(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// A fresh project with the tarball installed, like `npm install @dstudio/pattern-selector`.
async function consumer(name, files) {
  const dir = path.join(scratch, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  sh('npm', ['install', tarball, '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], dir);
  return dir;
}

before(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'patsel-consumers-'));
  const [packed] = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', scratch, '--loglevel=error'], root));
  tarball = path.join(scratch, packed.filename);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await rm(scratch, { recursive: true, force: true });
});

test('npm pack holds exactly what a consumer needs', () => {
  const [packed] = JSON.parse(sh('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], root));
  const files = packed.files.map((f) => f.path).sort();
  const elements = files.filter((f) => f.startsWith('dist/elements/'));
  assert.ok(elements.includes('dist/elements/index.js') && elements.includes('dist/elements/patsel-explorer.js'));
  // The bundled elements: one entry per registering file, all of them, links.js, their chunks
  // and the list of what each entry loads (imports.json); nothing else.
  const registering = elements.filter((f) => f.startsWith('dist/elements/register/')).map((f) => f.replace('dist/elements/register/', 'dist/bundle/'));
  const bundled = files.filter((f) => f.startsWith('dist/bundle/'));
  assert.deepEqual(bundled.filter((f) => !/\/chunk-[A-Z0-9]+\.js$/.test(f)),
    [...registering, 'dist/bundle/elements.js', 'dist/bundle/imports.json', 'dist/bundle/links.js'].sort());
  assert.ok(bundled.some((f) => f.includes('/chunk-')), 'shared code in chunks');
  const shards = files.filter((f) => f.startsWith('dist/patterns/'));
  assert.equal(shards.length, catalog.patterns.length, 'one shard per pattern');
  assert.deepEqual(files.filter((f) => f.startsWith('dist/mkdocs/')), ['dist/mkdocs/loader.js', 'dist/mkdocs/patsel.css', 'dist/mkdocs/patsel_hook.py'],
    'the MkDocs hook, its loader and stylesheet');
  assert.deepEqual(files.filter((f) => !['dist/elements/', 'dist/bundle/', 'dist/patterns/', 'dist/mkdocs/'].some((folder) => f.startsWith(folder))), [
    'LICENSE', 'README.md', 'dist/catalog.json', 'dist/engine.js', 'dist/explorer-opening-answers.js', 'dist/index.d.ts', 'dist/index.js',
    'dist/index.node.js', 'dist/search-catalog.json', 'dist/selector-search.mjs', 'dist/selector-search.wasm', 'dist/selector.mjs',
    'dist/selector.wasm', 'package.json',
  ]);
  assert.match(packed.version, /^\d+\.\d+\.\d+$/);
});

test('Node ESM: import { createEngine } from "@dstudio/pattern-selector" with no bundler', async () => {
  const dir = await consumer('node-consumer', {
    'main.mjs': `
      import { createEngine, engineFor, PatselError } from '@dstudio/pattern-selector';
      import { readFile } from 'node:fs/promises';
      const engine = await createEngine();
      const shared = await engineFor();
      const catalogUrl = import.meta.resolve('@dstudio/pattern-selector/catalog.json');
      const shipped = JSON.parse(await readFile(new URL(catalogUrl), 'utf8'));
      let code;
      try { engine.list({ tiers: ['platinum'] }); } catch (e) { code = e instanceof PatselError && e.code; }
      console.log(JSON.stringify({ patterns: engine.info.patterns, gold: engine.list({ tiers: ['gold'] }).total,
        same: shared === (await engineFor()), shipped: shipped.patterns.length, code }));
    `,
  });
  const result = JSON.parse(sh('node', ['main.mjs'], dir));
  assert.deepEqual(result, { patterns: catalog.patterns.length, gold, same: true, shipped: catalog.patterns.length, code: 'params.bad_option' });
});

test('TypeScript: a consumer type-checks with tsc --noEmit, and misuse is caught', async () => {
  const dir = await consumer('ts-consumer', {
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: false } }),
    'main.ts': `
      import { createEngine, searchEngine, PatselError, type Engine, type ListResult, type Tier } from '@dstudio/pattern-selector';
      const engine: Engine = await createEngine({ catalog: new URL('file:///catalog.json') });
      const scope: 'full' | 'search' = (await searchEngine()).info.scope;
      const tiers: Tier[] = ['gold', 'silver'];
      const result: ListResult = engine.list({ tiers });
      const first: string | undefined = result.patterns[0]?.title;
      const code: string = new PatselError().code;
      // @ts-expect-error: 'platinum' is not a Tier
      engine.list({ tiers: ['platinum'] });
      // @ts-expect-error: list takes an options object
      engine.list('gold');
      export { first, code, scope };
    `,
  });
  // Exit 0 means: the correct lines check and both @ts-expect-error lines do fail.
  sh(bin('tsc'), ['-p', dir], dir);
});

async function pageWorks(directory, indexPath) {
  const server = await serve(directory);
  try {
    const { page, problems } = await openPage(browser, server.url + indexPath);
    await page.locator('patsel-explorer [part=count]').filter({ hasText: `${gold} patterns` }).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await server.close();
  }
}

const page = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>consumer</title>
<link rel="icon" href="data:,"><script type="module" src="${script}"></script></head>
<body><patsel-explorer></patsel-explorer></body></html>`;

test('esbuild: a bundled page works in Chromium (wasm modules and catalogs copied beside the bundle; the opening answers are bundled)', async () => {
  const dir = await consumer('esbuild-consumer', {
    'src/main.js': `import '@dstudio/pattern-selector/elements';`,
    'public/index.html': page('./app.js'),
  });
  sh(bin('esbuild'), ['src/main.js', '--bundle', '--format=esm', '--platform=browser', '--outfile=public/app.js', '--log-level=error'], dir);
  const pkg = path.join(dir, 'node_modules', '@dstudio', 'pattern-selector', 'dist');
  for (const file of ['selector.wasm', 'selector-search.wasm', 'catalog.json', 'search-catalog.json']) await cp(path.join(pkg, file), path.join(dir, 'public', file));
  await pageWorks(path.join(dir, 'public'), 'index.html');
});

test('Vite: a built page works in Chromium', async () => {
  const dir = await consumer('vite-consumer', {
    'index.html': page('/main.js'),
    'main.js': `import '@dstudio/pattern-selector/elements';`,
  });
  sh(bin('vite'), ['build', '--logLevel', 'error'], dir);
  await pageWorks(path.join(dir, 'dist'), 'index.html');
});

test('MkDocs: two lines in mkdocs.yml and the installed package; no page edited', async () => {
  const source = await readFile(path.join(root, 'data', 'patterns', 'two-phase-commit.md'), 'utf8');
  const dir = await consumer('mkdocs-consumer', {
    'mkdocs.yml': [
      'site_name: A team handbook',
      'site_url: https://handbook.example/',
      // font: false only because the test has no network (Material fetches Google Fonts otherwise).
      'theme: { name: material, features: [navigation.instant], font: false }',
      'hooks: [node_modules/@dstudio/pattern-selector/dist/mkdocs/patsel_hook.py]',
      'extra: { patsel: {} }',
      '',
    ].join('\n'),
    'docs/index.md': '# Handbook\n\nHow we build services.\n\n<!-- patsel compare patterns="saga,two-phase-commit" -->\n',
    'docs/design/2pc.md': source,
    'docs/design/saga.md': '---\ntitle: Sagas\n---\n\n# Sagas\n\nWhat we do instead of distributed transactions.\n',
  });
  sh(process.env.MKDOCS ?? 'mkdocs', ['build', '--quiet'], dir);
  const site = path.join(dir, 'site');
  const map = JSON.parse(await readFile(path.join(site, 'patsel', 'site.json'), 'utf8'));
  assert.deepEqual(map.pages, { saga: 'design/saga/', 'two-phase-commit': 'design/2pc/' }, 'an alias (2pc) and an id (saga) found; nothing else');
  const html = await readFile(path.join(site, 'design', '2pc', 'index.html'), 'utf8');
  assert.match(html, /<patsel-card pattern="two-phase-commit"><\/patsel-card>/);
  assert.match(html, /<patsel-related pattern="two-phase-commit"><\/patsel-related>/);
  assert.match(await readFile(path.join(site, 'index.html'), 'utf8'), /<patsel-compare patterns="saga,two-phase-commit"><\/patsel-compare>/);
  assert.equal(await readFile(path.join(dir, 'docs', 'design', '2pc.md'), 'utf8'), source, 'the page is as it was');

  const server = await serve(site);
  try {
    const { page, problems } = await openPage(browser, new URL('design/2pc/', server.url).href);
    await page.locator('patsel-card [part~=banner][data-tier=bronze]').waitFor();
    // Saga has a page on this site; outbox and consensus do not, so they are text.
    assert.deepEqual(await page.locator('patsel-card [part~=facts] a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      [new URL('design/saga/', server.url).href]);
    await page.locator('patsel-card [part~=facts] a').click();
    await page.waitForURL(new URL('design/saga/', server.url).href);
    await page.locator('patsel-card[pattern=saga] [part~=banner][data-tier]').waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await server.close();
  }
});
