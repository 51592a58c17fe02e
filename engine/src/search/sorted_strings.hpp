#pragma once
// A sorted, immutable set of strings stored in one buffer: the term and word
// dictionaries of the search index. One allocation instead of one per
// string keeps a 50k-pattern vocabulary small, and sorted order gives prefix
// ranges and binary search for free.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace patsel::detail {

class SortedStrings {
 public:
  SortedStrings() = default;
  /// `sorted` must be sorted and free of duplicates.
  explicit SortedStrings(const std::vector<std::string>& sorted);

  std::size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  std::string_view at(std::size_t i) const {
    return std::string_view(blob_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
  }
  /// Index of `s`, or nullopt.
  std::optional<std::uint32_t> find(std::string_view s) const;
  /// First index whose string is >= `s`.
  std::size_t lower_bound(std::string_view s) const;
  /// [first, last) of the strings that start with `prefix`.
  std::pair<std::size_t, std::size_t> prefix_range(std::string_view prefix) const;
  std::size_t bytes() const { return blob_.capacity() + offsets_.capacity() * sizeof(std::uint32_t); }

 private:
  std::string blob_;
  std::vector<std::uint32_t> offsets_;
};

/// Strings in insertion order, in one buffer.
class StringList {
 public:
  void push_back(std::string_view s) {
    if (offsets_.empty()) offsets_.push_back(0);
    blob_ += s;
    offsets_.push_back(static_cast<std::uint32_t>(blob_.size()));
  }
  std::size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  std::string_view at(std::size_t i) const {
    return std::string_view(blob_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
  }
  void shrink_to_fit() {
    blob_.shrink_to_fit();
    offsets_.shrink_to_fit();
  }
  std::size_t bytes() const { return blob_.capacity() + offsets_.capacity() * sizeof(std::uint32_t); }

 private:
  std::string blob_;
  std::vector<std::uint32_t> offsets_;
};

}  // namespace patsel::detail
