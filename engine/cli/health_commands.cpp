// `patsel diff` and `patsel review`: what changed between two catalogs,
// and which patterns are due for their tier review.

#include <cstdio>
#include <ctime>
#include <iostream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "engine_io.hpp"

namespace patsel::cli {
namespace {

using nlohmann::json;

// A tier or status that may be missing on one side of a move.
std::string or_none(const json& value) { return value.is_string() ? text(value) : std::string("none"); }

void print_refs(const char* heading, const char* mark, const json& refs) {
  if (refs.empty()) return;
  std::printf("\n%s (%zu)\n", heading, refs.size());
  for (const json& r : refs)
    std::printf("  %s %s (%s, %s)\n", mark, text(r["title"]).c_str(), text(r["pattern"]).c_str(),
                text(r["tier"]).c_str());
}

void print_moves(const char* heading, const json& moves) {
  if (moves.empty()) return;
  std::printf("\n%s (%zu)\n", heading, moves.size());
  for (const json& m : moves)
    std::printf("  %s (%s): %s -> %s\n", text(m["title"]).c_str(), text(m["pattern"]).c_str(),
                or_none(m["from"]).c_str(), or_none(m["to"]).c_str());
}

void print_relations(const char* heading, const char* mark, const json& relations) {
  if (relations.empty()) return;
  std::printf("\n%s (%zu)\n", heading, relations.size());
  for (const json& r : relations)
    std::printf("  %s %s %s %s\n", mark, text(r["from"]).c_str(), text(r["relation"]).c_str(),
                text(r["to"]).c_str());
}

void print_trees(const char* heading, const char* mark, const json& trees) {
  if (trees.empty()) return;
  std::printf("\n%s (%zu)\n", heading, trees.size());
  for (const json& t : trees)
    std::printf("  %s %s (%s)\n", mark, text(t["title"]).c_str(), text(t["id"]).c_str());
}

// The current month, for `review` when --today is not given.
std::string this_month() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", parts.tm_year + 1900, parts.tm_mon + 1);
  return buffer;
}

}  // namespace

int run_diff(int argc, char** argv) {
  Args args(argc, argv, 2, {{"--json"}, {}});
  if (!usage_ok(args, "diff", 2, 2)) return 2;
  const std::string& old_path = args.positional()[0];
  const std::string& new_path = args.positional()[1];
  auto older = read_catalog(old_path);
  api::Engine engine;
  if (!older || !load_file(new_path, engine)) return 1;
  // The older catalog goes in as text of its own, read under the same
  // catalog limits, not inside params.
  const std::string envelope = engine.diff(*older);
  return answer(args, envelope, [&](const json& d) {
    std::printf("%s (%d patterns) -> %s (%d patterns)\n", old_path.c_str(), whole(d["old"]["patterns"]),
                new_path.c_str(), whole(d["new"]["patterns"]));
    if (flag(d["same"])) {
      std::printf("No pattern was added or removed, and no tier, status, relevance, relation or tree changed.\n");
      return;
    }
    print_refs("Added", "+", d["added"]);
    print_refs("Removed", "-", d["removed"]);
    print_moves("Tier moves", d["tier_moves"]);
    print_moves("Status moves", d["status_moves"]);
    print_moves("Relevance changes", d["relevance_changes"]);
    print_relations("Relations added", "+", d["relations_added"]);
    print_relations("Relations removed", "-", d["relations_removed"]);
    print_trees("Trees added", "+", d["trees_added"]);
    print_trees("Trees removed", "-", d["trees_removed"]);
    print_trees("Trees changed", "~", d["trees_changed"]);
  });
}

int run_review(int argc, char** argv) {
  Args args(argc, argv, 2, {{"--json"}, {"--catalog", "--max-age-months", "--today"}});
  if (!usage_ok(args, "review", 0, 0)) return 2;
  json params = {{"today", args.value("--today").value_or(this_month())}};
  if (auto age = args.value("--max-age-months")) {
    json n = json::parse(*age, nullptr, false);
    if (!n.is_number_integer()) {
      std::cerr << "patsel review: --max-age-months takes a whole number\n";
      return 2;
    }
    params["max_age_months"] = n;
  }
  api::Engine engine;
  if (!load(args, engine)) return 1;
  return answer(args, engine.call("health.review", params_text(params)), [](const json& r) {
    const int total = whole(r["total"]);
    std::printf("Due for review as of %s (reviews older than %d months): %d %s\n", text(r["date"]).c_str(),
                whole(r["max_age_months"]), total, total == 1 ? "pattern" : "patterns");
    for (const json& item : r["due"]) {
      std::printf("\n%s (%s, %s)\n", text(item["title"]).c_str(), text(item["pattern"]).c_str(),
                  text(item["tier"]).c_str());
      for (const json& reason : item["reasons"]) std::printf("  - %s\n", text(reason["message"]).c_str());
    }
  });
}

}  // namespace patsel::cli
