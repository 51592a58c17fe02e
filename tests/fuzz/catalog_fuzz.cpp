// Fuzz target: any bytes as catalog.json. The loader must answer with a
// catalog or an error value; a loaded engine must then answer every call
// with a well-formed envelope, whatever the catalog's trees, rules and
// records hold (the calls below walk what the catalog names: its first
// pattern, tree, family and path).

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "patsel/api.hpp"
#include "patsel/catalog.hpp"

namespace {

using nlohmann::json;
using patsel::fuzz::checked_envelope;

// The first `key` of the first item of result[list], or "".
std::string first_id(const json& envelope, const char* list, const char* key = "id") {
  if (!envelope["ok"].get<bool>()) return "";
  const json& result = envelope["result"];
  if (!result.is_object() || !result.contains(list) || !result[list].is_array() || result[list].empty()) return "";
  const json& item = result[list][0];
  return item.is_object() && item.contains(key) && item[key].is_string() ? item[key].get<std::string>() : "";
}

json call(const patsel::api::Engine& engine, const char* method, const json& params) {
  return checked_envelope(engine.call(method, params.dump()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)patsel::Catalog::from_json(text);

  patsel::api::Engine engine;
  if (!checked_envelope(engine.load(text))["ok"].get<bool>()) return 0;

  for (const char* method : {"info", "list", "tree.list", "profile.fields", "families", "paths", "compositions",
                             "problems", "cards"})
    call(engine, method, json::object());
  call(engine, "recommend", {{"profile", json::object()}});
  call(engine, "search", {{"query", "a"}});

  const std::string pattern = first_id(call(engine, "list", json::object()), "patterns");
  if (!pattern.empty()) {
    call(engine, "pattern", {{"id", pattern}});
    call(engine, "related", {{"pattern", pattern}, {"depth", 4}});
    call(engine, "migrate", {{"pattern", pattern}});
    call(engine, "stack", {{"patterns", {pattern}}});
    call(engine, "compare", {{"patterns", {pattern, pattern}}});
    call(engine, "order", {{"patterns", {pattern}}, {"prerequisites", true}});
  }
  if (std::string family = first_id(call(engine, "families", json::object()), "families"); !family.empty())
    call(engine, "timeline", {{"family", family}});
  if (std::string path = first_id(call(engine, "paths", json::object()), "paths"); !path.empty())
    call(engine, "path", {{"path", path}});

  // Walk the first tree, always taking the first option.
  const std::string tree = first_id(call(engine, "tree.list", json::object()), "trees");
  if (tree.empty()) return 0;
  call(engine, "tree.get", {{"tree", tree}});
  json step = call(engine, "tree.step", {{"tree", tree}});
  for (int i = 0; i < 64 && step["ok"].get<bool>(); ++i) {
    const json& result = step["result"];
    const json* question = result.contains("question") ? &result["question"] : nullptr;
    if (!question || !question->is_object() || !result.contains("session") || !result["session"].is_string()) break;
    std::string answer = first_id(json{{"ok", true}, {"result", *question}}, "options");
    if (answer.empty()) break;
    step = call(engine, "tree.step", {{"session", result["session"]}, {"answer", answer}});
  }
  return 0;
}
