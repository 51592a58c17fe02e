#include "word_lists.hpp"

namespace patsel::synth {

const WordLists& word_lists() {
  static const WordLists lists = {
      // nouns: most common first (generation draws them Zipf-like)
      {"service", "request", "data", "system", "node", "client", "message", "failure", "state", "write",
       "read", "cache", "queue", "replica", "partition", "leader", "event", "log", "latency", "load",
       "traffic", "database", "cluster", "server", "dependency", "timeout", "retry", "transaction", "key", "value",
       "lock", "lease", "clock", "time", "version", "update", "record", "table", "index", "shard",
       "region", "zone", "network", "connection", "thread", "pool", "limit", "budget", "deadline", "consumer",
       "producer", "broker", "topic", "stream", "batch", "window", "snapshot", "checkpoint", "commit", "quorum",
       "majority", "vote", "term", "epoch", "token", "fence", "heartbeat", "probe", "health", "gateway",
       "proxy", "sidecar", "mesh", "route", "endpoint", "api", "schema", "contract", "boundary", "domain",
       "team", "owner", "operator", "deployment", "release", "rollback", "canary", "flag", "feature", "config",
       "secret", "certificate", "identity", "tenant", "user", "session", "cookie", "payload", "response", "error",
       "exception", "outage", "incident", "alert", "metric", "trace", "span", "sample", "dashboard", "threshold",
       "capacity", "throughput", "bandwidth", "memory", "disk", "storage", "object", "blob", "file", "segment",
       "compaction", "tombstone", "merge", "conflict", "causality", "order", "sequence", "offset", "watermark", "cursor",
       "hash", "ring", "bucket", "range", "split", "rebalance", "migration", "cutover", "backfill", "replay",
       "projection", "view", "model", "command", "query", "aggregate", "saga", "step", "compensation", "workflow",
       "orchestrator", "scheduler", "worker", "job", "task", "lane", "priority", "backlog", "burst", "spike",
       "overload", "brownout", "fallback", "degradation", "isolation", "bulkhead", "breaker", "circuit", "jitter", "backoff",
       "idempotency", "deduplication", "outbox", "inbox", "relay", "publisher", "subscriber", "channel", "pipe", "filter",
       "transform", "enrichment", "join", "lookup", "catalog", "registry", "discovery", "membership", "gossip", "rumor",
       "entropy", "repair", "digest", "tree", "leaf", "root", "page", "block", "buffer", "flush",
       "fsync", "journal", "redo", "undo", "recovery", "restart", "crash", "partitioning", "replication", "consensus",
       "election", "candidate", "follower", "primary", "secondary", "standby", "failover", "promotion", "demotion", "split-brain",
       "geohash", "tile", "map", "location", "polygon", "region-code", "edge", "origin", "cdn", "pop",
       "device", "battery", "radio", "sync", "delta", "patch", "diff", "payload-size", "compression", "encoding",
       "encryption", "key-pair", "signature", "nonce", "policy", "consent", "audit", "compliance", "residency", "retention",
       "cost", "bill", "quota", "invoice", "allocation", "forecast", "model-drift", "feature-store", "pipeline", "experiment"},
      // verbs
      {"replicates", "routes", "stores", "retries", "rejects", "accepts", "forwards", "buffers", "batches", "splits",
       "merges", "elects", "fences", "renews", "expires", "publishes", "consumes", "acknowledges", "commits", "aborts",
       "compensates", "orchestrates", "schedules", "throttles", "sheds", "limits", "isolates", "degrades", "recovers", "restarts",
       "detects", "probes", "monitors", "traces", "samples", "aggregates", "indexes", "compacts", "partitions", "rebalances",
       "migrates", "backfills", "replays", "projects", "caches", "invalidates", "refreshes", "evicts", "loads", "serves",
       "protects", "guards", "bounds", "orders", "sequences", "timestamps", "versions", "merges", "resolves", "converges",
       "encrypts", "signs", "verifies", "audits", "allocates", "forecasts", "scales", "shrinks", "grows", "absorbs",
       "smooths", "spreads", "hashes", "assigns", "moves", "copies", "streams", "pushes", "pulls", "polls"},
      // adjectives
      {"distributed", "remote", "local", "global", "regional", "consistent", "eventual", "strong", "weak", "causal",
       "durable", "volatile", "stale", "fresh", "hot", "cold", "slow", "fast", "failing", "healthy",
       "idempotent", "atomic", "ordered", "unordered", "partial", "total", "bounded", "unbounded", "adaptive", "static",
       "dynamic", "elastic", "stateful", "stateless", "synchronous", "asynchronous", "blocking", "non-blocking", "optimistic", "pessimistic",
       "transactional", "reliable", "unreliable", "redundant", "isolated", "shared", "dedicated", "multi-tenant", "single-tenant", "critical",
       "expensive", "cheap", "large", "small", "long", "short", "frequent", "rare", "concurrent", "parallel",
       "sequential", "incremental", "full", "immutable", "mutable", "versioned", "signed", "encrypted", "compressed", "replicated",
       "sharded", "cached", "queued", "delayed", "retried", "duplicate", "unique", "monotonic", "logical", "physical"},
      // function words, including stop words, so sentences have realistic lengths
      {"the", "a", "an", "of", "to", "and", "or", "in", "on", "for", "with", "by", "from", "when", "so", "that",
       "each", "every", "one", "all", "no", "not", "only", "before", "after", "until", "while", "without", "per", "across"},
      // syllables for made-up names
      {"ka", "lo", "mi", "ra", "ven", "tor", "zu", "pel", "dax", "ri", "no", "sa", "quin", "bel", "tro", "fy",
       "gar", "hu", "ix", "jo", "kel", "mar", "nix", "ob", "pra", "rus", "sol", "tan", "ul", "vo", "wen", "yar",
       "zel", "bra", "cor", "dun", "el", "fen", "gri", "hal"},
      {"How do we", "How can a system", "What keeps", "How should a service", "Which part of the system",
       "How do we make sure", "What happens when", "How can teams"},
      {"architecture", "communication", "coordination", "data-management", "resilience", "scaling", "deployment",
       "operations", "security", "geospatial", "analytics"},
      {"core-primitives", "data-management", "resilience", "performance", "architecture", "specialized"},
      {"infrastructure", "platform", "application", "cross-cutting"},
      {"recommended", "stable", "use-with-caution", "legacy"},
      {"mainstream", "growing", "specialized", "declining", "niche"},
      {"beginner", "intermediate", "advanced", "expert"},
      {"elixir", "java", "go", "python", "javascript", "dotnet", "rust", "jvm", "envoy", "kubernetes", "aws"},
  };
  return lists;
}

}  // namespace patsel::synth
