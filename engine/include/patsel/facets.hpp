#pragma once
// Faceted filtering, counting and sorting: the explorer's checkboxes and
// sliders. Within a facet the selected values are OR-ed (gold OR silver),
// across facets AND-ed; the count next to each value is what a user would
// get by toggling it, so each facet is counted ignoring its own selection
// (disjunctive faceting, as in mature faceted search UIs).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "patsel/catalog.hpp"
#include "patsel/search.hpp"

namespace patsel {

enum class Facet : std::uint8_t {
  tier, category, domain, layer, status, relevance, difficulty, tags, effort, team_size, ecosystem
};
inline constexpr std::size_t kFacetCount = 11;

/// "tier", "category", ..., "team_size", "ecosystem": the names used in the api.
std::string_view to_string(Facet facet);
std::optional<Facet> parse_facet(std::string_view name);

/// Numeric facets filtered by a range: the year a pattern was introduced
/// and its reading time in minutes.
enum class RangeFacet : std::uint8_t { introduced, reading_time };
inline constexpr std::size_t kRangeFacetCount = 2;
std::string_view to_string(RangeFacet facet);  ///< "introduced", "reading_time"
std::optional<RangeFacet> parse_range_facet(std::string_view name);

/// An inclusive range; an empty end is open. A pattern with no value for a
/// ranged facet never passes a range on it.
struct Range {
  std::optional<int> min;
  std::optional<int> max;
  bool active() const { return min.has_value() || max.has_value(); }
};

/// What the user ticked. An empty list means "any value".
struct FacetSelection {
  std::array<std::vector<std::string>, kFacetCount> values;
  std::array<Range, kRangeFacetCount> ranges;
};

/// Which values to list for some facets, instead of the most frequent ones:
/// exactly these, each with its count (0 included). A widget showing a few
/// values of a facet with thousands asks for those alone.
struct FacetListing {
  std::array<std::optional<std::vector<std::string>>, kFacetCount> values;
};

struct FacetValueCount {
  std::string value;
  std::size_t count = 0;
  bool selected = false;
};

/// The smallest and largest value among the patterns that pass every other
/// filter (a slider's ends); empty when none of them has a value.
struct RangeBounds {
  std::optional<int> min;
  std::optional<int> max;
};

struct FacetResult {
  std::vector<ScoredDoc> docs;  ///< the candidates that pass every filter, in their order
  /// Per facet asked for: values with a count, or selected; tiers in tier
  /// order, other facets by count (most first) then value.
  std::array<std::vector<FacetValueCount>, kFacetCount> counts;
  /// Per facet: how many values had a count, including those cut by max_values.
  std::array<std::size_t, kFacetCount> distinct{};
  std::array<RangeBounds, kRangeFacetCount> bounds;
};

/// Result orders. Ties are broken by score, then tier, then title, then id.
enum class SortOrder { relevance, tier, title, introduced_newest, introduced_oldest, reading_time };
/// "relevance", "tier", "title", "introduced-newest", "introduced-oldest", "reading-time".
std::string_view to_string(SortOrder order);
std::optional<SortOrder> parse_sort_order(std::string_view name);

/// Facet values of every pattern, read once when the catalog loads.
class FacetIndex {
 public:
  /// ```
  /// auto facets = patsel::FacetIndex::build(catalog);
  /// ```
  static FacetIndex build(const Catalog& catalog);

  /// Keeps the candidates that pass `selection` and counts the facets listed
  /// in `count`, listing at most `max_values` values per facet (the most
  /// frequent), or the values `listing` names; selected values are always listed.
  ///
  /// ```
  /// FacetSelection s;
  /// s.values[size_t(Facet::tier)] = {"gold", "silver"};
  /// auto result = facets.filter(candidates, s, {Facet::tier, Facet::category});
  /// ```
  FacetResult filter(std::vector<ScoredDoc> candidates, const FacetSelection& selection,
                     const std::vector<Facet>& count, std::size_t max_values = 100,
                     const FacetListing& listing = {}) const;

  /// Orders `docs`; only the first `needed` must be in order (the page).
  void sort(std::vector<ScoredDoc>& docs, SortOrder order, std::size_t needed) const;

  /// All values a facet takes in the catalog, sorted.
  const std::vector<std::string>& values(Facet facet) const { return values_[static_cast<std::size_t>(facet)]; }
  /// "YYYY" or "YYYY-MM" as YYYYMM (month 0 when unknown); 0 when unknown.
  int introduced(std::uint32_t doc) const { return introduced_[doc]; }
  /// Reading time in minutes; 0 when unknown.
  int reading_time(std::uint32_t doc) const { return range_value(RangeFacet::reading_time, doc); }

 private:
  std::array<std::vector<std::string>, kFacetCount> values_;
  // Per facet, each pattern's value ids: CSR over patterns.
  std::array<std::vector<std::uint32_t>, kFacetCount> begin_;
  std::array<std::vector<std::uint32_t>, kFacetCount> ids_;
  // For facets where no pattern has two values (all but tags and
  // ecosystems here): each pattern's value id, or kNoValue. Counting walks
  // this array instead of the CSR, which matters at 50k patterns.
  static constexpr std::uint32_t kNoValue = 0xFFFFFFFF;
  std::array<std::vector<std::uint32_t>, kFacetCount> single_;
  std::vector<int> introduced_;
  // Per range, each pattern's value as the range reads it (0: unknown):
  // the year introduced, the reading time in minutes.
  std::array<std::vector<int>, kRangeFacetCount> range_values_;
  // Per facet, whether every pattern has a value: then a selection of every
  // value keeps every pattern, and filtering by it can be skipped.
  std::array<bool, kFacetCount> every_pattern_has_value_{};
  std::vector<std::uint8_t> tier_;
  // Each pattern's place in title order, as integers so that sorting never
  // compares strings: title_group_ ranks the folded titles (equal ones share
  // a rank), title_rank_ ranks by folded title, then title, then id (the
  // last tie-breaks, a total order).
  std::vector<std::uint32_t> title_group_;
  std::vector<std::uint32_t> title_rank_;

  int range_value(RangeFacet facet, std::uint32_t doc) const {
    return range_values_[static_cast<std::size_t>(facet)][doc];
  }
};

}  // namespace patsel
