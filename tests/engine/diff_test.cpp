// What changed between two catalogs. diff-old.json and diff-new.json differ
// in every kind of change, each once: pattern d removed and e added, a moved
// gold -> silver and recommended -> stable, b's relevance growing ->
// mainstream, b's "requires a" gone and "alternative c" new (its relations
// with d and e belong to d's removal and e's addition), tree t2 removed, t3
// added and t1's question reworded.

#include <doctest/doctest.h>

#include "patsel/diff.hpp"
#include "support.hpp"

using namespace patsel_test;

namespace {

Strings ids(const std::vector<const patsel::Pattern*>& patterns) {
  Strings out;
  for (const auto* p : patterns) out.push_back(p->id);
  return out;
}

Strings moves(const std::vector<patsel::FieldMove>& list) {
  Strings out;
  for (const auto& m : list) out.push_back(m.pattern->id + ": " + m.from + " -> " + m.to);
  return out;
}

Strings relations(const std::vector<patsel::RelationChange>& list) {
  Strings out;
  for (const auto& r : list) out.push_back(r.from + " " + r.relation + " " + r.to);
  return out;
}

Strings trees(const std::vector<patsel::TreeChange>& list) {
  Strings out;
  for (const auto& t : list) out.push_back(t.id + " (" + t.title + ")");
  return out;
}

}  // namespace

TEST_CASE("diff of two catalogs finds every kind of change") {
  const patsel::Catalog older = catalog_at(catalog_fixture("diff-old.json"));
  const patsel::Catalog newer = catalog_at(catalog_fixture("diff-new.json"));
  const patsel::CatalogDiff diff = patsel::diff_catalogs(older, newer);
  CHECK(ids(diff.added) == Strings{"e"});
  CHECK(ids(diff.removed) == Strings{"d"});
  CHECK(moves(diff.tier_moves) == Strings{"a: gold -> silver"});
  CHECK(moves(diff.status_moves) == Strings{"a: recommended -> stable"});
  CHECK(moves(diff.relevance_changes) == Strings{"b: growing -> mainstream"});
  CHECK(relations(diff.relations_added) == Strings{"b alternative c"});
  CHECK(relations(diff.relations_removed) == Strings{"b requires a"});
  CHECK(trees(diff.trees_added) == Strings{"t3 (Tree three)"});
  CHECK(trees(diff.trees_removed) == Strings{"t2 (Tree two)"});
  CHECK(trees(diff.trees_changed) == Strings{"t1 (Tree one)"});
  CHECK(diff.old_hash == "00000000000000aa");
  CHECK(diff.new_hash == "00000000000000bb");
  CHECK_FALSE(diff.empty());

  SUBCASE("the other way round, every change turns around") {
    const patsel::CatalogDiff back = patsel::diff_catalogs(newer, older);
    CHECK(ids(back.added) == Strings{"d"});
    CHECK(ids(back.removed) == Strings{"e"});
    CHECK(moves(back.tier_moves) == Strings{"a: silver -> gold"});
    CHECK(relations(back.relations_added) == Strings{"b requires a"});
    CHECK(trees(back.trees_added) == Strings{"t2 (Tree two)"});
    CHECK(trees(back.trees_changed) == Strings{"t1 (Tree one)"});
  }
}

TEST_CASE("a catalog compared with itself has no changes") {
  const patsel::Catalog catalog = catalog_at(catalog_fixture("diff-new.json"));
  CHECK(patsel::diff_catalogs(catalog, catalog).empty());
}

TEST_CASE("the diff method compares the loaded catalog with an older one given as text") {
  auto engine = engine_at(catalog_fixture("diff-new.json"));
  json r = ok(engine, "diff", {{"since", read_text(catalog_fixture("diff-old.json"))}});
  CHECK(r["same"] == false);
  CHECK(r["old"] == json::parse(R"({"content_hash":"00000000000000aa","patterns":4})"));
  CHECK(r["tier_moves"] == json::parse(R"([{"pattern":"a","title":"Alpha","tier":"silver","from":"gold","to":"silver"}])"));
  CHECK(r["relations_removed"] == json::parse(R"([{"from":"b","relation":"requires","to":"a"}])"));
  CHECK(r["removed"] == json::parse(R"([{"pattern":"d","title":"Delta","tier":"silver"}])"));
  SUBCASE("a since that is no catalog is an error that says so") {
    json error = failure(engine, "diff", {{"since", "{\"patterns\": 3}"}});
    CHECK(error["code"] == "catalog.bad_shape");
    CHECK(error["message"] == "$.since: $.schema_version: missing or not an integer");
    CHECK(failure(engine, "diff", json::object())["message"] ==
          "$.since: the older catalog is required, as the text of its catalog.json");
  }
}

TEST_CASE("Engine::diff takes the older catalog as text, under the catalog limits rather than the params limit") {
  const std::string older = read_text(catalog_fixture("diff-old.json"));
  auto engine = engine_at(catalog_fixture("diff-new.json"));
  json direct = json::parse(engine.diff(older));
  CHECK(direct["ok"] == true);
  CHECK(direct["result"] == ok(engine, "diff", {{"since", older}}));
  SUBCASE("an older catalog larger than max_params_bytes is still compared") {
    patsel::api::Engine small;
    json loaded = json::parse(small.load(read_text(catalog_fixture("diff-new.json")), R"({"max_params_bytes": 64})"));
    REQUIRE(loaded["ok"] == true);
    CHECK(json::parse(small.diff(older))["result"]["removed"][0]["pattern"] == "d");
    CHECK(json::parse(small.call("diff", json{{"since", older}}.dump()))["error"]["code"] == "params.too_large");
  }
  SUBCASE("a broken or oversized older catalog is an error naming it") {
    json broken = json::parse(engine.diff("{\"patterns\": 3}"));
    CHECK(broken["error"]["code"] == "catalog.bad_shape");
    CHECK(broken["error"]["message"] == "the older catalog: $.schema_version: missing or not an integer");
    patsel::api::Engine tight;
    REQUIRE(json::parse(tight.load(read_text(catalog_fixture("diff-new.json")), R"({"max_catalog_bytes": 1600})"))["ok"] == true);
    CHECK(json::parse(tight.diff(older + std::string(200, ' ')))["error"]["code"] == "catalog.too_large");
  }
  SUBCASE("an engine with no catalog says so") {
    patsel::api::Engine empty;
    CHECK(json::parse(empty.diff(older))["error"]["code"] == "engine.not_loaded");
  }
}
