#pragma once
// What the compiler tells a maintainer: one diagnostic per problem, each
// with its place, a rule id and a message, printed as
//   data/patterns/x.md:4:17: warning: 'platinum' is not a tier (...) [page.bad_value]

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace patsel::compile {

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string rule;     ///< stable id, e.g. "page.bad_value"
  std::string file;     ///< path as given on the command line
  int line = 0;         ///< 1-based; 0 when the problem concerns the whole file
  int column = 0;       ///< 1-based; 0 when unknown
  std::string message;

  /// `file:line:col: error|warning: message [rule]`
  std::string to_string() const;
};

class Report {
 public:
  /// Adds one; a message that is not valid UTF-8 (yaml-cpp quotes single
  /// bytes of the input) gets U+FFFD, so reports are always valid UTF-8.
  void add(Diagnostic diagnostic);
  /// Appends every diagnostic of `other`.
  void merge(const Report& other) { items_.insert(items_.end(), other.items_.begin(), other.items_.end()); }
  void error(std::string rule, std::string file, int line, int column, std::string message);
  void warning(std::string rule, std::string file, int line, int column, std::string message);

  /// Diagnostics ordered by file, line, column, then rule: stable output.
  std::vector<Diagnostic> sorted() const;
  std::size_t errors() const;
  std::size_t warnings() const;
  /// How many diagnostics have this rule id.
  std::size_t count(std::string_view rule) const;
  bool empty() const { return items_.empty(); }
  /// In the order they were added.
  const std::vector<Diagnostic>& items() const { return items_; }

  /// One line per diagnostic, then `N errors, M warnings`.
  std::string to_text() const;
  nlohmann::json to_json() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace patsel::compile
