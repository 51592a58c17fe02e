// Subcommands that query a compiled catalog through the engine's JSON api,
// the same one the wasm module exposes.

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "args.hpp"
#include "commands.hpp"
#include "engine_io.hpp"
#include "patsel/api.hpp"

namespace patsel::cli {
namespace {

using nlohmann::json;

}  // namespace

int run_list(int argc, char** argv) {
  Args args(argc, argv, 2, {{"--json"}, {"--catalog", "--tier", "--category"}});
  if (!args.error().empty() || !args.positional().empty()) {
    std::cerr << "patsel list: " << (args.error().empty() ? "takes no positional arguments" : args.error())
              << " (see patsel --help)\n";
    return 2;
  }
  api::Engine engine;
  if (!load(args, engine)) return 1;
  json params = json::object();
  if (auto tiers = args.list("--tier"); !tiers.empty()) params["tiers"] = tiers;
  if (auto categories = args.list("--category"); !categories.empty()) params["categories"] = categories;
  return answer(args, engine.call("list", params_text(params)), [](const json& result) {
    for (const json& p : result["patterns"])
      std::printf("%-8s %-32s %s\n", text(p["tier"]).c_str(), text(p["id"]).c_str(),
                  text(p["title"]).c_str());
    std::printf("%d patterns\n", whole(result["total"]));
  });
}

}  // namespace patsel::cli

namespace patsel::cli {

// `patsel call`: one JSON request per stdin line, {"method": ..., "params": {...}},
// one envelope per stdout line: the engine's raw api, for scripts and for
// the native/wasm differential test.
int run_call(int argc, char** argv) {
  Args args(argc, argv, 2, {{}, {"--catalog"}});
  if (!args.error().empty() || !args.positional().empty()) {
    std::cerr << "patsel call: " << (args.error().empty() ? "takes no positional arguments" : args.error()) << "\n";
    return 2;
  }
  api::Engine engine;
  if (!load(args, engine)) return 1;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    // Values nested past kMaxDepth are dropped while parsing: re-serializing
    // them for the engine recurses once per level and would overflow the
    // stack. The engine applies its own, lower, max_depth to what is left.
    constexpr int kMaxDepth = 1000;
    bool too_deep = false;
    json request = json::parse(
        line,
        [&](int depth, json::parse_event_t event, json&) {
          if (depth > kMaxDepth && (event == json::parse_event_t::object_start || event == json::parse_event_t::array_start))
            too_deep = true;
          return !too_deep;
        },
        false);
    if (too_deep) {
      std::cout << R"({"ok":false,"error":{"code":"call.bad_request","message":"the request nests deeper than 1000 levels"}})"
                << "\n";
      continue;
    }
    if (request.is_discarded() || !request.is_object() || !request.contains("method") || !request["method"].is_string()) {
      std::cout << R"({"ok":false,"error":{"code":"call.bad_request","message":"each line must be {\"method\": ..., \"params\": {...}}"}})"
                << "\n";
      continue;
    }
    std::string params = request.contains("params") ? request["params"].dump() : "{}";
    std::cout << engine.call(text(request["method"]), params) << "\n";
  }
  return 0;
}

}  // namespace patsel::cli
