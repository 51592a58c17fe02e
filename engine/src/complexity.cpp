#include "patsel/complexity.hpp"

#include <charconv>

#include "json_util.hpp"

namespace patsel {
namespace {

using detail::json;

// Vocabularies of data/complexity.yaml, lowest first; a word outside them
// ranks 0 and never wins a "highest".
int level_rank(const std::string& level) {
  static const char* kLevels[] = {"low", "medium", "high", "very-high"};
  for (int i = 0; i < 4; ++i)
    if (level == kLevels[i]) return i + 1;
  return 0;
}

int time_rank(const std::string& time) {
  static const char* kTimes[] = {"hours", "days", "weeks", "months"};
  for (int i = 0; i < 4; ++i)
    if (time == kTimes[i]) return i + 1;
  return 0;
}

// "1-2 weeks" -> "weeks": pattern pages may give a range before the unit.
std::string time_unit(const std::string& text) {
  for (const char* unit : {"month", "week", "day", "hour"})
    if (text.find(unit) != std::string::npos) return std::string(unit) + "s";
  return text;
}

// "3-5" -> 3, "5+" -> 5; a size without a leading number ranks 0.
int team_rank(const std::string& size) {
  int n = 0;
  std::from_chars(size.data(), size.data() + size.size(), n);
  return n * 2 + (size.find('+') != std::string::npos ? 1 : 0);
}

}  // namespace

PatternEffort effort_of(const Catalog& catalog, const Pattern& pattern) {
  PatternEffort effort;
  effort.pattern = &pattern;
  const json* block = detail::member(pattern.record(), "implementation_complexity");
  if (block && block->is_object()) {
    effort.complexity = detail::string_or(*block, "effort");
    effort.time_to_implement = time_unit(detail::string_or(*block, "timeline"));
    effort.team_size = detail::string_or(*block, "team_size");
    effort.expertise = detail::strings(*block, "expertise_required");
  }
  for (const json& row : catalog.section("complexity")) {
    if (detail::string_or(row, "pattern") != pattern.id) continue;
    if (auto v = detail::string_or(row, "complexity"); !v.empty()) effort.complexity = v;
    if (auto v = detail::string_or(row, "time_to_implement"); !v.empty()) effort.time_to_implement = v;
    effort.maintenance = detail::string_or(row, "maintenance");
    break;
  }
  return effort;
}

ComplexityEstimate estimate_complexity(const Catalog& catalog, const std::vector<const Pattern*>& patterns) {
  ComplexityEstimate estimate;
  for (const Pattern* p : patterns) {
    PatternEffort effort = effort_of(catalog, *p);
    if (!effort.known() && effort.maintenance.empty()) {
      estimate.unknown.push_back(p->id);
      continue;
    }
    const int rank = level_rank(effort.complexity);
    estimate.points += rank;
    if (rank > 0) ++estimate.by_level[effort.complexity];
    if (rank > level_rank(estimate.overall)) estimate.overall = effort.complexity;
    if (time_rank(effort.time_to_implement) > time_rank(estimate.longest)) estimate.longest = effort.time_to_implement;
    if (level_rank(effort.maintenance) > level_rank(estimate.maintenance)) estimate.maintenance = effort.maintenance;
    if (team_rank(effort.team_size) > team_rank(estimate.team_size)) estimate.team_size = effort.team_size;
    estimate.patterns.push_back(std::move(effort));
  }
  return estimate;
}

}  // namespace patsel
