#include <doctest/doctest.h>

#include "patsel/compile/page.hpp"

using nlohmann::json;
using patsel::compile::compile_page;
using patsel::compile::PageInput;
using patsel::compile::Report;

namespace {

// Compiles one page given as text; the report's text lets tests assert the
// whole message, place included.
struct Compiled {
  patsel::compile::PageOutcome outcome;
  Report report;
};

Compiled compile(const std::string& text, const std::string& relative = "patterns/sample.md") {
  Compiled c;
  c.outcome = compile_page(PageInput{"data/" + relative, relative, text}, c.report);
  return c;
}

}  // namespace

TEST_CASE("a page becomes a normalized record") {
  auto c = compile(R"(---
title: Circuit Breaker
description: Stop calling a failing dependency.
aliases: circuit-breaker-enhanced
excellence_tier: Gold
pattern_status: recommended
introduced: 2007-03
reading-time: 12 min
when_to_use:
  - Many dependencies
related_laws: [1, 3]
related_pillars: [work-distribution, control]
related_patterns:
  - timeout
  - pattern: bulkhead
    relation: complements
    note: isolates pools
---
## Problem
Calls to a failing service pile **up** and [exhaust](x.md) threads.

More text.
)");
  REQUIRE(c.outcome.record);
  const json& r = *c.outcome.record;
  CHECK(r["id"] == "sample");
  CHECK(r["url"] == "patterns/sample/");
  CHECK(r["summary"] == "Stop calling a failing dependency.");
  CHECK(r["tier"] == "gold");
  CHECK(r["introduced"] == "2007-03");
  CHECK(r["reading_time"] == 12);
  CHECK(r["aliases"] == json::array({"circuit-breaker-enhanced"}));
  CHECK(r["related_laws"] == json::parse(R"([{"law":1,"role":"primary"},{"law":3,"role":"primary"}])"));
  CHECK(r["related_pillars"] == json::array({"work", "control"}));
  CHECK(r["related"] == json::parse(R"([{"pattern":"timeout","relation":"related"},
    {"pattern":"bulkhead","relation":"complements","note":"isolates pools"}])"));
  CHECK(r["excerpt"] == "Calls to a failing service pile up and exhaust threads.");
  // The one coercion (a string where a list belongs) is reported at its line.
  CHECK(c.report.to_text() ==
        "data/patterns/sample.md:4:10: warning: 'aliases' should be a list; read as a one-item list "
        "[page.expected_list]\n0 errors, 1 warning\n");
}

TEST_CASE("values outside the vocabulary are warnings and leave the field unset") {
  auto c = compile("---\ntitle: X\nexcellence_tier: platinum\npattern_status: recommended|stable|legacy\n"
                   "current_relevance: revolutionary\n---\n");
  REQUIRE(c.outcome.record);
  CHECK((*c.outcome.record)["tier"] == "unclassified");
  CHECK_FALSE(c.outcome.record->contains("status"));
  CHECK(c.report.to_text() ==
        "data/patterns/sample.md:3:18: warning: 'platinum' is not a tier (gold, silver, bronze) [page.bad_value]\n"
        "data/patterns/sample.md:4:17: warning: 'pattern_status' still holds the template placeholder "
        "'recommended|stable|legacy'; pick one of recommended, stable, use-with-caution, legacy [page.placeholder]\n"
        "data/patterns/sample.md:5:20: warning: 'revolutionary' is not a relevance (mainstream, growing, "
        "specialized, declining, niche) [page.bad_value]\n"
        "0 errors, 3 warnings\n");
}

TEST_CASE("law references in both shapes") {
  auto c = compile(R"(---
title: X
related_laws:
  primary:
    - number: 2
      aspect: timing
  secondary:
    - number: 7
---
)");
  REQUIRE(c.outcome.record);
  CHECK((*c.outcome.record)["related_laws"] ==
        json::parse(R"([{"law":2,"role":"primary","aspect":"timing"},{"law":7,"role":"secondary"}])"));
  CHECK(c.report.empty());
}

TEST_CASE("pages that cannot be patterns") {
  SUBCASE("no title: an error, left out") {
    auto c = compile("---\ndescription: nameless\n---\n");
    CHECK_FALSE(c.outcome.record);
    CHECK(c.report.to_text() ==
          "data/patterns/sample.md:2:1: error: the page has no title; left out [page.missing_title]\n"
          "1 error, 0 warnings\n");
  }
  SUBCASE("broken YAML names the line") {
    auto c = compile("---\ntitle: X\nwhen_to_use: [a, b\n---\n");
    CHECK_FALSE(c.outcome.record);
    CHECK(c.report.errors() == 1);
    CHECK(c.report.sorted()[0].rule == "page.yaml_syntax");
    CHECK(c.report.sorted()[0].line >= 3);
  }
  SUBCASE("front matter that is not a mapping") {
    auto c = compile("---\n- just\n- a list\n---\n");
    CHECK_FALSE(c.outcome.record);
    CHECK(c.report.sorted()[0].rule == "page.not_a_mapping");
  }
  SUBCASE("index pages and typed non-pattern pages are skipped, not errors") {
    auto index = compile("---\ntitle: All patterns\n---\n", "patterns/index.md");
    CHECK(index.outcome.skipped == "index page");
    auto guide = compile("---\ntitle: Guide\ntype: guide\n---\n");
    CHECK(guide.outcome.skipped == "type: guide");
    CHECK(index.report.empty());
    CHECK(guide.report.empty());
  }
}

TEST_CASE("the category falls back to the page's folder") {
  auto c = compile("---\ntitle: X\n---\n", "pattern-library/resilience/x.md");
  REQUIRE(c.outcome.record);
  CHECK((*c.outcome.record)["category"] == "resilience");
  CHECK((*c.outcome.record)["url"] == "pattern-library/resilience/x/");
}
