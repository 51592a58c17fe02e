#include "state.hpp"

#include <utility>

#include "json_util.hpp"

namespace patsel::detail {

const TreeEntry* ReasoningState::tree(const std::string& id) const {
  for (const TreeEntry& entry : trees)
    if (!entry.id.empty() && entry.id == id) return &entry;
  return nullptr;
}

ReasoningState build_reasoning(const Catalog& catalog) {
  ReasoningState state{{}, read_rule_book(catalog.section("profile"), catalog.section("rules")),
                       RelationGraph::build(catalog)};
  const nlohmann::json& trees = catalog.section("trees");
  for (std::size_t i = 0; i < trees.size(); ++i) {
    // A broken tree keeps its id (when it has one), so asking for it names the problem.
    std::string id = string_or(trees[i], "id");
    state.trees.push_back({std::move(id), read_tree(trees[i], "$.trees[" + std::to_string(i) + "]")});
  }
  return state;
}

std::unique_ptr<EngineState> build_state(Catalog catalog) {
  auto state = std::make_unique<EngineState>();
  state->catalog = std::move(catalog);
  state->search = SearchIndex::build(state->catalog);
  state->facets = FacetIndex::build(state->catalog);
  return state;
}

}  // namespace patsel::detail
