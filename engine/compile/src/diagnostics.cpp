#include "patsel/compile/diagnostics.hpp"

#include <algorithm>
#include <tuple>

#include "text_util.hpp"

namespace patsel::compile {

std::string Diagnostic::to_string() const {
  std::string place = file;
  if (line > 0) place += ":" + std::to_string(line);
  if (line > 0 && column > 0) place += ":" + std::to_string(column);
  return place + ": " + (severity == Severity::error ? "error" : "warning") + ": " + message +
         " [" + rule + "]";
}

void Report::add(Diagnostic diagnostic) {
  detail::repair_text(diagnostic.message);
  items_.push_back(std::move(diagnostic));
}

void Report::error(std::string rule, std::string file, int line, int column, std::string message) {
  add({Severity::error, std::move(rule), std::move(file), line, column, std::move(message)});
}

void Report::warning(std::string rule, std::string file, int line, int column, std::string message) {
  add({Severity::warning, std::move(rule), std::move(file), line, column, std::move(message)});
}

std::vector<Diagnostic> Report::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.column, a.rule) < std::tie(b.file, b.line, b.column, b.rule);
  });
  return out;
}

std::size_t Report::errors() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t Report::warnings() const { return items_.size() - errors(); }

std::size_t Report::count(std::string_view rule) const {
  return std::count_if(items_.begin(), items_.end(), [&](const Diagnostic& d) { return d.rule == rule; });
}

std::string Report::to_text() const {
  std::string out;
  for (const Diagnostic& d : sorted()) out += d.to_string() + "\n";
  auto plural = [](std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  return out + plural(errors(), "error") + ", " + plural(warnings(), "warning") + "\n";
}

nlohmann::json Report::to_json() const {
  nlohmann::json items = nlohmann::json::array();
  for (const Diagnostic& d : sorted())
    items.push_back({{"severity", d.severity == Severity::error ? "error" : "warning"},
                     {"rule", d.rule},
                     {"file", d.file},
                     {"line", d.line},
                     {"column", d.column},
                     {"message", d.message}});
  return {{"errors", errors()}, {"warnings", warnings()}, {"diagnostics", items}};
}

}  // namespace patsel::compile
