#pragma once
// What the api methods share: parameter readers that name the offending
// JSON path, and the signature every method has.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_util.hpp"
#include "patsel/catalog.hpp"

namespace patsel::api::detail {

using json = nlohmann::json;
using patsel::detail::member;

/// Everything a method may read: the catalog and what was built from it
/// when it loaded.
struct EngineState;

/// An api method: parameters in, a JSON result or an Error out.
using Method = Result<json> (*)(const EngineState& state, const json& params);

Error bad_option(const std::string& path, const std::string& why);

/// An error for the first key of `params` that is not in `known`.
std::optional<Error> unknown_keys(const json& params, std::initializer_list<std::string_view> known);

/// `params[key]` as a list of strings; absent gives an empty list.
Result<std::vector<std::string>> string_list(const json& params, const std::string& key);

/// `params[key]` as a string; absent gives `fallback`.
Result<std::string> string_option(const json& params, const std::string& key, const std::string& fallback);

/// `params[key]` as an integer in [min, max]; absent gives `fallback`.
Result<long long> integer_option(const json& params, const std::string& key, long long fallback, long long min,
                                 long long max);

/// The short form of a pattern used in lists and cards.
json pattern_summary(const Pattern& pattern);

}  // namespace patsel::api::detail
