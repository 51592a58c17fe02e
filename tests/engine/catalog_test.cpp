#include <doctest/doctest.h>

#include "patsel/catalog.hpp"

using patsel::Catalog;
using patsel::Tier;

TEST_CASE("a catalog loads its patterns with typed fields") {
  auto catalog = Catalog::from_json(R"({"schema_version":1,"content_hash":"ab12","patterns":[
    {"id":"saga","title":"Saga","tier":"gold","category":"data-management","introduced":"1987",
     "reading_time":12,"tags":["transactions"],"aliases":["saga orchestration"]},
    {"id":"two-phase-commit","title":"Two-Phase Commit","tier":"bronze"}]})");
  REQUIRE(catalog);
  const auto& c = catalog.value();
  CHECK(c.schema_version() == 1);
  CHECK(c.content_hash() == "ab12");
  REQUIRE(c.patterns().size() == 2);
  const auto* saga = c.find("saga");
  REQUIRE(saga != nullptr);
  CHECK(saga->tier == Tier::gold);
  CHECK(saga->introduced_year == 1987);
  CHECK(saga->reading_minutes == 12);
  CHECK(saga->tags == std::vector<std::string>{"transactions"});
  CHECK(c.find("two-phase-commit")->tier == Tier::bronze);
  CHECK(c.find("nope") == nullptr);
}

TEST_CASE("bad catalogs are error values that name the place") {
  SUBCASE("text that is not JSON names line and column") {
    auto catalog = Catalog::from_json("{\"schema_version\": 1,\n \"patterns\": [}");
    REQUIRE_FALSE(catalog);
    CHECK(catalog.error().to_string() ==
          "[catalog.parse_error] catalog: parse error at line 2, column 15: syntax error while parsing value - "
          "unexpected '}'; expected '[', '{', or a literal");
  }
  SUBCASE("a newer schema version is refused, not half read") {
    auto catalog = Catalog::from_json(R"({"schema_version":2,"patterns":[]})");
    REQUIRE_FALSE(catalog);
    CHECK(catalog.error().to_string() ==
          "[catalog.schema_too_new] $.schema_version: catalog is version 2, this engine reads up to 1");
  }
  SUBCASE("a missing pattern list") {
    auto catalog = Catalog::from_json(R"({"schema_version":1})");
    REQUIRE_FALSE(catalog);
    CHECK(catalog.error().to_string() == "[catalog.bad_shape] $.patterns: missing or not an array");
  }
}

TEST_CASE("one bad record is skipped and reported; the others stay") {
  auto catalog = Catalog::from_json(R"({"schema_version":1,"patterns":[
    {"id":"a","title":"A","tier":"gold"},
    {"id":"b","title":"B","tier":"platinum"},
    {"id":"a","title":"A again","tier":"silver"},
    {"title":"no id"}]})");
  REQUIRE(catalog);
  CHECK(catalog.value().patterns().size() == 1);
  const auto& warnings = catalog.value().warnings();
  REQUIRE(warnings.size() == 3);
  CHECK(warnings[0].to_string() ==
        "[catalog.bad_pattern] $.patterns[1].tier: 'platinum' is not a tier (gold, silver, bronze, unclassified)");
  CHECK(warnings[1].to_string() == "[catalog.duplicate_id] $.patterns[2].id: 'a' appears twice; kept the first");
  CHECK(warnings[2].to_string() == "[catalog.bad_pattern] $.patterns[3].id: missing or not a string");
}
