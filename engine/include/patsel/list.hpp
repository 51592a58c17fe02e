#pragma once
// Listing patterns by facet values (tier, category).

#include <string>
#include <vector>

#include "patsel/catalog.hpp"

namespace patsel {

/// Which patterns to list. An empty list means "any value".
struct ListQuery {
  std::vector<Tier> tiers;
  std::vector<std::string> categories;
};

/// Patterns matching the query, ordered by tier (gold first), then title.
///
/// ```
/// auto gold = patsel::list(catalog, {{patsel::Tier::gold}, {}});
/// ```
std::vector<const Pattern*> list(const Catalog& catalog, const ListQuery& query);

}  // namespace patsel
