// Filtering candidates by the selected facet values and ranges, and counting
// each facet as if its own selection were cleared.

#include <algorithm>

#include "patsel/facets.hpp"

namespace patsel {
namespace {

// Bits of a candidate's failure mask: one per facet, then one per range.
constexpr std::uint32_t facet_bit(std::size_t f) { return 1u << f; }
constexpr std::uint32_t range_bit(std::size_t r) { return 1u << (kFacetCount + r); }

void order_counts(Facet facet, std::vector<FacetValueCount>& out) {
  if (facet == Facet::tier) {
    auto rank = [](const FacetValueCount& c) {
      auto tier = parse_tier(c.value);
      return tier ? static_cast<int>(*tier) : 99;
    };
    std::stable_sort(out.begin(), out.end(), [&](const FacetValueCount& a, const FacetValueCount& b) {
      if (rank(a) != rank(b)) return rank(a) < rank(b);
      return a.value < b.value;
    });
    return;
  }
  std::stable_sort(out.begin(), out.end(), [](const FacetValueCount& a, const FacetValueCount& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.value < b.value;
  });
}

}  // namespace

FacetResult FacetIndex::filter(std::vector<ScoredDoc> candidates, const FacetSelection& selection,
                               const std::vector<Facet>& count, std::size_t max_values,
                               const FacetListing& listing) const {
  FacetResult result;
  // A candidate failing exactly one filter still counts for that filter's
  // own facet (or range): toggling it would bring the candidate in. So one
  // failure mask per candidate, then one pass per counted facet.
  std::vector<std::uint32_t> fails(candidates.size(), 0);
  // The passes below walk pattern ids only: 4 bytes a candidate, not 16.
  std::vector<std::uint32_t> docs(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) docs[i] = candidates[i].doc;
  std::array<std::vector<std::uint8_t>, kFacetCount> selected;
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    if (selection.values[f].empty()) continue;
    selected[f].assign(values_[f].size(), 0);
    std::size_t known = 0;
    for (const std::string& v : selection.values[f]) {
      auto it = std::lower_bound(values_[f].begin(), values_[f].end(), v);
      if (it == values_[f].end() || *it != v) continue;
      std::uint8_t& chosen = selected[f][static_cast<std::size_t>(it - values_[f].begin())];
      known += !chosen;
      chosen = 1;
    }
    // Every value chosen, and every pattern has one (the explorer's default
    // of all three tiers): no pattern fails, so none is looked at.
    if (known == values_[f].size() && every_pattern_has_value_[f]) continue;
    const auto& begin = begin_[f];
    const auto& ids = ids_[f];
    for (std::size_t i = 0; i < docs.size(); ++i) {
      const std::uint32_t doc = docs[i];
      bool any = false;
      for (std::uint32_t k = begin[doc]; k < begin[doc + 1] && !any; ++k) any = selected[f][ids[k]];
      if (!any) fails[i] |= facet_bit(f);
    }
  }
  for (std::size_t r = 0; r < kRangeFacetCount; ++r) {
    const Range& range = selection.ranges[r];
    if (!range.active()) continue;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const int v = range_value(static_cast<RangeFacet>(r), docs[i]);
      if (v <= 0 || (range.min && v < *range.min) || (range.max && v > *range.max)) fails[i] |= range_bit(r);
    }
  }

  std::uint32_t any_fail = 0;
  for (std::uint32_t f : fails) any_fail |= f;
  if (any_fail) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i)
      if (!fails[i]) candidates[kept++] = candidates[i];
    candidates.resize(kept);
  }
  result.docs = std::move(candidates);

  std::vector<std::uint32_t> tally, lanes;
  for (Facet facet : count) {
    const std::size_t f = static_cast<std::size_t>(facet);
    auto& out = result.counts[f];
    if (!out.empty()) continue;  // listed twice
    tally.assign(values_[f].size() + 1, 0);  // the extra slot counts "no value"
    const auto& begin = begin_[f];
    const auto& ids = ids_[f];
    const std::uint32_t others = ~facet_bit(f);
    const bool check = (any_fail & others) != 0;
    if (!single_[f].empty()) {
      // Four interleaved tallies: consecutive patterns often share a value,
      // and one counter would make each increment wait for the last.
      const std::uint32_t* value = single_[f].data();
      const std::size_t width = values_[f].size() + 1, none = values_[f].size();
      lanes.assign(4 * width, 0);
      for (std::size_t i = 0; i < docs.size(); ++i) {
        if (check && (fails[i] & others)) continue;
        const std::uint32_t v = value[docs[i]];
        ++lanes[(i & 3) * width + (v == kNoValue ? none : v)];
      }
      for (std::size_t v = 0; v < width; ++v) tally[v] = lanes[v] + lanes[width + v] + lanes[2 * width + v] + lanes[3 * width + v];
    } else if (values_[f].size() <= 4096) {
      const std::size_t width = values_[f].size();
      lanes.assign(4 * width, 0);
      for (std::size_t i = 0; i < docs.size(); ++i) {
        if (check && (fails[i] & others)) continue;
        const std::uint32_t doc = docs[i];
        std::uint32_t* lane = &lanes[(i & 3) * width];
        for (std::uint32_t k = begin[doc]; k < begin[doc + 1]; ++k) ++lane[ids[k]];
      }
      for (std::size_t v = 0; v < width; ++v) tally[v] = lanes[v] + lanes[width + v] + lanes[2 * width + v] + lanes[3 * width + v];
    } else {
      for (std::size_t i = 0; i < docs.size(); ++i) {
        if (check && (fails[i] & others)) continue;
        const std::uint32_t doc = docs[i];
        for (std::uint32_t k = begin[doc]; k < begin[doc + 1]; ++k) ++tally[ids[k]];
      }
    }
    // Keep the most frequent values (ties by value order) and the selected
    // ones; only those become strings.
    std::vector<std::uint32_t> keep;
    for (std::uint32_t v = 0; v < values_[f].size(); ++v)
      if (tally[v] > 0) keep.push_back(v);
    result.distinct[f] = keep.size();
    const auto& listed = listing.values[f];
    if (listed) {
      keep.clear();
      for (const std::string& value : *listed) {
        auto it = std::lower_bound(values_[f].begin(), values_[f].end(), value);
        if (it != values_[f].end() && *it == value) keep.push_back(static_cast<std::uint32_t>(it - values_[f].begin()));
      }
      std::sort(keep.begin(), keep.end());
      keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
    } else if (keep.size() > max_values) {
      std::nth_element(keep.begin(), keep.begin() + static_cast<std::ptrdiff_t>(max_values), keep.end(),
                       [&](std::uint32_t a, std::uint32_t b) { return tally[a] != tally[b] ? tally[a] > tally[b] : a < b; });
      keep.resize(max_values);
    }
    if (!selected[f].empty())
      for (std::uint32_t v = 0; v < values_[f].size(); ++v)
        if (selected[f][v] && std::find(keep.begin(), keep.end(), v) == keep.end()) keep.push_back(v);
    for (std::uint32_t v : keep)
      out.push_back({values_[f][v], tally[v], !selected[f].empty() && selected[f][v] != 0});
    // Selected or listed values the catalog does not have still show, with 0.
    const auto absent = [&](const std::string& v) {
      return !std::binary_search(values_[f].begin(), values_[f].end(), v) &&
             std::none_of(out.begin(), out.end(), [&](const FacetValueCount& c) { return c.value == v; });
    };
    for (const std::string& v : selection.values[f])
      if (absent(v)) out.push_back({v, 0, true});
    if (listed)
      for (const std::string& v : *listed)
        if (absent(v)) out.push_back({v, 0, false});
    order_counts(facet, out);
  }

  for (std::size_t r = 0; r < kRangeFacetCount; ++r) {
    const std::uint32_t others = ~range_bit(r);
    const int* value = range_values_[r].data();
    int low = 0, high = 0;  // 0: none yet (known values are positive)
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (any_fail && (fails[i] & others)) continue;
      const int v = value[docs[i]];
      if (v <= 0) continue;
      low = low ? std::min(low, v) : v;
      high = std::max(high, v);
    }
    if (low) {
      result.bounds[r].min = low;
      result.bounds[r].max = high;
    }
  }
  return result;
}

}  // namespace patsel
