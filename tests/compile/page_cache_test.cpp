// The page cache of `patsel build --cache`: a build that takes pages from it
// gives the same catalog bytes and the same report as a build without it,
// and anything the cache cannot vouch for is compiled again.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "patsel/compile/build.hpp"

namespace fs = std::filesystem;
using patsel::compile::BuildOptions;
using patsel::compile::BuildOutput;
using patsel::compile::build_catalog;
using patsel::compile::serialize_catalog;

namespace {

const fs::path kMessy = fs::path(PATSEL_FIXTURES) / "messy";

// A copy of the messy fixture tree (pages with every kind of problem, so
// the report has errors and warnings to keep), and a cache file beside it.
// Each test case has its own folder: CTest runs them in parallel.
struct Scratch {
  fs::path root;
  fs::path docs = root / "docs";
  fs::path cache = root / "pages.cache";
  explicit Scratch(const std::string& name) : root(fs::temp_directory_path() / ("patsel-page-cache-" + name)) {
    fs::remove_all(root);
    fs::create_directories(root);
    fs::copy(kMessy / "docs", docs, fs::copy_options::recursive);
  }
  ~Scratch() { fs::remove_all(root); }

  BuildOutput build(const std::string& identity = "test-compiler-1") const {
    BuildOptions options;
    options.data_dir = kMessy / "data";
    options.cache = cache;
    options.compiler_identity = identity;
    return build_catalog(docs, options);
  }
  BuildOutput build_without_cache() const {
    BuildOptions options;
    options.data_dir = kMessy / "data";
    return build_catalog(docs, options);
  }
  void write(const fs::path& file, const std::string& text) const { std::ofstream(file, std::ios::binary) << text; }
  std::string read(const fs::path& file) const {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
};

// Pages that are read whole (the cache's unit) in the messy tree.
int readable_pages(const BuildOutput& out) { return out.stats.pages - static_cast<int>(out.report.count("source.unreadable")); }

}  // namespace

TEST_CASE("a rebuild from the cache gives the same catalog and report as a full build") {
  Scratch scratch("same");
  const BuildOutput full = scratch.build_without_cache();
  REQUIRE(full.report.errors() > 0);  // the fixture's problems travel through the cache
  REQUIRE(full.stats.pages > 10);

  const BuildOutput first = scratch.build();
  CHECK(first.stats.cached == 0);
  CHECK(first.cache_problem.empty());
  CHECK(fs::exists(scratch.cache));

  const BuildOutput second = scratch.build();
  CHECK(second.stats.cached == readable_pages(full));
  for (const BuildOutput* out : {&first, &second}) {
    CHECK(serialize_catalog(out->catalog) == serialize_catalog(full.catalog));
    CHECK(out->report.to_text() == full.report.to_text());
    CHECK(out->stats.patterns == full.stats.patterns);
    CHECK(out->stats.failed == full.stats.failed);
    CHECK(out->stats.skipped == full.stats.skipped);
  }
}

TEST_CASE("an edited page is compiled again; the others come from the cache") {
  Scratch scratch("edited");
  const BuildOutput first = scratch.build();
  const fs::path page = scratch.docs / "pattern-library" / "resilience" / "circuit-breaker.md";
  REQUIRE(fs::exists(page));
  std::string text = scratch.read(page);
  const auto title = text.find("title: ");
  REQUIRE(title != std::string::npos);
  text.insert(title + 7, "Edited ");
  scratch.write(page, text);

  const BuildOutput second = scratch.build();
  CHECK(second.stats.cached == first.stats.pages - 1 - static_cast<int>(first.report.count("source.unreadable")));
  CHECK(serialize_catalog(second.catalog) == serialize_catalog(scratch.build_without_cache().catalog));
  bool edited = false;
  for (const auto& p : second.catalog["patterns"])
    if (p["id"] == "circuit-breaker") edited = p["title"].get<std::string>().rfind("Edited ", 0) == 0;
  CHECK(edited);

  // The cache written then (the kept frames and the new one) serves every page.
  const BuildOutput third = scratch.build();
  CHECK(third.stats.cached == second.stats.pages - static_cast<int>(second.report.count("source.unreadable")));
  CHECK(serialize_catalog(third.catalog) == serialize_catalog(second.catalog));
}

TEST_CASE("a cache of another compiler, with other limits, or damaged is not trusted") {
  Scratch scratch("untrusted");
  const BuildOutput first = scratch.build("compiler-a");
  const std::string expected = serialize_catalog(first.catalog);

  SUBCASE("another compiler") {
    const BuildOutput other = scratch.build("compiler-b");
    CHECK(other.stats.cached == 0);
    CHECK(serialize_catalog(other.catalog) == expected);
  }
  SUBCASE("other limits") {
    BuildOptions options;
    options.data_dir = kMessy / "data";
    options.cache = scratch.cache;
    options.compiler_identity = "compiler-a";
    options.limits.max_depth = 63;
    CHECK(build_catalog(scratch.docs, options).stats.cached == 0);
  }
  SUBCASE("not a cache at all") {
    scratch.write(scratch.cache, "{\"patterns\": []}\n");
    const BuildOutput again = scratch.build("compiler-a");
    CHECK(again.stats.cached == 0);
    CHECK(serialize_catalog(again.catalog) == expected);
  }
  SUBCASE("cut short: the pages before the cut are still used") {
    const std::string bytes = scratch.read(scratch.cache);
    scratch.write(scratch.cache, bytes.substr(0, bytes.size() / 2));
    const BuildOutput again = scratch.build("compiler-a");
    CHECK(again.stats.cached > 0);
    CHECK(again.stats.cached < readable_pages(first));
    CHECK(serialize_catalog(again.catalog) == expected);
    CHECK(again.report.to_text() == first.report.to_text());
  }
  SUBCASE("bytes flipped inside a page's compiled form") {
    std::string bytes = scratch.read(scratch.cache);
    // The CBOR head of the first frame's "record" key turned into a stray
    // "break" byte: that frame no longer decodes, so its page (only) is
    // compiled again.
    const auto record = bytes.find("record");
    REQUIRE(record != std::string::npos);
    REQUIRE(bytes[record - 1] == '\x66');  // a text string of 6 bytes
    bytes[record - 1] = '\xff';
    scratch.write(scratch.cache, bytes);
    const BuildOutput again = scratch.build("compiler-a");
    CHECK(again.stats.cached == readable_pages(first) - 1);
    CHECK(serialize_catalog(again.catalog) == expected);
    CHECK(again.report.to_text() == first.report.to_text());
  }
}

TEST_CASE("a new or edited vocabulary.yaml or laws.yaml of the site makes every page compile again") {
  Scratch scratch("terms");
  const fs::path data = scratch.root / "data";
  fs::copy(kMessy / "data", data, fs::copy_options::recursive);
  BuildOptions options;
  options.data_dir = data;
  options.cache = scratch.cache;
  options.compiler_identity = "test-compiler-1";
  const BuildOutput first = build_catalog(scratch.docs, options);
  REQUIRE(first.stats.pages > 0);
  CHECK(build_catalog(scratch.docs, options).stats.cached == readable_pages(first));

  scratch.write(data / "vocabulary.yaml", "status:\n  aliases:\n    battle-tested: recommended\n");
  CHECK(build_catalog(scratch.docs, options).stats.cached == 0);
  CHECK(build_catalog(scratch.docs, options).stats.cached == readable_pages(first));
  scratch.write(data / "laws.yaml", "laws: []\n");
  CHECK(build_catalog(scratch.docs, options).stats.cached == 0);
}

TEST_CASE("a cache that cannot be written is said, and the build goes on") {
  Scratch scratch("unwritable");
  BuildOptions options;
  options.data_dir = kMessy / "data";
  options.compiler_identity = "test-compiler-1";
  options.cache = scratch.root / "no-such-folder" / "pages.cache";
  const BuildOutput out = build_catalog(scratch.docs, options);
  CHECK(out.cache_problem.rfind("the page cache was not written (", 0) == 0);
  CHECK(out.cache_problem.find("no-such-folder/pages.cache.tmp: cannot open for writing") != std::string::npos);
  CHECK(out.writable);
  CHECK(serialize_catalog(out.catalog) == serialize_catalog(scratch.build_without_cache().catalog));
}

TEST_CASE("without a named compiler, the running program names it") {
  Scratch scratch("self");
  BuildOptions options;
  options.data_dir = kMessy / "data";
  options.cache = scratch.cache;
  const BuildOutput first = build_catalog(scratch.docs, options);
  CHECK(first.cache_problem.empty());
  const BuildOutput second = build_catalog(scratch.docs, options);
  CHECK(second.stats.cached == readable_pages(first));
  // The header names this test program; a cache from another build of
  // the compiler has another name there.
  CHECK(scratch.build("something-else").stats.cached == 0);
}

TEST_CASE("pages from the cache keep the links of their Related sections") {
  const fs::path library = fs::path(PATSEL_FIXTURES) / "library" / "docs";
  const fs::path cache = fs::temp_directory_path() / "patsel-page-cache-library.cache";
  fs::remove(cache);
  BuildOptions options;
  options.cache = cache;
  options.compiler_identity = "test-compiler-1";
  const BuildOutput full = build_catalog(library);
  REQUIRE(full.stats.body_relations > 0);
  const BuildOutput first = build_catalog(library, options);
  const BuildOutput second = build_catalog(library, options);
  CHECK(second.stats.cached == second.stats.pages);
  CHECK(second.stats.body_relations == full.stats.body_relations);
  CHECK(serialize_catalog(second.catalog) == serialize_catalog(full.catalog));
  CHECK(second.report.to_text() == full.report.to_text());
  CHECK(first.stats.cached == 0);
  fs::remove(cache);
}
