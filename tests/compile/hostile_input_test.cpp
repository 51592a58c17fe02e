// Hostile pages and data files: whatever the bytes, the compiler reports a
// problem at its place and goes on; it never crashes, hangs, or writes text
// that is not valid UTF-8. docs/reliability.md lists each case and its test.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "patsel/compile/build.hpp"
#include "patsel/compile/page.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using patsel::compile::compile_page;
using patsel::compile::PageInput;
using patsel::compile::PageLimits;
using patsel::compile::Report;

namespace {

const std::string kFFFD = "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER, in UTF-8

struct Compiled {
  patsel::compile::PageOutcome outcome;
  Report report;
};

Compiled compile(const std::string& text, const PageLimits& limits = {},
                 const std::string& relative = "patterns/sample.md") {
  Compiled c;
  c.outcome = compile_page(PageInput{"data/" + relative, relative, text}, c.report, limits);
  // Whatever came in, what goes out is valid UTF-8: the strict dumps throw
  // otherwise. (Only file names are passed through as they are.)
  if (c.outcome.record) CHECK_NOTHROW((void)c.outcome.record->dump());
  for (const auto& d : c.report.sorted()) CHECK_NOTHROW((void)json(d.message).dump());
  return c;
}

// The report's lines for one rule (or the rules starting with "data."),
// without the summary line.
std::string lines_of(const Report& report, const std::string& rule) {
  std::string out;
  for (const auto& d : report.sorted())
    if (d.rule.rfind(rule, 0) == 0) out += d.to_string() + "\n";
  return out;
}

// Test text with '@' standing for a NUL byte, which a C string literal cannot hold.
std::string with_nul(std::string text) {
  for (char& c : text)
    if (c == '@') c = '\0';
  return text;
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// A scratch source tree, removed at the end of the test.
struct Scratch {
  fs::path root;
  explicit Scratch(const std::string& name) : root(fs::temp_directory_path() / name) {
    fs::remove_all(root);
    fs::create_directories(root / "patterns");
  }
  ~Scratch() { fs::remove_all(root); }
  void write(const std::string& relative, const std::string& bytes) const {
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative, std::ios::binary) << bytes;
  }
};

// "a: &a [lol x10]", "b: &b [*a x10]" ... nine levels: 10^9 nodes once expanded.
std::string billion_laughs(const std::string& use) {
  std::string yaml = "a: &a [" + repeat("lol, ", 9) + "lol]\n";
  std::string previous = "a";
  for (char name = 'b'; name <= 'i'; ++name) {
    yaml += std::string(1, name) + ": &" + name + " [" + repeat("*" + previous + ", ", 9) + "*" + previous + "]\n";
    previous = std::string(1, name);
  }
  return yaml + use + ": *i\n";
}

}  // namespace

TEST_CASE("bytes that are not UTF-8 become U+FFFD, with a warning at the first") {
  SUBCASE("in the front matter and the body") {
    // "Caf" + a lead byte without its continuation; two bytes that never
    // start a character; a UTF-8 encoded surrogate (ED A0 80: three
    // maximal ill-formed subparts, so three U+FFFD).
    auto c = compile("---\ntitle: Caf\xC3\nsummary: ok \xFF\xFE\n---\nBody \xED\xA0\x80 end\n");
    REQUIRE(c.outcome.record);
    const json& r = *c.outcome.record;
    CHECK(r["title"] == "Caf" + kFFFD);
    CHECK(r["summary"] == "ok " + kFFFD + kFFFD);
    CHECK(r["excerpt"] == "Body " + repeat(kFFFD, 3) + " end");
    CHECK(c.report.to_text() ==
          "data/patterns/sample.md:2:11: warning: the page is not valid UTF-8 (6 bad sequences, the first here); "
          "replaced with U+FFFD [page.invalid_utf8]\n0 errors, 1 warning\n");
  }
  SUBCASE("each ill-formed form, one U+FFFD per maximal ill-formed subpart") {
    struct Case {
      const char* bytes;
      std::size_t replacements;
    };
    for (const Case& k : {Case{"\x80", 1},                // a continuation byte alone
                          Case{"\xC0\xAF", 2},            // overlong '/': C0 never starts a character
                          Case{"\xE0\x80\x80", 3},        // overlong 3-byte form
                          Case{"\xED\xBF\xBF", 3},        // surrogate U+DFFF
                          Case{"\xF4\x90\x80\x80", 4},    // above U+10FFFF
                          Case{"\xF0\x9F\x98", 1},        // 4-byte form cut short: one subpart
                          Case{"\xF8\x88\x80\x80\x80", 5}}) {  // 5-byte forms are not UTF-8
      CAPTURE(k.replacements);
      auto c = compile(std::string("---\ntitle: a") + k.bytes + "b\n---\n");
      REQUIRE(c.outcome.record);
      CHECK((*c.outcome.record)["title"] == "a" + repeat(kFFFD, k.replacements) + "b");
      CHECK(lines_of(c.report, "page.invalid_utf8") ==
            "data/patterns/sample.md:2:9: warning: the page is not valid UTF-8 (" + std::to_string(k.replacements) +
                (k.replacements == 1 ? " bad sequence" : " bad sequences") +
                ", the first here); replaced with U+FFFD [page.invalid_utf8]\n");
    }
  }
  SUBCASE("valid text, 4-byte characters included, is left alone and not reported") {
    auto c = compile("---\ntitle: \xF0\x9F\x98\x80 caf\xC3\xA9 \xE2\x82\xAC\n---\n");
    REQUIRE(c.outcome.record);
    CHECK((*c.outcome.record)["title"] == "\xF0\x9F\x98\x80 caf\xC3\xA9 \xE2\x82\xAC");
    CHECK(c.report.empty());
  }
  SUBCASE("columns count characters, not bytes") {
    auto c = compile("---\ntitle: \xC3\xA9\xC3\xA9\xFF\n---\n");  // "éé" then a bad byte: column 10
    CHECK(lines_of(c.report, "page.invalid_utf8") ==
          "data/patterns/sample.md:2:10: warning: the page is not valid UTF-8 (1 bad sequence, the first here); "
          "replaced with U+FFFD [page.invalid_utf8]\n");
  }
  SUBCASE("a file name that is not UTF-8 gives an id and url with U+FFFD") {
    auto c = compile("---\ntitle: A\ndescription: d\n---\n", {}, "patterns/caf\xC3.md");
    REQUIRE(c.outcome.record);
    CHECK((*c.outcome.record)["id"] == "caf" + kFFFD);
    CHECK((*c.outcome.record)["url"] == "patterns/caf" + kFFFD + "/");
    REQUIRE(c.report.sorted().size() == 1);
    CHECK(c.report.sorted()[0].message == "the file name is not valid UTF-8; the id and url use U+FFFD");
    CHECK(c.report.sorted()[0].rule == "page.invalid_utf8");
  }
}

TEST_CASE("NUL bytes, which YAML would drop silently, become U+FFFD with a warning") {
  auto c = compile(with_nul("---\ntitle: A@B\ndescription: d\n---\nx@y\n"));
  REQUIRE(c.outcome.record);
  CHECK((*c.outcome.record)["title"] == "A" + kFFFD + "B");
  CHECK((*c.outcome.record)["excerpt"] == "x" + kFFFD + "y");
  CHECK(c.report.to_text() ==
        "data/patterns/sample.md:2:9: warning: the page holds 2 NUL bytes (the first here); replaced with U+FFFD "
        "[page.nul_byte]\n0 errors, 1 warning\n");
}

TEST_CASE("escapes YAML cannot turn into characters are errors that say why") {
  SUBCASE("a lone surrogate escape") {
    auto c = compile("---\ntitle: \"\\ud800\"\n---\n");
    CHECK_FALSE(c.outcome.record);
    CHECK(c.report.to_text() ==
          "data/patterns/sample.md:2:15: error: front matter is not valid YAML: an escape names U+D800, a UTF-16 "
          "surrogate, which is not a character (write the character itself, or a \\U escape) [page.yaml_syntax]\n"
          "1 error, 0 warnings\n");
  }
  SUBCASE("an unknown escape quoting half a character keeps the report valid UTF-8") {
    // yaml-cpp quotes the single byte after the backslash: the lead byte of 'é'.
    auto c = compile("---\ntitle: \"\\\xC3\xA9\"\n---\n");
    CHECK_FALSE(c.outcome.record);
    REQUIRE(c.report.sorted().size() == 1);
    CHECK(c.report.sorted()[0].message == "front matter is not valid YAML: unknown escape character: " + kFFFD);
  }
}

TEST_CASE("a page over the size limit is left out, and the limit can be raised") {
  const std::string page = "---\ntitle: A\ndescription: d\n---\n" + std::string(100, 'x') + "\n";
  REQUIRE(page.size() == 133);
  PageLimits limits;
  limits.max_bytes = 132;
  auto over = compile(page, limits);
  CHECK_FALSE(over.outcome.record);
  CHECK(over.report.to_text() ==
        "data/patterns/sample.md: error: the page has more than 132 bytes (the limit; raise it with "
        "--max-page-bytes); left out [page.too_large]\n1 error, 0 warnings\n");
  limits.max_bytes = 133;
  auto at = compile(page, limits);
  CHECK(at.outcome.record);
  CHECK(at.report.empty());
  SUBCASE("the default is 1 MiB") { CHECK(PageLimits{}.max_bytes == 1048576); }
}

TEST_CASE("YAML that nests too deep is an error at the place it crosses the limit") {
  SUBCASE("deeper than 64 levels in a block: the rest of the page is kept") {
    // The block's outer list is level 0; the 66th '[' (column 12 + 65) is level 65.
    auto c = compile("---\ntitle: A\nevolution: " + repeat("[", 70) + repeat("]", 70) + "\ndescription: d\n---\n");
    REQUIRE(c.outcome.record);
    CHECK_FALSE(c.outcome.record->contains("evolution"));
    CHECK(c.report.to_text() ==
          "data/patterns/sample.md:3:77: error: 'evolution': nested deeper than 64 levels; left out "
          "[page.too_large]\n1 error, 0 warnings\n");
  }
  SUBCASE("deeper than the YAML parser's own limit (500): the page is left out") {
    // yaml-cpp stops its recursive descent and marks the end of the flow.
    auto c = compile("---\ntitle: A\nevolution: " + repeat("[", 600) + repeat("]", 600) + "\n---\n");
    CHECK_FALSE(c.outcome.record);
    CHECK(c.report.to_text() ==
          "data/patterns/sample.md:3:1212: error: front matter nests deeper than the YAML parser allows (500 "
          "levels); left out [page.too_large]\n1 error, 0 warnings\n");
  }
  SUBCASE("a hundred thousand levels is the same error, not a stack overflow") {
    auto c = compile("---\ntitle: A\nevolution: " + repeat("[", 100000) + "\n---\n");
    CHECK_FALSE(c.outcome.record);
    CHECK(lines_of(c.report, "page.too_large").find("nests deeper than the YAML parser allows") != std::string::npos);
  }
}

TEST_CASE("an alias bomb stops at the node budget, reported at the field that expands it") {
  auto c = compile("---\ntitle: A\ndescription: d\n" + billion_laughs("modern_examples") + "---\n");
  REQUIRE(c.outcome.record);  // the rest of the page is kept
  CHECK_FALSE(c.outcome.record->contains("modern_examples"));
  // title, description, a..i take lines 2-12; modern_examples is line 13.
  CHECK(lines_of(c.report, "page.too_large") ==
        "data/patterns/sample.md:13:1: error: 'modern_examples': more than 200000 YAML nodes once aliases are "
        "expanded; left out [page.too_large]\n");
  SUBCASE("the budget is shared by the page's fields, so two half bombs also stop") {
    PageLimits limits;
    limits.max_yaml_nodes = 150;  // each block below is 111 nodes: a list of ten lists of ten
    auto two = compile("---\ntitle: A\ndescription: d\nx: &x [" + repeat("[1,2,3,4,5,6,7,8,9,0], ", 9) +
                           "[1,2,3,4,5,6,7,8,9,0]]\nevolution: *x\nalternatives: *x\n---\n",
                       limits);
    // Of two equal fields, the later one, which passes the budget, is left out.
    CHECK(lines_of(two.report, "page.too_large") ==
          "data/patterns/sample.md:6:1: error: 'alternatives': with the other fields of the page, more than 150 YAML "
          "nodes once aliases are expanded (this one is the largest); left out [page.too_large]\n");
    REQUIRE(two.outcome.record);
    CHECK((*two.outcome.record)["evolution"].size() == 10);
  }
}

TEST_CASE("the field that uses up the budget is left out, not a later small one") {
  PageLimits limits;
  limits.max_yaml_nodes = 150;
  // evolution: 111 nodes; tags: 51. Together 162: evolution is the one to go.
  auto c = compile("---\ntitle: A\ndescription: d\nx: &x [" + repeat("[1,2,3,4,5,6,7,8,9,0], ", 9) +
                       "[1,2,3,4,5,6,7,8,9,0]]\nevolution: *x\ntags: [" + repeat("t, ", 49) + "t]\n---\n",
                   limits);
  CHECK(lines_of(c.report, "page.too_large") ==
        "data/patterns/sample.md:5:1: error: 'evolution': with the other fields of the page, more than 150 YAML "
        "nodes once aliases are expanded (this one is the largest); left out [page.too_large]\n");
  REQUIRE(c.outcome.record);
  CHECK((*c.outcome.record)["tags"].size() == 50);
  CHECK_FALSE(c.outcome.record->contains("evolution"));
}

TEST_CASE("one long string named by thousands of aliases stops at the byte budget, in any field or data file") {
  // 400,000 bytes named 150,000 times: 60 GB once expanded (was: std::bad_alloc,
  // an abort), in an 850 KB page.
  const std::string anchor = "anchor: &s " + std::string(400000, 's') + "\n";
  const std::string aliases = "[" + repeat("*s,", 149999) + "*s]";
  SUBCASE("in a list of text (tags)") {
    auto c = compile("---\ntitle: A\ndescription: d\n" + anchor + "tags: " + aliases + "\n---\n");
    REQUIRE(c.outcome.record);
    CHECK_FALSE(c.outcome.record->contains("tags"));
    CHECK(lines_of(c.report, "page.too_large") ==
          "data/patterns/sample.md:5:1: error: 'tags': more than 4194304 bytes of text once aliases are expanded; "
          "left out [page.too_large]\n");
  }
  SUBCASE("in a block (modern_examples), as keys and values") {
    auto c = compile("---\ntitle: A\ndescription: d\n" + anchor + "modern_examples:\n  - company: *s\n    " +
                     "implementation: " + aliases + "\n---\n");
    REQUIRE(c.outcome.record);
    CHECK_FALSE(c.outcome.record->contains("modern_examples"));
    CHECK(lines_of(c.report, "page.too_large") ==
          "data/patterns/sample.md:5:1: error: 'modern_examples': more than 4194304 bytes of text once aliases are "
          "expanded; left out [page.too_large]\n");
  }
  SUBCASE("as keys of the front matter") {
    std::string keys;
    for (int i = 0; i < 20; ++i) keys += "? *s\n: " + std::to_string(i) + "\n";
    auto c = compile("---\ntitle: A\n" + anchor + keys + "---\n");
    CHECK_FALSE(c.outcome.record);
    CHECK(c.report.to_text() ==
          "data/patterns/sample.md:2:1: error: the front matter's keys come to more than 4194304 bytes of text once "
          "aliases are expanded; left out [page.too_large]\n1 error, 0 warnings\n");
  }
  SUBCASE("in a data file (problems.yaml): that section is left out, the others load") {
    Scratch tree("patsel-alias-data");
    tree.write("patterns/a.md", "---\ntitle: A\ndescription: d\n---\n");
    tree.write("problems.yaml", anchor + "problems:\n  - id: p\n    title: t\n    primary: " + aliases + "\n");
    tree.write("synonyms.yaml", "synonyms:\n  - words: [a, b]\n");
    auto out = patsel::compile::build_catalog(tree.root);
    const std::string dir = tree.root.generic_string() + "/";
    CHECK(lines_of(out.report, "data.") ==
          dir + "problems.yaml:1: warning: 'anchor' is not a section of problems.yaml; ignored [data.unknown_section]\n" +
          dir + "problems.yaml:2:1: error: 'problems': more than 4194304 bytes of text once aliases are expanded; "
                "left out [data.too_large]\n");
    CHECK_FALSE(out.catalog.contains("problems"));
    CHECK(out.catalog["synonyms"].size() == 1);
  }
  SUBCASE("the budget grows with the page limit") {
    PageLimits limits;
    limits.max_yaml_bytes = 400000 * 4 + 1000;
    auto c = compile("---\ntitle: A\ndescription: d\n" + anchor + "tags: [*s, *s, *s]\n---\n", limits);
    REQUIRE(c.outcome.record);
    CHECK((*c.outcome.record)["tags"].size() == 3);
  }
}

TEST_CASE("a key repeated inside a block keeps its first value, with a warning") {
  auto c = compile("---\ntitle: A\ndescription: d\ntrade_offs:\n  pros: [fast]\n  cons: [complex]\n"
                   "  pros: [cheap]\n---\n");
  REQUIRE(c.outcome.record);
  CHECK((*c.outcome.record)["trade_offs"] == json::parse(R"({"pros": ["fast"], "cons": ["complex"]})"));
  CHECK(c.report.to_text() ==
        "data/patterns/sample.md:7:3: warning: 'pros' appears twice in a mapping of 'trade_offs'; the first one is "
        "kept [page.duplicate_key]\n0 errors, 1 warning\n");

  SUBCASE("in a data file, at the top and inside a record") {
    Scratch tree("patsel-duplicate-data");
    tree.write("patterns/a.md", "---\ntitle: A\ndescription: d\n---\n");
    tree.write("synonyms.yaml", "synonyms:\n  - words: [first, one]\n    words: [second]\nsynonyms: []\n");
    auto out = patsel::compile::build_catalog(tree.root);
    const std::string file = tree.root.generic_string() + "/synonyms.yaml";
    CHECK(lines_of(out.report, "data.") ==
          file + ":3:5: warning: 'words' appears twice in $.synonyms[0]; the first one is kept [data.duplicate_key]\n" +
          file + ":4:1: warning: 'synonyms' appears twice; the first one is kept [data.duplicate_key]\n");
    CHECK(out.catalog["synonyms"] == json::parse(R"([{"words": ["first", "one"]}])"));
  }
}

TEST_CASE("data sections and files of the wrong type are errors at their place; the others still load") {
  Scratch tree("patsel-wrong-types");
  tree.write("patterns/a.md", "---\ntitle: A\ndescription: d\n---\n");
  tree.write("rules.yaml", "rules: \"oops\"\nprofile: 3\n");
  tree.write("paths.yaml", "paths: {a: 1}\n");
  tree.write("families.yaml", "oops\n");
  tree.write("problems.yaml", "- 1\n- 2\n");
  tree.write("trees/list.yaml", "- a\n");
  tree.write("synonyms.yaml", "synonyms:\n  - words: [a, b]\n");
  auto out = patsel::compile::build_catalog(tree.root);
  const std::string dir = tree.root.generic_string() + "/";
  CHECK(lines_of(out.report, "data.") ==
        dir + "families.yaml:1:1: error: a data file must be a mapping of section names to lists [data.not_a_mapping]\n" +
        dir + "paths.yaml:1: error: 'paths' should be a list [data.expected_list]\n" +
        dir + "problems.yaml:1:1: error: a data file must be a mapping of section names to lists [data.not_a_mapping]\n" +
        dir + "rules.yaml:1: error: 'rules' should be a list [data.expected_list]\n" +
        dir + "rules.yaml:2: error: 'profile' should be a list [data.expected_list]\n" +
        dir + "trees/list.yaml:1:1: error: a data file must be a mapping of section names to lists [data.not_a_mapping]\n");
  for (const char* section : {"rules", "profile", "paths", "families", "problems"}) CHECK_FALSE(out.catalog.contains(section));
  CHECK(out.catalog["synonyms"].size() == 1);
  CHECK(out.stats.patterns == 1);
}

TEST_CASE("very long values cost linear time and give one-line messages") {
  SUBCASE("a 200,000-digit number stays text (the number check looks at the length first)") {
    auto c = compile("---\ntitle: A\ndescription: d\nmodern_examples:\n  - company: " + std::string(200000, '1') +
                     "\n    scale: 1e999\n---\n");
    REQUIRE(c.outcome.record);
    const json& example = (*c.outcome.record)["modern_examples"][0];
    CHECK(example["company"] == std::string(200000, '1'));
    CHECK(example["scale"] == "1e999");  // not a float: infinity has no JSON form
  }
  SUBCASE("a 300,000-character line with an unclosed '[' gives a short excerpt") {
    auto c = compile("---\ntitle: A\ndescription: d\n---\n[" + std::string(300000, 'a') + "\n");
    REQUIRE(c.outcome.record);
    CHECK((*c.outcome.record)["excerpt"] == "[" + std::string(299, 'a') + "\xE2\x80\xA6");
  }
  SUBCASE("many '[' and '](' without a ')' are still linear") {
    auto c = compile("---\ntitle: A\ndescription: d\n---\n" + repeat("[a](", 100000) + "\n");
    REQUIRE(c.outcome.record);
    CHECK((*c.outcome.record)["excerpt"] == repeat("[a](", 75) + "\xE2\x80\xA6");  // cut at 300 bytes, "…" added
  }
  SUBCASE("links and emphasis are still stripped from excerpts") {
    auto c = compile("---\ntitle: A\ndescription: d\n---\nSee [the **docs**](x.md) and [a] [b](c and __d__ `e`.\n");
    REQUIRE(c.outcome.record);
    CHECK((*c.outcome.record)["excerpt"] == "See the docs and [a] [b](c and d e.");
  }
  SUBCASE("a long value in a message is cut") {
    auto c = compile("---\ntitle: A\ndescription: d\nexcellence_tier: " + std::string(5000, 'p') + "\n---\n");
    CHECK(lines_of(c.report, "page.bad_value") == "data/patterns/sample.md:4:18: warning: '" +
                                                       std::string(60, 'p') +
                                                       "\xE2\x80\xA6' is not a tier (gold, silver, bronze) "
                                                       "[page.bad_value]\n");
  }
  SUBCASE("a long unknown key is cut in the message") {
    // (YAML allows implicit keys up to 1024 characters; a longer one is a syntax error.)
    auto c = compile("---\ntitle: A\ndescription: d\n" + std::string(1000, 'k') + ": v\n---\n");
    CHECK(lines_of(c.report, "page.unknown_field") == "data/patterns/sample.md:4:1: warning: '" +
                                                          std::string(60, 'k') +
                                                          "\xE2\x80\xA6' is not a catalog field [page.unknown_field]\n");
  }
  SUBCASE("long values where a short one belongs are bad values, not regex work") {
    auto c = compile("---\ntitle: A\ndescription: d\nreading_time: 1" + std::string(100000, ' ') +
                     "min\nintroduced: 2012" + std::string(100000, '0') + "\nrelated_laws: [" +
                     std::string(100000, '1') + "]\n---\n");
    REQUIRE(c.outcome.record);
    CHECK_FALSE(c.outcome.record->contains("reading_time"));
    CHECK_FALSE(c.outcome.record->contains("introduced"));
    CHECK(c.report.warnings() == 3);
  }
}

TEST_CASE("hostile data files are reported at their place; the other files still load") {
  Scratch tree("patsel-hostile-data");
  tree.write("patterns/a.md", "---\ntitle: A\ndescription: d\n---\n");
  tree.write("synonyms.yaml", with_nul("synonyms:\n  - words: [caf\xC3, x@y]\n"));
  tree.write("laws.yaml", billion_laughs("laws"));
  tree.write("paths.yaml", "paths: " + repeat("[", 70) + repeat("]", 70) + "\n");
  tree.write("cards.yaml", "cards: " + repeat("[", 600) + repeat("]", 600) + "\n");
  auto out = patsel::compile::build_catalog(tree.root);
  CHECK_NOTHROW((void)out.catalog.dump());
  const std::string dir = tree.root.generic_string() + "/";
  CHECK(lines_of(out.report, "data.invalid_utf8") ==
        dir + "synonyms.yaml:2:16: warning: the file is not valid UTF-8 (1 bad sequence, the first here); replaced "
              "with U+FFFD [data.invalid_utf8]\n");
  CHECK(lines_of(out.report, "data.nul_byte") ==
        dir + "synonyms.yaml:2:20: warning: the file holds 1 NUL byte (the first here); replaced with U+FFFD "
              "[data.nul_byte]\n");
  CHECK(out.catalog["synonyms"] == json::parse(R"([{"words":["caf)" + kFFFD + R"(","x)" + kFFFD + R"(y"]}])"));
  // Each bomb or abyss is one error. The bomb is reported at the section
  // that expands it ('laws', line 10; 'a' to 'i' only define anchors, and
  // are not sections of laws.yaml), and only that section is left out.
  CHECK(lines_of(out.report, "data.too_large") ==
        dir + "cards.yaml:1:1208: error: nests deeper than the YAML parser allows (500 levels); ignored "
              "[data.too_large]\n" +
        dir + "laws.yaml:10:1: error: 'laws': more than 200000 YAML nodes once aliases are expanded; left out "
              "[data.too_large]\n" +
        dir + "paths.yaml:1:72: error: 'paths': nested deeper than 64 levels; left out [data.too_large]\n");
  CHECK(out.stats.patterns == 1);

  SUBCASE("a data file over the size limit is not even read") {
    patsel::compile::BuildOptions options;
    options.limits.max_bytes = 20;
    auto small = patsel::compile::build_catalog(tree.root, options);
    CHECK(lines_of(small.report, "data.too_large").find(
              dir + "laws.yaml: error: the file has more than 20 bytes (the limit; raise it with --max-page-bytes); "
                    "ignored [data.too_large]\n") != std::string::npos);
  }
}

TEST_CASE("a word field given a number, a list or a mapping is a warning at its place, not dropped silently") {
  auto c = compile("---\ntitle: X\ntier: 1\npattern_status: [recommended]\ncurrent_relevance: {a: b}\n---\n");
  REQUIRE(c.outcome.record);
  CHECK((*c.outcome.record)["tier"] == "unclassified");
  CHECK_FALSE(c.outcome.record->contains("status"));
  CHECK_FALSE(c.outcome.record->contains("relevance"));
  CHECK(c.report.errors() == 0);
  const auto lines = c.report.sorted();
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].to_string() == "data/patterns/sample.md:3:7: warning: '1' is not a tier (gold, silver, bronze) [page.bad_value]");
  // The allowed words are the vocabulary's; the place and rule are fixed.
  CHECK((lines[1].line == 4 && lines[1].rule == "page.bad_value"));
  CHECK(lines[1].message.rfind("'pattern_status' should be one status (", 0) == 0);
  CHECK((lines[2].line == 5 && lines[2].rule == "page.bad_value"));
  CHECK(lines[2].message.rfind("'current_relevance' should be one relevance (", 0) == 0);
}

TEST_CASE("numbers in data files are checked against their documented ranges") {
  Scratch tree("patsel-rule-ranges");
  tree.write("patterns/a.md", "---\ntitle: A\ndescription: d\n---\n");
  tree.write("rules.yaml",
             "profile:\n"
             "  - {id: rps, label: RPS, type: number, min: .nan}\n"
             "  - {id: users, label: Users, type: number, min: 0, max: .inf}\n"
             "  - {id: size, label: Size, type: number, min: 10, max: 1}\n"
             "  - {id: team, label: Team, type: number, min: 0, max: 100}\n"
             "rules:\n"
             "  - id: huge\n"
             "    when: {field: team, op: gte, value: 1}\n"
             "    effects:\n"
             "      - {pattern: a, weight: 1e308, reason: Overflows a sum.}\n"
             "  - id: fine\n"
             "    when: {field: team, op: gte, value: 1}\n"
             "    effects:\n"
             "      - {pattern: a, weight: -5, reason: The strongest reason against.}\n");
  auto out = patsel::compile::build_catalog(tree.root);
  const std::string rules = tree.root.generic_string() + "/rules.yaml";
  CHECK(lines_of(out.report, "rule.") ==
        rules + ":2: error: $.profile[0].min: \".nan\" is not a finite number [rule.bad_field]\n" +
        rules + ":3: error: $.profile[1].max: \".inf\" is not a finite number [rule.bad_field]\n" +
        rules + ":4: error: $.profile[2]: min 10 is above max 1 [rule.bad_field]\n" +
        rules + ":10: error: $.rules[0].effects[0].weight: 1e+308 is outside the weights' range, -5 to +5 "
                "[rule.bad_effect]\n");
  REQUIRE(out.catalog["rules"].size() == 1);
  CHECK(out.catalog["rules"][0]["id"] == "fine");
}
