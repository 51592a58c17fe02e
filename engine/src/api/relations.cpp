// Methods `related`, `order` and `migrate`: queries over the typed
// relationship graph.

#include "methods.hpp"
#include "patsel/migration.hpp"

namespace patsel::detail {
namespace {

json move_json(const MigrationMove& move) {
  return pattern_ref(*move.pattern, {{"reasons", move.reasons},
                                     {"steps", move.steps},
                                     {"guide", move.guide},
                                     {"triggers", move.triggers},
                                     {"families", move.families}});
}


json edge_json(const Edge* e) {
  return {{"relation", to_string(e->relation)}, {"notes", e->notes}, {"sources", e->sources}};
}

json neighbour_json(const Neighbour& n) {
  return pattern_ref(*n.pattern, {{"depth", n.depth}, {"via", n.via}, {"relations", array_of(n.edges, edge_json)}});
}

json ordered_json(const Ordering::Item& item) {
  return pattern_ref(*item.pattern, {{"stage", item.stage},
                                     {"requires", item.requires_},
                                     {"added", item.added},
                                     {"in_cycle", item.in_cycle}});
}

}  // namespace

Result<json> related_patterns(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"pattern", "relations", "depth"})) return *error;
  auto pattern = pattern_param(state.catalog, params, "pattern");
  if (!pattern) return pattern.error();
  auto words = string_list(params, "relations");
  if (!words) return words.error();
  auto relations = parse_words<Relation>(words.value(), "$.relations", parse_relation, "a relation", relation_names());
  if (!relations) return relations.error();
  auto depth = integer_option(params, "depth", 1, 1, 4);
  if (!depth) return depth.error();

  const std::vector<Neighbour> neighbours = state.reasoning().graph.neighbours(
      state.catalog, pattern.value()->id, relations.value(), static_cast<int>(depth.value()));
  return json{{"pattern", pattern_ref(*pattern.value())}, {"neighbours", array_of(neighbours, neighbour_json)}};
}

Result<json> pattern_order(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"patterns", "prerequisites"})) return *error;
  auto patterns = pattern_list_param(state.catalog, params, "patterns", 1, 500);
  if (!patterns) return patterns.error();
  auto add = bool_option(params, "prerequisites", false);
  if (!add) return add.error();
  std::vector<std::string> ids;
  for (const Pattern* p : patterns.value()) ids.push_back(p->id);
  Ordering ordering = state.reasoning().graph.order(state.catalog, ids, add.value());
  return json{{"order", array_of(ordering.items, ordered_json)}, {"cycles", ordering.cycles}};
}

Result<json> migration(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"pattern"})) return *error;
  auto found = pattern_param(state.catalog, params, "pattern");
  if (!found) return found.error();
  const Migration plan = plan_migration(state.catalog, state.reasoning().graph, *found.value());
  return pattern_ref(*plan.pattern, {{"status", plan.pattern->status},
                                     {"legacy", plan.legacy},
                                     {"deprecation_reason", plan.deprecation_reason},
                                     {"to", array_of(plan.to, move_json)},
                                     {"from", array_of(plan.from, move_json)}});
}

}  // namespace patsel::detail
