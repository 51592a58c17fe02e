// Facet filters, counts, ranges, sorting and paging against
// tests/fixtures/catalogs/search.json (13 patterns: 8 gold, 3 silver,
// 2 bronze). Counts are tallied by hand from that file.

#include <doctest/doctest.h>

#include "support.hpp"

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "patsel/api.hpp"
#include "patsel/facets.hpp"

using patsel_test::json;
using patsel_test::Strings;

namespace {

struct Fixture {
  patsel::api::Engine engine = patsel_test::engine_at(patsel_test::catalog_fixture("search.json"));
  json search(const json& params) const {
    json answer = json::parse(engine.call("search", params.dump()));
    REQUIRE_MESSAGE(answer["ok"] == true, answer.dump());
    return answer["result"];
  }
  Strings ids(const json& params) const {
    Strings out;
    const json result = search(params);
    for (const json& hit : result["hits"]) out.push_back(hit["id"].get<std::string>());
    return out;
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

// [{"value","count","selected"}...] as "value count" strings, "*" for selected.
Strings counts(const json& values) {
  Strings out;
  for (const json& v : values)
    out.push_back((v["selected"].get<bool>() ? "*" : "") + v["value"].get<std::string>() + " " +
                  std::to_string(v["count"].get<int>()));
  return out;
}

// p0..p4 tagged t0..t4, and the first three also "common": common 3, t0..t4 1 each.
json five_tagged_patterns() {
  json catalog = {{"schema_version", 1}, {"patterns", json::array()}};
  for (int i = 0; i < 5; ++i)
    catalog["patterns"].push_back({{"id", "p" + std::to_string(i)},
                                   {"title", "P" + std::to_string(i)},
                                   {"tags", i < 3 ? json::array({"common", "t" + std::to_string(i)})
                                                  : json::array({"t" + std::to_string(i)})}});
  return catalog;
}

}  // namespace

TEST_CASE("facet counts without a selection") {
  json result = fixture().search(json::object());
  CHECK(result["total"] == 13);
  CHECK(counts(result["facets"]["tier"]) == Strings{"gold 8", "silver 3", "bronze 2"});
  CHECK(counts(result["facets"]["category"]) ==
        Strings{"data-management 4", "resilience 4", "communication 2", "coordination 2", "scaling 1"});
  CHECK(counts(result["facets"]["effort"]) == Strings{"low 2", "high 1", "medium 1"});
  CHECK(counts(result["facets"]["ecosystem"]) == Strings{"java 3", "elixir 2", "go 1"});
  CHECK(result["ranges"] == json::parse(R"({"introduced":{"min":1976,"max":2019},"reading_time":{"min":7,"max":14}})"));
}

TEST_CASE("filters are OR within a facet and AND across facets") {
  const Fixture& f = fixture();
  json result = f.search({{"filters", {{"tier", {"gold", "silver"}}, {"category", {"resilience"}}}}});
  CHECK(result["total"] == 4);
  CHECK(f.ids({{"filters", {{"tier", {"gold", "silver"}}, {"category", {"resilience"}}}}}) ==
        Strings{"bulkhead", "circuit-breaker", "retry-backoff", "timeout"});
  SUBCASE("each facet is counted ignoring its own selection") {
    // Tiers among resilience patterns: all four are gold; silver is selected
    // and shown with 0. Categories among gold and silver patterns (11).
    CHECK(counts(result["facets"]["tier"]) == Strings{"*gold 4", "*silver 0"});
    CHECK(counts(result["facets"]["category"]) ==
          Strings{"*resilience 4", "data-management 3", "coordination 2", "communication 1", "scaling 1"});
    // Other facets count the patterns that pass every filter.
    CHECK(counts(result["facets"]["difficulty"]) == Strings{"beginner 2", "intermediate 2"});
  }
  SUBCASE("a multi-valued facet matches any of its values") {
    // elixir: circuit-breaker, saga; go: timeout.
    CHECK(f.search({{"filters", {{"ecosystem", {"go", "elixir"}}}}})["total"] == 3);
    json gold = f.search({{"filters", {{"tier", {"gold"}}}}});
    CHECK(counts(gold["facets"]["ecosystem"]) == Strings{"java 3", "elixir 2", "go 1"});
  }
  SUBCASE("a value the catalog does not have matches nothing and is still listed") {
    json result2 = f.search({{"filters", {{"tags", {"nope"}}}}});
    CHECK(result2["total"] == 0);
    // The tags facet ignores its own selection: the fixture's 21 tags, then "nope".
    const Strings tags = counts(result2["facets"]["tags"]);
    CHECK(tags.size() == 22);
    CHECK(tags.front() == "cascading-failure 2");
    CHECK(tags.back() == "*nope 0");
  }
  SUBCASE("facets combine with a query") {
    json result2 = f.search({{"query", "split brain "}, {"facets", {"tags", "tier"}}});
    CHECK(counts(result2["facets"]["tags"]) == Strings{"split-brain 2", "epochs 1", "leases 1"});
    CHECK(result2["facets"].size() == 2);
  }
}

TEST_CASE("range filters") {
  const Fixture& f = fixture();
  json result = f.search({{"ranges", {{"introduced", {2000, 2010}}}}});
  // circuit-breaker 2007-03, bulkhead 2007, event-sourcing 2005-12, cqrs 2010.
  CHECK(result["total"] == 4);
  SUBCASE("a range's own bounds ignore it; the others' respect it") {
    CHECK(result["ranges"]["introduced"] == json::parse(R"({"min":1976,"max":2019})"));
    CHECK(result["ranges"]["reading_time"] == json::parse(R"({"min":10,"max":13})"));
  }
  SUBCASE("open ends") {
    CHECK(f.search({{"ranges", {{"introduced", {2010, nullptr}}}}})["total"] == 3);  // cqrs, idempotency, cafe
    CHECK(f.search({{"ranges", {{"reading_time", {nullptr, 8}}}}})["total"] == 3);   // cafe 7, timeout 8, clock 8
  }
  SUBCASE("bad ranges are errors") {
    json answer = json::parse(f.engine.call("search", R"({"ranges":{"introduced":[2010,2000]}})"));
    CHECK(answer["error"]["message"] == "$.ranges.introduced: min 2010 is above max 2000");
    answer = json::parse(f.engine.call("search", R"({"ranges":{"introduced":"2010"}})"));
    CHECK(answer["error"]["message"] == "$.ranges.introduced: expected [min, max] with integers or null for an open end");
    answer = json::parse(f.engine.call("search", R"({"ranges":{"year":[1,2]}})"));
    CHECK(answer["error"]["message"] == "$.ranges.year: not a range (introduced, reading_time)");
  }
}

TEST_CASE("sort orders") {
  const Fixture& f = fixture();
  SUBCASE("by introduction date, newest first; a month breaks a year's tie") {
    CHECK(f.ids({{"sort", "introduced-newest"}}) ==
          Strings{"cafe-cache", "idempotency", "cqrs", "circuit-breaker", "bulkhead", "event-sourcing", "lease",
                  "generation-clock", "saga", "gossip-protocol", "timeout", "two-phase-commit", "retry-backoff"});
  }
  SUBCASE("oldest first") {
    CHECK(f.ids({{"sort", "introduced-oldest"}, {"limit", 3}}) ==
          Strings{"retry-backoff", "two-phase-commit", "timeout"});
  }
  SUBCASE("by reading time, ties by tier then title") {
    CHECK(f.ids({{"sort", "reading-time"}}) ==
          Strings{"cafe-cache", "generation-clock", "timeout", "idempotency", "bulkhead", "lease", "retry-backoff",
                  "gossip-protocol", "two-phase-commit", "circuit-breaker", "cqrs", "event-sourcing", "saga"});
  }
  SUBCASE("by title, ignoring case and accents") {
    CHECK(f.ids({{"sort", "title"}, {"limit", 5}}) ==
          Strings{"bulkhead", "cafe-cache", "circuit-breaker", "cqrs", "event-sourcing"});
  }
  SUBCASE("a query sorted by tier keeps relevance within a tier") {
    CHECK(f.ids({{"query", "2pc"}, {"sort", "tier"}}) == Strings{"saga", "two-phase-commit"});
  }
}

TEST_CASE("paging") {
  const Fixture& f = fixture();
  json page = f.search({{"limit", 5}, {"offset", 5}});
  CHECK(page["total"] == 13);
  CHECK(page["offset"] == 5);
  CHECK(f.ids({{"limit", 5}, {"offset", 5}}) ==
        Strings{"retry-backoff", "saga", "timeout", "cafe-cache", "cqrs"});
  CHECK(f.search({{"offset", 20}})["hits"].empty());
  CHECK(f.search({{"limit", 0}})["total"] == 13);
}

TEST_CASE("facet options are checked") {
  const Fixture& f = fixture();
  auto message = [&](const char* params) {
    return json::parse(f.engine.call("search", params))["error"]["message"].get<std::string>();
  };
  CHECK(message(R"({"filters":{"colour":["red"]}})") ==
        "$.filters.colour: not a facet (tier, category, domain, layer, status, relevance, difficulty, tags, effort, "
        "team_size, ecosystem)");
  CHECK(message(R"({"filters":{"tier":["gold","platinum"]}})") ==
        "$.filters.tier[1]: 'platinum' is not a tier (gold, silver, bronze, unclassified)");
  CHECK(message(R"({"filters":{"tier":"gold"}})") == "$.filters.tier: expected an array of strings");
  CHECK(message(R"({"facets":["tier","size"]})") ==
        "$.facets[1]: 'size' is not a facet (tier, category, domain, layer, status, relevance, difficulty, tags, "
        "effort, team_size, ecosystem)");
  CHECK(message(R"({"colour":1})") == "$.colour: not an option of this call");
}

TEST_CASE("facet values are limited to the most frequent, selected ones always listed") {
  patsel::api::Engine engine;
  engine.load(five_tagged_patterns().dump());
  json result = json::parse(engine.call("search", R"({"facets":["tags"],"facet_limit":2,"filters":{"tags":["t4"]}})"));
  // common 3, then t0..t4 with 1 each: the two most frequent are common and t0; t4 is selected.
  CHECK(counts(result["result"]["facets"]["tags"]) == Strings{"common 3", "t0 1", "*t4 1"});
}

TEST_CASE("facet_values lists exactly the values asked for, with their counts") {
  patsel::api::Engine engine;
  engine.load(five_tagged_patterns().dump());
  const auto tags = [&](const json& params) {
    json answer = json::parse(engine.call("search", params.dump()));
    REQUIRE_MESSAGE(answer["ok"] == true, answer.dump());
    return counts(answer["result"]["facets"]["tags"]);
  };
  // t3 is not among the two most frequent, but asked for; a value with no
  // match and one the catalog lacks are listed with 0; facet_limit does not apply.
  CHECK(tags({{"facets", {"tags"}}, {"facet_limit", 1}, {"facet_values", {{"tags", {"t3", "common", "nowhere"}}}}}) ==
        Strings{"common 3", "t3 1", "nowhere 0"});
  CHECK(tags({{"query", "p1"}, {"facets", {"tags"}}, {"facet_values", {{"tags", {"t3", "common"}}}}}) ==
        Strings{"common 1", "t3 0"});
  // Selected values are listed as well, selected.
  CHECK(tags({{"facets", {"tags"}}, {"filters", {{"tags", {"t4"}}}}, {"facet_values", {{"tags", {"t0"}}}}}) ==
        Strings{"t0 1", "*t4 1"});
  // Other facets keep their usual listing.
  json answer = json::parse(engine.call("search", R"({"facet_values":{"tags":["t0"]},"facet_limit":1})"));
  CHECK(answer["result"]["facets"]["tier"].size() == 1);

  SUBCASE("bad facet_values name the place") {
    json bad = json::parse(engine.call("search", R"({"facet_values":{"colour":["red"]}})"));
    CHECK(bad["error"]["code"] == "params.bad_option");
    CHECK(bad["error"]["message"].get<std::string>().rfind("$.facet_values.colour: not a facet", 0) == 0);
    bad = json::parse(engine.call("search", R"({"facet_values":{"tags":["a", 3]}})"));
    CHECK(bad["error"]["message"].get<std::string>().rfind("$.facet_values.tags[1]: expected a string", 0) == 0);
    bad = json::parse(engine.call("search", R"({"facet_values":["tags"]})"));
    CHECK(bad["error"]["message"].get<std::string>().rfind("$.facet_values: expected an object", 0) == 0);
  }
}
