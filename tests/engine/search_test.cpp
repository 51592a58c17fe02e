// Search ranking, typos, prefixes, phrases, exclusions, scopes and
// highlights against tests/fixtures/catalogs/search.json. Every expected
// order below is derived from that file's text (which field holds which
// word), not from the program's output.

#include <doctest/doctest.h>

#include "support.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "patsel/api.hpp"
#include "patsel/search.hpp"
#include "patsel/search_page.hpp"
#include "patsel/text.hpp"

using patsel_test::json;
using patsel_test::Strings;

namespace {

struct Fixture {
  patsel::api::Engine engine = patsel_test::engine_at(patsel_test::catalog_fixture("search.json"));

  json search(json params) const {
    json answer = json::parse(engine.call("search", params.dump()));
    REQUIRE_MESSAGE(answer["ok"] == true, answer.dump());
    return answer["result"];
  }
  json search(const std::string& query) const { return search(json::object({{"query", query}})); }
  json search(const char* query) const { return search(std::string(query)); }

  Strings ids(const json& params) const {
    Strings out;
    const json result = search(params);
    for (const json& hit : result["hits"]) out.push_back(hit["id"].get<std::string>());
    return out;
  }
  Strings ids(const std::string& query) const { return ids(json::object({{"query", query}})); }
  Strings ids(const char* query) const { return ids(std::string(query)); }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

}  // namespace

TEST_CASE("BM25 scores are what the formula gives by hand") {
  // Two patterns with a one-word title each: for "alpha", N = 2 and df = 1,
  // so idf = ln(1 + 1.5 / 1.5) = ln 2; the title (boost 8, length 1 = the
  // average) gives 8 * (1 * 2.2) / (1 + 1.2) = 8; the query names the
  // pattern, so the title bonus doubles it: 16 ln 2 = 11.0904.
  patsel::api::Engine engine;
  engine.load(R"({"schema_version":1,"patterns":[{"id":"alpha","title":"Alpha"},{"id":"beta","title":"Beta"}]})");
  json result = json::parse(engine.call("search", R"({"query":"alpha "})"))["result"];
  CHECK(result["total"] == 1);
  CHECK(result["hits"][0]["score"] == 11.0904);
  CHECK(result["hits"][0]["matched"] == json::parse(R"({"fields":["title"],"terms":["alpha"]})"));
}

TEST_CASE("ranking on hand-checked queries") {
  const Fixture& f = fixture();
  SUBCASE("a pattern's name finds it") {
    CHECK(f.ids("circuit breaker") == Strings{"circuit-breaker"});
    CHECK(f.ids("Generation Clock ") == Strings{"generation-clock"});
  }
  SUBCASE("the pattern named by an abbreviation comes before one that only mentions it") {
    // two-phase-commit has the alias "2pc" and the synonym in its title;
    // saga's summary says "two-phase commit" once.
    CHECK(f.ids("2pc") == Strings{"two-phase-commit", "saga"});
    CHECK(f.ids("two phase commit") == Strings{"two-phase-commit", "saga"});
    CHECK(f.ids("CQRS") == Strings{"cqrs"});
  }
  SUBCASE("a word in more fields ranks higher") {
    // Both have the tag cascading-failure; timeout's summary also says "failure".
    CHECK(f.ids("cascading failures ") == Strings{"timeout", "circuit-breaker"});
  }
  SUBCASE("equal scores are ordered by tier, then title") {
    // lease and generation-clock both have the tag split-brain and nothing
    // else with these words; their tag fields have the same length.
    json result = f.search("split brain ");
    REQUIRE(result["hits"].size() == 2);
    CHECK(result["hits"][0]["id"] == "generation-clock");
    CHECK(result["hits"][1]["id"] == "lease");
    CHECK(result["hits"][0]["score"] == result["hits"][1]["score"]);
  }
  SUBCASE("a known phrase matches its words as typed") {
    CHECK(f.ids("exactly once ") == Strings{"idempotency"});
  }
  SUBCASE("stemming matches other forms of a word") {
    // "retrying", "retry" and "retries" share the stem "retri".
    Strings found = f.ids("retrying ");
    std::sort(found.begin(), found.end());
    CHECK(found == Strings{"idempotency", "retry-backoff"});
  }
}

TEST_CASE("typos and prefixes") {
  const Fixture& f = fixture();
  SUBCASE("one typo in a word of 4 to 7 letters") {
    json result = f.search("circiut ");
    CHECK(result["hits"][0]["id"] == "circuit-breaker");
    CHECK(result["query"]["terms"][0]["expansions"] == json::array({"circuit"}));
    CHECK(f.ids("bulkhaed ") == Strings{"bulkhead"});
  }
  SUBCASE("two typos in a longer word") {
    CHECK(f.ids("idmpotncy ") == Strings{"idempotency"});
  }
  SUBCASE("no typo is tolerated in words of three letters") {
    CHECK(f.search("sga ")["total"] == 0);
  }
  SUBCASE("the word being typed matches as a prefix") {
    CHECK(f.ids("circ") == Strings{"circuit-breaker"});
    CHECK(f.ids("idem") == Strings{"idempotency"});
    json result = f.search("circuit br");
    CHECK(result["hits"][0]["id"] == "circuit-breaker");
    CHECK(result["hits"][0]["highlights"]["title"] == json::parse("[[0,7],[8,15]]"));
  }
  SUBCASE("a finished word is not a prefix") {
    CHECK(f.search("circ ")["total"] == 0);
  }
  SUBCASE("a misspelt word being typed matches as a prefix too") {
    CHECK(f.ids("bulkhae") == Strings{"bulkhead"});
  }
}

TEST_CASE("hyphens, spaces and compounds meet") {
  const Fixture& f = fixture();
  CHECK(f.ids("event-sourcing ") == Strings{"event-sourcing"});
  CHECK(f.ids("event sourcing ") == Strings{"event-sourcing"});
  json joined = f.search("eventsourcing ");
  CHECK(joined["hits"][0]["id"] == "event-sourcing");
  CHECK(joined["query"]["terms"][0]["expansions"] == json::array({"event sourcing"}));
  SUBCASE("two words written as one in the text") {
    // "time out" finds the one word "timeout".
    CHECK(f.search("time out ")["hits"][0]["id"] == "timeout");
  }
}

// The fixture's text decides each case: "bulkhead" is a title word and
// "bulkhaed" no word at all; "eventsourcing" is in no field, "event" and
// "sourcing" are; "dual leader" and "split brain" are one synonym group.
TEST_CASE("matching: prefix searches the words as typed, full also what was meant") {
  const Fixture& f = fixture();
  auto prefix = [](const char* query) { return json{{"query", query}, {"matching", "prefix"}}; };
  SUBCASE("no typo is corrected") {
    CHECK(f.ids(json{{"query", "bulkhaed "}, {"matching", "full"}}) == Strings{"bulkhead"});
    CHECK(f.search(prefix("bulkhaed "))["total"] == 0);
  }
  SUBCASE("no compound word is split or joined") {
    CHECK(f.ids("eventsourcing ") == Strings{"event-sourcing"});
    CHECK(f.search(prefix("eventsourcing "))["total"] == 0);
    CHECK(f.search("time out ")["hits"][0]["id"] == "timeout");
    const Strings typed = f.ids(prefix("time out "));
    CHECK(std::find(typed.begin(), typed.end(), "timeout") == typed.end());
  }
  SUBCASE("no synonym is searched") {
    CHECK(f.search("dual leader ")["query"]["terms"][0]["expansions"] == json::array({"split brain"}));
    const json typed = f.search(prefix("dual leader "));  // kept: the loop reads into it
    for (const json& term : typed["query"]["terms"]) CHECK(term["expansions"] == json::array());
  }
  SUBCASE("the last word is still a prefix, and a finished word is not") {
    CHECK(f.ids(prefix("idem")) == Strings{"idempotency"});
    CHECK(f.search(prefix("idem"))["query"]["terms"][0]["expansions"] == json::array({"idempotency", "idempotent"}));
    CHECK(f.search(prefix("circuit br"))["hits"][0]["id"] == "circuit-breaker");
    CHECK(f.search(prefix("circ "))["total"] == 0);
  }
  SUBCASE("words found as typed rank as in full matching") {
    for (const char* query : {"fail ", "\"split brain\"", "tag:retries ", "caller -fail "}) {
      CAPTURE(query);
      CHECK_FALSE(f.search(query)["hits"].empty());
      CHECK(f.search(prefix(query))["hits"] == f.search(query)["hits"]);
    }
  }
  SUBCASE("another value is an error that names it") {
    json answer = json::parse(f.engine.call("search", R"({"query":"x","matching":"fuzzy"})"));
    CHECK(answer["error"]["code"] == "params.bad_option");
    CHECK(answer["error"]["message"] == "$.matching: 'fuzzy' is not a matching (full, prefix)");
    answer = json::parse(f.engine.call("search", R"({"matching":1})"));
    CHECK(answer["error"]["code"] == "params.bad_option");
  }
}

TEST_CASE("phrases, exclusions and field scopes") {
  const Fixture& f = fixture();
  SUBCASE("a phrase needs its words side by side") {
    // bulkhead: "one slow dependency"; circuit-breaker has "dependency" but not after "slow".
    CHECK(f.ids("\"slow dependency\"") == Strings{"bulkhead"});
    CHECK(f.search("\"dependency slow\"")["total"] == 0);
  }
  SUBCASE("an excluded word removes the patterns that contain it") {
    CHECK(f.ids("dependency -bulkhead ") == Strings{"circuit-breaker"});
    CHECK(f.ids("dependency -\"one slow\" ") == Strings{"circuit-breaker"});
  }
  SUBCASE("only exclusions: every other pattern, in tier order") {
    json result = f.search("-leader ");
    CHECK(result["total"] == 11);
    CHECK(result["sort"] == "tier");
    CHECK(result["hits"][0]["id"] == "bulkhead");
  }
  SUBCASE("a scope searches one field") {
    CHECK(f.ids("tag:split-brain ") == Strings{"generation-clock", "lease"});
    CHECK(f.ids("summary:failure ") == Strings{"timeout"});
    CHECK(f.ids("title:cache ") == Strings{"cafe-cache"});
    json result = f.search("tag:caching ");
    CHECK(result["hits"][0]["matched"]["fields"] == json::array({"tags"}));
  }
}

TEST_CASE("highlights are byte ranges that never split a character") {
  const Fixture& f = fixture();
  SUBCASE("title and summary of a multi-byte text") {
    json hit = f.search("cafe ")["hits"][0];
    CHECK(hit["id"] == "cafe-cache");
    CHECK(hit["highlights"]["title"] == json::parse("[[0,5]]"));  // "Café" is 5 bytes
    CHECK(hit["highlights"]["snippet"]["ranges"] == json::parse("[[7,12]]"));
    CHECK(hit["highlights"]["snippet"]["text"] == hit["summary"]);
  }
  SUBCASE("a word in another script and one with a diacritic") {
    CHECK(f.search("東京 ")["hits"][0]["highlights"]["snippet"]["ranges"] == json::parse("[[35,41]]"));
    CHECK(f.search("zurich ")["hits"][0]["highlights"]["snippet"]["ranges"] == json::parse("[[46,53]]"));
  }
  SUBCASE("a long summary is cut around the first match, on word boundaries") {
    patsel::api::Engine engine;
    std::string summary;
    for (int i = 0; i < 30; ++i) summary += "wörd" + std::to_string(i) + " ";
    summary += "target 🚀 ending";
    json catalog = {{"schema_version", 1},
                    {"patterns", json::array({{{"id", "x"}, {"title", "X"}, {"summary", summary}}})}};
    engine.load(catalog.dump());
    json hit = json::parse(engine.call("search", R"({"query":"target "})"))["result"]["hits"][0];
    const std::string text = hit["highlights"]["snippet"]["text"];
    const auto range = hit["highlights"]["snippet"]["ranges"][0];
    CHECK(text.rfind("\xE2\x80\xA6", 0) == 0);  // starts with an ellipsis
    CHECK(text.substr(range[0].get<std::size_t>(), range[1].get<std::size_t>() - range[0].get<std::size_t>()) ==
          "target");
    CHECK(patsel::text::is_valid_utf8(text));
  }
}

TEST_CASE("empty and hostile queries") {
  const Fixture& f = fixture();
  SUBCASE("no query lists everything in tier order, then by title") {
    CHECK(f.ids(json{{"query", ""}, {"limit", 20}}) ==
          Strings{"bulkhead", "circuit-breaker", "generation-clock", "idempotency", "lease", "retry-backoff", "saga",
                  "timeout", "cafe-cache", "cqrs", "event-sourcing", "gossip-protocol", "two-phase-commit"});
  }
  SUBCASE("only punctuation searches for nothing and says so") {
    json result = f.search("?!?!");
    CHECK(result["total"] == 13);
    CHECK(result["query"]["ignored"] == json::parse(R"([{"text":"?!?!","reason":"no letters or digits"}])"));
  }
  SUBCASE("a word no pattern has finds nothing") { CHECK(f.search("zzzzqqqq ")["total"] == 0); }
  SUBCASE("a very long query is answered") {
    std::string query;
    for (int i = 0; i < 2000; ++i) query += "lease ";
    json result = f.search(query);
    CHECK(result["hits"][0]["id"] == "lease");
    // 1024 bytes are 170 times "lease " and "leas": parts past the 24th are
    // ignored ("lease", "leas"), and so is the text past 1024 bytes.
    CHECK(result["query"]["ignored"].size() == 3);
  }
  SUBCASE("invalid UTF-8 does not reach the results") {
    auto catalog = patsel::Catalog::from_json(patsel_test::read_text(patsel_test::catalog_fixture("search.json")));
    REQUIRE(catalog);
    auto index = patsel::SearchIndex::build(catalog.value());
    auto results = index.search(patsel::parse_query("lea\xFF\xFEse \xC3\x28 bulk\xE2\x82"));
    CHECK(results.has_terms);
    // "lea" and "se" (split by the bad bytes) are searched, also as the one
    // word "lease"; "\xC3(" holds no word; then "bulk".
    REQUIRE(results.clauses.size() == 2);
    CHECK(results.clauses[0].text == "lea se");
    CHECK(results.clauses[0].expansions == std::vector<std::string>{"lease"});
    CHECK(results.docs.size() == 1);
    CHECK(catalog.value().patterns()[results.docs[0].doc].id == "lease");
  }
  SUBCASE("a bad option is an error that names it") {
    json answer = json::parse(f.engine.call("search", R"({"query":"x","sort":"random"})"));
    CHECK(answer["error"]["message"] ==
          "$.sort: 'random' is not an order (relevance, tier, title, introduced-newest, introduced-oldest, "
          "reading-time)");
    answer = json::parse(f.engine.call("search", R"({"query":7})"));
    CHECK(answer["error"]["message"] == "$.query: expected a string");
    answer = json::parse(f.engine.call("search", R"({"limit":5000})"));
    CHECK(answer["error"]["message"] == "$.limit: 5000 is outside 0..1000");
  }
}

TEST_CASE("matched fields and terms are reported per hit") {
  json hit = fixture().search("fuse fail ")["hits"][0];
  CHECK(hit["id"] == "circuit-breaker");
  // "fuse" is an alias, so the title is its synonym; "fail" (and "failing")
  // is in the tags (fail-fast), the tagline, the summary and when-to-use.
  CHECK(hit["matched"]["terms"] == json::array({"fuse", "fail"}));
  CHECK(hit["matched"]["fields"] == json::array({"title", "aliases", "tags", "tagline", "summary", "when_to_use"}));
  CHECK(hit["highlights"]["title"] == json::parse("[[0,7],[8,15]]"));
}

TEST_CASE("the same query gives the same answer every time") {
  const Fixture& f = fixture();
  const std::string first = f.engine.call("search", R"({"query":"dependency fail"})");
  for (int i = 0; i < 3; ++i) CHECK(f.engine.call("search", R"({"query":"dependency fail"})") == first);
}

TEST_CASE("most of a long query's words are enough, wherever the missing word stands") {
  // Of three words two must match: "dependency" is in circuit-breaker and
  // bulkhead (cqrs says "independently", another word), "pools" only in
  // bulkhead, "zzqqx" nowhere. The
  // search stops scoring a pattern once the words left cannot bring it to
  // two, so the order of the words must not change what is found.
  const Fixture& f = fixture();
  for (const char* query : {"dependency pools zzqqx", "zzqqx dependency pools", "dependency zzqqx pools"}) {
    CAPTURE(query);
    const json result = f.search(query);
    CHECK(result["query"]["relaxed"] == false);
    CHECK(f.ids(query) == Strings{"bulkhead"});
  }
  // Of two words both must match; none does both, so any one will do.
  const json relaxed = f.search("dependency zzqqx");
  CHECK(relaxed["query"]["relaxed"] == true);
  Strings found = f.ids("dependency zzqqx");
  std::sort(found.begin(), found.end());
  CHECK(found == Strings{"bulkhead", "circuit-breaker"});
}

TEST_CASE("a search answers the same after other searches as on a fresh engine") {
  // The work arrays are kept between searches, and a query may score its
  // clauses twice (relaxed): nothing of one query may reach the next.
  const std::vector<std::string> queries = {"fail",       "zzzzqqqq",        "dependency -timeout", "dependency zzqqx",
                                            "-saga",      "\"two phase\" commit", "dependency pools zzqqx", "cache",
                                            "fail fast", "title:lease",     ""};
  std::vector<std::string> fresh;
  for (const std::string& q : queries) {
    const patsel::api::Engine engine = patsel_test::engine_at(patsel_test::catalog_fixture("search.json"));
    fresh.push_back(engine.call("search", json{{"query", q}}.dump()));
  }
  const Fixture& f = fixture();
  for (int round = 0; round < 2; ++round)
    for (std::size_t i = 0; i < queries.size(); ++i) {
      CAPTURE(queries[i]);
      CHECK(f.engine.call("search", json{{"query", queries[i]}}.dump()) == fresh[i]);
    }
}

TEST_CASE("the search answer is written as nlohmann writes the same document") {
  // `search` writes its text itself (JsonWriter); every other method dumps
  // an nlohmann document. Both forms must be the same bytes: sorted keys, no
  // spaces, the same numbers and escapes.
  const Fixture& f = fixture();
  const char* requests[] = {
      R"({})",
      R"({"query":"fuse fail "})",
      R"({"query":"caf","facets":["tier","tier","category","tags"],"facet_limit":2,"sort":"title","offset":1})",
      R"({"query":"\"two phase\" -saga","ranges":{"introduced":[1970,null]},"hit_fields":["score","matched","tags"]})",
      R"({"query":"cafe","filters":{"tier":["silver"]},"facet_values":{"category":["caching","none"]}})",
      R"({"query":"title:retry","limit":0})",
      R"({"offset":20})",
      R"({"query":"zzzz qqqq"})",
  };
  for (const char* request : requests) {
    CAPTURE(request);
    const std::string written = f.engine.call("search", request);
    const json parsed = json::parse(written);
    REQUIRE(parsed["ok"] == true);
    CHECK(written == parsed.dump(-1, ' ', false, json::error_handler_t::replace));
  }
}

TEST_CASE("search_page searches, filters, sorts and cuts one page, as the search method does") {
  const patsel::Catalog catalog = patsel_test::catalog_at(patsel_test::catalog_fixture("search.json"));
  const auto index = patsel::SearchIndex::build(catalog);
  const auto facets = patsel::FacetIndex::build(catalog);
  const auto page_ids = [&](const patsel::SearchPage& page) {
    Strings out;
    for (std::size_t i = page.first; i < page.end; ++i) out.push_back(catalog.patterns()[page.filtered.docs[i].doc].id);
    return out;
  };
  patsel::SearchPageRequest request;
  SUBCASE("without words the order is by tier; a page is [offset, offset + limit)") {
    request.offset = 5;
    request.limit = 5;
    const auto page = patsel::search_page(index, facets, request);
    CHECK(page.sort == patsel::SortOrder::tier);
    CHECK(page.filtered.docs.size() == 13);
    CHECK(page_ids(page) == Strings{"retry-backoff", "saga", "timeout", "cafe-cache", "cqrs"});
  }
  SUBCASE("with words, relevance; another order keeps relevance within it") {
    request.query = "2pc";
    CHECK(patsel::search_page(index, facets, request).sort == patsel::SortOrder::relevance);
    request.sort = patsel::SortOrder::tier;
    CHECK(page_ids(patsel::search_page(index, facets, request)) == Strings{"saga", "two-phase-commit"});
  }
  SUBCASE("filters apply before the page is cut; a page past the end is empty") {
    request.selection.values[static_cast<std::size_t>(patsel::Facet::tier)] = {"silver"};
    request.offset = 2;
    const auto page = patsel::search_page(index, facets, request);
    CHECK(page.filtered.docs.size() == 3);
    CHECK(page_ids(page) == Strings{"event-sourcing"});  // Café Cache, CQRS, Event Sourcing, by folded title
    request.offset = 3;
    CHECK(page_ids(patsel::search_page(index, facets, request)).empty());
  }
}

TEST_CASE("a hit carries what a result card shows: difficulty, the year introduced, the aliases") {
  patsel::api::Engine engine;
  engine.load(R"({"schema_version":1,"patterns":[
    {"id":"alpha","title":"Alpha","difficulty":"advanced","introduced":"1978","aliases":["first letter","a"]},
    {"id":"alpha-two","title":"Alpha Two"}]})");
  json result = json::parse(engine.call("search", R"({"query":"alpha","sort":"title"})"))["result"];
  REQUIRE(result["hits"].size() == 2);
  const json& known = result["hits"][0];
  CHECK(known["difficulty"] == "advanced");
  CHECK(known["introduced"] == 1978);
  CHECK(known["aliases"] == json({"first letter", "a"}));
  const json& bare = result["hits"][1];
  CHECK(bare["difficulty"].is_null());
  CHECK(bare["introduced"].is_null());
  CHECK(bare["aliases"] == json::array());
}

TEST_CASE("hit_fields: a hit carries only the members asked for, the same values as in a whole hit") {
  const Fixture& f = fixture();
  const json whole = f.search(json{{"query", "fuse fail "}});
  const json card = f.search(json{{"query", "fuse fail "}, {"hit_fields", {"id", "title", "tier", "highlights"}}});
  REQUIRE(card["hits"].size() == whole["hits"].size());
  for (std::size_t i = 0; i < card["hits"].size(); ++i) {
    const json& hit = card["hits"][i];
    const json& full = whole["hits"][i];
    CHECK(hit.size() == 4);
    CHECK(hit["id"] == full["id"]);
    CHECK(hit["title"] == full["title"]);
    CHECK(hit["tier"] == full["tier"]);
    CHECK(hit["highlights"] == full["highlights"]);
  }
  // Everything but the hits is the same answer.
  json rest = card, whole_rest = whole;
  rest.erase("hits");
  whole_rest.erase("hits");
  CHECK(rest == whole_rest);

  SUBCASE("no highlights and no matched: the rest is still there") {
    const json bare = f.search(json{{"query", "fuse fail "}, {"hit_fields", {"id", "score", "matched"}}});
    const json& hit = bare["hits"][0];
    const json& full = whole["hits"][0];
    CHECK(hit == json{{"id", "circuit-breaker"}, {"score", full["score"]}, {"matched", full["matched"]}});
    CHECK(f.search(json{{"query", "fuse"}, {"hit_fields", json::array()}})["hits"][0] == json::object());
  }
  SUBCASE("an unknown member or a wrong type is an error that names it") {
    json answer = json::parse(f.engine.call("search", R"({"hit_fields":["id","body"]})"));
    CHECK(answer["error"]["code"] == "params.bad_option");
    CHECK(answer["error"]["message"] ==
          "$.hit_fields[1]: 'body' is not a member of a hit (id, title, summary, tier, category, domain, layer, status, "
          "tags, difficulty, introduced, aliases, score, matched, highlights)");
    answer = json::parse(f.engine.call("search", R"({"hit_fields":"id"})"));
    CHECK(answer["error"]["message"] == "$.hit_fields: expected an array of strings");
  }
}
