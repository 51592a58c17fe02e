
#include "checks.hpp"
#include "json_walk.hpp"

namespace patsel::compile::detail {
namespace {

// Where pattern references live in a record.
constexpr const char* kReferencePaths[] = {
    "related/*/pattern",
    "alternatives/*/pattern",
    "modern_alternatives/*/pattern",
    "migration_paths/from/*/pattern",
    "migration_paths/to/*/pattern",
    "pattern_combinations/commonly_used_with/*/pattern",
    "pattern_combinations/anti_patterns/*/pattern",
    "evolution/from/*",
    "evolution/to/*",
};

int line_of(const CompiledPage& page, const std::string& field) {
  auto it = page.lines.find(field);
  return it != page.lines.end() && it->is_number_integer() ? it->get<int>() : 0;
}

std::string field_of(const char* path) { return std::string(path).substr(0, std::string(path).find('/')); }

// modern_alternatives may be plain text ("Saga for long workflows"): a
// string that names a pattern becomes {pattern}, any other stays {text}.
void normalize_alternatives(json& record, const Resolver& resolver) {
  auto it = record.find("modern_alternatives");
  if (it == record.end()) return;
  if (it->is_string()) *it = json::array({*it});
  if (!it->is_array()) return;
  for (json& item : *it) {
    if (!item.is_string()) continue;
    std::string text = item.get<std::string>();
    if (auto id = resolver.resolve(text))
      item = {{"pattern", *id}};
    else
      item = {{"text", text}};
  }
}

}  // namespace

void resolve_page_references(std::vector<CompiledPage>& pages, const Resolver& resolver, Report& report) {
  for (CompiledPage& page : pages) {
    normalize_alternatives(page.record, resolver);
    const std::string self = page.record.value("id", "");
    for (const char* path : kReferencePaths) {
      const std::string field = field_of(path);
      visit_at(page.record, path, "$", [&](json& value, const std::string&) {
        if (!value.is_string()) {
          report.warning("ref.bad_value", page.file, line_of(page, field), 0,
                         "a pattern reference in '" + field + "' is not text; left out");
          mark_dropped(value);
          return;
        }
        const std::string reference = value.get<std::string>();
        auto id = resolver.resolve(reference);
        if (!id) {
          report.warning("ref.unknown", page.file, line_of(page, field), 0,
                         "'" + reference + "' in '" + field + "' is not a pattern in the catalog" +
                             resolver.suggestion(reference) + "; left out");
          mark_dropped(value);
        } else if (*id == self) {
          report.warning("ref.self", page.file, line_of(page, field), 0,
                         "'" + field + "' refers to the page itself; left out");
          mark_dropped(value);
        } else {
          value = *id;
        }
      });
    }
    prune_dropped(page.record);
  }
}

void check_tiers(const std::vector<CompiledPage>& pages, Report& report) {
  for (const CompiledPage& page : pages) {
    const json& r = page.record;
    const std::string tier = r.value("tier", "");
    const int tier_line = line_of(page, "tier");
    auto count = [&](const char* key) -> std::size_t {
      auto it = r.find(key);
      return it != r.end() && (it->is_array() || it->is_object()) ? it->size() : 0;
    };
    if (!r.contains("summary"))
      report.warning("page.missing_summary", page.file, 0, 0, "the page has no description");
    if (tier == "gold") {
      if (count("modern_examples") == 0)
        report.error("tier.gold_examples", page.file, tier_line, 0,
                     "a gold pattern needs modern_examples (companies using it in production)");
      else if (count("modern_examples") < 2)
        report.warning("tier.gold_examples", page.file, line_of(page, "modern_examples"), 0,
                       "a gold pattern should have two or more modern_examples");
      if (count("production_checklist") == 0)
        report.warning("tier.gold_checklist", page.file, tier_line, 0, "a gold pattern should have a production_checklist");
    } else if (tier == "silver") {
      if (count("trade_offs") == 0)
        report.warning("tier.silver_trade_offs", page.file, tier_line, 0, "a silver pattern should document trade_offs");
      if (count("best_for") == 0)
        report.warning("tier.silver_best_for", page.file, tier_line, 0, "a silver pattern should say what it is best_for");
    } else if (tier == "bronze") {
      if (count("modern_alternatives") == 0)
        report.error("tier.bronze_alternatives", page.file, tier_line, 0,
                     "a bronze pattern needs modern_alternatives");
      bool has_path = false;
      if (auto paths = r.find("migration_paths"); paths != r.end() && paths->is_object())
        if (auto to = paths->find("to"); to != paths->end() && to->is_array())
          for (const json& step : *to) has_path = has_path || step.contains("pattern");
      if (!has_path)
        report.error("tier.bronze_migration", page.file, tier_line, 0,
                     "a bronze pattern needs a migration path (migration_paths.to) to a pattern in the catalog");
    }
  }
}

}  // namespace patsel::compile::detail
