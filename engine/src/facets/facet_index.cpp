// Reading every pattern's facet values once, when the catalog loads.

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "../json_util.hpp"
#include "patsel/facets.hpp"
#include "patsel/text.hpp"

namespace patsel {
namespace {

using patsel::detail::json;
using patsel::detail::member;

constexpr std::string_view kFacetNames[kFacetCount] = {"tier",       "category", "domain", "layer",
                                                        "status",     "relevance", "difficulty", "tags",
                                                        "effort",     "team_size", "ecosystem"};
constexpr std::string_view kRangeNames[kRangeFacetCount] = {"introduced", "reading_time"};

void add_unique(std::vector<std::string>& out, const std::string& value) {
  if (!value.empty() && std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
}

// The values a pattern has for a facet; the catalog's field names are in
// docs/authoring.md (effort and team size under implementation_complexity,
// ecosystems under implementations[]).
std::vector<std::string> facet_values(const Pattern& p, Facet facet) {
  std::vector<std::string> out;
  switch (facet) {
    case Facet::tier: out.emplace_back(to_string(p.tier)); break;
    case Facet::category: add_unique(out, p.category); break;
    case Facet::domain: add_unique(out, p.domain); break;
    case Facet::layer: add_unique(out, p.layer); break;
    case Facet::status: add_unique(out, p.status); break;
    case Facet::relevance: add_unique(out, p.relevance); break;
    case Facet::difficulty: add_unique(out, p.difficulty); break;
    case Facet::tags:
      for (const std::string& tag : p.tags) add_unique(out, tag);
      break;
    case Facet::effort:
    case Facet::team_size:
      add_unique(out, facet == Facet::effort ? p.effort : p.team_size);
      break;
    case Facet::ecosystem:
      for (const std::string& ecosystem : p.ecosystems) add_unique(out, ecosystem);
      break;
  }
  return out;
}

}  // namespace

std::string_view to_string(Facet facet) { return kFacetNames[static_cast<std::size_t>(facet)]; }

std::optional<Facet> parse_facet(std::string_view name) {
  for (std::size_t i = 0; i < kFacetCount; ++i)
    if (name == kFacetNames[i]) return static_cast<Facet>(i);
  return std::nullopt;
}

std::string_view to_string(RangeFacet facet) { return kRangeNames[static_cast<std::size_t>(facet)]; }

std::optional<RangeFacet> parse_range_facet(std::string_view name) {
  for (std::size_t i = 0; i < kRangeFacetCount; ++i)
    if (name == kRangeNames[i]) return static_cast<RangeFacet>(i);
  return std::nullopt;
}

namespace {

// Each pattern's place in title order: `group` ranks the folded titles
// (equal ones share a rank), `rank` orders by folded title, title, then id.
void rank_titles(const std::vector<Pattern>& patterns, const std::vector<std::string>& title_key,
                 std::vector<std::uint32_t>& group, std::vector<std::uint32_t>& rank) {
  std::vector<std::uint32_t> order(patterns.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (title_key[a] != title_key[b]) return title_key[a] < title_key[b];
    if (patterns[a].title != patterns[b].title) return patterns[a].title < patterns[b].title;
    return patterns[a].id < patterns[b].id;
  });
  group.assign(patterns.size(), 0);
  rank.assign(patterns.size(), 0);
  std::uint32_t groups = 0;
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    if (i > 0 && title_key[order[i]] != title_key[order[i - 1]]) ++groups;
    group[order[i]] = groups;
    rank[order[i]] = i;
  }
}

}  // namespace

FacetIndex FacetIndex::build(const Catalog& catalog) {
  FacetIndex index;
  const auto& patterns = catalog.patterns();
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    const Facet facet = static_cast<Facet>(f);
    // Ids in order of first appearance, then renumbered in value order.
    std::unordered_map<std::string, std::uint32_t> ids;
    std::vector<std::string> values;
    auto& begin = index.begin_[f];
    auto& doc_ids = index.ids_[f];
    begin.reserve(patterns.size() + 1);
    for (const Pattern& p : patterns) {
      begin.push_back(static_cast<std::uint32_t>(doc_ids.size()));
      for (std::string& v : facet_values(p, facet)) {
        auto [it, inserted] = ids.try_emplace(v, static_cast<std::uint32_t>(values.size()));
        if (inserted) values.push_back(std::move(v));
        doc_ids.push_back(it->second);
      }
    }
    begin.push_back(static_cast<std::uint32_t>(doc_ids.size()));
    bool every = true;
    for (std::size_t d = 0; d + 1 < begin.size() && every; ++d) every = begin[d + 1] > begin[d];
    index.every_pattern_has_value_[f] = every;
    std::vector<std::uint32_t> order(values.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return values[a] < values[b]; });
    std::vector<std::uint32_t> rank(values.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) {
      rank[order[i]] = i;
      index.values_[f].push_back(std::move(values[order[i]]));
    }
    for (std::uint32_t& id : doc_ids) id = rank[id];
    bool single = true;
    for (std::size_t d = 0; d + 1 < begin.size() && single; ++d) single = begin[d + 1] - begin[d] <= 1;
    if (single) {
      index.single_[f].assign(patterns.size(), kNoValue);
      for (std::size_t d = 0; d + 1 < begin.size(); ++d)
        if (begin[d + 1] > begin[d]) index.single_[f][d] = doc_ids[begin[d]];
    }
  }
  index.introduced_.reserve(patterns.size());
  index.tier_.reserve(patterns.size());
  std::vector<std::string> title_key;
  title_key.reserve(patterns.size());
  for (const Pattern& p : patterns) {
    index.introduced_.push_back(p.introduced_key);
    index.tier_.push_back(static_cast<std::uint8_t>(p.tier));
    title_key.push_back(text::fold(p.title));
  }
  rank_titles(patterns, title_key, index.title_group_, index.title_rank_);
  auto& years = index.range_values_[static_cast<std::size_t>(RangeFacet::introduced)];
  auto& minutes = index.range_values_[static_cast<std::size_t>(RangeFacet::reading_time)];
  for (const Pattern& p : patterns) {
    years.push_back(p.introduced_key / 100);
    minutes.push_back(p.reading_minutes > 0 ? p.reading_minutes : 0);
  }
  return index;
}

}  // namespace patsel
