#pragma once
// YAML nodes to JSON values, with the YAML 1.2 core schema for plain
// scalars (numbers, booleans, null) and a node budget: aliases in yaml-cpp
// share nodes, so a "billion laughs" document is small in memory until it
// is expanded; the budget stops the expansion with an error instead.

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <unordered_map>

namespace patsel::compile::detail {

using json = nlohmann::json;

struct Place {
  int line = 0;    ///< 1-based line in the file
  int column = 0;  ///< 1-based
};

/// Where `node` starts in the file, given the file line the YAML text starts at.
inline Place place_of(const YAML::Node& node, int first_line) {
  if (!node.IsDefined()) return {};
  YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {};
  return {mark.line + first_line, mark.column + 1};
}

struct ConvertLimits {
  std::size_t max_nodes = 200000;
  int max_depth = 64;
};

/// Why a conversion stopped, with the place of the offending node.
struct ConvertError {
  std::string message;
  YAML::Mark mark;
  bool too_deep = false;  ///< the depth limit, not the node budget
  std::string path;       ///< JSON path of the node, when lines are recorded ("$.laws[3]")
};

/// File line of each converted value, keyed by its JSON path ("$.rules[2].id").
using LineMap = std::unordered_map<std::string, int>;

/// Converts `node`; counts nodes into `budget_used` across calls.
/// `typed` = false turns every scalar into a string. When `lines` is given,
/// records where each value starts (`first_line` = file line of the YAML text).
std::optional<json> to_json(const YAML::Node& node, bool typed, const ConvertLimits& limits,
                            std::size_t& budget_used, ConvertError& error,
                            LineMap* lines = nullptr, int first_line = 1);

/// yaml-cpp's message, made readable where it is cryptic: an escape that
/// names a lone surrogate ("\ud800") is reported by yaml-cpp as
/// "invalid unicode: 55296".
std::string yaml_error_message(const std::string& message);

/// The scalar's text, trimmed; nullopt when the node is not a scalar.
std::optional<std::string> scalar_text(const YAML::Node& node);

}  // namespace patsel::compile::detail
