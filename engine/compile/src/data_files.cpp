#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "checks.hpp"
#include "health_fields.hpp"
#include "json_walk.hpp"
#include "text_util.hpp"
#include "tree_checks.hpp"
#include "rule_checks.hpp"
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
  json value;
  LineMap lines;
  bool ok = false;
};

int line_at(const LoadedFile& file, const std::string& path);

LoadedFile load_yaml(const fs::path& path, const std::string& display, const PageLimits& limits, Report& report) {
  LoadedFile file{display, json(), {}, false};
  std::error_code size_error;
  if (auto size = fs::file_size(path, size_error); !size_error && size > limits.max_bytes) {
    report.error("data.too_large", display, 0, 0,
                 "the file has more than " + std::to_string(limits.max_bytes) +
                     " bytes (the limit; raise it with --max-page-bytes); ignored");
    return file;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream stream;
  stream << in.rdbuf();
  std::string text = stream.str();
  const TextRepair repair = repair_text(text);
  if (repair.invalid)
    report.warning("data.invalid_utf8", display, repair.first_invalid.first, repair.first_invalid.second,
                   "the file is not valid UTF-8 (" + counted(repair.invalid, "bad sequence") +
                       ", the first here); replaced with U+FFFD");
  if (repair.nul)
    report.warning("data.nul_byte", display, repair.first_nul.first, repair.first_nul.second,
                   "the file holds " + counted(repair.nul, "NUL byte") + " (the first here); replaced with U+FFFD");
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {
    report.error("data.too_large", display, e.mark.line + 1, e.mark.column + 1,
                 "nests deeper than the YAML parser allows (" + std::to_string(e.depth()) + " levels); ignored");
    return file;
  } catch (const YAML::Exception& e) {
    report.error("data.yaml_syntax", display, e.mark.is_null() ? 0 : e.mark.line + 1,
                 e.mark.is_null() ? 0 : e.mark.column + 1, "not valid YAML: " + yaml_error_message(e.msg));
    return file;
  }
  std::size_t used = 0;
  ConvertError error;
  auto value = to_json(root, true, {limits.max_yaml_nodes, limits.max_depth}, used, error, &file.lines, 1);
  if (!value && error.too_deep) {  // at the node that crosses the limit
    report.error("data.too_large", display, error.mark.is_null() ? 0 : error.mark.line + 1,
                 error.mark.is_null() ? 0 : error.mark.column + 1, error.message + "; ignored");
    return file;
  }
  if (!value) {  // an alias bomb: at the top-level key that expands it (its nodes point back at the anchors)
    const std::string key =
        error.path.size() > 2 ? error.path.substr(2, error.path.find_first_of(".[", 2) - 2) : std::string();
    report.error("data.too_large", display, key.empty() ? 0 : line_at(file, "$." + key), 0,
                 (key.empty() ? "" : "'" + key + "': ") + error.message + "; ignored");
    return file;
  }
  if (!value->is_object()) {
    report.error("data.not_a_mapping", display, 1, 1, "a data file must be a mapping of section names to lists");
    return file;
  }
  file.value = std::move(*value);
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

json load_data_files(const fs::path& root, const std::string& display_root, const Resolver& resolver,
                     const PageLimits& limits, Report& report) {
  json out = json::object();
  std::map<std::string, LoadedFile> files;
  std::set<std::string> known_files;
  for (const Section& s : sections()) known_files.insert(s.file);

  for (const Section& s : sections()) {
    fs::path path = root / s.file;
    if (!fs::exists(path)) continue;
    auto [it, fresh] = files.try_emplace(s.file);
    if (fresh) it->second = load_yaml(path, display_root + s.file, limits, report);
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

  // Top-level keys and files nobody reads are most likely typos.
  for (auto& [name, file] : files) {
    if (!file.ok) continue;
    const std::string& file_name = name;  // C++17 lambdas cannot capture a structured binding (clang refuses)
    for (auto it = file.value.begin(); it != file.value.end(); ++it) {
      bool known = std::any_of(sections().begin(), sections().end(), [&](const Section& s) {
        return file_name == s.file && it.key() == s.key;
      });
      if (!known)
        report.warning("data.unknown_section", file.display, line_at(file, "$." + it.key()), 0,
                       "'" + it.key() + "' is not a section of " + name + "; ignored");
    }
  }
  if (fs::exists(root) && fs::is_directory(root)) {
    std::vector<std::string> strays;
    for (const auto& entry : fs::directory_iterator(root)) {
      std::string name = entry.path().filename().string();
      if (entry.is_regular_file() && entry.path().extension() == ".yaml" && !known_files.count(name))
        strays.push_back(name);
    }
    std::sort(strays.begin(), strays.end());
    for (const std::string& name : strays)
      report.warning("data.unknown_file", display_root + name, 0, 0, "not a catalog data file; ignored");
  }

  if (auto profile = out.find("profile"); profile != out.end() && out.contains("rules"))
    check_rules(*profile, out["rules"], files.at("rules.yaml").display, files.at("rules.yaml").lines, report);

  if (auto model = out.find("health_signals"); model != out.end())
    check_health_model(*model, files.at("health.yaml").display, files.at("health.yaml").lines, report);

  // Trees, one per file, in file-name order.
  json trees = json::array();
  fs::path tree_dir = root / "trees";
  if (fs::is_directory(tree_dir)) {
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(tree_dir))
      if (entry.is_regular_file() && entry.path().extension() == ".yaml") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    std::set<std::string> tree_ids;
    for (const fs::path& path : paths) {
      LoadedFile file = load_yaml(path, display_root + "trees/" + path.filename().string(), limits, report);
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
  return out;
}

}  // namespace patsel::compile::detail
