// Methods `stack` and `compare`: a set of patterns seen together.

#include "methods.hpp"
#include "patsel/compare.hpp"
#include "patsel/stack.hpp"

namespace patsel::detail {
namespace {

json conflict_json(const StackConflict& c) {
  return {{"patterns", pattern_refs(c.patterns)}, {"reasons", c.reasons}, {"instead", pattern_refs(c.instead)}};
}

json gap_json(const StackGap& g) {
  return pattern_ref(*g.pattern,
                     {{"relationship", to_string(g.relationship)}, {"for", g.for_patterns}, {"notes", g.notes}});
}

json legacy_json(const LegacyPattern& l) {
  return pattern_ref(*l.pattern, {{"status", l.pattern->status},
                                  {"reason", l.reason},
                                  {"alternatives", pattern_refs(l.alternatives)}});
}

json row_json(const CompareRow& row) { return {{"attribute", row.attribute}, {"label", row.label}, {"cells", row.cells}}; }

json relation_json(const CompareRelation& r) {
  return {{"from", r.from->id}, {"to", r.to->id}, {"relation", to_string(r.edge->relation)}, {"notes", r.edge->notes}};
}

}  // namespace

Result<json> stack_report(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"patterns"})) return *error;
  auto patterns = pattern_list_param(state.catalog, params, "patterns", 1, 100);
  if (!patterns) return patterns.error();
  StackReport report = analyse_stack(state.catalog, state.reasoning().graph, patterns.value());
  return json{{"patterns", pattern_refs(patterns.value())},
              {"conflicts", array_of(report.conflicts, conflict_json)},
              {"cautions", array_of(report.cautions, conflict_json)},
              {"missing", array_of(report.missing, gap_json)},
              {"suggested", array_of(report.suggested, gap_json)},
              {"legacy", array_of(report.legacy, legacy_json)},
              {"complexity", complexity_json(report.complexity)}};
}

Result<json> comparison(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"patterns"})) return *error;
  auto patterns = pattern_list_param(state.catalog, params, "patterns", 2, 5);
  if (!patterns) return patterns.error();
  Comparison table = compare_patterns(state.catalog, state.reasoning().rules, state.reasoning().graph, patterns.value());
  return json{{"patterns", pattern_refs(table.patterns)},
              {"rows", array_of(table.rows, row_json)},
              {"relations", array_of(table.relations, relation_json)}};
}

}  // namespace patsel::detail
