// api methods `related`, `order` and `migrate`: queries over the typed
// relationship graph.

#include <algorithm>

#include "api_methods.hpp"
#include "api_reasoning_support.hpp"
#include "engine_state.hpp"

namespace patsel::api::detail {
namespace {

using patsel::detail::child;

// The entry for `other` in `owner`'s migration_paths.<direction>, or nullptr.
const json* migration_entry(const Pattern& owner, const char* direction, const std::string& other) {
  const json& list = child(child(owner.data, "migration_paths"), direction);
  if (!list.is_array()) return nullptr;
  for (const json& entry : list)
    if (patsel::detail::string_or(entry, "pattern") == other) return &entry;
  return nullptr;
}

struct Move {
  const Pattern* from = nullptr;
  const Pattern* to = nullptr;
};

// One step of a migration: the catalog's reasons, steps, guide and triggers.
json move_json(const EngineState& state, const Move& move, const Pattern& shown) {
  json out = pattern_ref(shown);
  std::vector<std::string> reasons;
  for (const Edge* e : state.reasoning().graph.between(move.from->id, move.to->id))
    if (e->relation == Relation::replaced_by)
      for (const std::string& note : e->notes)
        if (std::find(reasons.begin(), reasons.end(), note) == reasons.end()) reasons.push_back(note);
  // Steps are in the old pattern's migration_paths.to, or in the new one's migration_paths.from.
  const json* entry = migration_entry(*move.from, "to", move.to->id);
  if (!entry) entry = migration_entry(*move.to, "from", move.from->id);
  std::vector<std::string> triggers, families;
  for (const json& family : state.catalog.section("families")) {
    const json& list = child(family, "migration_triggers");
    for (std::size_t i = 0; list.is_array() && i < list.size(); ++i) {
      if (patsel::detail::string_or(list[i], "from") != move.from->id ||
          patsel::detail::string_or(list[i], "to") != move.to->id)
        continue;
      families.push_back(patsel::detail::string_or(family, "id"));
      for (const std::string& t : patsel::detail::strings(list[i], "triggers"))
        if (std::find(triggers.begin(), triggers.end(), t) == triggers.end()) triggers.push_back(t);
    }
  }
  out["reasons"] = reasons;
  out["steps"] = entry ? patsel::detail::strings(*entry, "steps") : std::vector<std::string>{};
  out["guide"] = entry ? patsel::detail::string_or(*entry, "guide") : "";
  out["triggers"] = triggers;
  out["families"] = families;
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
  const Pattern& p = *found.value();
  const RelationGraph& graph = state.reasoning().graph;

  // Targets in the order the catalog names them: the page's migration
  // paths, then every other replacement, then family triggers.
  std::vector<const Pattern*> to, from;
  auto add = [&](std::vector<const Pattern*>& list, const std::string& id) {
    const Pattern* q = state.catalog.find(id);
    if (q && q != &p && std::find(list.begin(), list.end(), q) == list.end()) list.push_back(q);
  };
  for (const char* direction : {"to", "from"}) {
    const json& list = child(child(p.data, "migration_paths"), direction);
    for (std::size_t i = 0; list.is_array() && i < list.size(); ++i)
      add(direction[0] == 't' ? to : from, patsel::detail::string_or(list[i], "pattern"));
  }
  for (const Edge& e : graph.edges(p.id)) {
    if (e.relation == Relation::replaced_by) add(to, e.target);
    if (e.relation == Relation::replaces) add(from, e.target);
  }
  for (const json& family : state.catalog.section("families")) {
    const json& list = child(family, "migration_triggers");
    for (std::size_t i = 0; list.is_array() && i < list.size(); ++i) {
      if (patsel::detail::string_or(list[i], "from") == p.id) add(to, patsel::detail::string_or(list[i], "to"));
      if (patsel::detail::string_or(list[i], "to") == p.id) add(from, patsel::detail::string_or(list[i], "from"));
    }
  }

  json out = pattern_ref(p);
  out["status"] = p.status;
  out["legacy"] = p.tier == Tier::bronze || p.status == "legacy";
  out["deprecation_reason"] = patsel::detail::string_or(p.data, "deprecation_reason");
  json to_json = json::array(), from_json = json::array();
  for (const Pattern* q : to) to_json.push_back(move_json(state, {&p, q}, *q));
  for (const Pattern* q : from) from_json.push_back(move_json(state, {q, &p}, *q));
  out["to"] = std::move(to_json);
  out["from"] = std::move(from_json);
  return out;
}

}  // namespace patsel::api::detail
