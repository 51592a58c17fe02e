// Method `search`: full-text query, facet filters and counts, ranges,
// sorting and paging in one call, so the explorer redraws from one answer.

#include <array>
#include <bitset>
#include <cmath>
#include <cstdlib>

#include "methods.hpp"
#include "patsel/search_page.hpp"

namespace patsel::detail {
namespace {

constexpr long long kMaxLimit = 1000;

std::string facet_names() {
  std::vector<std::string_view> names;
  for (std::size_t f = 0; f < kFacetCount; ++f) names.push_back(to_string(static_cast<Facet>(f)));
  return name_list(names);
}

std::string sort_names() {
  std::vector<std::string_view> names;
  for (SortOrder o : {SortOrder::relevance, SortOrder::tier, SortOrder::title, SortOrder::introduced_newest,
                      SortOrder::introduced_oldest, SortOrder::reading_time})
    names.push_back(to_string(o));
  return name_list(names);
}

// `params[key]`, an object of facet: [values], handed facet by facet to
// `take(facet, values, path)`, which may refuse a value.
template <typename Take>
std::optional<Error> read_facet_lists(const json& params, const std::string& key, Take take) {
  const json* lists = member(params, key);
  if (!lists) return std::nullopt;
  if (!lists->is_object()) return bad_option("$." + key, "expected an object of facet: [values]");
  for (auto it = lists->begin(); it != lists->end(); ++it) {
    const std::string path = "$." + key + "." + it.key();
    auto facet = parse_facet(it.key());
    if (!facet) return bad_option(path, "not a facet (" + facet_names() + ")");
    auto values = strings_at(it.value(), path);
    if (!values) return values.error();
    if (auto error = take(*facet, std::move(values).value(), path)) return error;
  }
  return std::nullopt;
}

std::optional<Error> read_filters(const json& params, FacetSelection& selection) {
  return read_facet_lists(params, "filters", [&](Facet facet, std::vector<std::string> values, const std::string& path)
                                                  -> std::optional<Error> {
    if (facet == Facet::tier)
      if (auto tiers = tiers_at(values, path); !tiers) return tiers.error();
    selection.values[static_cast<std::size_t>(facet)] = std::move(values);
    return std::nullopt;
  });
}

std::optional<Error> read_ranges(const json& params, FacetSelection& selection) {
  const json* ranges = member(params, "ranges");
  if (!ranges) return std::nullopt;
  if (!ranges->is_object()) return bad_option("$.ranges", "expected an object of name: [min, max]");
  for (auto it = ranges->begin(); it != ranges->end(); ++it) {
    const std::string path = "$.ranges." + it.key();
    auto facet = parse_range_facet(it.key());
    if (!facet) return bad_option(path, "not a range (introduced, reading_time)");
    const json& value = it.value();
    const auto bound = [](const json& v) { return v.is_null() || (v.is_number_integer() && std::llabs(v.get<long long>()) < 1000000); };
    if (!value.is_array() || value.size() != 2 || !bound(value[0]) || !bound(value[1]))
      return bad_option(path, "expected [min, max] with integers or null for an open end");
    Range& range = selection.ranges[static_cast<std::size_t>(*facet)];
    if (!value[0].is_null()) range.min = static_cast<int>(value[0].get<long long>());
    if (!value[1].is_null()) range.max = static_cast<int>(value[1].get<long long>());
    if (range.min && range.max && *range.min > *range.max)
      return bad_option(path, "min " + std::to_string(*range.min) + " is above max " + std::to_string(*range.max));
  }
  return std::nullopt;
}

std::optional<Error> read_facet_values(const json& params, FacetListing& listing) {
  return read_facet_lists(params, "facet_values", [&](Facet facet, std::vector<std::string> values, const std::string&)
                                                       -> std::optional<Error> {
    listing.values[static_cast<std::size_t>(facet)] = std::move(values);
    return std::nullopt;
  });
}

Result<std::vector<Facet>> read_facets(const json& params) {
  std::vector<Facet> out;
  const json* facets = member(params, "facets");
  if (!facets) {
    for (std::size_t f = 0; f < kFacetCount; ++f) out.push_back(static_cast<Facet>(f));
    return out;
  }
  auto names = strings_at(*facets, "$.facets");
  if (!names) return names.error();
  return parse_words<Facet>(names.value(), "$.facets", parse_facet, "a facet", facet_names());
}

// The members a hit can carry; `hit_fields` picks some, so a view gets only
// what it shows (docs/search.md).
enum class HitField { id, title, summary, tier, category, domain, layer, status, tags, difficulty, introduced, aliases,
                      score, matched, highlights, count };
constexpr std::array<std::string_view, static_cast<std::size_t>(HitField::count)> kHitFieldNames = {
    "id",   "title",      "summary",    "tier",    "category", "domain",  "layer",     "status",
    "tags", "difficulty", "introduced", "aliases", "score",    "matched", "highlights"};

struct HitFields {
  std::bitset<kHitFieldNames.size()> bits;
  bool operator()(HitField f) const { return bits.test(static_cast<std::size_t>(f)); }
};

std::optional<std::size_t> hit_field_index(const std::string& name) {
  for (std::size_t i = 0; i < kHitFieldNames.size(); ++i)
    if (kHitFieldNames[i] == name) return i;
  return std::nullopt;
}

Result<HitFields> read_hit_fields(const json& params) {
  HitFields fields;
  const json* asked = member(params, "hit_fields");
  if (!asked) {
    fields.bits.set();
    return fields;
  }
  auto names = strings_at(*asked, "$.hit_fields");
  if (!names) return names.error();
  const std::string allowed = name_list(std::vector<std::string_view>(kHitFieldNames.begin(), kHitFieldNames.end()));
  auto indexes = parse_words<std::size_t>(names.value(), "$.hit_fields", hit_field_index, "a member of a hit", allowed);
  if (!indexes) return indexes.error();
  for (std::size_t i : indexes.value()) fields.bits.set(i);
  return fields;
}

// Scores are rounded so that printing them cannot differ between targets.
double rounded(double score) { return std::round(score * 10000.0) / 10000.0; }

json ranges_json(const std::vector<ByteRange>& ranges) {
  json out = json::array();
  for (const ByteRange& r : ranges) {
    json& pair = out.emplace_back(json::array());
    pair.push_back(r.first);
    pair.push_back(r.second);
  }
  return out;
}

// Built member by member (nlohmann's initializer lists copy each value), and
// only the members asked for: the matched terms and highlights are the
// costly part, computed only when wanted.
json hit_json(const EngineState& state, const SearchResults& results, const ScoredDoc& scored, HitFields wanted) {
  const Pattern& p = state.catalog.patterns()[scored.doc];
  json hit = json::object();
  using F = HitField;
  if (wanted(F::id)) hit["id"] = p.id;
  if (wanted(F::title)) hit["title"] = p.title;
  if (wanted(F::summary)) hit["summary"] = p.summary;
  if (wanted(F::tier)) hit["tier"] = to_string(p.tier);
  if (wanted(F::category)) hit["category"] = p.category;
  if (wanted(F::domain)) hit["domain"] = p.domain;
  if (wanted(F::layer)) hit["layer"] = p.layer;
  if (wanted(F::status)) hit["status"] = p.status;
  if (wanted(F::tags)) hit["tags"] = p.tags;
  // What a result card shows besides the summary, and the names a reader may type.
  if (wanted(F::difficulty)) {
    hit["difficulty"] = p.difficulty.empty() ? json(nullptr) : json(p.difficulty);
  }
  if (wanted(F::introduced)) hit["introduced"] = p.introduced_year ? json(p.introduced_year) : json(nullptr);
  if (wanted(F::aliases)) hit["aliases"] = p.aliases;
  if (wanted(F::score)) hit["score"] = rounded(scored.score);
  if (!wanted(F::matched) && !wanted(F::highlights)) return hit;
  HitDetails details = state.search.explain(state.catalog, results, scored.doc);
  if (wanted(F::matched)) {
    json& matched = hit["matched"];
    json& fields = matched["fields"] = json::array();
    for (SearchField f : details.fields) fields.push_back(to_string(f));
    matched["terms"] = std::move(details.terms);
  }
  if (wanted(F::highlights)) {
    json& highlights = hit["highlights"];
    highlights["title"] = ranges_json(details.title);
    json& snippet = highlights["snippet"];
    snippet["text"] = std::move(details.snippet);
    snippet["ranges"] = ranges_json(details.snippet_ranges);
  }
  return hit;
}

json query_json(const std::string& text, const ParsedQuery& parsed, const SearchResults& results) {
  json terms = json::array();
  for (const ClauseReport& c : results.clauses) {
    terms.push_back({{"text", c.text},
                     {"kind", c.kind == QueryPart::Kind::phrase ? "phrase" : "word"},
                     {"field", c.field ? json(to_string(*c.field)) : json(nullptr)},
                     {"excluded", c.excluded},
                     {"prefix", c.prefix},
                     {"expansions", c.expansions}});
  }
  json ignored = json::array();
  for (const IgnoredText& i : parsed.ignored) ignored.push_back({{"text", i.text}, {"reason", i.reason}});
  return {{"text", text}, {"terms", std::move(terms)}, {"ignored", std::move(ignored)}, {"relaxed", results.relaxed}};
}

}  // namespace

Result<json> search(const EngineState& state, const json& params) {
  if (auto error =
          unknown_keys(params, {"query", "filters", "ranges", "facets", "facet_limit", "facet_values", "sort", "limit", "offset",
                              "hit_fields"}))
    return *error;
  SearchPageRequest request;
  auto text = string_option(params, "query", "");
  if (!text) return text.error();
  request.query = text.value();
  if (auto error = read_filters(params, request.selection)) return *error;
  if (auto error = read_ranges(params, request.selection)) return *error;
  if (auto error = read_facet_values(params, request.listing)) return *error;
  auto facets = read_facets(params);
  if (!facets) return facets.error();
  request.count = facets.value();
  auto limit = integer_option(params, "limit", 20, 0, kMaxLimit);
  if (!limit) return limit.error();
  request.limit = static_cast<std::size_t>(limit.value());
  auto offset = integer_option(params, "offset", 0, 0, 1000000000);
  if (!offset) return offset.error();
  request.offset = static_cast<std::size_t>(offset.value());
  auto facet_limit = integer_option(params, "facet_limit", 100, 1, 100000);
  if (!facet_limit) return facet_limit.error();
  request.facet_limit = static_cast<std::size_t>(facet_limit.value());
  if (member(params, "sort")) {
    auto sort_name = string_option(params, "sort", "");
    if (!sort_name) return sort_name.error();
    request.sort = parse_sort_order(sort_name.value());
    if (!request.sort)
      return bad_option("$.sort", "'" + sort_name.value() + "' is not an order (" + sort_names() + ")");
  }

  auto hit_fields = read_hit_fields(params);
  if (!hit_fields) return hit_fields.error();

  const SearchPage page = search_page(state.catalog, state.search, state.facets, request);
  json hits = json::array();
  for (std::size_t i = page.first; i < page.end; ++i)
    hits.push_back(hit_json(state, page.results, page.filtered.docs[i], hit_fields.value()));
  json facet_counts = json::object();
  for (Facet f : request.count) {
    json values = json::array();
    const auto& counts = page.filtered.counts[static_cast<std::size_t>(f)];
    values.get_ref<json::array_t&>().reserve(counts.size());
    for (const FacetValueCount& v : counts) {
      json& value = values.emplace_back(json::object());
      value["value"] = v.value;
      value["count"] = v.count;
      value["selected"] = v.selected;
    }
    facet_counts[std::string(to_string(f))] = std::move(values);
  }
  json bounds = json::object();
  for (std::size_t r = 0; r < kRangeFacetCount; ++r) {
    const RangeBounds& b = page.filtered.bounds[r];
    bounds[std::string(to_string(static_cast<RangeFacet>(r)))] = {{"min", b.min ? json(*b.min) : json(nullptr)},
                                                                   {"max", b.max ? json(*b.max) : json(nullptr)}};
  }
  return json{{"total", page.filtered.docs.size()}, {"offset", page.first},  {"sort", to_string(page.sort)},
              {"hits", std::move(hits)},             {"facets", std::move(facet_counts)}, {"ranges", std::move(bounds)},
              {"query", query_json(request.query, page.parsed, page.results)}};
}

}  // namespace patsel::detail
