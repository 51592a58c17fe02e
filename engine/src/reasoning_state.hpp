#pragma once
// What the reasoning queries (trees, recommendations, relationships, stack
// analysis) build once when a catalog loads; part of EngineState.

#include <string>
#include <vector>

#include "patsel/catalog.hpp"
#include "patsel/graph.hpp"
#include "patsel/rules.hpp"
#include "patsel/tree.hpp"

namespace patsel::api::detail {

/// A tree of the catalog, or why it cannot be used.
struct TreeEntry {
  std::string id;  ///< may be empty when the record has no usable id
  Result<DecisionTree> tree;
};

struct ReasoningState {
  std::vector<TreeEntry> trees;  ///< in catalog order
  RuleBook rules;
  RelationGraph graph;

  /// The tree with this id, or nullptr.
  const TreeEntry* tree(const std::string& id) const;
};

ReasoningState build_reasoning(const Catalog& catalog);

}  // namespace patsel::api::detail
