// Builds the offline single-file demo: dist/pattern-selector-offline.html,
// one HTML file with the demo's own modules, the elements, the JS API, the
// wasm module and the catalog inlined, which a user can open by double-click (file://, no network).
// What the page never runs is left out (see leftOut below).
// Run by assemble.mjs after dist/ is assembled; the package tests run it on
// the files of the packed tarball, with the demo page from web/demo.

import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function buildSingleFile(dist, { demo = path.join(dist, 'demo') } = {}) {
  const wasm = (await readFile(path.join(dist, 'selector.wasm'))).toString('base64');
  const catalog = await readFile(path.join(dist, 'catalog.json'), 'utf8');
  // The entry configures inlined sources before any element asks for an engine.
  const entry = `
    import { configure } from ${JSON.stringify(path.join(dist, 'index.js'))};
    const bytes = Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0));
    configure({ wasm: bytes, catalog: ${JSON.stringify(catalog)} });
    await import(${JSON.stringify(path.join(demo, 'demo.js'))});
  `;
  // The demo's modules import the package as ./patsel/ (a copy of dist/ next
  // to them in dist/demo/): here that is `dist` itself.
  const packageFiles = {
    name: 'demo-package',
    setup(b) {
      b.onResolve({ filter: /patsel\// }, (args) => {
        const wanted = path.resolve(args.resolveDir, args.path);
        const inside = path.relative(path.join(demo, 'patsel'), wanted);
        if (inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
        return { path: path.join(dist, inside) };
      });
    },
  };
  // Two files of the package the offline page never runs: it configures its
  // own catalog, so the explorer's opening answers (only for the shipped
  // catalog read by URL) do not apply and no search module is chosen
  // (engine.js). They are left out of the bundle (about 110 KB): the
  // answers read as absent, as in a custom build, and the search module's
  // loader says it is not there.
  const leftOut = {
    name: 'left-out',
    setup(b) {
      b.onResolve({ filter: /(^|\/)(explorer-opening-answers\.js|selector-search\.mjs)$/ }, (args) => ({
        path: path.basename(args.path),
        namespace: 'left-out',
      }));
      b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
        contents: args.path === 'explorer-opening-answers.js'
          ? 'export default null;'
          : 'export default () => { throw new Error("the offline file has no search module"); };',
        loader: 'js',
      }));
    },
  };
  const bundle = await build({
    stdin: { contents: entry, resolveDir: dist, loader: 'js' },
    plugins: [leftOut, packageFiles],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    splitting: false,
    legalComments: 'none',
  });
  const script = bundle.outputFiles[0].text.replaceAll('</script', '<\\/script');
  const css = await readFile(path.join(demo, 'demo.css'), 'utf8');
  const icon = `data:image/svg+xml;base64,${(await readFile(path.join(demo, 'favicon.svg'))).toString('base64')}`;
  let html = await readFile(path.join(demo, 'index.html'), 'utf8');
  const replace = (pattern, text) => {
    if (!pattern.test(html)) throw new Error(`single-file: ${pattern} not found in demo/index.html`);
    html = html.replace(pattern, () => text);
  };
  replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${icon}" type="image/svg+xml">`);
  replace(/<link rel="stylesheet" href="\.\/demo\.css">/, `<style>\n${css}</style>`);
  replace(/<script type="module" src="\.\/demo\.js"><\/script>/, `<script type="module">${script}</script>`);
  const out = path.join(dist, 'pattern-selector-offline.html');
  await writeFile(out, html);
  return out;
}
