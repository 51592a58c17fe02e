// `patsel recommend`: the decision calculator, from a profile file (JSON or
// YAML) to ranked patterns with their reasons.

#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "engine_io.hpp"
#include "profile_file.hpp"

namespace patsel::cli {
namespace {

using nlohmann::json;

// Complements listed before "and N more" (the elements show as many).
constexpr std::size_t kComplementsShown = 8;

// A value as a profile gives it: 5, "strong", ["pci-dss"], true.
std::string value_text(const json& value) {
  if (value.is_string()) return text(value);
  if (value.is_array() && value.size() == 1 && value[0].is_string()) return text(value[0]);
  return value.dump();
}

std::string ids(const json& refs) {
  std::string out;
  for (const json& r : refs) out += (out.empty() ? "" : ", ") + text(r["pattern"]);
  return out;
}

std::string score_text(const json& n) { return (n.is_number() && n.get<double>() > 0 ? "+" : "") + text(n); }

void print_recommendation(const json& r) {
  std::printf("Recommended:\n");
  for (const json& p : r["ranked"]) {
    std::printf("%5s  %-28s %s (%s)\n", score_text(p["score"]).c_str(), text(p["pattern"]).c_str(),
                text(p["title"]).c_str(), text(p["tier"]).c_str());
    for (const json& why : p["reasons"])
      std::printf("         %s %s: %s\n", score_text(why["weight"]).c_str(), text(why["rule"]).c_str(),
                  text(why["reason"]).c_str());
  }
  if (r["ranked"].empty()) std::printf("  nothing: no rule fired for this profile\n");
  if (!r["excluded"].empty()) std::printf("\nExcluded by tier (see --tier):\n");
  for (const json& e : r["excluded"]) std::printf("  %s\n", text(e["reason"]).c_str());
  if (!r["discouraged"].empty()) std::printf("\nArgued against:\n");
  for (const json& p : r["discouraged"]) {
    std::printf("%5s  %-28s %s\n", score_text(p["score"]).c_str(), text(p["pattern"]).c_str(),
                text(p["title"]).c_str());
    for (const json& why : p["reasons"])
      std::printf("         %s %s: %s\n", score_text(why["weight"]).c_str(), text(why["rule"]).c_str(),
                  text(why["reason"]).c_str());
  }
  if (!r["complements"].empty()) std::printf("\nGoes with:\n");
  for (std::size_t i = 0; i < r["complements"].size() && i < kComplementsShown; ++i) {
    const json& c = r["complements"][i];
    std::string wanted_by;
    for (const json& id : c["for"]) wanted_by += (wanted_by.empty() ? "" : ", ") + text(id);
    std::printf("  %-12s %-28s for %s\n", text(c["relationship"]).c_str(),
                text(c["pattern"]).c_str(), wanted_by.c_str());
  }
  if (r["complements"].size() > kComplementsShown)
    std::printf("  and %zu more (--json lists them all)\n", r["complements"].size() - kComplementsShown);
  const json& x = r["complexity"];
  if (!text(x["overall"]).empty())
    std::printf("\nComplexity: %s overall (%d points); longest to build: %s; maintenance up to %s; team up to %s\n",
                text(x["overall"]).c_str(), whole(x["points"]), text(x["longest"]).c_str(),
                text(x["maintenance"]).c_str(), text(x["team_size"]).c_str());
  if (!r["next_fields"].empty()) std::printf("\nWorth answering next:\n");
  for (const json& n : r["next_fields"]) {
    std::string change;
    if (!n["adds"].empty()) change += "brings in " + ids(n["adds"]);
    if (!n["drops"].empty()) change += (change.empty() ? "" : "; ") + std::string("rules out ") + ids(n["drops"]);
    if (change.empty()) change = "reorders " + n["moves"].dump();
    std::printf("  %-24s %s: %s\n", text(n["field"]).c_str(), value_text(n["value"]).c_str(), change.c_str());
  }
  for (const json& f : r["unknown_fields"])
    std::fprintf(stderr, "patsel recommend: '%s' is not a profile field; ignored\n", text(f).c_str());
  for (const json& f : r["invalid_fields"])
    std::fprintf(stderr, "patsel recommend: %s; ignored\n", text(f["message"]).c_str());
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
        std::string kind = text(f, "type");
        if (f.contains("values")) {
          kind += ":";
          for (const json& v : f["values"]) kind += " " + text(v);
        } else if (f.contains("unit")) {
          kind += " (" + text(f["unit"]) + ")";
        }
        std::printf("%-24s %s\n%24s %s\n", text(f, "id").c_str(), text(f, "label").c_str(), "", kind.c_str());
      }
    });
  }
  auto profile = read_profile_file(*args.value("--profile"), "recommend");
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
