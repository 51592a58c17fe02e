#pragma once
// What YAML costs once its aliases are expanded. An alias is the node it
// names (yaml_tree.hpp), so a small document can stand for gigabytes: a
// "billion laughs" of nested lists, or one long string named 150,000 times in a
// list of tags. Every value is measured before anything copies it, and the
// values that would pass the budget are left out, reported at their key.

#include <cstddef>
#include <string>
#include <vector>

#include "yaml_tree.hpp"

namespace patsel::compile::detail {

/// The budget of one page or data file.
struct ExpansionLimits {
  std::size_t max_nodes = 200000;
  std::size_t max_bytes = std::size_t{4} << 20;  ///< scalar text, keys included
  int max_depth = 64;
};

/// A value's cost with its aliases expanded, counted until a limit is
/// passed (so measuring never costs more than the limits).
struct Expansion {
  std::size_t nodes = 0;
  std::size_t bytes = 0;
  bool too_deep = false;
  YAML::Mark deep_at;  ///< the node whose nesting crosses max_depth

  bool over(const ExpansionLimits& limits) const {
    return too_deep || nodes > limits.max_nodes || bytes > limits.max_bytes;
  }
  /// "more than 200000 YAML nodes once aliases are expanded", or the bytes
  /// or depth that were passed; "" within the limits.
  std::string why(const ExpansionLimits& limits) const;
};

/// Measures `node` (at nesting level `depth`), adding to `into`; stops
/// once a limit is passed.
void measure(const YamlNode& node, const ExpansionLimits& limits, Expansion& into, int depth = 0);

/// One entry of a mapping that is about to be converted.
struct Member {
  YamlNode key;
  YamlNode value;
  std::string problem;    ///< after fit_budget: why it is left out; empty when kept
  YAML::Mark problem_at;  ///< where to report it: the deep node, or the key
};

/// Leaves out each member that passes the limits alone, then the largest
/// ones until the others fit together. `others` names the rest in
/// messages ("fields of the page"). Measuring is bounded too: a document
/// within the budget is walked once; one over it at most a few more times.
/// `depth`: the nesting level of the values (1 for the sections of a file).
void fit_budget(std::vector<Member>& members, const ExpansionLimits& limits, const std::string& others,
                int depth = 0);

}  // namespace patsel::compile::detail
