// The performance targets the README reports under "Performance", each
// checked against a run's figures; never asserted in tests.

const largest = (scale) => scale.reduce((a, b) => (b.patterns > a.patterns ? b : a), scale[0]);

export function targets({ sizes, cold_start, node, scale }) {
  const page = sizes.pages.find((p) => p.name.startsWith('pattern page'));
  const explorer = cold_start.find((r) => r.page.startsWith('explorer'));
  const slowest = node.queries.reduce((a, b) => (b.p95_ms > a.p95_ms ? b : a));
  const big = largest(scale);
  const ours = big.peers[0].typing;
  const mini = big.peers.find((p) => p.name.startsWith('MiniSearch')).typing;
  const perRecord = scale.map((row) => row.heap_bytes / row.patterns);
  const spread = Math.max(...perRecord) / Math.min(...perRecord);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  return [
    { target: 'everything a pattern page needs under 120 KB gzip', met: page.gzip < 120 * 1024, figure: `${kb(page.gzip)} gzip` },
    { target: 'explorer painted under 150 ms from navigation', met: explorer.median_ms < 150, figure: `median ${explorer.median_ms.toFixed(0)} ms, p95 ${explorer.p95_ms.toFixed(0)} ms` },
    { target: 'shipped-catalog queries under 0.3 ms p95 in wasm', met: slowest.p95_ms < 0.3, figure: `slowest p95: ${slowest.what}, ${slowest.p95_ms.toFixed(2)} ms` },
    { target: `typed query under 10 ms p95 at ${big.patterns} records`, met: ours.p95_ms < 10, figure: `p95 ${ours.p95_ms.toFixed(1)} ms` },
    { target: `faster than MiniSearch at ${big.patterns} records`, met: mini.median_ms > ours.median_ms && mini.p95_ms > ours.p95_ms, figure: `MiniSearch takes ${mini.ratio_p50.toFixed(1)}x (median), ${mini.ratio_p95.toFixed(1)}x (p95)` },
    { target: 'memory linear in records', met: spread < 1.5, figure: `wasm heap per record: ${perRecord.map((b) => kb(b)).join(', ')}` },
  ];
}
