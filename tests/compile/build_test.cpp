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
