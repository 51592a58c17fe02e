#include "patsel/list.hpp"

#include <algorithm>

namespace patsel {
namespace {

template <class T>
bool allows(const std::vector<T>& selected, const T& value) {
  return selected.empty() || std::find(selected.begin(), selected.end(), value) != selected.end();
}

}  // namespace

std::vector<const Pattern*> list(const Catalog& catalog, const ListQuery& query) {
  std::vector<const Pattern*> out;
  for (const Pattern& p : catalog.patterns())
    if (allows(query.tiers, p.tier) && allows(query.categories, p.category)) out.push_back(&p);
  std::sort(out.begin(), out.end(), [](const Pattern* a, const Pattern* b) {
    if (a->tier != b->tier) return a->tier < b->tier;
    if (a->title != b->title) return a->title < b->title;
    return a->id < b->id;
  });
  return out;
}

}  // namespace patsel
