// The reference sections as typed values (patsel/reference.hpp), over
// tests/fixtures/catalogs/reasoning.json, read by hand: one family
// (transactions), one learning path (basics), two compositions, two
// problems and one card that names an unknown pattern ("ghost").

#include <doctest/doctest.h>

#include "patsel/reference.hpp"
#include "support.hpp"

using patsel_test::Strings;

namespace {

struct Fixture {
  patsel::Catalog catalog = patsel_test::catalog_at(patsel_test::catalog_fixture("reasoning.json"));
  patsel::RelationGraph graph = patsel::RelationGraph::build(catalog);
  const patsel::Pattern* p(const char* id) const { return catalog.find(id); }
};

Strings ids(const std::vector<const patsel::Pattern*>& patterns) {
  Strings out;
  for (const patsel::Pattern* p : patterns) out.push_back(p->id);
  return out;
}

}  // namespace

TEST_CASE("section_ids lists the records that have an id, in order") {
  const Fixture f;
  CHECK(patsel::section_ids(f.catalog, "families") == Strings{"transactions"});
  CHECK(patsel::section_ids(f.catalog, "compositions") == Strings{"resilient-client", "reliable-events"});
  CHECK(patsel::section_ids(f.catalog, "no-such-section").empty());
}

TEST_CASE("families span the years of their timeline and name their patterns") {
  const Fixture f;
  const auto all = patsel::families(f.catalog);
  REQUIRE(all.size() == 1);
  CHECK(all[0].id == "transactions");
  CHECK(all[0].from_year == 1981);
  CHECK(all[0].to_year == 2015);
  // The 2015 step has a name, not a pattern: not in the list.
  CHECK(all[0].patterns == Strings{"two-phase-commit", "saga"});
  CHECK(patsel::families(f.catalog, f.p("saga")).size() == 1);
  CHECK(patsel::families(f.catalog, f.p("timeout")).empty());
}

TEST_CASE("a family's timeline: steps in or outside the catalog, and triggers") {
  const Fixture f;
  auto timeline = patsel::family_timeline(f.catalog, "transactions");
  REQUIRE(timeline);
  REQUIRE(timeline->steps.size() == 3);
  CHECK(timeline->steps[0].pattern == f.p("two-phase-commit"));
  CHECK(timeline->steps[0].title == "Two-Phase Commit");
  CHECK(timeline->steps[0].limitations == Strings{"Blocks"});
  CHECK(timeline->steps[2].pattern == nullptr);
  CHECK(timeline->steps[2].title == "Workflow engines");
  CHECK(timeline->steps[2].year == 2015);
  CHECK(timeline->steps[2].adopters == Strings{"Example Co", "Sample Inc"});
  REQUIRE(timeline->triggers.size() == 1);
  CHECK(timeline->triggers[0].from == f.p("two-phase-commit"));
  CHECK(timeline->triggers[0].to == f.p("saga"));
  CHECK_FALSE(patsel::family_timeline(f.catalog, "clocks"));
}

TEST_CASE("learning paths count their stages and patterns; a path shows prerequisites not yet learned") {
  const Fixture f;
  const auto paths = patsel::learning_paths(f.catalog);
  REQUIRE(paths.size() == 1);
  CHECK(paths[0].id == "basics");
  CHECK(paths[0].stages == 2);
  CHECK(paths[0].patterns == 4);

  auto path = patsel::learning_path(f.catalog, f.graph, "basics");
  REQUIRE(path);
  REQUIRE(path->stages.size() == 2);
  CHECK(path->stages[0].title == "Fail well");
  // circuit-breaker requires timeout, learned in the same stage.
  CHECK(path->stages[0].patterns[1].pattern == f.p("circuit-breaker"));
  CHECK(path->stages[0].patterns[1].requires_ == Strings{"timeout"});
  CHECK(path->stages[0].patterns[1].uncovered.empty());
  // saga requires outbox (related) and idempotency (dependencies); only outbox is on the path.
  CHECK(path->stages[1].patterns[0].requires_ == Strings{"outbox", "idempotency"});
  CHECK(path->stages[1].patterns[0].uncovered == Strings{"idempotency"});
  CHECK_FALSE(patsel::learning_path(f.catalog, f.graph, "advanced"));
}

TEST_CASE("compositions read as formulas; a pattern filter matches the whole or a part") {
  const Fixture f;
  const auto all = patsel::compositions(f.catalog);
  REQUIRE(all.size() == 2);
  CHECK(all[0].whole == f.p("circuit-breaker"));
  CHECK(all[0].formula == "Circuit Breaker = Timeout + Retry");
  CHECK(all[1].whole == nullptr);  // "Reliable events" is not a pattern: its title leads the formula
  CHECK(all[1].formula == "Reliable events = Outbox + Idempotency");
  CHECK(patsel::compositions(f.catalog, f.p("idempotency")).size() == 1);
  CHECK(patsel::compositions(f.catalog, f.p("circuit-breaker"))[0].id == "resilient-client");
  CHECK(patsel::compositions(f.catalog, f.p("saga")).empty());
}

TEST_CASE("the problem matrix, by area and by pattern") {
  const Fixture f;
  CHECK(patsel::problem_areas(f.catalog) == Strings{"availability", "consistency"});
  const auto all = patsel::problems(f.catalog);
  REQUIRE(all.size() == 2);
  CHECK(ids(all[0].primary) == Strings{"circuit-breaker", "bulkhead"});
  CHECK(ids(all[0].supporting) == Strings{"timeout", "retry"});
  CHECK(patsel::problems(f.catalog, "consistency")[0].id == "inconsistent");
  const auto with_retry = patsel::problems(f.catalog, {}, f.p("retry"));
  REQUIRE(with_retry.size() == 1);
  CHECK(with_retry[0].id == "cascading");
  CHECK(patsel::problems(f.catalog, "cost").empty());
}

TEST_CASE("cards, all or one; patterns the catalog lacks are left out") {
  const Fixture f;
  const auto all = patsel::cards(f.catalog);
  REQUIRE(all.size() == 1);
  CHECK(ids(all[0].essential) == Strings{"timeout", "circuit-breaker"});
  CHECK(ids(all[0].important) == Strings{"retry"});
  CHECK(ids(all[0].advanced) == Strings{"bulkhead"});  // "ghost" is not a pattern
  CHECK(patsel::cards(f.catalog, "resilience").size() == 1);
  CHECK(patsel::cards(f.catalog, "speed").empty());
}
