// Stack analysis and side-by-side comparison (`stack`, `compare`).
// Expected reports are read off tests/fixtures/catalogs/reasoning.json by hand.

#include <doctest/doctest.h>

#include <algorithm>

#include "support.hpp"

using namespace patsel_test;

namespace {

json ref(const char* id, const char* title, const char* tier) { return {{"pattern", id}, {"title", title}, {"tier", tier}}; }

}  // namespace

TEST_CASE("stack reports conflicts, missing prerequisites, legacy patterns and complexity") {
  auto engine = engine_at(catalog_fixture("reasoning.json"));

  SUBCASE("two-phase commit with microservices: the conflict, what to use instead, and the legacy pattern") {
    json report = ok(engine, "stack", {{"patterns", {"two-phase-commit", "microservices"}}});
    CHECK(report["patterns"] == json::array({ref("two-phase-commit", "Two-Phase Commit", "bronze"),
                                             ref("microservices", "Microservices", "silver")}));
    CHECK(report["conflicts"] ==
          json::array({{{"patterns", {ref("two-phase-commit", "Two-Phase Commit", "bronze"),
                                      ref("microservices", "Microservices", "silver")}},
                        {"reasons", {"A blocking coordinator couples services.", "couples every service"}},
                        {"instead", {ref("saga", "Saga", "gold"), ref("outbox", "Outbox", "gold")}}}}));
    CHECK(report["legacy"] == json::parse(R"j([{"pattern": "two-phase-commit", "title": "Two-Phase Commit",
      "tier": "bronze", "status": "use-with-caution", "reason": "Blocks when the coordinator fails.",
      "alternatives": [{"pattern": "saga", "title": "Saga", "tier": "gold"}]}])j"));
    CHECK(report["cautions"] == json::array());
    CHECK(report["missing"] == json::array());
    CHECK(report["complexity"]["unknown"] == json({"two-phase-commit", "microservices"}));
    CHECK(report["complexity"]["overall"] == "");
  }
  SUBCASE("circuit breaker and retry: fine with care, but without timeout and idempotency") {
    json report = ok(engine, "stack", {{"patterns", {"circuit-breaker", "retry"}}});
    CHECK(report["conflicts"] == json::array());
    // An anti-pattern note between patterns that also complement each other is a caution.
    CHECK(report["cautions"] == json::array({{{"patterns", {ref("circuit-breaker", "Circuit Breaker", "gold"),
                                                            ref("retry", "Retry", "gold")}},
                                              {"reasons", {"Unbounded retries hammer an open breaker."}},
                                              {"instead", json::array()}}}));
    CHECK(report["missing"] == json::parse(R"j([
      {"pattern": "timeout", "title": "Timeout", "tier": "gold", "relationship": "requires",
       "for": ["circuit-breaker"], "notes": ["slow calls must fail first"]},
      {"pattern": "idempotency", "title": "Idempotency", "tier": "gold", "relationship": "requires",
       "for": ["retry"], "notes": ["retried writes must be safe"]}])j"));
    CHECK(report["suggested"] == json::parse(R"j([{"pattern": "bulkhead", "title": "Bulkhead", "tier": "gold",
      "relationship": "complements", "for": ["circuit-breaker"], "notes": []}])j"));
    CHECK(report["legacy"] == json::array());
    CHECK(report["complexity"] == json::parse(R"j({"overall": "low", "points": 1, "by_level": {"low": 1},
      "longest": "days", "maintenance": "low", "team_size": "1-2",
      "patterns": [{"pattern": "circuit-breaker", "title": "Circuit Breaker", "tier": "gold", "complexity": "low",
                    "time_to_implement": "days", "maintenance": "low", "team_size": "1-2"}],
      "unknown": ["retry"]})j"));
  }
  SUBCASE("a combination to avoid counts only when all its patterns are in the stack") {
    json all_three = ok(engine, "stack", {{"patterns", {"monolith", "queue", "consensus"}}});
    REQUIRE(all_three["conflicts"].size() == 1);
    CHECK(pluck(all_three["conflicts"][0]["patterns"], "pattern") == json({"monolith", "queue", "consensus"}));
    CHECK(all_three["conflicts"][0]["instead"] == json::array({ref("bulkhead", "Bulkhead", "gold")}));
    CHECK(ok(engine, "stack", {{"patterns", {"queue", "consensus"}}})["conflicts"] == json::array());
  }
  SUBCASE("bad parameters") {
    CHECK(failure(engine, "stack", {{"patterns", {"saga", "nope"}}}) ==
          json::parse(R"j({"code": "params.unknown_pattern", "message": "$.patterns[1]: 'nope' is not a pattern of the catalog"})j"));
    CHECK(failure(engine, "stack", json::object())["message"] == "$.patterns: expected a list of pattern ids");
  }
}

TEST_CASE("compare sets two to five patterns side by side") {
  auto engine = engine_at(catalog_fixture("reasoning.json"));
  SUBCASE("rows the catalog has something to say about, including fit from single-field rules") {
    json table = ok(engine, "compare", {{"patterns", {"saga", "two-phase-commit"}}});
    CHECK(table["patterns"] == json::array({ref("saga", "Saga", "gold"), ref("two-phase-commit", "Two-Phase Commit", "bronze")}));
    CHECK(table["rows"] == json::parse(R"j([
      {"attribute": "tier", "label": "Tier", "cells": [["gold"], ["bronze"]]},
      {"attribute": "status", "label": "Status", "cells": [["recommended"], ["use-with-caution"]]},
      {"attribute": "effort", "label": "Implementation effort", "cells": [["high"], []]},
      {"attribute": "time_to_implement", "label": "Time to implement", "cells": [["weeks"], []]},
      {"attribute": "team_size", "label": "Team size", "cells": [["3-5"], []]},
      {"attribute": "fit:consistency", "label": "Consistency", "cells": [["not eventual: +1"], ["strong: +1"]]},
      {"attribute": "pros", "label": "Pros", "cells": [["No distributed locks"], ["Atomic commit"]]},
      {"attribute": "cons", "label": "Cons", "cells": [["Compensations to write"], ["Blocking"]]}])j"));
    CHECK(table["relations"] == json::parse(R"j([{"from": "saga", "to": "two-phase-commit", "relation": "replaces",
                                                 "notes": ["Local commits with compensations."]}])j"));
  }
  SUBCASE("operational burden and expertise come from the pattern pages") {
    json table = ok(engine, "compare", {{"patterns", {"circuit-breaker", "timeout"}}});
    std::map<std::string, json> rows;
    for (const json& row : table["rows"]) rows[row["attribute"]] = row["cells"];
    CHECK(rows["operations"] == json::parse(R"j([["maintenance: low", "2 metrics to watch", "1 alert",
                                                 "1 recurring task (quarterly)"], ["maintenance: low"]])j"));
    CHECK(rows["expertise"] == json::parse(R"j([["failure analysis"], []])j"));
    CHECK(rows["fit:dependencies"] == json::parse(R"j([[], [">= 1: +3"]])j"));
    CHECK(rows["when_to_use"] == json::parse(R"j([["Remote calls that can fail", "Many dependencies"], []])j"));
    CHECK(pluck(table["relations"], "relation") == json({"requires", "evolves-from", "has-part"}));
  }
  SUBCASE("two to five distinct patterns") {
    CHECK(failure(engine, "compare", {{"patterns", {"saga"}}})["message"] == "$.patterns: 1 pattern given; expected 2 to 5");
    CHECK(failure(engine, "compare", {{"patterns", {"saga", "timeout", "retry", "outbox", "queue", "bulkhead"}}})["message"] ==
          "$.patterns: 6 patterns given; expected 2 to 5");
  }
}

TEST_CASE("the shipped catalog: a stack of two-phase commit and microservices reports the conflict and saga") {
  auto engine = engine_at(shipped_path());
  json report = ok(engine, "stack", {{"patterns", {"two-phase-commit", "microservices"}}});
  REQUIRE(report["conflicts"].size() == 1);
  const json& conflict = report["conflicts"][0];
  CHECK(pluck(conflict["patterns"], "pattern") == json({"two-phase-commit", "microservices"}));
  CHECK(pluck(conflict["instead"], "pattern") == json({"saga", "outbox"}));  // data/avoid.yaml
  REQUIRE(report["legacy"].size() == 1);
  CHECK(report["legacy"][0]["pattern"] == "two-phase-commit");
  CHECK(report["legacy"][0]["alternatives"][0]["pattern"] == "saga");

  SUBCASE("a circuit breaker without timeout is missing its prerequisite") {
    json alone = ok(engine, "stack", {{"patterns", {"circuit-breaker"}}});
    const json missing = pluck(alone["missing"], "pattern");
    CHECK(std::find(missing.begin(), missing.end(), json("timeout")) != missing.end());
  }
  SUBCASE("compare works for up to five shipped patterns") {
    json table = ok(engine, "compare", {{"patterns", {"saga", "two-phase-commit", "outbox", "cqrs", "event-sourcing"}}});
    CHECK(table["rows"][0]["attribute"] == "tier");
    CHECK(table["rows"][0]["cells"] == json::parse(R"j([["gold"], ["bronze"], ["gold"], ["silver"], ["silver"]])j"));
  }
}
