#pragma once
// Checks of the requirements profile fields and the recommendation rules.

#include <nlohmann/json.hpp>

#include <string>

#include "patsel/compile/diagnostics.hpp"
#include "yaml_convert.hpp"

namespace patsel::compile::detail {

/// Checks field declarations and every rule's condition against them:
/// known fields, operators that fit the field's type, values from a
/// choice's list. Broken rules are removed from `rules`.
void check_rules(nlohmann::json& profile, nlohmann::json& rules, const std::string& file,
                 const LineMap& lines, Report& report);

}  // namespace patsel::compile::detail
