#include "engine_io.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace patsel::cli {

using nlohmann::json;

std::string default_catalog() {
  if (const char* env = std::getenv("PATSEL_CATALOG"); env && *env) return env;
  return PATSEL_DEFAULT_CATALOG;
}

bool load(const Args& args, api::Engine& engine) {
  const std::string path = args.value("--catalog").value_or(default_catalog());
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "patsel: cannot read catalog " << path << "\n";
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  // $PATSEL_LOAD_OPTIONS: the engine's load options (limits), e.g.
  // '{"max_catalog_bytes": 134217728}' for a catalog over 64 MiB.
  const char* options = std::getenv("PATSEL_LOAD_OPTIONS");
  json envelope = json::parse(engine.load(text.str(), options ? options : ""));
  if (!envelope["ok"].get<bool>()) {
    std::cerr << "patsel: " << path << ": [" << envelope["error"]["code"].get<std::string>() << "] "
              << envelope["error"]["message"].get<std::string>() << "\n";
    return false;
  }
  return true;
}

bool usage_ok(const Args& args, const char* command, std::size_t min, std::size_t max) {
  std::string problem = args.error();
  const std::size_t n = args.positional().size();
  if (problem.empty() && n < min) problem = "missing arguments";
  if (problem.empty() && n > max) problem = max == 0 ? "takes no positional arguments" : "too many arguments";
  if (problem.empty()) return true;
  std::cerr << "patsel " << command << ": " << problem << " (see patsel --help)\n";
  return false;
}

}  // namespace patsel::cli
