// `patsel related`, `migrate`, `timeline` and `path`: queries over how
// patterns relate, replace each other, evolve and are learned.

#include <cstdio>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "engine_io.hpp"

namespace patsel::cli {
namespace {

using nlohmann::json;

std::string join(const json& list, const char* separator = ", ") {
  std::string out;
  for (const json& item : list)
    out += (out.empty() ? "" : separator) + (item.is_string() ? text(item) : text(item, "pattern"));
  return out;
}

void print_moves(const char* heading, const json& moves) {
  if (moves.empty()) return;
  std::printf("\n%s\n", heading);
  for (const json& m : moves) {
    std::printf("  %s (%s, %s)\n", text(m["title"]).c_str(), text(m["pattern"]).c_str(),
                text(m["tier"]).c_str());
    for (const json& r : m["reasons"]) std::printf("    why: %s\n", text(r).c_str());
    for (const json& t : m["triggers"]) std::printf("    when: %s\n", text(t).c_str());
    int n = 0;
    for (const json& s : m["steps"]) std::printf("    %d. %s\n", ++n, text(s).c_str());
    if (!text(m["guide"]).empty()) std::printf("    guide: %s\n", text(m["guide"]).c_str());
  }
}

}  // namespace

int run_related(int argc, char** argv) {
  Args args(argc, argv, 2, {{"--json"}, {"--catalog", "--relation", "--depth"}});
  if (!usage_ok(args, "related", 1, 1)) return 2;
  api::Engine engine;
  if (!load(args, engine)) return 1;
  json params = {{"pattern", args.positional()[0]}};
  if (auto relations = args.list("--relation"); !relations.empty()) params["relations"] = relations;
  if (auto depth = args.value("--depth")) {
    json n = json::parse(*depth, nullptr, false);
    if (!n.is_number_integer()) {
      std::cerr << "patsel related: --depth takes a whole number\n";
      return 2;
    }
    params["depth"] = n;
  }
  return answer(args, engine.call("related", params_text(params)), [](const json& result) {
    std::printf("%s (%s)\n", text(result["pattern"]["title"]).c_str(),
                text(result["pattern"]["tier"]).c_str());
    for (const json& n : result["neighbours"]) {
      std::string relations;
      for (const json& r : n["relations"]) relations += (relations.empty() ? "" : ", ") + text(r["relation"]);
      std::printf("%*s%-16s %-28s %s\n", 2 * whole(n["depth"]), "", relations.c_str(),
                  text(n["pattern"]).c_str(), text(n["title"]).c_str());
      for (const json& r : n["relations"])
        for (const json& note : r["notes"])
          std::printf("%*s  %s\n", 2 * whole(n["depth"]) + 17, "", text(note).c_str());
    }
  });
}

int run_migrate(int argc, char** argv) {
  Args args(argc, argv, 2, {{"--json"}, {"--catalog"}});
  if (!usage_ok(args, "migrate", 1, 1)) return 2;
  api::Engine engine;
  if (!load(args, engine)) return 1;
  json params = {{"pattern", args.positional()[0]}};
  return answer(args, engine.call("migrate", params_text(params)), [](const json& m) {
    std::printf("%s (%s, %s)\n", text(m["title"]).c_str(), text(m["tier"]).c_str(),
                text(m["status"]).c_str());
    if (!text(m["deprecation_reason"]).empty())
      std::printf("  %s\n", text(m["deprecation_reason"]).c_str());
    print_moves("Migrate to:", m["to"]);
    print_moves("Replaces:", m["from"]);
    if (m["to"].empty() && m["from"].empty()) std::printf("  the catalog names no migration for it\n");
  });
}

int run_timeline(int argc, char** argv) {
  Args args(argc, argv, 2, {{"--json"}, {"--catalog", "--pattern"}});
  if (!usage_ok(args, "timeline", 0, 1)) return 2;
  api::Engine engine;
  if (!load(args, engine)) return 1;
  if (args.positional().empty()) {
    json params = json::object();
    if (auto pattern = args.value("--pattern")) params["pattern"] = *pattern;
    return answer(args, engine.call("families", params_text(params)), [](const json& result) {
      for (const json& f : result["families"])
        std::printf("%-28s %s (%s-%s)\n", text(f["id"]).c_str(), text(f["title"]).c_str(),
                    f["from_year"].dump().c_str(), f["to_year"].dump().c_str());
    });
  }
  json params = {{"family", args.positional()[0]}};
  return answer(args, engine.call("timeline", params_text(params)), [](const json& f) {
    std::printf("%s\n  %s\n\n", text(f["title"]).c_str(), text(f["summary"]).c_str());
    for (const json& step : f["timeline"]) {
      std::printf("%s  %s%s\n     %s\n", step["year"].dump().c_str(), text(step["title"]).c_str(),
                  step["pattern"].is_null() ? "" : (" (" + text(step["tier"]) + ")").c_str(),
                  text(step["innovation"]).c_str());
      for (const json& l : step["limitations"]) std::printf("     - %s\n", text(l).c_str());
    }
    if (!f["migration_triggers"].empty()) std::printf("\nWhen to move on:\n");
    for (const json& t : f["migration_triggers"]) {
      std::printf("  %s -> %s\n", text(t["from"]["title"]).c_str(), text(t["to"]["title"]).c_str());
      for (const json& why : t["triggers"]) std::printf("    - %s\n", text(why).c_str());
    }
  });
}

int run_path(int argc, char** argv) {
  Args args(argc, argv, 2, {{"--json", "--prerequisites"}, {"--catalog", "--order"}});
  if (!usage_ok(args, "path", 0, 1)) return 2;
  api::Engine engine;
  if (!load(args, engine)) return 1;
  if (args.value("--order")) {
    json params = {{"patterns", args.list("--order")}, {"prerequisites", args.has("--prerequisites")}};
    return answer(args, engine.call("order", params_text(params)), [](const json& result) {
      int n = 0;
      for (const json& item : result["order"])
        std::printf("%3d. %-28s stage %d%s%s%s\n", ++n, text(item["pattern"]).c_str(),
                    whole(item["stage"]), item["requires"].empty() ? "" : ("  after " + join(item["requires"])).c_str(),
                    flag(item["added"]) ? "  (prerequisite)" : "", flag(item["in_cycle"]) ? "  (cycle)" : "");
      for (const json& cycle : result["cycles"]) std::printf("cycle: %s\n", join(cycle, " -> ").c_str());
    });
  }
  if (args.positional().empty()) {
    return answer(args, engine.call("paths", "{}"), [](const json& result) {
      for (const json& p : result["paths"])
        std::printf("%-16s %-14s %s (%d patterns)\n", text(p["id"]).c_str(),
                    text(p["level"]).c_str(), text(p["title"]).c_str(), whole(p["patterns"]));
    });
  }
  json params = {{"path", args.positional()[0]}};
  return answer(args, engine.call("path", params_text(params)), [](const json& p) {
    std::printf("%s (%s)\n  %s\n", text(p["title"]).c_str(), text(p["level"]).c_str(),
                text(p["summary"]).c_str());
    int n = 0;
    for (const json& stage : p["stages"]) {
      std::printf("\n%d. %s\n", ++n, text(stage["title"]).c_str());
      for (const json& item : stage["patterns"])
        std::printf("   %-28s %s%s\n", text(item["pattern"]).c_str(), text(item["title"]).c_str(),
                    item["uncovered"].empty() ? "" : ("  (first learn " + join(item["uncovered"]) + ")").c_str());
    }
  });
}

}  // namespace patsel::cli
