// Synthetic catalogs (bench/synthetic) and how the search index grows with
// them. No timings here: the benchmarks measure speed.

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "patsel/search.hpp"
#include "synthetic_catalog.hpp"

using nlohmann::json;

namespace {

std::size_t words_in(const std::string& text) {
  std::istringstream in(text);
  std::string word;
  std::size_t n = 0;
  while (in >> word) ++n;
  return n;
}

patsel::SearchIndexStats index_stats(std::size_t patterns) {
  auto catalog = patsel::Catalog::from_json(patsel::synth::catalog_json({patterns, 42}));
  REQUIRE(catalog);
  return patsel::SearchIndex::build(catalog.value()).stats();
}

}  // namespace

TEST_CASE("synthetic catalogs are seeded and reproducible") {
  SUBCASE("the same seed gives the same catalog, another seed another one") {
    CHECK(patsel::synth::catalog_json({200, 7}) == patsel::synth::catalog_json({200, 7}));
    CHECK(patsel::synth::catalog_json({200, 7}) != patsel::synth::catalog_json({200, 8}));
  }
  SUBCASE("a smaller catalog is the start of a larger one") {
    const json small = patsel::synth::catalog({100, 7});
    const json large = patsel::synth::catalog({300, 7});
    REQUIRE(large["patterns"].size() == 300);
    for (std::size_t i = 0; i < 100; ++i) CHECK(small["patterns"][i] == large["patterns"][i]);
  }
  SUBCASE("records have the shipped catalog's field sizes and load without warnings") {
    const json catalog = patsel::synth::catalog({500, 3});
    for (const json& p : catalog["patterns"]) {
      CHECK(words_in(p["title"]) >= 1);
      CHECK(words_in(p["title"]) <= 3);
      CHECK(words_in(p["summary"]) >= 25);
      CHECK(words_in(p["summary"]) <= 40);
      CHECK(p["when_to_use"].size() >= 2);
      CHECK(p["when_to_use"].size() <= 4);
      CHECK(p["tags"].size() >= 3);
      CHECK(p["tags"].size() <= 6);
    }
    auto loaded = patsel::Catalog::from_json(catalog.dump());
    REQUIRE(loaded);
    CHECK(loaded.value().patterns().size() == 500);
    CHECK(loaded.value().warnings().empty());
  }
}

TEST_CASE("the search index grows linearly with the catalog") {
  const auto s1 = index_stats(1000);
  const auto s2 = index_stats(2000);
  const auto s4 = index_stats(4000);
  CHECK(s1.documents == 1000);
  CHECK(s4.documents == 4000);
  // Postings and memory double when the catalog doubles (within 15%).
  const double p21 = static_cast<double>(s2.postings) / s1.postings;
  const double p42 = static_cast<double>(s4.postings) / s2.postings;
  const double b21 = static_cast<double>(s2.bytes) / s1.bytes;
  const double b42 = static_cast<double>(s4.bytes) / s2.bytes;
  CHECK(p21 == doctest::Approx(2.0).epsilon(0.15));
  CHECK(p42 == doctest::Approx(2.0).epsilon(0.15));
  CHECK(b21 == doctest::Approx(2.0).epsilon(0.15));
  CHECK(b42 == doctest::Approx(2.0).epsilon(0.15));
  // The vocabulary grows more slowly: common words repeat, rare names add up.
  CHECK(s4.terms > s1.terms);
  CHECK(s4.terms < 4 * s1.terms);
}

TEST_CASE("a large synthetic catalog is searchable") {
  auto catalog = patsel::Catalog::from_json(patsel::synth::catalog_json({3000, 5}));
  REQUIRE(catalog);
  auto index = patsel::SearchIndex::build(catalog.value());
  // "service" is the most common noun of the generator's word lists.
  auto results = index.search(patsel::parse_query("service "));
  CHECK(results.docs.size() > 1000);
  auto typo = index.search(patsel::parse_query("replicaton "));
  CHECK_FALSE(typo.docs.empty());
  CHECK(typo.clauses[0].expansions.front() == "replication");
}
