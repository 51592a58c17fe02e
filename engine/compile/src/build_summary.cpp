// The end of a compile report: what compiled, and where the problems are.

#include <algorithm>
#include <map>

#include "patsel/compile/build.hpp"
#include "text_util.hpp"

namespace patsel::compile {
namespace {

std::string padded(const std::string& name, std::size_t width) {
  return "  " + name + std::string(width > name.size() ? width - name.size() : 0, ' ') + "  ";
}

std::string counts_line(const BuildStats& stats) {
  std::string text = "compiled " + std::to_string(stats.patterns) + " patterns from " + std::to_string(stats.pages) +
                     " pages";
  int skipped = 0;
  std::string reasons;
  for (const auto& [reason, count] : stats.skipped) {
    skipped += count;
    reasons += (reasons.empty() ? "" : ", ") + std::to_string(count) + " " + reason;
  }
  if (skipped) text += "; " + std::to_string(skipped) + " not patterns (" + reasons + ")";
  if (stats.duplicates) text += "; " + detail::counted(stats.duplicates, "duplicate page") + " merged";
  if (stats.failed) text += "; " + std::to_string(stats.failed) + " left out because of errors";
  if (stats.body_relations)
    text += "; " + detail::counted(stats.body_relations, "relation") + " from Related sections";
  if (stats.cached) text += "; " + detail::counted(stats.cached, "unchanged page") + " from the cache";
  return text + "\n";
}

}  // namespace

std::string build_summary(const BuildOutput& out) {
  std::string text = counts_line(out.stats);
  if (out.report.empty()) return text;

  struct Counts {
    std::size_t errors = 0, warnings = 0;
  };
  std::map<std::string, Counts> rules;
  for (const Diagnostic& d : out.report.sorted())
    (d.severity == Severity::error ? rules[d.rule].errors : rules[d.rule].warnings)++;
  std::size_t width = 0;
  for (const auto& [rule, counts] : rules) width = std::max(width, rule.size());
  for (const auto& [field, counts] : out.stats.fields) width = std::max(width, field.size());

  text += "problems by rule:\n";
  for (const auto& [rule, counts] : rules) {
    std::string parts;
    if (counts.errors) parts = detail::counted(counts.errors, "error");
    if (counts.warnings) parts += (parts.empty() ? "" : ", ") + detail::counted(counts.warnings, "warning");
    text += padded(rule, width) + parts + "\n";
  }
  if (!out.stats.fields.empty()) {
    text += "fields, by the pages that wrote them:\n";
    for (const auto& [field, counts] : out.stats.fields) {
      text += padded(field, width) + std::to_string(counts.kept) + " kept";
      if (counts.dropped) text += ", " + std::to_string(counts.dropped) + " dropped";
      text += "\n";
    }
  }
  return text;
}

}  // namespace patsel::compile
