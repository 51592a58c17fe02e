#pragma once
// How messages list the names a value may take: "gold, silver, bronze".

#include <string>
#include <string_view>

namespace patsel::detail {

/// The names joined by ", "; `names` holds anything a string_view can be made of.
///
/// ```
/// name_list(std::vector<std::string>{"gold", "silver"}) == "gold, silver"
/// ```
template <class Names>
std::string name_list(const Names& names) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += ", ";
    out += std::string_view(name);
  }
  return out;
}

}  // namespace patsel::detail
