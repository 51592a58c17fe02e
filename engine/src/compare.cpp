// compare_patterns(): the side-by-side table.

#include <algorithm>

#include "json_util.hpp"
#include "number_text.hpp"
#include "patsel/compare.hpp"

namespace patsel {
namespace {

using detail::child;
using detail::json;
using Cell = std::vector<std::string>;

Cell one(const std::string& text) { return text.empty() ? Cell{} : Cell{text}; }

std::string counted(std::size_t n, const std::string& one_word, const std::string& many_words) {
  return std::to_string(n) + " " + (n == 1 ? one_word : many_words);
}

// What running the pattern asks of a team: maintenance level and how much
// there is to watch, alert on and do regularly.
Cell operations(const PatternEffort& effort) {
  Cell cell;
  if (!effort.maintenance.empty()) cell.push_back("maintenance: " + effort.maintenance);
  const json& ops = child(effort.pattern->data, "operational_considerations");
  const json& monitoring = child(ops, "monitoring");
  const json& alerting = child(ops, "alerting");
  const json& maintenance = child(ops, "maintenance");
  if (monitoring.is_array() && !monitoring.empty()) cell.push_back(counted(monitoring.size(), "metric to watch", "metrics to watch"));
  if (alerting.is_array() && !alerting.empty()) cell.push_back(counted(alerting.size(), "alert", "alerts"));
  if (maintenance.is_array() && !maintenance.empty()) {
    std::string line = counted(maintenance.size(), "recurring task", "recurring tasks");
    std::string frequencies;
    for (const json& task : maintenance) {
      std::string f = detail::string_or(task, "frequency");
      if (!f.empty() && frequencies.find(f) == std::string::npos) frequencies += (frequencies.empty() ? "" : ", ") + f;
    }
    cell.push_back(frequencies.empty() ? line : line + " (" + frequencies + ")");
  }
  return cell;
}

std::string signed_weight(double weight) {
  return (weight > 0 ? "+" : "") + detail::number_text(weight);
}

}  // namespace

Comparison compare_patterns(const Catalog& catalog, const RuleBook& book, const RelationGraph& graph,
                            const std::vector<const Pattern*>& patterns) {
  Comparison out;
  out.patterns = patterns;
  std::vector<PatternEffort> efforts;
  for (const Pattern* p : patterns) efforts.push_back(effort_of(catalog, *p));

  auto row = [&](const std::string& attribute, const std::string& label, auto cell_of) {
    CompareRow r{attribute, label, {}};
    for (std::size_t i = 0; i < patterns.size(); ++i) r.cells.push_back(cell_of(*patterns[i], efforts[i]));
    if (std::any_of(r.cells.begin(), r.cells.end(), [](const Cell& c) { return !c.empty(); }))
      out.rows.push_back(std::move(r));
  };
  auto text = [](const char* key) {
    return [key](const Pattern& p, const PatternEffort&) { return one(detail::string_or(p.data, key)); };
  };
  auto list = [](const char* key, const char* inner = nullptr) {
    return [key, inner](const Pattern& p, const PatternEffort&) {
      return inner ? detail::strings(child(p.data, key), inner) : detail::strings(p.data, key);
    };
  };

  row("tier", "Tier", [](const Pattern& p, const PatternEffort&) { return one(std::string(to_string(p.tier))); });
  row("status", "Status", text("status"));
  row("relevance", "Relevance", text("relevance"));
  row("difficulty", "Difficulty", text("difficulty"));
  row("effort", "Implementation effort", [](const Pattern&, const PatternEffort& e) { return one(e.complexity); });
  row("time_to_implement", "Time to implement",
      [](const Pattern&, const PatternEffort& e) { return one(e.time_to_implement); });
  row("team_size", "Team size", [](const Pattern&, const PatternEffort& e) { return one(e.team_size); });
  row("expertise", "Expertise required", [](const Pattern&, const PatternEffort& e) { return e.expertise; });
  row("operations", "Operational burden", [](const Pattern&, const PatternEffort& e) { return operations(e); });

  // One row per profile field: rules that depend on that field alone.
  for (std::size_t f = 0; f < book.fields.size(); ++f) {
    row("fit:" + book.fields[f].id, book.fields[f].label, [&](const Pattern& p, const PatternEffort&) {
      Cell cell;
      for (const Rule& rule : book.rules) {
        std::vector<std::size_t> fields;
        condition_fields(rule.when, fields);
        if (fields != std::vector<std::size_t>{f}) continue;
        for (const RuleEffect& effect : rule.effects)
          if (effect.pattern == p.id) cell.push_back(describe(book, rule.when) + ": " + signed_weight(effect.weight));
      }
      return cell;
    });
  }

  row("when_to_use", "When to use", list("when_to_use"));
  row("when_not_to_use", "When not to use", list("when_not_to_use"));
  row("best_for", "Best for", list("best_for"));
  row("pros", "Pros", list("trade_offs", "pros"));
  row("cons", "Cons", list("trade_offs", "cons"));

  for (std::size_t a = 0; a < patterns.size(); ++a)
    for (std::size_t b = a + 1; b < patterns.size(); ++b)
      for (const Edge* e : graph.between(patterns[a]->id, patterns[b]->id))
        out.relations.push_back({patterns[a], patterns[b], e});
  return out;
}

}  // namespace patsel
