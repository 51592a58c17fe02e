// patsel: compile and query the pattern catalog from a terminal or a script.

#include <cstring>
#include <iostream>
#include <string>

#include "commands.hpp"

namespace {

constexpr const char* kUsage = R"(patsel: the pattern-selector catalog tool

Usage:
  patsel build SOURCE [-o FILE] [--data DIR] [--strict] [--format text|json]
               [--max-page-bytes N]
      Compile pattern pages (*.md with YAML front matter) and data files
      below SOURCE into a catalog (default FILE: SOURCE/catalog.json).
      A page or data file over N bytes (default 1048576) is left out.
  patsel validate SOURCE [--data DIR] [--strict] [--format text|json]
                  [--max-page-bytes N]
      Check SOURCE without writing anything.
  patsel list [--tier gold,silver] [--category NAME,...] [--catalog FILE] [--json]
      List patterns of the catalog, gold first.
  patsel call [--catalog FILE]
      Raw engine api: one {"method": ..., "params": {...}} per stdin line,
      one JSON envelope per stdout line.
  patsel search [QUERY] [--tier gold,silver] [--category NAME,...] [--sort ORDER]
                [--limit N] [--offset N] [--introduced 2000..2015] [--reading-time ..10]
      Full-text search with facet filters (also --domain --layer --status
      --relevance --difficulty --tag --effort --team-size --ecosystem):
      hits with highlights, then facet counts. QUERY may hold "phrases",
      -exclusions and field:scopes (docs/search.md). ORDER: relevance,
      tier, title, introduced-newest, introduced-oldest, reading-time.
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
      Conflicts, missing prerequisites, legacy patterns and complexity of
      the patterns a team uses.
  patsel compare PATTERN PATTERN [PATTERN...]
      Two to five patterns side by side.
  patsel compositions [--pattern ID] | patsel problems [--area A] [--pattern ID]
  patsel cards [CARD]
      Compositions, the problem-solution matrix, quick reference cards.

Options:
  --catalog FILE  the catalog to query (default: $PATSEL_CATALOG, else the
                  shipped data/catalog.json); $PATSEL_LOAD_OPTIONS sets the
                  engine's limits, e.g. '{"max_catalog_bytes": 134217728}'
                  (docs/reliability.md)
  --json          print the engine's JSON answer, for scripts
  --strict        treat warnings as errors (build then writes nothing)
  --help          this text;  --version  the version
)";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "help")) {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  const std::string command = argv[1];
  if (command == "--version") {
    std::cout << "patsel " << PATSEL_VERSION << "\n";
    return 0;
  }
  if (command == "build") return patsel::cli::run_build(argc, argv);
  if (command == "validate") return patsel::cli::run_validate(argc, argv);
  if (command == "list") return patsel::cli::run_list(argc, argv);
  if (command == "call") return patsel::cli::run_call(argc, argv);
  if (command == "search") return patsel::cli::run_search(argc, argv);
  if (command == "tree") return patsel::cli::run_tree(argc, argv);
  if (command == "recommend") return patsel::cli::run_recommend(argc, argv);
  if (command == "related") return patsel::cli::run_related(argc, argv);
  if (command == "migrate") return patsel::cli::run_migrate(argc, argv);
  if (command == "timeline") return patsel::cli::run_timeline(argc, argv);
  if (command == "path") return patsel::cli::run_path(argc, argv);
  if (command == "stack") return patsel::cli::run_stack(argc, argv);
  if (command == "compare") return patsel::cli::run_compare(argc, argv);
  if (command == "compositions") return patsel::cli::run_compositions(argc, argv);
  if (command == "problems") return patsel::cli::run_problems(argc, argv);
  if (command == "cards") return patsel::cli::run_cards(argc, argv);
  std::cerr << "patsel: unknown command '" << command << "'\n" << kUsage;
  return 2;
}
