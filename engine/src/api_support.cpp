#include "api_support.hpp"

namespace patsel::api::detail {

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

Result<std::vector<std::string>> string_list(const json& params, const std::string& key) {
  std::vector<std::string> out;
  const json* value = member(params, key);
  if (!value) return out;
  if (!value->is_array()) return bad_option("$." + key, "expected an array of strings");
  for (std::size_t i = 0; i < value->size(); ++i) {
    if (!(*value)[i].is_string()) return bad_option("$." + key + "[" + std::to_string(i) + "]", "expected a string");
    out.push_back((*value)[i].get<std::string>());
  }
  return out;
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

json pattern_summary(const Pattern& p) {
  // Member by member: nlohmann's initializer lists copy every value twice.
  json summary = json::object();
  summary["id"] = p.id;
  summary["title"] = p.title;
  summary["summary"] = p.summary;
  summary["tier"] = to_string(p.tier);
  summary["category"] = p.category;
  summary["domain"] = p.domain;
  summary["layer"] = p.layer;
  summary["status"] = p.status;
  summary["tags"] = p.tags;
  return summary;
}

}  // namespace patsel::api::detail
