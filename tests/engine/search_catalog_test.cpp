// The search catalog (patsel::search_catalog): what the explorer loads in
// place of the full catalog. It must answer search and list exactly as the
// full catalog does, hold nothing else of a record, and make every other
// method say that it needs the full catalog.

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "support.hpp"

using patsel_test::json;

namespace {

const std::string& shipped_text() {
  static const std::string text = patsel_test::read_text(patsel_test::shipped_path());
  return text;
}

std::string search_text() { return patsel::search_catalog(patsel_test::catalog_from_text(shipped_text())).dump(); }

// Requests of every kind the explorer sends: typed prefixes, typos,
// phrases, exclusions, field scopes, facet filters, ranges, sorts, pages,
// every facet counted, and answers without results.
const char* const kSearches[] = {
    R"({})",
    R"({"query": "s"})",
    R"({"query": "sag"})",
    R"({"query": "saga"})",
    R"({"query": "circut breaker"})",
    R"({"query": "cascading failures", "limit": 5})",
    R"({"query": "\"event sourcing\" -cqrs"})",
    R"({"query": "title:cache"})",
    R"({"query": "consensus", "filters": {"tier": ["gold", "silver"]}, "facets": ["category", "tier", "difficulty"]})",
    R"({"query": "data", "filters": {"category": ["data-management"]}, "sort": "title", "offset": 3, "limit": 4})",
    R"({"filters": {"ecosystem": ["java"]}, "facet_values": {"tags": ["kafka"]}, "facets": ["effort", "team_size", "ecosystem"]})",
    R"({"ranges": {"introduced": [2000, 2015]}, "sort": "introduced-newest"})",
    R"({"ranges": {"reading_time": [0, 10]}, "sort": "reading-time", "facets": ["relevance", "status", "layer", "domain", "tags"]})",
    R"({"query": "zzzzqqq"})",
    R"({"query": "queue", "hit_fields": ["id", "title", "tier", "highlights", "matched", "introduced", "tags"]})",
};

}  // namespace

TEST_CASE("a search catalog gives every pattern the same typed fields as the full catalog") {
  const patsel::Catalog full = patsel_test::catalog_from_text(shipped_text());
  const patsel::Catalog cut = patsel_test::catalog_from_text(search_text());
  REQUIRE(cut.patterns().size() == full.patterns().size());
  CHECK(cut.scope() == patsel::Scope::search);
  CHECK(full.scope() == patsel::Scope::full);
  CHECK(cut.content_hash() == full.content_hash());
  CHECK(cut.section("synonyms") == full.section("synonyms"));
  for (std::size_t i = 0; i < full.patterns().size(); ++i) {
    const patsel::Pattern& a = full.patterns()[i];
    const patsel::Pattern& b = cut.patterns()[i];
    INFO(a.id);
    CHECK(b.id == a.id);
    CHECK(b.title == a.title);
    CHECK(b.summary == a.summary);
    CHECK(b.category == a.category);
    CHECK(b.domain == a.domain);
    CHECK(b.layer == a.layer);
    CHECK(b.status == a.status);
    CHECK(b.tier == a.tier);
    CHECK(b.aliases == a.aliases);
    CHECK(b.tags == a.tags);
    CHECK(b.introduced_year == a.introduced_year);
    CHECK(b.introduced_key == a.introduced_key);
    CHECK(b.reading_minutes == a.reading_minutes);
    CHECK(b.tagline == a.tagline);
    CHECK(b.essential_question == a.essential_question);
    CHECK(b.excerpt == a.excerpt);
    CHECK(b.relevance == a.relevance);
    CHECK(b.difficulty == a.difficulty);
    CHECK(b.effort == a.effort);
    CHECK(b.team_size == a.team_size);
    CHECK(b.when_to_use == a.when_to_use);
    CHECK(b.ecosystems == a.ecosystems);
  }
}

TEST_CASE("a search catalog answers search and list byte for byte as the full catalog does") {
  const patsel::api::Engine full = patsel_test::engine_from_text(shipped_text());
  const patsel::api::Engine cut = patsel_test::engine_from_text(search_text());
  for (const char* params : kSearches) {
    INFO(std::string(params));
    const std::string answer = full.call("search", params);
    CHECK(json::parse(answer)["ok"] == true);
    CHECK(cut.call("search", params) == answer);
  }
  CHECK(cut.call("list", R"({"tiers": ["bronze"]})") == full.call("list", R"({"tiers": ["bronze"]})"));
  CHECK(patsel_test::ok(cut, "info", json::object())["scope"] == "search");
  CHECK(patsel_test::ok(full, "info", json::object())["scope"] == "full");
}

TEST_CASE("a search catalog keeps only the members search reads") {
  const json cut = json::parse(search_text());
  const std::set<std::string> head{"content_hash", "patterns", "schema_version", "scope", "synonyms"};
  for (const auto& [key, value] : cut.items()) CHECK_MESSAGE(head.count(key) == 1, key);
  const std::set<std::string> searched{"id",          "title",     "tier",       "summary",
                                       "category",    "domain",    "layer",      "status",
                                       "aliases",     "tags",      "introduced", "reading_time",
                                       "tagline",     "essential_question",      "excerpt",
                                       "relevance",   "difficulty", "when_to_use", "implementation_complexity",
                                       "implementations"};
  for (const json& record : cut["patterns"]) {
    for (const auto& [key, value] : record.items()) CHECK_MESSAGE(searched.count(key) == 1, record["id"] << "." << key);
    for (const json& item : record.value("implementations", json::array())) CHECK(item.size() <= 1);
  }
  // Cutting a search catalog again changes nothing.
  CHECK(patsel::search_catalog(patsel_test::catalog_from_text(cut.dump())).dump() == cut.dump());
}

TEST_CASE("methods that need whole records say that a search catalog is not enough") {
  const patsel::api::Engine cut = patsel_test::engine_from_text(search_text());
  for (const char* method : {"pattern", "related", "recommend", "tree.list", "stack", "health.list"}) {
    json error = patsel_test::failure(cut, method, json::object());
    CHECK(error["code"] == "catalog.search_only");
    CHECK(error["message"].get<std::string>().find(std::string("'") + method + "' needs the full catalog") == 0);
  }
  json diff = json::parse(cut.diff(shipped_text()));
  CHECK(diff["error"]["code"] == "catalog.search_only");
  // A full catalog refuses an older search catalog: it has nothing to compare.
  const patsel::api::Engine full = patsel_test::engine_from_text(shipped_text());
  diff = json::parse(full.diff(search_text()));
  CHECK(diff["error"]["code"] == "catalog.search_only");
  CHECK(diff["error"]["message"].get<std::string>().find("the older catalog: a search catalog") == 0);
}

TEST_CASE("a scope that is neither full nor search is refused at its place") {
  for (const char* scope : {R"("partial")", "1", "null"}) {
    auto catalog = patsel::Catalog::from_json(std::string(R"({"schema_version": 1, "scope": )") + scope +
                                              R"(, "patterns": []})");
    REQUIRE_FALSE(catalog);
    CHECK(catalog.error().code == "catalog.bad_shape");
    CHECK(catalog.error().message == std::string("$.scope: ") + scope + " is not a scope (full, search)");
  }
  auto full = patsel::Catalog::from_json(R"({"schema_version": 1, "scope": "full", "patterns": []})");
  REQUIRE(full);
  CHECK(full.value().scope() == patsel::Scope::full);
}

TEST_CASE("an engine keeps no record text of a search catalog, and every record of a full one") {
  using patsel::Catalog;
  using patsel::RecordText;
  auto cut = Catalog::from_json(search_text(), {}, RecordText::drop_for_search_scope);
  REQUIRE(cut);
  const patsel::Pattern& first = cut.value().patterns().front();
  CHECK(first.source == nullptr);
  CHECK(first.record() == json::object());
  // The typed fields search reads are all there.
  const auto full = patsel_test::catalog_from_text(shipped_text());
  const patsel::Pattern* same = full.find(first.id);
  REQUIRE(same != nullptr);
  CHECK(first.title == same->title);
  CHECK(first.excerpt == same->excerpt);
  CHECK(first.when_to_use == same->when_to_use);
  // Asked to keep them (the default), a search catalog's records are there;
  // a full catalog keeps its records either way.
  auto kept = Catalog::from_json(search_text());
  REQUIRE(kept);
  CHECK(kept.value().patterns().front().record()["id"] == first.id);
  auto whole = Catalog::from_json(shipped_text(), {}, RecordText::drop_for_search_scope);
  REQUIRE(whole);
  CHECK(whole.value().patterns().front().record()["id"] == whole.value().patterns().front().id);
  CHECK(whole.value().patterns().front().record().contains("migration_paths") ==
        full.patterns().front().record().contains("migration_paths"));
}
