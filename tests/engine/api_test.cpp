#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "patsel/api.hpp"

using nlohmann::json;

namespace {

constexpr const char* kCatalog = R"({"schema_version":1,"content_hash":"x","patterns":[
  {"id":"saga","title":"Saga","tier":"gold","category":"data-management","summary":"Compensate."},
  {"id":"cqrs","title":"CQRS","tier":"silver","category":"data-management"},
  {"id":"two-phase-commit","title":"Two-Phase Commit","tier":"bronze","category":"data-management"}]})";

}  // namespace

TEST_CASE("the api answers in envelopes") {
  patsel::api::Engine engine;
  SUBCASE("calls before a load are an error value") {
    CHECK(json::parse(engine.call("list", "{}")) ==
          json::parse(R"({"ok":false,"error":{"code":"engine.not_loaded","message":"no catalog is loaded"}})"));
  }
  json loaded = json::parse(engine.load(kCatalog));
  REQUIRE(loaded["ok"] == true);
  CHECK(loaded["result"]["patterns"] == 3);

  SUBCASE("list returns summaries with the total") {
    json answer = json::parse(engine.call("list", R"({"tiers":["gold","bronze"]})"));
    REQUIRE(answer["ok"] == true);
    CHECK(answer["result"]["total"] == 2);
    CHECK(answer["result"]["patterns"][0]["id"] == "saga");
    CHECK(answer["result"]["patterns"][0]["summary"] == "Compensate.");
    CHECK(answer["result"]["patterns"][1]["id"] == "two-phase-commit");
  }
  SUBCASE("a bad tier names its place in the parameters") {
    json answer = json::parse(engine.call("list", R"({"tiers":["gold","platinum"]})"));
    CHECK(answer["error"]["code"] == "params.bad_option");
    CHECK(answer["error"]["message"] == "$.tiers[1]: 'platinum' is not a tier (gold, silver, bronze, unclassified)");
  }
  SUBCASE("an unknown option is an error, not a silent no-op") {
    json answer = json::parse(engine.call("list", R"({"tier":["gold"]})"));
    CHECK(answer["error"]["message"] == "$.tier: not an option of this call");
  }
  SUBCASE("parameters that are not JSON") {
    json answer = json::parse(engine.call("list", "{tiers"));
    CHECK(answer["error"]["code"] == "params.parse_error");
  }
  SUBCASE("an unknown method") {
    CHECK(json::parse(engine.call("explode", ""))["error"]["code"] == "engine.unknown_method");
  }
  SUBCASE("a failed reload reports the error and keeps the catalog that was loaded") {
    json answer = json::parse(engine.load("{broken"));
    CHECK(answer["ok"] == false);
    CHECK(answer["error"]["code"] == "catalog.parse_error");
    CHECK(json::parse(engine.call("list", "{}"))["result"]["total"] == 3);
  }
}
