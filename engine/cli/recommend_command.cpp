// `patsel recommend`: the decision calculator, from a profile file (JSON or
// YAML) to ranked patterns with their reasons.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "engine_io.hpp"
#include "patsel/compile/yaml_text.hpp"

namespace patsel::cli {
namespace {

using nlohmann::json;

// The profile in FILE ("-" = stdin): JSON when it parses as JSON, else YAML.
std::optional<json> read_profile(const std::string& path) {
  std::stringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "patsel recommend: cannot read profile " << path << "\n";
      return std::nullopt;
    }
    text << in.rdbuf();
  }
  json value = json::parse(text.str(), nullptr, false);
  if (value.is_discarded()) {
    auto yaml = compile::yaml_to_json(text.str(), path == "-" ? "stdin" : path);
    if (!yaml) {
      std::cerr << "patsel recommend: " << yaml.error().message << "\n";
      return std::nullopt;
    }
    value = yaml.value();
  }
  if (!value.is_object()) {
    std::cerr << "patsel recommend: " << path << ": a profile is a mapping of field ids to values\n";
    return std::nullopt;
  }
  return value;
}

std::string score_text(const json& n) { return (n.get<double>() > 0 ? "+" : "") + n.dump(); }

void print_recommendation(const json& r) {
  std::printf("Recommended:\n");
  for (const json& p : r["ranked"]) {
    std::printf("%5s  %-28s %s (%s)\n", score_text(p["score"]).c_str(), p["pattern"].get<std::string>().c_str(),
                p["title"].get<std::string>().c_str(), p["tier"].get<std::string>().c_str());
    for (const json& why : p["reasons"])
      std::printf("         %s %s: %s\n", score_text(why["weight"]).c_str(), why["rule"].get<std::string>().c_str(),
                  why["reason"].get<std::string>().c_str());
  }
  if (r["ranked"].empty()) std::printf("  nothing: no rule fired for this profile\n");
  if (!r["excluded"].empty()) std::printf("\nExcluded by tier (see --tier):\n");
  for (const json& e : r["excluded"]) std::printf("  %s\n", e["reason"].get<std::string>().c_str());
  if (!r["discouraged"].empty()) std::printf("\nArgued against:\n");
  for (const json& p : r["discouraged"]) {
    std::printf("%5s  %-28s %s\n", score_text(p["score"]).c_str(), p["pattern"].get<std::string>().c_str(),
                p["title"].get<std::string>().c_str());
    for (const json& why : p["reasons"])
      std::printf("         %s %s: %s\n", score_text(why["weight"]).c_str(), why["rule"].get<std::string>().c_str(),
                  why["reason"].get<std::string>().c_str());
  }
  if (!r["complements"].empty()) std::printf("\nGoes with:\n");
  for (const json& c : r["complements"]) {
    std::string wanted_by;
    for (const json& id : c["for"]) wanted_by += (wanted_by.empty() ? "" : ", ") + id.get<std::string>();
    std::printf("  %-12s %-28s for %s\n", c["relationship"].get<std::string>().c_str(),
                c["pattern"].get<std::string>().c_str(), wanted_by.c_str());
  }
  const json& x = r["complexity"];
  if (!x["overall"].get<std::string>().empty())
    std::printf("\nComplexity: %s overall (%d points); longest to build: %s; maintenance up to %s; team up to %s\n",
                x["overall"].get<std::string>().c_str(), x["points"].get<int>(), x["longest"].get<std::string>().c_str(),
                x["maintenance"].get<std::string>().c_str(), x["team_size"].get<std::string>().c_str());
  if (!r["undecided_fields"].empty()) {
    std::string fields;
    for (const json& f : r["undecided_fields"]) fields += (fields.empty() ? "" : ", ") + f.get<std::string>();
    std::printf("\nFilling in these fields may change the result: %s\n", fields.c_str());
  }
  for (const json& f : r["unknown_fields"])
    std::fprintf(stderr, "patsel recommend: '%s' is not a profile field; ignored\n", f.get<std::string>().c_str());
  for (const json& f : r["invalid_fields"])
    std::fprintf(stderr, "patsel recommend: %s; ignored\n", f["message"].get<std::string>().c_str());
}

}  // namespace

int run_recommend(int argc, char** argv) {
  Args args(argc, argv, 2, {{"--json", "--fields"}, {"--catalog", "--profile", "--tier", "--limit"}});
  if (!usage_ok(args, "recommend", 0, 0)) return 2;
  if (!args.has("--fields") && !args.value("--profile")) {
    std::cerr << "patsel recommend: needs --profile FILE (or --fields to list the fields)\n";
    return 2;
  }
  api::Engine engine;
  if (!load(args, engine)) return 1;
  if (args.has("--fields")) {
    return answer(args, engine.call("profile.fields", "{}"), [](const json& result) {
      for (const json& f : result["fields"]) {
        std::string kind = f.value("type", "");
        if (f.contains("values")) {
          kind += ":";
          for (const json& v : f["values"]) kind += " " + v.get<std::string>();
        } else if (f.contains("unit")) {
          kind += " (" + f["unit"].get<std::string>() + ")";
        }
        std::printf("%-24s %s\n%24s %s\n", f.value("id", "").c_str(), f.value("label", "").c_str(), "", kind.c_str());
      }
    });
  }
  auto profile = read_profile(*args.value("--profile"));
  if (!profile) return 1;
  json params = {{"profile", *profile}};
  if (auto tiers = args.list("--tier"); !tiers.empty()) params["tiers"] = tiers;
  if (auto limit = args.value("--limit")) {
    json n = json::parse(*limit, nullptr, false);
    if (!n.is_number_integer()) {
      std::cerr << "patsel recommend: --limit takes a whole number\n";
      return 2;
    }
    params["limit"] = n;
  }
  return answer(args, engine.call("recommend", params_text(params)), print_recommendation);
}

}  // namespace patsel::cli
