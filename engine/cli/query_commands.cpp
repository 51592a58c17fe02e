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
#include "patsel/api.hpp"

namespace patsel::cli {
namespace {

using nlohmann::json;

std::string default_catalog() {
  if (const char* env = std::getenv("PATSEL_CATALOG"); env && *env) return env;
  return PATSEL_DEFAULT_CATALOG;
}

// Loads the catalog named by --catalog; prints the error and returns false on failure.
bool load(const Args& args, api::Engine& engine) {
  const std::string path = args.value("--catalog").value_or(default_catalog());
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "patsel: cannot read catalog " << path << "\n";
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  json envelope = json::parse(engine.load(text.str()));
  if (!envelope["ok"].get<bool>()) {
    std::cerr << "patsel: " << path << ": [" << envelope["error"]["code"].get<std::string>() << "] "
              << envelope["error"]["message"].get<std::string>() << "\n";
    return false;
  }
  return true;
}

// Prints an api answer: raw JSON for --json, else through `print_text`.
template <class Print>
int answer(const Args& args, const std::string& envelope_text, Print print_text) {
  json envelope = json::parse(envelope_text);
  if (!envelope["ok"].get<bool>()) {
    std::cerr << "patsel: [" << envelope["error"]["code"].get<std::string>() << "] "
              << envelope["error"]["message"].get<std::string>() << "\n";
    return 1;
  }
  if (args.has("--json"))
    std::cout << envelope["result"].dump(2) << "\n";
  else
    print_text(envelope["result"]);
  return 0;
}

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
  return answer(args, engine.call("list", params.dump()), [](const json& result) {
    for (const json& p : result["patterns"])
      std::printf("%-8s %-32s %s\n", p["tier"].get<std::string>().c_str(), p["id"].get<std::string>().c_str(),
                  p["title"].get<std::string>().c_str());
    std::printf("%zu patterns\n", static_cast<std::size_t>(result["total"].get<std::size_t>()));
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
    json request = json::parse(line, nullptr, false);
    if (request.is_discarded() || !request.is_object() || !request.contains("method") || !request["method"].is_string()) {
      std::cout << R"({"ok":false,"error":{"code":"call.bad_request","message":"each line must be {\"method\": ..., \"params\": {...}}"}})"
                << "\n";
      continue;
    }
    std::string params = request.contains("params") ? request["params"].dump() : "{}";
    std::cout << engine.call(request["method"].get<std::string>(), params) << "\n";
  }
  return 0;
}

}  // namespace patsel::cli
