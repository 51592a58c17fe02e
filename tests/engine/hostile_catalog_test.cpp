// Hostile catalogs and params: the engine loads them or refuses them with an
// error value that names the place, and every envelope it writes is valid
// JSON. docs/reliability.md lists each case and its test.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "patsel/api.hpp"
#include "patsel/catalog.hpp"

using nlohmann::json;
using patsel::Catalog;
using patsel::CatalogLimits;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// A catalog whose one pattern holds `value` in its field "x".
std::string catalog_with(const std::string& value) {
  return R"({"schema_version":1,"patterns":[{"id":"a","title":"A","x":)" + value + "}]}";
}

// Parses an envelope strictly: invalid JSON or UTF-8 fails the test.
json envelope(const std::string& text) {
  json parsed = json::parse(text, nullptr, false);
  REQUIRE_FALSE(parsed.is_discarded());
  return parsed;
}

std::string error_of(const std::string& text) {
  json e = envelope(text);
  REQUIRE(e["ok"] == false);
  return "[" + e["error"]["code"].get<std::string>() + "] " + e["error"]["message"].get<std::string>();
}

}  // namespace

TEST_CASE("a catalog over the size limit is refused before it is parsed") {
  const std::string text = catalog_with("1");
  CatalogLimits limits;
  limits.max_bytes = text.size() - 1;
  auto over = Catalog::from_json(text, limits);
  REQUIRE_FALSE(over);
  CHECK(over.error().to_string() == "[catalog.too_large] catalog: " + std::to_string(text.size()) +
                                        " bytes, more than the limit of " + std::to_string(text.size() - 1) +
                                        " (load option max_catalog_bytes)");
  limits.max_bytes = text.size();
  CHECK(Catalog::from_json(text, limits));
  SUBCASE("the default is 64 MiB") { CHECK(CatalogLimits{}.max_bytes == 64u << 20); }
}

TEST_CASE("a catalog nested too deep is an error value with the path, not a stack overflow") {
  CatalogLimits limits;
  limits.max_depth = 8;
  SUBCASE("the path names where the nesting crosses the limit") {
    // $ {1}, patterns [2], the record {3}, then x's arrays 4..8; the ninth level is x[0][0][0][0][0].
    auto deep = Catalog::from_json(catalog_with(repeat("[", 6) + repeat("]", 6)), limits);
    REQUIRE_FALSE(deep);
    CHECK(deep.error().to_string() ==
          "[catalog.too_deep] $.patterns[0].x[0][0][0][0][0]: nested deeper than 8 levels (load option max_depth)");
    CHECK(Catalog::from_json(catalog_with(repeat("[", 5) + repeat("]", 5)), limits));
  }
  SUBCASE("the path counts array elements and object members, and cuts long paths") {
    auto deep = Catalog::from_json(
        catalog_with(R"([1, {"k": 2}, {"m": [], "odd key": [[[[[[[[[[]]]]]]]]]]}])"), limits);
    REQUIRE_FALSE(deep);
    CHECK(deep.error().to_string() ==
          "[catalog.too_deep] $.patterns[0].x[2][\"odd key\"][0][0][0]: nested deeper than 8 levels (load "
          "option max_depth)");
  }
  SUBCASE("brackets inside strings, escaped quotes included, do not count") {
    CHECK(Catalog::from_json(catalog_with(R"("[[[[[[[[[[ \" [[[[[[[[[[ \\")"), limits));
    // An unclosed string hides the rest: the parser, not the depth check, refuses it.
    auto unclosed = Catalog::from_json(R"({"a":"[[[[[[[[[[[[)", limits);
    REQUIRE_FALSE(unclosed);
    CHECK(unclosed.error().code == "catalog.parse_error");
  }
  SUBCASE("a million levels with the default limit") {
    auto deep = Catalog::from_json(catalog_with(repeat("[", 1000000)));
    REQUIRE_FALSE(deep);
    CHECK(deep.error().to_string() ==
          "[catalog.too_deep] $.patterns[0].x[0][0][0][0][0]...: nested deeper than 128 levels (load option "
          "max_depth)");
  }
  SUBCASE("at the default limit a catalog loads and its record is served") {
    // 3 levels to reach the record, 125 inside x: 128 in all.
    const std::string text = catalog_with(repeat("[", 125) + repeat("]", 125));
    patsel::api::Engine engine;
    REQUIRE(envelope(engine.load(text))["ok"] == true);
    json answer = envelope(engine.call("pattern", R"({"id":"a"})"));
    REQUIRE(answer["ok"] == true);
    CHECK(answer["result"]["pattern"]["x"].dump() == repeat("[", 125) + repeat("]", 125));
    CHECK(error_of(patsel::api::Engine().load(catalog_with(repeat("[", 126) + repeat("]", 126)))).find(
              "[catalog.too_deep] ") == 0);
  }
}

TEST_CASE("text that is not UTF-8, lone surrogates and NULs in a catalog") {
  SUBCASE("raw bytes that are not UTF-8 are a parse error with the place") {
    const std::string text = "{\"schema_version\":1,\"patterns\":[{\"id\":\"a\",\"title\":\"Caf\xC3\"}]}";
    patsel::api::Engine engine;
    const std::string refused = error_of(engine.load(text));
    CHECK(refused.find("[catalog.parse_error] catalog: parse error at line 1, column 56: syntax error while parsing "
                       "value - invalid string: ill-formed UTF-8 byte") == 0);
  }
  SUBCASE("an escaped lone surrogate is a parse error") {
    // Column 58: the character after "\ud800" (57), read to look for its low half.
    auto catalog = Catalog::from_json(R"({"schema_version":1,"patterns":[{"id":"a","title":"\ud800"}]})");
    REQUIRE_FALSE(catalog);
    CHECK(catalog.error().to_string().find("[catalog.parse_error] catalog: parse error at line 1, column 58: "
                                           "syntax error while parsing value - invalid string: surrogate "
                                           "U+D800..U+DBFF must be followed by U+DC00..U+DFFF") == 0);
  }
  SUBCASE("an escaped surrogate pair is one character") {
    auto catalog = Catalog::from_json(R"({"schema_version":1,"patterns":[{"id":"a","title":"\ud83d\ude00"}]})");
    REQUIRE(catalog);
    CHECK(catalog.value().find("a")->title == "\xF0\x9F\x98\x80");
  }
  SUBCASE("NUL and control characters load and come back escaped") {
    patsel::api::Engine engine;
    REQUIRE(envelope(engine.load(R"({"schema_version":1,"patterns":[{"id":"a","title":"A\u0000B\u0001"}]})"))["ok"] ==
            true);
    const std::string answer = engine.call("pattern", R"({"id":"a"})");
    CHECK(answer.find(R"("title":"A\u0000B\u0001")") != std::string::npos);
    CHECK(envelope(answer)["result"]["pattern"]["title"] == std::string("A\0B\x01", 4));
  }
  SUBCASE("an error message quoting bad bytes still gives a valid envelope") {
    patsel::api::Engine engine;
    REQUIRE(envelope(engine.load(catalog_with("1")))["ok"] == true);
    json answer = envelope(engine.call("pattern", "{\"id\":\"caf\xC3\"}"));  // params that are not UTF-8
    CHECK(answer["error"]["code"] == "params.parse_error");
    answer = envelope(engine.call("no\xFFmethod", "{}"));
    CHECK(answer["error"]["message"] == "'no\xEF\xBF\xBDmethod' is not a method");
  }
}

TEST_CASE("load options set the limits; bad options are refused") {
  patsel::api::Engine engine;
  const std::string text = catalog_with(repeat("[", 20) + repeat("]", 20));
  SUBCASE("a smaller size limit") {
    CHECK(error_of(engine.load(text, R"({"max_catalog_bytes": 10})")) ==
          "[catalog.too_large] catalog: " + std::to_string(text.size()) +
              " bytes, more than the limit of 10 (load option max_catalog_bytes)");
  }
  SUBCASE("a smaller depth") {
    CHECK(error_of(engine.load(text, R"({"max_depth": 4})")) ==
          "[catalog.too_deep] $.patterns[0].x[0]: nested deeper than 4 levels (load option max_depth)");
  }
  SUBCASE("an option out of range, unknown, or not JSON") {
    CHECK(error_of(engine.load(text, R"({"max_depth": 0})")) ==
          "[load.bad_option] $.max_depth: expected an integer from 1 to 1000");
    CHECK(error_of(engine.load(text, R"({"max_depth": 1001})")) ==
          "[load.bad_option] $.max_depth: expected an integer from 1 to 1000");
    CHECK(error_of(engine.load(text, R"({"max_catalog_bytes": "big"})")) ==
          "[load.bad_option] $.max_catalog_bytes: expected an integer from 1 to 1099511627776");
    CHECK(error_of(engine.load(text, R"({"max_bytes": 5})")) ==
          "[load.bad_option] $.max_bytes: not a load option (max_catalog_bytes, max_params_bytes, max_depth)");
    CHECK(error_of(engine.load(text, "[]")) == "[load.bad_option] $: expected an object");
    CHECK(error_of(engine.load(text, "{")).find("[load.bad_option] load options: parse error at line 1") == 0);
  }
  SUBCASE("a failed load keeps the catalog loaded before") {
    REQUIRE(envelope(engine.load(text))["ok"] == true);
    CHECK(envelope(engine.load(text, R"({"max_catalog_bytes": 10})"))["ok"] == false);
    CHECK(envelope(engine.call("info", ""))["result"]["patterns"] == 1);
  }
}

TEST_CASE("params over the limits are refused before they are parsed") {
  patsel::api::Engine engine;
  REQUIRE(envelope(engine.load(catalog_with("1"), R"({"max_params_bytes": 64})"))["ok"] == true);
  SUBCASE("too large") {
    const std::string params = R"({"tiers":[)" + repeat(R"("gold",)", 10) + R"("gold"]})";
    CHECK(error_of(engine.call("list", params)) ==
          "[params.too_large] params: " + std::to_string(params.size()) +
              " bytes, more than the limit of 64 (load option max_params_bytes)");
  }
  SUBCASE("too deep, with the default depth of 128") {
    patsel::api::Engine defaults;
    REQUIRE(envelope(defaults.load(catalog_with("1")))["ok"] == true);
    CHECK(error_of(defaults.call("list", R"({"tiers":)" + repeat("[", 128) + repeat("]", 128) + "}")) ==
          "[params.too_deep] $.tiers[0][0][0][0][0][0][0]...: nested deeper than 128 levels (load option max_depth)");
    CHECK(error_of(defaults.call("list", R"({"tiers":)" + repeat("[", 100000) + "}")).find("[params.too_deep] ") == 0);
    // At the limit, the method itself answers.
    CHECK(error_of(defaults.call("list", R"({"tiers":)" + repeat("[", 127) + repeat("]", 127) + "}")) ==
          "[params.bad_option] $.tiers[0]: expected a string");
  }
}

TEST_CASE("catalog values of the wrong type are reported, not silently taken for something else") {
  SUBCASE("a schema version below 1 is refused") {
    for (const char* version : {"0", "-1"}) {
      auto catalog = Catalog::from_json(R"({"schema_version":)" + std::string(version) + R"(,"patterns":[]})");
      REQUIRE_FALSE(catalog);
      CHECK(catalog.error().to_string() ==
            "[catalog.bad_shape] $.schema_version: " + std::string(version) + " is not a schema version (they start at 1)");
    }
  }
  SUBCASE("a section the engine reads that is not a list is a warning, and read as empty") {
    auto catalog = Catalog::from_json(R"({"schema_version":1,"patterns":[{"id":"a","title":"A"}],
                                          "trees":"oops","rules":{"id":"r"},"extra":"kept quiet"})");
    REQUIRE(catalog);
    REQUIRE(catalog.value().warnings().size() == 2);
    CHECK(catalog.value().warnings()[0].to_string() == "[catalog.bad_section] $.rules: expected a list, not object; ignored");
    CHECK(catalog.value().warnings()[1].to_string() == "[catalog.bad_section] $.trees: expected a list, not string; ignored");
    CHECK(catalog.value().section("trees") == json::array());
  }
  SUBCASE("a tier that is not a tier word leaves the record out, as an unknown tier does; null is no tier") {
    auto catalog = Catalog::from_json(R"({"schema_version":1,"patterns":[{"id":"a","title":"A","tier":1},
                                          {"id":"b","title":"B","tier":null},{"id":"c","title":"C","tier":["gold"]}]})");
    REQUIRE(catalog);
    REQUIRE(catalog.value().warnings().size() == 2);
    CHECK(catalog.value().warnings()[0].to_string() ==
          "[catalog.bad_pattern] $.patterns[0].tier: 1 is not a tier (gold, silver, bronze, unclassified)");
    CHECK(catalog.value().warnings()[1].to_string() ==
          "[catalog.bad_pattern] $.patterns[2].tier: [\"gold\"] is not a tier (gold, silver, bronze, unclassified)");
    REQUIRE(catalog.value().patterns().size() == 1);
    CHECK(catalog.value().patterns()[0].id == "b");
    CHECK(catalog.value().patterns()[0].tier == patsel::Tier::unclassified);
  }
}
