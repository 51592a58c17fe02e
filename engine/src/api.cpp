#include "patsel/api.hpp"

#include "json_util.hpp"
#include "patsel/filter.hpp"

namespace patsel::api {
namespace {

using detail::json;

Error bad_option(const std::string& path, const std::string& why) {
  return Error{"params.bad_option", path + ": " + why};
}

// Rejects keys the method does not know, so a typo is an error, not a no-op.
std::optional<Error> unknown_keys(const json& params, std::initializer_list<std::string_view> known) {
  for (auto it = params.begin(); it != params.end(); ++it) {
    bool found = false;
    for (std::string_view k : known) found = found || it.key() == k;
    if (!found) return Error{"params.unknown_option", "$." + it.key() + ": not an option of this call"};
  }
  return std::nullopt;
}

Result<std::vector<std::string>> string_list(const json& params, const std::string& key) {
  std::vector<std::string> out;
  const json* value = detail::member(params, key);
  if (!value) return out;
  if (!value->is_array()) return bad_option("$." + key, "expected an array of strings");
  for (std::size_t i = 0; i < value->size(); ++i) {
    if (!(*value)[i].is_string())
      return bad_option("$." + key + "[" + std::to_string(i) + "]", "expected a string");
    out.push_back((*value)[i].get<std::string>());
  }
  return out;
}

json pattern_summary(const Pattern& p) {
  return {{"id", p.id},           {"title", p.title},       {"summary", p.summary},
          {"tier", to_string(p.tier)}, {"category", p.category}, {"domain", p.domain},
          {"layer", p.layer},     {"status", p.status},     {"tags", p.tags}};
}

json info(const Catalog& catalog) {
  json warnings = json::array();
  for (const Error& w : catalog.warnings()) warnings.push_back({{"code", w.code}, {"message", w.message}});
  return {{"schema_version", catalog.schema_version()},
          {"content_hash", catalog.content_hash()},
          {"patterns", catalog.patterns().size()},
          {"warnings", warnings}};
}

Result<json> list(const Catalog& catalog, const json& params) {
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
  for (const Pattern* p : patsel::list(catalog, query)) patterns.push_back(pattern_summary(*p));
  return json{{"total", patterns.size()}, {"patterns", std::move(patterns)}};
}

}  // namespace

std::string Engine::load(std::string_view catalog_json) {
  auto catalog = Catalog::from_json(catalog_json);
  if (!catalog) return detail::error_envelope(catalog.error());
  catalog_ = std::make_unique<Catalog>(std::move(catalog).value());
  return detail::ok_envelope(info(*catalog_));
}

std::string Engine::call(std::string_view method, std::string_view params_json) const {
  if (!catalog_) return detail::error_envelope({"engine.not_loaded", "no catalog is loaded"});
  json params = json::object();
  if (!params_json.empty()) {
    auto parsed = detail::parse_json(params_json, "params");
    if (!parsed) return detail::error_envelope({"params.parse_error", parsed.error().message});
    if (!parsed.value().is_object())
      return detail::error_envelope({"params.bad_shape", "$: expected an object"});
    params = std::move(parsed).value();
  }
  Result<json> result = Error{"engine.unknown_method", "'" + std::string(method) + "' is not a method"};
  if (method == "info") result = info(*catalog_);
  if (method == "list") result = list(*catalog_, params);
  return result ? detail::ok_envelope(result.value()) : detail::error_envelope(result.error());
}

}  // namespace patsel::api
