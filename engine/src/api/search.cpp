// Method `search`: full-text query, facet filters and counts, ranges,
// sorting and paging in one call, so the explorer redraws from one answer.

#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>
#include <cstdlib>

#include "json_writer.hpp"
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

void write_ranges(JsonWriter& out, const std::vector<ByteRange>& ranges) {
  out.begin_array();
  for (const ByteRange& r : ranges) out.begin_array().value(r.first).value(r.second).end_array();
  out.end_array();
}

void write_text_or_null(JsonWriter& out, const std::string& text) {
  if (text.empty())
    out.null();
  else
    out.value(text);
}

void write_number_or_null(JsonWriter& out, std::optional<int> number) {
  if (number)
    out.value(*number);
  else
    out.null();
}

// Only the members asked for, keys in sorted order (see json_writer.hpp):
// the matched terms and highlights are the costly part, computed only when
// wanted.
void write_hit(JsonWriter& out, const EngineState& state, const SearchResults& results, const ScoredDoc& scored,
               HitFields wanted) {
  const Pattern& p = state.catalog.patterns()[scored.doc];
  using F = HitField;
  std::optional<HitDetails> details;
  if (wanted(F::matched) || wanted(F::highlights)) details = state.search.explain(state.catalog, results, scored.doc);
  out.begin_object();
  if (wanted(F::aliases)) out.key("aliases").strings(p.aliases);
  if (wanted(F::category)) out.key("category").value(p.category);
  // What a result card shows besides the summary, and the names a reader may type.
  if (wanted(F::difficulty)) write_text_or_null(out.key("difficulty"), p.difficulty);
  if (wanted(F::domain)) out.key("domain").value(p.domain);
  if (wanted(F::highlights)) {
    out.key("highlights").begin_object();
    out.key("snippet").begin_object();
    write_ranges(out.key("ranges"), details->snippet_ranges);
    out.key("text").value(details->snippet);
    out.end_object();
    write_ranges(out.key("title"), details->title);
    out.end_object();
  }
  if (wanted(F::id)) out.key("id").value(p.id);
  if (wanted(F::introduced))
    write_number_or_null(out.key("introduced"), p.introduced_year ? std::optional<int>(p.introduced_year) : std::nullopt);
  if (wanted(F::layer)) out.key("layer").value(p.layer);
  if (wanted(F::matched)) {
    out.key("matched").begin_object().key("fields").begin_array();
    for (SearchField f : details->fields) out.value(to_string(f));
    out.end_array().key("terms").strings(details->terms).end_object();
  }
  if (wanted(F::score)) out.key("score").value(rounded(scored.score));
  if (wanted(F::status)) out.key("status").value(p.status);
  if (wanted(F::summary)) out.key("summary").value(p.summary);
  if (wanted(F::tags)) out.key("tags").strings(p.tags);
  if (wanted(F::tier)) out.key("tier").value(to_string(p.tier));
  if (wanted(F::title)) out.key("title").value(p.title);
  out.end_object();
}

// The facets counted, each once, by name (the order of an object's keys).
std::vector<std::pair<std::string_view, Facet>> by_name(const std::vector<Facet>& facets) {
  std::vector<std::pair<std::string_view, Facet>> named;
  for (Facet f : facets) named.emplace_back(to_string(f), f);
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  return named;
}

void write_facet_counts(JsonWriter& out, const SearchPage& page, const std::vector<Facet>& counted) {
  out.begin_object();
  for (const auto& [name, facet] : by_name(counted)) {
    out.key(name).begin_array();
    for (const FacetValueCount& v : page.filtered.counts[static_cast<std::size_t>(facet)])
      out.begin_object().key("count").value(v.count).key("selected").value(v.selected).key("value").value(v.value).end_object();
    out.end_array();
  }
  out.end_object();
}

void write_bounds(JsonWriter& out, const SearchPage& page) {
  std::vector<std::pair<std::string_view, std::size_t>> named;
  for (std::size_t r = 0; r < kRangeFacetCount; ++r) named.emplace_back(to_string(static_cast<RangeFacet>(r)), r);
  std::sort(named.begin(), named.end());
  out.begin_object();
  for (const auto& [name, r] : named) {
    const RangeBounds& b = page.filtered.bounds[r];
    out.key(name).begin_object();
    write_number_or_null(out.key("max"), b.max);
    write_number_or_null(out.key("min"), b.min);
    out.end_object();
  }
  out.end_object();
}

void write_query(JsonWriter& out, const std::string& text, const ParsedQuery& parsed, const SearchResults& results) {
  out.begin_object().key("ignored").begin_array();
  for (const IgnoredText& i : parsed.ignored) out.begin_object().key("reason").value(i.reason).key("text").value(i.text).end_object();
  out.end_array().key("relaxed").value(results.relaxed).key("terms").begin_array();
  for (const ClauseReport& c : results.clauses) {
    out.begin_object().key("excluded").value(c.excluded).key("expansions").strings(c.expansions).key("field");
    if (c.field)
      out.value(to_string(*c.field));
    else
      out.null();
    out.key("kind").value(c.kind == QueryPart::Kind::phrase ? "phrase" : "word");
    out.key("prefix").value(c.prefix).key("text").value(c.text).end_object();
  }
  out.end_array().key("text").value(text).end_object();
}

}  // namespace

Result<JsonText> search(const EngineState& state, const json& params) {
  if (auto error =
          unknown_keys(params, {"query", "filters", "ranges", "facets", "facet_limit", "facet_values", "sort", "limit", "offset",
                              "hit_fields", "matching"}))
    return *error;
  SearchPageRequest request;
  auto text = string_option(params, "query", "");
  if (!text) return text.error();
  request.query = text.value();
  if (member(params, "matching")) {
    auto name = string_option(params, "matching", "");
    if (!name) return name.error();
    auto matching = parse_matching(name.value());
    if (!matching) return bad_option("$.matching", "'" + name.value() + "' is not a matching (full, prefix)");
    request.matching = *matching;
  }
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

  const SearchPage page = search_page(state.search, state.facets, request);
  JsonText answer;
  const std::size_t hit_count = page.end > page.first ? page.end - page.first : 0;  // an offset past the end: none
  answer.text.reserve(4096 + 512 * hit_count);
  JsonWriter out(answer.text);
  out.begin_object();
  write_facet_counts(out.key("facets"), page, request.count);
  out.key("hits").begin_array();
  for (std::size_t i = page.first; i < page.end; ++i)
    write_hit(out, state, page.results, page.filtered.docs[i], hit_fields.value());
  out.end_array();
  out.key("offset").value(page.first);
  write_query(out.key("query"), request.query, page.parsed, page.results);
  write_bounds(out.key("ranges"), page);
  out.key("sort").value(to_string(page.sort));
  out.key("total").value(page.filtered.docs.size());
  out.end_object();
  return answer;
}

}  // namespace patsel::detail
