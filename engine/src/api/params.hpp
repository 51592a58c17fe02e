#pragma once
// The one reader of method params. Every adapter reads its options through
// these functions, so a wrong value gets the same message everywhere,
// naming its JSON path:
// `[params.bad_option] $.tiers[1]: 'platinum' is not a tier (gold, silver, bronze, unclassified)`.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_util.hpp"
#include "name_list.hpp"
#include "patsel/catalog.hpp"

namespace patsel::detail {


/// `params.bad_option` at `path`: `bad_option("$.limit", "expected an integer")`.
Error bad_option(const std::string& path, const std::string& why);

/// An error for the first key of `params` that is not in `known`.
std::optional<Error> unknown_keys(const json& params, std::initializer_list<std::string_view> known);

/// `value` as a list of strings; `path` names it in errors.
Result<std::vector<std::string>> strings_at(const json& value, const std::string& path);

/// `params[key]` as a list of strings; absent gives an empty list.
Result<std::vector<std::string>> string_list(const json& params, const std::string& key);

/// `params[key]` as a string; absent gives `fallback`.
Result<std::string> string_option(const json& params, const std::string& key, const std::string& fallback);

/// `params[key]` as an integer in [min, max]; absent gives `fallback`.
Result<long long> integer_option(const json& params, const std::string& key, long long fallback, long long min,
                                 long long max);

/// `params[key]` as a boolean; absent gives `fallback`.
Result<bool> bool_option(const json& params, const std::string& key, bool fallback);

/// Each of `words`, read at `path`, as a T by `parse`; a word it does not
/// know is `params.bad_option` at `path[i]`: "'x' is not <what> (<names>)".
///
/// ```
/// parse_words<Relation>(words, "$.relations", parse_relation, "a relation", relation_names())
/// ```
template <class T, class Parse>
Result<std::vector<T>> parse_words(const std::vector<std::string>& words, const std::string& path, Parse parse,
                                   const std::string& what, const std::string& names) {
  std::vector<T> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::optional<T> value = parse(words[i]);
    if (!value)
      return bad_option(path + "[" + std::to_string(i) + "]", "'" + words[i] + "' is not " + what + " (" + names + ")");
    out.push_back(*value);
  }
  return out;
}

/// Which words a tier list accepts: every tier, or only the three levels a
/// tree result has (no "unclassified").
enum class TierWords { all, levels };

/// `words`, read at `path`, as tiers, each once.
Result<std::vector<Tier>> tiers_at(const std::vector<std::string>& words, const std::string& path,
                                   TierWords accepted = TierWords::all);

/// `params[key]` as a list of tiers, each once; absent gives `fallback`.
Result<std::vector<Tier>> tier_list(const json& params, const std::string& key, std::vector<Tier> fallback,
                                    TierWords accepted = TierWords::all);

/// `params[key]`, required, as a pattern of the catalog.
/// Errors: `params.bad_option` (missing, not a string), `params.unknown_pattern`.
Result<const Pattern*> pattern_param(const Catalog& catalog, const json& params, const std::string& key);

/// `params[key]` as a pattern of the catalog when present; absent gives nullptr.
Result<const Pattern*> optional_pattern_param(const Catalog& catalog, const json& params, const std::string& key);

/// Params that are `{pattern?}`, a filter: the pattern, or nullptr for none.
Result<const Pattern*> pattern_filter(const Catalog& catalog, const json& params);

/// `params[key]`, required, as `min`..`max` distinct patterns of the catalog.
Result<std::vector<const Pattern*>> pattern_list_param(const Catalog& catalog, const json& params,
                                                       const std::string& key, std::size_t min, std::size_t max);

}  // namespace patsel::detail
