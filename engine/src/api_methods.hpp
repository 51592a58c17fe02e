#pragma once
// Every api method, by name. To add one: declare it here, define it in its
// own api_<concern>.cpp, and list it in api.cpp's method table.

#include "api_support.hpp"

namespace patsel::api::detail {

Result<json> info(const EngineState& state, const json& params);
Result<json> list(const EngineState& state, const json& params);
Result<json> pattern(const EngineState& state, const json& params);
Result<json> search(const EngineState& state, const json& params);  // api_search.cpp

// Reasoning: decision trees, recommendations, relationships (api_tree.cpp,
// api_recommend.cpp, api_relations.cpp, api_reference.cpp, api_stack.cpp).
Result<json> tree_list(const EngineState& state, const json& params);
Result<json> tree_get(const EngineState& state, const json& params);
Result<json> tree_step(const EngineState& state, const json& params);
Result<json> profile_fields(const EngineState& state, const json& params);
Result<json> recommendations(const EngineState& state, const json& params);
Result<json> related_patterns(const EngineState& state, const json& params);
Result<json> pattern_order(const EngineState& state, const json& params);
Result<json> migration(const EngineState& state, const json& params);
Result<json> families(const EngineState& state, const json& params);
Result<json> timeline(const EngineState& state, const json& params);
Result<json> learning_paths(const EngineState& state, const json& params);
Result<json> learning_path(const EngineState& state, const json& params);
Result<json> compositions(const EngineState& state, const json& params);
Result<json> problem_matrix(const EngineState& state, const json& params);
Result<json> cards(const EngineState& state, const json& params);
Result<json> stack_report(const EngineState& state, const json& params);
Result<json> comparison(const EngineState& state, const json& params);

}  // namespace patsel::api::detail
