// `patsel stack` and `patsel compare`: several patterns seen together.

#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "engine_io.hpp"

namespace patsel::cli {
namespace {

using nlohmann::json;

std::string ids(const json& list) {
  std::string out;
  for (const json& item : list)
    out += (out.empty() ? "" : ", ") + (item.is_string() ? item.get<std::string>() : item["pattern"].get<std::string>());
  return out;
}

void print_conflicts(const char* heading, const json& conflicts) {
  if (conflicts.empty()) return;
  std::printf("\n%s\n", heading);
  for (const json& c : conflicts) {
    std::printf("  %s\n", ids(c["patterns"]).c_str());
    for (const json& r : c["reasons"]) std::printf("    %s\n", r.get<std::string>().c_str());
    if (!c["instead"].empty()) std::printf("    instead: %s\n", ids(c["instead"]).c_str());
  }
}

void print_gaps(const char* heading, const json& gaps) {
  if (gaps.empty()) return;
  std::printf("\n%s\n", heading);
  for (const json& g : gaps)
    std::printf("  %-28s %s, for %s\n", g["pattern"].get<std::string>().c_str(),
                g["relationship"].get<std::string>().c_str(), ids(g["for"]).c_str());
}

}  // namespace

int run_stack(int argc, char** argv) {
  Args args(argc, argv, 2, {{"--json"}, {"--catalog"}});
  if (!usage_ok(args, "stack", 1, 100)) return 2;
  api::Engine engine;
  if (!load(args, engine)) return 1;
  json params = {{"patterns", args.positional()}};
  return answer(args, engine.call("stack", params_text(params)), [](const json& r) {
    std::printf("Stack: %s\n", ids(r["patterns"]).c_str());
    print_conflicts("Conflicts:", r["conflicts"]);
    print_conflicts("Use together with care:", r["cautions"]);
    print_gaps("Missing prerequisites:", r["missing"]);
    print_gaps("Worth adding:", r["suggested"]);
    if (!r["legacy"].empty()) std::printf("\nLegacy:\n");
    for (const json& l : r["legacy"]) {
      std::printf("  %s (%s): %s\n", l["pattern"].get<std::string>().c_str(), l["tier"].get<std::string>().c_str(),
                  l["reason"].get<std::string>().c_str());
      if (!l["alternatives"].empty()) std::printf("    move to: %s\n", ids(l["alternatives"]).c_str());
    }
    const json& x = r["complexity"];
    if (!x["overall"].get<std::string>().empty())
      std::printf("\nComplexity: %s overall (%d points); longest to build: %s; maintenance up to %s\n",
                  x["overall"].get<std::string>().c_str(), x["points"].get<int>(),
                  x["longest"].get<std::string>().c_str(), x["maintenance"].get<std::string>().c_str());
    if (r["conflicts"].empty() && r["missing"].empty() && r["legacy"].empty()) std::printf("\nNo problem found.\n");
  });
}

int run_compare(int argc, char** argv) {
  Args args(argc, argv, 2, {{"--json"}, {"--catalog"}});
  if (!usage_ok(args, "compare", 2, 5)) return 2;
  api::Engine engine;
  if (!load(args, engine)) return 1;
  json params = {{"patterns", args.positional()}};
  return answer(args, engine.call("compare", params_text(params)), [](const json& r) {
    // One block per attribute, one line per pattern: wide tables do not fit a terminal.
    for (const json& row : r["rows"]) {
      std::printf("%s\n", row["label"].get<std::string>().c_str());
      for (std::size_t i = 0; i < r["patterns"].size(); ++i) {
        const json& cell = row["cells"][i];
        std::string first = cell.empty() ? "-" : cell[0].get<std::string>();
        std::printf("  %-24s %s\n", r["patterns"][i]["pattern"].get<std::string>().c_str(), first.c_str());
        for (std::size_t k = 1; k < cell.size(); ++k) std::printf("  %-24s %s\n", "", cell[k].get<std::string>().c_str());
      }
    }
    if (!r["relations"].empty()) std::printf("Relations\n");
    for (const json& rel : r["relations"])
      std::printf("  %s %s %s\n", rel["from"].get<std::string>().c_str(), rel["relation"].get<std::string>().c_str(),
                  rel["to"].get<std::string>().c_str());
  });
}

}  // namespace patsel::cli
