// A decision tree's place in the list of trees: `group` (the problem it
// answers) and `order`, checked by the compiler and passed on to the
// catalog. Each case writes one tree file next to one pattern page.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "patsel/compile/build.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct TreeSite {
  fs::path dir = fs::temp_directory_path() / "patsel-tree-checks-test";

  explicit TreeSite(const std::string& head) {
    fs::remove_all(dir);
    fs::create_directories(dir / "patterns");
    fs::create_directories(dir / "trees");
    std::ofstream(dir / "patterns" / "saga.md") << "---\ntitle: Saga\ndescription: Steps with compensations.\ntier: silver\ncategory: data-management\nbest_for: [long business transactions]\ntrade_offs: {pros: [no locks], cons: [compensations to write]}\n---\nBody.\n";
    std::ofstream(dir / "trees" / "t.yaml") << "id: t\ntitle: Keeping writes consistent\n" << head
                                            << "start: q\n"
                                               "questions:\n"
                                               "  - id: q\n"
                                               "    text: Which?\n"
                                               "    options:\n"
                                               "      - id: a\n"
                                               "        label: A\n"
                                               "        result: r\n"
                                               "results:\n"
                                               "  - id: r\n"
                                               "    title: R\n"
                                               "    gold:\n"
                                               "      - pattern: saga\n"
                                               "        reason: Why.\n";
  }
  ~TreeSite() { fs::remove_all(dir); }

  patsel::compile::BuildOutput build() const {
    patsel::compile::BuildOptions options;
    options.data_dir = dir;
    return patsel::compile::build_catalog(dir / "patterns", options);
  }
  std::string file() const { return (dir / "trees" / "t.yaml").generic_string(); }
};

}  // namespace

TEST_CASE("a tree's group and order reach the catalog, and bad ones are named") {
  SUBCASE("a group and an order are kept as written") {
    TreeSite site("group: Correct data across services\norder: 30\n");
    auto out = site.build();
    CHECK(out.report.to_text() == "0 errors, 0 warnings\n");
    REQUIRE(out.catalog["trees"].size() == 1);
    CHECK(out.catalog["trees"][0]["group"] == "Correct data across services");
    CHECK(out.catalog["trees"][0]["order"] == 30);
  }
  SUBCASE("both are optional") {
    TreeSite site("");
    auto out = site.build();
    CHECK(out.report.errors() == 0);
    CHECK_FALSE(out.catalog["trees"][0].contains("group"));
  }
  SUBCASE("an empty or non-text group, an order that is not a whole number: errors at their line, the tree left out") {
    TreeSite site("group: ''\norder: 2.5\n");
    auto out = site.build();
    CHECK(out.report.to_text() ==
          site.file() + ":3: error: group must be a text: the problem the tree answers, a heading in the list of trees [tree.bad_field]\n" +
          site.file() + ":4: error: order must be a whole number: where the tree comes in the list of trees [tree.bad_field]\n" +
          "2 errors, 0 warnings\n");
    CHECK(out.catalog["trees"].empty());
    TreeSite listed("group: [a, b]\norder: first\n");
    CHECK(listed.build().report.errors() == 2);
  }
}
