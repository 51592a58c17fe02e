// patsel: compile and query the pattern catalog from a terminal or a script.

#include <cstring>
#include <iostream>
#include <string>

#include "commands.hpp"

namespace {

constexpr const char* kUsage = R"(patsel: the pattern-selector catalog tool

Usage:
  patsel build SOURCE [-o FILE] [--data DIR] [--strict] [--format text|json]
      Compile pattern pages (*.md with YAML front matter) and data files
      below SOURCE into a catalog (default FILE: SOURCE/catalog.json).
  patsel validate SOURCE [--data DIR] [--strict] [--format text|json]
      Check SOURCE without writing anything.
  patsel list [--tier gold,silver] [--category NAME,...] [--catalog FILE] [--json]
      List patterns of the catalog, gold first.
  patsel call [--catalog FILE]
      Raw engine api: one {"method": ..., "params": {...}} per stdin line,
      one JSON envelope per stdout line.

Options:
  --catalog FILE  the catalog to query (default: $PATSEL_CATALOG, else the
                  shipped data/catalog.json)
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
  std::cerr << "patsel: unknown command '" << command << "'\n" << kUsage;
  return 2;
}
