// patsel: compile and query the pattern catalog from a terminal or a script.

#include <cstring>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "patsel/api.hpp"

namespace {

constexpr const char* kUsage = R"(patsel: the pattern-selector catalog tool

Usage:
  patsel build SOURCE [-o FILE] [--data DIR] [--strict] [--format text|json]
               [--max-page-bytes N] [--no-body-relations] [--cache CACHE]
      Compile pattern pages (*.md with YAML front matter) and data files
      below SOURCE into a catalog (default FILE: SOURCE/catalog.json).
      A page or data file over N bytes (default 1048576) is left out.
      Links in a page's "Related" sections become typed relations, unless
      --no-body-relations. CACHE keeps compiled pages: unchanged pages
      are not parsed again.
  patsel validate SOURCE [--data DIR] [--strict] [--format text|json]
                  [--max-page-bytes N] [--no-body-relations] [--cache CACHE]
      Check SOURCE without writing anything.
  patsel search-catalog [--catalog FILE] -o OUT
      Write the catalog cut down to what search reads (the explorer's
      catalog: searched, filtered and shown fields, synonyms).
  patsel list [--tier gold,silver] [--category NAME,...] [--catalog FILE] [--json]
      List patterns of the catalog, gold first.
  patsel call [--catalog FILE]
      Raw engine api: one {"method": ..., "params": {...}} per stdin line,
      one JSON envelope per stdout line.
  patsel search [QUERY] [--tier gold,silver] [--category NAME,...] [--sort ORDER]
                [--matching full|prefix] [--limit N] [--offset N]
                [--introduced 2000..2015] [--reading-time ..10]
      Full-text search with facet filters (also --domain --layer --status
      --relevance --difficulty --tag --effort --team-size --ecosystem):
      hits with highlights, then facet counts. QUERY may hold "phrases",
      -exclusions and field:scopes (docs/search.md). ORDER: relevance,
      tier, title, introduced-newest, introduced-oldest, reading-time.
      --matching prefix: the words as typed only (no typos, synonyms or
      compound words), the last one also as a prefix.
  patsel tree [TREE] [--answers ID,...] [--session S] [--tier gold,silver]
      Walk a decision tree: numbered answers on stdin (a terminal or a
      pipe; b = back, r = restart, q = quit), or all at once with
      --answers. --session resumes a saved walk. No TREE: list the trees.
  patsel recommend --profile FILE [--tier gold,silver] [--limit N]
      Rank patterns for a requirements profile (JSON or YAML; - = stdin),
      with every reason. --fields lists the profile fields.
  patsel related PATTERN [--relation requires,...] [--depth N]
      Patterns related to PATTERN, by relation type, up to N steps away.
  patsel migrate PATTERN
      What replaces PATTERN (steps, guides, triggers), and what it replaces.
  patsel timeline [FAMILY] [--pattern ID]
      A pattern family's evolution and migration triggers; no FAMILY: list them.
  patsel path [PATH] | patsel path --order ID,... [--prerequisites]
      A learning path (no PATH: list them), or an order of patterns in
      which prerequisites come first (--prerequisites adds missing ones).
  patsel stack PATTERN...
      What to replace, conflicts, missing prerequisites, legacy patterns
      and complexity of the patterns a team uses.
  patsel compare PATTERN PATTERN [PATTERN...] [--profile FILE]
      Two to five patterns side by side; --profile marks how each fits
      a requirements profile (as for recommend).
  patsel compositions [--pattern ID] | patsel problems [--area A] [--pattern ID]
  patsel cards [CARD]
      Compositions, the problem-solution matrix, quick reference cards.
  patsel diff OLD.json NEW.json
      What changed between two catalogs: patterns added and removed, tier,
      status and relevance moves, relations added and removed, trees.
  patsel review [--max-age-months N] [--today YYYY-MM]
      The patterns due for their tier review: never reviewed or reviewed
      more than N months ago (default 12), signals that contradict the
      tier, implementations without a sourced state (docs/health.md).

Options:
  --catalog FILE  the catalog to query (default: $PATSEL_CATALOG, else the
                  shipped data/catalog.json); $PATSEL_LOAD_OPTIONS sets the
                  engine's limits, e.g. '{"max_catalog_bytes": 134217728}'
                  (docs/reliability.md)
  --json          print the engine's JSON answer, for scripts
  --strict        treat warnings as errors (build then writes nothing)
  --help          this text, or with a command its usage;  --version  the version
)";

struct Command {
  const char* name;
  int (*run)(int argc, char** argv);
};

constexpr Command kCommands[] = {
    {"build", patsel::cli::run_build},
    {"validate", patsel::cli::run_validate},
    {"search-catalog", patsel::cli::run_search_catalog},
    {"list", patsel::cli::run_list},
    {"call", patsel::cli::run_call},
    {"search", patsel::cli::run_search},
    {"tree", patsel::cli::run_tree},
    {"recommend", patsel::cli::run_recommend},
    {"related", patsel::cli::run_related},
    {"migrate", patsel::cli::run_migrate},
    {"timeline", patsel::cli::run_timeline},
    {"path", patsel::cli::run_path},
    {"stack", patsel::cli::run_stack},
    {"compare", patsel::cli::run_compare},
    {"compositions", patsel::cli::run_compositions},
    {"problems", patsel::cli::run_problems},
    {"cards", patsel::cli::run_cards},
    {"diff", patsel::cli::run_diff},
    {"review", patsel::cli::run_review},
};

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return lines;
}

bool names_command(std::string_view head, const std::string& command) {
  const std::string word = "patsel " + command;
  for (std::size_t at = head.find(word); at != std::string_view::npos; at = head.find(word, at + 1)) {
    const std::size_t after = at + word.size();
    if (after == head.size() || head[after] == ' ') return true;
  }
  return false;
}

// One command's part of kUsage: its lines "  patsel <command> ..." and the
// indented lines under them, then the options every command shares. Empty
// when kUsage does not describe the command.
std::string command_usage(const std::string& command) {
  const auto is_head = [](std::string_view line) { return line.rfind("  patsel ", 0) == 0; };
  const std::vector<std::string_view> lines = lines_of(kUsage);
  std::string block, options;
  bool in_usage = false, in_options = false, matched = false, done = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (line == "Usage:") in_usage = true;
    if (line == "Options:") in_usage = false, in_options = true;
    if (in_options) options += std::string(line) + "\n";
    if (!in_usage || done || line.empty() || line == "Usage:") continue;
    // A block starts at a head line that does not follow another one.
    if (is_head(line) && (i == 0 || !is_head(lines[i - 1]))) {
      done = matched;
      if (done) continue;
      block.clear();
    }
    block += std::string(line) + "\n";
    if (is_head(line) && names_command(line, command)) matched = true;
  }
  if (!matched) return {};
  std::string usage = "Usage:\n" + block;
  if (command == "call") {
    usage += "\nMethods: name, params (? optional), answer (docs: engine/include/patsel/api.hpp)\n";
    for (const patsel::api::MethodInfo& m : patsel::api::kMethods)
      usage += "  " + std::string(m.name) + "  " + std::string(m.params) + "\n      " + std::string(m.answer) + "\n";
  }
  return usage + "\n" + options;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help")) {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  std::string command = argv[1];
  if (command == "--version") {
    std::cout << "patsel " << PATSEL_VERSION << "\n";
    return 0;
  }
  // `patsel help [COMMAND]` and `patsel COMMAND ... --help`: that command's usage.
  bool help = command == "help";
  if (help && argc > 2) command = argv[2];
  for (int i = 2; i < argc && !help; ++i) help = !std::strcmp(argv[i], "--help");
  if (command == "help") {
    std::cout << kUsage;
    return 0;
  }
  for (const Command& c : kCommands) {
    if (command != c.name) continue;
    if (!help) return c.run(argc, argv);
    const std::string usage = command_usage(command);
    std::cout << (usage.empty() ? std::string(kUsage) : usage);
    return 0;
  }
  std::cerr << "patsel: unknown command '" << command << "'\n" << kUsage;
  return 2;
}
