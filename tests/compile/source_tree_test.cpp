// The source tree as the file system gives it: links that loop, files and
// folders that cannot be read, missing and empty sources, names that make
// no safe id or url. Nothing ends the run, each problem names its path,
// and `writable` says whether the catalog may replace a previous one.
// docs/reliability.md lists each case and its test.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "patsel/compile/build.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using patsel::compile::build_catalog;
using patsel::compile::BuildOptions;
using patsel::compile::Report;

namespace {

const std::string kPage = "---\ntitle: Good\ndescription: A page.\n---\nBody.\n";

// A scratch source tree, removed at the end of the test (permissions given
// back first, so that removing it works).
struct Tree {
  fs::path root;
  explicit Tree(const std::string& name) : root(fs::temp_directory_path() / name) {
    clean();
    fs::create_directories(root);
  }
  ~Tree() { clean(); }
  void clean() const {
    std::error_code ignored;
    if (fs::exists(root, ignored))
      for (auto it = fs::recursive_directory_iterator(root, ignored); it != fs::recursive_directory_iterator();
           it.increment(ignored))
        if (!it->is_symlink(ignored)) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(root, ignored);
  }
  void write(const std::string& relative, const std::string& text) const {
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative, std::ios::binary) << text;
  }
  void link(const std::string& relative, const std::string& target) const {
    fs::create_directories((root / relative).parent_path());
    fs::create_symlink(target, root / relative);
  }
  std::string path(const std::string& relative = "") const {
    return relative.empty() ? root.generic_string() : (root / relative).generic_string();
  }
};

// The report's lines for rules starting with `prefix`, without the summary line.
std::string lines_of(const Report& report, const std::string& prefix) {
  std::string out;
  for (const auto& d : report.sorted())
    if (d.rule.rfind(prefix, 0) == 0) out += d.to_string() + "\n";
  return out;
}

json ids_of(const json& catalog) {
  json out = json::array();
  for (const auto& p : catalog["patterns"]) out.push_back(p["id"]);
  return out;
}

}  // namespace

TEST_CASE("symlink loops are reported with their path and never end the walk") {
  Tree tree("patsel-loops");
  tree.write("docs/patterns/good.md", kPage);
  tree.link("docs/self", "self");                    // ln -s self docs/self
  tree.link("docs/patterns/a.md", "b.md");           // two .md links that point at each other
  tree.link("docs/patterns/b.md", "a.md");
  tree.link("docs/patterns/up", "..");               // a folder link back up the tree
  tree.link("data/trees/loop.yaml", "loop.yaml");    // a loop among the trees
  tree.link("data/rules.yaml", "rules.yaml");        // and among the data files
  tree.write("data/synonyms.yaml", "synonyms: []\n");
  BuildOptions options;
  options.data_dir = tree.root / "data";
  auto out = build_catalog(tree.root / "docs", options);
  const std::string docs = tree.path("docs") + "/", data = tree.path("data") + "/";
  CHECK(lines_of(out.report, "source.") ==
        data + "rules.yaml: error: is a link that leads back to itself ('rules.yaml'): a symlink loop; left out "
               "[source.symlink_loop]\n" +
        data + "trees/loop.yaml: error: is a link that leads back to itself ('loop.yaml'): a symlink loop; left out "
               "[source.symlink_loop]\n" +
        docs + "patterns/a.md: error: is a link that leads back to itself ('b.md'): a symlink loop; left out "
               "[source.symlink_loop]\n" +
        docs + "patterns/b.md: error: is a link that leads back to itself ('a.md'): a symlink loop; left out "
               "[source.symlink_loop]\n" +
        docs + "patterns/up: error: is a link to '..', a folder it is in: a symlink loop; not followed "
               "[source.symlink_loop]\n" +
        docs + "self: error: is a link that leads back to itself ('self'): a symlink loop; left out "
               "[source.symlink_loop]\n");
  CHECK(ids_of(out.catalog) == json::array({"good"}));
  // A loop holds nothing, so nothing is missing: the catalog may be written.
  CHECK(out.writable);
}

TEST_CASE("links are followed like MkDocs follows them, each folder once") {
  Tree outside("patsel-outside");
  outside.write("shared/retry.md", "---\ntitle: Retry\ndescription: Again.\n---\n");
  Tree tree("patsel-links");
  tree.write("docs/patterns/good.md", kPage);
  tree.link("docs/shared", outside.path("shared"));        // outside the tree: read
  tree.link("docs/shared-again", outside.path("shared"));  // the same folder again: not read twice
  tree.link("docs/mirror", "patterns");                    // a folder read by its own path
  tree.link("docs/gone.md", "nowhere.md");                 // a link to nothing
  tree.link("docs/.#good.md", "user@host.1234");           // an editor's lock: not a page, not a problem
  auto out = build_catalog(tree.root / "docs");
  const std::string docs = tree.path("docs") + "/";
  CHECK(ids_of(out.catalog) == json::array({"good", "retry"}));
  CHECK(lines_of(out.report, "source.") ==
        docs + "gone.md: warning: is a link to 'nowhere.md', which does not exist; left out [source.broken_link]\n" +
        docs + "mirror: warning: is a link to 'patterns', a folder that is read by its own path; not followed "
               "[source.linked_folder]\n" +
        docs + "shared-again: warning: is a link to '" + outside.path("shared") +
        "', a folder that is read by its own path; not followed [source.linked_folder]\n");
  CHECK(out.writable);
}

TEST_CASE("a folder named like a data file is an error that says so, and nothing may be written") {
  // Files and folders without read permission: tests/cli/hostile.test.mjs,
  // which can run patsel as another user (root reads everything).
  Tree tree("patsel-not-a-file");
  tree.write("patterns/good.md", kPage);
  fs::create_directories(tree.root / "rules.yaml");
  auto out = build_catalog(tree.root);
  CHECK(lines_of(out.report, "source.") ==
        tree.path("rules.yaml") + ": error: is a folder, not a file; left out [source.unreadable]\n");
  CHECK(lines_of(out.report, "data.").empty());  // was: "a data file must be a mapping"
  CHECK_FALSE(out.writable);
}

TEST_CASE("a missing or empty source, or a missing data folder, is an error and nothing may be written") {
  Tree tree("patsel-empty-source");
  SUBCASE("a source that does not exist") {
    auto out = build_catalog(tree.root / "typo");
    CHECK(out.report.to_text() == tree.path("typo") + ": error: the source folder does not exist [source.missing]\n"
                                  "1 error, 0 warnings\n");
    CHECK_FALSE(out.writable);
  }
  SUBCASE("a source that is a file") {
    tree.write("page.md", kPage);
    auto out = build_catalog(tree.root / "page.md");
    CHECK(out.report.to_text() == tree.path("page.md") +
                                      ": error: the source folder is a file, not a folder [source.not_a_folder]\n"
                                      "1 error, 0 warnings\n");
    CHECK_FALSE(out.writable);
  }
  SUBCASE("a source without a page") {
    tree.write("notes.txt", "not a page\n");
    auto out = build_catalog(tree.root);
    CHECK(out.report.to_text() == tree.path() + ": error: no Markdown page (*.md) below the source folder "
                                                "[source.empty]\n1 error, 0 warnings\n");
    CHECK_FALSE(out.writable);
  }
  SUBCASE("a source whose pages are none of them patterns") {
    tree.write("index.md", "# Home\n");
    tree.write("guide.md", "---\ntitle: Guide\ntype: guide\n---\n");
    auto out = build_catalog(tree.root);
    CHECK(lines_of(out.report, "source.") ==
          tree.path() + ": error: none of the 2 pages compiled into a pattern [source.empty]\n");
    CHECK_FALSE(out.writable);
  }
  SUBCASE("--data naming a folder that does not exist: the pages are still checked") {
    tree.write("patterns/good.md", kPage);
    tree.write("patterns/odd.md", "---\ntitle: Odd\ndescription: d\ntier: platinum\n---\n");
    BuildOptions options;
    options.data_dir = tree.root / "no-such-data";
    auto out = build_catalog(tree.root, options);
    CHECK(lines_of(out.report, "source.") ==
          tree.path("no-such-data") + ": error: the data folder does not exist [source.missing]\n");
    CHECK(out.report.count("page.bad_value") == 1);
    CHECK_FALSE(out.writable);
  }
  SUBCASE("--data naming a folder without data files") {
    tree.write("patterns/good.md", kPage);
    fs::create_directories(tree.root / "selector-data");
    BuildOptions options;
    options.data_dir = tree.root / "selector-data";
    auto out = build_catalog(tree.root, options);
    CHECK(lines_of(out.report, "source.") ==
          tree.path("selector-data") +
              ": error: the data folder holds no catalog data file (laws.yaml, rules.yaml, families.yaml, "
              "problems.yaml, paths.yaml, ... or trees/*.yaml) [source.empty]\n");
    CHECK_FALSE(out.writable);
  }
  SUBCASE("a source with one pattern and no data files of its own is a catalog") {
    tree.write("patterns/good.md", kPage);
    auto out = build_catalog(tree.root);
    CHECK(out.report.empty());
    CHECK(out.writable);
  }
}

TEST_CASE("ids and urls made from file names are slugs that cannot be empty, '..' or a scheme") {
  Tree tree("patsel-unsafe-names");
  tree.write("patterns/...md", "---\ntitle: Dots Only\ndescription: d\n---\n");
  tree.write("patterns/javascript:alert(1).md", "---\ntitle: Scheme\ndescription: d\n---\n");
  tree.write("patterns/what?.md", "---\ntitle: Query\ndescription: d\n---\n");
  tree.write("patterns/!!!.md", "---\ntitle: \"???\"\ndescription: d\n---\n");
  tree.write("patterns/HTTP 2.0.md", "---\ntitle: HTTP/2\ndescription: d\n---\n");
  auto out = build_catalog(tree.root);
  json by_id = json::object();
  for (const json& p : out.catalog["patterns"]) by_id[p["id"].get<std::string>()] = p["url"];
  CHECK(by_id == json::parse(R"({"dots-only": "patterns/dots-only/", "javascript-alert-1": "patterns/javascript-alert-1/",
                                  "what": "patterns/what/", "page": "patterns/page/", "http-2-0": "patterns/HTTP 2.0/"})"));
  const std::string p = tree.path("patterns") + "/";
  CHECK(lines_of(out.report, "page.unsafe_name") ==
        p + "!!!.md: warning: the file name '!!!.md' has no letter or digit to make an id from; the page is 'page' "
            "(from its title) at 'patterns/page/' [page.unsafe_name]\n" +
        p + "...md: warning: the file name '...md' has no letter or digit to make an id from; the page is "
            "'dots-only' (from its title) at 'patterns/dots-only/' [page.unsafe_name]\n" +
        p + "javascript:alert(1).md: warning: the path 'patterns/javascript:alert(1).md' would make a url that could "
            "be read as a link elsewhere (':', '?', '#', '%', '\\', '.' or '..'); the url is "
            "'patterns/javascript-alert-1/' [page.unsafe_name]\n" +
        p + "what?.md: warning: the path 'patterns/what?.md' would make a url that could be read as a link elsewhere "
            "(':', '?', '#', '%', '\\', '.' or '..'); the url is 'patterns/what/' [page.unsafe_name]\n");
}
