#include "patsel/migration.hpp"

#include <algorithm>

#include "json_util.hpp"

namespace patsel {
namespace {

using detail::child;
using detail::json;
using detail::string_or;

void add_once(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

// The entry for `other` in `owner`'s migration_paths.<direction>, or nullptr.
const json* migration_entry(const Pattern& owner, const char* direction, const std::string& other) {
  const json& list = child(child(owner.record(), "migration_paths"), direction);
  if (!list.is_array()) return nullptr;
  for (const json& entry : list)
    if (string_or(entry, "pattern") == other) return &entry;
  return nullptr;
}

// The move from `from` to `to`, shown as `shown` (the end that is not the
// pattern asked about).
MigrationMove move_between(const Catalog& catalog, const RelationGraph& graph, const Pattern& from, const Pattern& to,
                           const Pattern& shown) {
  MigrationMove move;
  move.pattern = &shown;
  for (const Edge* e : graph.between(from.id, to.id))
    if (e->relation == Relation::replaced_by)
      for (const std::string& note : e->notes) add_once(move.reasons, note);
  // Steps are in the old pattern's migration_paths.to, or in the new one's migration_paths.from.
  const json* entry = migration_entry(from, "to", to.id);
  if (!entry) entry = migration_entry(to, "from", from.id);
  if (entry) {
    move.steps = detail::strings(*entry, "steps");
    move.guide = string_or(*entry, "guide");
  }
  for (const json& family : catalog.section("families")) {
    const json& list = child(family, "migration_triggers");
    for (std::size_t i = 0; list.is_array() && i < list.size(); ++i) {
      if (string_or(list[i], "from") != from.id || string_or(list[i], "to") != to.id) continue;
      move.families.push_back(string_or(family, "id"));
      for (const std::string& t : detail::strings(list[i], "triggers")) add_once(move.triggers, t);
    }
  }
  return move;
}

}  // namespace

Migration plan_migration(const Catalog& catalog, const RelationGraph& graph, const Pattern& p) {
  std::vector<const Pattern*> to, from;
  auto add = [&](std::vector<const Pattern*>& list, const std::string& id) {
    const Pattern* q = catalog.find(id);
    if (q && q != &p && std::find(list.begin(), list.end(), q) == list.end()) list.push_back(q);
  };
  for (const char* direction : {"to", "from"}) {
    const json& list = child(child(p.record(), "migration_paths"), direction);
    for (std::size_t i = 0; list.is_array() && i < list.size(); ++i)
      add(direction[0] == 't' ? to : from, string_or(list[i], "pattern"));
  }
  for (const Edge& e : graph.edges(p.id)) {
    if (e.relation == Relation::replaced_by) add(to, e.target);
    if (e.relation == Relation::replaces) add(from, e.target);
  }
  for (const json& family : catalog.section("families")) {
    const json& list = child(family, "migration_triggers");
    for (std::size_t i = 0; list.is_array() && i < list.size(); ++i) {
      if (string_or(list[i], "from") == p.id) add(to, string_or(list[i], "to"));
      if (string_or(list[i], "to") == p.id) add(from, string_or(list[i], "from"));
    }
  }

  Migration out;
  out.pattern = &p;
  out.legacy = p.tier == Tier::bronze || p.status == "legacy";
  out.deprecation_reason = string_or(p.record(), "deprecation_reason");
  for (const Pattern* q : to) out.to.push_back(move_between(catalog, graph, p, *q, *q));
  for (const Pattern* q : from) out.from.push_back(move_between(catalog, graph, *q, p, *q));
  return out;
}

}  // namespace patsel
