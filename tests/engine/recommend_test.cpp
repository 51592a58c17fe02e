// Recommendations from a requirements profile (the `recommend` and
// `profile.fields` methods). Expected rankings are added up by hand from the
// rules of tests/fixtures/catalogs/reasoning.json and data/rules.yaml.

#include <doctest/doctest.h>

#include <limits>
#include <set>

#include "patsel/recommend.hpp"
#include "patsel/rules.hpp"
#include "support.hpp"

using namespace patsel_test;

namespace {

json scored(const char* id, const char* title, const char* tier, int score, const std::vector<json>& reasons) {
  return {{"pattern", id}, {"title", title}, {"tier", tier}, {"score", score}, {"reasons", reasons}};
}

json reason(const char* rule, int weight, const char* text) {
  return {{"rule", rule}, {"weight", weight}, {"reason", text}};
}

// A regulated, strongly consistent service with five dependencies; one
// unknown and one invalid field.
const json kProfile = json::parse(R"({"dependencies": 5, "rps": 500, "consistency": "strong", "budget": "low",
  "compliance": ["hipaa", "gdpr"], "team": 4, "colour": "red", "greenfield": "yes"})");

}  // namespace

TEST_CASE("recommend ranks patterns by summed evidence and gives every reason") {
  auto engine = engine_at(catalog_fixture("reasoning.json"));
  const json result = ok(engine, "recommend", {{"profile", kProfile}});

  SUBCASE("the ranking: score, then tier, then title; reasons strongest first") {
    CHECK(result["ranked"] ==
          json::array({
              scored("bulkhead", "Bulkhead", "gold", 3,
                     {reason("busy", 2, "Busy services isolate pools."), reason("team-given", 1, "Teams own their pools.")}),
              scored("circuit-breaker", "Circuit Breaker", "gold", 3,
                     {reason("many-dependencies", 3, "Some dependency is always failing.")}),
              scored("consensus", "Consensus", "gold", 3, {reason("strong", 3, "Replicas agree on one order.")}),
              scored("monolith", "Modular Monolith", "gold", 3,
                     {reason("mid-team", 2, "A few teams share one deployable."),
                      reason("gdpr", 1, "Fewer places hold personal data.")}),
              scored("timeout", "Timeout", "gold", 3, {reason("any-dependency", 3, "Every call can hang.")}),
              scored("outbox", "Outbox", "gold", 2, {reason("regulated", 2, "Audit every change.")}),
              scored("retry", "Retry", "gold", 2, {reason("any-dependency", 2, "Blips pass on retry.")}),
              scored("idempotency", "Idempotency", "gold", 1, {reason("all-regulations", 1, "Replays must be safe.")}),
              scored("saga", "Saga", "gold", 1, {reason("not-eventual", 1, "Keeps business invariants in the end.")}),
          }));
  }
  SUBCASE("patterns of tiers not allowed (gold only by default) are explained, with what to consider") {
    CHECK(result["excluded"] == json::parse(R"([
      {"pattern": "queue", "title": "Queue Leveling", "tier": "silver", "score": 2,
       "reason": "Queue Leveling was excluded: silver (allowed: gold); consider Bulkhead",
       "consider": [{"pattern": "bulkhead", "title": "Bulkhead", "tier": "gold"}],
       "reasons": [{"rule": "many-dependencies", "weight": 2, "reason": "Queues absorb outages."}]},
      {"pattern": "two-phase-commit", "title": "Two-Phase Commit", "tier": "bronze", "score": 1,
       "reason": "Two-Phase Commit was excluded: bronze (allowed: gold); consider Saga",
       "consider": [{"pattern": "saga", "title": "Saga", "tier": "gold"}],
       "reasons": [{"rule": "strong", "weight": 1, "reason": "Atomic commit across stores."}]}])"));
  }
  SUBCASE("patterns the profile argues against are listed apart") {
    CHECK(result["discouraged"] ==
          json::array({scored("microservices", "Microservices", "silver", -2, {reason("cheap", -2, "Each service costs.")})}));
  }
  SUBCASE("the fields are checked: unknown and invalid ones are reported, the rest still used") {
    CHECK(result["unknown_fields"] == json({"colour"}));
    CHECK(result["invalid_fields"] ==
          json::parse(R"([{"field": "greenfield", "message": "$.profile.greenfield: expected true or false"}])"));
    // `new` reads greenfield (invalid, so unknown) or rps in [0, 1] (false): undecided.
    CHECK(result["undecided_fields"] == json({"greenfield"}));
    CHECK(result["fired_rules"] == json({"any-dependency", "many-dependencies", "strong", "not-eventual", "cheap",
                                         "regulated", "all-regulations", "gdpr", "mid-team", "team-given", "busy"}));
  }
  SUBCASE("the complexity of the recommended set comes from the matrix and the pattern pages") {
    CHECK(result["complexity"] == json::parse(R"({
      "overall": "very-high", "points": 9, "by_level": {"high": 1, "low": 2, "very-high": 1},
      "longest": "months", "maintenance": "very-high", "team_size": "3-5",
      "patterns": [
        {"pattern": "circuit-breaker", "title": "Circuit Breaker", "tier": "gold", "complexity": "low",
         "time_to_implement": "days", "maintenance": "low", "team_size": "1-2"},
        {"pattern": "consensus", "title": "Consensus", "tier": "gold", "complexity": "very-high",
         "time_to_implement": "months", "maintenance": "very-high", "team_size": ""},
        {"pattern": "timeout", "title": "Timeout", "tier": "gold", "complexity": "low",
         "time_to_implement": "hours", "maintenance": "low", "team_size": ""},
        {"pattern": "saga", "title": "Saga", "tier": "gold", "complexity": "high",
         "time_to_implement": "weeks", "maintenance": "", "team_size": "3-5"}],
      "unknown": ["bulkhead", "monolith", "outbox", "retry", "idempotency"]})"));
  }
  SUBCASE("malformed rules and fields of the catalog are reported with every answer") {
    CHECK(pluck(result["problems"], "code") == json({"rule.bad_field", "rule.bad_condition", "rule.bad_effect"}));
  }
}

TEST_CASE("recommend adds the partners that recommended patterns require or go with") {
  auto engine = engine_at(catalog_fixture("reasoning.json"));
  SUBCASE("what retry requires; not the circuit breaker, whose page (not retry's) says they go together") {
    json result = ok(engine, "recommend", {{"profile", {{"dependencies", 1}}}, {"tiers", {"gold", "silver"}}});
    CHECK(pluck(result["ranked"], "pattern") == json({"timeout", "retry"}));
    CHECK(result["complements"] == json::parse(R"([
      {"pattern": "idempotency", "title": "Idempotency", "tier": "gold", "relationship": "requires", "for": ["retry"]}])"));
    CHECK(result["undecided_fields"] == json({"rps", "consistency", "budget", "compliance", "greenfield", "team"}));
    CHECK(result["complexity"]["overall"] == "low");
    CHECK(result["complexity"]["unknown"] == json({"retry"}));
  }
  SUBCASE("the fields worth answering next, each with what its most telling value would change") {
    json result = ok(engine, "recommend", {{"profile", {{"dependencies", 1}}}, {"tiers", {"gold", "silver"}}});
    // Worked out by hand from the fixture's rules, with timeout and retry ranked now:
    // consistency strong brings in consensus (3, before timeout by title) and saga (1);
    // team 3 (in 3..10) the monolith (2) and the bulkhead (1; team given); one pattern
    // each for rps 0 (the monolith: "new"), compliance gdpr and greenfield yes, which
    // come after in declaration order, so rps is the third. Budget only argues against
    // microservices, which changes nothing ranked.
    CHECK(result["next_fields"] == json::parse(R"([
      {"field": "consistency", "value": "strong", "adds": [{"pattern": "consensus", "title": "Consensus", "tier": "gold"},
        {"pattern": "saga", "title": "Saga", "tier": "gold"}], "drops": [], "moves": 0},
      {"field": "team", "value": 3, "adds": [{"pattern": "monolith", "title": "Modular Monolith", "tier": "gold"},
        {"pattern": "bulkhead", "title": "Bulkhead", "tier": "gold"}], "drops": [], "moves": 0},
      {"field": "rps", "value": 0, "adds": [{"pattern": "monolith", "title": "Modular Monolith", "tier": "gold"}],
       "drops": [], "moves": 0}])"));
  }
  SUBCASE("with a limit, partners are those of the patterns kept") {
    json result = ok(engine, "recommend", {{"profile", kProfile}, {"limit", 2}});
    CHECK(pluck(result["ranked"], "pattern") == json({"bulkhead", "circuit-breaker"}));
    CHECK(result["complements"] == json::parse(R"([
      {"pattern": "timeout", "title": "Timeout", "tier": "gold", "relationship": "requires", "for": ["circuit-breaker"]},
      {"pattern": "retry", "title": "Retry", "tier": "gold", "relationship": "complements", "for": ["circuit-breaker"]}])"));
  }
  SUBCASE("allowing every tier brings the excluded patterns into the ranking") {
    json result = ok(engine, "recommend", {{"profile", kProfile}, {"tiers", {"gold", "silver", "bronze"}}});
    CHECK(pluck(result["ranked"], "pattern") == json({"bulkhead", "circuit-breaker", "consensus", "monolith", "timeout",
                                                      "outbox", "retry", "queue", "idempotency", "saga",
                                                      "two-phase-commit"}));
    CHECK(result["excluded"] == json::array());
  }
  SUBCASE("an empty profile recommends nothing and says which fields matter") {
    json result = ok(engine, "recommend", {{"profile", json::object()}});
    CHECK(result["ranked"] == json::array());
    CHECK(result["fired_rules"] == json::array());
    CHECK(result["undecided_fields"] ==
          json({"rps", "dependencies", "consistency", "budget", "compliance", "greenfield", "team"}));
    CHECK(result["complexity"]["overall"] == "");
  }
}

TEST_CASE("recommend checks its parameters") {
  auto engine = engine_at(catalog_fixture("reasoning.json"));
  CHECK(failure(engine, "recommend", json::object()) ==
        json::parse(R"({"code": "params.bad_option", "message": "$.profile: expected an object of field values"})"));
  CHECK(failure(engine, "recommend", {{"profile", json::object()}, {"limit", -1}})["message"] ==
        "$.limit: -1 is outside 0..1000");
  CHECK(failure(engine, "recommend", {{"profile", json::object()}, {"tiers", {"platinum"}}})["message"] ==
        "$.tiers[0]: 'platinum' is not a tier (gold, silver, bronze, unclassified)");
  CHECK(failure(engine, "recommend", {{"profile", json::object()}, {"fields", 1}})["code"] == "params.unknown_option");
}

TEST_CASE("profile.fields gives the declarations a form needs") {
  auto engine = engine_at(catalog_fixture("reasoning.json"));
  json result = ok(engine, "profile.fields", json::object());
  CHECK(pluck(result["fields"], "id") ==
        json({"rps", "dependencies", "consistency", "budget", "compliance", "greenfield", "team"}));
  CHECK(result["fields"][0] == json::parse(R"({"id": "rps", "label": "Peak requests per second", "type": "number",
                                               "unit": "req/s", "min": 0, "max": 1000000})"));
  CHECK(result["problems"].size() == 3);
}

TEST_CASE("a demanding profile on the shipped catalog: 10k RPS, 99.99%, strong, 5 dependencies, 20x spikes") {
  auto engine = engine_at(shipped_path());
  json result = ok(engine, "recommend", {{"profile", {{"peak_rps", 10000},
                                                      {"availability", 99.99},
                                                      {"consistency", "strong"},
                                                      {"external_dependencies", 5},
                                                      {"spike_ratio", 20}}}});
  CHECK(result["unknown_fields"] == json::array());
  CHECK(result["invalid_fields"] == json::array());
  CHECK(result["problems"] == json::array());
  std::map<std::string, json> ranked;
  for (const json& r : result["ranked"]) ranked[r["pattern"]] = r;
  auto rules_of = [&](const std::string& id) {
    std::set<std::string> rules;
    for (const json& why : ranked.at(id)["reasons"]) {
      CHECK(!why["reason"].get<std::string>().empty());
      rules.insert(why["rule"].get<std::string>());
    }
    return rules;
  };
  using Rules = std::set<std::string>;
  // Scores added up by hand from data/rules.yaml.
  const std::map<std::string, std::pair<int, Rules>> expected = {
      {"load-shedding", {9, {"spiky-traffic", "four-nines", "extreme-spikes", "very-high-request-rate"}}},
      {"timeout", {7, {"any-remote-dependency", "many-dependencies", "high-availability-with-dependencies"}}},
      {"circuit-breaker", {6, {"many-dependencies", "high-availability-with-dependencies", "very-high-request-rate"}}},
      {"bulkhead", {6, {"many-dependencies", "high-availability-with-dependencies", "very-high-request-rate"}}},
      {"retry-backoff", {3, {"any-remote-dependency", "high-availability-with-dependencies"}}},
      // the consensus-backed options
      {"consensus", {7, {"strong-consistency", "strong-and-highly-available", "strong-consistency-with-scale"}}},
      {"replicated-log", {6, {"strong-consistency", "strong-and-highly-available", "strong-consistency-with-scale"}}},
      {"quorum", {5, {"strong-consistency", "strong-and-highly-available"}}},
      {"leader-election", {4, {"strong-consistency", "strong-and-highly-available"}}},
  };
  for (const auto& [id, want] : expected) {
    CAPTURE(id);
    REQUIRE(ranked.count(id));
    CHECK(ranked[id]["score"] == want.first);
    CHECK(rules_of(id) == want.second);
  }
  CHECK(result["ranked"][0]["pattern"] == "load-shedding");
  // Strong consistency argues against eventual consistency, and 2PC loses at this rate.
  std::set<std::string> discouraged;
  for (const json& d : result["discouraged"]) discouraged.insert(d["pattern"].get<std::string>());
  CHECK(discouraged.count("eventual-consistency"));
  CHECK(discouraged.count("two-phase-commit"));
  CHECK(result["complexity"]["overall"] == "very-high");  // consensus
}

TEST_CASE("recommend: which partners are offered, and in which order") {
  // a and b are ranked (a first). What their own pages say, and what z and v say of a:
  const patsel::Catalog catalog = catalog_from_text(R"({"schema_version": 1, "patterns": [
    {"id": "a", "title": "A", "tier": "gold", "related": [{"pattern": "x", "relation": "complements"},
      {"pattern": "t", "relation": "complements"}, {"pattern": "w", "relation": "enhances"},
      {"pattern": "s", "relation": "complements"}, {"pattern": "r", "relation": "requires"}]},
    {"id": "b", "title": "B", "tier": "gold", "related": [{"pattern": "x", "relation": "complements"},
      {"pattern": "y", "relation": "requires"}, {"pattern": "u", "relation": "complements"}]},
    {"id": "z", "title": "Z", "tier": "gold", "related": [{"pattern": "a", "relation": "enhances"}]},
    {"id": "v", "title": "V", "tier": "gold", "related": [{"pattern": "a", "relation": "complements"}]},
    {"id": "x", "title": "X", "tier": "gold"}, {"id": "y", "title": "Y", "tier": "gold"},
    {"id": "t", "title": "T", "tier": "gold"}, {"id": "u", "title": "U", "tier": "gold"},
    {"id": "w", "title": "W", "tier": "gold"}, {"id": "s", "title": "S", "tier": "silver"},
    {"id": "r", "title": "R", "tier": "bronze"}],
   "profile": [{"id": "n", "label": "N", "type": "number"}],
   "rules": [{"id": "any", "when": {"field": "n", "op": "set"},
              "effects": [{"pattern": "a", "weight": 2, "reason": "-"}, {"pattern": "b", "weight": 1, "reason": "-"}]}]})");
  const auto graph = patsel::RelationGraph::build(catalog);
  const auto book = patsel::read_rule_book(catalog.section("profile"), catalog.section("rules"));
  const auto rec = patsel::recommend(catalog, book, graph, patsel::read_profile(book, {{"n", 1}}), {});
  Strings order, relations;
  for (const auto& c : rec.complements) {
    order.push_back(c.pattern->id);
    relations.push_back(std::string(patsel::to_string(c.relationship)));
  }
  // Requirements first (r, bronze, is needed all the same), a's before b's; then x,
  // which serves both; then by relation (complements, enhanced-by, enhances), a's
  // before b's. Not v: only v's page says it goes with a. Not s: silver is not allowed.
  CHECK(order == Strings{"r", "y", "x", "t", "u", "z", "w"});
  CHECK(relations == Strings{"requires", "requires", "complements", "complements", "complements", "enhanced-by", "enhances"});
  CHECK(rec.complements[2].for_patterns == Strings{"a", "b"});
}

TEST_CASE("weights outside -5 to +5 are refused, so every score is a finite number") {
  // Two rules of weight 1e308 added up to infinity, which JSON writes as
  // null (was: "score": null, and `patsel recommend` aborted on it).
  const std::string text = R"({"schema_version": 1,
    "patterns": [{"id": "a", "title": "A", "tier": "gold"}],
    "profile": [{"id": "n", "type": "number", "min": 0, "max": 10}],
    "rules": [
      {"id": "huge", "when": {"field": "n", "op": "set"}, "effects": [{"pattern": "a", "weight": 1e308, "reason": "x"}]},
      {"id": "again", "when": {"field": "n", "op": "set"}, "effects": [{"pattern": "a", "weight": -1e308, "reason": "y"}]},
      {"id": "most", "when": {"field": "n", "op": "set"}, "effects": [{"pattern": "a", "weight": 5, "reason": "z"}]},
      {"id": "most-again", "when": {"field": "n", "op": "set"}, "effects": [{"pattern": "a", "weight": 5, "reason": "w"}]}]})";
  auto engine = engine_from_text(text);
  const json fields = ok(engine, "profile.fields", json::object());
  CHECK(fields["problems"] == json::parse(R"([
    {"code": "rule.bad_effect", "message": "$.rules[0].effects[0].weight: 1e+308 is outside -5 to +5"},
    {"code": "rule.bad_effect", "message": "$.rules[1].effects[0].weight: -1e+308 is outside -5 to +5"}])"));
  const json result = ok(engine, "recommend", {{"profile", {{"n", 1}}}, {"tiers", {"gold"}}});
  REQUIRE(result["ranked"].size() == 1);
  CHECK(result["ranked"][0]["score"] == 10);
}

TEST_CASE("profile bounds must be finite numbers") {
  // Catalog text cannot hold infinity (1e999 is a parse error), but a
  // program can hand read_rule_book any value.
  json field = json::parse(R"({"id": "n", "type": "number"})");
  field["max"] = std::numeric_limits<double>::infinity();
  auto book = patsel::read_rule_book(json::array({field}), json::array());
  REQUIRE(book.problems.size() == 1);
  CHECK(book.problems[0].to_string() == "[rule.bad_field] $.profile[0].max: expected a finite number");
  CHECK(book.fields.empty());
}
