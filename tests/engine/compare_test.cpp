// compare_patterns on its own, over tests/fixtures/catalogs/reasoning.json:
// the rows in words, the fit to a profile, one relation per pair. Expected
// tables are read off the fixture by hand.

#include <doctest/doctest.h>

#include <map>

#include "patsel/compare.hpp"
#include "support.hpp"

using namespace patsel_test;
using patsel::CompareCell;
using patsel::Fit;
using patsel::Relation;

namespace {

struct Fixture {
  patsel::Catalog catalog = catalog_at(catalog_fixture("reasoning.json"));
  patsel::RelationGraph graph = patsel::RelationGraph::build(catalog);
  patsel::RuleBook book = patsel::read_rule_book(catalog.section("profile"), catalog.section("rules"));

  patsel::Comparison compare(std::vector<const char*> ids, const json* profile = nullptr) const {
    std::vector<const patsel::Pattern*> patterns;
    for (const char* id : ids) patterns.push_back(catalog.find(id));
    if (!profile) return patsel::compare_patterns(catalog, book, graph, patterns);
    const patsel::Profile read = patsel::read_profile(book, *profile);
    return patsel::compare_patterns(catalog, book, graph, patterns, &read);
  }
};

CompareCell plain(std::vector<std::string> texts) {
  CompareCell cell;
  for (std::string& t : texts) cell.push_back({std::move(t), Fit::none});
  return cell;
}

std::map<std::string, patsel::CompareRow> by_attribute(const patsel::Comparison& table) {
  std::map<std::string, patsel::CompareRow> rows;
  for (const auto& row : table.rows) rows[row.attribute] = row;
  return rows;
}

Strings attributes(const patsel::Comparison& table) {
  Strings out;
  for (const auto& row : table.rows) out.push_back(row.attribute);
  return out;
}

}  // namespace

TEST_CASE("compare: saga and two-phase commit in the rows an architect decides on, in words") {
  const Fixture f;
  const auto table = f.compare({"saga", "two-phase-commit"});
  // Rows where the fixture says nothing for either pattern are left out.
  CHECK(attributes(table) == Strings{"maturity", "atomicity", "isolation", "under_failure", "latency_cost", "complexity",
                                     "team_time", "pros", "cons", "rules:consistency"});
  auto rows = by_attribute(table);
  CHECK(rows["maturity"].label == "Maturity and tier");
  CHECK(rows["maturity"].cells == std::vector<CompareCell>{plain({"gold", "Recommended, mainstream", "Introduced in 1987"}),
                                                           plain({"bronze", "Use with caution"})});
  CHECK(rows["atomicity"].group == "Guarantees");
  CHECK(rows["atomicity"].cells ==
        std::vector<CompareCell>{plain({"All or nothing in the end."}), plain({"All or nothing at once."})});
  CHECK(rows["isolation"].cells ==
        std::vector<CompareCell>{plain({"None between sagas."}), plain({"Locks held until the commit."})});
  CHECK(rows["under_failure"].cells == std::vector<CompareCell>{plain({"Compensations undo the steps already done."}), {}});
  CHECK(rows["latency_cost"].cells == std::vector<CompareCell>{{}, plain({"Two round trips per commit."})});
  CHECK(rows["complexity"].cells == std::vector<CompareCell>{plain({"Effort to build: high"}), {}});
  CHECK(rows["team_time"].cells == std::vector<CompareCell>{plain({"3-5 engineers, weeks to build"}), {}});
  // What the rules on one field say, in words and marked, never as a weight.
  CHECK(rows["rules:consistency"].group == "What the rules say");
  CHECK(rows["rules:consistency"].label == "Consistency");
  CHECK(rows["rules:consistency"].cells ==
        std::vector<CompareCell>{{{"Not eventual: Keeps business invariants in the end.", Fit::good}},
                                 {{"Strong: Atomic commit across stores.", Fit::good}}});
  // Saga replaces two-phase commit: said once, from saga's side, with its note.
  REQUIRE(table.relations.size() == 1);
  CHECK(table.relations[0].from->id == "saga");
  CHECK(table.relations[0].to->id == "two-phase-commit");
  CHECK(table.relations[0].relation == Relation::replaces);
  CHECK(table.relations[0].note == "Local commits with compensations.");
  CHECK(table.relations[0].also.empty());
}

TEST_CASE("compare: a pair the catalog relates several ways is one relation, the one that matters most") {
  const Fixture f;
  // Circuit breaker requires timeout, evolved from it, and has it as a part.
  const auto table = f.compare({"timeout", "circuit-breaker"});
  REQUIRE(table.relations.size() == 1);
  const auto& r = table.relations[0];
  CHECK(r.from->id == "circuit-breaker");  // read from the side that requires, though timeout comes first
  CHECK(r.to->id == "timeout");
  CHECK(r.relation == Relation::requires_);
  CHECK(r.note == "slow calls must fail first");
  CHECK(r.also == std::vector<Relation>{Relation::evolves_from, Relation::part_of});
  auto rows = by_attribute(table);
  CHECK(rows["operations"].cells ==
        std::vector<CompareCell>{plain({"Maintenance: low"}),
                                 plain({"Maintenance: low", "2 metrics to watch", "1 alert", "1 recurring task (quarterly)"})});
  CHECK(rows["team_time"].cells ==
        std::vector<CompareCell>{plain({"Hours to build"}), plain({"1-2 engineers, days to build", "Expertise: failure analysis"})});
  CHECK(rows["rules:dependencies"].cells ==
        std::vector<CompareCell>{{{"1 or more: Every call can hang.", Fit::good}}, {}});
}

TEST_CASE("compare: with a profile, how each pattern fits it comes right after the tier, and the rules rows go") {
  const Fixture f;
  const json profile = {{"consistency", "strong"}, {"budget", "low"}};
  const auto table = f.compare({"two-phase-commit", "microservices", "timeout"}, &profile);
  REQUIRE(table.rows.size() >= 2);
  CHECK(table.rows[1].attribute == "fit");
  CHECK(table.rows[1].label == "Your requirements");
  CHECK(table.rows[1].cells == std::vector<CompareCell>{{{"Atomic commit across stores.", Fit::good}},
                                                        {{"Each service costs.", Fit::poor}},
                                                        {}});
  for (const auto& row : table.rows) CHECK(row.attribute.rfind("rules:", 0) == std::string::npos);
  CHECK(table.relations.size() == 1);  // two-phase commit conflicts with microservices; timeout relates to neither
  // A profile the rules say nothing about for these patterns still gets its row, empty.
  const json quiet = {{"budget", "high"}};
  const auto none = f.compare({"saga", "timeout"}, &quiet);
  CHECK(none.rows[1].attribute == "fit");
  CHECK(none.rows[1].cells == std::vector<CompareCell>{{}, {}});
  CHECK(table.relations[0].relation == Relation::conflicts_with);
  CHECK(table.relations[0].note == "couples every service");
}

TEST_CASE("compare: no line of the shipped catalog's comparisons shows a score") {
  const patsel::Catalog catalog = catalog_at(shipped_path());
  const auto graph = patsel::RelationGraph::build(catalog);
  const auto book = patsel::read_rule_book(catalog.section("profile"), catalog.section("rules"));
  std::vector<const patsel::Pattern*> patterns = {catalog.find("saga"), catalog.find("two-phase-commit"), catalog.find("outbox")};
  const auto table = patsel::compare_patterns(catalog, book, graph, patterns);
  auto rows = by_attribute(table);
  // The decision rows are filled for all three.
  for (const char* attribute : {"atomicity", "isolation", "consistency", "under_failure", "latency_cost", "complexity",
                                "team_time", "operations"}) {
    CAPTURE(attribute);
    REQUIRE(rows.count(attribute));
    for (const CompareCell& cell : rows[attribute].cells) CHECK(!cell.empty());
  }
  for (const auto& row : table.rows)
    for (const CompareCell& cell : row.cells)
      for (const auto& line : cell) {
        CAPTURE(line.text);
        CHECK(line.text.find(": +") == std::string::npos);
        CHECK(line.text.find(": -") == std::string::npos);
      }
  // One relation per pair: saga with two-phase commit, saga with outbox, two-phase commit with outbox.
  REQUIRE(table.relations.size() == 3);
  CHECK(table.relations[0].from->id == "saga");
  CHECK(table.relations[0].relation == Relation::replaces);
  CHECK(table.relations[1].relation == Relation::requires_);  // saga requires outbox
  CHECK(table.relations[2].from->id == "outbox");             // outbox replaces two-phase commit
  CHECK(table.relations[2].relation == Relation::replaces);
}

TEST_CASE("the compare method: lines with their fit, groups, one relation per pair, the profile's problems") {
  auto engine = engine_at(catalog_fixture("reasoning.json"));
  SUBCASE("without a profile") {
    json table = ok(engine, "compare", {{"patterns", {"saga", "two-phase-commit"}}});
    CHECK(pluck(table["patterns"], "pattern") == json({"saga", "two-phase-commit"}));
    CHECK(table["rows"][1] == json::parse(R"j({"attribute": "atomicity", "label": "Atomicity", "group": "Guarantees",
      "cells": [[{"text": "All or nothing in the end."}], [{"text": "All or nothing at once."}]]})j"));
    CHECK(table["rows"].back() == json::parse(R"j({"attribute": "rules:consistency", "label": "Consistency",
      "group": "What the rules say", "cells": [[{"text": "Not eventual: Keeps business invariants in the end.", "fit": "good"}],
                                               [{"text": "Strong: Atomic commit across stores.", "fit": "good"}]]})j"));
    CHECK(table["relations"] == json::parse(R"j([{"from": "saga", "to": "two-phase-commit", "relation": "replaces",
      "note": "Local commits with compensations.", "also": []}])j"));
    CHECK_FALSE(table.contains("unknown_fields"));
  }
  SUBCASE("with a profile: the fit row, and the fields that could not be used") {
    json table = ok(engine, "compare", {{"patterns", {"two-phase-commit", "microservices"}},
                                        {"profile", {{"budget", "low"}, {"colour", "red"}, {"team", 0}}}});
    CHECK(table["rows"][1] == json::parse(R"j({"attribute": "fit", "label": "Your requirements",
      "cells": [[], [{"text": "Each service costs.", "fit": "poor"}]]})j"));
    CHECK(table["unknown_fields"] == json({"colour"}));
    CHECK(pluck(table["invalid_fields"], "field") == json({"team"}));
  }
  SUBCASE("two to five distinct patterns, and a profile that is an object") {
    CHECK(failure(engine, "compare", {{"patterns", {"saga"}}})["message"] == "$.patterns: 1 pattern given; expected 2 to 5");
    CHECK(failure(engine, "compare", {{"patterns", {"saga", "timeout", "retry", "outbox", "queue", "bulkhead"}}})["message"] ==
          "$.patterns: 6 patterns given; expected 2 to 5");
    CHECK(failure(engine, "compare", {{"patterns", {"saga", "timeout"}}, {"profile", "strong"}}) ==
          json::parse(R"j({"code": "params.bad_option", "message": "$.profile: expected an object of field values"})j"));
  }
}
