// The Markdown of a benchmark run: what the README's performance section shows.

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mib = (bytes) => `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} MiB`;
const ms = (value) => (value === undefined ? '' : value < 1 ? `${value.toFixed(3)} ms` : `${value.toFixed(1)} ms`);
const ratio = (value) => `${value.toFixed(2)}x`;
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];

export function markdown({ date, machine, sizes, cold_start, chromium, node, scale, boundary, query_cost, compiler, compiler_date, peers_run, query_cost_run, browser_run, targets }) {
  // The sizes and Chromium figures of `--only browser`, run after the rest.
  const browserNote = browser_run
    ? ` Measured ${browser_run.date} with \`node bench/run.mjs --only browser\` (load average ${browser_run.load.map((l) => l.toFixed(1)).join(' before, ')} after).`
    : '';
  // The Node figures of `--only peers`, when they are newer than the rest.
  const peersNote = peers_run && peers_run.date !== date
    ? ` Measured ${peers_run.date} with \`node bench/run.mjs --only peers\` (load average ${peers_run.load.map((l) => l.toFixed(1)).join(' before, ')} after, on ${machine.cores} cores shared with other work).`
    : '';
  const costNote = query_cost_run && query_cost_run.date !== date
    ? ` Measured ${query_cost_run.date} with \`node bench/run.mjs --only cost\` (load average ${query_cost_run.load.map((l) => l.toFixed(1)).join(' before, ')} after).`
    : peersNote;
  return [
    `Measured ${date} on ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, Debian's headless Chromium; command: \`./run bench\`.`,
    '',
    '**Targets**',
    '',
    ...table(['target', 'met', 'figure'], targets.map((t) => [t.target, t.met ? 'yes' : '**missed**', t.figure])),
    `**Sizes** (gzip level 9, brotli quality 11)${browserNote}`,
    '',
    ...table(['what', 'raw', 'gzip', 'brotli'], [...sizes.files, ...sizes.pages].map((r) => [r.name, kb(r.raw), kb(r.gzip), kb(r.brotli)])),
    `**Cold start** in Chromium, cache disabled, fresh browser context per load${browserNote ? '.' + browserNote : ''}`,
    '',
    ...table(['page', 'median', 'p95', 'max layout shift', 'loads'], cold_start.map((r) => [r.page, ms(r.median_ms), ms(r.p95_ms), r.max_layout_shift.toFixed(3), r.loads])),
    '**Catalog load** (the shipped catalog, parse and index; in Chromium also the wasm fetch and compile)',
    '',
    ...table(['where', 'median', 'p95', 'runs'], [
      ['Chromium: fetch catalog.json', ms(chromium.load.fetch.median_ms), ms(chromium.load.fetch.p95_ms), chromium.load.loads],
      ['Chromium: createEngine (wasm + catalog)', ms(chromium.load.load.median_ms), ms(chromium.load.load.p95_ms), chromium.load.loads],
      ['Node: createEngine, fresh process', ms(node.load.cold.median_ms), ms(node.load.cold.p95_ms), node.load.cold.loads],
      ['Node: createEngine, again in one process', ms(node.load.warm.median_ms), ms(node.load.warm.p95_ms), node.load.warm.loads],
      ['Node: JSON.parse of the same text, for scale', ms(node.load.json_parse_ms), '', node.load.warm.loads],
    ]),
    `Catalog ${kb(node.load.catalog_bytes)}; wasm heap after load ${mib(node.load.heap_bytes)}.`,
    '',
    '**Queries** on the shipped catalog, in the wasm module (JS API call to JS object).' + (peersNote ? ` Node columns:${peersNote}` : ''),
    '',
    ...table(['workload', 'Node median', 'Node p95', 'Chromium median', 'Chromium p95', 'samples'], node.queries.map((q, i) => {
      const c = chromium.queries?.[i];
      return [q.what, ms(q.median_ms), ms(q.p95_ms), ms(c?.median_ms), ms(c?.p95_ms), q.samples];
    })),
    '**Peers** on the shipped catalog, same requests (Node); ratio = peer time / pattern-selector time; memory = the JS heap its index holds (for pattern-selector, the whole wasm heap). "Top 10 found": of the engine\'s first 10 hits for each typed query, the share the peer has in its own first 10 / anywhere in its hits. How each peer is set up and where its matching still differs: see below the tables.' + peersNote,
    '',
    ...peerTable(node.peers),
    '**Scale**: synthetic catalogs (`patsel-synth`), typed prefixes of 10 queries, explorer requests (Node).' + peersNote,
    '',
    ...table(['records', 'catalog', 'load + index', 'JSON.parse', 'wasm heap', 'heap per record', 'typed p50', 'typed p95'],
      scale.map((row) => {
        const ours = row.peers[0];
        return [row.patterns, kb(row.catalog_bytes), ms(row.load_ms), ms(row.json_parse_ms), mib(row.heap_bytes), kb(row.heap_bytes / row.patterns),
          ms(ours.typing.median_ms), ms(ours.typing.p95_ms)];
      })),
    '**Peers at scale**: the same typed queries on the synthetic catalogs',
    '',
    ...table(['records', 'engine', 'index build', 'memory', 'typed p50 / p95', 'ratio p50 / p95', 'top 10 found'],
      scale.flatMap((row) => row.peers.map((peer) => [row.patterns, peer.name, ms(peer.build_ms), peer.memory_bytes === undefined ? '' : mib(peer.memory_bytes),
        `${ms(peer.typing.median_ms)} / ${ms(peer.typing.p95_ms)}`, `${ratio(peer.typing.ratio_p50)} / ${ratio(peer.typing.ratio_p95)}`, found(peer.recall)]))),
    '**The wasm boundary**: JSON strings (shipped) or `emscripten::val` objects, median per document (Node)',
    '',
    ...table(['document', 'JSON bytes', 'JSON string', 'emscripten::val', 'val / string'], boundary.map((r) => [r.what, r.bytes, ms(r.string_ms), ms(r.val_ms), ratio(r.val_over_string)])),
    ...(query_cost ? queryCostTable(query_cost, costNote) : []),
    `**patsel build** (native compiler; generated trees are copies of the shipped pages${compiler_date && compiler_date !== date ? `; measured ${compiler_date} with \`node bench/run.mjs --only compiler\`` : ''})`,
    '',
    ...table(['input', 'median', 'min', 'CPU (median, user + system)', 'CPU per page', 'runs'], compiler.map((r) => [r.input, ms(r.median_ms), ms(r.min_ms), ms(r.cpu_ms), ms(r.ms_per_page), r.runs])),
  ].join('\n');
}

const percent = (share) => `${Math.round(share * 100)}%`;
const found = (recall) => (recall ? `${percent(recall.top10)} / ${percent(recall.found)}` : '');

function peerTable(rows) {
  return table(['engine', 'index build', 'memory', 'typing median', 'typing p95', 'ratio median', 'ratio p95', 'facet toggle median', 'top 10 found'], rows.map((row) => [
    row.name, ms(row.build_ms), row.memory_bytes === undefined ? '' : mib(row.memory_bytes), ms(row.typing.median_ms), ms(row.typing.p95_ms),
    ratio(row.typing.ratio_p50), ratio(row.typing.ratio_p95), ms(row.toggles?.median_ms), found(row.recall),
  ]));
}

// The stages of bench/query-cost.mjs, in the order a query runs them.
const COST_ROWS = [
  ['parse the query', (r) => r.stages.parse_query],
  ['matching (words, completions, typos, synonyms, phrases, scores)', (r) => r.stages.matching],
  ['filters', (r) => r.stages.filter],
  ['facet counts', (r) => r.stages.facet_counts],
  ['proximity re-rank and sort', (r) => r.stages.rerank_sort],
  ['highlights and matched terms of the page\'s hits', (r) => r.stages.highlights],
  ['read the params (C++)', (r) => r.stages.read_params],
  ['write the answer\'s JSON text (C++)', (r) => r.stages.write_answer],
  ['cross into JS (the answer string)', (r) => r.crossing_ms],
  ['JSON.parse', (r) => r.json_parse_ms],
  ['the rest: the JS API\'s own part (params, envelope) and timing differences', (r) => r.js_rest_ms],
];

function queryCostTable(rows, note) {
  const share = (value, row) => `${Math.round((100 * value) / row.js_api_ms)}%`;
  return [
    '**Where a typed query\'s time goes**: the explorer\'s request for every typed prefix, the engine\'s stages timed one by one inside the wasm module (`bench/query_cost`), per query; each stage the fastest of 5 rounds (Node).' + note,
    '',
    ...table(['stage', ...rows.flatMap((r) => [`${r.catalog} (${r.requests} queries)`, 'share'])], [
      ...COST_ROWS.map(([name, get]) => [name, ...rows.flatMap((r) => [ms(get(r)), share(get(r), r)])]),
      ['**whole call** (`engine.search`, JS object out)', ...rows.flatMap((r) => [ms(r.js_api_ms), '100%'])],
      ['answer size', ...rows.flatMap((r) => [kb(r.answer_bytes), ''])],
    ]),
  ];
}
