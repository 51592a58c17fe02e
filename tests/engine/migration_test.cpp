// plan_migration on its own, over tests/fixtures/catalogs/reasoning.json:
// two-phase-commit (bronze) names saga in modern_alternatives and
// migration_paths.to, saga says it replaces two-phase-commit, and the
// "transactions" family has a trigger from one to the other.

#include <doctest/doctest.h>

#include "patsel/migration.hpp"
#include "support.hpp"

using patsel_test::Strings;

namespace {

struct Fixture {
  patsel::Catalog catalog = patsel_test::catalog_at(patsel_test::catalog_fixture("reasoning.json"));
  patsel::RelationGraph graph = patsel::RelationGraph::build(catalog);
  patsel::Migration of(const char* id) const { return patsel::plan_migration(catalog, graph, *catalog.find(id)); }
};

void check_saga_move(const patsel::MigrationMove& move) {
  CHECK(move.reasons == Strings{"Local commits with compensations."});  // modern_alternatives' reason
  CHECK(move.steps == Strings{"List the transactions", "Add compensations"});
  CHECK(move.guide == "/guides/2pc-to-saga");
  CHECK(move.triggers == Strings{"Services owned by different teams"});
  CHECK(move.families == Strings{"transactions"});
}

}  // namespace

TEST_CASE("plan_migration: a legacy pattern, what replaces it and how") {
  const Fixture f;
  const patsel::Migration m = f.of("two-phase-commit");
  CHECK(m.pattern->id == "two-phase-commit");
  CHECK(m.legacy);
  CHECK(m.deprecation_reason == "Blocks when the coordinator fails.");
  REQUIRE(m.to.size() == 1);  // named three times (path, alternative, trigger), listed once
  CHECK(m.to[0].pattern->id == "saga");
  check_saga_move(m.to[0]);
  CHECK(m.from.empty());
}

TEST_CASE("plan_migration: the replacement sees the same move from the other end") {
  const Fixture f;
  const patsel::Migration m = f.of("saga");
  CHECK_FALSE(m.legacy);
  CHECK(m.to.empty());
  REQUIRE(m.from.size() == 1);
  CHECK(m.from[0].pattern->id == "two-phase-commit");
  check_saga_move(m.from[0]);
}

TEST_CASE("plan_migration: a pattern nothing replaces") {
  const Fixture f;
  const patsel::Migration m = f.of("timeout");
  CHECK_FALSE(m.legacy);
  CHECK(m.deprecation_reason.empty());
  CHECK(m.to.empty());
  CHECK(m.from.empty());
}

TEST_CASE("plan_migration: steps come from the new pattern's migration_paths.from when the old one has none") {
  auto catalog = patsel_test::catalog_from_text(R"({"schema_version":1,"patterns":[
    {"id":"old","title":"Old","tier":"bronze","status":"legacy"},
    {"id":"new","title":"New","tier":"gold",
     "migration_paths":{"from":[{"pattern":"old","steps":["Copy","Switch"],"guide":"/g"}]}}]})");
  auto graph = patsel::RelationGraph::build(catalog);
  const patsel::Migration m = patsel::plan_migration(catalog, graph, *catalog.find("old"));
  CHECK(m.legacy);
  REQUIRE(m.to.size() == 1);
  CHECK(m.to[0].pattern->id == "new");
  CHECK(m.to[0].steps == Strings{"Copy", "Switch"});
  CHECK(m.to[0].guide == "/g");
  CHECK(m.to[0].reasons.empty());
  CHECK(m.to[0].families.empty());
}
