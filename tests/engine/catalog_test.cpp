#include <doctest/doctest.h>

#include "patsel/catalog.hpp"
#include "support.hpp"

using patsel::Catalog;
using patsel::Result;
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

// The loader reads a catalog record by record (each record stays text until
// asked for); these check it reads exactly what a whole-document parse does.
TEST_CASE("each record is read as a whole-document parse reads it") {
  const std::string text = patsel_test::read_text(patsel_test::shipped_path());
  const auto whole = nlohmann::json::parse(text);
  auto catalog = Catalog::from_json(text);
  REQUIRE(catalog);
  const auto& patterns = catalog.value().patterns();
  REQUIRE(patterns.size() == whole["patterns"].size());
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    const nlohmann::json& record = whole["patterns"][i];
    const patsel::Pattern& p = patterns[i];
    CAPTURE(p.id);
    CHECK(p.record() == record);
    CHECK(p.difficulty == record.value("difficulty", ""));
    CHECK(p.relevance == record.value("relevance", ""));
    CHECK(p.tagline == record.value("tagline", ""));
    CHECK(p.essential_question == record.value("essential_question", ""));
    CHECK(p.when_to_use == record.value("when_to_use", std::vector<std::string>{}));
  }
  for (const char* section : {"trees", "rules", "families", "problems"})
    CHECK(catalog.value().section(section) == whole[section]);
  CHECK(catalog.value().content_hash() == whole["content_hash"]);
}

TEST_CASE("the fields a search or a card needs are read at load") {
  auto catalog = Catalog::from_json(R"({"schema_version":1,"patterns":[{"id":"cb","title":"Circuit Breaker",
    "tagline":"Fail fast","essential_question":"How do we stop?","excerpt":"Trips open.","relevance":"mainstream",
    "difficulty":"intermediate","introduced":"2007-03","when_to_use":["calls that can hang", 3],
    "implementation_complexity":{"effort":"low","team_size":"1-2"},
    "implementations":[{"ecosystem":"java"},{"ecosystem":"go"},{"name":"no ecosystem"}]},
    {"id":"old","title":"Old","introduced":1981}]})");
  REQUIRE(catalog);
  const patsel::Pattern& cb = catalog.value().patterns()[0];
  CHECK(cb.tagline == "Fail fast");
  CHECK(cb.essential_question == "How do we stop?");
  CHECK(cb.excerpt == "Trips open.");
  CHECK(cb.relevance == "mainstream");
  CHECK(cb.difficulty == "intermediate");
  CHECK(cb.introduced_key == 200703);
  CHECK(cb.when_to_use == std::vector<std::string>{"calls that can hang"});
  CHECK(cb.effort == "low");
  CHECK(cb.team_size == "1-2");
  CHECK(cb.ecosystems == std::vector<std::string>{"java", "go", ""});
  CHECK(catalog.value().patterns()[1].introduced_key == 198100);
  CHECK(catalog.value().patterns()[1].effort.empty());
}

TEST_CASE("the outline of a catalog is read as JSON is written") {
  auto ids = [](const Result<Catalog>& catalog) {
    std::vector<std::string> out;
    for (const auto& p : catalog.value().patterns()) out.push_back(p.id);
    return out;
  };
  SUBCASE("whitespace, and brackets, braces and quotes inside strings") {
    auto catalog = Catalog::from_json(" \r\n\t{ \"schema_version\" : 1 ,\n \"patterns\" : [ \n"
                                      R"({"id":"a","title":"x]}\"[{ \\"}, {"id":"b","title":"\\\\"} ] } )"
                                      "\n");
    REQUIRE(catalog);
    CHECK(ids(catalog) == std::vector<std::string>{"a", "b"});
    CHECK(catalog.value().find("a")->title == "x]}\"[{ \\");
    CHECK(catalog.value().find("a")->record()["title"] == "x]}\"[{ \\");
    CHECK(catalog.value().find("b")->title == "\\\\");
  }
  SUBCASE("a byte order mark, an escaped key, a repeated key (the last wins)") {
    auto catalog = Catalog::from_json("\xEF\xBB\xBF" R"({"schema_version":1,"patterns":[{"id":"first","title":"F"}],
      "\u0070atterns":[{"id":"second","title":"S"}]})");
    REQUIRE(catalog);
    CHECK(ids(catalog) == std::vector<std::string>{"second"});
  }
  SUBCASE("an empty list and an empty object") {
    auto catalog = Catalog::from_json(R"({"schema_version":1,"patterns":[ ],"trees":[{}]})");
    REQUIRE(catalog);
    CHECK(catalog.value().patterns().empty());
    CHECK(catalog.value().section("trees") == nlohmann::json::array({nlohmann::json::object()}));
  }
  SUBCASE("a broken record far into the list is the parser's error, with line and column") {
    auto catalog = Catalog::from_json("{\"schema_version\":1,\"patterns\":[{\"id\":\"a\",\"title\":\"A\"},\n"
                                      "{\"id\":\"b\",\"title\":}]}");
    REQUIRE_FALSE(catalog);
    CHECK(catalog.error().code == "catalog.parse_error");
    CHECK(catalog.error().message.find("line 2, column 19: syntax error") != std::string::npos);  // the "}" after "title":
  }
  SUBCASE("text after the object, a missing comma, a trailing comma: parse errors") {
    for (const char* text : {R"({"schema_version":1,"patterns":[]} x)", R"({"schema_version":1 "patterns":[]})",
                             R"({"schema_version":1,"patterns":[{"id":"a","title":"A"},]})",
                             R"({"schema_version":1,"patterns":[{"id":"a","title":"A"}})"}) {
      CAPTURE(text);
      auto catalog = Catalog::from_json(text);
      REQUIRE_FALSE(catalog);
      CHECK(catalog.error().code == "catalog.parse_error");
    }
  }
  SUBCASE("a parse error wins over a wrong schema version, as with a whole-document parse") {
    auto catalog = Catalog::from_json(R"({"schema_version":9,"patterns":[{"id":"a",]})");
    REQUIRE_FALSE(catalog);
    CHECK(catalog.error().code == "catalog.parse_error");
  }
  SUBCASE("patterns that are not a list") {
    for (const char* text : {R"({"schema_version":1,"patterns":"all"})", R"({"schema_version":1,"patterns":{}})",
                             R"({"schema_version":1,"patterns":null})"}) {
      CAPTURE(text);
      auto catalog = Catalog::from_json(text);
      REQUIRE_FALSE(catalog);
      CHECK(catalog.error().to_string() == "[catalog.bad_shape] $.patterns: missing or not an array");
    }
  }
  SUBCASE("not an object") {
    auto catalog = Catalog::from_json("[1]");
    REQUIRE_FALSE(catalog);
    CHECK(catalog.error().to_string() == "[catalog.bad_shape] $: expected an object");
  }
}

TEST_CASE("a catalog loaded from owned text is the one loaded from a view") {
  const std::string text = patsel_test::read_text(patsel_test::shipped_path());
  auto viewed = Catalog::from_json(text);
  auto owned = Catalog::from_owned_json(std::string(text));
  REQUIRE(viewed);
  REQUIRE(owned);
  REQUIRE(owned.value().patterns().size() == viewed.value().patterns().size());
  CHECK(owned.value().patterns().back().record() == viewed.value().patterns().back().record());
  auto too_large = Catalog::from_owned_json(std::string(text), {100, 128});
  REQUIRE_FALSE(too_large);
  CHECK(too_large.error().code == "catalog.too_large");
}
