// The engine's method table (kMethods in engine/include/patsel/api.hpp) is
// the one list of the API's methods. The JS API must offer each of them and
// no other: wasm/engine.js as a method of Engine that calls it, and
// wasm/index.d.ts as the declaration of that method. Read from the sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { patsel, root } from './support.mjs';

// The names under "Methods:" in `patsel call --help`, which prints kMethods.
function tableMethods() {
  const help = execFileSync(patsel, ['call', '--help'], { encoding: 'utf8' });
  const section = help.split('\nMethods:')[1]?.split('\n\n')[0];
  assert.ok(section, `no Methods section in:\n${help}`);
  return [...section.matchAll(/^ {2}(\S+) {2}\{/gm)].map((m) => m[1]);
}

// Each method of engine.js's Engine, called on a stand-in for the wasm
// engine that records which engine method it was asked for.
async function jsMethods() {
  const { Engine } = await import(path.join(root, 'wasm', 'engine.js'));
  const names = Object.getOwnPropertyNames(Engine.prototype).filter((n) => n !== 'constructor');
  const calls = new Map();
  // The module answers with the envelope's UTF-8 bytes (wasm/bindings.cpp).
  const nothing = new TextEncoder().encode('{"ok":true,"result":null}');
  for (const name of names) {
    const asked = [];
    const native = {
      call(method) {
        asked.push(method);
        return nothing;
      },
      // The `diff` method's own entry point (the older catalog as a text of its own).
      diff() {
        asked.push('diff');
        return nothing;
      },
      delete() {},
    };
    new Engine(native, {})[name]('x', {});
    calls.set(name, asked);
  }
  return calls;
}

// The members of `export declare class Engine { ... }` in index.d.ts.
async function declaredMembers() {
  const dts = await readFile(path.join(root, 'wasm', 'index.d.ts'), 'utf8');
  const body = dts.split('export declare class Engine {')[1]?.split('\n}\n')[0];
  assert.ok(body, 'index.d.ts declares no class Engine');
  const code = body.replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const methods = [...code.matchAll(/^ {2}(\w+)\(/gm)].map((m) => m[1]);
  const properties = [...code.matchAll(/^ {2}(?:readonly )?(\w+):/gm)].map((m) => m[1]);
  return { methods, properties };
}

const sorted = (list) => [...list].sort();
// The engine methods the typed functions call (call() passes any name through).
const typedCalls = (calls) => [...calls].filter(([name]) => name !== 'call').flatMap(([, asked]) => asked);

test('the method table lists every method once', () => {
  const methods = tableMethods();
  assert.ok(methods.length >= 21, `only ${methods.length} methods: ${methods}`);
  assert.deepEqual(sorted(new Set(methods)), sorted(methods));
  for (const name of ['info', 'search', 'tree.step', 'compare']) assert.ok(methods.includes(name), name);
});

test('engine.js calls every method of the table, and only those', async () => {
  const table = tableMethods();
  const calls = await jsMethods();
  const called = typedCalls(calls);
  // `info` is the answer of load(), kept as engine.info; every other method
  // has its own function.
  assert.deepEqual(sorted(new Set([...called, 'info'])), sorted(table));
  for (const [name, asked] of calls) {
    if (name === 'call') assert.deepEqual(asked, ['x'], 'call() passes the method name through');
    else if (name === 'dispose') assert.deepEqual(asked, []);
    else assert.equal(asked.length, 1, `${name}() makes one engine call, not ${asked.length}`);
  }
});

test('index.d.ts declares exactly the functions engine.js has', async () => {
  const calls = await jsMethods();
  const { methods, properties } = await declaredMembers();
  assert.deepEqual(sorted(methods), sorted(calls.keys()));
  assert.ok(properties.includes('info'), 'Engine.info (the answer of the info method) is declared');
});

test('the checks notice a method missing on either side', async () => {
  // What the tests above compare, with one method taken away, no longer matches.
  const table = tableMethods();
  const called = typedCalls(await jsMethods());
  assert.notDeepEqual(sorted(new Set([...called.filter((m) => m !== 'compare'), 'info'])), sorted(table));
  assert.notDeepEqual(sorted(new Set([...called, 'info'])), sorted(table.filter((m) => m !== 'compare')));
});
