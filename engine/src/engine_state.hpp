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
  ReasoningState reasoning;  ///< trees, rules, relationship graph
  SearchIndex search;        ///< full-text index (api_search.cpp)
  FacetIndex facets;         ///< facet values, for filters, counts and sorting
  LoadOptions limits;        ///< from load(); call() checks params against them
};

/// Builds the indexes of a freshly loaded catalog.
std::unique_ptr<EngineState> build_state(Catalog catalog);

}  // namespace patsel::api::detail
