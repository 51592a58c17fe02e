#pragma once
// Non-throwing accessors over nlohmann::json. The engine never calls the
// throwing ones (at(), get<T>() on a wrong type), so a malformed catalog
// becomes an error value, not an abort in the exception-free wasm build.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "patsel/result.hpp"

namespace patsel::detail {

using json = nlohmann::json;

/// The member `key` of `object`, or nullptr when absent or not an object.
inline const json* member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

/// The member `key` of `object`, or a null value when absent: for walking
/// nested blocks (`child(child(p, "migration_paths"), "to")`) without checks
/// at every level.
inline const json& child(const json& object, std::string_view key) {
  static const json null;
  const json* value = member(object, key);
  return value ? *value : null;
}

inline std::string string_or(const json& object, std::string_view key,
                             std::string fallback = {}) {
  const json* value = member(object, key);
  return value && value->is_string() ? value->get_ref<const std::string&>() : fallback;
}

inline std::optional<long long> integer(const json& object, std::string_view key) {
  const json* value = member(object, key);
  if (!value || !value->is_number_integer()) return std::nullopt;
  return value->get<long long>();
}

/// String elements of the array `key`; other elements are skipped.
inline std::vector<std::string> strings(const json& object, std::string_view key) {
  std::vector<std::string> out;
  const json* value = member(object, key);
  if (!value || !value->is_array()) return out;
  for (const json& item : *value)
    if (item.is_string()) out.push_back(item.get_ref<const std::string&>());
  return out;
}

/// Parses JSON text without exceptions. On failure the error names the line
/// and column; `what` says what was being parsed ("catalog", "params").
Result<json> parse_json(std::string_view text, std::string_view what);

}  // namespace patsel::detail
