#pragma once
// What the reasoning api methods share: short pattern references and
// readers for their parameters (tiers, pattern ids, flags).

#include <vector>

#include "api_support.hpp"
#include "patsel/complexity.hpp"

namespace patsel::api::detail {

/// `{"pattern": id, "title": ..., "tier": ...}`: how results name a pattern.
json pattern_ref(const Pattern& pattern);
/// The references of `patterns`, in order.
json pattern_refs(const std::vector<const Pattern*>& patterns);
/// The references of the ids the catalog knows, in order; others are skipped.
json pattern_refs(const Catalog& catalog, const std::vector<std::string>& ids);

json error_json(const Error& error);
json errors_json(const std::vector<Error>& errors);

/// `params[key]` as a list of tiers; absent gives `fallback`. With
/// `levels_only`, "unclassified" is refused (tree results have three levels).
Result<std::vector<Tier>> tier_list(const json& params, const std::string& key, std::vector<Tier> fallback,
                                    bool levels_only);

/// `params[key]`, required, as a pattern of the catalog.
/// Errors: `params.bad_option` (missing, not a string), `params.unknown_pattern`.
Result<const Pattern*> pattern_param(const Catalog& catalog, const json& params, const std::string& key);

/// `params[key]`, required, as `min`..`max` distinct patterns of the catalog.
Result<std::vector<const Pattern*>> pattern_list_param(const Catalog& catalog, const json& params,
                                                       const std::string& key, std::size_t min, std::size_t max);

/// A complexity estimate as results show it.
json complexity_json(const ComplexityEstimate& estimate);

/// `params[key]` as a boolean; absent gives `fallback`.
Result<bool> bool_option(const json& params, const std::string& key, bool fallback);

}  // namespace patsel::api::detail
