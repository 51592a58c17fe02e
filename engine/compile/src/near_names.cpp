#include "near_names.hpp"

#include <algorithm>

#include "text_util.hpp"

namespace patsel::compile::detail {
namespace {

// An insertion, deletion or replacement breaks at most one part of a name,
// a swap of two neighbours at most two (when they straddle a boundary), so
// with two parts per edit and one more, one part always stays intact.
constexpr std::size_t kMaxEdits = 2;
constexpr std::size_t kParts = 2 * kMaxEdits + 1;

// Where part `i` of a name of `length` bytes starts, and its length.
std::size_t part_start(std::size_t length, std::size_t i) { return i * length / kParts; }
std::size_t part_length(std::size_t length, std::size_t i) {
  return part_start(length, i + 1) - part_start(length, i);
}

std::string part_key(std::size_t length, std::size_t i, std::string_view text) {
  std::string key = std::to_string(length);
  key += '/';
  key += static_cast<char>('0' + i);
  key += '/';
  key += text;
  return key;
}

}  // namespace

NearNames::NearNames(std::vector<std::string> names) : names_(std::move(names)) {
  std::sort(names_.begin(), names_.end());
  names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
  for (std::uint32_t n = 0; n < names_.size(); ++n) {
    const std::string& name = names_[n];
    for (std::size_t i = 0; i < kParts; ++i)
      parts_[part_key(name.size(), i, std::string_view(name).substr(part_start(name.size(), i),
                                                                  part_length(name.size(), i)))]
          .push_back(n);
  }
}

std::string NearNames::closest(std::string_view word, std::size_t max_distance) const {
  max_distance = std::min(max_distance, kMaxEdits);
  std::vector<std::uint32_t> candidates;
  const std::size_t lowest = word.size() > max_distance ? word.size() - max_distance : 0;
  for (std::size_t length = lowest; length <= word.size() + max_distance; ++length) {
    for (std::size_t i = 0; i < kParts; ++i) {
      const std::size_t start = part_start(length, i), size = part_length(length, i);
      if (size > word.size()) continue;
      // The part may have moved by as many places as there are edits.
      const std::size_t from = start > kMaxEdits ? start - kMaxEdits : 0;
      const std::size_t to = std::min(start + kMaxEdits, word.size() - size);
      for (std::size_t at = from; at <= to; ++at) {
        auto it = parts_.find(part_key(length, i, word.substr(at, size)));
        if (it != parts_.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::string best;
  std::size_t best_distance = max_distance + 1;
  for (std::uint32_t n : candidates) {  // in sorted order, so the first among equals wins
    const std::string& name = names_[n];
    if (std::max(name.size(), word.size()) - std::min(name.size(), word.size()) > max_distance) continue;
    const auto d = static_cast<std::size_t>(text::edit_distance(word, name, static_cast<int>(max_distance)));
    if (d < best_distance) {
      best = name;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace patsel::compile::detail
