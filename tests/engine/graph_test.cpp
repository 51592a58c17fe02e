// The relationship graph and the queries over it: related, order, migrate,
// families, timeline, paths, path, compositions, problems and cards.
// Expected edges are read off tests/fixtures/catalogs/reasoning.json by hand.

#include <doctest/doctest.h>

#include "patsel/graph.hpp"
#include "support.hpp"

using namespace patsel_test;
using patsel::Relation;

namespace {

// "relation target" for each edge, in the graph's order.
std::vector<std::string> edge_list(const patsel::RelationGraph& graph, const std::string& id) {
  std::vector<std::string> out;
  for (const auto& e : graph.edges(id)) out.push_back(std::string(patsel::to_string(e.relation)) + " " + e.target);
  return out;
}

}  // namespace

TEST_CASE("the graph gathers every relation the catalog states, from both ends") {
  const patsel::Catalog catalog = catalog_at(catalog_fixture("reasoning.json"));
  const auto graph = patsel::RelationGraph::build(catalog);

  SUBCASE("a pattern's own statements come first, in its order; what others say follows") {
    CHECK(edge_list(graph, "circuit-breaker") ==
          std::vector<std::string>{"requires timeout", "complements bulkhead", "complements retry",
                                   "conflicts-with retry", "alternative bulkhead", "evolves-from timeout",
                                   "has-part timeout", "has-part retry"});
    CHECK(edge_list(graph, "timeout") ==
          std::vector<std::string>{"part-of circuit-breaker", "required-by circuit-breaker", "evolves-into circuit-breaker"});
  }
  SUBCASE("an edge knows whether its pattern says so itself or only the other end does") {
    auto stated = [&](const char* from, const char* to) {
      std::vector<bool> out;
      for (const patsel::Edge* e : graph.between(from, to)) out.push_back(e->stated);
      return out;
    };
    // The breaker's page names retry (complements, anti-pattern); retry's page says nothing of it.
    CHECK(stated("circuit-breaker", "retry") == std::vector<bool>{true, true, false});  // complements, conflicts-with, has-part
    CHECK(stated("retry", "circuit-breaker") == std::vector<bool>{true, false, false});  // part-of (compositions), complements, conflicts-with
    // Both pages name each other: outbox says saga "friend-of" (unknown, skipped); saga requires outbox.
    CHECK(stated("saga", "outbox") == std::vector<bool>{true});
    CHECK(stated("outbox", "saga") == std::vector<bool>{false});
  }
  SUBCASE("the same relation from several sources is one edge with every note") {
    const auto edges = graph.between("two-phase-commit", "saga");
    REQUIRE(edges.size() == 1);
    CHECK(edges[0]->relation == Relation::replaced_by);
    CHECK(edges[0]->notes == std::vector<std::string>{"Local commits with compensations."});
    CHECK(edges[0]->sources == std::vector<std::string>{"modern_alternatives", "migration_paths", "related"});
    const auto conflict = graph.between("microservices", "two-phase-commit");
    REQUIRE(conflict.size() == 1);
    CHECK(conflict[0]->notes == std::vector<std::string>{"couples every service", "A blocking coordinator couples services."});
    CHECK(conflict[0]->sources == std::vector<std::string>{"related", "avoid"});
  }
  SUBCASE("dependencies are requires edges; unknown ids and relation words are reported") {
    CHECK(graph.has("saga", Relation::requires_, "idempotency"));
    CHECK(graph.has("idempotency", Relation::required_by, "saga"));
    std::vector<std::string> problems;
    for (const auto& p : graph.problems()) problems.push_back(p.to_string());
    CHECK(problems == std::vector<std::string>{
                          "[graph.unknown_relation] pattern 'outbox'.related[1].relation: 'friend-of' is not a relation "
                          "(requires, required-by, complements, enhances, enhanced-by, part-of, has-part, alternative, "
                          "replaces, replaced-by, evolves-from, evolves-into, conflicts-with, related)",
                          "[graph.unknown_pattern] $.dependencies[0].builds_on[1]: 'ghost' is not a pattern of the catalog"});
  }
  SUBCASE("inverse relations pair up") {
    for (std::size_t i = 0; i < patsel::kRelationCount; ++i) {
      auto r = static_cast<Relation>(i);
      CHECK(patsel::inverse(patsel::inverse(r)) == r);
      CHECK(patsel::parse_relation(patsel::to_string(r)) == r);
    }
  }
}

TEST_CASE("kReferenceFields: the fields through which a record names other patterns") {
  SUBCASE("referenced_ids reads every field, ids and {pattern} objects alike, in the list's order") {
    const json record = json::parse(R"({
      "related": [{"pattern": "a", "relation": "requires"}, "a2"],
      "pattern_combinations": {"commonly_used_with": [{"pattern": "b"}], "anti_patterns": [{"pattern": "c"}]},
      "alternatives": [{"pattern": "d", "when": "x"}, {"text": "free text names nothing"}],
      "modern_alternatives": [{"pattern": "e"}],
      "migration_paths": {"to": [{"pattern": "f"}], "from": [{"pattern": "g"}]},
      "evolution": {"from": ["h"], "to": ["i"], "future": ["not a reference"]},
      "tags": ["not-a-reference"]})");
    CHECK(patsel::referenced_ids(record) == std::vector<std::string>{"a", "a2", "b", "c", "d", "e", "f", "g", "h", "i"});
  }
  SUBCASE("a record of the reasoning fixture") {
    const patsel::Catalog catalog = catalog_at(catalog_fixture("reasoning.json"));
    // related timeout, bulkhead; commonly_used_with retry; anti_patterns retry;
    // alternatives bulkhead; evolution.from timeout.
    CHECK(patsel::referenced_ids(catalog.find("circuit-breaker")->record()) ==
          std::vector<std::string>{"timeout", "bulkhead", "retry", "retry", "bulkhead", "timeout"});
  }
  SUBCASE("each field is an edge source of the graph, with the relation the list says") {
    for (const patsel::ReferenceField& field : patsel::kReferenceFields) {
      json record = {{"id", "x"}, {"title", "X"}};
      json item = field.objects ? json{{"pattern", "y"}} : json("y");
      if (!field.relation_key.empty()) item[std::string(field.relation_key)] = "enhances";
      json list = json::array({item});
      if (field.list.empty()) record[std::string(field.field)] = list;
      else record[std::string(field.field)][std::string(field.list)] = list;
      json doc = {{"schema_version", 1}, {"patterns", {record, {{"id", "y"}, {"title", "Y"}}}}};
      const patsel::Catalog catalog = catalog_from_text(doc.dump());
      const auto graph = patsel::RelationGraph::build(catalog);
      INFO(field.field << "." << field.list);
      REQUIRE(graph.edges("x").size() == 1);
      CHECK(graph.edges("x")[0].relation == (field.relation_key.empty() ? field.relation : Relation::enhances));
      CHECK(graph.edges("x")[0].sources == std::vector<std::string>{std::string(field.field)});
    }
  }
}

TEST_CASE("related lists neighbours by relation type and depth") {
  auto engine = engine_at(catalog_fixture("reasoning.json"));
  SUBCASE("direct neighbours, strongest relation first, with every relation to each") {
    json result = ok(engine, "related", {{"pattern", "circuit-breaker"}});
    CHECK(result["pattern"] == json::parse(R"({"pattern": "circuit-breaker", "title": "Circuit Breaker", "tier": "gold"})"));
    CHECK(pluck(result["neighbours"], "pattern") == json({"timeout", "bulkhead", "retry"}));
    CHECK(result["neighbours"][0] == json::parse(R"({"pattern": "timeout", "title": "Timeout", "tier": "gold",
      "depth": 1, "via": "circuit-breaker", "relations": [
        {"relation": "requires", "notes": ["slow calls must fail first"], "sources": ["related"]},
        {"relation": "evolves-from", "notes": [], "sources": ["evolution"]},
        {"relation": "has-part", "notes": [], "sources": ["compositions"]}]})"));
    CHECK(pluck(result["neighbours"][2]["relations"], "relation") == json({"complements", "conflicts-with", "has-part"}));
  }
  SUBCASE("deeper, following only the relations asked for") {
    json result = ok(engine, "related", {{"pattern", "two-phase-commit"}, {"relations", {"replaced-by", "requires"}}, {"depth", 2}});
    json found = json::array();
    for (const json& n : result["neighbours"]) found.push_back({n["pattern"], n["depth"], n["via"]});
    CHECK(found == json::parse(R"([["saga", 1, "two-phase-commit"], ["idempotency", 2, "saga"], ["outbox", 2, "saga"]])"));
  }
  SUBCASE("bad parameters") {
    CHECK(failure(engine, "related", {{"pattern", "nope"}}) ==
          json::parse(R"({"code": "params.unknown_pattern", "message": "$.pattern: 'nope' is not a pattern of the catalog"})"));
    CHECK(failure(engine, "related", {{"pattern", "saga"}, {"relations", {"likes"}}})["message"].get<std::string>().rfind(
              "$.relations[0]: 'likes' is not a relation (requires, ", 0) == 0);
    CHECK(failure(engine, "related", {{"pattern", "saga"}, {"depth", 5}})["message"] == "$.depth: 5 is outside 1..4");
  }
}

TEST_CASE("order puts prerequisites first and reports cycles") {
  auto engine = engine_at(catalog_fixture("reasoning.json"));
  SUBCASE("among the ready patterns, the one given first wins") {
    json result = ok(engine, "order", {{"patterns", {"saga", "circuit-breaker", "outbox", "timeout"}}});
    CHECK(result == json::parse(R"({"order": [
      {"pattern": "outbox", "title": "Outbox", "tier": "gold", "stage": 0, "requires": [], "added": false, "in_cycle": false},
      {"pattern": "saga", "title": "Saga", "tier": "gold", "stage": 1, "requires": ["outbox"], "added": false, "in_cycle": false},
      {"pattern": "timeout", "title": "Timeout", "tier": "gold", "stage": 0, "requires": [], "added": false, "in_cycle": false},
      {"pattern": "circuit-breaker", "title": "Circuit Breaker", "tier": "gold", "stage": 1, "requires": ["timeout"],
       "added": false, "in_cycle": false}], "cycles": []})"));
  }
  SUBCASE("missing prerequisites can be brought in") {
    json result = ok(engine, "order", {{"patterns", {"saga", "circuit-breaker"}}, {"prerequisites", true}});
    json order = json::array();
    for (const json& item : result["order"]) order.push_back({item["pattern"], item["stage"], item["added"]});
    CHECK(order == json::parse(R"([["outbox", 0, true], ["idempotency", 0, true], ["saga", 1, false],
                                   ["timeout", 0, true], ["circuit-breaker", 1, false]])"));
    CHECK(result["order"][2]["requires"] == json({"outbox", "idempotency"}));
  }
  SUBCASE("a cycle is reported and placed after what it does not wait on") {
    json result = ok(engine, "order", {{"patterns", {"consensus", "timeout", "monolith"}}});
    CHECK(result["cycles"] == json::parse(R"([["consensus", "monolith"]])"));
    json order = json::array();
    for (const json& item : result["order"]) order.push_back({item["pattern"], item["in_cycle"], item["requires"]});
    CHECK(order == json::parse(R"([["timeout", false, []], ["consensus", true, ["monolith"]],
                                   ["monolith", true, ["consensus"]]])"));
  }
  SUBCASE("what waits on a cycle comes after it; ready single patterns come before it") {
    auto catalog = patsel::Catalog::from_json(R"j({"schema_version": 1, "patterns": [
      {"id": "a", "title": "A"}, {"id": "b", "title": "B"}, {"id": "c", "title": "C"}, {"id": "d", "title": "D"}],
      "dependencies": [{"pattern": "a", "builds_on": ["b"]}, {"pattern": "b", "builds_on": ["c"]},
                       {"pattern": "c", "builds_on": ["b"]}]})j");
    REQUIRE(catalog);
    auto graph = patsel::RelationGraph::build(catalog.value());
    auto ordering = graph.order(catalog.value(), {"a", "b", "c", "d"}, false);
    std::vector<std::string> order;
    for (const auto& item : ordering.items)
      order.push_back(item.pattern->id + ":" + std::to_string(item.stage) + (item.in_cycle ? "*" : ""));
    CHECK(order == std::vector<std::string>{"d:0", "b:0*", "c:0*", "a:1"});
    CHECK(ordering.cycles == std::vector<std::vector<std::string>>{{"b", "c"}});
  }
  SUBCASE("bad parameters") {
    CHECK(failure(engine, "order", {{"patterns", json::array()}})["message"] == "$.patterns: 0 patterns given; expected 1 to 500");
    CHECK(failure(engine, "order", {{"patterns", {"saga", "saga"}}})["message"] == "$.patterns[1]: 'saga' is given twice");
    CHECK(failure(engine, "order", {{"patterns", {"saga"}}, {"prerequisites", "yes"}})["message"] ==
          "$.prerequisites: expected true or false");
  }
}

TEST_CASE("migrate gives the way from a legacy pattern to its replacements, and back") {
  auto engine = engine_at(catalog_fixture("reasoning.json"));
  const json move = json::parse(R"({"reasons": ["Local commits with compensations."],
    "steps": ["List the transactions", "Add compensations"], "guide": "/guides/2pc-to-saga",
    "triggers": ["Services owned by different teams"], "families": ["transactions"]})");
  SUBCASE("from the bronze pattern") {
    json to_saga = move;
    to_saga.update(json::parse(R"({"pattern": "saga", "title": "Saga", "tier": "gold"})"));
    CHECK(ok(engine, "migrate", {{"pattern", "two-phase-commit"}}) ==
          json{{"pattern", "two-phase-commit"}, {"title", "Two-Phase Commit"}, {"tier", "bronze"},
               {"status", "use-with-caution"}, {"legacy", true},
               {"deprecation_reason", "Blocks when the coordinator fails."}, {"to", {to_saga}}, {"from", json::array()}});
  }
  SUBCASE("from the replacement's side, the same move") {
    json from_2pc = move;
    from_2pc.update(json::parse(R"({"pattern": "two-phase-commit", "title": "Two-Phase Commit", "tier": "bronze"})"));
    json result = ok(engine, "migrate", {{"pattern", "saga"}});
    CHECK(result["legacy"] == false);
    CHECK(result["to"] == json::array());
    CHECK(result["from"] == json::array({from_2pc}));
  }
  SUBCASE("a pattern nothing replaces") {
    json result = ok(engine, "migrate", {{"pattern", "timeout"}});
    CHECK(result["to"] == json::array());
    CHECK(result["from"] == json::array());
  }
}

TEST_CASE("families and timelines show how a line of patterns evolved") {
  auto engine = engine_at(catalog_fixture("reasoning.json"));
  CHECK(ok(engine, "families", json::object()) == json::parse(R"({"families": [
    {"id": "transactions", "title": "Distributed transactions", "summary": "From blocking commit to sagas.",
     "from_year": 1981, "to_year": 2015, "patterns": ["two-phase-commit", "saga"]}]})"));
  CHECK(ok(engine, "families", {{"pattern", "timeout"}})["families"] == json::array());
  CHECK(ok(engine, "timeline", {{"family", "transactions"}}) == json::parse(R"({
    "id": "transactions", "title": "Distributed transactions", "summary": "From blocking commit to sagas.",
    "timeline": [
      {"year": 1981, "pattern": "two-phase-commit", "title": "Two-Phase Commit", "tier": "bronze",
       "innovation": "Atomic commit.", "limitations": ["Blocks"], "adopters": []},
      {"year": 1987, "pattern": "saga", "title": "Saga", "tier": "gold", "innovation": "Compensations.", "limitations": [],
       "adopters": []},
      {"year": 2015, "pattern": null, "title": "Workflow engines", "tier": null,
       "innovation": "Durable orchestration.", "limitations": [], "adopters": ["Example Co", "Sample Inc"]}],
    "migration_triggers": [
      {"from": {"pattern": "two-phase-commit", "title": "Two-Phase Commit", "tier": "bronze"},
       "to": {"pattern": "saga", "title": "Saga", "tier": "gold"},
       "triggers": ["Services owned by different teams"]}]})"));
  CHECK(failure(engine, "timeline", {{"family", "clocks"}})["message"] ==
        "$.family: 'clocks' is not a family of the catalog (transactions)");
}

TEST_CASE("learning paths, compositions, the problem matrix and quick reference cards") {
  auto engine = engine_at(catalog_fixture("reasoning.json"));
  SUBCASE("paths lists them; path shows the stages and prerequisites not yet covered") {
    CHECK(ok(engine, "paths", json::object()) == json::parse(R"({"paths": [{"id": "basics", "level": "beginner",
      "title": "Basics", "summary": "First patterns.", "stages": 2, "patterns": 4}]})"));
    json path = ok(engine, "path", {{"path", "basics"}});
    CHECK(path["stages"][0]["patterns"][1] == json::parse(R"({"pattern": "circuit-breaker", "title": "Circuit Breaker",
      "tier": "gold", "requires": ["timeout"], "uncovered": []})"));
    CHECK(path["stages"][1]["patterns"][0]["requires"] == json({"outbox", "idempotency"}));
    CHECK(path["stages"][1]["patterns"][0]["uncovered"] == json({"idempotency"}));
    CHECK(failure(engine, "path", json::object())["message"] == "$.path: expected a learning path id (basics)");
  }
  SUBCASE("compositions read as formulas; a pattern filter matches the whole or a part") {
    json all = ok(engine, "compositions", json::object());
    CHECK(pluck(all["compositions"], "formula") ==
          json({"Circuit Breaker = Timeout + Retry", "Reliable events = Outbox + Idempotency"}));
    CHECK(all["compositions"][1]["pattern"].is_null());
    CHECK(pluck(ok(engine, "compositions", {{"pattern", "idempotency"}})["compositions"], "id") == json({"reliable-events"}));
    CHECK(pluck(ok(engine, "compositions", {{"pattern", "circuit-breaker"}})["compositions"], "id") ==
          json({"resilient-client"}));
  }
  SUBCASE("the problem-solution matrix, by area or by pattern") {
    json all = ok(engine, "problems", json::object());
    CHECK(all["areas"] == json({"availability", "consistency"}));
    CHECK(all["problems"][0]["primary"] == json::parse(R"([{"pattern": "circuit-breaker", "title": "Circuit Breaker",
      "tier": "gold"}, {"pattern": "bulkhead", "title": "Bulkhead", "tier": "gold"}])"));
    CHECK(pluck(ok(engine, "problems", {{"area", "consistency"}})["problems"], "id") == json({"inconsistent"}));
    CHECK(pluck(ok(engine, "problems", {{"pattern", "retry"}})["problems"], "id") == json({"cascading"}));
    CHECK(failure(engine, "problems", {{"area", "cost"}})["message"] ==
          "$.area: 'cost' is not an area of the problem matrix (availability, consistency)");
  }
  SUBCASE("cards, all or one; unknown patterns are left out") {
    json card = ok(engine, "cards", {{"card", "resilience"}})["cards"][0];
    CHECK(pluck(card["essential"], "pattern") == json({"timeout", "circuit-breaker"}));
    CHECK(pluck(card["advanced"], "pattern") == json({"bulkhead"}));
    CHECK(ok(engine, "cards", json::object())["cards"].size() == 1);
    CHECK(failure(engine, "cards", {{"card", "speed"}})["message"] ==
          "$.card: 'speed' is not a card of the catalog (resilience)");
  }
}

TEST_CASE("the shipped catalog: well-known migrations, compositions and orders") {
  auto engine = engine_at(shipped_path());
  SUBCASE("two-phase commit migrates to saga with steps") {
    json result = ok(engine, "migrate", {{"pattern", "two-phase-commit"}});
    CHECK(result["legacy"] == true);
    REQUIRE(!result["to"].empty());
    json saga;
    for (const json& m : result["to"])
      if (m["pattern"] == "saga") saga = m;
    REQUIRE(saga.is_object());
    CHECK(!saga["steps"].empty());
    CHECK(!saga["triggers"].empty());  // families.yaml: distributed-transactions
  }
  SUBCASE("service mesh = sidecar + service discovery + load balancing + circuit breaker") {
    json result = ok(engine, "compositions", {{"pattern", "service-mesh"}});
    REQUIRE(!result["compositions"].empty());
    CHECK(result["compositions"][0]["formula"] == "Service Mesh = Sidecar + Service Discovery + Load Balancing + Circuit Breaker");
  }
  SUBCASE("every learning path's patterns can be ordered without a cycle") {
    const json paths = ok(engine, "paths", json::object())["paths"];  // keep the list alive for the loop
    for (const json& summary : paths) {
      json path = ok(engine, "path", {{"path", summary["id"]}});
      json ids = json::array();
      for (const json& stage : path["stages"])
        for (const json& p : stage["patterns"]) ids.push_back(p["pattern"]);
      json order = ok(engine, "order", {{"patterns", ids}, {"prerequisites", true}});
      CHECK(order["cycles"] == json::array());
    }
  }
}
