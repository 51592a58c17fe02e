#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <fstream>
#include <stdexcept>
#include <string>

#include "catalog_text.hpp"
#include "patsel/compile/build.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using patsel::compile::build_catalog;

namespace {

const fs::path kMini = fs::path(PATSEL_FIXTURES) / "mini";

json ids_of(const json& catalog) {
  json out = json::array();
  for (const auto& p : catalog["patterns"]) out.push_back(p["id"]);
  return out;
}

}  // namespace

TEST_CASE("a source tree compiles into one catalog") {
  auto out = build_catalog(kMini);
  CHECK(out.report.empty());
  CHECK(out.stats.pages == 3);
  CHECK(out.stats.patterns == 3);
  CHECK(out.catalog["schema_version"] == 1);
  CHECK(ids_of(out.catalog) == json::array({"fixture-breaker", "legacy-lock", "retry-with-backoff"}));

  SUBCASE("references by title and id resolve to ids") {
    const json& breaker = out.catalog["patterns"][0];
    CHECK(breaker["related"] == json::parse(R"([{"pattern":"retry-with-backoff","relation":"related"},
                                                {"pattern":"legacy-lock","relation":"related"}])"));
  }
  SUBCASE("the same input gives the same bytes") {
    auto again = build_catalog(kMini);
    CHECK(patsel::compile::serialize_catalog(again.catalog) == patsel::compile::serialize_catalog(out.catalog));
    CHECK(out.catalog["content_hash"].get<std::string>().size() == 16);
  }
}

TEST_CASE("the content hash changes with any key, value or type, and only with them") {
  using patsel::compile::detail::content_hash;
  // Large enough that the patterns are hashed on all cores (512 and more).
  json catalog = {{"schema_version", 1}, {"synonyms", json::array({json::array({"2pc", "two phase commit"})})}};
  for (int i = 0; i < 700; ++i)
    catalog["patterns"].push_back({{"id", "p" + std::to_string(i)}, {"title", "Pattern " + std::to_string(i)},
                                   {"tags", json::array({"a", "b"})}, {"reading_time", i}});
  const std::string hash = content_hash(catalog);
  CHECK(hash.size() == 16);
  // The same document read again: its integers are unsigned now, as from the page cache.
  CHECK(content_hash(json::parse(catalog.dump())) == hash);

  auto changed = [&](auto change) {
    json copy = catalog;
    change(copy);
    return content_hash(copy);
  };
  std::set<std::string> hashes{hash};
  const std::string changes[] = {
      changed([](json& c) { c["patterns"][600]["title"] = "Pattern 601"; }),
      changed([](json& c) { c["patterns"][3]["reading_time"] = 4; }),
      changed([](json& c) { c["patterns"][3]["reading_time"] = "3"; }),      // a number become text
      changed([](json& c) { c["patterns"][3]["reading_time"] = 3.0; }),      // an integer become a decimal
      changed([](json& c) { c["patterns"][5]["tags"] = json::array({"ab"}); }),  // the same letters, one string
      changed([](json& c) { c["patterns"][5]["tags"] = json::array({"b", "a"}); }),
      changed([](json& c) { std::swap(c["patterns"][0], c["patterns"][1]); }),
      changed([](json& c) { c["patterns"].erase(699); }),
      changed([](json& c) { c["synonyms"][0][1] = "two-phase commit"; }),
      changed([](json& c) { c["schema_version"] = 2; }),
      changed([](json& c) { c["patterns"][7]["note"] = nullptr; }),
      changed([](json& c) { c["patterns"][7]["reading_time"] = -7; }),
  };
  for (const std::string& h : changes) hashes.insert(h);
  CHECK(hashes.size() == 1 + std::size(changes));
}

namespace {

std::string file_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("a file written in pieces holds them all, in order") {
  fs::path dir = fs::temp_directory_path() / "patsel-pieces-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  // Small pieces across several write blocks (1 MiB), one larger than a block, then a last small one.
  std::string expected;
  auto error = patsel::compile::write_file_atomically(dir / "out.txt", [&](const patsel::compile::TextSink& sink) {
    for (int i = 0; i < 3000; ++i) {
      const std::string piece = std::to_string(i) + std::string(997, static_cast<char>('a' + i % 26)) + "\n";
      expected += piece;
      sink(piece);
    }
    const std::string large(3 << 20, 'L');
    expected += large;
    sink(large);
    expected += "end\n";
    sink("end\n");
  });
  CHECK_FALSE(error);
  CHECK(file_text(dir / "out.txt") == expected);

  SUBCASE("the catalog's own writer gives serialize_catalog's bytes") {
    auto out = build_catalog(kMini);
    CHECK_FALSE(patsel::compile::write_catalog_file(dir / "catalog.json", out.catalog));
    CHECK(file_text(dir / "catalog.json") == patsel::compile::serialize_catalog(out.catalog));
  }
  SUBCASE("a failure while producing leaves the old file and no temporary one") {
    REQUIRE_FALSE(patsel::compile::write_file_atomically(dir / "old.txt", "old\n"));
    CHECK_THROWS_AS(patsel::compile::write_file_atomically(dir / "old.txt",
                                                           [](const patsel::compile::TextSink& sink) {
                                                             sink(std::string(2 << 20, 'x'));  // reaches the file
                                                             throw std::runtime_error("stopped");
                                                           }),
                    std::runtime_error);
    CHECK(file_text(dir / "old.txt") == "old\n");
    CHECK_FALSE(fs::exists(dir / "old.txt.tmp"));
  }
  fs::remove_all(dir);
}

TEST_CASE("writing is atomic: a failed write leaves the old file") {
  fs::path dir = fs::temp_directory_path() / "patsel-atomic-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path target = dir / "catalog.json";
  REQUIRE_FALSE(patsel::compile::write_file_atomically(target, "old\n"));
  // A directory where the temporary file must go makes the write fail.
  fs::create_directories(dir / "catalog.json.tmp");
  auto error = patsel::compile::write_file_atomically(target, "new\n");
  REQUIRE(error);
  CHECK(error->code == "io.write_failed");
  std::ifstream in(target);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(content == "old\n");
  fs::remove_all(dir);
}

TEST_CASE("ids are slugs: a page named http-2.0.md is http-2-0, and references to it resolve") {
  fs::path dir = fs::temp_directory_path() / "patsel-slug-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "patterns");
  const auto write = [&](const char* name, const char* text) { std::ofstream(dir / "patterns" / name) << text; };
  write("HTTP 2.0.md", "---\ntitle: HTTP/2 Multiplexing\ntier: silver\ncategory: communication\n---\nBody.\n");
  write("client.md",
        "---\ntitle: Client\ntier: gold\ncategory: communication\n"
        "related_patterns: [http-2.0, \"../patterns/HTTP 2.0.md\", \"HTTP/2 multiplexing\"]\n---\nBody.\n");
  auto out = build_catalog(dir);
  CHECK(ids_of(out.catalog) == json::array({"client", "http-2-0"}));
  const json& client = out.catalog["patterns"][0];
  // The three spellings (id as written, file path, title) all name the page.
  REQUIRE(client["related"].is_array());
  for (const json& relation : client["related"]) CHECK(relation["pattern"] == "http-2-0");
  CHECK_FALSE(client["related"].empty());
  fs::remove_all(dir);
}
