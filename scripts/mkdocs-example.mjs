// Builds the example MkDocs Material site (web/mkdocs-example/) with the
// package's MkDocs hook (dist/mkdocs/patsel_hook.py): the pattern pages are
// the catalog's own data/patterns/*.md as they are, the tool pages hold
// markers (<!-- patsel explorer -->), and mkdocs.yml has the two lines of
// the set-up. Nothing of the package is copied into docs/: the hook serves
// it from the built site and puts the banner and related patterns on every
// pattern page. With --catalog, the site is built over another catalog (a
// pattern page per record, made from its title and summary; the catalog and
// its per-pattern files, written by the package's engine in Node, given to
// the hook as the site's own), e.g. a hostile one for the tests. See
// docs/mkdocs.md.
//
// Usage: node scripts/mkdocs-example.mjs [--dist dist] [--out build/mkdocs-example] [--catalog FILE] [--no-build]
// As a module: buildMkdocsExample({dist, out, catalog, build}) -> {docs, site, patterns}.

import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'web', 'mkdocs-example');

// The site's tool pages, in navigation order.
const TOOL_PAGES = [
  ['Explorer', 'explorer.md'],
  ['Decision trees', 'trees.md'],
  ['Recommender', 'recommender.md'],
  ['Timeline', 'timeline.md'],
  ['Compare', 'compare.md'],
  ['Stack check', 'stack.md'],
  ['Problems', 'problems.md'],
  ['Learning paths', 'learning-paths.md'],
  ['Quick reference', 'quick-reference.md'],
  ['Compositions', 'compositions.md'],
  ['Pattern health', 'health.md'],
  ['What changed', 'changes.md'],
];
// Pages about a pattern that are not its page: one opts out of the widgets
// (`patsel: false`), one is found by an alias and asks for the banner only.
const GUIDES = [
  ['Tuning a circuit breaker', 'guides/circuit-breaker.md'],
  ['Why we stopped using 2PC', 'guides/2pc.md'],
];
const TIERS = [
  ['gold', 'Gold: modern best practice'],
  ['silver', 'Silver: good, with trade-offs'],
  ['bronze', 'Bronze: legacy, with a migration path'],
];

/**
 * Text for Markdown: HTML and Markdown punctuation as numeric entities, which
 * Markdown passes through as text (backslash escapes would leak into the
 * table of contents and the search index as "\x02NN\x03" stash markers).
 */
const markdownText = (text) => String(text).replace(/[\\`*_{}[\]()#+\-.!|<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A title for mkdocs.yml's nav. MkDocs 1.4 themes print nav titles unescaped
 * (also inside aria-label="...") and put page titles through `striptags`,
 * which unescapes entities once inside <title>: so `&` and `"` are escaped,
 * and angle brackets become look-alikes (‹ ›) that no unescaping turns back.
 */
const navTitle = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '‹').replace(/>/g, '›');

/** Ids that can name a page file and a URL path segment as they are. */
const PAGE_ID = /^[a-z0-9][a-z0-9-]*$/;

const yamlString = (text) => JSON.stringify(text);  // a JSON string is a YAML string

/** One shard per page ({pattern, refs}, as assemble.mjs writes them), from the package's own engine in Node. */
async function writeShards(dist, catalogText, ids, directory) {
  const { createEngine } = await import(pathToFileURL(path.join(dist, 'index.node.js')).href);
  const engine = await createEngine({ catalog: catalogText });
  try {
    await mkdir(directory, { recursive: true });
    for (const id of ids) await writeFile(path.join(directory, `${id}.json`), JSON.stringify(engine.pattern(id)));
  } finally {
    engine.dispose();
  }
}

export async function buildMkdocsExample({ dist = path.join(root, 'dist'), out = path.join(root, 'build', 'mkdocs-example'), catalog: catalogFile, build = true } = {}) {
  const docs = path.join(out, 'docs');
  await rm(out, { recursive: true, force: true });
  await mkdir(path.join(docs, 'patterns'), { recursive: true });

  // The tool pages, as they are (their markers are the hook's to expand).
  await cp(path.join(source, 'pages'), docs, { recursive: true });

  const catalogText = await readFile(catalogFile ?? path.join(dist, 'catalog.json'), 'utf8');
  const catalog = JSON.parse(catalogText);
  const byId = new Map(catalog.patterns.map((p) => [p.id, p]));

  // The pattern pages: the catalog's own Markdown, untouched, or, for another
  // catalog, a page made from each record whose id can name a file; that
  // catalog and its per-pattern files become the site's own (`selector/`).
  let ids;
  let patselOptions = '{}';
  if (catalogFile) {
    ids = catalog.patterns.map((p) => p.id).filter((id) => typeof id === 'string' && PAGE_ID.test(id));
    for (const id of ids) {
      const p = byId.get(id);
      await writeFile(path.join(docs, 'patterns', `${id}.md`), `# ${markdownText(p.title ?? id)}\n\n${markdownText(p.summary ?? '')}\n`);
    }
    const selector = path.join(out, 'selector');
    await mkdir(selector, { recursive: true });
    await writeFile(path.join(selector, 'catalog.json'), catalogText);
    await writeShards(dist, catalogText, ids, path.join(selector, 'patterns'));
    patselOptions = '{ catalog: selector/catalog.json }';
  } else {
    const patternsDir = path.join(root, 'data', 'patterns');
    const pages = (await readdir(patternsDir)).filter((name) => name.endsWith('.md')).sort();
    for (const name of pages) await cp(path.join(patternsDir, name), path.join(docs, 'patterns', name));
    ids = pages.map((name) => name.slice(0, -3));
  }
  const titled = ids.map((id) => ({ id, title: String(byId.get(id)?.title ?? id), tier: byId.get(id)?.tier }))
    .sort((a, b) => a.title.localeCompare(b.title));

  // The patterns index, by tier.
  const index = ['# All patterns', '', `${titled.length} patterns of the catalog, by tier.`, ''];
  for (const [tier, heading] of TIERS) {
    const list = titled.filter((p) => p.tier === tier);
    if (!list.length) continue;
    index.push(`## ${heading}`, '', ...list.map((p) => `- [${markdownText(p.title)}](${p.id}.md)`), '');
  }
  const other = titled.filter((p) => !TIERS.some(([tier]) => tier === p.tier));
  if (other.length) index.push('## Unclassified', '', ...other.map((p) => `- [${markdownText(p.title)}](${p.id}.md)`), '');
  await writeFile(path.join(docs, 'patterns', 'index.md'), index.join('\n'));

  // mkdocs.yml: the two lines of the set-up, with the hook of `dist`, and the generated navigation.
  const hook = path.join(dist, 'mkdocs', 'patsel_hook.py');
  const config = (await readFile(path.join(source, 'mkdocs.yml'), 'utf8'))
    .replace('hooks: [node_modules/@dstudio/pattern-selector/dist/mkdocs/patsel_hook.py]', `hooks: [${yamlString(hook)}]`)
    .replace('extra: { patsel: {} }', `extra: { patsel: ${patselOptions} }`);
  if (!config.includes(hook) || !config.includes(`patsel: ${patselOptions}`))
    throw new Error('mkdocs-example: web/mkdocs-example/mkdocs.yml no longer holds the two lines of the set-up');
  const nav = ['nav:', '  - Home: index.md', ...TOOL_PAGES.map(([title, file]) => `  - ${yamlString(title)}: ${file}`),
    '  - Guides:', ...GUIDES.map(([title, file]) => `    - ${yamlString(title)}: ${file}`),
    '  - Patterns:', '    - patterns/index.md', ...titled.map((p) => `    - ${yamlString(navTitle(p.title))}: patterns/${p.id}.md`)];
  await writeFile(path.join(out, 'mkdocs.yml'), `${config.trimEnd()}\n\n# Generated by scripts/mkdocs-example.mjs\n${nav.join('\n')}\n`);

  const site = path.join(out, 'site');
  if (build) {
    const result = spawnSync(process.env.MKDOCS ?? 'mkdocs', ['build', '--clean'], { cwd: out, encoding: 'utf8' });
    if (result.error?.code === 'ENOENT')
      throw new Error('mkdocs-example: mkdocs is not installed (Debian: apt-get install mkdocs mkdocs-material; ./run installs them)');
    if (result.status !== 0) throw new Error(`mkdocs-example: mkdocs build failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  }
  return { docs, site, patterns: ids };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? path.resolve(args[args.indexOf(name) + 1]) : fallback);
  const { site, patterns } = await buildMkdocsExample({
    dist: option('--dist', path.resolve(process.env.PATSEL_DIST ?? path.join(root, 'dist'))),
    out: option('--out', path.join(root, 'build', 'mkdocs-example')),
    catalog: option('--catalog', undefined),
    build: !args.includes('--no-build'),
  });
  console.log(`built ${path.relative(process.cwd(), site)}/ (${patterns.length} pattern pages); serve it with: node scripts/serve.mjs ${path.relative(process.cwd(), site)}`);
}
