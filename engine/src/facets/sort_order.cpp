// Result orders. Every order ends in the same tie-breaks (score, tier,
// title, id), so results are total-ordered and identical on every platform.

#include <algorithm>

#include "patsel/facets.hpp"

namespace patsel {
namespace {

constexpr std::string_view kOrderNames[] = {"relevance",         "tier",
                                            "title",             "introduced-newest",
                                            "introduced-oldest", "reading-time"};

}  // namespace

std::string_view to_string(SortOrder order) { return kOrderNames[static_cast<std::size_t>(order)]; }

std::optional<SortOrder> parse_sort_order(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kOrderNames); ++i)
    if (name == kOrderNames[i]) return static_cast<SortOrder>(i);
  return std::nullopt;
}

void FacetIndex::sort(std::vector<ScoredDoc>& docs, SortOrder order, std::size_t needed) const {
  // Unknown dates and reading times go last in every direction.
  auto known_first = [](int a, int b) { return (a > 0) != (b > 0) ? std::optional<bool>(a > 0) : std::nullopt; };
  auto before = [&](const ScoredDoc& a, const ScoredDoc& b) {
    switch (order) {
      case SortOrder::relevance: break;
      case SortOrder::tier:
        if (tier_[a.doc] != tier_[b.doc]) return tier_[a.doc] < tier_[b.doc];
        break;
      case SortOrder::title:
        if (title_group_[a.doc] != title_group_[b.doc]) return title_group_[a.doc] < title_group_[b.doc];
        break;
      case SortOrder::introduced_newest:
      case SortOrder::introduced_oldest: {
        const int x = introduced_[a.doc], y = introduced_[b.doc];
        if (auto k = known_first(x, y)) return *k;
        if (x != y) return order == SortOrder::introduced_newest ? x > y : x < y;
        break;
      }
      case SortOrder::reading_time: {
        const int x = reading_time(a.doc), y = reading_time(b.doc);
        if (auto k = known_first(x, y)) return *k;
        if (x != y) return x < y;
        break;
      }
    }
    if (a.score != b.score) return a.score > b.score;
    if (tier_[a.doc] != tier_[b.doc]) return tier_[a.doc] < tier_[b.doc];
    return title_rank_[a.doc] < title_rank_[b.doc];
  };
  if (needed >= docs.size()) {
    std::sort(docs.begin(), docs.end(), before);
  } else {
    std::partial_sort(docs.begin(), docs.begin() + static_cast<std::ptrdiff_t>(needed), docs.end(), before);
  }
}

}  // namespace patsel
