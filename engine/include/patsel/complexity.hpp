#pragma once
// How hard a set of patterns is to build and run, from the catalog's
// complexity matrix (`complexity`, data/complexity.yaml) and the patterns'
// own `implementation_complexity` blocks. The matrix wins where both speak.

#include <map>
#include <string>
#include <vector>

#include "patsel/catalog.hpp"

namespace patsel {

/// What the catalog says about one pattern's cost; empty strings are unknown.
struct PatternEffort {
  const Pattern* pattern = nullptr;
  std::string complexity;         ///< low | medium | high | very-high (matrix, else `effort`)
  std::string time_to_implement;  ///< hours | days | weeks | months (matrix, else `timeline`)
  std::string maintenance;        ///< low | medium | high | very-high (matrix only)
  std::string team_size;          ///< e.g. "1-2", "3-5", "5+" (`implementation_complexity`)
  std::vector<std::string> expertise;

  bool known() const { return !complexity.empty() || !time_to_implement.empty() || !team_size.empty(); }
};

/// The estimate for a set.
struct ComplexityEstimate {
  std::vector<PatternEffort> patterns;  ///< patterns with any data, in the order given
  std::vector<std::string> unknown;     ///< ids the catalog says nothing about
  std::string overall;                  ///< the highest complexity level; empty when none is known
  int points = 0;                       ///< low 1, medium 2, high 3, very-high 4, summed over the set
  std::map<std::string, int> by_level;  ///< how many patterns at each level
  std::string longest;                  ///< the longest time to implement
  std::string maintenance;              ///< the highest maintenance level
  std::string team_size;                ///< the largest team size asked for
};

/// ```
/// auto e = patsel::effort_of(catalog, *catalog.find("consensus"));  // e.complexity == "very-high"
/// ```
PatternEffort effort_of(const Catalog& catalog, const Pattern& pattern);

/// ```
/// auto estimate = patsel::estimate_complexity(catalog, {saga, outbox});
/// estimate.overall;  // "high"
/// ```
ComplexityEstimate estimate_complexity(const Catalog& catalog, const std::vector<const Pattern*>& patterns);

}  // namespace patsel
