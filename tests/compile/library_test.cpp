// A pattern library in the shapes real MkDocs sites use
// (tests/fixtures/library): laws by id, status words outside the catalog's
// four, relations in the pages' Related sections, one pattern under two
// files. The expected report and relations were written by hand from the
// fixture files.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "patsel/compile/build.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kLibrary = fs::path(PATSEL_FIXTURES) / "library" / "docs";

json pattern(const json& catalog, const std::string& id) {
  for (const json& p : catalog["patterns"])
    if (p["id"] == id) return p;
  return nullptr;
}

std::string field_of(const json& catalog, const std::string& id, const std::string& field) {
  return pattern(catalog, id).value(field, std::string("(none)"));
}

}  // namespace

TEST_CASE("a real-shaped pattern library compiles faithfully") {
  const auto out = patsel::compile::build_catalog(kLibrary);
  const std::string lib = kLibrary.generic_string() + "/pattern-library/";

  SUBCASE("the report names each problem at its file and line, then sums up by rule and field") {
    CHECK(out.report.to_text() ==
          lib + "coordination/distributed-lock.md:8:38: warning: 'law-of-gravity' is not a law (1 correlated-failure, "
                "2 asynchronous-reality, 3 emergent-chaos, 4 multidimensional-optimization, 5 distributed-knowledge, "
                "6 cognitive-load, 7 economic-reality); skipped [page.bad_value]\n" +
          lib + "data-management/event-sourcing.md: warning: the id 'event-sourcing' is also the pattern of " + lib +
          "architecture/event-sourcing.md, which says more and is kept; this page is left out [page.duplicate]\n" +
          lib + "data-management/sharding.md:23: warning: the link to '../scaling/consistent-hashing.md' in a Related "
                "section leads to no page; left out [body.missing_page]\n" +
          lib + "resilience/bulkhead-gold.md: warning: 'Bulkhead' is also the pattern of " + lib +
          "resilience/bulkhead.md, which says more and is kept; 'bulkhead-gold' becomes one of its aliases (list it "
          "there to say so) [page.duplicate]\n" +
          lib + "resilience/circuit-breaker.md:45: warning: the link to '../scaling/rate-limiting.md' in a Related "
                "section leads to no page; left out [body.missing_page]\n" +
          lib + "resilience/retry-backoff-gold.md: warning: 'Retry with Backoff' is also the pattern of " + lib +
          "resilience/retry-backoff.md, which says more and is kept; 'retry-backoff-gold' becomes one of its aliases "
          "(list it there to say so) [page.duplicate]\n" +
          lib + "resilience/retry-backoff.md:37: warning: the link to '../communication/idempotent-receiver.md' in a "
                "Related section leads to no page; left out [body.missing_page]\n" +
          lib + "resilience/timeout.md:8:38: warning: 'state' is a pillar, not a law; moved to related_pillars "
                "[page.pillar_in_laws]\n"
                "0 errors, 8 warnings\n");
    CHECK(patsel::compile::build_summary(out) ==
          "compiled 25 patterns from 32 pages; 4 not patterns (2 index page, 1 type: guide, 1 type: law); "
          "3 duplicate pages merged; 50 relations from Related sections\n"
          "problems by rule:\n"
          "  body.missing_page     3 warnings\n"
          "  page.bad_value        1 warning\n"
          "  page.duplicate        3 warnings\n"
          "  page.pillar_in_laws   1 warning\n"
          "fields, by the pages that wrote them:\n"
          "  best_for              21 kept\n"
          "  category              2 kept, 1 dropped\n"
          "  current_relevance     25 kept\n"
          "  description           25 kept\n"
          "  difficulty            25 kept\n"
          "  excellence_tier       25 kept\n"
          "  introduced            1 kept\n"
          "  migration_paths       1 kept\n"
          "  modern_alternatives   1 kept\n"
          "  modern_examples       3 kept\n"
          "  pattern_status        25 kept\n"
          "  prerequisites         1 kept\n"
          "  production_checklist  3 kept\n"
          "  related_laws          25 kept\n"
          "  related_patterns      1 kept\n"
          "  related_pillars       9 kept\n"
          "  title                 25 kept\n"
          "  trade_offs            21 kept\n");
  }

  SUBCASE("every law reference resolves, by id, number or 'law N', and a pillar among laws is moved") {
    for (const json& p : out.catalog["patterns"]) {
      INFO(p["id"]);
      REQUIRE(p.contains("related_laws"));
      CHECK_FALSE(p["related_laws"].empty());
    }
    CHECK(pattern(out.catalog, "circuit-breaker")["related_laws"] ==
          json::parse(R"([{"law":1,"role":"primary"},{"law":3,"role":"primary"}])"));
    CHECK(pattern(out.catalog, "retry-backoff")["related_laws"] ==
          json::parse(R"([{"law":3,"role":"primary","aspect":"retry storms"},
                          {"law":2,"role":"secondary"},{"law":7,"role":"secondary"}])"));
    CHECK(pattern(out.catalog, "bulkhead")["related_laws"] ==
          json::parse(R"([{"law":1,"role":"primary"},{"law":6,"role":"secondary"}])"));
    CHECK(pattern(out.catalog, "timeout")["related_laws"] == json::parse(R"([{"law":2,"role":"primary"}])"));
    CHECK(pattern(out.catalog, "timeout")["related_pillars"] == json::array({"state"}));
    CHECK(pattern(out.catalog, "sharding")["related_pillars"] == json::array({"state"}));  // "state-distribution"
    // The site has no laws.yaml: the shipped laws and pillars come with its catalog.
    CHECK(out.catalog["laws"].size() == 7);
    CHECK(out.catalog["laws"][1]["id"] == "asynchronous-reality");
    CHECK(out.catalog["pillars"].size() == 5);
  }

  SUBCASE("status, relevance, category and difficulty words of the shipped vocabulary map") {
    CHECK(field_of(out.catalog, "timeout", "status") == "use-with-caution");        // use-with-expertise
    CHECK(field_of(out.catalog, "retry-backoff", "status") == "recommended");       // production-ready
    CHECK(field_of(out.catalog, "distributed-lock", "status") == "use-with-caution");  // cutting_edge
    CHECK(field_of(out.catalog, "two-phase-commit", "status") == "legacy");         // deprecated
    CHECK(field_of(out.catalog, "health-check", "status") == "stable");             // mature
    CHECK(field_of(out.catalog, "caching", "relevance") == "growing");              // emerging
    CHECK(field_of(out.catalog, "two-phase-commit", "relevance") == "declining");   // legacy
    CHECK(field_of(out.catalog, "sharding", "category") == "data-management");      // data
    CHECK(field_of(out.catalog, "failover", "category") == "resilience");           // visual-assets: the folder decides
    CHECK(field_of(out.catalog, "timeout", "difficulty") == "beginner");            // easy
    CHECK(field_of(out.catalog, "bulkhead", "difficulty") == "intermediate");       // medium
    CHECK(field_of(out.catalog, "load-shedding", "difficulty") == "advanced");      // hard
    for (const json& p : out.catalog["patterns"]) {
      INFO(p["id"]);
      CHECK(p.contains("status"));
      CHECK(p.contains("relevance"));
      CHECK(p.contains("category"));
      CHECK(p.contains("difficulty"));
    }
  }

  SUBCASE("every link to a pattern in a Related section is a typed relation with its row's words and line") {
    CHECK(out.stats.body_relations == 50);
    CHECK(pattern(out.catalog, "circuit-breaker")["related"] == json::parse(R"([
      {"pattern":"timeout","relation":"requires","source_line":38,
       "note":"Essential prerequisite - Timeout triggers circuit breaker failure detection"},
      {"pattern":"retry-backoff","relation":"complements","source_line":39,
       "note":"Retries the short faults while the breaker guards against the long ones"},
      {"pattern":"bulkhead","relation":"complements","source_line":40,
       "note":"Keeps the damage in one pool while the breaker decides"},
      {"pattern":"load-shedding","relation":"alternative","source_line":44,
       "note":"The server protects itself instead of trusting its callers"}])"));
    CHECK(pattern(out.catalog, "retry-backoff")["related"] == json::parse(R"([
      {"pattern":"circuit-breaker","relation":"complements","source_line":35,
       "note":"Works well with retries; Stops retrying a dependency that is down"},
      {"pattern":"timeout","relation":"requires","source_line":36,
       "note":"Prerequisite; A retry needs a failed attempt to end"}])"));
    // A list under "### Prerequisites"; a folder link (`retry-backoff/`); a bold label as sub-heading.
    CHECK(pattern(out.catalog, "bulkhead")["related"][0] ==
          json::parse(R"({"pattern":"timeout","relation":"requires","source_line":30})"));
    CHECK(pattern(out.catalog, "timeout")["related"][1] ==
          json::parse(R"({"pattern":"retry-backoff","relation":"related","source_line":22,
                          "note":"tries again after a timeout, with growing pauses"})"));
    CHECK(pattern(out.catalog, "health-check")["related"][1]["relation"] == "part-of");
    CHECK(pattern(out.catalog, "microservices")["related"] == json::parse(R"([
      {"pattern":"api-gateway","relation":"requires","source_line":26,"note":"One entry point for clients"},
      {"pattern":"circuit-breaker","relation":"requires","source_line":27,"note":"Calls between services fail"},
      {"pattern":"strangler-fig","relation":"related","source_line":31,
       "note":"the usual way from a monolith to services"},
      {"pattern":"two-phase-commit","relation":"conflicts-with","source_line":35,
       "note":"locks across services couple their availability"}])"));
    CHECK(pattern(out.catalog, "service-mesh")["related"][1] ==
          json::parse(R"({"pattern":"sidecar","relation":"evolves-from","source_line":25,
                          "note":"evolved from sidecars that each team ran by hand"})"));
    CHECK(pattern(out.catalog, "distributed-lock")["related"][1]["relation"] == "replaced-by");
    CHECK(pattern(out.catalog, "sidecar")["related"][0]["relation"] == "part-of");
    // "usually built on consensus" says who builds on whom only by word order: plain related.
    CHECK(pattern(out.catalog, "consensus")["related"][0]["relation"] == "related");
  }

  SUBCASE("links that are no pattern's page are ignored: web, images, law pages, code blocks") {
    CHECK(pattern(out.catalog, "api-gateway")["related"].size() == 1);       // https://example.org/bff
    CHECK(pattern(out.catalog, "service-mesh")["related"].size() == 2);      // ../visual-assets/mesh.png
    CHECK(pattern(out.catalog, "strangler-fig")["related"].size() == 2);     // a link inside ```markdown
    // The sidecar links to the breaker from the site's root.
    CHECK(pattern(out.catalog, "sidecar")["related"][1]["pattern"] == "circuit-breaker");
  }

  SUBCASE("the front matter wins over the body for a pattern both name") {
    CHECK(pattern(out.catalog, "saga")["related"] == json::parse(R"([
      {"pattern":"two-phase-commit","relation":"replaces","note":"Long-lived workflows across services"},
      {"pattern":"outbox","relation":"complements","source_line":37,
       "note":"Publishes each step's event with its local write"},
      {"pattern":"event-sourcing","relation":"complements","source_line":38,
       "note":"Keeps the history a saga needs to replay"}])"));
    // two-phase-commit's front matter names saga (modern_alternatives, migration_paths).
    CHECK(pattern(out.catalog, "two-phase-commit")["related"] == json::parse(R"([
      {"pattern":"consensus","relation":"requires","source_line":29,"note":"Non-blocking commit builds on it"}])"));
  }

  SUBCASE("one pattern under two files: the richer page stays, the other's id is an alias") {
    CHECK(out.stats.duplicates == 3);
    CHECK(pattern(out.catalog, "bulkhead-gold").is_null());
    CHECK(pattern(out.catalog, "bulkhead")["aliases"] == json::array({"bulkhead-gold"}));
    CHECK(pattern(out.catalog, "retry-backoff")["aliases"] == json::array({"retry-backoff-gold"}));
    CHECK(pattern(out.catalog, "event-sourcing")["url"] == "pattern-library/architecture/event-sourcing/");
    CHECK(out.catalog["patterns"].size() == 25);
  }

  SUBCASE("trade_offs as {pros, cons}, best_for as one sentence, prerequisites as page slugs are kept") {
    const json bulkhead = pattern(out.catalog, "bulkhead");
    CHECK(bulkhead["trade_offs"]["pros"].size() == 2);
    CHECK(bulkhead["trade_offs"]["cons"] ==
          json::array({"Idle pools waste capacity", "Every pool needs its own limit tuned"}));
    CHECK(bulkhead["best_for"] == json::array({"Services with several dependencies of different reliability"}));
    CHECK(bulkhead["prerequisites"] == json::array({"timeout", "health-check"}));
  }
}

TEST_CASE("--no-body-relations leaves the Related sections unread") {
  patsel::compile::BuildOptions options;
  options.body_relations = false;
  const auto out = patsel::compile::build_catalog(kLibrary, options);
  CHECK(out.stats.body_relations == 0);
  CHECK(out.report.count("body.missing_page") == 0);
  CHECK(out.report.warnings() == 5);
  CHECK(pattern(out.catalog, "circuit-breaker").count("related") == 0);
  CHECK(pattern(out.catalog, "saga")["related"] ==
        json::parse(R"([{"pattern":"two-phase-commit","relation":"replaces","note":"Long-lived workflows across services"}])"));
}

TEST_CASE("compiling only the pattern library folder reads the same relations") {
  // Links to ../../core-principles now leave the source and are not reported;
  // the sidecar's link from the site's root is found below it.
  const auto whole = patsel::compile::build_catalog(kLibrary);
  const auto part = patsel::compile::build_catalog(kLibrary / "pattern-library");
  CHECK(part.stats.body_relations == 50);
  CHECK(part.report.count("body.missing_page") == 3);
  for (const json& p : whole.catalog["patterns"]) {
    INFO(p["id"]);
    CHECK(pattern(part.catalog, p["id"])["related"] == p.value("related", json()));
  }
}
