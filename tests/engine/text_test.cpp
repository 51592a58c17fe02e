#include <doctest/doctest.h>

#include "support.hpp"

#include <string>
#include <utility>
#include <vector>

#include "patsel/text.hpp"

using patsel::text::Token;

namespace {

struct Word {
  std::string word;
  std::size_t begin, end;
  bool operator==(const Word& o) const { return word == o.word && begin == o.begin && end == o.end; }
};

std::vector<Word> words(std::string_view text) {
  std::vector<Word> out;
  for (const Token& t : patsel::text::tokenize(text)) out.push_back({t.word, t.begin, t.end});
  return out;
}

std::vector<std::string> stems(const std::vector<std::string>& in) {
  std::vector<std::string> out;
  for (const std::string& w : in) out.push_back(patsel::text::stem(w));
  return out;
}

}  // namespace

namespace doctest {
template <>
struct StringMaker<Word> {
  static String convert(const Word& w) {
    return ("{" + w.word + " " + std::to_string(w.begin) + "," + std::to_string(w.end) + "}").c_str();
  }
};
}  // namespace doctest

TEST_CASE("folding removes case and diacritics") {
  using patsel::text::fold;
  SUBCASE("ASCII is lower-cased, punctuation kept") { CHECK(fold("Event-Sourcing, CQRS!") == "event-sourcing, cqrs!"); }
  SUBCASE("Latin letters lose their accents") {
    CHECK(fold("Café Zürich naïve résumé ÉTÉ") == "cafe zurich naive resume ete");
    CHECK(fold("Łódź Ærø straße Œuvre") == "lodz aero strasse oeuvre");
  }
  SUBCASE("combining accents are dropped") { CHECK(fold("Cafe\xCC\x81") == "cafe"); }
  SUBCASE("Greek and Cyrillic are lower-cased") { CHECK(fold("ΣΩ МОСКВА") == "σω москва"); }
  SUBCASE("fullwidth letters and ligatures become ASCII") { CHECK(fold("ＡＢＣ ﬁle") == "abc file"); }
  SUBCASE("invalid UTF-8 bytes are dropped") { CHECK(fold("ab\xFF\xC3(cd") == "ab(cd"); }
}

TEST_CASE("the tokenizer splits words and keeps byte offsets") {
  SUBCASE("hyphens, slashes and dots separate words") {
    CHECK(words("event-sourcing pub/sub node.js") ==
          std::vector<Word>{{"event", 0, 5}, {"sourcing", 6, 14}, {"pub", 15, 18}, {"sub", 19, 22},
                            {"node", 23, 27}, {"js", 28, 30}});
  }
  SUBCASE("letters and digits stay together") {
    CHECK(words("2PC, p99 and k8s") ==
          std::vector<Word>{{"2pc", 0, 3}, {"p99", 5, 8}, {"and", 9, 12}, {"k8s", 13, 16}});
  }
  SUBCASE("offsets are bytes of the original text, around multi-byte letters") {
    // "Café" is 5 bytes; the em dash (3 bytes) and the emoji (4) separate words.
    CHECK(words("Café — 東京 🚀 Zürich") ==
          std::vector<Word>{{"cafe", 0, 5}, {"東京", 10, 16}, {"zurich", 22, 29}});
  }
  SUBCASE("an apostrophe inside a word joins it; a possessive is dropped") {
    CHECK(words("Little's law, it's o’neil 'quoted'") ==
          std::vector<Word>{{"little", 0, 8}, {"law", 9, 12}, {"it", 14, 18}, {"oneil", 19, 27}, {"quoted", 29, 35}});
  }
  SUBCASE("invalid UTF-8 separates words and never ends up in one") {
    CHECK(words("ab\xFF" "cd \xE2\x82 ef") == std::vector<Word>{{"ab", 0, 2}, {"cd", 3, 5}, {"ef", 9, 11}});
  }
  SUBCASE("text with no letters has no words") {
    CHECK(words("").empty());
    CHECK(words("?! -- ... \xF0\x9F\x9A\x80").empty());
  }
  SUBCASE("a very long run of letters is cut to 64 bytes but its offsets cover all of it") {
    const std::string run(5000, 'a');
    auto result = patsel::text::tokenize(run);
    REQUIRE(result.size() == 1);
    CHECK(result[0].word == std::string(64, 'a'));
    CHECK(result[0].end == 5000);
  }
}

TEST_CASE("the Porter2 stemmer gives the published stems") {
  // From the Snowball English stemmer's published sample vocabulary.
  CHECK(stems({"consign", "consigned", "consigning", "consignment", "consist", "consisted", "consistency",
               "consistent", "consistently", "consisting", "consists", "consolation", "consolations",
               "consolatory", "console", "consoled", "consoles", "consolidate", "consolidated", "consolidating",
               "consoling", "consolingly", "consols", "consonant", "consort", "consorted", "consorting",
               "conspicuous", "conspicuously", "conspiracy", "conspirator", "conspirators", "conspire",
               "conspired", "conspiring", "constable", "constables", "constance", "constancy", "constant"}) ==
        std::vector<std::string>{"consign", "consign", "consign", "consign", "consist", "consist", "consist",
                                 "consist", "consist", "consist", "consist", "consol", "consol", "consolatori",
                                 "consol", "consol", "consol", "consolid", "consolid", "consolid", "consol",
                                 "consol", "consol", "conson", "consort", "consort", "consort", "conspicu",
                                 "conspicu", "conspiraci", "conspir", "conspir", "conspir", "conspir", "conspir",
                                 "constabl", "constabl", "constanc", "constanc", "constant"});
  CHECK(stems({"knack", "knackeries", "knacks", "knag", "knave", "knaves", "knavish", "kneaded", "kneading",
               "knee", "kneel", "kneeled", "kneeling", "kneels", "knees", "knell", "knelt", "knew", "knick", "knif",
               "knife", "knight", "knightly", "knights", "knit", "knits", "knitted", "knitting", "knives", "knob",
               "knobs", "knock", "knocked", "knocker", "knockers", "knocking", "knocks", "knopp", "knot", "knots"}) ==
        std::vector<std::string>{"knack", "knackeri", "knack", "knag", "knave", "knave", "knavish", "knead",
                                 "knead", "knee", "kneel", "kneel", "kneel", "kneel", "knee", "knell", "knelt",
                                 "knew", "knick", "knif", "knife", "knight", "knight", "knight", "knit", "knit",
                                 "knit", "knit", "knive", "knob", "knob", "knock", "knock", "knocker", "knocker",
                                 "knock", "knock", "knopp", "knot", "knot"});
  SUBCASE("each step and exception") {
    CHECK(stems({"caresses", "flies", "dies", "mules", "denied", "died", "agreed", "owned", "humbled", "sized",
                 "meeting", "stating", "siezing", "itemization", "sensational", "traditional", "reference",
                 "colonizer", "plotted"}) ==
          std::vector<std::string>{"caress", "fli", "die", "mule", "deni", "die", "agre", "own", "humbl", "size",
                                   "meet", "state", "siez", "item", "sensat", "tradit", "refer", "colon", "plot"});
    CHECK(stems({"skies", "dying", "news", "only", "generously", "communism", "arsenal", "inning", "proceed"}) ==
          std::vector<std::string>{"sky", "die", "news", "onli", "generous", "communism", "arsenal", "inning",
                                   "proceed"});
    CHECK(stems({"gas", "gaps", "kiwis", "ties", "cries", "hopping", "hoping", "luxuriated", "cry", "say", "by"}) ==
          std::vector<std::string>{"gas", "gap", "kiwi", "tie", "cri", "hop", "hope", "luxuri", "cri", "say", "by"});
  }
  SUBCASE("the domain's words") {
    CHECK(stems({"failures", "failure", "caching", "cached", "replication", "replicas", "partitioning"}) ==
          std::vector<std::string>{"failur", "failur", "cach", "cach", "replic", "replica", "partit"});
  }
  SUBCASE("words with digits or other scripts are left alone") {
    CHECK(stems({"2pc", "p99", "k8s", "東京", "ab"}) == std::vector<std::string>{"2pc", "p99", "k8s", "東京", "ab"});
  }
}

TEST_CASE("stop words") {
  using patsel::text::is_stop_word;
  CHECK(is_stop_word("the"));
  CHECK(is_stop_word("of"));
  CHECK(is_stop_word("with"));
  SUBCASE("words that carry meaning in this domain are not stop words") {
    CHECK_FALSE(is_stop_word("once"));
    CHECK_FALSE(is_stop_word("not"));
    CHECK_FALSE(is_stop_word("out"));
    CHECK_FALSE(is_stop_word("all"));
  }
}

TEST_CASE("typo tolerance grows with word length") {
  using patsel::text::max_typos;
  CHECK(max_typos(1) == 0);
  CHECK(max_typos(3) == 0);
  CHECK(max_typos(4) == 1);
  CHECK(max_typos(7) == 1);
  CHECK(max_typos(8) == 2);
  CHECK(max_typos(20) == 2);
}

TEST_CASE("edit distance counts a swap of neighbours as one typo") {
  using patsel::text::edit_distance;
  CHECK(edit_distance("circuit", "circuit", 2) == 0);
  CHECK(edit_distance("circiut", "circuit", 2) == 1);  // transposition
  CHECK(edit_distance("circut", "circuit", 2) == 1);   // deletion
  CHECK(edit_distance("cirkuit", "circuit", 2) == 1);  // substitution
  CHECK(edit_distance("sharding", "shrading", 2) == 1);
  SUBCASE("beyond the limit the answer is limit + 1") {
    CHECK(edit_distance("lease", "quorum", 2) == 3);
    CHECK(edit_distance("a", "abcdef", 1) == 2);
  }
}

TEST_CASE("UTF-8 helpers") {
  using namespace patsel::text;
  CHECK(is_valid_utf8("Café 東京 🚀"));
  CHECK_FALSE(is_valid_utf8("\xC3"));              // truncated
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK(code_points("Café 🚀") == 6);
  CHECK(to_valid_utf8("ok é") == "ok é");
  CHECK(to_valid_utf8("a\xFF" "b\xE2\x82") == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD");
  SUBCASE("floor_boundary never splits a character") {
    const std::string s = "a東b";  // 'a', 3 bytes, 'b'
    CHECK(floor_boundary(s, 0) == 0);
    CHECK(floor_boundary(s, 1) == 1);
    CHECK(floor_boundary(s, 2) == 1);
    CHECK(floor_boundary(s, 3) == 1);
    CHECK(floor_boundary(s, 4) == 4);
    CHECK(floor_boundary(s, 99) == 5);
    CHECK(floor_boundary("\x80\x80x", 1) == 1);  // stray continuation bytes stand alone
  }
}

TEST_CASE("repair_text replaces each maximal ill-formed subpart and each NUL with U+FFFD, and says where") {
  using patsel::text::repair_text;
  const std::string fffd = "\xEF\xBF\xBD";
  SUBCASE("valid text is left as it is") {
    std::string s = "Café 東京 🚀\nline two";
    const auto repair = repair_text(s);
    CHECK(s == "Café 東京 🚀\nline two");
    CHECK(repair.invalid == 0);
    CHECK(repair.nul == 0);
  }
  SUBCASE("a truncated sequence is one replacement, a stray byte is one each") {
    // "\xE2\x82" is the start of '€' cut short: its two bytes form one
    // maximal subpart. "\xFF" can start nothing. (Unicode 15, section 3.9.)
    std::string s = "b\xE2\x82" "c\xFF\xFF";
    const auto repair = repair_text(s);
    CHECK(s == "b" + fffd + "c" + fffd + fffd);
    CHECK(repair.invalid == 3);
    CHECK(repair.first_invalid == std::pair<int, int>{1, 2});
  }
  SUBCASE("overlong forms and surrogates are ill-formed from their second byte") {
    std::string s = "\xC0\xAF" "\xED\xA0\x80";  // C0 is never a lead; ED A0 starts a surrogate
    repair_text(s);
    CHECK(s == fffd + fffd + fffd + fffd + fffd);
  }
  SUBCASE("NUL bytes are counted apart, with the line and column of the first") {
    std::string s = std::string("ok\nx\0y\0", 7);
    const auto repair = repair_text(s);
    CHECK(s == "ok\nx" + fffd + "y" + fffd);
    CHECK(repair.nul == 2);
    CHECK(repair.invalid == 0);
    CHECK(repair.first_nul == std::pair<int, int>{2, 2});
  }
}

TEST_CASE("well_formed_length follows Unicode's table of well-formed sequences") {
  using patsel::detail::well_formed_length;
  std::size_t subpart = 0;
  CHECK(well_formed_length("a", 0, subpart) == 1);
  CHECK(well_formed_length("\xC3\xA9", 0, subpart) == 2);          // é
  CHECK(well_formed_length("\xE6\x9D\xB1", 0, subpart) == 3);      // 東
  CHECK(well_formed_length("\xF0\x9F\x9A\x80", 0, subpart) == 4);  // 🚀
  CHECK(well_formed_length("\xF4\x90\x80\x80", 0, subpart) == 0);  // above U+10FFFF
  CHECK(subpart == 1);
  CHECK(well_formed_length("\xF0\x9F\x9A", 0, subpart) == 0);      // cut short
  CHECK(subpart == 3);
}
