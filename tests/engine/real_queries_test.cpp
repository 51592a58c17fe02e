// Twenty real user queries against the shipped catalog (data/catalog.json)
// and the patterns that must come first. Each expectation was decided by
// reading data/patterns/*.md: which pages say these words, in which fields
// (title and aliases outweigh tags, tags outweigh the summary, the summary
// outweighs when-to-use and the excerpt). Where pages say the words equally
// often in equal fields, any of them may take those places ("a|b").
//
// When the content changes, re-read the pages before changing a row.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support.hpp"

using patsel_test::json;

namespace {

struct Row {
  const char* query;
  std::vector<const char*> top;  ///< "id", or "id|id" for a tie in the content
  const char* why;
};

// clang-format off
const Row kRows[] = {
  {"cascading failures", {"bulkhead|circuit-breaker|timeout", "bulkhead|circuit-breaker|timeout",
                          "bulkhead|circuit-breaker|timeout"},
   "the three pages with the tag cascading-failure; bulkhead also says in when-to-use that a slow pool "
   "'cascades into failures of every caller'"},
  {"exactly once", {"deduplication", "idempotency|outbox", "idempotency|outbox"},
   "deduplication: aliases, tags, tagline, summary; outbox: tag exactly-once and a when-to-use on "
   "exactly-once effects; idempotency: tag exactly-once-effect"},
  {"exactly once delivery", {"deduplication", "idempotency|outbox", "idempotency|outbox"},
   "the three pages that say exactly-once and delivery"},
  {"split brain", {"quorum", "fencing-token|lease", "fencing-token|lease"},
   "quorum: alias split-brain prevention and tag; fencing token: tag and when-to-use; lease: tag and a "
   "when-to-use on avoiding a split brain; consensus and generation clock come next (tags)"},
  {"2pc", {"two-phase-commit", "distributed-transactions", "three-phase-commit"},
   "title and alias; tag and summary; summary and excerpt"},
  {"rate limiting", {"rate-limiting", "api-gateway", "ambassador|retry-backoff"},
   "title; tag, summary and when-to-use; when-to-use and excerpt"},
  {"cache invalidation", {"caching-strategies", "cache-aside", "publish-subscribe|write-through-cache"},
   "alias and tag; tag; pub/sub's when-to-use says 'cache invalidation', write-through's essential "
   "question is about invalidation races"},
  {"backpressure", {"backpressure", "low-high-water-marks", "websocket"},
   "title; tag flow-control (a synonym) and summary; when-to-use"},
  {"raft", {"consensus", "snapshotting", "replicated-log"},
   "alias and tags; tag and when-to-use; tag"},
  {"read replicas", {"leader-follower|quorum", "leader-follower|quorum", "anti-entropy|sharding"},
   "leader-follower: tag read-replicas, alias primary-replica; quorum: alias read-write quorum, a question "
   "about replicas taking part in a read, 'read replicas' in when-to-use; anti-entropy: alias read repair "
   "and replicas throughout; sharding: 'read replicas' in when-to-use"},
  {"distributed tracing", {"distributed-tracing", "observability", "clock-sync|microservices|service-mesh"},
   "title; tag tracing; 'tracing' (a synonym in data/synonyms.yaml) once in when-to-use of three pages "
   "(tracing, traces, trace: one stem)"},
  {"event sourcing", {"event-sourcing", "cqrs|segmented-log", "cqrs|segmented-log"},
   "title; when-to-use of both others"},
  {"load balancing", {"load-balancing", "consistent-hashing|health-check", "consistent-hashing|health-check"},
   "title and aliases; tag and when-to-use; summary, when-to-use and excerpt"},
  {"idempotent", {"idempotency", "deduplication", "retry-backoff"},
   "title and aliases; alias, tag and when-to-use; when-to-use twice"},
  {"poison message", {"dead-letter-queue"},
   "alias poison message queue; no other page says both words"},
  {"hybrid logical clock", {"hlc", "clock-sync|logical-clocks", "clock-sync|logical-clocks"},
   "title and aliases; clock sync's when-to-use names hybrid logical clocks; logical clocks' title"},
  {"change data capture", {"cdc", "outbox", "data-lake|kappa-architecture|lakehouse|polyglot-persistence|wal"},
   "title and aliases; tag change-data-capture; five pages name it once in when-to-use"},
  {"strangler fig", {"strangler-fig", "anti-corruption-layer|cdc|shared-database",
                     "anti-corruption-layer|cdc|shared-database"},
   "title and aliases; three pages name it once in when-to-use"},
  {"tail latency", {"scatter-gather", "b-tree|distributed-tracing|materialized-view",
                    "b-tree|distributed-tracing|materialized-view"},
   "tag tail-latency; three pages mention tail latency in when-to-use"},
  {"hot spots", {"sharding|shard-splitting", "sharding|shard-splitting"},
   "both have the tag hot-spots"},
};
// clang-format on

bool one_of(const std::string& alternatives, const std::string& id) {
  std::size_t start = 0;
  while (true) {
    const std::size_t bar = alternatives.find('|', start);
    if (alternatives.substr(start, bar - start) == id) return true;
    if (bar == std::string::npos) return false;
    start = bar + 1;
  }
}

const patsel::api::Engine& shipped_engine() {
  static const patsel::api::Engine engine = patsel_test::engine_at(patsel_test::shipped_path());
  return engine;
}

}  // namespace

TEST_CASE("real user queries find the right patterns first in the shipped catalog") {
  for (const Row& row : kRows) {
    // Typed and finished: a space after the last word, as when the user pauses.
    const std::string query = std::string(row.query) + " ";
    json answer = json::parse(shipped_engine().call("search", json{{"query", query}, {"limit", 5}}.dump()));
    REQUIRE(answer["ok"] == true);
    const json& hits = answer["result"]["hits"];
    std::string got;
    for (const json& hit : hits) got += hit["id"].get<std::string>() + " ";
    INFO("query \"" << std::string(row.query) << "\": " << std::string(row.why) << "\n  got: " << got);
    REQUIRE(hits.size() >= row.top.size());
    for (std::size_t i = 0; i < row.top.size(); ++i) CHECK(one_of(row.top[i], hits[i]["id"].get<std::string>()));
    // A tie may fill its places in any order, but each pattern only once.
    for (std::size_t i = 1; i < row.top.size(); ++i) CHECK(hits[i]["id"] != hits[i - 1]["id"]);
  }
}

TEST_CASE("a query typed letter by letter keeps the pattern it names on top") {
  // Search as you type: each prefix of "circuit breaker" from "circ" on.
  const std::string full = "circuit breaker";
  for (std::size_t n = 4; n <= full.size(); ++n) {
    if (full[n - 1] == ' ') continue;
    const std::string typed = full.substr(0, n);
    json answer = json::parse(shipped_engine().call("search", json{{"query", typed}, {"limit", 1}}.dump()));
    INFO("typed: " << typed);
    CHECK(answer["result"]["hits"][0]["id"] == "circuit-breaker");
  }
}
