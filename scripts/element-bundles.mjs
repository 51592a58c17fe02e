// The elements bundled for pages: <package>/bundle/, minified ES modules.
// One file per way in - all elements (elements.js), each element alone
// (patsel-explorer.js, patsel-card.js, ...), and links.js for a site's map of
// pattern pages - and the code they share in chunk files, so every entry a
// page loads shares one copy of each module's state. A page then loads its
// element in a few requests instead of twenty modules (docs/elements/README.md).
// The JS API stays outside the bundles, imported as ../index.js: it finds
// the wasm, the catalogs and the opening answers next to itself, and a
// configure() on it reaches every element.
// Run by assemble.mjs on each copy of the package it writes.

import { build } from 'esbuild';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function bundleElements(packageDir) {
  const elements = path.join(packageDir, 'elements');
  const registered = (await readdir(path.join(elements, 'register'))).filter((file) => file.endsWith('.js'));
  const entryPoints = [
    { in: path.join(elements, 'index.js'), out: 'elements' },
    { in: path.join(elements, 'links.js'), out: 'links' },
    ...registered.map((file) => ({ in: path.join(elements, 'register', file), out: path.basename(file, '.js') })),
  ];
  // The JS API and the explorer's opening answers stay files of their own
  // (a MkDocs site with its own catalog replaces the answers).
  const outside = new Set(['index.js', 'explorer-opening-answers.js']);
  const apiOutside = {
    name: 'api-outside',
    setup(b) {
      b.onResolve({ filter: /\.js$/ }, (args) => {
        const file = path.relative(packageDir, path.resolve(args.resolveDir, args.path));
        return outside.has(file) ? { path: `../${file}`, external: true } : undefined;
      });
    },
  };
  const outdir = path.join(packageDir, 'bundle');
  const { metafile } = await build({
    entryPoints,
    outdir,
    plugins: [apiOutside],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    chunkNames: 'chunk-[hash]',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  // An element's entry names the files outside the bundle that its chunks
  // import (and the engine loader the API imports) itself, so the browser
  // fetches them beside the chunks rather than after them.
  const manifest = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!output.entryPoint) continue;
    const outside = [...outsideImports(metafile, file)];
    if (outside.includes('../index.js')) outside.push('../engine.js');  // the API's own import
    if (path.basename(file) !== 'links.js') {
      const text = await readFile(file, 'utf8');
      await writeFile(file, `${outside.map((specifier) => `import"${specifier}";`).join('')}${text}`);
    }
    manifest[path.basename(file)] = staticFiles(metafile, file, outside, packageDir);
  }
  // Every file each entry loads before it runs, for <link rel="modulepreload">
  // in a page's HTML (the MkDocs hook writes them): the page then asks for
  // them all at once instead of one level of imports after another.
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(path.join(outdir, 'imports.json'), `${JSON.stringify(sorted, null, 1)}\n`);
}

// The package files (relative to the package) `entry` loads through static
// imports: itself, its chunks, and the files outside the bundle.
function staticFiles(metafile, entry, outside, packageDir) {
  const chunks = new Set();
  const walk = (output) => {
    if (chunks.has(output)) return;
    chunks.add(output);
    for (const { path: target, kind, external } of metafile.outputs[output].imports)
      if (kind === 'import-statement' && !external) walk(target);
  };
  walk(entry);
  const bundled = [...chunks].map((file) => path.relative(packageDir, path.resolve(file)));
  return [...bundled, ...outside.map((specifier) => path.posix.normalize(`bundle/${specifier}`))].map((file) => file.split(path.sep).join('/'));
}

// The external files `output`'s static imports reach, through its chunks.
function outsideImports(metafile, output, found = new Set(), seen = new Set()) {
  if (seen.has(output)) return found;
  seen.add(output);
  for (const { path: target, kind, external } of metafile.outputs[output].imports) {
    if (kind !== 'import-statement') continue;
    if (external) found.add(target);
    else outsideImports(metafile, target, found, seen);
  }
  return found;
}
