
#include "checks.hpp"
#include "patsel/graph.hpp"
#include "json_walk.hpp"
#include "parallel.hpp"
#include "vocabulary.hpp"

namespace patsel::compile::detail {
namespace {

// Runs `check` on every page, on all cores; each page's diagnostics go to
// a report of its own, merged in page order, so the report reads as if
// the pages were checked one after the other.
template <class Pages, class Check>
void each_page(Pages& pages, Report& report, Check check) {
  std::vector<Report> found(pages.size());
  parallel_for(pages.size(), [&](std::size_t i) { check(pages[i], found[i]); });
  for (const Report& page_report : found) report.merge(page_report);
}

// The path of a reference field's pattern ids, as visit_at reads it:
// "related/*/pattern", "evolution/from/*".
std::string reference_path(const ReferenceField& field) {
  std::string path(field.field);
  if (!field.list.empty()) path += "/" + std::string(field.list);
  return path + (field.objects ? "/*/pattern" : "/*");
}

int line_of(const CompiledPage& page, const std::string& field) {
  auto it = page.lines.find(field);
  return it != page.lines.end() ? it->value("line", 0) : 0;
}

// The key as the author wrote it ("related_patterns", "when-to-use").
std::string key_of(const CompiledPage& page, const std::string& field) {
  auto it = page.lines.find(field);
  return it != page.lines.end() ? it->value("key", field) : field;
}

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

void resolve_page_references(std::vector<CompiledPage>& pages, const Resolver& resolver, Report& out) {
  each_page(pages, out, [&resolver](CompiledPage& page, Report& report) {
    normalize_alternatives(page.record, resolver);
    const std::string self = page.record.value("id", "");
    for (const ReferenceField& reference : kReferenceFields) {
      const std::string field(reference.field);
      const std::string key = key_of(page, field);
      visit_at(page.record, reference_path(reference), "$", [&](json& value, const std::string&) {
        if (!value.is_string()) {
          report.warning("ref.bad_value", page.file, line_of(page, field), 0,
                         "a pattern reference in '" + key + "' is not text; left out");
          mark_dropped(value);
          return;
        }
        const std::string name = value.get<std::string>();
        auto id = resolver.resolve(name);
        if (!id) {
          report.warning("ref.unknown", page.file, line_of(page, field), 0,
                         "'" + name + "' in '" + key + "' is not a pattern in the catalog" +
                             resolver.suggestion(name) + "; left out");
          mark_dropped(value);
        } else if (*id == self) {
          report.warning("ref.self", page.file, line_of(page, field), 0,
                         "'" + key + "' refers to the page itself; left out");
          mark_dropped(value);
        } else {
          value = *id;
        }
      });
    }
    prune_dropped(page.record);
  });
}

void check_tiers(const std::vector<CompiledPage>& pages, Report& out) {
  each_page(pages, out, [](const CompiledPage& page, Report& report) {
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
  });
}

}  // namespace patsel::compile::detail

namespace patsel::compile::detail {
namespace {

// Checks one vocabulary word inside a nested block; reports at the field's line.
void check_word(const CompiledPage& page, Report& report, const std::string& field, const std::string& where,
                const json& value, const Vocabulary& vocabulary) {
  if (value.is_string() && vocabulary.contains(value.get<std::string>())) return;
  report.warning("page.bad_value", page.file, line_of(page, field), 0,
                 "'" + where + "' is " + (value.is_string() ? "'" + value.get<std::string>() + "'" : value.dump()) +
                     ", not a " + std::string(vocabulary.name) + " (" + vocabulary.listing() + ")");
}

// Checks `key` of each item at `path` inside the block `field`
// ("decision_criteria", "complexity_factors/*", "impact").
void check_items(const CompiledPage& page, Report& report, const std::string& field, const char* path,
                 const char* key, const Vocabulary& vocabulary) {
  auto block = page.record.find(field);
  if (block == page.record.end()) return;
  json copy = *block;  // visit_at takes a mutable document
  visit_at(copy, path, field, [&](json& item, const std::string& where) {
    if (item.is_object() && item.contains(key))
      check_word(page, report, field, where + "." + key, item[key], vocabulary);
  });
}

void check_shape(const CompiledPage& page, Report& report, const std::string& field, bool ok, const std::string& shape) {
  if (!ok)
    report.warning("page.bad_shape", page.file, line_of(page, field), 0, "'" + field + "' should be " + shape);
}

bool list_of_objects_with(const json& value, const char* key) {
  if (!value.is_array()) return false;
  for (const json& item : value)
    if (!item.is_object() || !item.contains(key) || !item[key].is_string()) return false;
  return true;
}

// An object whose members are among `keys`, each text.
bool object_of_texts(const json& value, std::initializer_list<const char*> keys) {
  if (!value.is_object()) return false;
  for (auto it = value.begin(); it != value.end(); ++it) {
    bool known = false;
    for (const char* k : keys) known = known || it.key() == k;
    if (!known || !it->is_string()) return false;
  }
  return true;
}

bool object_of_lists(const json& value, std::initializer_list<const char*> keys) {
  if (!value.is_object()) return false;
  for (auto it = value.begin(); it != value.end(); ++it) {
    bool known = false;
    for (const char* k : keys) known = known || it.key() == k;
    if (!known || !it->is_array()) return false;
  }
  return true;
}

}  // namespace

void check_blocks(const std::vector<CompiledPage>& pages, Report& out) {
  each_page(pages, out, [](const CompiledPage& page, Report& report) {
    const json& r = page.record;
    auto has = [&](const char* key) { return r.contains(key); };
    if (has("modern_examples"))
      check_shape(page, report, "modern_examples", list_of_objects_with(r["modern_examples"], "company"),
                  "a list of {company, implementation, scale}");
    if (has("trade_offs"))
      check_shape(page, report, "trade_offs", object_of_lists(r["trade_offs"], {"pros", "cons"}), "{pros: [...], cons: [...]}");
    if (has("guarantees"))
      check_shape(page, report, "guarantees", object_of_texts(r["guarantees"], {"atomicity", "isolation", "consistency"}),
                  "{atomicity, isolation, consistency}, each text");
    if (has("alternatives"))
      check_shape(page, report, "alternatives", list_of_objects_with(r["alternatives"], "pattern"), "a list of {pattern, when}");
    if (has("evolution"))
      check_shape(page, report, "evolution", object_of_lists(r["evolution"], {"from", "to", "future"}),
                  "{from: [...], to: [...], future: [...]}");
    if (has("migration_paths"))
      check_shape(page, report, "migration_paths", object_of_lists(r["migration_paths"], {"from", "to"}),
                  "{from: [{pattern, steps, guide}], to: [...]}");
    if (has("implementations"))
      check_shape(page, report, "implementations", list_of_objects_with(r["implementations"], "ecosystem"),
                  "a list of {ecosystem, libraries, notes}");
    if (has("implementation_complexity") && r["implementation_complexity"].is_object()) {
      const json& c = r["implementation_complexity"];
      if (c.contains("effort")) check_word(page, report, "implementation_complexity", "implementation_complexity.effort", c["effort"], kLevels);
      if (c.contains("team_size"))
        check_word(page, report, "implementation_complexity", "implementation_complexity.team_size", c["team_size"], kTeamSizes);
    }
    check_items(page, report, "decision_criteria", "complexity_factors/*", "impact", kLevels);
    check_items(page, report, "operational_considerations", "alerting/*", "severity", kSeverities);
    check_items(page, report, "pattern_combinations", "commonly_used_with/*", "relationship", kCombinationRelations);
  });
}

}  // namespace patsel::compile::detail
