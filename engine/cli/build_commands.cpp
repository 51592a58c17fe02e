// `patsel build`, `patsel validate` and `patsel search-catalog`.

#include <algorithm>
#include <charconv>
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "engine_io.hpp"
#include "patsel/catalog.hpp"
#include "patsel/compile/build.hpp"

namespace patsel::cli {
namespace {

const OptionSpec kSpec{{"--strict", "--quiet", "--no-body-relations"}, {"-o", "--output", "--data", "--format", "--max-page-bytes", "--cache"}};

// Shared by build and validate: parse, compile, print the report.
struct Run {
  Args args;
  compile::BuildOutput out;
  bool failed = false;  // errors, or warnings under --strict
};

int compile_source(Run& run, const char* command) {
  if (!run.args.error().empty() || run.args.positional().size() != 1) {
    std::cerr << "patsel " << command << ": "
              << (run.args.error().empty() ? "expects one SOURCE directory" : run.args.error())
              << " (see patsel --help)\n";
    return 2;
  }
  const std::string format = run.args.value("--format").value_or("text");
  if (format != "text" && format != "json") {
    std::cerr << "patsel " << command << ": --format is text or json\n";
    return 2;
  }
  compile::BuildOptions options;
  if (auto data = run.args.value("--data")) options.data_dir = *data;
  options.body_relations = !run.args.has("--no-body-relations");
  if (auto bytes = run.args.value("--max-page-bytes")) {
    // Up to 1 TiB: enough for anyone, and far from overflowing a size_t.
    unsigned long long value = 0;
    auto [end, ec] = std::from_chars(bytes->data(), bytes->data() + bytes->size(), value);
    if (ec != std::errc() || end != bytes->data() + bytes->size() || value == 0 || value > (1ULL << 40)) {
      std::cerr << "patsel " << command << ": --max-page-bytes takes a number of bytes from 1 to 2^40, not '"
                << *bytes << "'\n";
      return 2;
    }
    options.limits.max_bytes = static_cast<std::size_t>(value);
    // A bigger page may hold more text: the budget of text with aliases
    // expanded stays four times the page limit.
    options.limits.max_yaml_bytes = std::max(options.limits.max_yaml_bytes, options.limits.max_bytes * 4);
  }
  if (auto cache = run.args.value("--cache")) options.cache = *cache;
  run.out = compile::build_catalog(run.args.positional()[0], options);
  if (!run.out.cache_problem.empty()) std::cerr << "patsel " << command << ": " << run.out.cache_problem << "\n";
  const auto& report = run.out.report;
  run.failed = report.errors() > 0 || (run.args.has("--strict") && report.warnings() > 0);
  if (format == "json") {
    auto json = report.to_json();
    const auto& stats = run.out.stats;
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& [field, count] : stats.fields) fields[field] = {{"kept", count.kept}, {"dropped", count.dropped}};
    nlohmann::json rules = nlohmann::json::object();
    for (const auto& d : report.sorted()) rules[d.rule] = rules.value(d.rule, 0) + 1;
    json["stats"] = {{"pages", stats.pages},         {"patterns", stats.patterns},
                     {"failed", stats.failed},       {"skipped", stats.skipped},
                     {"duplicates", stats.duplicates}, {"body_relations", stats.body_relations},
                     {"cached", stats.cached},
                     {"rules", rules},               {"fields", fields}};
    // `replace`: a file name that is not UTF-8 must not abort the report.
    std::cout << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else if (!run.args.has("--quiet") || !report.empty()) {
    std::cerr << report.to_text() << compile::build_summary(run.out);
  }
  return -1;
}

// Ends a command that compiled the source, leaving what it built (the
// catalog's document above all) for the operating system to take back
// when the process exits, as compilers do: freeing a large site's records
// one by one takes most of a second (20,000 pages: 0.7 s) and helps no one.
int ending(Run& run, int code) {
  // Volatile, so the store stays and leak checkers see the output reachable.
  [[maybe_unused]] static const compile::BuildOutput* volatile left = nullptr;
  left = new compile::BuildOutput(std::move(run.out));
  return code;
}

}  // namespace

int run_build(int argc, char** argv) {
  Run run{Args(argc, argv, 2, kSpec), {}, false};
  if (int code = compile_source(run, "build"); code >= 0) return code;
  if (run.failed && run.args.has("--strict")) {
    std::cerr << "patsel build: --strict and problems were found; nothing written\n";
    return 1;
  }
  // A missing, unreadable or empty source gives no catalog to write: the
  // previous one stays as it was.
  if (!run.out.writable) {
    std::cerr << "patsel build: the source could not be read whole or gave no pattern; nothing written\n";
    return 1;
  }
  std::string output = run.args.value("-o").value_or(
      run.args.value("--output").value_or(run.args.positional()[0] + "/catalog.json"));
  if (auto error = compile::write_catalog_file(output, run.out.catalog)) {
    std::cerr << "patsel build: " << error->to_string() << "\n";
    return ending(run, 1);
  }
  if (run.args.value("--format").value_or("text") == "text" && !run.args.has("--quiet"))
    std::cerr << "wrote " << output << "\n";
  return ending(run, run.failed ? 1 : 0);
}

int run_validate(int argc, char** argv) {
  Run run{Args(argc, argv, 2, kSpec), {}, false};
  if (int code = compile_source(run, "validate"); code >= 0) return code;
  return ending(run, run.failed ? 1 : 0);
}

// `patsel search-catalog`: the catalog cut down to what the explorer
// searches, filters and shows (patsel::search_catalog), as compact JSON.
int run_search_catalog(int argc, char** argv) {
  Args args(argc, argv, 2, {{}, {"--catalog", "-o", "--output"}});
  const auto output = args.value("-o") ? args.value("-o") : args.value("--output");
  if (!args.error().empty() || !args.positional().empty() || !output) {
    std::cerr << "patsel search-catalog: "
              << (!args.error().empty() ? args.error() : !output ? "-o FILE is required" : "takes no positional arguments")
              << " (see patsel --help)\n";
    return 2;
  }
  const std::string source = args.value("--catalog").value_or(default_catalog());
  auto text = read_catalog(source);
  if (!text) return 1;
  // The byte limit guards pages against hostile catalogs; here the catalog
  // is the maintainer's own file, so any size is read.
  CatalogLimits limits;
  limits.max_bytes = std::max(limits.max_bytes, text->size());
  auto catalog = Catalog::from_owned_json(std::move(*text), limits);
  if (!catalog) {
    std::cerr << "patsel search-catalog: " << source << ": " << catalog.error().to_string() << "\n";
    return 1;
  }
  for (const Error& warning : catalog.value().warnings())
    std::cerr << "patsel search-catalog: " << source << ": " << warning.to_string() << "\n";
  if (auto error = compile::write_file_atomically(*output, search_catalog(catalog.value()).dump())) {
    std::cerr << "patsel search-catalog: " << error->to_string() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace patsel::cli
