#pragma once
// What a loaded Engine holds: the catalog, the indexes built from it when
// it loads, and the reasoning state (trees, rules, relationship graph)
// built the first time a method needs it.

#include <memory>
#include <string>
#include <vector>

#include "limits.hpp"
#include "patsel/catalog.hpp"
#include "patsel/facets.hpp"
#include "patsel/graph.hpp"
#include "patsel/rules.hpp"
#include "patsel/search.hpp"
#include "patsel/tree.hpp"

namespace patsel::detail {

/// A tree of the catalog, or why it cannot be used.
struct TreeEntry {
  std::string id;  ///< may be empty when the record has no usable id
  Result<DecisionTree> tree;
};

/// What the reasoning methods (trees, recommendations, relationships,
/// stack analysis) read.
struct ReasoningState {
  std::vector<TreeEntry> trees;  ///< in catalog order
  RuleBook rules;
  RelationGraph graph;

  /// The tree with this id, or nullptr.
  const TreeEntry* tree(const std::string& id) const;
};

ReasoningState build_reasoning(const Catalog& catalog);

struct EngineState {
  Catalog catalog;
  SearchIndex search;  ///< full-text index
  FacetIndex facets;   ///< facet values, for filters, counts and sorting
  LoadOptions limits;  ///< from load(); call() checks params against them

  /// Trees, rules and the relationship graph, built on first use: a page
  /// that only searches (the explorer) never waits for them. Like the rest
  /// of an Engine, not for concurrent use.
  const ReasoningState& reasoning() const {
    if (!reasoning_) reasoning_ = std::make_unique<ReasoningState>(build_reasoning(catalog));
    return *reasoning_;
  }

 private:
  mutable std::unique_ptr<ReasoningState> reasoning_;
};

/// Builds the indexes of a freshly loaded catalog.
std::unique_ptr<EngineState> build_state(Catalog catalog);

}  // namespace patsel::detail
