#pragma once
// Every api method, by name. To add one: declare it here, define it in its
// own api_<concern>.cpp, and list it in api.cpp's method table.

#include "api_support.hpp"

namespace patsel::api::detail {

Result<json> info(const EngineState& state, const json& params);
Result<json> list(const EngineState& state, const json& params);

}  // namespace patsel::api::detail
