#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "patsel/compile/build.hpp"

namespace fs = std::filesystem;

TEST_CASE("the committed data/catalog.json is what `patsel build data` produces") {
  const fs::path data = fs::path(PATSEL_SOURCE_DIR) / "data";
  auto out = patsel::compile::build_catalog(data);
  INFO(out.report.to_text());
  CHECK(out.report.errors() == 0);
  std::ifstream in(data / "catalog.json", std::ios::binary);
  REQUIRE(in);
  std::string committed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // On failure: run `build/native/patsel build data` and commit the result.
  CHECK(committed == patsel::compile::serialize_catalog(out.catalog));
}
