#pragma once
// The adapters behind patsel::api::kMethods, one per method, grouped by the
// file that defines them. An adapter reads its params (params.hpp), calls
// the typed engine function and writes its answer (answer.hpp); nothing
// else. To add a method: a line in kMethods (patsel/api.hpp), its adapter
// here and in its group's file, its entry in engine.cpp's table, and its
// function in the JS API (wasm/engine.js, wasm/index.d.ts), which
// tests/wasm/methods.test.mjs checks against kMethods.

#include "answer.hpp"
#include "params.hpp"
#include "state.hpp"

namespace patsel::detail {

/// An adapter: params in, a JSON result or an Error out.
using Method = Result<json> (*)(const EngineState& state, const json& params);
/// An adapter that writes its answer's text itself.
using TextMethod = Result<JsonText> (*)(const EngineState& state, const json& params);

// catalog.cpp
Result<json> info(const EngineState& state, const json& params);
Result<json> list(const EngineState& state, const json& params);
Result<json> pattern(const EngineState& state, const json& params);

// search.cpp
Result<JsonText> search(const EngineState& state, const json& params);

// tree.cpp
Result<json> tree_list(const EngineState& state, const json& params);
Result<json> tree_get(const EngineState& state, const json& params);
Result<json> tree_step(const EngineState& state, const json& params);

// recommend.cpp
Result<json> profile_fields(const EngineState& state, const json& params);
Result<json> recommendations(const EngineState& state, const json& params);

// relations.cpp
Result<json> related_patterns(const EngineState& state, const json& params);
Result<json> pattern_order(const EngineState& state, const json& params);
Result<json> migration(const EngineState& state, const json& params);

// reference.cpp
Result<json> families(const EngineState& state, const json& params);
Result<json> timeline(const EngineState& state, const json& params);
Result<json> learning_paths(const EngineState& state, const json& params);
Result<json> learning_path(const EngineState& state, const json& params);
Result<json> compositions(const EngineState& state, const json& params);
Result<json> problem_matrix(const EngineState& state, const json& params);
Result<json> cards(const EngineState& state, const json& params);

// stack.cpp
Result<json> stack_report(const EngineState& state, const json& params);
Result<json> comparison(const EngineState& state, const json& params);

// health.cpp
Result<json> health_list(const EngineState& state, const json& params);
Result<json> health_get(const EngineState& state, const json& params);
Result<json> health_review(const EngineState& state, const json& params);
Result<json> health_changes(const EngineState& state, const json& params);
Result<json> catalog_diff(const EngineState& state, const json& params);
/// The `diff` answer for an older catalog's text, read under the limits of
/// a loaded catalog; `where` prefixes a load error's message ("$.since: ").
Result<json> diff_since(const EngineState& state, std::string_view older_text, const std::string& where);

}  // namespace patsel::detail
