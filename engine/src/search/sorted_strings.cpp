#include "sorted_strings.hpp"

namespace patsel::detail {

SortedStrings::SortedStrings(const std::vector<std::string>& sorted) {
  std::size_t total = 0;
  for (const std::string& s : sorted) total += s.size();
  blob_.reserve(total);
  offsets_.reserve(sorted.size() + 1);
  for (const std::string& s : sorted) {
    offsets_.push_back(static_cast<std::uint32_t>(blob_.size()));
    blob_ += s;
  }
  offsets_.push_back(static_cast<std::uint32_t>(blob_.size()));
}

std::size_t SortedStrings::lower_bound(std::string_view s) const {
  std::size_t lo = 0, hi = size();
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    if (at(mid) < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

std::optional<std::uint32_t> SortedStrings::find(std::string_view s) const {
  std::size_t i = lower_bound(s);
  if (i < size() && at(i) == s) return static_cast<std::uint32_t>(i);
  return std::nullopt;
}

std::pair<std::size_t, std::size_t> SortedStrings::prefix_range(std::string_view prefix) const {
  std::size_t first = lower_bound(prefix);
  // The strings starting with `prefix` are contiguous; find their end by
  // binary search on "starts with or sorts before".
  std::size_t lo = first, hi = size();
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    if (at(mid).substr(0, prefix.size()) == prefix) lo = mid + 1;
    else hi = mid;
  }
  return {first, lo};
}

}  // namespace patsel::detail
