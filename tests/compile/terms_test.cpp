// The words pages may use (vocabulary.yaml, laws.yaml) and how the
// relations of a Related section are read.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "body_links.hpp"
#include "body_relations.hpp"
#include "patsel/compile/build.hpp"
#include "patsel/compile/page.hpp"
#include "patsel/compile/terms.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using patsel::compile::Report;
using patsel::compile::Terms;

namespace {

struct Compiled {
  Report report;
  json record;
};

Compiled compile(const std::string& front_matter, const Terms& terms = Terms::shipped()) {
  Compiled c;
  auto outcome = patsel::compile::compile_page(
      {"data/patterns/x.md", "patterns/x.md", "---\ntitle: X\n" + front_matter + "---\nBody.\n"}, c.report, {}, terms);
  REQUIRE(outcome.record);
  c.record = *outcome.record;
  return c;
}

// A site in a temporary folder: files by path, removed afterwards.
struct Site {
  fs::path root;
  explicit Site(const std::string& name) : root(fs::temp_directory_path() / name) {
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~Site() { fs::remove_all(root); }
  void write(const std::string& path, const std::string& text) const {
    fs::create_directories((root / path).parent_path());
    std::ofstream(root / path) << text;
  }
  std::string shown(const std::string& path) const { return root.generic_string() + "/" + path; }
};

}  // namespace

TEST_CASE("the shipped vocabulary and laws read without a problem") {
  Terms terms;
  Report report;
  patsel::compile::read_vocabulary(terms, patsel_test::read_text(std::string(PATSEL_SOURCE_DIR) + "/data/vocabulary.yaml"),
                                   "data/vocabulary.yaml", report);
  CHECK(report.to_text() == "0 errors, 0 warnings\n");
  CHECK(terms.status.listing() == "recommended, stable, use-with-caution, legacy");
  CHECK(terms.relevance.listing() == "mainstream, growing, specialized, declining, niche");
  CHECK(terms.difficulty.listing() == "beginner, intermediate, advanced, expert");
  CHECK(terms.category.values.size() == 11);
  // Every alias names one of its list's values, or no value at all.
  for (const auto* list : {&terms.status, &terms.relevance, &terms.category, &terms.difficulty})
    for (const auto& [word, value] : list->aliases) {
      INFO(list->name << ": " << word);
      CHECK((value.empty() || list->find(value).value == value));
    }
  // The compiler carries the same files.
  CHECK(Terms::shipped().status.aliases == terms.status.aliases);
  CHECK(Terms::shipped().laws.size() == 7);
  CHECK(Terms::shipped().pillars.size() == 5);
}

TEST_CASE("laws are named by number, id or title, in a flat list or primary and secondary") {
  SUBCASE("every spelling of a law") {
    auto c = compile("related_laws: [1, law 2, law3-emergence, multidimensional-optimization, "
                     "Law of Distributed Knowledge, \"6\"]\n");
    CHECK(c.report.empty());
    CHECK(c.record["related_laws"] == json::parse(R"([{"law":1,"role":"primary"},{"law":2,"role":"primary"},
      {"law":3,"role":"primary"},{"law":4,"role":"primary"},{"law":5,"role":"primary"},{"law":6,"role":"primary"}])"));
  }
  SUBCASE("objects with a number or an id, in primary and secondary") {
    auto c = compile("related_laws:\n  primary:\n    - id: economic-reality\n      aspect: cost of replicas\n"
                     "  secondary:\n    - number: 2\n    - cognitive-load\n");
    CHECK(c.report.empty());
    CHECK(c.record["related_laws"] == json::parse(R"([{"law":7,"role":"primary","aspect":"cost of replicas"},
      {"law":2,"role":"secondary"},{"law":6,"role":"secondary"}])"));
  }
  SUBCASE("a law that does not exist is a warning naming the laws; a pillar among laws is moved") {
    auto c = compile("related_laws: [9, state, Work Distribution, law-of-gravity]\nrelated_pillars: [truth]\n");
    CHECK(c.report.to_text() ==
          "data/patterns/x.md:3:16: warning: '9' is not a law (1 correlated-failure, 2 asynchronous-reality, "
          "3 emergent-chaos, 4 multidimensional-optimization, 5 distributed-knowledge, 6 cognitive-load, "
          "7 economic-reality); skipped [page.bad_value]\n"
          "data/patterns/x.md:3:19: warning: 'state' is a pillar, not a law; moved to related_pillars [page.pillar_in_laws]\n"
          "data/patterns/x.md:3:26: warning: 'Work Distribution' is a pillar, not a law; moved to related_pillars "
          "[page.pillar_in_laws]\n"
          "data/patterns/x.md:3:45: warning: 'law-of-gravity' is not a law (1 correlated-failure, 2 asynchronous-reality, "
          "3 emergent-chaos, 4 multidimensional-optimization, 5 distributed-knowledge, 6 cognitive-load, "
          "7 economic-reality); skipped [page.bad_value]\n"
          "0 errors, 4 warnings\n");
    CHECK(c.record["related_laws"] == json::array());
    CHECK(c.record["related_pillars"] == json::array({"truth", "state", "work"}));
  }
  SUBCASE("a law named many times is kept once, with its first role") {
    std::string many;
    for (int i = 0; i < 50000; ++i) many += "1, ";
    auto c = compile("related_laws:\n  secondary: [" + many + "2]\n  primary: [2]\n");
    CHECK(c.report.empty());
    CHECK(c.record["related_laws"] == json::parse(R"([{"law":1,"role":"secondary"},{"law":2,"role":"secondary"}])"));
  }
  SUBCASE("pillars by id or title") {
    auto c = compile("related_pillars: [work, State Distribution, truth-distribution, gravity]\n");
    CHECK(c.report.to_text() ==
          "data/patterns/x.md:3:65: warning: 'gravity' is not a pillar (work, state, truth, control, intelligence) "
          "[page.bad_value]\n0 errors, 1 warning\n");
    CHECK(c.record["related_pillars"] == json::array({"work", "state", "truth"}));
  }
}

TEST_CASE("a site's laws.yaml and vocabulary.yaml replace and extend the shipped ones") {
  Site site("patsel-terms-test");
  site.write("data/laws.yaml",
             "laws:\n  - number: 1\n    id: latency-is-never-zero\n    title: Law of Latency\n"
             "pillars:\n  - id: flow\n    title: Flow Distribution\n");
  site.write("data/vocabulary.yaml",
             "status:\n  values: [experimental]\n  aliases:\n    battle-tested: stable\n    shiny: brand-new\n"
             "colour:\n  values: [red]\n");
  site.write("docs/x.md",
             "---\ntitle: X\ndescription: A page.\npattern_status: battle-tested\n"
             "related_laws: [latency-is-never-zero, asynchronous-reality]\nrelated_pillars: [flow]\n---\nBody.\n");
  site.write("docs/y.md", "---\ntitle: Y\ndescription: A page.\nstatus: Experimental\nstatus_note: x\n---\nBody.\n");
  patsel::compile::BuildOptions options;
  options.data_dir = site.root / "data";
  const auto out = patsel::compile::build_catalog(site.root / "docs", options);
  CHECK(out.report.to_text() ==
        site.shown("data/vocabulary.yaml") + ":5:12: warning: 'shiny' is an alias of 'brand-new', which is not a status "
        "(recommended, stable, use-with-caution, legacy, experimental); ignored [vocabulary.bad_alias]\n" +
        site.shown("data/vocabulary.yaml") + ":6:1: warning: 'colour' is not a list of the vocabulary (status, "
        "relevance, category, difficulty); ignored [vocabulary.unknown_list]\n" +
        site.shown("docs/x.md") + ":5:39: warning: 'asynchronous-reality' is not a law (1 latency-is-never-zero); "
        "skipped [page.bad_value]\n" +
        site.shown("docs/y.md") + ":5:1: warning: 'status_note' is not a catalog field [page.unknown_field]\n"
        "0 errors, 4 warnings\n");
  const json& x = out.catalog["patterns"][0];
  CHECK(x["status"] == "stable");
  CHECK(x["related_laws"] == json::parse(R"([{"law":1,"role":"primary"}])"));
  CHECK(x["related_pillars"] == json::array({"flow"}));
  CHECK(out.catalog["patterns"][1]["status"] == "experimental");
  CHECK(out.catalog["laws"] ==
        json::parse(R"([{"number":1,"id":"latency-is-never-zero","title":"Law of Latency"}])"));
}

TEST_CASE("an unknown word is still a warning naming the place and the allowed values") {
  auto c = compile("pattern_status: sparkly\ncurrent_relevance: Cutting_Edge\ndifficulty: very hard\n");
  CHECK(c.report.to_text() ==
        "data/patterns/x.md:3:17: warning: 'sparkly' is not a status (recommended, stable, use-with-caution, legacy) "
        "[page.bad_value]\n0 errors, 1 warning\n");
  CHECK(c.record["relevance"] == "growing");
  CHECK(c.record["difficulty"] == "expert");
}

TEST_CASE("the words of a sub-heading or a row say which relation a link is") {
  using patsel::compile::detail::relation_in_words;
  CHECK(relation_in_words("Complementary Patterns (Work Well Together)") == "complements");
  CHECK(relation_in_words("Alternative Patterns (Different Approaches)") == "alternative");
  CHECK(relation_in_words("Essential prerequisite") == "requires");
  CHECK(relation_in_words("Requires") == "requires");
  CHECK(relation_in_words("Builds on consensus") == "requires");
  CHECK(relation_in_words("Evolved into") == "replaced-by");
  CHECK(relation_in_words("Superseded by leases") == "replaced-by");
  CHECK(relation_in_words("Evolved from") == "evolves-from");
  CHECK(relation_in_words("Replaces") == "replaces");
  CHECK(relation_in_words("Anti-patterns") == "conflicts-with");
  CHECK(relation_in_words("Conflicts with it") == "conflicts-with");
  CHECK(relation_in_words("Part of the mesh") == "part-of");
  CHECK(relation_in_words("Enhances") == "enhances");
  CHECK(relation_in_words("Related Patterns") == "");
  CHECK(relation_in_words("Required by every service") == "related");  // the other way round
  CHECK(relation_in_words("Used by") == "related");
  CHECK(relation_in_words("Usually built on consensus") == "");
}

TEST_CASE("links are read from Related sections only, with their rows and lines") {
  const std::string body =
      "\n## Solution\n\n- [Timeout](timeout.md) - not in a Related section\n\n"  // lines 10-14
      "## Related Patterns\n\n"                                                    // 15-16
      "**Alternatives:**\n\n"                                                      // 17-18
      "* [Load Shedding](../load-shedding.md): refuses work instead\n"             // 19
      "```\n- [Inside](inside.md)\n```\n"                                          // 20-22
      "### Complementary\n"                                                        // 23
      "| [Bulkhead](bulkhead.md), [Retry](retry/) | Pairs with it | high |\n"      // 24
      "| ![diagram](d.png) [Web](https://x.org) [Top](#top) |\n"                  // 25
      "## Next steps\n\n- [Saga](saga.md)\n";                                      // 26-28
  const auto links = patsel::compile::detail::related_links(body, 10);
  REQUIRE(links.size() == 3);
  CHECK(links[0].target == "../load-shedding.md");
  CHECK(links[0].line == 19);
  CHECK(links[0].relation == "alternative");
  CHECK(links[0].note == "refuses work instead");
  CHECK(links[1].target == "bulkhead.md");
  CHECK(links[2].target == "retry/");
  CHECK(links[2].line == 24);
  CHECK(links[2].relation == "complements");
  CHECK(links[2].note == "Pairs with it; high");
}

TEST_CASE("the vocabulary of nested blocks is checked where it is written") {
  Site site("patsel-blocks-test");
  site.write("x.md",
             "---\ntitle: X\ndescription: A page.\n"
             "decision_criteria:\n  complexity_factors:\n    - factor: Dependencies\n      impact: huge\n"
             "operational_considerations:\n  alerting:\n    - condition: Open breaker\n      severity: apocalyptic\n"
             "pattern_combinations:\n  commonly_used_with:\n    - pattern: y\n      relationship: hates\n"
             "---\nBody.\n");
  site.write("y.md", "---\ntitle: Y\ndescription: Another page.\n---\nBody.\n");
  const auto out = patsel::compile::build_catalog(site.root);
  CHECK(out.report.to_text() ==
        site.shown("x.md") + ":4: warning: 'decision_criteria.complexity_factors[0].impact' is 'huge', not a level "
        "(low, medium, high) [page.bad_value]\n" +
        site.shown("x.md") + ":8: warning: 'operational_considerations.alerting[0].severity' is 'apocalyptic', not a "
        "severity (low, medium, high, critical) [page.bad_value]\n" +
        site.shown("x.md") + ":12: warning: 'pattern_combinations.commonly_used_with[0].relationship' is 'hates', not a "
        "relationship (complements, requires, enhances) [page.bad_value]\n"
        "0 errors, 3 warnings\n");
}

TEST_CASE("a hostile Related section is read in one pass: brackets without end, rows of many cells") {
  std::string row;
  for (int i = 0; i < 50000; ++i) row += "| [P](p" + std::to_string(i) + ".md) ";
  const std::string body = "## Related\n\n- " + std::string(300000, '[') + "](x.md)\n" +
                           "- " + std::string(300000, '[') + "\n" + row + "|\n";
  const auto links = patsel::compile::detail::related_links(body, 1);
  REQUIRE(links.size() == 50001);
  CHECK(links[0].target == "x.md");  // the '[' nearest the ']' opens the link
  CHECK(links[0].line == 3);
  CHECK(links[1].target == "p0.md");
  CHECK(links[50000].target == "p49999.md");
  CHECK(links[50000].line == 5);
  CHECK(links[50000].note.empty());  // every cell is only a link
}

TEST_CASE("a link's path is read as MkDocs reads it, from the linking page's folder") {
  using patsel::compile::detail::link_path;
  bool outside = false;
  CHECK(link_path("resilience/breaker.md", "./timeout.md#how", outside) == "resilience/timeout.md");
  CHECK_FALSE(outside);
  CHECK(link_path("resilience/breaker.md", "../data/saga.md", outside) == "data/saga.md");
  CHECK(link_path("resilience/breaker.md", "retry-backoff/", outside) == "resilience/retry-backoff/");
  CHECK(link_path("resilience/breaker.md", "/pattern-library/x.md?v=1", outside) == "pattern-library/x.md");
  CHECK(link_path("resilience/breaker.md", "Two%20Phase.md", outside) == "resilience/Two Phase.md");
  CHECK(link_path("resilience/breaker.md", "../../laws/one.md", outside).empty());
  CHECK(outside);
}

TEST_CASE("a vocabulary.yaml that cannot be used is reported once, and the shipped words still map") {
  Site site("patsel-vocabulary-test");
  site.write("data/vocabulary.yaml", "status: [recommended\n");
  site.write("docs/x.md", "---\ntitle: X\ndescription: A page.\nstatus: production-ready\n---\nBody.\n");
  patsel::compile::BuildOptions options;
  options.data_dir = site.root / "data";
  auto out = patsel::compile::build_catalog(site.root / "docs", options);
  CHECK(out.report.to_text() ==
        site.shown("data/vocabulary.yaml") + ":2:1: warning: not valid YAML: end of sequence flow not found; the shipped "
        "vocabulary is used [vocabulary.yaml_syntax]\n0 errors, 1 warning\n");
  CHECK(out.catalog["patterns"][0]["status"] == "recommended");

  options.limits.max_bytes = 10;  // the page itself is over it too
  out = patsel::compile::build_catalog(site.root / "docs", options);
  CHECK(out.report.count("data.too_large") == 1);
}
