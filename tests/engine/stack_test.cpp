// Stack analysis (`stack` and analyse_stack).
// Expected reports are read off tests/fixtures/catalogs/reasoning.json by hand.

#include <doctest/doctest.h>

#include <algorithm>

#include "patsel/stack.hpp"
#include "support.hpp"

using namespace patsel_test;

namespace {

json ref(const char* id, const char* title, const char* tier) { return {{"pattern", id}, {"title", title}, {"tier", tier}}; }

}  // namespace

TEST_CASE("stack reports what to replace, conflicts, missing prerequisites, legacy patterns and complexity") {
  auto engine = engine_at(catalog_fixture("reasoning.json"));

  SUBCASE("two-phase commit with microservices: replace it with saga and outbox; the advice is for the stack after that") {
    json report = ok(engine, "stack", {{"patterns", {"two-phase-commit", "microservices"}}});
    CHECK(report["patterns"] == json::array({ref("two-phase-commit", "Two-Phase Commit", "bronze"),
                                             ref("microservices", "Microservices", "silver")}));
    // One reason: the avoid entry's (the page's note on the pair is not repeated).
    CHECK(report["conflicts"] ==
          json::array({{{"patterns", {ref("two-phase-commit", "Two-Phase Commit", "bronze"),
                                      ref("microservices", "Microservices", "silver")}},
                        {"reason", "A blocking coordinator couples services."},
                        {"instead", {ref("saga", "Saga", "gold"), ref("outbox", "Outbox", "gold")}}}}));
    // Saga replaces two-phase commit and requires outbox, which the conflict also names.
    CHECK(report["replacements"] == json::parse(R"j([{"pattern": "two-phase-commit", "title": "Two-Phase Commit",
      "tier": "bronze", "with": [{"pattern": "saga", "title": "Saga", "tier": "gold"},
                                 {"pattern": "outbox", "title": "Outbox", "tier": "gold"}],
      "because": "conflict", "reason": "A blocking coordinator couples services."}])j"));
    CHECK(pluck(report["proposed"], "pattern") == json({"saga", "outbox", "microservices"}));
    // What saga needs (idempotency, data/dependencies) is missing from the stack after the change.
    CHECK(report["missing"] == json::parse(R"j([{"pattern": "idempotency", "title": "Idempotency", "tier": "gold",
      "relationship": "requires", "for": ["saga"], "notes": []}])j"));
    CHECK(report["legacy"] == json::parse(R"j([{"pattern": "two-phase-commit", "title": "Two-Phase Commit",
      "tier": "bronze", "status": "use-with-caution", "reason": "Blocks when the coordinator fails.",
      "alternatives": [{"pattern": "saga", "title": "Saga", "tier": "gold"}]}])j"));
    CHECK(report["cautions"] == json::array());
    CHECK(report["complexity"]["unknown"] == json({"two-phase-commit", "microservices"}));
    CHECK(report["complexity"]["overall"] == "");
    CHECK(report["proposed_complexity"]["overall"] == "high");  // saga's page
    CHECK(report["proposed_complexity"]["unknown"] == json({"outbox", "microservices"}));
  }
  SUBCASE("circuit breaker and retry: fine with care, but without timeout and idempotency") {
    json report = ok(engine, "stack", {{"patterns", {"circuit-breaker", "retry"}}});
    CHECK(report["conflicts"] == json::array());
    CHECK(report["replacements"] == json::array());
    CHECK(report["proposed"] == report["patterns"]);
    // An anti-pattern note between patterns that also complement each other is a caution.
    CHECK(report["cautions"] == json::array({{{"patterns", {ref("circuit-breaker", "Circuit Breaker", "gold"),
                                                            ref("retry", "Retry", "gold")}},
                                              {"reason", "Unbounded retries hammer an open breaker."},
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
    CHECK(report["proposed_complexity"] == report["complexity"]);
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

namespace {

// l is legacy; a and b replace it, c and d are its alternatives. a conflicts
// with s; b requires d and e; b, s and t together are a combination to avoid.
// m is legacy too, and only another legacy pattern replaces it.
const char* kReplacements = R"({"schema_version": 1, "patterns": [
  {"id": "l", "title": "L", "tier": "bronze", "deprecation_reason": "Old.",
   "modern_alternatives": [{"pattern": "a"}, {"pattern": "b"}], "alternatives": [{"pattern": "c"}, {"pattern": "d"}]},
  {"id": "a", "title": "A", "tier": "gold", "related": [{"pattern": "s", "relation": "conflicts-with", "note": "A and S clash."}]},
  {"id": "b", "title": "B", "tier": "gold", "related": [{"pattern": "d", "relation": "requires"}, {"pattern": "e", "relation": "requires"}]},
  {"id": "c", "title": "C", "tier": "gold"}, {"id": "d", "title": "D", "tier": "gold"},
  {"id": "e", "title": "E", "tier": "silver"}, {"id": "s", "title": "S", "tier": "gold"}, {"id": "t", "title": "T", "tier": "gold"},
  {"id": "m", "title": "M", "tier": "silver", "status": "legacy", "modern_alternatives": [{"pattern": "l"}]}],
 "avoid": [{"id": "bst", "patterns": ["b", "s", "t"], "reason": "Too much together."}]})";

struct StackFixture {
  patsel::Catalog catalog = catalog_from_text(kReplacements);
  patsel::RelationGraph graph = patsel::RelationGraph::build(catalog);

  patsel::StackReport analyse(std::vector<const char*> ids) const {
    std::vector<const patsel::Pattern*> stack;
    for (const char* id : ids) stack.push_back(catalog.find(id));
    return patsel::analyse_stack(catalog, graph, stack);
  }
};

Strings ids(const std::vector<const patsel::Pattern*>& patterns) {
  Strings out;
  for (const patsel::Pattern* p : patterns) out.push_back(p->id);
  return out;
}

}  // namespace

TEST_CASE("analyse_stack: a legacy pattern's replacement is the first candidate that fits the rest of the stack") {
  const StackFixture f;
  SUBCASE("a conflicts with s, so b; with it d, which b requires and l names too; e is then missing") {
    const auto report = f.analyse({"l", "s"});
    REQUIRE(report.replacements.size() == 1);
    const auto& x = report.replacements[0];
    CHECK(x.pattern->id == "l");
    CHECK(ids(x.with) == Strings{"b", "d"});
    CHECK(x.because == patsel::StackReplacement::Because::legacy);
    CHECK(x.reason == "Old.");
    CHECK(ids(report.proposed) == Strings{"b", "d", "s"});
    REQUIRE(report.missing.size() == 1);
    CHECK(report.missing[0].pattern->id == "e");
    CHECK(report.missing[0].for_patterns == Strings{"b"});
    CHECK(report.conflicts.empty());
    REQUIRE(report.legacy.size() == 1);
    CHECK(ids(report.legacy[0].alternatives) == Strings{"a", "b", "c", "d"});
  }
  SUBCASE("with t in the stack too, b would complete a combination to avoid: c instead") {
    const auto report = f.analyse({"s", "l", "t"});
    REQUIRE(report.replacements.size() == 1);
    CHECK(ids(report.replacements[0].with) == Strings{"c"});
    CHECK(ids(report.proposed) == Strings{"s", "c", "t"});
    CHECK(report.missing.empty());
  }
  SUBCASE("a legacy pattern that only another legacy pattern replaces stays, listed as legacy") {
    const auto report = f.analyse({"m"});
    CHECK(report.replacements.empty());
    CHECK(ids(report.proposed) == Strings{"m"});
    REQUIRE(report.legacy.size() == 1);
    CHECK(report.legacy[0].alternatives.empty());
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
}

TEST_CASE("the shipped catalog: two-phase commit, microservices and a shared database") {
  auto engine = engine_at(shipped_path());
  json report = ok(engine, "stack", {{"patterns", {"two-phase-commit", "microservices", "shared-database"}}});
  // data/avoid.yaml: 2PC across microservices (saga, outbox instead) and a database they share.
  REQUIRE(report["conflicts"].size() == 2);
  for (const json& conflict : report["conflicts"]) CHECK(!conflict["reason"].get<std::string>().empty());
  // Both legacy patterns are replaced: 2PC by saga with the outbox saga requires, the
  // shared database by database per service.
  REQUIRE(report["replacements"].size() == 2);
  CHECK(report["replacements"][0]["pattern"] == "two-phase-commit");
  CHECK(pluck(report["replacements"][0]["with"], "pattern") == json({"saga", "outbox"}));
  CHECK(report["replacements"][0]["because"] == "conflict");
  CHECK(report["replacements"][1]["pattern"] == "shared-database");
  CHECK(pluck(report["replacements"][1]["with"], "pattern") == json({"database-per-service"}));
  CHECK(pluck(report["proposed"], "pattern") == json({"saga", "outbox", "microservices", "database-per-service"}));
  // The advice is for the stack after the change: not consensus, which only 2PC needs,
  // nor database per service, which is in it now; idempotency, which saga needs, is.
  const json missing = pluck(report["missing"], "pattern");
  const json suggested = pluck(report["suggested"], "pattern");
  for (const char* id : {"consensus", "database-per-service", "saga", "outbox"}) {
    CAPTURE(id);
    CHECK(std::find(missing.begin(), missing.end(), json(id)) == missing.end());
    CHECK(std::find(suggested.begin(), suggested.end(), json(id)) == suggested.end());
  }
  CHECK(std::find(missing.begin(), missing.end(), json("idempotency")) != missing.end());
  // The complexity rests on all three patterns, and microservices set it.
  CHECK(report["complexity"]["overall"] == "very-high");
  CHECK(report["complexity"]["patterns"].size() == 3);
  CHECK(report["complexity"]["unknown"] == json::array());
}
