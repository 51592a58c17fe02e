// `patsel compositions`, `problems` and `cards`: the catalog's reference
// tables.

#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "engine_io.hpp"

namespace patsel::cli {
namespace {

using nlohmann::json;

std::string ids(const json& refs) {
  std::string out;
  for (const json& r : refs) out += (out.empty() ? "" : ", ") + text(r["pattern"]);
  return out.empty() ? "-" : out;
}

}  // namespace

int run_compositions(int argc, char** argv) {
  Args args(argc, argv, 2, {{"--json"}, {"--catalog", "--pattern"}});
  if (!usage_ok(args, "compositions", 0, 0)) return 2;
  api::Engine engine;
  if (!load(args, engine)) return 1;
  json params = json::object();
  if (auto pattern = args.value("--pattern")) params["pattern"] = *pattern;
  return answer(args, engine.call("compositions", params_text(params)), [](const json& r) {
    for (const json& c : r["compositions"]) std::printf("%s\n", text(c["formula"]).c_str());
  });
}

int run_problems(int argc, char** argv) {
  Args args(argc, argv, 2, {{"--json"}, {"--catalog", "--area", "--pattern"}});
  if (!usage_ok(args, "problems", 0, 0)) return 2;
  api::Engine engine;
  if (!load(args, engine)) return 1;
  json params = json::object();
  if (auto area = args.value("--area")) params["area"] = *area;
  if (auto pattern = args.value("--pattern")) params["pattern"] = *pattern;
  return answer(args, engine.call("problems", params_text(params)), [](const json& r) {
    std::string area;
    for (const json& p : r["problems"]) {
      if (p["area"] != area) {
        std::printf("%s%s\n", area.empty() ? "" : "\n", text(p["area"]).c_str());
        area = text(p["area"]);
      }
      std::printf("  %s\n    primary: %s\n    supporting: %s\n", text(p["title"]).c_str(),
                  ids(p["primary"]).c_str(), ids(p["supporting"]).c_str());
    }
  });
}

int run_cards(int argc, char** argv) {
  Args args(argc, argv, 2, {{"--json"}, {"--catalog"}});
  if (!usage_ok(args, "cards", 0, 1)) return 2;
  api::Engine engine;
  if (!load(args, engine)) return 1;
  json params = json::object();
  if (!args.positional().empty()) params["card"] = args.positional()[0];
  return answer(args, engine.call("cards", params_text(params)), [](const json& r) {
    for (const json& c : r["cards"])
      std::printf("%s\n  essential: %s\n  important: %s\n  advanced:  %s\n", text(c["title"]).c_str(),
                  ids(c["essential"]).c_str(), ids(c["important"]).c_str(), ids(c["advanced"]).c_str());
  });
}

}  // namespace patsel::cli
