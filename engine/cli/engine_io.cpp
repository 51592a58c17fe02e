#include "engine_io.hpp"

#include <cstdlib>
#include <fstream>

namespace patsel::cli {

using nlohmann::json;

std::string default_catalog() {
  if (const char* env = std::getenv("PATSEL_CATALOG"); env && *env) return env;
  return PATSEL_DEFAULT_CATALOG;
}

std::optional<std::string> read_catalog(const std::string& path) {
  auto unreadable = [&] {
    std::cerr << "patsel: cannot read catalog " << path << "\n";
    return std::nullopt;
  };
  std::ifstream in(path, std::ios::binary);
  if (!in) return unreadable();
  // Into a string of the file's size, so a catalog of 100 MB is copied once
  // (a stringstream grows by copying and hands its text over as one more
  // copy); a pipe, whose size is unknown, is read the same way piece by piece.
  std::string text;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : -1;
  in.clear();
  in.seekg(0, std::ios::beg);
  in.clear();
  if (size > 0) text.reserve(static_cast<std::size_t>(size));
  char piece[1 << 16];
  while (in.read(piece, sizeof piece) || in.gcount() > 0) text.append(piece, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return unreadable();
  return text;
}

bool load_file(const std::string& path, api::Engine& engine) {
  auto text = read_catalog(path);
  if (!text) return false;
  // $PATSEL_LOAD_OPTIONS: the engine's load options (limits), e.g.
  // '{"max_catalog_bytes": 134217728}' for a catalog over 64 MiB.
  const char* options = std::getenv("PATSEL_LOAD_OPTIONS");
  json envelope = json::parse(engine.load_owned(std::move(*text), options ? options : ""));
  if (!flag(envelope["ok"])) {
    std::cerr << "patsel: " << path << ": [" << cli::text(envelope["error"], "code") << "] "
              << cli::text(envelope["error"], "message") << "\n";
    return false;
  }
  return true;
}

bool load(const Args& args, api::Engine& engine) {
  return load_file(args.value("--catalog").value_or(default_catalog()), engine);
}

std::string text(const json& value) {
  if (value.is_string()) return value.get_ref<const std::string&>();
  if (value.is_null()) return {};
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string text(const json& object, const char* key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  return it == object.end() ? std::string() : text(*it);
}

int whole(const json& value) {
  if (!value.is_number()) return 0;
  const double n = value.get<double>();
  return n >= 2147483647.0 ? 2147483647 : n <= -2147483648.0 ? -2147483647 - 1 : static_cast<int>(n);
}

bool flag(const json& value) { return value.is_boolean() && value.get<bool>(); }

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
