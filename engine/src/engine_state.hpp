#pragma once
// The engine's loaded state: the catalog and the indexes built from it.
// Each query module adds what it needs here and builds it in build_state().

#include <memory>

#include "api_limits.hpp"
#include "api_support.hpp"
#include "patsel/facets.hpp"
#include "patsel/search.hpp"
#include "reasoning_state.hpp"

namespace patsel::api::detail {

struct EngineState {
  Catalog catalog;
  SearchIndex search;  ///< full-text index (api_search.cpp)
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

}  // namespace patsel::api::detail
