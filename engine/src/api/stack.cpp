// Methods `stack` and `compare`: a set of patterns seen together.

#include "methods.hpp"
#include "patsel/compare.hpp"
#include "patsel/stack.hpp"

namespace patsel::detail {
namespace {

json conflicts_json(const std::vector<StackConflict>& conflicts) {
  json out = json::array();
  for (const StackConflict& c : conflicts)
    out.push_back({{"patterns", pattern_refs(c.patterns)}, {"reasons", c.reasons}, {"instead", pattern_refs(c.instead)}});
  return out;
}

json gaps_json(const std::vector<StackGap>& gaps) {
  json out = json::array();
  for (const StackGap& g : gaps) {
    json item = pattern_ref(*g.pattern);
    item["relationship"] = to_string(g.relationship);
    item["for"] = g.for_patterns;
    item["notes"] = g.notes;
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

Result<json> stack_report(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"patterns"})) return *error;
  auto patterns = pattern_list_param(state.catalog, params, "patterns", 1, 100);
  if (!patterns) return patterns.error();
  StackReport report = analyse_stack(state.catalog, state.reasoning().graph, patterns.value());
  json legacy = json::array();
  for (const LegacyPattern& l : report.legacy) {
    json item = pattern_ref(*l.pattern);
    item["status"] = l.pattern->status;
    item["reason"] = l.reason;
    item["alternatives"] = pattern_refs(l.alternatives);
    legacy.push_back(std::move(item));
  }
  return json{{"patterns", pattern_refs(patterns.value())},
              {"conflicts", conflicts_json(report.conflicts)},
              {"cautions", conflicts_json(report.cautions)},
              {"missing", gaps_json(report.missing)},
              {"suggested", gaps_json(report.suggested)},
              {"legacy", std::move(legacy)},
              {"complexity", complexity_json(report.complexity)}};
}

Result<json> comparison(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"patterns"})) return *error;
  auto patterns = pattern_list_param(state.catalog, params, "patterns", 2, 5);
  if (!patterns) return patterns.error();
  Comparison table = compare_patterns(state.catalog, state.reasoning().rules, state.reasoning().graph, patterns.value());
  json rows = json::array(), relations = json::array();
  for (const CompareRow& row : table.rows)
    rows.push_back({{"attribute", row.attribute}, {"label", row.label}, {"cells", row.cells}});
  for (const CompareRelation& r : table.relations)
    relations.push_back({{"from", r.from->id},
                         {"to", r.to->id},
                         {"relation", to_string(r.edge->relation)},
                         {"notes", r.edge->notes}});
  return json{{"patterns", pattern_refs(table.patterns)}, {"rows", std::move(rows)}, {"relations", std::move(relations)}};
}

}  // namespace patsel::detail
