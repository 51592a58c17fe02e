// The shipped catalog: fresh, valid without a single warning, and as
// complete as the content issue demands.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "patsel/compile/build.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const patsel::compile::BuildOutput& shipped() {
  static const auto out = patsel::compile::build_catalog(fs::path(PATSEL_SOURCE_DIR) / "data");
  return out;
}

std::size_t size_of(const json& record, const char* key) {
  auto it = record.find(key);
  return it == record.end() || !(it->is_array() || it->is_object()) ? 0 : it->size();
}

}  // namespace

TEST_CASE("the committed data/catalog.json is what `patsel build data` produces") {
  std::ifstream in(fs::path(PATSEL_SOURCE_DIR) / "data" / "catalog.json", std::ios::binary);
  REQUIRE(in);
  std::string committed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // On failure: run `./run build` (or build/native/patsel build data) and commit data/catalog.json.
  CHECK(committed == patsel::compile::serialize_catalog(shipped().catalog));
}

TEST_CASE("the shipped sources validate with no error and no warning (patsel validate --strict data)") {
  INFO(shipped().report.to_text());
  CHECK(shipped().report.empty());
  CHECK(shipped().stats.failed == 0);
}

TEST_CASE("every shipped pattern carries the fields the selector needs") {
  const json& patterns = shipped().catalog["patterns"];
  CHECK(patterns.size() >= 115);
  for (const json& p : patterns) {
    const std::string id = p["id"];
    INFO("pattern: " << id);
    for (const char* key : {"title", "summary", "category", "domain", "subdomain", "layer", "tier", "rationale", "status",
                            "relevance", "introduced", "difficulty", "excerpt"})
      CHECK_MESSAGE(p.contains(key), key);
    CHECK(size_of(p, "when_to_use") >= 2);
    CHECK(size_of(p, "when_not_to_use") >= 2);
    CHECK(size_of(p, "related") >= 3);
    CHECK(size_of(p, "tags") >= 1);
    const std::string tier = p.value("tier", "");
    if (tier == "gold") {
      CHECK(size_of(p, "modern_examples") >= 2);
      CHECK(size_of(p, "production_checklist") >= 4);
    } else if (tier == "silver") {
      CHECK(size_of(p, "trade_offs") == 2);
      CHECK(size_of(p, "best_for") >= 1);
    } else {
      CHECK(tier == "bronze");
      CHECK(size_of(p, "modern_alternatives") >= 1);
      CHECK(p.contains("deprecation_reason"));
    }
  }
}

TEST_CASE("the relationship graph is dense, and every bronze pattern leads to a gold or silver one") {
  const json& patterns = shipped().catalog["patterns"];
  std::map<std::string, json> by_id;
  std::size_t relations = 0;
  for (const json& p : patterns) {
    by_id[p["id"]] = p;
    relations += size_of(p, "related");
  }
  CHECK(static_cast<double>(relations) / patterns.size() >= 3.0);

  for (const auto& [id, p] : by_id) {
    if (p["tier"] != "bronze") continue;
    INFO("bronze pattern: " << id);
    // Follow migration paths (breadth first) until a modern pattern.
    std::set<std::string> seen{id};
    std::vector<std::string> frontier{id};
    bool reaches_modern = false;
    while (!frontier.empty() && !reaches_modern) {
      std::vector<std::string> next;
      for (const std::string& from : frontier)
        for (const json& step : by_id[from].value("migration_paths", json::object()).value("to", json::array())) {
          const std::string to = step.value("pattern", "");
          if (!by_id.count(to) || !seen.insert(to).second) continue;
          reaches_modern = reaches_modern || by_id[to]["tier"] == "gold" || by_id[to]["tier"] == "silver";
          next.push_back(to);
        }
      frontier = next;
    }
    CHECK(reaches_modern);
  }
}

TEST_CASE("the detailed blocks cover the library's priority tiers 1 to 5") {
  // The library's priority list of patterns, tiers 1-5, as ids of this catalog
  // (caching-strategies, event-driven, wal ... are ids here too).
  const std::vector<std::string> tiers_1_to_5 = {
      "circuit-breaker", "load-balancing", "caching-strategies", "retry-backoff", "timeout", "rate-limiting",
      "service-discovery", "health-check", "api-gateway", "event-driven", "database-per-service", "saga", "cqrs",
      "event-sourcing", "service-mesh", "sidecar", "ambassador", "strangler-fig", "backends-for-frontends",
      "graphql-federation", "consistent-hashing", "sharding", "cdc", "materialized-view", "data-lake", "data-mesh",
      "polyglot-persistence", "eventual-consistency", "crdt", "outbox", "auto-scaling", "bulkhead", "backpressure",
      "load-shedding", "priority-queue", "request-batching", "scatter-gather", "cell-based", "multi-region",
      "edge-computing", "observability", "blue-green-deployment", "failover", "chaos-engineering", "heartbeat",
      "leader-election", "distributed-lock", "lease", "generation-clock", "wal"};
  CHECK(tiers_1_to_5.size() == 50);
  std::map<std::string, json> by_id;
  for (const json& p : shipped().catalog["patterns"]) by_id[p["id"]] = p;
  for (const std::string& id : tiers_1_to_5) {
    INFO("pattern: " << id);
    REQUIRE(by_id.count(id));
    const json& p = by_id[id];
    CHECK(size_of(p, "implementation_complexity") >= 3);
    CHECK(size_of(p.value("decision_criteria", json::object()), "scale_thresholds") == 3);
    CHECK(size_of(p, "operational_considerations") >= 2);
    CHECK(size_of(p.value("pattern_combinations", json::object()), "anti_patterns") >= 1);
  }
}

TEST_CASE("the catalog-level data is all there") {
  const json& c = shipped().catalog;
  CHECK(c["trees"].size() >= 8);
  CHECK(c["families"].size() >= 8);
  CHECK(c["laws"].size() == 7);
  CHECK(c["pillars"].size() == 5);
  CHECK(c["rules"].size() >= 30);
  for (const char* section : {"problems", "paths", "compositions", "avoid", "cards", "complexity", "dependencies", "synonyms"})
    CHECK_MESSAGE(c[section].size() > 0, section);
  std::set<std::string> levels;
  for (const json& path : c["paths"]) levels.insert(path.value("level", ""));
  CHECK(levels == std::set<std::string>{"advanced", "beginner", "intermediate"});
}
