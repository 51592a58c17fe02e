#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

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
