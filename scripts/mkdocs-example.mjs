// Builds the example MkDocs Material site (web/mkdocs-example/) whose pattern
// pages are the catalog's own data/patterns/*.md, each with a tier banner
// (<patsel-card>) and the related-patterns graph (<patsel-related>) after its
// front matter, plus pages for the explorer, the decision trees, the
// recommender, the timeline, compare and stack. The package (dist/) is copied
// to the site's patsel/ and loaded by a classic script (MkDocs 1.4 cannot add
// type="module"). With --catalog, the site is built over another catalog
// (a pattern page per record, made from its title and summary), e.g. a
// hostile one for the tests. See docs/mkdocs.md.
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
];
const TIERS = [
  ['gold', 'Gold: modern best practice'],
  ['silver', 'Silver: good, with trade-offs'],
  ['bronze', 'Bronze: legacy, with a migration path'],
];

/** Text for an HTML attribute value or element content. */
const html = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

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

/** The elements a pattern page gets, right after its front matter. */
export function patternWidgets(id) {
  return `<div class="patsel-widget">
<patsel-card pattern="${html(id)}" base-url="../"></patsel-card>
<patsel-related pattern="${html(id)}" base-url="../"></patsel-related>
</div>
`;
}

/** A catalog page with the widgets inserted after its front matter. */
export function withWidgets(text, id) {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  const end = match ? match[0].length : 0;
  return `${text.slice(0, end)}\n${patternWidgets(id)}\n${text.slice(end)}`;
}

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

  // The tool pages and the loader script, as they are.
  await cp(path.join(source, 'pages'), docs, { recursive: true });
  await cp(path.join(source, 'javascripts'), path.join(docs, 'javascripts'), { recursive: true });

  // The package, without the demo: elements, JS API, wasm, catalog, shards.
  await cp(dist, path.join(docs, 'patsel'), {
    recursive: true,
    filter: (file) => !['demo', 'pattern-selector-offline.html'].includes(path.relative(dist, file).split(path.sep)[0]),
  });

  // Another catalog replaces the package's, with shards of its own.
  const catalogText = await readFile(catalogFile ?? path.join(dist, 'catalog.json'), 'utf8');
  const catalog = JSON.parse(catalogText);
  const byId = new Map(catalog.patterns.map((p) => [p.id, p]));
  if (catalogFile) {
    await writeFile(path.join(docs, 'patsel', 'catalog.json'), catalogText);
    await rm(path.join(docs, 'patsel', 'patterns'), { recursive: true, force: true });
  }

  // The pattern pages: the catalog's own Markdown with the widgets, or, for
  // another catalog, a page made from each record whose id can name a file.
  let ids;
  if (catalogFile) {
    ids = catalog.patterns.map((p) => p.id).filter((id) => typeof id === 'string' && PAGE_ID.test(id));
    for (const id of ids) {
      const p = byId.get(id);
      await writeFile(path.join(docs, 'patterns', `${id}.md`),
        `# ${markdownText(p.title ?? id)}\n\n${patternWidgets(id)}\n${markdownText(p.summary ?? '')}\n`);
    }
    await writeShards(dist, catalogText, ids, path.join(docs, 'patsel', 'patterns'));
  } else {
    const patternsDir = path.join(root, 'data', 'patterns');
    const pages = (await readdir(patternsDir)).filter((name) => name.endsWith('.md')).sort();
    for (const name of pages) {
      const id = name.slice(0, -3);
      await writeFile(path.join(docs, 'patterns', name), withWidgets(await readFile(path.join(patternsDir, name), 'utf8'), id));
    }
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

  // mkdocs.yml with the generated navigation.
  const nav = ['nav:', '  - Home: index.md', ...TOOL_PAGES.map(([title, file]) => `  - ${yamlString(title)}: ${file}`),
    '  - Patterns:', '    - patterns/index.md', ...titled.map((p) => `    - ${yamlString(navTitle(p.title))}: patterns/${p.id}.md`)];
  const config = await readFile(path.join(source, 'mkdocs.yml'), 'utf8');
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
