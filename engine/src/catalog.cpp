#include "patsel/catalog.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>

#include "json_depth.hpp"
#include "json_spans.hpp"
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

// "2007-03" -> 200703, "1981" -> 198100; a bare integer year also works.
int introduced_key(const json& record) {
  const json* value = detail::member(record, "introduced");
  if (!value) return 0;
  if (value->is_number_integer()) {
    const long long year = value->get<long long>();
    return year > 0 && year < 10000 ? static_cast<int>(year) * 100 : 0;
  }
  if (!value->is_string()) return 0;
  const std::string& s = value->get_ref<const std::string&>();
  int year = 0, month = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), year);
  if (ec != std::errc() || end - s.data() != 4) return 0;
  if (end != s.data() + s.size() && *end == '-') {
    auto [mend, mec] = std::from_chars(end + 1, s.data() + s.size(), month);
    if (mec != std::errc() || month < 1 || month > 12) month = 0;
  }
  return year * 100 + month;
}

// The typed fields of a record; the record itself stays text.
Result<Pattern> read_pattern(const json& record, std::size_t index) {
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
  p.introduced_key = introduced_key(record);
  p.tagline = detail::string_or(record, "tagline");
  p.essential_question = detail::string_or(record, "essential_question");
  p.excerpt = detail::string_or(record, "excerpt");
  p.relevance = detail::string_or(record, "relevance");
  p.difficulty = detail::string_or(record, "difficulty");
  const json& complexity = detail::child(record, "implementation_complexity");
  p.effort = detail::string_or(complexity, "effort");
  p.team_size = detail::string_or(complexity, "team_size");
  p.when_to_use = detail::strings(record, "when_to_use");
  if (const json* list = detail::member(record, "implementations"); list && list->is_array())
    for (const json& item : *list) p.ecosystems.push_back(detail::string_or(item, "ecosystem"));
  return p;
}

// The record members read_pattern reads, and so all that search, list and
// info need of a record: keep the two in step (search_catalog_test checks
// that a search catalog gives every pattern the same typed fields).
constexpr const char* kSearchedMembers[] = {
    "id",      "title",      "tier",        "summary",  "category",   "domain",    "layer",
    "status",  "aliases",    "tags",        "introduced", "reading_time", "tagline", "essential_question",
    "excerpt", "relevance",  "difficulty",  "when_to_use"};

json search_record(const json& record) {
  json kept = json::object();
  for (const char* name : kSearchedMembers)
    if (const json* value = detail::member(record, name)) kept[name] = *value;
  if (const json* complexity = detail::member(record, "implementation_complexity"); complexity && complexity->is_object()) {
    json& cut = kept["implementation_complexity"] = json::object();
    for (const char* name : {"effort", "team_size"})
      if (const json* value = detail::member(*complexity, name)) cut[name] = *value;
  }
  if (const json* list = detail::member(record, "implementations"); list && list->is_array()) {
    json& cut = kept["implementations"] = json::array();
    for (const json& item : *list) {
      json& entry = cut.emplace_back(json::object());
      if (const json* ecosystem = detail::member(item, "ecosystem")) entry["ecosystem"] = *ecosystem;
    }
  }
  return kept;
}

Error too_large(std::size_t bytes, const CatalogLimits& limits) {
  return Error{"catalog.too_large", "catalog: " + std::to_string(bytes) + " bytes, more than the limit of " +
                                        std::to_string(limits.max_bytes) + " (load option max_catalog_bytes)"};
}

struct PatternsText {
  std::string_view text;
  bool starts_with_bracket = false;
};

// The top level of a catalog: every member but the patterns parsed (the
// last of a repeated key wins, as with nlohmann's parser), the patterns
// left as text. nullopt when it is not an object or a member does not parse.
struct Outline {
  json head = json::object();
  std::optional<PatternsText> patterns;
};

std::optional<Outline> read_outline(std::string_view text) {
  auto members = detail::object_members(text);
  if (!members) return std::nullopt;
  Outline outline;
  for (const detail::MemberSpan& member : *members) {
    std::string key(member.raw_key);
    if (key.find('\\') != std::string::npos) {  // an escaped key: let the parser decode it
      json decoded = json::parse("\"" + key + "\"", nullptr, /*allow_exceptions=*/false);
      if (!decoded.is_string()) return std::nullopt;
      key = decoded.get<std::string>();
    }
    if (key == "patterns") {
      outline.patterns = PatternsText{member.value, member.value.front() == '['};
      continue;
    }
    json value = json::parse(member.value, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) return std::nullopt;
    outline.head[key] = std::move(value);
  }
  return outline;
}

}  // namespace

const nlohmann::json& Pattern::record() const {
  static const json no_record = json::object();
  return source ? source->get() : no_record;
}

const nlohmann::json& detail::LazyRecord::get() const {
  // The same bytes parsed at load, so this cannot fail.
  std::call_once(parsed_, [this] { value_ = json::parse(text_); });
  return value_;
}

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

Result<Catalog> Catalog::from_json(std::string_view text, const CatalogLimits& limits, RecordText records) {
  if (text.size() > limits.max_bytes) return too_large(text.size(), limits);
  return from_owned_json(std::string(text), limits, records);
}

Result<Catalog> Catalog::from_owned_json(std::string owned, const CatalogLimits& limits, RecordText records) {
  if (owned.size() > limits.max_bytes) return too_large(owned.size(), limits);
  if (auto path = detail::too_deep(owned, limits.max_depth))
    return Error{"catalog.too_deep", *path + ": nested deeper than " + std::to_string(limits.max_depth) +
                                         " levels (load option max_depth)"};
  auto text = std::make_shared<const std::string>(std::move(owned));
  auto outline = read_outline(*text);
  if (!outline) {
    // Not valid JSON (the parser names where), not an object, or valid in
    // a way the outline does not follow (a byte order mark): then its
    // compact form is.
    auto parsed = detail::parse_json(*text, "catalog");
    if (!parsed) return Error{"catalog.parse_error", parsed.error().message};
    if (!parsed.value().is_object()) return Error{"catalog.bad_shape", "$: expected an object"};
    text = std::make_shared<const std::string>(parsed.value().dump());
    outline = read_outline(*text);
    if (!outline) return Error{"catalog.parse_error", "catalog: not valid JSON"};
  }
  // Records are parsed one at a time below; a text that is not valid JSON
  // further on is still a parse error, whatever else is wrong with it.
  auto invalid_or = [&text](Error error) -> Error {
    auto parsed = detail::parse_json(*text, "catalog");
    return parsed ? std::move(error) : Error{"catalog.parse_error", parsed.error().message};
  };

  Catalog catalog;
  const json& head = outline->head;
  auto version = detail::integer(head, "schema_version");
  if (!version) return invalid_or({"catalog.bad_shape", "$.schema_version: missing or not an integer"});
  if (*version < 1)
    return invalid_or({"catalog.bad_shape", "$.schema_version: " + std::to_string(*version) +
                                                " is not a schema version (they start at 1)"});
  if (*version > kSchemaVersion)
    return invalid_or({"catalog.schema_too_new", "$.schema_version: catalog is version " + std::to_string(*version) +
                                                     ", this engine reads up to " + std::to_string(kSchemaVersion)});
  catalog.schema_version_ = static_cast<int>(*version);
  catalog.content_hash_ = detail::string_or(head, "content_hash");
  if (const json* scope = detail::member(head, "scope")) {
    if (*scope == "search")
      catalog.scope_ = Scope::search;
    else if (*scope != "full")
      return invalid_or({"catalog.bad_shape", "$.scope: " + scope->dump() + " is not a scope (full, search)"});
  }
  for (auto& [key, value] : outline->head.items()) {
    if (value.is_array()) {
      catalog.sections_[key] = std::move(value);
    } else if (std::find(std::begin(kSections), std::end(kSections), key) != std::end(kSections)) {
      // A section the engine reads, of the wrong type: as if absent, but said.
      catalog.warnings_.push_back(Error{"catalog.bad_section", "$." + key + ": expected a list, not " +
                                                                  std::string(value.type_name()) + "; ignored"});
    }
  }

  if (!outline->patterns || !outline->patterns->starts_with_bracket)
    return invalid_or({"catalog.bad_shape", "$.patterns: missing or not an array"});
  const bool keep_text = records == RecordText::keep || catalog.scope_ != Scope::search;
  auto texts = detail::array_elements(outline->patterns->text);
  if (!texts) return invalid_or({"catalog.parse_error", "catalog: $.patterns is not a valid list"});
  catalog.patterns_.reserve(texts->size());
  for (std::size_t i = 0; i < texts->size(); ++i) {
    const std::string_view record_text = (*texts)[i];
    const json record = json::parse(record_text, nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded())
      return invalid_or({"catalog.parse_error", "catalog: $.patterns[" + std::to_string(i) + "] is not valid JSON"});
    // A bad record is skipped and reported; the rest of the catalog stays usable.
    auto pattern = read_pattern(record, i);
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
    if (keep_text) pattern.value().source = std::make_shared<const detail::LazyRecord>(text, record_text);
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

std::string_view to_string(Scope scope) { return scope == Scope::search ? "search" : "full"; }

nlohmann::json search_catalog(const Catalog& catalog) {
  json patterns = json::array();
  for (const Pattern& p : catalog.patterns()) patterns.push_back(search_record(p.record()));
  return json{{"content_hash", catalog.content_hash()},
              {"patterns", std::move(patterns)},
              {"schema_version", catalog.schema_version()},
              {"scope", to_string(Scope::search)},
              {"synonyms", catalog.section("synonyms")}};
}

}  // namespace patsel
