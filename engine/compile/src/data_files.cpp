#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <map>
#include <set>

#include "checks.hpp"
#include "expansion.hpp"
#include "health_fields.hpp"
#include "json_walk.hpp"
#include "text_util.hpp"
#include "tree_checks.hpp"
#include "rule_checks.hpp"
#include "source_tree.hpp"
#include "yaml_convert.hpp"

namespace patsel::compile::detail {
namespace {

namespace fs = std::filesystem;

// A list in a data file that becomes a catalog section.
struct Section {
  const char* file;
  const char* key;        // top-level key in the file
  bool needs_id;          // items are objects with a unique `id`
  std::vector<const char*> references;  // pattern references inside each item
};

const std::vector<Section>& sections() {
  static const std::vector<Section> table = {
      {"laws.yaml", "laws", true, {}},
      {"laws.yaml", "pillars", true, {}},
      {"rules.yaml", "profile", true, {}},
      {"rules.yaml", "rules", true, {"effects/*/pattern"}},
      {"families.yaml", "families", true,
       {"timeline/*/pattern", "migration_triggers/*/from", "migration_triggers/*/to"}},
      {"problems.yaml", "problems", true, {"primary/*", "supporting/*"}},
      {"paths.yaml", "paths", true, {"stages/*/patterns/*"}},
      {"compositions.yaml", "compositions", true, {"pattern", "parts/*"}},
      {"avoid.yaml", "avoid", true, {"patterns/*", "instead/*"}},
      {"cards.yaml", "cards", true, {"essential/*", "important/*", "advanced/*"}},
      {"complexity.yaml", "complexity", false, {"pattern"}},
      {"dependencies.yaml", "dependencies", false, {"pattern", "builds_on/*"}},
      {"synonyms.yaml", "synonyms", false, {}},
      {"health.yaml", "health_signals", true, {}},
  };
  return table;
}

const std::vector<const char*> kTreeReferences = {"results/*/gold/*/pattern", "results/*/silver/*/pattern",
                                                  "results/*/bronze/*/pattern"};

struct LoadedFile {
  std::string display;
  json value = json::object();  ///< the sections read, converted
  LineMap lines;
  bool ok = false;
};

int line_at(const LoadedFile& file, const std::string& path);

// The top-level keys a data file is read for; empty for a tree file, whose
// keys are all read.
std::vector<std::string> keys_of(const std::string& file) {
  std::vector<std::string> keys;
  for (const Section& s : sections())
    if (file == s.file) keys.emplace_back(s.key);
  return keys;
}

std::size_t key_bytes(const YamlNode& map) {
  std::size_t bytes = 0;
  for (const auto& entry : map)
    if (entry.first.IsScalar()) bytes += entry.first.Scalar().size();
  return bytes;
}

// Reads one data file: each section is measured (aliases expanded) before
// it is converted, so a section past the budget is left out at its key and
// the others are kept.
LoadedFile load_yaml(const fs::path& path, const std::string& display, const std::vector<std::string>& wanted,
                     const PageLimits& limits, Report& report) {
  LoadedFile file;
  file.display = display;
  auto read = read_source(path, limits.max_bytes + 1);
  if (!read) {
    report.error(read.error().code, display, 0, 0, read.error().message);
    return file;
  }
  std::string text = std::move(read).value();
  if (text.size() > limits.max_bytes) {
    report.error("data.too_large", display, 0, 0,
                 "the file has more than " + std::to_string(limits.max_bytes) +
                     " bytes (the limit; raise it with --max-page-bytes); ignored");
    return file;
  }
  const TextRepair repair = repair_text(text);
  if (repair.invalid)
    report.warning("data.invalid_utf8", display, repair.first_invalid.first, repair.first_invalid.second,
                   "the file is not valid UTF-8 (" + counted(repair.invalid, "bad sequence") +
                       ", the first here); replaced with U+FFFD");
  if (repair.nul)
    report.warning("data.nul_byte", display, repair.first_nul.first, repair.first_nul.second,
                   "the file holds " + counted(repair.nul, "NUL byte") + " (the first here); replaced with U+FFFD");
  YamlDocument document;
  try {
    document = parse_yaml(text);
  } catch (const YAML::DeepRecursion& e) {
    report.error("data.too_large", display, e.mark.line + 1, e.mark.column + 1,
                 "nests deeper than the YAML parser allows (" + std::to_string(e.depth()) + " levels); ignored");
    return file;
  } catch (const YAML::Exception& e) {
    report.error("data.yaml_syntax", display, e.mark.is_null() ? 0 : e.mark.line + 1,
                 e.mark.is_null() ? 0 : e.mark.column + 1, "not valid YAML: " + yaml_error_message(e.msg));
    return file;
  }
  const YamlNode root = document.root();
  if (!root.IsMap()) {
    report.error("data.not_a_mapping", display, 1, 1, "a data file must be a mapping of section names to lists");
    return file;
  }
  const ExpansionLimits budget{limits.max_yaml_nodes, limits.max_yaml_bytes, limits.max_depth};
  if (key_bytes(root) > budget.max_bytes) {
    report.error("data.too_large", display, 1, 1,
                 "the file's keys come to more than " + std::to_string(budget.max_bytes) +
                     " bytes of text once aliases are expanded; ignored");
    return file;
  }
  file.lines["$"] = root.Mark().is_null() ? 1 : root.Mark().line + 1;

  std::vector<Member> members;
  std::set<std::string> seen;
  for (const auto& entry : root) {
    const std::string& key = entry.first.Scalar();
    const Place at = place_of(entry.first, 1);
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), key) == wanted.end()) {
      // Top-level keys nobody reads are most likely typos.
      report.warning("data.unknown_section", display, at.line, 0,
                     shown(key) + " is not a section of " + path.filename().string() + "; ignored");
    } else if (!seen.insert(key).second) {
      report.warning("data.duplicate_key", display, at.line, at.column,
                     shown(key) + " appears twice; the first one is kept");
    } else {
      members.push_back({entry.first, entry.second, {}, {}});
    }
  }
  fit_budget(members, budget, "sections of the file", 1);

  std::vector<DuplicateKey> duplicates;
  for (const Member& member : members) {
    const std::string& key = member.key.Scalar();
    if (!member.problem.empty()) {
      const Place at = place_of_mark(member.problem_at, 1);
      report.error("data.too_large", display, at.line, at.column, "'" + key + "': " + member.problem + "; left out");
      continue;
    }
    ConvertOptions options;
    options.limits = {limits.max_yaml_nodes, limits.max_depth, limits.max_yaml_bytes};
    options.lines = &file.lines;
    options.root_path = "$." + key;
    options.root_depth = 1;
    options.duplicates = &duplicates;
    std::size_t used = 0;
    ConvertError error;
    auto value = to_json(member.value, options, used, error);
    if (!value) {  // the budget was checked above: the last line of defence
      const Place at = place_of_mark(error.mark, 1);
      report.error("data.too_large", display, at.line, at.column, "'" + key + "': " + error.message + "; left out");
      continue;
    }
    file.value[key] = std::move(*value);
  }
  for (const DuplicateKey& d : duplicates) {
    const Place at = place_of_mark(d.mark, 1);
    report.warning("data.duplicate_key", display, at.line, at.column,
                   shown(d.key) + " appears twice in " + d.path + "; the first one is kept");
  }
  file.ok = true;
  return file;
}

int line_at(const LoadedFile& file, const std::string& path) {
  auto it = file.lines.find(path);
  return it == file.lines.end() ? 0 : it->second;
}

// Resolves the references of one item; unknown ones are errors and removed.
void resolve_item(json& item, const std::string& item_path, const std::vector<const char*>& references,
                  const LoadedFile& file, const Resolver& resolver, Report& report) {
  for (const char* reference_path : references) {
    visit_at(item, reference_path, item_path, [&](json& value, const std::string& path) {
      if (!value.is_string()) {
        report.error("ref.bad_value", file.display, line_at(file, path), 0, path + ": expected a pattern id");
        mark_dropped(value);
        return;
      }
      auto id = resolver.resolve(value.get<std::string>());
      if (!id) {
        report.error("ref.unknown", file.display, line_at(file, path), 0,
                     "'" + value.get<std::string>() + "' is not a pattern in the catalog" +
                         resolver.suggestion(value.get<std::string>()));
        mark_dropped(value);
      } else {
        value = *id;
      }
    });
  }
}

bool check_ids(const json& items, const std::string& section, const LoadedFile& file, Report& report) {
  std::set<std::string> seen;
  bool ok = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string path = "$." + section + "[" + std::to_string(i) + "]";
    const json& item = items[i];
    if (!item.is_object() || !item.contains("id") || !(item["id"].is_string() || item["id"].is_number_integer())) {
      report.error("data.missing_id", file.display, line_at(file, path), 0, path + ": every item needs an id");
      ok = false;
      continue;
    }
    std::string id = item["id"].is_string() ? item["id"].get<std::string>() : std::to_string(item["id"].get<long long>());
    if (!seen.insert(id).second) {
      report.error("data.duplicate_id", file.display, line_at(file, path), 0,
                   path + ": id '" + id + "' is used twice in " + section);
      ok = false;
    }
  }
  return ok;
}

}  // namespace

json load_data_files(const fs::path& root, const std::string& display_root, bool named, const Resolver& resolver,
                     const PageLimits& limits, Report& report) {
  json out = json::object();
  std::map<std::string, LoadedFile> files;
  std::set<std::string> known_files;
  for (const Section& s : sections()) known_files.insert(s.file);
  known_files.insert("vocabulary.yaml");  // read before the pages (build.cpp)
  bool vocabulary_seen = false;

  // The YAML files of the folder: links that loop, folders named like a
  // data file and unreadable files are reported here, once.
  for (const fs::path& path : yaml_files_in(root, display_root, report)) {
    const std::string name = path.filename().string();
    if (name == "vocabulary.yaml") {
      vocabulary_seen = true;
      continue;
    }
    if (known_files.count(name))
      files.emplace(name, load_yaml(path, display_root + name, keys_of(name), limits, report));
    else
      report.warning("data.unknown_file", display_root + name, 0, 0, "not a catalog data file; ignored");
  }

  for (const Section& s : sections()) {
    auto it = files.find(s.file);
    if (it == files.end()) continue;
    LoadedFile& file = it->second;
    if (!file.ok || !file.value.contains(s.key)) continue;
    json items = file.value[s.key];
    if (!items.is_array()) {
      report.error("data.expected_list", file.display, line_at(file, std::string("$.") + s.key), 0,
                   std::string("'") + s.key + "' should be a list");
      continue;
    }
    if (s.needs_id) check_ids(items, s.key, file, report);
    for (std::size_t i = 0; i < items.size(); ++i)
      resolve_item(items[i], std::string("$.") + s.key + "[" + std::to_string(i) + "]", s.references, file,
                   resolver, report);
    prune_dropped(items);
    out[s.key] = std::move(items);
  }

  if (auto profile = out.find("profile"); profile != out.end() && out.contains("rules"))
    check_rules(*profile, out["rules"], files.at("rules.yaml").display, files.at("rules.yaml").lines, report);

  if (auto model = out.find("health_signals"); model != out.end())
    check_health_model(*model, files.at("health.yaml").display, files.at("health.yaml").lines, report);

  // Trees, one per file, in file-name order.
  json trees = json::array();
  const fs::path tree_dir = root / "trees";
  std::size_t tree_files = 0;
  const Entry trees_entry = inspect(tree_dir);
  if (!trees_entry.problem_rule.empty()) {
    report.error(trees_entry.problem_rule, display_root + "trees", 0, 0, trees_entry.problem);
  } else if (trees_entry.kind == EntryKind::file) {
    report.error("source.unreadable", display_root + "trees", 0, 0, "is a file, not a folder of trees; left out");
  } else if (trees_entry.kind == EntryKind::folder) {
    const std::vector<fs::path> paths = yaml_files_in(tree_dir, display_root + "trees/", report);
    tree_files = paths.size();
    std::set<std::string> tree_ids;
    for (const fs::path& path : paths) {
      LoadedFile file = load_yaml(path, display_root + "trees/" + path.filename().string(), {}, limits, report);
      if (!file.ok) continue;
      resolve_item(file.value, "$", kTreeReferences, file, resolver, report);
      prune_dropped(file.value);
      if (!check_tree(file.value, file.display, file.lines, report)) continue;  // broken trees are left out
      std::string id = file.value["id"].get<std::string>();
      if (!tree_ids.insert(id).second) {
        report.error("tree.duplicate_id", file.display, line_at(file, "$.id"), 0, "tree id '" + id + "' is used twice");
        continue;
      }
      trees.push_back(std::move(file.value));
    }
  }
  out["trees"] = std::move(trees);
  // A data folder named on purpose (--data) with nothing in it is a mistake
  // in the command, not a catalog without trees and rules.
  if (named && files.empty() && tree_files == 0 && !vocabulary_seen) {
    std::string shown = display_root.empty() ? "." : display_root.substr(0, display_root.size() - 1);
    report.error("source.empty", shown, 0, 0,
                 "the data folder holds no catalog data file (laws.yaml, rules.yaml, families.yaml, problems.yaml, "
                 "paths.yaml, ... or trees/*.yaml)");
  }
  return out;
}

}  // namespace patsel::compile::detail
