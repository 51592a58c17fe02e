// Methods `stack` and `compare`: a set of patterns seen together.

#include <optional>

#include "methods.hpp"
#include "patsel/compare.hpp"
#include "patsel/stack.hpp"

namespace patsel::detail {
namespace {

json conflict_json(const StackConflict& c) {
  return {{"patterns", pattern_refs(c.patterns)}, {"reason", c.reason}, {"instead", pattern_refs(c.instead)}};
}

json replacement_json(const StackReplacement& r) {
  return pattern_ref(*r.pattern,
                     {{"with", pattern_refs(r.with)}, {"because", to_string(r.because)}, {"reason", r.reason}});
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

json line_json(const CompareLine& line) {
  json out = {{"text", line.text}};
  if (line.fit != Fit::none) out["fit"] = to_string(line.fit);
  return out;
}

json row_json(const CompareRow& row) {
  json out = {{"attribute", row.attribute}, {"label", row.label}};
  if (!row.group.empty()) out["group"] = row.group;
  out["cells"] = array_of(row.cells, [](const CompareCell& cell) { return array_of(cell, line_json); });
  return out;
}

json relation_json(const CompareRelation& r) {
  return {{"from", r.from->id},
          {"to", r.to->id},
          {"relation", to_string(r.relation)},
          {"note", r.note},
          {"also", array_of(r.also, [](Relation also) { return json(to_string(also)); })}};
}

json field_problem_json(const FieldProblem& p) { return {{"field", p.field}, {"message", p.message}}; }

}  // namespace

Result<json> stack_report(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"patterns"})) return *error;
  auto patterns = pattern_list_param(state.catalog, params, "patterns", 1, 100);
  if (!patterns) return patterns.error();
  StackReport report = analyse_stack(state.catalog, state.reasoning().graph, patterns.value());
  return json{{"patterns", pattern_refs(patterns.value())},
              {"replacements", array_of(report.replacements, replacement_json)},
              {"proposed", pattern_refs(report.proposed)},
              {"conflicts", array_of(report.conflicts, conflict_json)},
              {"cautions", array_of(report.cautions, conflict_json)},
              {"missing", array_of(report.missing, gap_json)},
              {"suggested", array_of(report.suggested, gap_json)},
              {"legacy", array_of(report.legacy, legacy_json)},
              {"complexity", complexity_json(report.complexity)},
              {"proposed_complexity", complexity_json(report.proposed_complexity)}};
}

Result<json> comparison(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"patterns", "profile"})) return *error;
  auto patterns = pattern_list_param(state.catalog, params, "patterns", 2, 5);
  if (!patterns) return patterns.error();
  const json* input = member(params, "profile");
  if (input && !input->is_object()) return bad_option("$.profile", "expected an object of field values");
  const ReasoningState& reasoning = state.reasoning();
  std::optional<Profile> profile;
  if (input) profile = read_profile(reasoning.rules, *input);
  Comparison table = compare_patterns(state.catalog, reasoning.rules, reasoning.graph, patterns.value(),
                                      profile ? &*profile : nullptr);
  json out = {{"patterns", pattern_refs(table.patterns)},
              {"rows", array_of(table.rows, row_json)},
              {"relations", array_of(table.relations, relation_json)}};
  if (profile) {
    out["unknown_fields"] = profile->unknown_fields;
    out["invalid_fields"] = array_of(profile->invalid_fields, field_problem_json);
  }
  return out;
}

}  // namespace patsel::detail
