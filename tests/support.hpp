#pragma once
// What the doctest suites share: reading fixtures and the shipped catalog,
// an engine over them, calls that unwrap the envelope, and a printer for
// lists of strings in failed CHECKs.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "patsel/api.hpp"
#include "patsel/catalog.hpp"

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& list) {
    std::string out = "{";
    for (const std::string& s : list) out += (out.size() > 1 ? ", \"" : "\"") + s + "\"";
    return (out + "}").c_str();
  }
};
}  // namespace doctest

namespace patsel_test {

using nlohmann::json;
using Strings = std::vector<std::string>;

/// The bytes of a file; a missing file fails the test.
inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot read " << path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// tests/fixtures/catalogs/<name>.
inline std::string catalog_fixture(const std::string& name) {
  return std::string(PATSEL_FIXTURES) + "/catalogs/" + name;
}
/// The shipped data/catalog.json.
inline std::string shipped_path() { return std::string(PATSEL_SOURCE_DIR) + "/data/catalog.json"; }

inline patsel::Catalog catalog_from_text(const std::string& text) {
  auto catalog = patsel::Catalog::from_json(text);
  REQUIRE_MESSAGE(catalog, (catalog ? "" : catalog.error().to_string()));
  return std::move(catalog).value();
}
inline patsel::Catalog catalog_at(const std::string& path) { return catalog_from_text(read_text(path)); }

inline patsel::api::Engine engine_from_text(const std::string& text) {
  patsel::api::Engine engine;
  json loaded = json::parse(engine.load(text));
  REQUIRE_MESSAGE(loaded["ok"] == true, loaded.dump());
  return engine;
}
inline patsel::api::Engine engine_at(const std::string& path) { return engine_from_text(read_text(path)); }

/// The result of a call that must succeed.
inline json ok(const patsel::api::Engine& engine, const std::string& method, const json& params) {
  json envelope = json::parse(engine.call(method, params.dump()));
  INFO(method << " " << params.dump() << " -> " << envelope.dump());
  REQUIRE(envelope["ok"] == true);
  return envelope["result"];
}

/// The error of a call that must fail: {"code", "message"}.
inline json failure(const patsel::api::Engine& engine, const std::string& method, const json& params) {
  json envelope = json::parse(engine.call(method, params.dump()));
  INFO(method << " " << params.dump() << " -> " << envelope.dump());
  REQUIRE(envelope["ok"] == false);
  return envelope["error"];
}

/// The values of `key` in a list of objects, e.g. the ids of refs.
inline json pluck(const json& list, const std::string& key) {
  json out = json::array();
  for (const json& item : list) out.push_back(item[key]);
  return out;
}

}  // namespace patsel_test
