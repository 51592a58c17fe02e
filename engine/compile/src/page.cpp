#include "patsel/compile/page.hpp"

#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <regex>
#include <set>

#include "patsel/compile/front_matter.hpp"
#include "body_links.hpp"
#include "excerpt.hpp"
#include "expansion.hpp"
#include "health_fields.hpp"
#include "text_util.hpp"
#include "vocabulary.hpp"
#include "yaml_convert.hpp"

namespace patsel::compile {
namespace {

using detail::json;

// Everything one field conversion needs to report a problem at its place.
struct Context {
  const PageInput& page;
  Report& report;
  int first_line;
  const PageLimits& limits;
  const Terms& terms;
  detail::YamlNode key;  // the front-matter key being converted, where a whole-field problem is reported
  json moved_pillars = json::array();  // pillars named among related_laws

  void warn(const std::string& rule, const detail::YamlNode& at, const std::string& message) {
    auto place = detail::place_of(at, first_line);
    report.warning(rule, page.file, place.line, place.column, message);
  }
  void error(const std::string& rule, const detail::YamlNode& at, const std::string& message) {
    auto place = detail::place_of(at, first_line);
    report.error(rule, page.file, place.line, place.column, message);
  }
};

using Converter = std::function<std::optional<json>(const std::string& key, const detail::YamlNode&, Context&)>;

// --- field kinds -----------------------------------------------------------

// The text an author meant by a one-key mapping of scalars: "key: value".
std::optional<std::string> colon_text(const detail::YamlNode& node) {
  if (!node.IsDefined() || !node.IsMap() || node.size() != 1) return std::nullopt;
  auto entry = *node.begin();
  auto key = detail::scalar_text(entry.first);
  auto value = detail::scalar_text(entry.second);
  if (!key || !value) return std::nullopt;
  return *key + ": " + *value;
}

std::optional<json> text(const std::string& key, const detail::YamlNode& node, Context& ctx) {
  if (auto s = detail::scalar_text(node)) {
    if (s->empty()) return std::nullopt;
    return *s;
  }
  if (node.IsSequence()) {
    std::string joined;
    for (const detail::YamlNode& item : node)
      if (auto s = detail::scalar_text(item)) joined += (joined.empty() ? "" : "; ") + *s;
    ctx.warn("page.expected_text", node, "'" + key + "' should be text, not a list; joined its items");
    return joined.empty() ? std::nullopt : std::optional<json>(joined);
  }
  ctx.warn("page.expected_text", node, "'" + key + "' should be text; left out");
  return std::nullopt;
}

std::optional<json> text_list(const std::string& key, const detail::YamlNode& node, Context& ctx) {
  if (auto s = detail::scalar_text(node)) {
    if (s->empty()) return std::nullopt;
    ctx.warn("page.expected_list", node, "'" + key + "' should be a list; read as a one-item list");
    return json::array({*s});
  }
  if (!node.IsSequence()) {
    ctx.warn("page.expected_list", node, "'" + key + "' should be a list of text; left out");
    return std::nullopt;
  }
  json out = json::array();
  for (const detail::YamlNode& item : node) {
    if (auto s = detail::scalar_text(item)) {
      if (!s->empty()) out.push_back(*s);
    } else if (auto text = colon_text(item)) {
      // `- Memory is limited: about 10 bits` is a one-key mapping to YAML.
      ctx.warn("page.unquoted_colon", item, "an item of '" + key +
                                                "' reads as a mapping because of ': '; quote the item (read as text)");
      out.push_back(*text);
    } else {
      ctx.warn("page.expected_text", item, "items of '" + key + "' should be text; skipped one");
    }
  }
  return out;
}

// A list of text where one sentence is as natural ("best_for: Public
// APIs"): a string is a one-item list without a warning.
std::optional<json> sentence_or_list(const std::string& key, const detail::YamlNode& node, Context& ctx) {
  if (auto s = detail::scalar_text(node)) {
    if (s->empty()) return std::nullopt;
    return json::array({*s});
  }
  return text_list(key, node, ctx);
}

// A vocabulary word, or an alias of one. Template placeholders left in
// ("gold|silver|bronze") and words outside the vocabulary are warnings and
// leave the field unset; so, silently, does an alias to no value.
template <class List>
std::optional<std::string> word(const std::string& key, const detail::YamlNode& node, Context& ctx,
                                const List& vocabulary) {
  auto s = detail::scalar_text(node);
  if (!s) {
    ctx.warn("page.bad_value", node, "'" + key + "' should be one " + std::string(vocabulary.name) +
                                         " (" + vocabulary.listing() + ")");
    return std::nullopt;
  }
  std::string value = detail::fold_word(*s);
  if (value.empty()) return std::nullopt;
  if (const auto match = vocabulary.find(value); match.known) {
    if (match.value.empty()) return std::nullopt;
    return match.value;
  }
  if (value.find('|') != std::string::npos) {
    ctx.warn("page.placeholder", node, "'" + key + "' still holds the template placeholder " + detail::shown(*s) +
                                           "; pick one of " + vocabulary.listing());
    return std::nullopt;
  }
  ctx.warn("page.bad_value", node, detail::shown(*s) + " is not a " + std::string(vocabulary.name) + " (" +
                                       vocabulary.listing() + ")");
  return std::nullopt;
}

Converter choice(const detail::Vocabulary& vocabulary) {
  return [&vocabulary](const std::string& key, const detail::YamlNode& node, Context& ctx) -> std::optional<json> {
    if (auto w = word(key, node, ctx, vocabulary)) return *w;
    return std::nullopt;
  };
}

// A word of one of the site's lists (vocabulary.yaml).
Converter site_choice(WordList Terms::*list) {
  return [list](const std::string& key, const detail::YamlNode& node, Context& ctx) -> std::optional<json> {
    if (auto w = word(key, node, ctx, ctx.terms.*list)) return *w;
    return std::nullopt;
  };
}

std::optional<json> date(const std::string& key, const detail::YamlNode& node, Context& ctx) {
  static const std::regex year_month(R"(((?:19|20)[0-9]{2})(?:-(0[1-9]|1[0-2])(?:-[0-3][0-9])?)?)");
  auto s = detail::scalar_text(node);
  std::smatch m;
  // Short values only: libstdc++'s regex recurses per character.
  if (s && s->size() <= 32 && std::regex_match(*s, m, year_month))
    return m[2].matched ? m[1].str() + "-" + m[2].str() : m[1].str();
  ctx.warn("page.bad_date", node, "'" + key + "' should be a year or YYYY-MM, not " +
                                      (s ? detail::shown(*s) : std::string("a list")) + "; left out");
  return std::nullopt;
}

std::optional<json> minutes(const std::string& key, const detail::YamlNode& node, Context& ctx) {
  static const std::regex amount(R"(~?\s*([0-9]{1,3})\s*(m|min|mins|minutes?)?\.?)", std::regex::icase);
  auto s = detail::scalar_text(node);
  std::smatch m;
  if (s && s->size() <= 32 && std::regex_match(*s, m, amount)) return std::stoi(m[1].str());
  ctx.warn("page.bad_value", node, "'" + key + "' should be minutes like '12 min'; left out");
  return std::nullopt;
}

// Laws by number ("2", "law 2"), id ("asynchronous-reality") or title, in
// a flat list or {primary: [...], secondary: [...]}, each item plain or
// {number | id | law, aspect, description}. A pillar named among them is
// moved to related_pillars.
std::optional<json> laws(const std::string& key, const detail::YamlNode& node, Context& ctx) {
  json out = json::array();
  std::set<int> named;  // a law named twice keeps its first role
  auto add = [&](const detail::YamlNode& item, const char* role) {
    detail::YamlNode name = item;
    if (item.IsMap())
      for (const char* field : {"number", "id", "law", "name"})
        if (item[field].IsDefined()) {
          name = item[field];
          break;
        }
    auto s = detail::scalar_text(name);
    if (!s || s->empty()) {
      ctx.warn("page.bad_value", item, "items of '" + key + "' should name a law (" + ctx.terms.law_listing() +
                                           "); skipped one");
      return;
    }
    auto number = ctx.terms.law(*s);
    if (!number) {
      if (auto pillar = ctx.terms.pillar(*s)) {
        ctx.warn("page.pillar_in_laws", item, detail::shown(*s) + " is a pillar, not a law; moved to related_pillars");
        ctx.moved_pillars.push_back(*pillar);
        return;
      }
      ctx.warn("page.bad_value", item, detail::shown(*s) + " is not a law (" + ctx.terms.law_listing() + "); skipped");
      return;
    }
    if (!named.insert(*number).second) return;
    json entry = {{"law", *number}, {"role", role}};
    if (item.IsMap())
      for (const char* field : {"aspect", "description"})
        if (auto t = detail::scalar_text(item[field])) entry[field] = *t;
    out.push_back(entry);
  };
  if (node.IsSequence()) {
    for (const detail::YamlNode& item : node) add(item, "primary");
  } else if (node.IsMap()) {
    for (const auto& entry : node) {
      std::string role = detail::fold_word(entry.first.Scalar());
      if (role != "primary" && role != "secondary") {
        ctx.warn("page.bad_value", entry.first, "'" + key + "' has primary and secondary lists, not " +
                                                    detail::shown(entry.first.Scalar()));
        continue;
      }
      const char* stated = role == "primary" ? "primary" : "secondary";
      if (entry.second.IsSequence())
        for (const detail::YamlNode& item : entry.second) add(item, stated);
      else if (!entry.second.IsNull())
        add(entry.second, stated);
    }
  } else {
    add(node, "primary");
  }
  return out;
}

std::optional<json> pillars(const std::string& key, const detail::YamlNode& node, Context& ctx) {
  json out = json::array();
  auto add = [&](const detail::YamlNode& item) {
    auto s = detail::scalar_text(item);
    auto pillar = s ? ctx.terms.pillar(*s) : std::nullopt;
    if (!pillar) {
      ctx.warn("page.bad_value", item, detail::shown(s ? *s : std::string()) + " is not a pillar (" +
                                           ctx.terms.pillar_listing() + ")");
      return;
    }
    if (std::find(out.begin(), out.end(), *pillar) == out.end()) out.push_back(*pillar);
  };
  if (node.IsSequence())
    for (const detail::YamlNode& item : node) add(item);
  else
    add(node);
  (void)key;
  return out;
}

// related_patterns: strings (relation "related") or {pattern, relation, note}.
std::optional<json> related(const std::string& key, const detail::YamlNode& node, Context& ctx) {
  if (!node.IsSequence()) {
    ctx.warn("page.expected_list", node, "'" + key + "' should be a list of patterns; left out");
    return std::nullopt;
  }
  json out = json::array();
  for (const detail::YamlNode& item : node) {
    json entry = {{"relation", "related"}};
    if (auto s = detail::scalar_text(item)) {
      entry["pattern"] = *s;
    } else if (item.IsMap()) {
      for (const char* name : {"pattern", "id", "name"})
        if (auto s2 = detail::scalar_text(item[name]); s2 && !entry.contains("pattern")) entry["pattern"] = *s2;
      for (const char* name : {"relation", "relationship", "type"})
        if (item[name])
          if (auto w = word("relation", item[name], ctx, detail::kRelations)) entry["relation"] = *w;
      for (const char* name : {"note", "reason", "description"})
        if (auto s2 = detail::scalar_text(item[name]); s2 && !entry.contains("note")) entry["note"] = *s2;
    }
    if (!entry.contains("pattern")) {
      ctx.warn("page.bad_value", item, "an item of '" + key + "' names no pattern; skipped");
      continue;
    }
    out.push_back(entry);
  }
  return out;
}

// Nested blocks keep their YAML shape, with typed scalars. The page's
// budget was checked before (fit_budget); the conversion's own budget is
// the last line of defence.
std::optional<json> block(const std::string& key, const detail::YamlNode& node, Context& ctx) {
  detail::ConvertError error;
  std::vector<detail::DuplicateKey> duplicates;
  std::size_t used = 0;
  detail::ConvertOptions options;
  options.limits = {ctx.limits.max_yaml_nodes, ctx.limits.max_depth, ctx.limits.max_yaml_bytes};
  options.duplicates = &duplicates;
  auto value = detail::to_json(node, options, used, error);
  for (const detail::DuplicateKey& d : duplicates) {
    auto place = detail::place_of_mark(d.mark, ctx.first_line);
    ctx.report.warning("page.duplicate_key", ctx.page.file, place.line, place.column,
                       detail::shown(d.key) + " appears twice in a mapping of '" + key + "'; the first one is kept");
  }
  if (!value) {
    auto place = detail::place_of_mark(error.mark, ctx.first_line);
    ctx.report.error("page.too_large", ctx.page.file, place.line, place.column,
                     "'" + key + "': " + error.message + "; left out");
    return std::nullopt;
  }
  if (value->is_null()) return std::nullopt;
  return value;
}

// health and tier_history: dated, sourced signals (health_fields.cpp).
std::optional<json> health(const std::string& key, const detail::YamlNode& node, Context& ctx) {
  return detail::read_health(key, node, {ctx.page.file, ctx.first_line, ctx.report});
}

std::optional<json> tier_history(const std::string& key, const detail::YamlNode& node, Context& ctx) {
  return detail::read_tier_history(key, node, {ctx.page.file, ctx.first_line, ctx.report});
}

// --- the field table ---------------------------------------------------------

struct Field {
  std::vector<std::string_view> keys;  // snake_case spellings accepted, first is canonical
  std::string_view out;                // key in catalog.json
  Converter convert;
};

const std::vector<Field>& fields() {
  static const std::vector<Field> table = {
      {{"title"}, "title", text},
      {{"description", "summary"}, "summary", text},
      {{"aliases", "alias", "also_known_as"}, "aliases", text_list},
      {{"tagline"}, "tagline", text},
      {{"essential_question"}, "essential_question", text},
      {{"category"}, "category", site_choice(&Terms::category)},
      {{"domain"}, "domain", choice(detail::kDomains)},
      {{"subdomain"}, "subdomain", text},
      {{"layer"}, "layer", choice(detail::kLayers)},
      {{"tags", "keywords"}, "tags", text_list},
      {{"excellence_tier", "tier"}, "tier", choice(detail::kTiers)},
      {{"pattern_status", "status"}, "status", site_choice(&Terms::status)},
      {{"current_relevance", "relevance"}, "relevance", site_choice(&Terms::relevance)},
      {{"introduced"}, "introduced", date},
      {{"peak_usage"}, "peak_usage", text},
      {{"difficulty"}, "difficulty", site_choice(&Terms::difficulty)},
      {{"reading_time"}, "reading_time", minutes},
      {{"excellence_rationale", "rationale"}, "rationale", text},
      {{"modern_examples"}, "modern_examples", block},
      {{"production_checklist"}, "production_checklist", text_list},
      {{"trade_offs", "tradeoffs"}, "trade_offs", block},
      {{"best_for"}, "best_for", sentence_or_list},
      {{"modern_alternatives"}, "modern_alternatives", block},
      {{"deprecation_reason"}, "deprecation_reason", text},
      {{"migration_guide"}, "migration_guide", text},
      {{"evolution"}, "evolution", block},
      {{"alternatives"}, "alternatives", block},
      {{"common_pitfalls"}, "common_pitfalls", text_list},
      {{"when_to_use"}, "when_to_use", text_list},
      {{"when_not_to_use"}, "when_not_to_use", text_list},
      {{"prerequisites"}, "prerequisites", text_list},
      {{"guarantees"}, "guarantees", block},
      {{"under_failure"}, "under_failure", text},
      {{"latency_cost"}, "latency_cost", text},
      {{"related_laws"}, "related_laws", laws},
      {{"related_pillars"}, "related_pillars", pillars},
      {{"related_patterns", "related"}, "related", related},
      {{"implementation_guide"}, "implementation_guide", text},
      {{"case_studies"}, "case_studies", text_list},
      {{"migration_paths"}, "migration_paths", block},
      {{"pattern_combinations"}, "pattern_combinations", block},
      {{"comparison_links"}, "comparison_links", text_list},
      {{"decision_criteria"}, "decision_criteria", block},
      {{"implementation_complexity"}, "implementation_complexity", block},
      {{"operational_considerations"}, "operational_considerations", block},
      {{"implementations"}, "implementations", block},
      {{"health"}, "health", health},
      {{"tier_history"}, "tier_history", tier_history},
  };
  return table;
}

// Keys real sites carry that the selector does not use: accepted silently.
bool ignored_key(const std::string& key) {
  static const std::vector<std::string_view> keys = {
      "type", "last_updated", "date", "author", "authors", "hide", "search", "template",
      "icon", "weight", "draft", "slug", "nav_order", "comments", "social", "excerpt"};
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

const Field* find_field(const std::string& key) {
  for (const Field& f : fields())
    for (std::string_view k : f.keys)
      if (k == key) return &f;
  return nullptr;
}

std::string snake_key(const std::string& key) {
  std::string out;
  for (char c : key) out += c == '-' || c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string suggestion_for(const std::string& key) {
  std::vector<std::string> known;
  for (const Field& f : fields())
    for (std::string_view k : f.keys) known.emplace_back(k);
  std::string best = detail::closest(key, known, 2);
  return best.empty() ? "" : "; did you mean '" + best + "'?";
}

// Index pages, section READMEs and partials are never patterns.
std::string non_pattern_file(const std::string& relative) {
  std::string name = relative.substr(relative.rfind('/') + 1);
  if (name == "index.md" || name == "README.md") return "index page";
  if (!name.empty() && name[0] == '_') return "partial (name starts with '_')";
  return {};
}

// A category folder: the parent directory, unless it is a generic one.
std::string folder_category(const std::string& relative, const Terms& terms) {
  auto slash = relative.rfind('/');
  if (slash == std::string::npos) return {};
  std::string parent = relative.substr(0, slash);
  parent = parent.substr(parent.rfind('/') == std::string::npos ? 0 : parent.rfind('/') + 1);
  if (parent == "patterns" || parent == "pattern-library" || parent == "docs") return {};
  std::string folded = detail::fold_word(parent);
  return terms.category.find(folded).value;
}

// Bytes that are not valid UTF-8, and NUL bytes (YAML drops them without a
// word), become U+FFFD with a warning at the first one: the catalog is
// always valid UTF-8 and the author learns where to look.
void repair_page_text(std::string& text, const std::string& file, Report& report) {
  const detail::TextRepair repair = detail::repair_text(text);
  if (repair.invalid) {
    auto [line, column] = repair.first_invalid;
    report.warning("page.invalid_utf8", file, line, column,
                   "the page is not valid UTF-8 (" + detail::counted(repair.invalid, "bad sequence") +
                       ", the first here); replaced with U+FFFD");
  }
  if (repair.nul) {
    auto [line, column] = repair.first_nul;
    report.warning("page.nul_byte", file, line, column,
                   "the page holds " + detail::counted(repair.nul, "NUL byte") + " (the first here); replaced with U+FFFD");
  }
}

// Where a page is: its id and its url below the site. The url is the
// file's path, as MkDocs serves it, unless that path could be read as
// something else: a scheme ("javascript:x.md"), a query or fragment, an
// escape, or a "." / ".." segment ("...md"). Then, and when the file name
// has no letter or digit for an id, both are made of slugs and `problem`
// says so.
struct PageAddress {
  std::string id;
  std::string url;
  std::string problem;
};

bool safe_url_path(const std::string& path) {
  if (path.find_first_of(":?#%\\") != std::string::npos) return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    const std::string segment = path.substr(start, slash - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    start = slash + 1;
  }
  return true;
}

PageAddress page_address(const std::string& relative, const std::string& title) {
  const std::string path = relative.substr(0, relative.size() - 3);  // without ".md"
  PageAddress address{page_id(relative), path + "/", {}};
  const bool no_id = address.id.empty();
  if (!no_id && safe_url_path(path)) return address;
  if (no_id) address.id = detail::pattern_slug(title);
  if (address.id.empty()) address.id = "page";
  std::string url;
  for (std::size_t start = 0, slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1) {
    const std::string folder = detail::pattern_slug(path.substr(start, slash - start));
    url += (folder.empty() ? "-" : folder) + "/";
  }
  address.url = url + address.id + "/";
  const std::string name = detail::shown(relative.substr(relative.rfind('/') + 1));
  address.problem =
      no_id ? "the file name " + name + " has no letter or digit to make an id from; the page is '" + address.id +
                  "' (from its title) at '" + address.url + "'"
            : "the path " + detail::shown(relative) + " would make a url that could be read as a link elsewhere " +
                  "(':', '?', '#', '%', '\\', '.' or '..'); the url is '" + address.url + "'";
  return address;
}

// What the keys of a mapping weigh once aliases are expanded: `*long: x`
// names a long scalar as a key, and every key is read to find a field.
std::size_t key_bytes(const detail::YamlNode& map) {
  std::size_t bytes = 0;
  for (const auto& entry : map)
    if (entry.first.IsScalar()) bytes += entry.first.Scalar().size();
  return bytes;
}

}  // namespace

std::string page_id(const std::string& relative) {
  std::string name = relative.substr(relative.rfind('/') == std::string::npos ? 0 : relative.rfind('/') + 1);
  if (name.size() > 3 && name.substr(name.size() - 3) == ".md") name.resize(name.size() - 3);
  return detail::pattern_slug(name);
}

PageOutcome compile_page(const PageInput& input, Report& report, const PageLimits& limits, const Terms& terms) {
  PageOutcome outcome;
  if (std::string why = non_pattern_file(input.relative); !why.empty()) {
    outcome.skipped = why;
    return outcome;
  }
  if (input.text.size() > limits.max_bytes) {
    report.error("page.too_large", input.file, 0, 0,
                 "the page has more than " + std::to_string(limits.max_bytes) +
                     " bytes (the limit; raise it with --max-page-bytes); left out");
    return outcome;
  }
  PageInput page{input.file, input.relative, input.text};
  repair_page_text(page.text, page.file, report);
  if (detail::repair_text(page.relative).invalid)
    report.warning("page.invalid_utf8", page.file, 0, 0,
                   "the file name is not valid UTF-8; the id and url use U+FFFD");

  auto fm = split_front_matter(page.text);
  if (!fm) {
    report.error(fm.error().code, page.file, 1, 1, fm.error().message.substr(fm.error().message.find(": ") + 2));
    return outcome;
  }
  detail::YamlDocument document;
  try {
    document = detail::parse_yaml(fm.value().yaml);
  } catch (const YAML::DeepRecursion& e) {
    report.error("page.too_large", page.file, e.mark.line + fm.value().yaml_line, e.mark.column + 1,
                 "front matter nests deeper than the YAML parser allows (" + std::to_string(e.depth()) +
                     " levels); left out");
    return outcome;
  } catch (const YAML::Exception& e) {
    int line = e.mark.is_null() ? 0 : e.mark.line + fm.value().yaml_line;
    int column = e.mark.is_null() ? 0 : e.mark.column + 1;
    report.error("page.yaml_syntax", page.file, line, column, "front matter is not valid YAML: " + detail::yaml_error_message(e.msg));
    return outcome;
  }
  const detail::YamlNode root = document.root();
  if (!root.IsMap()) {
    report.error("page.not_a_mapping", page.file, fm.value().yaml_line, 1,
                 "front matter must be a mapping of keys to values");
    return outcome;
  }
  const detail::ExpansionLimits budget{limits.max_yaml_nodes, limits.max_yaml_bytes, limits.max_depth};
  // Before any key is read: `*long: x` names a long scalar as a key.
  if (key_bytes(root) > budget.max_bytes) {
    report.error("page.too_large", page.file, fm.value().yaml_line, 1,
                 "the front matter's keys come to more than " + std::to_string(budget.max_bytes) +
                     " bytes of text once aliases are expanded; left out");
    return outcome;
  }

  if (auto type = detail::scalar_text(root["type"]); type && detail::fold_word(*type) != "pattern") {
    outcome.skipped = "type: " + *type;
    return outcome;
  }

  Context ctx{page, report, fm.value().yaml_line, limits, terms, {}, json::array()};
  // The entries that become fields: known keys, the first spelling of each
  // field. Their cost is measured before any is converted, so a value that
  // expands past the budget is left out at its own key.
  std::vector<detail::Member> members;
  std::vector<const Field*> member_fields;
  std::set<std::string_view> taken;
  for (const auto& entry : root) {
    const std::string& raw_key = entry.first.Scalar();
    const std::string key = snake_key(raw_key);
    const Field* field = find_field(key);
    if (!field) {
      if (!ignored_key(key))
        ctx.warn("page.unknown_field", entry.first,
                 detail::shown(raw_key) + " is not a catalog field" + suggestion_for(key));
      continue;
    }
    if (!taken.insert(field->out).second) {
      ctx.warn("page.duplicate_field", entry.first,
               detail::shown(raw_key) + " repeats '" + std::string(field->out) + "'; the first one is kept");
      continue;
    }
    members.push_back({entry.first, entry.second, {}, {}});
    member_fields.push_back(field);
  }
  detail::fit_budget(members, budget, "fields of the page");

  json record = json::object();
  for (std::size_t i = 0; i < members.size(); ++i) {
    const detail::Member& member = members[i];
    const Field* field = member_fields[i];
    const std::string& raw_key = member.key.Scalar();
    ctx.key = member.key;
    // "key" and "field" only where they differ from the output name: most
    // pages spell every key canonically, and a rebuild decodes these again.
    json& line = outcome.lines[std::string(field->out)];
    line = {{"line", detail::place_of(member.key, ctx.first_line).line}};
    if (raw_key != field->out) line["key"] = raw_key;
    if (field->keys.front() != field->out) line["field"] = std::string(field->keys.front());
    if (!member.problem.empty()) {
      auto place = detail::place_of_mark(member.problem_at, ctx.first_line);
      report.error("page.too_large", page.file, place.line, place.column,
                   "'" + raw_key + "': " + member.problem + "; left out");
      outcome.lines[std::string(field->out)]["dropped"] = true;
      continue;
    }
    if (auto value = field->convert(raw_key, member.value, ctx))
      record[std::string(field->out)] = std::move(*value);
    else
      outcome.lines[std::string(field->out)]["dropped"] = true;
  }

  if (!ctx.moved_pillars.empty()) {
    json& pillars_out = record["related_pillars"];
    if (!pillars_out.is_array()) pillars_out = json::array();
    for (const json& pillar : ctx.moved_pillars)
      if (std::find(pillars_out.begin(), pillars_out.end(), pillar) == pillars_out.end()) pillars_out.push_back(pillar);
  }

  if (!record.contains("title")) {
    report.error("page.missing_title", page.file, fm.value().yaml_line, 1, "the page has no title; left out");
    return outcome;
  }
  const PageAddress address = page_address(page.relative, record["title"].get<std::string>());
  if (!address.problem.empty()) report.warning("page.unsafe_name", page.file, 0, 0, address.problem);
  record["id"] = address.id;
  record["url"] = address.url;
  if (!record.contains("category"))
    if (std::string folder = folder_category(page.relative, terms); !folder.empty()) record["category"] = folder;
  if (!record.contains("tier")) record["tier"] = "unclassified";
  if (std::string excerpt = detail::body_excerpt(fm.value().body); !excerpt.empty()) record["excerpt"] = excerpt;
  outcome.body_links = detail::related_links(fm.value().body, fm.value().body_line);
  outcome.record = std::move(record);
  return outcome;
}

}  // namespace patsel::compile
