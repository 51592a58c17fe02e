// A package copied without its search catalog (a custom build): searchEngine() then
// loads the full engine. The search module is there:
// only the missing catalog makes it fall back.
import { test } from 'node:test';
import { searchFallsBackWithout } from './support.mjs';

test('a package without its search catalog searches with the full engine', () => searchFallsBackWithout('search-catalog.json'));
