#include "patsel/search_page.hpp"

#include <algorithm>

namespace patsel {
namespace {

// Proximity re-ranking looks at a window of the best matches; it covers
// the page asked for, so pages never disagree about an order.
constexpr std::size_t kRerankWindow = 100;

}  // namespace

SearchPage search_page(const SearchIndex& index, const FacetIndex& facets,
                       const SearchPageRequest& request) {
  SearchPage page;
  page.parsed = parse_query(request.query);
  page.results = index.search(page.parsed, request.matching);
  page.sort = request.sort.value_or(page.results.has_terms ? SortOrder::relevance : SortOrder::tier);
  page.filtered = facets.filter(std::move(page.results.docs), request.selection, request.count, request.facet_limit,
                                request.listing);
  page.first = request.offset;
  page.end = std::min(page.filtered.docs.size(), request.offset + request.limit);
  index.rerank(page.results, page.filtered.docs, std::max(kRerankWindow, page.end));
  facets.sort(page.filtered.docs, page.sort, page.end);
  return page;
}

}  // namespace patsel
