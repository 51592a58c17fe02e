// api methods `info` and `list`.

#include "api_methods.hpp"
#include "engine_state.hpp"
#include "patsel/filter.hpp"

namespace patsel::api::detail {

Result<json> info(const EngineState& state, const json&) {
  const Catalog& catalog = state.catalog;
  json warnings = json::array();
  for (const Error& w : catalog.warnings()) warnings.push_back({{"code", w.code}, {"message", w.message}});
  return json{{"schema_version", catalog.schema_version()},
              {"content_hash", catalog.content_hash()},
              {"patterns", catalog.patterns().size()},
              {"warnings", warnings}};
}

Result<json> list(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"tiers", "categories"})) return *error;
  auto tiers = string_list(params, "tiers");
  if (!tiers) return tiers.error();
  auto categories = string_list(params, "categories");
  if (!categories) return categories.error();

  ListQuery query;
  query.categories = categories.value();
  for (std::size_t i = 0; i < tiers.value().size(); ++i) {
    auto tier = parse_tier(tiers.value()[i]);
    if (!tier)
      return bad_option("$.tiers[" + std::to_string(i) + "]",
                        "'" + tiers.value()[i] + "' is not a tier (gold, silver, bronze, unclassified)");
    query.tiers.push_back(*tier);
  }
  json patterns = json::array();
  for (const Pattern* p : patsel::list(state.catalog, query)) patterns.push_back(pattern_summary(*p));
  return json{{"total", patterns.size()}, {"patterns", std::move(patterns)}};
}

}  // namespace patsel::api::detail
