#include "params.hpp"

#include <algorithm>

#include "patsel/tree.hpp"

namespace patsel::detail {

Error bad_option(const std::string& path, const std::string& why) {
  return Error{"params.bad_option", path + ": " + why};
}

std::optional<Error> unknown_keys(const json& params, std::initializer_list<std::string_view> known) {
  for (auto it = params.begin(); it != params.end(); ++it) {
    bool found = false;
    for (std::string_view k : known) found = found || it.key() == k;
    if (!found) return Error{"params.unknown_option", "$." + it.key() + ": not an option of this call"};
  }
  return std::nullopt;
}

Result<std::vector<std::string>> strings_at(const json& value, const std::string& path) {
  if (!value.is_array()) return bad_option(path, "expected an array of strings");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (!value[i].is_string()) return bad_option(path + "[" + std::to_string(i) + "]", "expected a string");
    out.push_back(value[i].get<std::string>());
  }
  return out;
}

Result<std::vector<std::string>> string_list(const json& params, const std::string& key) {
  const json* value = member(params, key);
  if (!value) return std::vector<std::string>{};
  return strings_at(*value, "$." + key);
}

Result<std::string> string_option(const json& params, const std::string& key, const std::string& fallback) {
  const json* value = member(params, key);
  if (!value) return fallback;
  if (!value->is_string()) return bad_option("$." + key, "expected a string");
  return value->get<std::string>();
}

Result<long long> integer_option(const json& params, const std::string& key, long long fallback, long long min,
                                 long long max) {
  const json* value = member(params, key);
  if (!value) return fallback;
  if (!value->is_number_integer()) return bad_option("$." + key, "expected an integer");
  long long n = value->get<long long>();
  if (n < min || n > max)
    return bad_option("$." + key, std::to_string(n) + " is outside " + std::to_string(min) + ".." + std::to_string(max));
  return n;
}

Result<bool> bool_option(const json& params, const std::string& key, bool fallback) {
  const json* value = member(params, key);
  if (!value) return fallback;
  if (!value->is_boolean()) return bad_option("$." + key, "expected true or false");
  return value->get<bool>();
}

Result<std::vector<Tier>> tiers_at(const std::vector<std::string>& words, const std::string& path, TierWords accepted) {
  const bool levels = accepted == TierWords::levels;
  auto parsed = parse_words<Tier>(
      words, path,
      [&](const std::string& word) {
        auto tier = parse_tier(word);
        return levels && tier == Tier::unclassified ? std::nullopt : tier;
      },
      "a tier", levels ? name_list(kTreeLevels) : tier_names());
  if (!parsed) return parsed.error();
  std::vector<Tier> tiers;
  for (Tier tier : parsed.value())
    if (std::find(tiers.begin(), tiers.end(), tier) == tiers.end()) tiers.push_back(tier);
  return tiers;
}

Result<std::vector<Tier>> tier_list(const json& params, const std::string& key, std::vector<Tier> fallback,
                                    TierWords accepted) {
  if (!member(params, key)) return fallback;
  auto words = string_list(params, key);
  if (!words) return words.error();
  return tiers_at(words.value(), "$." + key, accepted);
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

Result<const Pattern*> optional_pattern_param(const Catalog& catalog, const json& params, const std::string& key) {
  if (!member(params, key)) return static_cast<const Pattern*>(nullptr);
  return pattern_param(catalog, params, key);
}

Result<const Pattern*> pattern_filter(const Catalog& catalog, const json& params) {
  if (auto error = unknown_keys(params, {"pattern"})) return *error;
  return optional_pattern_param(catalog, params, "pattern");
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

}  // namespace patsel::detail
