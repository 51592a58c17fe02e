// `patsel stack` and `patsel compare`: several patterns seen together.

#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "engine_io.hpp"
#include "profile_file.hpp"

namespace patsel::cli {
namespace {

using nlohmann::json;

std::string ids(const json& list) {
  std::string out;
  for (const json& item : list)
    out += (out.empty() ? "" : ", ") + (item.is_string() ? text(item) : text(item["pattern"]));
  return out;
}

// "fits: " or "against: " before a line that speaks for or against a pattern.
const char* fit_mark(const json& line) {
  const std::string fit = text(line, "fit");
  return fit == "good" ? "fits: " : fit == "poor" ? "against: " : "";
}

void print_conflicts(const char* heading, const json& conflicts) {
  if (conflicts.empty()) return;
  std::printf("\n%s\n", heading);
  for (const json& c : conflicts) {
    std::printf("  %s\n", ids(c["patterns"]).c_str());
    if (!text(c["reason"]).empty()) std::printf("    %s\n", text(c["reason"]).c_str());
    if (!c["instead"].empty()) std::printf("    instead: %s\n", ids(c["instead"]).c_str());
  }
}

void print_complexity(const char* heading, const json& x) {
  if (text(x["overall"]).empty()) return;
  const std::size_t known = x["patterns"].size(), all = known + x["unknown"].size();
  std::printf("\n%s %s overall, from %zu of %zu patterns (%d points); longest to build: %s; maintenance up to %s\n",
              heading, text(x["overall"]).c_str(), known, all, whole(x["points"]),
              text(x["longest"]).c_str(), text(x["maintenance"]).c_str());
}

void print_gaps(const char* heading, const json& gaps) {
  if (gaps.empty()) return;
  std::printf("\n%s\n", heading);
  for (const json& g : gaps)
    std::printf("  %-28s %s, for %s\n", text(g["pattern"]).c_str(),
                text(g["relationship"]).c_str(), ids(g["for"]).c_str());
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
    const bool changes = !r["replacements"].empty();
    if (changes) std::printf("\nWhat to change:\n");
    for (const json& x : r["replacements"]) {
      std::printf("  replace %s with %s\n", text(x["pattern"]).c_str(), ids(x["with"]).c_str());
      if (!text(x["reason"]).empty()) std::printf("    %s\n", text(x["reason"]).c_str());
    }
    print_conflicts("Conflicts:", r["conflicts"]);
    print_conflicts("Use together with care:", r["cautions"]);
    if (changes) std::printf("\nAfter the changes: %s\n", ids(r["proposed"]).c_str());
    print_gaps("Missing prerequisites:", r["missing"]);
    print_gaps("Worth adding:", r["suggested"]);
    if (!r["legacy"].empty()) std::printf("\nLegacy:\n");
    for (const json& l : r["legacy"]) {
      std::printf("  %s (%s): %s\n", text(l["pattern"]).c_str(), text(l["tier"]).c_str(),
                  text(l["reason"]).c_str());
      if (!l["alternatives"].empty()) std::printf("    move to: %s\n", ids(l["alternatives"]).c_str());
    }
    print_complexity("Complexity:", r["complexity"]);
    if (changes) print_complexity("Complexity after the changes:", r["proposed_complexity"]);
    if (r["conflicts"].empty() && r["missing"].empty() && r["legacy"].empty()) std::printf("\nNo problem found.\n");
  });
}

int run_compare(int argc, char** argv) {
  Args args(argc, argv, 2, {{"--json"}, {"--catalog", "--profile"}});
  if (!usage_ok(args, "compare", 2, 5)) return 2;
  api::Engine engine;
  if (!load(args, engine)) return 1;
  json params = {{"patterns", args.positional()}};
  if (auto path = args.value("--profile")) {
    auto profile = read_profile_file(*path, "compare");
    if (!profile) return 1;
    params["profile"] = *profile;
  }
  return answer(args, engine.call("compare", params_text(params)), [](const json& r) {
    // One block per attribute, one line per pattern: wide tables do not fit a terminal.
    for (const json& row : r["rows"]) {
      const std::string group = text(row, "group");
      std::printf("%s%s\n", group.empty() ? "" : (group + ": ").c_str(), text(row["label"]).c_str());
      for (std::size_t i = 0; i < r["patterns"].size(); ++i) {
        const json& cell = row["cells"][i];
        if (cell.empty()) std::printf("  %-24s %s\n", text(r["patterns"][i]["pattern"]).c_str(), "not stated");
        for (std::size_t k = 0; k < cell.size(); ++k)
          std::printf("  %-24s %s%s\n", k == 0 ? text(r["patterns"][i]["pattern"]).c_str() : "",
                      fit_mark(cell[k]), text(cell[k]["text"]).c_str());
      }
    }
    if (!r["relations"].empty()) std::printf("How they relate\n");
    for (const json& rel : r["relations"]) {
      const std::string note = text(rel["note"]);
      std::printf("  %s %s %s%s%s\n", text(rel["from"]).c_str(), text(rel["relation"]).c_str(),
                  text(rel["to"]).c_str(), note.empty() ? "" : ": ", note.c_str());
    }
    for (const json& f : r.value("unknown_fields", json::array()))
      std::fprintf(stderr, "patsel compare: '%s' is not a profile field; ignored\n", text(f).c_str());
    for (const json& f : r.value("invalid_fields", json::array()))
      std::fprintf(stderr, "patsel compare: %s; ignored\n", text(f["message"]).c_str());
  });
}

}  // namespace patsel::cli
