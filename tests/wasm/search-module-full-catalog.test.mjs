// The search module over a full catalog, as the MkDocs hook serves a site's
// own catalog in the search catalog's place: search answers, and the methods
// the module leaves out say so (engine.search_only). A file of its own: the
// page-wide engine registry must start empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dist } from './support.mjs';

test('the search module over a full catalog searches, and names what it leaves out', async () => {
  const copy = await mkdtemp(path.join(tmpdir(), 'patsel-copy-'));
  try {
    for (const name of ['index.node.js', 'engine.js', 'selector-search.mjs', 'selector-search.wasm', 'catalog.json'])
      await cp(path.join(dist, name), path.join(copy, name));
    await cp(path.join(dist, 'catalog.json'), path.join(copy, 'search-catalog.json'));
    const { PatselError, searchEngine } = await import(path.join(copy, 'index.node.js'));
    const engine = await searchEngine();
    assert.equal(engine.info.scope, 'full');
    assert.equal(engine.search({ query: 'saga', limit: 1 }).hits[0].id, 'saga');
    assert.throws(() => engine.recommend({ profile: {} }), (error) => error instanceof PatselError &&
      error.code === 'engine.search_only' && /'recommend' is not in the search module/.test(error.message));
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
});
