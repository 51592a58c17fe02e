// compare_patterns(): the side-by-side table.

#include <algorithm>
#include <map>

#include "json_util.hpp"
#include "patsel/compare.hpp"
#include "patsel/recommend.hpp"

namespace patsel {
namespace {

using detail::child;
using detail::json;

CompareCell one(const std::string& text) { return text.empty() ? CompareCell{} : CompareCell{{text, Fit::none}}; }

CompareCell lines(const std::vector<std::string>& texts) {
  CompareCell cell;
  for (const std::string& t : texts) cell.push_back({t, Fit::none});
  return cell;
}

std::string counted(std::size_t n, const std::string& one_word, const std::string& many_words) {
  return std::to_string(n) + " " + (n == 1 ? one_word : many_words);
}

// "use-with-caution" -> "use with caution"; "very-high" -> "very high".
std::string words(std::string id) {
  std::replace(id.begin(), id.end(), '-', ' ');
  return id;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

Fit fit_of(double weight) { return weight > 0 ? Fit::good : weight < 0 ? Fit::poor : Fit::none; }

// The tier, then "Use with caution, declining", then the year.
CompareCell maturity(const Pattern& p) {
  CompareCell cell = one(std::string(to_string(p.tier)));
  std::string standing = words(p.status);
  const std::string& relevance = p.relevance;
  if (!relevance.empty()) standing += (standing.empty() ? "" : ", ") + words(relevance);
  if (!standing.empty()) cell.push_back({capitalised(standing), Fit::none});
  if (p.introduced_year) cell.push_back({"Introduced in " + std::to_string(p.introduced_year), Fit::none});
  return cell;
}

CompareCell complexity(const Pattern& p, const PatternEffort& e) {
  CompareCell cell;
  if (!e.complexity.empty()) cell.push_back({"Effort to build: " + words(e.complexity), Fit::none});
  const std::string& difficulty = p.difficulty;
  if (!difficulty.empty()) cell.push_back({"Difficulty: " + words(difficulty), Fit::none});
  return cell;
}

// "3-5 engineers, weeks to build", then each expertise asked for.
CompareCell team_time(const PatternEffort& e) {
  CompareCell cell;
  std::string first = e.team_size.empty() ? "" : e.team_size + " engineers";
  if (!e.time_to_implement.empty())
    first = first.empty() ? capitalised(e.time_to_implement) + " to build" : first + ", " + e.time_to_implement + " to build";
  if (!first.empty()) cell.push_back({first, Fit::none});
  for (const std::string& x : e.expertise) cell.push_back({"Expertise: " + x, Fit::none});
  return cell;
}

// What running the pattern asks of a team: maintenance level and how much
// there is to watch, alert on and do regularly.
CompareCell operations(const PatternEffort& effort) {
  CompareCell cell;
  if (!effort.maintenance.empty()) cell.push_back({"Maintenance: " + words(effort.maintenance), Fit::none});
  const json& ops = child(effort.pattern->record(), "operational_considerations");
  const json& monitoring = child(ops, "monitoring");
  const json& alerting = child(ops, "alerting");
  const json& maintenance = child(ops, "maintenance");
  if (monitoring.is_array() && !monitoring.empty())
    cell.push_back({capitalised(counted(monitoring.size(), "metric to watch", "metrics to watch")), Fit::none});
  if (alerting.is_array() && !alerting.empty())
    cell.push_back({capitalised(counted(alerting.size(), "alert", "alerts")), Fit::none});
  if (maintenance.is_array() && !maintenance.empty()) {
    std::string line = counted(maintenance.size(), "recurring task", "recurring tasks");
    std::string frequencies;
    for (const json& task : maintenance) {
      std::string f = detail::string_or(task, "frequency");
      if (!f.empty() && frequencies.find(f) == std::string::npos) frequencies += (frequencies.empty() ? "" : ", ") + f;
    }
    cell.push_back({frequencies.empty() ? line : line + " (" + frequencies + ")", Fit::none});
  }
  return cell;
}

// Relations in the order that says most about choosing between two
// patterns, each read in one direction: "A replaces B", never "B is
// replaced by A".
int weight_in_choice(Relation r) {
  switch (r) {
    case Relation::replaces: return 0;
    case Relation::requires_: return 1;
    case Relation::conflicts_with: return 2;
    case Relation::alternative: return 3;
    case Relation::evolves_from: return 4;
    case Relation::part_of: return 5;
    case Relation::complements: return 6;
    case Relation::enhances: return 7;
    default: return 8;
  }
}

bool read_backwards(Relation r) {
  return r == Relation::replaced_by || r == Relation::required_by || r == Relation::evolves_into ||
         r == Relation::has_part || r == Relation::enhanced_by;
}

// The pair's relations, each read the way weight_in_choice() lists it.
struct Stated {
  const Pattern* from;
  const Pattern* to;
  Relation relation;
  const Edge* edge;
};

std::vector<Stated> stated_between(const RelationGraph& graph, const Pattern* a, const Pattern* b) {
  std::vector<Stated> out;
  for (const Edge* e : graph.between(a->id, b->id)) {
    if (read_backwards(e->relation)) out.push_back({b, a, inverse(e->relation), e});
    else out.push_back({a, b, e->relation, e});
  }
  std::stable_sort(out.begin(), out.end(), [](const Stated& x, const Stated& y) {
    return weight_in_choice(x.relation) < weight_in_choice(y.relation);
  });
  return out;
}

}  // namespace

std::string_view to_string(Fit fit) {
  switch (fit) {
    case Fit::good: return "good";
    case Fit::poor: return "poor";
    default: return "";
  }
}

Comparison compare_patterns(const Catalog& catalog, const RuleBook& book, const RelationGraph& graph,
                            const std::vector<const Pattern*>& patterns, const Profile* profile) {
  Comparison out;
  out.patterns = patterns;
  std::vector<PatternEffort> efforts;
  for (const Pattern* p : patterns) efforts.push_back(effort_of(catalog, *p));

  auto row = [&](const std::string& attribute, const std::string& label, const std::string& group, auto cell_of,
                 bool even_empty = false) {
    CompareRow r{attribute, label, group, {}};
    for (std::size_t i = 0; i < patterns.size(); ++i) r.cells.push_back(cell_of(*patterns[i], efforts[i]));
    if (even_empty || std::any_of(r.cells.begin(), r.cells.end(), [](const CompareCell& c) { return !c.empty(); }))
      out.rows.push_back(std::move(r));
  };
  auto text = [](const char* key) {
    return [key](const Pattern& p, const PatternEffort&) { return one(detail::string_or(p.record(), key)); };
  };
  auto guarantee = [](const char* key) {
    return [key](const Pattern& p, const PatternEffort&) { return one(detail::string_or(child(p.record(), "guarantees"), key)); };
  };
  auto list = [](const char* key, const char* inner = nullptr) {
    return [key, inner](const Pattern& p, const PatternEffort&) {
      return lines(inner ? detail::strings(child(p.record(), key), inner) : detail::strings(p.record(), key));
    };
  };

  row("maturity", "Maturity and tier", "", [](const Pattern& p, const PatternEffort&) { return maturity(p); });
  if (profile) {
    std::map<const Pattern*, std::vector<Evidence>> reasons;
    for (PatternScore& s : score_patterns(catalog, book, *profile)) reasons[s.pattern] = std::move(s.reasons);
    // Kept when the rules say nothing about any of them: that is an answer too.
    row("fit", "Your requirements", "", [&](const Pattern& p, const PatternEffort&) {
      CompareCell cell;
      for (const Evidence& e : reasons[&p]) cell.push_back({e.reason, fit_of(e.weight)});
      return cell;
    }, true);
  }
  row("atomicity", "Atomicity", "Guarantees", guarantee("atomicity"));
  row("isolation", "Isolation", "Guarantees", guarantee("isolation"));
  row("consistency", "Consistency", "Guarantees", guarantee("consistency"));
  row("under_failure", "Under failure", "", text("under_failure"));
  row("latency_cost", "Latency cost", "", text("latency_cost"));
  row("complexity", "Complexity", "", [](const Pattern& p, const PatternEffort& e) { return complexity(p, e); });
  row("team_time", "Team and time", "", [](const Pattern&, const PatternEffort& e) { return team_time(e); });
  row("operations", "Operational burden", "", [](const Pattern&, const PatternEffort& e) { return operations(e); });
  row("when_to_use", "When to use", "", list("when_to_use"));
  row("when_not_to_use", "When not to use", "", list("when_not_to_use"));
  row("best_for", "Best for", "", list("best_for"));
  row("pros", "Pros", "", list("trade_offs", "pros"));
  row("cons", "Cons", "", list("trade_offs", "cons"));

  // Without a profile: what each rule on a single field says, in words.
  if (!profile) {
    for (std::size_t f = 0; f < book.fields.size(); ++f) {
      row("rules:" + book.fields[f].id, book.fields[f].label, "What the rules say", [&](const Pattern& p, const PatternEffort&) {
        CompareCell cell;
        for (const Rule& rule : book.rules) {
          std::vector<std::size_t> fields;
          condition_fields(rule.when, fields);
          if (fields != std::vector<std::size_t>{f}) continue;
          for (const RuleEffect& effect : rule.effects)
            if (effect.pattern == p.id && !effect.reason.empty())
              cell.push_back({capitalised(describe(book, rule.when)) + ": " + effect.reason, fit_of(effect.weight)});
        }
        return cell;
      });
    }
  }

  for (std::size_t a = 0; a < patterns.size(); ++a)
    for (std::size_t b = a + 1; b < patterns.size(); ++b) {
      const std::vector<Stated> stated = stated_between(graph, patterns[a], patterns[b]);
      if (stated.empty()) continue;
      const Stated& first = stated.front();
      CompareRelation relation{first.from, first.to, first.relation,
                               first.edge->notes.empty() ? std::string() : first.edge->notes.front(), {}};
      for (const Stated& s : stated)
        if (s.relation != first.relation &&
            std::find(relation.also.begin(), relation.also.end(), s.relation) == relation.also.end())
          relation.also.push_back(s.relation);
      out.relations.push_back(std::move(relation));
    }
  return out;
}

}  // namespace patsel
