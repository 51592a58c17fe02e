// A docs tree shaped like a real MkDocs site, with every kind of mess the
// compiler must cope with (tests/fixtures/messy). The expected report was
// written by hand from the fixture files.
#include <doctest/doctest.h>

#include <filesystem>

#include "patsel/compile/build.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kMessy = fs::path(PATSEL_FIXTURES) / "messy";

json pattern(const json& catalog, const std::string& id) {
  for (const json& p : catalog["patterns"])
    if (p["id"] == id) return p;
  return nullptr;
}

}  // namespace

TEST_CASE("a messy docs tree: every problem is reported and everything else compiles") {
  patsel::compile::BuildOptions options;
  options.data_dir = kMessy / "data";
  auto out = patsel::compile::build_catalog(kMessy / "docs", options);
  const std::string docs = (kMessy / "docs").generic_string() + "/pattern-library/";
  const std::string data = (kMessy / "data").generic_string() + "/";

  SUBCASE("the report names each file, line and rule") {
    CHECK(out.report.to_text() ==
          data + "problems.yaml:6: error: 'timout' is not a pattern in the catalog (did you mean 'timeout'?) [ref.unknown]\n" +
          data + "trees/loops.yaml:11: error: option 'no-answer' leads to result 'missing-result', which does not exist [tree.missing_node]\n" +
          data + "trees/loops.yaml:14: error: answering 'second' can lead back to 'first': the tree loops [tree.cycle]\n" +
          data + "trees/loops.yaml:20: error: question 'island' cannot be reached from start [tree.unreachable]\n" +
          docs + "data-management/broken.md:1:1: error: '---' is never closed [page.unterminated_front_matter]\n" +
          docs + "data-management/list-front-matter.md:2:1: error: front matter must be a mapping of keys to values [page.not_a_mapping]\n" +
          docs + "data-management/no-front-matter.md:1:1: error: the page does not start with '---' [page.no_front_matter]\n" +
          docs + "data-management/two-phase-commit.md:4: error: a bronze pattern needs modern_alternatives [tier.bronze_alternatives]\n" +
          docs + "data-management/two-phase-commit.md:4: error: a bronze pattern needs a migration path (migration_paths.to) to a pattern in the catalog [tier.bronze_migration]\n" +
          docs + "deployment/blue-green-deployment.md: warning: 'Blue-Green Deployment' is also the pattern of " + docs +
          "deployment/blue-green.md, which says more and is kept; 'blue-green-deployment' becomes one of its aliases "
          "(list it there to say so) [page.duplicate]\n" +
          docs + "resilience/bulkhead.md:5: error: a gold pattern needs modern_examples (companies using it in production) [tier.gold_examples]\n" +
          docs + "resilience/circuit-breaker.md:4:18: warning: 'platinum' is not a tier (gold, silver, bronze) [page.bad_value]\n" +
          docs + "resilience/circuit-breaker.md:9: warning: 'timeot' in 'related_patterns' is not a pattern in the catalog (did you mean 'timeout'?); left out [ref.unknown]\n" +
          docs + "resilience/timeout.md:4:17: warning: 'pattern_status' still holds the template placeholder 'recommended|stable|legacy'; pick one of recommended, stable, use-with-caution, legacy [page.placeholder]\n" +
          docs + "resilience/timeout.md:6:14: warning: 'when_to_use' should be a list; read as a one-item list [page.expected_list]\n" +
          "10 errors, 5 warnings\n");
  }

  SUBCASE("the counts say what was compiled, skipped and left out") {
    CHECK(out.stats.pages == 14);
    CHECK(out.stats.patterns == 6);
    CHECK(out.stats.failed == 3);
    CHECK(out.stats.duplicates == 1);
    CHECK(out.stats.skipped ==
          std::map<std::string, int>{{"alias page of bulkhead", 1}, {"index page", 2}, {"type: guide", 1}});
  }

  SUBCASE("the good parts of bad pages survive") {
    const json breaker = pattern(out.catalog, "circuit-breaker");
    REQUIRE(breaker.is_object());
    CHECK(breaker["tier"] == "unclassified");
    CHECK(breaker["category"] == "resilience");  // from the folder
    CHECK(breaker["when_to_use"] == json::array({"Many dependencies"}));  // kebab-case key
    CHECK(breaker["reading_time"] == 9);
    CHECK(breaker["related"] == json::parse(R"([{"pattern":"bulkhead","relation":"related"},
                                                {"pattern":"timeout","relation":"related"}])"));
    const json timeout = pattern(out.catalog, "timeout");
    CHECK(timeout["introduced"] == "2020");
    CHECK_FALSE(timeout.contains("status"));
    CHECK(timeout["related_laws"] == json::parse(R"([{"law":2,"role":"primary","aspect":"no global clock"}])"));
    CHECK(pattern(out.catalog, "saga")["introduced"] == "2020-01");
    CHECK(pattern(out.catalog, "saga")["excerpt"] == "An order spans services.");
    CHECK(pattern(out.catalog, "bulkhead")["summary"] == "Isolate resources per dependency.");
    CHECK(pattern(out.catalog, "bulkhead-gold").is_null());
    // Two pages of one pattern: the one that says more (its description is
    // longer) keeps the other's id as an alias.
    CHECK(pattern(out.catalog, "blue-green-deployment").is_null());
    CHECK(pattern(out.catalog, "blue-green")["aliases"] == json::array({"blue-green-deployment"}));
    CHECK(pattern(out.catalog, "two-phase-commit").is_object());  // incomplete, reported, kept
  }

  SUBCASE("a broken tree is left out; data with a bad reference keeps its good ones") {
    CHECK(out.catalog["trees"] == json::array());
    CHECK(out.catalog["problems"][0]["primary"] == json::array({"circuit-breaker", "bulkhead"}));
    CHECK(out.catalog["problems"][0]["supporting"] == json::array());
  }
}
