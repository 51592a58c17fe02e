// The health and tier_history blocks of a page, and data/health.yaml: every
// problem is reported at its line, unsourced signals are kept and said so.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "patsel/compile/build.hpp"
#include "patsel/compile/page.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using patsel::compile::compile_page;
using patsel::compile::PageInput;
using patsel::compile::Report;

namespace {

const char* kPage = R"(---
title: Breaker
excellence_tier: gold
implementations:
  - ecosystem: java
    libraries: [LibA, LibD]
health:
  reviewed: 2026-01
  implementations:
    - library: LibA
      state: active
      as_of: 2025
      source: https://a.example
    - library: LibB
      state: Maintained
      as_of: 2025
    - library: LibC
      state: archived
      as_of: last year
      source: x
    - library: LibD
      state: active
      as_of: 2024-02
  adoption:
    - fact: Used at A.
      year: 2023
  colour: green
tier_history:
  - date: 2021
    from: silver
    to: gold
    reason: Proven at scale.
  - date: 2019
    from: gold
    to: silver
  - date: 2022
    from: gold
    to: gold
  - date: 2020-13
    from: gold
    to: silver
---
)";

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("health signals: kept when sound, reported at their line when not") {
  Report report;
  auto outcome = compile_page(PageInput{"data/patterns/breaker.md", "patterns/breaker.md", kPage}, report);
  REQUIRE(outcome.record);
  const json& r = *outcome.record;
  CHECK(report.to_text() ==
        "data/patterns/breaker.md:15:14: warning: the state of 'LibB' should be one maintained state (active, "
        "maintenance, archived); left out (an unknown state stays unknown: leave the signal out) [health.bad_value]\n"
        "data/patterns/breaker.md:19:14: warning: the state of 'LibC': as_of should be a year or YYYY-MM, not "
        "'last year'; left out [health.bad_date]\n"
        "data/patterns/breaker.md:21:7: warning: the state of 'LibD' has no source; kept, but it counts as unknown "
        "until the place it was read is given [health.unsourced]\n"
        "data/patterns/breaker.md:25:7: warning: the adoption fact 'Used at A.' has no source; kept, but it counts "
        "as unknown until the place it was read is given [health.unsourced]\n"
        "data/patterns/breaker.md:27:3: warning: 'colour' is not a field of 'health' (reviewed, implementations, "
        "adoption) [health.unknown_field]\n"
        "data/patterns/breaker.md:33:5: warning: the tier change of 2019 comes after one of 2021; list changes "
        "oldest first [health.history_order]\n"
        "data/patterns/breaker.md:33:5: warning: the tier change of 2019 gives no reason [health.missing_reason]\n"
        "data/patterns/breaker.md:36:5: warning: the tier change of 2022 goes from gold to itself; skipped "
        "[health.bad_value]\n"
        "data/patterns/breaker.md:39:11: warning: a tier change: date should be a year or YYYY-MM, not '2020-13'; "
        "left out [health.bad_date]\n"
        "0 errors, 9 warnings\n");
  CHECK(r["health"] == json::parse(R"({
    "reviewed": "2026-01",
    "implementations": [
      {"library": "LibA", "state": "active", "as_of": "2025", "source": "https://a.example"},
      {"library": "LibD", "state": "active", "as_of": "2024-02"}],
    "adoption": [{"fact": "Used at A.", "year": "2023"}]})"));
  CHECK(r["tier_history"] == json::parse(R"([
    {"date": "2021", "from": "silver", "to": "gold", "reason": "Proven at scale."},
    {"date": "2019", "from": "gold", "to": "silver"}])"));
}

TEST_CASE("health across the catalog: libraries of the page, the tier history's end, the model's weights") {
  const fs::path dir = fs::temp_directory_path() / "patsel-health-build-test";
  fs::remove_all(dir);
  write(dir / "patterns" / "breaker.md", R"(---
title: Breaker
description: Stops calling a failing dependency.
excellence_tier: silver
trade_offs: {pros: [Fails fast], cons: [Needs tuning]}
best_for: [Remote calls]
implementations:
  - ecosystem: java
    libraries: [LibA]
health:
  implementations:
    - library: liba
      state: active
      as_of: 2025
      source: https://a.example
    - library: LibZ
      state: active
      as_of: 2025
      source: https://z.example
tier_history:
  - date: 2021
    from: silver
    to: gold
    reason: Proven at scale.
---
)");
  write(dir / "health.yaml", R"(health_signals:
  - id: tier
    weight: 30
  - id: popularity
    weight: 5
  - id: relevance
    weight: 120
  - id: adoption
    full_at: 3
  - id: reliance
    full_at: 0
)");
  auto out = patsel::compile::build_catalog(dir);
  std::string root = dir.generic_string() + "/";
  CHECK(out.report.to_text() ==
        root + "health.yaml:4: error: 'popularity' is not a health signal (tier, relevance, maintained, adoption, "
               "successors, documentation, reliance, maturity) [health.bad_model]\n" +
        root + "health.yaml:7: error: the weight of 'relevance' should be a number from 0 to 100 [health.bad_model]\n" +
        root + "health.yaml:9: error: 'full_at' is not a setting of 'adoption' [health.bad_model]\n" +
        root + "health.yaml:11: error: 'full_at' of 'reliance' should be a whole number from 1 to 100 [health.bad_model]\n" +
        root + "patterns/breaker.md:10: warning: 'LibZ' in 'health.implementations' is not a library of the page's "
               "'implementations' block; add it there, or name it as it is written there [health.unknown_library]\n" +
        root + "patterns/breaker.md:20: warning: the last tier change ends at gold, but the page's tier is silver "
               "[health.history_mismatch]\n"
               "4 errors, 2 warnings\n");
  CHECK(out.catalog["health_signals"][0] == json::parse(R"({"id":"tier","weight":30})"));
  fs::remove_all(dir);
}
