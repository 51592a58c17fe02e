#include <doctest/doctest.h>

#include "support.hpp"

#include <string>
#include <vector>

#include "patsel/search.hpp"

using patsel::parse_query;
using patsel::ParsedQuery;
using patsel::QueryPart;
using patsel::SearchField;

namespace {

// A part as one line: kind, flags, field and words, e.g. "-phrase[tags] event sourcing".
std::string describe(const QueryPart& p) {
  std::string out = p.excluded ? "-" : "";
  out += p.kind == QueryPart::Kind::phrase ? "phrase" : "word";
  if (p.prefix) out += "*";
  if (p.field) out += "[" + std::string(patsel::to_string(*p.field)) + "]";
  for (const std::string& w : p.words) out += " " + w;
  return out;
}

std::vector<std::string> parts(const ParsedQuery& q) {
  std::vector<std::string> out;
  for (const QueryPart& p : q.parts) out.push_back(describe(p));
  return out;
}

std::vector<std::string> ignored(const ParsedQuery& q) {
  std::vector<std::string> out;
  for (const auto& i : q.ignored) out.push_back(i.text + ": " + i.reason);
  return out;
}

using patsel_test::Strings;

}  // namespace

TEST_CASE("the query parser reads words, phrases, exclusions and scopes") {
  SUBCASE("plain words; the last one is a prefix while it is being typed") {
    CHECK(parts(parse_query("exactly once")) == Strings{"word exactly", "word* once"});
    CHECK(parts(parse_query("exactly once ")) == Strings{"word exactly", "word once"});
  }
  SUBCASE("words are folded and split at punctuation") {
    CHECK(parts(parse_query("Event-Sourcing CAFÉ ")) == Strings{"word event", "word sourcing", "word cafe"});
  }
  SUBCASE("a quoted phrase keeps its words together and is never a prefix") {
    CHECK(parts(parse_query("\"split brain\"")) == Strings{"phrase split brain"});
    CHECK(parts(parse_query("“split brain” lease")) == Strings{"phrase split brain", "word* lease"});
    CHECK(parse_query("\"Split Brain\"").parts[0].text == "Split Brain");
  }
  SUBCASE("a minus excludes a word, a phrase or a hyphenated word") {
    CHECK(parts(parse_query("lock -legacy -\"two phase\" -event-sourcing")) ==
          Strings{"word lock", "-word legacy", "-phrase two phase", "-phrase event sourcing"});
  }
  SUBCASE("a hyphen inside a word is not an exclusion") {
    CHECK(parts(parse_query("multi-leader ")) == Strings{"word multi", "word leader"});
  }
  SUBCASE("field:word and field:\"phrase\" search one field") {
    CHECK(parts(parse_query("tag:caching title:\"circuit breaker\" when:retries")) ==
          Strings{"word[tags] caching", "phrase[title] circuit breaker", "word*[when_to_use] retries"});
    CHECK(parts(parse_query("tag:cascading-failure ")) == Strings{"phrase[tags] cascading failure"});
    CHECK(parts(parse_query("-tag:legacy")) == Strings{"-word[tags] legacy"});
  }
  SUBCASE("stop words are left out and reported") {
    auto q = parse_query("the cost of the lock ");
    CHECK(parts(q) == Strings{"word cost", "word lock"});
    CHECK(ignored(q) == Strings{"the: stop word", "of: stop word"});
  }
}

TEST_CASE("a query the parser cannot fully understand is still searched") {
  SUBCASE("an unclosed quote is ignored and its words searched as words") {
    auto q = parse_query("\"split brain");
    CHECK(parts(q) == Strings{"word split", "word* brain"});
    CHECK(ignored(q) == Strings{"\": quote without a closing quote"});
  }
  SUBCASE("an unknown field is ignored, its text still searched") {
    auto q = parse_query("colour:red lease ");
    CHECK(parts(q) == Strings{"word red", "word lease"});
    CHECK(ignored(q) == Strings{"colour:: not a field (title, alias, tag, tagline, summary, question, when, excerpt)"});
  }
  SUBCASE("a lone minus and punctuation-only text are ignored") {
    auto q = parse_query("- ?!? ... lease");
    CHECK(parts(q) == Strings{"word* lease"});
    CHECK(ignored(q) == Strings{"-: nothing after the minus to exclude", "?!?: no letters or digits",
                                "...: no letters or digits"});
  }
  SUBCASE("an empty phrase is ignored") {
    auto q = parse_query("\"\" lock");
    CHECK(parts(q) == Strings{"word* lock"});
    CHECK(ignored(q) == Strings{"\"\": phrase without words to search"});
  }
  SUBCASE("only punctuation, or nothing, leaves nothing to search") {
    CHECK(parse_query("").parts.empty());
    CHECK(parse_query("   ").parts.empty());
    CHECK_FALSE(parse_query("!!! ###").has_positive_parts());
    CHECK_FALSE(parse_query("-legacy").has_positive_parts());
  }
  SUBCASE("invalid UTF-8 is skipped and reported") {
    auto q = parse_query("lea\xFF" "se \xC3");
    CHECK(parts(q) == Strings{"word lea", "word se"});
    // The trailing "\xC3" holds no word either; reports show bad bytes as U+FFFD.
    CHECK(ignored(q) == Strings{"\xEF\xBF\xBD: invalid UTF-8: those bytes were skipped",
                                "\xEF\xBF\xBD: no letters or digits"});
  }
  SUBCASE("a very long query is cut at 1024 bytes, never inside a character") {
    std::string long_query;
    for (int i = 0; i < 400; ++i) long_query += "é ";  // 3 bytes each
    auto q = parse_query(long_query);
    CHECK(q.parts.size() == patsel::kMaxQueryParts);
    CHECK(ignored(q).back() == ": the query is longer than 1024 bytes: the rest was ignored");
    CHECK(ignored(q).front() == "é: more than 24 words and phrases");
  }
  SUBCASE("a single enormous word is cut to 64 bytes") {
    auto q = parse_query(std::string(900, 'x'));
    REQUIRE(q.parts.size() == 1);
    CHECK(q.parts[0].words[0] == std::string(64, 'x'));
  }
}
