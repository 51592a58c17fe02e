#pragma once
// Helpers shared by the reasoning suites (trees, rules, recommendations,
// relationships, stacks): an engine over a fixture or the shipped catalog,
// and calls that unwrap the envelope.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "patsel/api.hpp"
#include "patsel/catalog.hpp"

namespace reasoning_test {

using nlohmann::json;

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot read " << path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::string fixture_path() { return std::string(PATSEL_FIXTURES) + "/catalogs/reasoning.json"; }
inline std::string shipped_path() { return std::string(PATSEL_SOURCE_DIR) + "/data/catalog.json"; }

inline patsel::Catalog catalog_at(const std::string& path) {
  auto catalog = patsel::Catalog::from_json(read_text(path));
  REQUIRE(catalog);
  return std::move(catalog).value();
}

inline patsel::api::Engine engine_from_text(const std::string& text) {
  patsel::api::Engine engine;
  json loaded = json::parse(engine.load(text));
  REQUIRE(loaded["ok"] == true);
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

}  // namespace reasoning_test
