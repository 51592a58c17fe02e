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

TEST_CASE("pattern returns the whole record and what it refers to") {
  patsel::api::Engine engine;
  REQUIRE(json::parse(engine.load(R"({"schema_version":1,"patterns":[
    {"id":"two-phase-commit","title":"Two-Phase Commit","tier":"bronze","summary":"Blocking.",
     "modern_alternatives":[{"pattern":"saga","reason":"No locks."},{"text":"Avoid the need"}],
     "migration_paths":{"to":[{"pattern":"saga","steps":["Add compensations"]}]},
     "related":[{"pattern":"outbox","relation":"related"},{"pattern":"missing","relation":"related"}]},
    {"id":"saga","title":"Saga","tier":"gold","summary":"Compensate."},
    {"id":"outbox","title":"Outbox","tier":"gold","summary":"Publish reliably."}]})"))["ok"] == true);

  json answer = json::parse(engine.call("pattern", R"({"id":"two-phase-commit"})"));
  REQUIRE(answer["ok"] == true);
  CHECK(answer["result"]["pattern"]["deprecation_reason"].is_null());
  CHECK(answer["result"]["pattern"]["title"] == "Two-Phase Commit");
  CHECK(answer["result"]["refs"] == json::parse(R"({
    "saga": {"title":"Saga","tier":"gold","summary":"Compensate."},
    "outbox": {"title":"Outbox","tier":"gold","summary":"Publish reliably."}})"));

  SUBCASE("an unknown id is an error value naming it") {
    CHECK(json::parse(engine.call("pattern", R"({"id":"nope"})"))["error"] ==
          json::parse(R"({"code":"pattern.not_found","message":"$.id: 'nope' is not a pattern of this catalog"})"));
  }
  SUBCASE("the id is required") {
    CHECK(json::parse(engine.call("pattern", "{}"))["error"]["message"] == "$.id: the id of a pattern is required");
  }
}
