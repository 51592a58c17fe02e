#pragma once
// One page of the explorer's answer: the query searched, the matches
// filtered and counted by facet, the best re-ranked by proximity, sorted,
// and cut to the page asked for.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "patsel/catalog.hpp"
#include "patsel/facets.hpp"
#include "patsel/search.hpp"

namespace patsel {

struct SearchPageRequest {
  std::string query;
  Matching matching = Matching::full;
  FacetSelection selection;
  std::vector<Facet> count;           ///< the facets to count
  std::size_t facet_limit = 100;      ///< at most this many values per counted facet
  FacetListing listing;               ///< facets whose values are named instead
  std::optional<SortOrder> sort;      ///< default: relevance when the query has words, else tier
  std::size_t offset = 0;
  std::size_t limit = 20;
};

struct SearchPage {
  ParsedQuery parsed;
  SearchResults results;  ///< what the index found (for explain())
  FacetResult filtered;   ///< every match that passes the filters; [first, end) of its docs is the page, in order
  SortOrder sort = SortOrder::relevance;
  std::size_t first = 0;
  std::size_t end = 0;
};

/// ```
/// SearchPageRequest request;
/// request.query = "retry";
/// auto page = patsel::search_page(index, facets, request);
/// for (std::size_t i = page.first; i < page.end; ++i) page.filtered.docs[i].doc ...
/// ```
SearchPage search_page(const SearchIndex& index, const FacetIndex& facets,
                       const SearchPageRequest& request);

}  // namespace patsel
