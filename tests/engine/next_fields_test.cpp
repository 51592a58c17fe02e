// next_fields on its own, over a small catalog written here: six rules on
// five fields, so that every answer can be worked out by hand.

#include <doctest/doctest.h>

#include "patsel/recommend.hpp"
#include "support.hpp"

using namespace patsel_test;

namespace {

const char* kCatalog = R"({"schema_version": 1, "patterns": [
  {"id": "p1", "title": "P1", "tier": "gold"}, {"id": "p2", "title": "P2", "tier": "gold"},
  {"id": "p3", "title": "P3", "tier": "gold"}, {"id": "p4", "title": "P4", "tier": "gold"}],
 "profile": [
  {"id": "n", "label": "N", "type": "number", "min": 0, "max": 100},
  {"id": "c", "label": "C", "type": "choice", "values": ["a", "b"]},
  {"id": "s", "label": "S", "type": "set", "values": ["x", "y"]},
  {"id": "flag", "label": "Flag", "type": "boolean"},
  {"id": "d", "label": "D", "type": "number", "min": 0, "max": 100}],
 "rules": [
  {"id": "r1", "when": {"field": "n", "op": "gte", "value": 10}, "effects": [{"pattern": "p1", "weight": 2, "reason": "r1"}]},
  {"id": "r2", "when": {"field": "n", "op": "lt", "value": 5}, "effects": [{"pattern": "p2", "weight": 1, "reason": "r2"}]},
  {"id": "r3", "when": {"field": "c", "op": "eq", "value": "b"},
   "effects": [{"pattern": "p1", "weight": 1, "reason": "r3"}, {"pattern": "p3", "weight": 1, "reason": "r3"}]},
  {"id": "r4", "when": {"field": "s", "op": "has", "value": "x"}, "effects": [{"pattern": "p4", "weight": 1, "reason": "r4"}]},
  {"id": "r5", "when": {"field": "flag", "op": "eq", "value": true}, "effects": [{"pattern": "p3", "weight": 2, "reason": "r5"}]},
  {"id": "r6", "when": {"field": "d", "op": "gte", "value": 50}, "effects": [{"pattern": "p3", "weight": -2, "reason": "r6"}]}]})";

struct Fixture {
  patsel::Catalog catalog = catalog_from_text(kCatalog);
  patsel::RuleBook book = patsel::read_rule_book(catalog.section("profile"), catalog.section("rules"));

  std::vector<patsel::NextField> next(const json& profile, std::size_t most = 3) const {
    REQUIRE(book.problems.empty());
    return patsel::next_fields(catalog, book, patsel::read_profile(book, profile), {}, most);
  }
  std::string id(const patsel::NextField& n) const { return book.fields[n.field].id; }
};

Strings ids(const std::vector<const patsel::Pattern*>& patterns) {
  Strings out;
  for (const patsel::Pattern* p : patterns) out.push_back(p->id);
  return out;
}

}  // namespace

TEST_CASE("next_fields: with nothing given, the field that brings in most comes first") {
  const Fixture f;
  const auto next = f.next(json::object());
  REQUIRE(next.size() == 3);
  // c = b brings in two patterns; n, s and flag one each (declaration order); d only
  // argues against p3, which changes nothing ranked.
  CHECK(f.id(next[0]) == "c");
  CHECK(next[0].value.word == "b");
  CHECK(ids(next[0].adds) == Strings{"p1", "p3"});
  CHECK(f.id(next[1]) == "n");
  CHECK(next[1].value.number == 4);  // one below the lowest constant (5) brings in p2; 11 would bring in p1, but 4 is tried first
  CHECK(ids(next[1].adds) == Strings{"p2"});
  CHECK(f.id(next[2]) == "s");
  CHECK(next[2].value.members == Strings{"x"});
  CHECK(ids(next[2].adds) == Strings{"p4"});
}

TEST_CASE("next_fields: patterns taken out count like patterns brought in; a reordering counts after both") {
  const Fixture f;
  // Ranked now: p1 and p3 (1 each, by title).
  const auto next = f.next({{"c", "b"}}, 5);
  REQUIRE(next.size() == 4);
  CHECK(f.id(next[0]) == "n");
  CHECK(ids(next[0].adds) == Strings{"p2"});
  CHECK(next[0].moves == 0);  // p1 and p3 keep their order around it
  CHECK(f.id(next[1]) == "s");
  CHECK(f.id(next[2]) == "d");
  CHECK(next[2].value.number == 50);  // 49 changes nothing, 50 is the first that does
  CHECK(ids(next[2].drops) == Strings{"p3"});
  CHECK(next[2].adds.empty());
  CHECK(f.id(next[3]) == "flag");  // yes puts p3 (3) before p1: nothing in or out, two moved
  CHECK(next[3].value.flag);
  CHECK(next[3].adds.empty());
  CHECK(next[3].drops.empty());
  CHECK(next[3].moves == 2);
}

TEST_CASE("next_fields: a field given, even with a value that could not be used, is not asked again") {
  const Fixture f;
  Strings asked;
  for (const auto& n : f.next({{"c", "b"}, {"n", "many"}}, 5)) asked.push_back(f.id(n));
  CHECK(asked == Strings{"s", "d", "flag"});
}

TEST_CASE("ranked_patterns from rule truths ranks as from the profile they come from") {
  const Fixture f;
  for (const json& given : {json::object(), json{{"n", 12}}, json{{"n", 2}, {"c", "b"}},
                            json{{"flag", true}, {"d", 80}, {"s", {"x"}}}}) {
    const patsel::Profile profile = patsel::read_profile(f.book, given);
    std::vector<patsel::Truth> truths;
    for (const patsel::Rule& rule : f.book.rules) truths.push_back(patsel::evaluate(f.book, rule.when, profile));
    CHECK_MESSAGE(ids(patsel::ranked_patterns(f.catalog, f.book, truths, {})) ==
                      ids(patsel::ranked_patterns(f.catalog, f.book, profile, {})),
                  given.dump());
  }
  // A rule that holds only in the truths given counts: the truths decide.
  const patsel::Profile empty = patsel::read_profile(f.book, json::object());
  std::vector<patsel::Truth> only_r5(f.book.rules.size(), patsel::Truth::unknown);
  only_r5[4] = patsel::Truth::yes;
  CHECK(ids(patsel::ranked_patterns(f.catalog, f.book, only_r5, {})) == Strings{"p3"});
  CHECK(ids(patsel::ranked_patterns(f.catalog, f.book, empty, {})).empty());
}
