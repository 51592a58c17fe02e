#include "patsel/diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "json_util.hpp"
#include "patsel/graph.hpp"

namespace patsel {
namespace {

using detail::json;
using Key = std::tuple<std::string, std::string, std::string>;

// The relations each pattern present in `both` states itself.
std::set<Key> stated_relations(const Catalog& catalog, const std::set<std::string>& both) {
  const RelationGraph graph = RelationGraph::build(catalog);
  std::set<Key> out;
  for (const Pattern& p : catalog.patterns()) {
    if (!both.count(p.id)) continue;
    for (const Edge& edge : graph.edges(p.id))
      if (edge.stated && both.count(edge.target)) out.emplace(p.id, std::string(to_string(edge.relation)), edge.target);
  }
  return out;
}

std::vector<RelationChange> only_in(const std::set<Key>& a, const std::set<Key>& b) {
  std::vector<RelationChange> out;
  for (const Key& key : a)
    if (!b.count(key)) out.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key)});
  return out;
}

// The catalog's trees by id; a tree without an id cannot be compared and is skipped.
std::map<std::string, const json*> trees_by_id(const Catalog& catalog) {
  std::map<std::string, const json*> out;
  for (const json& tree : catalog.section("trees")) {
    const std::string id = detail::string_or(tree, "id");
    if (!id.empty()) out.emplace(id, &tree);
  }
  return out;
}

void compare_field(const Pattern& older, const Pattern& newer, std::string_view field, std::vector<FieldMove>& into) {
  const std::string from = detail::string_or(older.record(), field), to = detail::string_or(newer.record(), field);
  if (from != to) into.push_back({&newer, from, to});
}

}  // namespace

bool CatalogDiff::empty() const {
  return added.empty() && removed.empty() && tier_moves.empty() && status_moves.empty() && relevance_changes.empty() &&
         relations_added.empty() && relations_removed.empty() && trees_added.empty() && trees_removed.empty() &&
         trees_changed.empty();
}

CatalogDiff diff_catalogs(const Catalog& older, const Catalog& newer) {
  CatalogDiff diff;
  diff.old_hash = older.content_hash();
  diff.new_hash = newer.content_hash();

  // Patterns are sorted by id here, whatever order a catalog keeps them in.
  auto by_id = [](const Catalog& c) {
    std::vector<const Pattern*> out;
    for (const Pattern& p : c.patterns()) out.push_back(&p);
    std::sort(out.begin(), out.end(), [](const Pattern* a, const Pattern* b) { return a->id < b->id; });
    return out;
  };
  std::set<std::string> both;
  for (const Pattern* p : by_id(newer)) {
    const Pattern* before = older.find(p->id);
    if (!before) {
      diff.added.push_back(p);
      continue;
    }
    both.insert(p->id);
    compare_field(*before, *p, "tier", diff.tier_moves);
    compare_field(*before, *p, "status", diff.status_moves);
    compare_field(*before, *p, "relevance", diff.relevance_changes);
  }
  for (const Pattern* p : by_id(older))
    if (!newer.find(p->id)) diff.removed.push_back(p);

  const std::set<Key> before = stated_relations(older, both), after = stated_relations(newer, both);
  diff.relations_added = only_in(after, before);
  diff.relations_removed = only_in(before, after);

  const auto old_trees = trees_by_id(older), new_trees = trees_by_id(newer);
  for (const auto& [id, tree] : new_trees) {
    auto it = old_trees.find(id);
    const std::string title = detail::string_or(*tree, "title");
    if (it == old_trees.end())
      diff.trees_added.push_back({id, title});
    else if (*it->second != *tree)
      diff.trees_changed.push_back({id, title});
  }
  for (const auto& [id, tree] : old_trees)
    if (!new_trees.count(id)) diff.trees_removed.push_back({id, detail::string_or(*tree, "title")});
  return diff;
}

}  // namespace patsel
