// Where a wasm module's bytes go: the size of every function body, named
// from the module's name section, summed by function and by group (the
// namespace or library a name belongs to). The module needs its names:
// link it again with `--profiling-funcs` (same code, names kept).
// Usage: node scripts/wasm-functions.mjs MODULE.wasm [--top 40]

import { readFile } from 'node:fs/promises';

const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);

/** Sections of a wasm binary: [{id, name (custom only), start, end}]. */
function sections(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0, shift = 0, byte;
    do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return value;
  };
  const found = [];
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const start = at;
    let name;
    if (id === 0) {
      const length = leb();
      name = new TextDecoder().decode(bytes.subarray(at, at + length));
      at += length;
    }
    found.push({ id, name, start: at, end: start + size, size });
    at = start + size;
  }
  return { found, reader: (from) => { at = from; return { leb, get at() { return at; }, skip: (n) => { at += n; } }; } };
}

function analyse(bytes) {
  const { found, reader } = sections(bytes);
  // Imported functions come first in the function index space.
  let imported = 0;
  const imports = found.find((s) => s.id === 2);
  if (imports) {
    const r = reader(imports.start);
    const text = () => { const n = r.leb(); r.skip(n); };
    for (let i = 0, count = r.leb(); i < count; i++) {
      text(); text();
      const kind = bytes[r.at]; r.skip(1);
      if (kind === 0) { r.leb(); imported++; }
      else if (kind === 1) { r.skip(1); const flags = r.leb(); r.leb(); if (flags & 1) r.leb(); }
      else if (kind === 2) { const flags = r.leb(); r.leb(); if (flags & 1) r.leb(); }
      else if (kind === 3) r.skip(2);
    }
  }
  const bodies = [];
  const code = found.find((s) => s.id === 10);
  const r = reader(code.start);
  for (let i = 0, count = r.leb(); i < count; i++) {
    const size = r.leb();
    bodies.push({ index: imported + i, size });
    r.skip(size);
  }
  const names = new Map();
  const nameSection = found.find((s) => s.id === 0 && s.name === 'name');
  if (nameSection) {
    const n = reader(nameSection.start);
    while (n.at < nameSection.end) {
      const kind = bytes[n.at]; n.skip(1);
      const size = n.leb();
      const end = n.at + size;
      if (kind === 1) {
        for (let i = 0, count = n.leb(); i < count; i++) {
          const index = n.leb();
          const length = n.leb();
          names.set(index, new TextDecoder().decode(bytes.subarray(n.at, n.at + length)));
          n.skip(length);
        }
      }
      n.skip(end - n.at);
    }
  }
  for (const body of bodies) body.name = names.get(body.index) ?? `function ${body.index}`;
  return { found, bodies };
}

// The function's own qualified name, without its return type and
// parameters, so a function taking a json argument is not counted as json.
function qualifiedName(fullName) {
  const name = fullName.replaceAll('(anonymous namespace)', '{anonymous}');
  let depth = 0, lastSpace = -1;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '<') depth++;
    else if (c === '>') depth--;
    else if (c === ' ' && depth === 0) lastSpace = i;
    else if (c === '(' && depth === 0 && i > 0) return name.slice(lastSpace + 1, i);
  }
  return name.slice(lastSpace + 1);
}

// The group a function belongs to, for the summary (first match wins).
const GROUPS = [
  ['nlohmann/json (out-of-line template code)', /^nlohmann::/],
  ['std::regex', /^std::__2::(basic_regex|__match|__state|__owns|__bracket|__node|__l_anchor|__r_anchor|regex_traits|__loop|__end_state|__empty|__alternate|__back_ref|__lookahead|__word_boundary|match_results|sub_match|__lookahead)/],
  ['iostream / locale', /^std::__2::(basic_(i|o)?stream|basic_ios|basic_streambuf|basic_stringbuf|basic_(i|o)?stringstream|locale|ctype|num_(get|put)|codecvt|ios_base|money|time_(get|put)|messages|collate|moneypunct|numpunct)/],
  ['embind and the bindings', /^(emscripten::|_embind|embind|\{anonymous\}::WasmEngine)/],
  ['engine: api layer (patsel::detail, api)', /^patsel::(detail|api)::/],
  ['engine: text (fold, stem, tokens)', /^patsel::text::/],
  ['engine: other', /^patsel::/],
  ['libc++ sorts and merges over engine types (one per comparator)', /^std::__2::(__sort|__stable_sort|__inplace_merge|__insertion_sort|__buffered_inplace_merge|__merge_move|__partial_sort|__nth_element|__stable_sort_move|__insertion_sort_move|__insertion_sort_3|__insertion_sort_incomplete|__sort[0-9]).*patsel::/],
  ['libc++ other templates over engine types', /^std::.*patsel::/],
  ['libc++ (strings, containers, algorithms)', /^std::/],
  ['libc, malloc, runtime', /./],
];
const { found, bodies } = analyse(await readFile(process.argv[2]));
const total = found.reduce((sum, s) => sum + s.size, 0);
console.log(`module ${process.argv[2]}: ${(total / 1024).toFixed(1)} KB of sections`);
for (const s of found) console.log(`  section ${s.id}${s.name ? ` (${s.name})` : ''}: ${(s.size / 1024).toFixed(1)} KB`);
const code = bodies.reduce((sum, b) => sum + b.size, 0);
const groups = new Map();
for (const body of bodies) {
  const group = GROUPS.find(([, pattern]) => pattern.test(qualifiedName(body.name)))[0];
  const entry = groups.get(group) ?? { size: 0, count: 0 };
  entry.size += body.size;
  entry.count++;
  groups.set(group, entry);
}
console.log(`\ncode: ${(code / 1024).toFixed(1)} KB in ${bodies.length} functions\n\n| group | functions | KB | share of code |\n|---|---|---|---|`);
for (const [group, { size, count }] of [...groups].sort((a, b) => b[1].size - a[1].size))
  console.log(`| ${group} | ${count} | ${(size / 1024).toFixed(1)} | ${((100 * size) / code).toFixed(1)}% |`);
const top = Number(option('--top', 40));
console.log(`\n| largest functions | KB |\n|---|---|`);
for (const body of [...bodies].sort((a, b) => b.size - a.size).slice(0, top))
  console.log(`| ${body.name.length > 160 ? body.name.slice(0, 157) + '...' : body.name} | ${(body.size / 1024).toFixed(1)} |`);
