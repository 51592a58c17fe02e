#include "patsel/catalog.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>

#include "json_depth.hpp"
#include "json_util.hpp"
#include "name_list.hpp"

namespace patsel {
namespace {

using detail::json;

// The catalog-level sections the engine reads (each a list).
constexpr std::string_view kSections[] = {"avoid",        "cards",    "complexity", "compositions", "dependencies",
                                          "families",     "laws",     "paths",      "pillars",      "problems",
                                          "profile",      "rules",    "synonyms",   "trees"};

int leading_year(const std::string& date) {  // "2012-03" or "2012" -> 2012
  int year = 0;
  auto [end, ec] = std::from_chars(date.data(), date.data() + date.size(), year);
  return ec == std::errc() && end - date.data() == 4 ? year : 0;
}

// On success the record moves into the pattern (no second copy of the catalog).
Result<Pattern> read_pattern(json& record, std::size_t index) {
  const std::string where = "$.patterns[" + std::to_string(index) + "]";
  if (!record.is_object())
    return Error{"catalog.bad_pattern", where + ": expected an object"};
  Pattern p;
  p.id = detail::string_or(record, "id");
  p.title = detail::string_or(record, "title");
  if (p.id.empty()) return Error{"catalog.bad_pattern", where + ".id: missing or not a string"};
  if (p.title.empty())
    return Error{"catalog.bad_pattern", where + ".title: missing or not a string"};
  const json* tier_value = detail::member(record, "tier");
  if (tier_value && tier_value->is_null()) tier_value = nullptr;  // null: no tier given
  auto tier = parse_tier(tier_value ? detail::string_or(record, "tier") : "unclassified");
  if (!tier)
    return Error{"catalog.bad_pattern",
                 where + ".tier: " + (tier_value->is_string() ? "'" + tier_value->get<std::string>() + "'" : tier_value->dump()) +
                     " is not a tier (" + tier_names() + ")"};
  p.tier = *tier;
  p.summary = detail::string_or(record, "summary");
  p.category = detail::string_or(record, "category");
  p.domain = detail::string_or(record, "domain");
  p.layer = detail::string_or(record, "layer");
  p.status = detail::string_or(record, "status");
  p.aliases = detail::strings(record, "aliases");
  p.tags = detail::strings(record, "tags");
  p.introduced_year = leading_year(detail::string_or(record, "introduced"));
  p.reading_minutes = static_cast<int>(detail::integer(record, "reading_time").value_or(0));
  p.data = std::move(record);
  return p;
}

}  // namespace

std::string_view to_string(Tier tier) {
  switch (tier) {
    case Tier::gold: return "gold";
    case Tier::silver: return "silver";
    case Tier::bronze: return "bronze";
    case Tier::unclassified: break;
  }
  return "unclassified";
}

std::optional<Tier> parse_tier(std::string_view word) {
  for (Tier tier : {Tier::gold, Tier::silver, Tier::bronze, Tier::unclassified})
    if (word == to_string(tier)) return tier;
  return std::nullopt;
}

std::string tier_names() {
  std::vector<std::string_view> names;
  for (Tier tier : {Tier::gold, Tier::silver, Tier::bronze, Tier::unclassified}) names.push_back(to_string(tier));
  return detail::name_list(names);
}

Result<Catalog> Catalog::from_json(std::string_view text, const CatalogLimits& limits) {
  if (text.size() > limits.max_bytes)
    return Error{"catalog.too_large", "catalog: " + std::to_string(text.size()) + " bytes, more than the limit of " +
                                          std::to_string(limits.max_bytes) + " (load option max_catalog_bytes)"};
  if (auto path = detail::too_deep(text, limits.max_depth))
    return Error{"catalog.too_deep", *path + ": nested deeper than " + std::to_string(limits.max_depth) +
                                         " levels (load option max_depth)"};
  auto parsed = detail::parse_json(text, "catalog");
  if (!parsed) return Error{"catalog.parse_error", parsed.error().message};
  json& doc = parsed.value();
  if (!doc.is_object()) return Error{"catalog.bad_shape", "$: expected an object"};

  Catalog catalog;
  auto version = detail::integer(doc, "schema_version");
  if (!version) return Error{"catalog.bad_shape", "$.schema_version: missing or not an integer"};
  if (*version < 1)
    return Error{"catalog.bad_shape", "$.schema_version: " + std::to_string(*version) +
                                          " is not a schema version (they start at 1)"};
  if (*version > kSchemaVersion)
    return Error{"catalog.schema_too_new",
                 "$.schema_version: catalog is version " + std::to_string(*version) +
                     ", this engine reads up to " + std::to_string(kSchemaVersion)};
  catalog.schema_version_ = static_cast<int>(*version);
  catalog.content_hash_ = detail::string_or(doc, "content_hash");

  for (auto it = doc.begin(); it != doc.end(); ++it) {
    if (it.key() != "patterns" && it.value().is_array()) {
      catalog.sections_[it.key()] = std::move(it.value());
    } else if (std::find(std::begin(kSections), std::end(kSections), it.key()) != std::end(kSections)) {
      // A section the engine reads, of the wrong type: as if absent, but said.
      catalog.warnings_.push_back(Error{"catalog.bad_section", "$." + it.key() + ": expected a list, not " +
                                                                  std::string(it.value().type_name()) + "; ignored"});
    }
  }

  auto patterns_member = doc.find("patterns");
  json* patterns = patterns_member == doc.end() ? nullptr : &*patterns_member;
  if (!patterns || !patterns->is_array())
    return Error{"catalog.bad_shape", "$.patterns: missing or not an array"};
  catalog.patterns_.reserve(patterns->size());
  for (std::size_t i = 0; i < patterns->size(); ++i) {
    // A bad record is skipped and reported; the rest of the catalog stays usable.
    auto pattern = read_pattern((*patterns)[i], i);
    if (!pattern) {
      catalog.warnings_.push_back(pattern.error());
      continue;
    }
    const std::string& id = pattern.value().id;
    if (!catalog.by_id_.emplace(id, catalog.patterns_.size()).second) {
      catalog.warnings_.push_back(Error{
          "catalog.duplicate_id",
          "$.patterns[" + std::to_string(i) + "].id: '" + id + "' appears twice; kept the first"});
      continue;
    }
    catalog.patterns_.push_back(std::move(pattern).value());
  }
  return catalog;
}

const nlohmann::json& Catalog::section(std::string_view name) const {
  static const json empty = json::array();
  const json* value = detail::member(sections_, name);
  return value ? *value : empty;
}

const Pattern* Catalog::find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &patterns_[it->second];
}

}  // namespace patsel
