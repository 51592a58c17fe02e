#include <doctest/doctest.h>

#include "patsel/list.hpp"

using patsel::Tier;

namespace {

patsel::Catalog sample() {
  auto catalog = patsel::Catalog::from_json(R"({"schema_version":1,"patterns":[
    {"id":"b","title":"Bulkhead","tier":"gold","category":"resilience"},
    {"id":"t","title":"Two-Phase Commit","tier":"bronze","category":"data-management"},
    {"id":"c","title":"CQRS","tier":"silver","category":"data-management"},
    {"id":"a","title":"API Gateway","tier":"gold","category":"communication"}]})");
  REQUIRE(catalog);
  return std::move(catalog).value();
}

std::vector<std::string> ids(const std::vector<const patsel::Pattern*>& patterns) {
  std::vector<std::string> out;
  for (const auto* p : patterns) out.push_back(p->id);
  return out;
}

}  // namespace

TEST_CASE("listing filters by tier and category and orders gold first, then by title") {
  auto catalog = sample();
  SUBCASE("no filter lists everything in tier order") {
    CHECK(ids(patsel::list(catalog, {})) == std::vector<std::string>{"a", "b", "c", "t"});
  }
  SUBCASE("tiers are OR-ed") {
    CHECK(ids(patsel::list(catalog, {{Tier::silver, Tier::bronze}, {}})) == std::vector<std::string>{"c", "t"});
  }
  SUBCASE("tier and category are AND-ed") {
    CHECK(ids(patsel::list(catalog, {{Tier::gold, Tier::bronze}, {"data-management"}})) ==
          std::vector<std::string>{"t"});
  }
  SUBCASE("a category nobody has gives nothing") {
    CHECK(patsel::list(catalog, {{}, {"geospatial"}}).empty());
  }
}
