// api method `pattern`: one pattern's whole record, plus the title, tier
// and summary of every pattern it refers to, so a page can show "migrate to
// Saga (gold)" without loading anything else.

#include "api_methods.hpp"
#include "engine_state.hpp"

namespace patsel::api::detail {
namespace {

void collect(const json& value, const char* key, std::vector<std::string>& ids) {
  if (value.is_array()) {
    for (const json& item : value) {
      if (item.is_string()) ids.push_back(item.get<std::string>());
      else if (const json* id = member(item, key); id && id->is_string()) ids.push_back(id->get<std::string>());
    }
  }
}

// The places a record names other patterns (docs/catalog-schema.md).
std::vector<std::string> referenced_ids(const json& record) {
  std::vector<std::string> ids;
  for (const char* list : {"related", "alternatives", "modern_alternatives"})
    if (const json* value = member(record, list)) collect(*value, "pattern", ids);
  struct Nested {
    const char* block;
    const char* lists[2];
  };
  static constexpr Nested kNested[] = {{"migration_paths", {"from", "to"}},
                                       {"pattern_combinations", {"commonly_used_with", "anti_patterns"}},
                                       {"evolution", {"from", "to"}}};
  for (const Nested& nested : kNested)
    if (const json* value = member(record, nested.block))
      for (const char* list : nested.lists)
        if (const json* items = member(*value, list)) collect(*items, "pattern", ids);
  return ids;
}

}  // namespace

Result<json> pattern(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"id"})) return *error;
  auto id = string_option(params, "id", "");
  if (!id) return id.error();
  if (id.value().empty()) return bad_option("$.id", "the id of a pattern is required");
  const Pattern* p = state.catalog.find(id.value());
  if (!p) return Error{"pattern.not_found", "$.id: '" + id.value() + "' is not a pattern of this catalog"};
  json refs = json::object();
  for (const std::string& ref : referenced_ids(p->data))
    if (const Pattern* other = state.catalog.find(ref); other && !refs.contains(ref))
      refs[ref] = {{"title", other->title}, {"tier", to_string(other->tier)}, {"summary", other->summary}};
  return json{{"pattern", p->data}, {"refs", std::move(refs)}};
}

}  // namespace patsel::api::detail
