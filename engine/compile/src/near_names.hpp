#pragma once
// The name closest to a misspelt reference, found without comparing it
// with every name of the catalog: with thousands of pages and as many
// unknown references, comparing each with each was quadratic.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace patsel::compile::detail {

/// An index of names for "did you mean" suggestions within two edits.
/// Each name is cut into five parts; a word within two edits of a name
/// (a swap of neighbours is one edit, and may break two parts) leaves one
/// of those parts intact, at most two places from where it is in the name
/// (the pigeonhole principle). So a lookup compares the word only with the
/// names that share such a part: a few dozen hash lookups instead of a pass
/// over every name.
class NearNames {
 public:
  explicit NearNames(std::vector<std::string> names);

  /// The name closest to `word` within `max_distance` edits (at most 2),
  /// the first in sorted order among equals; "" when none is that close.
  ///
  /// ```
  /// NearNames({"saga", "sharding"}).closest("sagga", 1) == "saga";
  /// ```
  std::string closest(std::string_view word, std::size_t max_distance) const;

 private:
  std::vector<std::string> names_;  // sorted, unique
  std::unordered_map<std::string, std::vector<std::uint32_t>> parts_;
};

}  // namespace patsel::compile::detail
