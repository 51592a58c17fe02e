// Methods over the catalog itself: `info`, `list` and `pattern`.

#include "methods.hpp"
#include "patsel/graph.hpp"
#include "patsel/list.hpp"

namespace patsel::detail {

Result<json> info(const EngineState& state, const json&) {
  const Catalog& catalog = state.catalog;
  return json{{"schema_version", catalog.schema_version()},
              {"content_hash", catalog.content_hash()},
              {"patterns", catalog.patterns().size()},
              {"scope", to_string(catalog.scope())},
              {"warnings", errors_json(catalog.warnings())}};
}

Result<json> list(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"tiers", "categories"})) return *error;
  auto tiers = tier_list(params, "tiers", {});
  if (!tiers) return tiers.error();
  auto categories = string_list(params, "categories");
  if (!categories) return categories.error();
  json patterns = json::array();
  for (const Pattern* p : patsel::list(state.catalog, {tiers.value(), categories.value()}))
    patterns.push_back(pattern_summary(*p));
  return json{{"total", patterns.size()}, {"patterns", std::move(patterns)}};
}

// The whole record, plus the title, tier and summary of every pattern it
// names, so a page can show "migrate to Saga (gold)" without loading more.
Result<json> pattern(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"id"})) return *error;
  auto id = string_option(params, "id", "");
  if (!id) return id.error();
  if (id.value().empty()) return bad_option("$.id", "the id of a pattern is required");
  const Pattern* p = state.catalog.find(id.value());
  if (!p) return Error{"pattern.not_found", "$.id: '" + id.value() + "' is not a pattern of this catalog"};
  json refs = json::object();
  for (const std::string& ref : referenced_ids(p->record()))
    if (const Pattern* other = state.catalog.find(ref); other && !refs.contains(ref))
      refs[ref] = {{"title", other->title}, {"tier", to_string(other->tier)}, {"summary", other->summary}};
  return json{{"pattern", p->record()}, {"refs", std::move(refs)}};
}

}  // namespace patsel::detail
