#pragma once
// Structural checks of one decision tree (docs/catalog-data.md).

#include <nlohmann/json.hpp>

#include <string>

#include "patsel/compile/diagnostics.hpp"
#include "yaml_convert.hpp"

namespace patsel::compile::detail {

/// True when the tree can be walked safely: every option leads to an
/// existing question or result, every question is reachable from `start`,
/// and no path loops. Problems are reported against `file` at their line.
bool check_tree(const nlohmann::json& tree, const std::string& file, const LineMap& lines, Report& report);

}  // namespace patsel::compile::detail
