// Methods `related`, `order` and `migrate`: queries over the typed
// relationship graph.

#include "methods.hpp"
#include "patsel/migration.hpp"

namespace patsel::detail {
namespace {

json move_json(const MigrationMove& move) {
  json out = pattern_ref(*move.pattern);
  out["reasons"] = move.reasons;
  out["steps"] = move.steps;
  out["guide"] = move.guide;
  out["triggers"] = move.triggers;
  out["families"] = move.families;
  return out;
}

json moves_json(const std::vector<MigrationMove>& moves) {
  json out = json::array();
  for (const MigrationMove& move : moves) out.push_back(move_json(move));
  return out;
}

}  // namespace

Result<json> related_patterns(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"pattern", "relations", "depth"})) return *error;
  auto pattern = pattern_param(state.catalog, params, "pattern");
  if (!pattern) return pattern.error();
  auto words = string_list(params, "relations");
  if (!words) return words.error();
  std::vector<Relation> relations;
  for (std::size_t i = 0; i < words.value().size(); ++i) {
    auto r = parse_relation(words.value()[i]);
    if (!r)
      return bad_option("$.relations[" + std::to_string(i) + "]",
                        "'" + words.value()[i] + "' is not a relation (" + relation_names() + ")");
    relations.push_back(*r);
  }
  auto depth = integer_option(params, "depth", 1, 1, 4);
  if (!depth) return depth.error();

  json neighbours = json::array();
  for (const Neighbour& n :
       state.reasoning().graph.neighbours(state.catalog, pattern.value()->id, relations, static_cast<int>(depth.value()))) {
    json item = pattern_ref(*n.pattern);
    item["depth"] = n.depth;
    item["via"] = n.via;
    json edges = json::array();
    for (const Edge* e : n.edges)
      edges.push_back({{"relation", to_string(e->relation)}, {"notes", e->notes}, {"sources", e->sources}});
    item["relations"] = std::move(edges);
    neighbours.push_back(std::move(item));
  }
  return json{{"pattern", pattern_ref(*pattern.value())}, {"neighbours", std::move(neighbours)}};
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
  json items = json::array();
  for (const Ordering::Item& item : ordering.items) {
    json out = pattern_ref(*item.pattern);
    out["stage"] = item.stage;
    out["requires"] = item.requires_;
    out["added"] = item.added;
    out["in_cycle"] = item.in_cycle;
    items.push_back(std::move(out));
  }
  return json{{"order", std::move(items)}, {"cycles", ordering.cycles}};
}

Result<json> migration(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"pattern"})) return *error;
  auto found = pattern_param(state.catalog, params, "pattern");
  if (!found) return found.error();
  const Migration plan = plan_migration(state.catalog, state.reasoning().graph, *found.value());
  json out = pattern_ref(*plan.pattern);
  out["status"] = plan.pattern->status;
  out["legacy"] = plan.legacy;
  out["deprecation_reason"] = plan.deprecation_reason;
  out["to"] = moves_json(plan.to);
  out["from"] = moves_json(plan.from);
  return out;
}

}  // namespace patsel::detail
