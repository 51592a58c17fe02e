// FacetIndex on its own, without the search method: filters, counts,
// bounds and orders over tests/fixtures/catalogs/search.json (13 patterns).
// Every expectation is read off that file by hand.

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "patsel/facets.hpp"
#include "support.hpp"

using patsel::Facet;
using patsel::FacetIndex;
using patsel::FacetSelection;
using patsel::ScoredDoc;
using patsel_test::Strings;

namespace {

struct Fixture {
  patsel::Catalog catalog = patsel_test::catalog_at(patsel_test::catalog_fixture("search.json"));
  FacetIndex facets = FacetIndex::build(catalog);

  /// Every pattern as a candidate, in catalog order, score 0.
  std::vector<ScoredDoc> everything() const {
    std::vector<ScoredDoc> docs;
    for (std::uint32_t i = 0; i < catalog.patterns().size(); ++i) docs.push_back({i, 0});
    return docs;
  }
  std::uint32_t doc(const std::string& id) const {
    for (std::uint32_t i = 0; i < catalog.patterns().size(); ++i)
      if (catalog.patterns()[i].id == id) return i;
    FAIL("no pattern " << id);
    return 0;
  }
  Strings ids(const std::vector<ScoredDoc>& docs) const {
    Strings out;
    for (const ScoredDoc& d : docs) out.push_back(catalog.patterns()[d.doc].id);
    return out;
  }
};

// "value count", "*" before a selected value.
Strings counts(const patsel::FacetResult& result, Facet facet) {
  Strings out;
  for (const auto& v : result.counts[static_cast<std::size_t>(facet)])
    out.push_back((v.selected ? "*" : "") + v.value + " " + std::to_string(v.count));
  return out;
}

FacetSelection select(Facet facet, Strings values) {
  FacetSelection s;
  s.values[static_cast<std::size_t>(facet)] = std::move(values);
  return s;
}

}  // namespace

TEST_CASE("FacetIndex reads every pattern's facet values once") {
  const Fixture f;
  CHECK(f.facets.values(Facet::ecosystem) == Strings{"elixir", "go", "java"});
  CHECK(f.facets.values(Facet::category) ==
        Strings{"communication", "coordination", "data-management", "resilience", "scaling"});
  SUBCASE("introduced as YYYYMM, month 0 when only the year is known") {
    CHECK(f.facets.introduced(f.doc("circuit-breaker")) == 200703);
    CHECK(f.facets.introduced(f.doc("bulkhead")) == 200700);
    CHECK(f.facets.reading_time(f.doc("saga")) == 14);
  }
}

TEST_CASE("FacetIndex::filter keeps what passes and counts each facet ignoring its own selection") {
  const Fixture f;
  SUBCASE("no selection: everything, with every value counted") {
    auto result = f.facets.filter(f.everything(), {}, {Facet::tier, Facet::ecosystem});
    CHECK(result.docs.size() == 13);
    CHECK(counts(result, Facet::tier) == Strings{"gold 8", "silver 3", "bronze 2"});
    CHECK(counts(result, Facet::ecosystem) == Strings{"java 3", "elixir 2", "go 1"});
    CHECK(counts(result, Facet::category).empty());  // not asked for
    // Range bounds are in years: retry-backoff 1976, cafe-cache 2019-06.
    CHECK(result.bounds[static_cast<std::size_t>(patsel::RangeFacet::introduced)].min == 1976);
    CHECK(result.bounds[static_cast<std::size_t>(patsel::RangeFacet::introduced)].max == 2019);
  }
  SUBCASE("OR within a facet, AND across facets") {
    FacetSelection s = select(Facet::tier, {"gold", "silver"});
    s.values[static_cast<std::size_t>(Facet::category)] = {"resilience"};
    auto result = f.facets.filter(f.everything(), s, {Facet::tier, Facet::category});
    CHECK(f.ids(result.docs) == Strings{"circuit-breaker", "bulkhead", "timeout", "retry-backoff"});
    // Tiers among resilience patterns: all gold, silver selected with 0.
    CHECK(counts(result, Facet::tier) == Strings{"*gold 4", "*silver 0"});
    CHECK(counts(result, Facet::category) ==
          Strings{"*resilience 4", "data-management 3", "coordination 2", "communication 1", "scaling 1"});
  }
  SUBCASE("only the candidates given are looked at, in their order") {
    std::vector<ScoredDoc> two = {{f.doc("saga"), 2.5}, {f.doc("timeout"), 1.0}};
    auto result = f.facets.filter(two, select(Facet::ecosystem, {"go", "elixir"}), {});
    CHECK(f.ids(result.docs) == Strings{"saga", "timeout"});
    CHECK(result.docs[0].score == 2.5);
  }
  SUBCASE("ranges are in years and include both ends; an open end is unbounded") {
    FacetSelection s;
    s.ranges[static_cast<std::size_t>(patsel::RangeFacet::introduced)] = {2000, 2010};
    auto result = f.facets.filter(f.everything(), s, {});
    CHECK(f.ids(result.docs) == Strings{"circuit-breaker", "bulkhead", "event-sourcing", "cqrs"});
    s.ranges[static_cast<std::size_t>(patsel::RangeFacet::introduced)] = {std::nullopt, 1978};
    CHECK(f.ids(f.facets.filter(f.everything(), s, {}).docs) == Strings{"retry-backoff", "two-phase-commit"});
  }
  SUBCASE("max_values keeps the most frequent; a selected value is always listed") {
    auto result = f.facets.filter(f.everything(), select(Facet::category, {"scaling"}), {Facet::category}, 1);
    CHECK(counts(result, Facet::category) == Strings{"data-management 4", "*scaling 1"});
    CHECK(result.distinct[static_cast<std::size_t>(Facet::category)] == 5);
  }
  SUBCASE("a listing names exactly the values to count") {
    patsel::FacetListing listing;
    listing.values[static_cast<std::size_t>(Facet::ecosystem)] = Strings{"go", "rust"};
    auto result = f.facets.filter(f.everything(), {}, {Facet::ecosystem}, 100, listing);
    CHECK(counts(result, Facet::ecosystem) == Strings{"go 1", "rust 0"});
  }
}

TEST_CASE("FacetIndex::sort orders the first `needed` documents") {
  const Fixture f;
  SUBCASE("oldest first") {
    auto docs = f.everything();
    f.facets.sort(docs, patsel::SortOrder::introduced_oldest, docs.size());
    CHECK(f.ids(docs) == Strings{"retry-backoff", "two-phase-commit", "timeout", "saga", "gossip-protocol",
                                 "generation-clock", "lease", "event-sourcing", "bulkhead", "circuit-breaker", "cqrs",
                                 "idempotency", "cafe-cache"});
  }
  SUBCASE("by tier, then title") {
    auto docs = f.everything();
    f.facets.sort(docs, patsel::SortOrder::tier, 3);
    CHECK(f.ids({docs.begin(), docs.begin() + 3}) == Strings{"bulkhead", "circuit-breaker", "generation-clock"});
  }
  SUBCASE("by relevance, the highest score first") {
    std::vector<ScoredDoc> docs = {{f.doc("timeout"), 1.0}, {f.doc("saga"), 3.0}, {f.doc("lease"), 2.0}};
    f.facets.sort(docs, patsel::SortOrder::relevance, docs.size());
    CHECK(f.ids(docs) == Strings{"saga", "lease", "timeout"});
  }
}

TEST_CASE("FacetIndex::filter by every value of a facet keeps exactly the patterns that have one") {
  // Every tier is chosen and every pattern has a tier: all pass. Every
  // difficulty is chosen, but "plain" has none: it fails that filter.
  const patsel::Catalog catalog = patsel_test::catalog_from_text(R"({"schema_version": 1, "patterns": [
    {"id": "easy", "title": "Easy", "tier": "gold", "difficulty": "beginner"},
    {"id": "hard", "title": "Hard", "tier": "bronze", "difficulty": "advanced"},
    {"id": "plain", "title": "Plain", "tier": "silver"}]})");
  const FacetIndex facets = FacetIndex::build(catalog);
  const std::vector<ScoredDoc> all = {{0, 0}, {1, 0}, {2, 0}};
  auto kept = [&](const FacetSelection& s) {
    Strings out;
    for (const ScoredDoc& d : facets.filter(all, s, {Facet::tier}).docs) out.push_back(catalog.patterns()[d.doc].id);
    return out;
  };
  CHECK(kept(select(Facet::tier, {"gold", "silver", "bronze"})) == Strings{"easy", "hard", "plain"});
  CHECK(kept(select(Facet::tier, {"gold", "silver", "bronze", "platinum"})) == Strings{"easy", "hard", "plain"});
  CHECK(kept(select(Facet::difficulty, {"beginner", "advanced"})) == Strings{"easy", "hard"});
  // The tiers chosen are still marked as chosen in the counts.
  const auto result = facets.filter(all, select(Facet::tier, {"gold", "silver", "bronze"}), {Facet::tier});
  CHECK(counts(result, Facet::tier) == Strings{"*gold 1", "*silver 1", "*bronze 1"});
}
