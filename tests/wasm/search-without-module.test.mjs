// A package copied without its search module (a custom build): searchEngine() then
// loads the full engine. The search catalog is there:
// only the missing module makes it fall back.
import { test } from 'node:test';
import { searchFallsBackWithout } from './support.mjs';

test('a package without its search module searches with the full engine', () => searchFallsBackWithout('selector-search.wasm'));
