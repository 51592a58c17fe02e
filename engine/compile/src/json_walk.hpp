#pragma once
// Visiting the values at a path pattern in a JSON document, and removing
// array items that were marked as dropped.

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace patsel::compile::detail {

using json = nlohmann::json;

/// Calls `visit(value, json_path)` for every value at `pattern`, a
/// '/'-separated list of keys where `*` means every array item.
/// `visit_at(doc, "results/*/gold/*/pattern", "$.trees[0]", f)`.
void visit_at(json& root, std::string_view pattern, const std::string& root_path,
              const std::function<void(json&, const std::string&)>& visit);

/// Marks a value for removal by `prune_dropped`.
void mark_dropped(json& value);

/// Removes every array item that is marked, or that is an object with a
/// marked member, at any depth.
void prune_dropped(json& root);

}  // namespace patsel::compile::detail
