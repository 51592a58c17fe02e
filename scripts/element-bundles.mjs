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
    const { bundled, outside } = staticImports(metafile, file);
    if (outside.has('../index.js')) outside.add('../engine.js');  // the API's own import
    if (path.basename(file) !== 'links.js') {
      const text = await readFile(file, 'utf8');
      await writeFile(file, `${[...outside].map((specifier) => `import"${specifier}";`).join('')}${text}`);
    }
    // Package paths, for the manifest below.
    manifest[path.basename(file)] = [
      ...[...bundled].map((output) => path.relative(packageDir, path.resolve(output)).split(path.sep).join('/')),
      ...[...outside].map((specifier) => path.posix.normalize(`bundle/${specifier}`)),
    ];
  }
  // Every file each entry loads before it runs, for <link rel="modulepreload">
  // in a page's HTML (the MkDocs hook writes them): the page then asks for
  // them all at once instead of one level of imports after another.
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(path.join(outdir, 'imports.json'), `${JSON.stringify(sorted, null, 1)}\n`);
}

// What `entry`'s static imports load: the bundle's outputs (itself and its
// chunks, as the metafile names them) and the files outside the bundle (as
// imported from bundle/).
function staticImports(metafile, entry) {
  const bundled = new Set();
  const outside = new Set();
  const walk = (output) => {
    if (bundled.has(output)) return;
    bundled.add(output);
    for (const { path: target, kind, external } of metafile.outputs[output].imports) {
      if (kind !== 'import-statement') continue;
      if (external) outside.add(target);
      else walk(target);
    }
  };
  walk(entry);
  return { bundled, outside };
}
