#pragma once
// What the query subcommands share: loading the catalog into an engine and
// printing an api answer (raw JSON for --json, text otherwise).

#include <iostream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "args.hpp"
#include "patsel/api.hpp"

namespace patsel::cli {

/// The catalog queried when --catalog is not given: $PATSEL_CATALOG, else
/// the shipped data/catalog.json.
std::string default_catalog();

/// Params text for engine.call(). Command-line arguments are bytes, not
/// always UTF-8: a plain dump() throws on them (and the CLI aborts), so bad
/// bytes become U+FFFD and the engine answers "not a pattern" instead.
///
/// ```
/// engine.call("related", params_text({{"pattern", args.positional()[0]}}));
/// ```
inline std::string params_text(const nlohmann::json& params) {
  return params.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// A value of an answer as a person reads it: text as it is, a number in
/// its shortest form, true or false, "" for null; a list or object as
/// JSON. Text views print through text(), whole() and flag(), never
/// get<T>(), so whatever a catalog holds where a view expects text is
/// shown, not a crash.
std::string text(const nlohmann::json& value);
/// `text(object[key])`; "" when `object` is not an object or has no `key`.
std::string text(const nlohmann::json& object, const char* key);
/// A whole number for counts and columns; 0 when the value is not a number.
int whole(const nlohmann::json& value);
/// True only for the JSON value true.
bool flag(const nlohmann::json& value);

/// The bytes of the catalog file at `path`; prints the problem and returns
/// nullopt when it cannot be read.
std::optional<std::string> read_catalog(const std::string& path);
/// Loads the catalog file at `path` under $PATSEL_LOAD_OPTIONS; prints the
/// error and returns false on failure.
bool load_file(const std::string& path, api::Engine& engine);
/// Loads the catalog named by --catalog (load_file).
bool load(const Args& args, api::Engine& engine);

/// Prints an api answer: raw JSON for --json, else through `print_text`.
/// Returns the exit code: 0, or 1 when the engine answered with an error.
///
/// ```
/// return answer(args, engine.call("list", "{}"), [](const nlohmann::json& result) { ... });
/// ```
template <class Print>
int answer(const Args& args, const std::string& envelope_text, Print print_text) {
  nlohmann::json envelope = nlohmann::json::parse(envelope_text);
  if (!flag(envelope["ok"])) {
    std::cerr << "patsel: [" << text(envelope["error"], "code") << "] " << text(envelope["error"], "message") << "\n";
    return 1;
  }
  if (args.has("--json")) {
    std::cout << envelope["result"].dump(2) << "\n";
    return 0;
  }
  try {
    print_text(envelope["result"]);
  } catch (const nlohmann::json::exception& e) {
    // The last line of defence: a view that meets a shape it does not
    // know says so, and --json still shows the answer.
    std::cout.flush();
    std::cerr << "patsel: this answer holds a value the text view cannot show (" << e.what()
              << "); --json prints it as it is\n";
    return 1;
  }
  return 0;
}

/// Checks the usage of a query subcommand: no parse error and a number of
/// positional arguments in [min, max]; prints the problem and returns false.
bool usage_ok(const Args& args, const char* command, std::size_t min, std::size_t max);

}  // namespace patsel::cli
