#pragma once
// YAML nodes to JSON values, with the YAML 1.2 core schema for plain
// scalars (numbers, booleans, null) and a budget of nodes and bytes:
// an alias is the node it names, so a "billion laughs" document is small
// in memory until it is expanded; the budget stops the expansion with an
// error instead. (Pages and data files measure each value first, see
// expansion.hpp; the budget here is the last line for every caller.)

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "yaml_tree.hpp"

namespace patsel::compile::detail {

using json = nlohmann::json;

struct Place {
  int line = 0;    ///< 1-based line in the file
  int column = 0;  ///< 1-based
};

/// Where `node` starts in the file, given the file line the YAML text starts at.
inline Place place_of(const YamlNode& node, int first_line) {
  if (!node.IsDefined()) return {};
  YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {};
  return {mark.line + first_line, mark.column + 1};
}

/// Where a mark is in the file; {0, 0} for a null mark.
inline Place place_of_mark(const YAML::Mark& mark, int first_line) {
  if (mark.is_null()) return {};
  return {mark.line + first_line, mark.column + 1};
}

struct ConvertLimits {
  std::size_t max_nodes = 200000;
  int max_depth = 64;
  std::size_t max_bytes = std::size_t{4} << 20;  ///< scalar text, keys included
};

/// A mapping key that appears twice: the first value is kept.
struct DuplicateKey {
  std::string key;
  std::string path;  ///< JSON path of the mapping ("$.rules[2]"), when lines are recorded; else "$"
  YAML::Mark mark;   ///< the second key
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

/// How to convert, and what to record on the way.
struct ConvertOptions {
  bool typed = true;  ///< false turns every scalar into a string
  ConvertLimits limits;
  /// When given, where each value starts, keyed by JSON path below
  /// `root_path`; `first_line` is the file line of the YAML text.
  LineMap* lines = nullptr;
  int first_line = 1;
  std::string root_path = "$";
  int root_depth = 0;  ///< the nesting level of `node` itself
  /// When given, each key repeated in a mapping (the first value is kept).
  std::vector<DuplicateKey>* duplicates = nullptr;
};

/// Converts `node`; counts nodes into `budget_used` across calls.
std::optional<json> to_json(const YamlNode& node, const ConvertOptions& options, std::size_t& budget_used,
                            ConvertError& error);

/// yaml-cpp's message, made readable where it is cryptic: an escape that
/// names a lone surrogate ("\ud800") is reported by yaml-cpp as
/// "invalid unicode: 55296".
std::string yaml_error_message(const std::string& message);

/// The scalar's text, trimmed; nullopt when the node is not a scalar.
std::optional<std::string> scalar_text(const YamlNode& node);

}  // namespace patsel::compile::detail
