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
    out += (out.empty() ? "" : separator) + (item.is_string() ? item.get<std::string>() : item.value("pattern", ""));
  return out;
}

void print_moves(const char* heading, const json& moves) {
  if (moves.empty()) return;
  std::printf("\n%s\n", heading);
  for (const json& m : moves) {
    std::printf("  %s (%s, %s)\n", m["title"].get<std::string>().c_str(), m["pattern"].get<std::string>().c_str(),
                m["tier"].get<std::string>().c_str());
    for (const json& r : m["reasons"]) std::printf("    why: %s\n", r.get<std::string>().c_str());
    for (const json& t : m["triggers"]) std::printf("    when: %s\n", t.get<std::string>().c_str());
    int n = 0;
    for (const json& s : m["steps"]) std::printf("    %d. %s\n", ++n, s.get<std::string>().c_str());
    if (!m["guide"].get<std::string>().empty()) std::printf("    guide: %s\n", m["guide"].get<std::string>().c_str());
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
    std::printf("%s (%s)\n", result["pattern"]["title"].get<std::string>().c_str(),
                result["pattern"]["tier"].get<std::string>().c_str());
    for (const json& n : result["neighbours"]) {
      std::string relations;
      for (const json& r : n["relations"]) relations += (relations.empty() ? "" : ", ") + r["relation"].get<std::string>();
      std::printf("%*s%-16s %-28s %s\n", 2 * n["depth"].get<int>(), "", relations.c_str(),
                  n["pattern"].get<std::string>().c_str(), n["title"].get<std::string>().c_str());
      for (const json& r : n["relations"])
        for (const json& note : r["notes"])
          std::printf("%*s  %s\n", 2 * n["depth"].get<int>() + 17, "", note.get<std::string>().c_str());
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
    std::printf("%s (%s, %s)\n", m["title"].get<std::string>().c_str(), m["tier"].get<std::string>().c_str(),
                m["status"].get<std::string>().c_str());
    if (!m["deprecation_reason"].get<std::string>().empty())
      std::printf("  %s\n", m["deprecation_reason"].get<std::string>().c_str());
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
        std::printf("%-28s %s (%s-%s)\n", f["id"].get<std::string>().c_str(), f["title"].get<std::string>().c_str(),
                    f["from_year"].dump().c_str(), f["to_year"].dump().c_str());
    });
  }
  json params = {{"family", args.positional()[0]}};
  return answer(args, engine.call("timeline", params_text(params)), [](const json& f) {
    std::printf("%s\n  %s\n\n", f["title"].get<std::string>().c_str(), f["summary"].get<std::string>().c_str());
    for (const json& step : f["timeline"]) {
      std::printf("%s  %s%s\n     %s\n", step["year"].dump().c_str(), step["title"].get<std::string>().c_str(),
                  step["pattern"].is_null() ? "" : (" (" + step["tier"].get<std::string>() + ")").c_str(),
                  step["innovation"].get<std::string>().c_str());
      for (const json& l : step["limitations"]) std::printf("     - %s\n", l.get<std::string>().c_str());
    }
    if (!f["migration_triggers"].empty()) std::printf("\nWhen to move on:\n");
    for (const json& t : f["migration_triggers"]) {
      std::printf("  %s -> %s\n", t["from"]["title"].get<std::string>().c_str(), t["to"]["title"].get<std::string>().c_str());
      for (const json& why : t["triggers"]) std::printf("    - %s\n", why.get<std::string>().c_str());
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
        std::printf("%3d. %-28s stage %d%s%s%s\n", ++n, item["pattern"].get<std::string>().c_str(),
                    item["stage"].get<int>(), item["requires"].empty() ? "" : ("  after " + join(item["requires"])).c_str(),
                    item["added"].get<bool>() ? "  (prerequisite)" : "", item["in_cycle"].get<bool>() ? "  (cycle)" : "");
      for (const json& cycle : result["cycles"]) std::printf("cycle: %s\n", join(cycle, " -> ").c_str());
    });
  }
  if (args.positional().empty()) {
    return answer(args, engine.call("paths", "{}"), [](const json& result) {
      for (const json& p : result["paths"])
        std::printf("%-16s %-14s %s (%d patterns)\n", p["id"].get<std::string>().c_str(),
                    p["level"].get<std::string>().c_str(), p["title"].get<std::string>().c_str(), p["patterns"].get<int>());
    });
  }
  json params = {{"path", args.positional()[0]}};
  return answer(args, engine.call("path", params_text(params)), [](const json& p) {
    std::printf("%s (%s)\n  %s\n", p["title"].get<std::string>().c_str(), p["level"].get<std::string>().c_str(),
                p["summary"].get<std::string>().c_str());
    int n = 0;
    for (const json& stage : p["stages"]) {
      std::printf("\n%d. %s\n", ++n, stage["title"].get<std::string>().c_str());
      for (const json& item : stage["patterns"])
        std::printf("   %-28s %s%s\n", item["pattern"].get<std::string>().c_str(), item["title"].get<std::string>().c_str(),
                    item["uncovered"].empty() ? "" : ("  (first learn " + join(item["uncovered"]) + ")").c_str());
    }
  });
}

}  // namespace patsel::cli
