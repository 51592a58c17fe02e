#include "api_reasoning_support.hpp"

#include <algorithm>

namespace patsel::api::detail {

json pattern_ref(const Pattern& p) {
  return {{"pattern", p.id}, {"title", p.title}, {"tier", to_string(p.tier)}};
}

json pattern_refs(const std::vector<const Pattern*>& patterns) {
  json out = json::array();
  for (const Pattern* p : patterns) out.push_back(pattern_ref(*p));
  return out;
}

json pattern_refs(const Catalog& catalog, const std::vector<std::string>& ids) {
  json out = json::array();
  for (const std::string& id : ids)
    if (const Pattern* p = catalog.find(id)) out.push_back(pattern_ref(*p));
  return out;
}

json error_json(const Error& error) { return {{"code", error.code}, {"message", error.message}}; }

json errors_json(const std::vector<Error>& errors) {
  json out = json::array();
  for (const Error& e : errors) out.push_back(error_json(e));
  return out;
}

Result<std::vector<Tier>> tier_list(const json& params, const std::string& key, std::vector<Tier> fallback,
                                    bool levels_only) {
  if (!member(params, key)) return fallback;
  auto words = string_list(params, key);
  if (!words) return words.error();
  std::vector<Tier> tiers;
  for (std::size_t i = 0; i < words.value().size(); ++i) {
    auto tier = parse_tier(words.value()[i]);
    if (!tier || (levels_only && *tier == Tier::unclassified))
      return bad_option("$." + key + "[" + std::to_string(i) + "]",
                        "'" + words.value()[i] + "' is not a tier (" +
                            (levels_only ? "gold, silver, bronze" : "gold, silver, bronze, unclassified") + ")");
    if (std::find(tiers.begin(), tiers.end(), *tier) == tiers.end()) tiers.push_back(*tier);
  }
  return tiers;
}

namespace {

Result<const Pattern*> find_pattern(const Catalog& catalog, const std::string& id, const std::string& path) {
  if (const Pattern* p = catalog.find(id)) return p;
  return Error{"params.unknown_pattern", path + ": '" + id + "' is not a pattern of the catalog"};
}

}  // namespace

Result<const Pattern*> pattern_param(const Catalog& catalog, const json& params, const std::string& key) {
  const json* value = member(params, key);
  if (!value || !value->is_string()) return bad_option("$." + key, "expected a pattern id");
  return find_pattern(catalog, value->get<std::string>(), "$." + key);
}

Result<std::vector<const Pattern*>> pattern_list_param(const Catalog& catalog, const json& params,
                                                       const std::string& key, std::size_t min, std::size_t max) {
  if (!member(params, key)) return bad_option("$." + key, "expected a list of pattern ids");
  auto ids = string_list(params, key);
  if (!ids) return ids.error();
  const std::size_t n = ids.value().size();
  if (n < min || n > max)
    return bad_option("$." + key, std::to_string(n) + (n == 1 ? " pattern" : " patterns") + " given; expected " +
                                      (min == max ? std::to_string(min)
                                                  : std::to_string(min) + " to " + std::to_string(max)));
  std::vector<const Pattern*> out;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string path = "$." + key + "[" + std::to_string(i) + "]";
    auto p = find_pattern(catalog, ids.value()[i], path);
    if (!p) return p.error();
    if (std::find(out.begin(), out.end(), p.value()) != out.end())
      return bad_option(path, "'" + ids.value()[i] + "' is given twice");
    out.push_back(p.value());
  }
  return out;
}

Result<bool> bool_option(const json& params, const std::string& key, bool fallback) {
  const json* value = member(params, key);
  if (!value) return fallback;
  if (!value->is_boolean()) return bad_option("$." + key, "expected true or false");
  return value->get<bool>();
}

json complexity_json(const ComplexityEstimate& estimate) {
  json patterns = json::array();
  for (const PatternEffort& e : estimate.patterns) {
    json item = pattern_ref(*e.pattern);
    item["complexity"] = e.complexity;
    item["time_to_implement"] = e.time_to_implement;
    item["maintenance"] = e.maintenance;
    item["team_size"] = e.team_size;
    patterns.push_back(std::move(item));
  }
  json by_level = json::object();
  for (const auto& [level, count] : estimate.by_level) by_level[level] = count;
  return {{"overall", estimate.overall},     {"points", estimate.points},       {"by_level", by_level},
          {"longest", estimate.longest},     {"maintenance", estimate.maintenance}, {"team_size", estimate.team_size},
          {"patterns", std::move(patterns)}, {"unknown", estimate.unknown}};
}

}  // namespace patsel::api::detail
