#include "patsel/compile/terms.hpp"

#include <algorithm>
#include <cctype>

#include "shipped_data.hpp"
#include "text_util.hpp"
#include "vocabulary.hpp"
#include "yaml_convert.hpp"

namespace patsel::compile {
namespace {

using detail::YamlNode;
using nlohmann::json;

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// "law2-asynchrony", "law-2", "2" -> 2; anything else -> nullopt.
std::optional<int> law_number(const std::string& slug) {
  std::size_t at = starts_with(slug, "law") ? 3 : 0;
  if (at && at < slug.size() && slug[at] == '-') ++at;
  std::size_t digits = at;
  while (digits < slug.size() && std::isdigit(static_cast<unsigned char>(slug[digits]))) ++digits;
  if (digits == at || digits - at > 2 || slug[at] == '0') return std::nullopt;  // laws count from 1
  // A bare number must be the whole reference; "law2-asynchrony" may go on.
  if (digits != slug.size() && (at == 0 || slug[digits] != '-')) return std::nullopt;
  return std::stoi(slug.substr(at, digits - at));
}

WordList* list_named(Terms& terms, const std::string& name) {
  for (WordList* list : {&terms.status, &terms.relevance, &terms.category, &terms.difficulty})
    if (list->name == name) return list;
  return nullptr;
}

bool is_null(const YamlNode& node) {
  return node.IsNull() || (node.IsScalar() && node.Tag() == "?" && node.Scalar() == "~");
}

}  // namespace

WordList::Match WordList::find(const std::string& folded) const {
  if (std::find(values.begin(), values.end(), folded) != values.end()) return {true, folded};
  if (auto it = aliases.find(folded); it != aliases.end()) return {true, it->second};
  return {};
}

std::string WordList::listing() const {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

std::optional<int> Terms::law(const std::string& reference) const {
  const std::string slug = detail::pattern_slug(reference);
  if (slug.empty()) return std::nullopt;
  if (auto number = law_number(slug)) {
    if (laws.empty()) return number;  // no laws.yaml at all: any number
    for (const Law& l : laws)
      if (l.number == *number) return number;
    return std::nullopt;
  }
  for (const Law& l : laws) {
    const std::string title = detail::pattern_slug(l.title);
    if (slug == l.id || slug == title || (starts_with(title, "law-of-") && slug == title.substr(7))) return l.number;
  }
  return std::nullopt;
}

std::optional<std::string> Terms::pillar(const std::string& reference) const {
  std::string slug = detail::pattern_slug(reference);
  for (const Pillar& p : pillars)
    if (slug == p.id || slug == detail::pattern_slug(p.title) || slug == p.id + "-distribution" ||
        slug == p.id + "-pillar")
      return p.id;
  return std::nullopt;
}

std::string Terms::law_listing() const {
  std::string out;
  for (const Law& l : laws) out += (out.empty() ? "" : ", ") + std::to_string(l.number) + " " + l.id;
  return out;
}

std::string Terms::pillar_listing() const {
  std::string out;
  for (const Pillar& p : pillars) out += (out.empty() ? "" : ", ") + p.id;
  return out;
}

void read_vocabulary(Terms& terms, const std::string& yaml_text, const std::string& file, Report& report) {
  detail::YamlDocument document;
  try {
    document = detail::parse_yaml(yaml_text);
  } catch (const YAML::Exception& e) {
    report.warning("vocabulary.yaml_syntax", file, e.mark.is_null() ? 0 : e.mark.line + 1,
                   e.mark.is_null() ? 0 : e.mark.column + 1,
                   "not valid YAML: " + detail::yaml_error_message(e.msg) + "; the shipped vocabulary is used");
    return;
  }
  const YamlNode root = document.root();
  auto warn = [&](const std::string& rule, const YamlNode& at, const std::string& message) {
    const detail::Place place = detail::place_of(at, 1);
    report.warning(rule, file, place.line, place.column, message);
  };
  if (root.IsNull()) return;
  if (!root.IsMap()) {
    warn("vocabulary.bad_shape", root, "the vocabulary is a mapping of lists (status, relevance, category, "
                                       "difficulty); the shipped vocabulary is used");
    return;
  }
  for (const auto& entry : root) {
    const std::string name = detail::fold_word(entry.first.Scalar());
    WordList* list = list_named(terms, name);
    if (!list) {
      warn("vocabulary.unknown_list", entry.first,
           detail::shown(entry.first.Scalar()) + " is not a list of the vocabulary (status, relevance, category, "
                                                 "difficulty); ignored");
      continue;
    }
    if (!entry.second.IsMap()) {
      warn("vocabulary.bad_shape", entry.second, "'" + name + "' should be {values: [...], aliases: {word: value}}");
      continue;
    }
    for (const auto& part : entry.second) {
      const std::string key = part.first.Scalar();
      if (key == "values") {
        if (!part.second.IsSequence()) {
          warn("vocabulary.bad_shape", part.second, "'" + name + ".values' should be a list of words");
          continue;
        }
        for (const YamlNode& item : part.second) {
          auto word = detail::scalar_text(item);
          const std::string folded = word ? detail::fold_word(*word) : std::string();
          if (folded.empty()) {
            warn("vocabulary.bad_shape", item, "items of '" + name + ".values' should be words; skipped one");
          } else if (std::find(list->values.begin(), list->values.end(), folded) == list->values.end()) {
            list->values.push_back(folded);
            list->aliases.erase(folded);
          }
        }
      } else if (key != "aliases") {
        warn("vocabulary.bad_shape", part.first, "'" + name + "' has values and aliases, not " + detail::shown(key));
      }
    }
    // Aliases after values, so an alias may name a value added here.
    const YamlNode aliases = entry.second["aliases"];
    if (!aliases.IsDefined() || aliases.IsNull()) continue;
    if (!aliases.IsMap()) {
      warn("vocabulary.bad_shape", aliases, "'" + name + ".aliases' should be a mapping of word: value");
      continue;
    }
    for (const auto& alias : aliases) {
      const std::string word = detail::fold_word(alias.first.Scalar());
      if (word.empty()) continue;
      if (is_null(alias.second)) {
        list->aliases[word] = "";
        continue;
      }
      auto target = detail::scalar_text(alias.second);
      const std::string value = target ? detail::fold_word(*target) : std::string();
      if (std::find(list->values.begin(), list->values.end(), value) == list->values.end()) {
        warn("vocabulary.bad_alias", alias.second,
             "'" + word + "' is an alias of " + (target ? detail::shown(*target) : std::string("a list")) +
                 ", which is not a " + name + " (" + list->listing() + "); ignored");
        continue;
      }
      list->aliases[word] = value;
    }
  }
}

bool read_laws(Terms& terms, const std::string& yaml_text) {
  detail::YamlDocument document;
  try {
    document = detail::parse_yaml(yaml_text);
  } catch (const YAML::Exception&) {
    return false;
  }
  const YamlNode root = document.root();
  if (!root.IsMap()) return false;
  std::vector<Law> laws;
  std::vector<Pillar> pillars;
  for (const YamlNode& item : root["laws"]) {
    auto number = detail::scalar_text(item["number"]);
    auto id = detail::scalar_text(item["id"]);
    if (!number || !id || number->empty() || number->size() > 2 ||
        !std::all_of(number->begin(), number->end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      continue;
    laws.push_back({std::stoi(*number), detail::pattern_slug(*id), detail::scalar_text(item["title"]).value_or("")});
  }
  for (const YamlNode& item : root["pillars"])
    if (auto id = detail::scalar_text(item["id"]))
      pillars.push_back({detail::pattern_slug(*id), detail::scalar_text(item["title"]).value_or("")});
  if (laws.empty() && pillars.empty()) return false;
  // Each list replaces the shipped one only when the file has it.
  detail::ConvertOptions options;
  auto section = [&](const char* key) {
    std::size_t used = 0;
    detail::ConvertError error;
    auto value = detail::to_json(root[key], options, used, error);
    return value && value->is_array() ? *value : json::array();
  };
  if (!laws.empty()) {
    terms.laws = std::move(laws);
    terms.laws_section = section("laws");
  }
  if (!pillars.empty()) {
    terms.pillars = std::move(pillars);
    terms.pillars_section = section("pillars");
  }
  return true;
}

const Terms& Terms::shipped() {
  static const Terms terms = [] {
    Terms t;
    Report ignored;  // a test checks that the shipped files read without a problem
    read_vocabulary(t, detail::kShippedVocabulary, "data/vocabulary.yaml", ignored);
    read_laws(t, detail::kShippedLaws);
    return t;
  }();
  return terms;
}

}  // namespace patsel::compile
