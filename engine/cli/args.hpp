#pragma once
// A small command-line parser: `--name value`, `--name=value`, `--flag`,
// and positional arguments, checked against what a subcommand accepts.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace patsel::cli {

struct OptionSpec {
  std::set<std::string> flags;        ///< take no value, e.g. "--json"
  std::set<std::string> with_value;   ///< take one value, e.g. "--catalog"
};

class Args {
 public:
  /// Parses argv[first..]; on a usage problem, `error()` says what.
  Args(int argc, char** argv, int first, const OptionSpec& spec);

  const std::string& error() const { return error_; }
  bool has(const std::string& flag) const { return flags_.count(flag) > 0; }
  std::optional<std::string> value(const std::string& option) const;
  const std::vector<std::string>& positional() const { return positional_; }

  /// "gold,silver" -> {"gold", "silver"}; empty when the option is absent.
  std::vector<std::string> list(const std::string& option) const;

 private:
  std::set<std::string> flags_;
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
  std::string error_;
};

}  // namespace patsel::cli
