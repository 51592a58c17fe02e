#pragma once
// The engine's loaded state: the catalog and the indexes built from it.
// Each query module adds what it needs here and builds it in build_state().

#include <memory>

#include "api_support.hpp"

namespace patsel::api::detail {

struct EngineState {
  Catalog catalog;
};

/// Builds the indexes of a freshly loaded catalog.
std::unique_ptr<EngineState> build_state(Catalog catalog);

}  // namespace patsel::api::detail
