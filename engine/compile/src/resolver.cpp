#include "resolver.hpp"

#include <algorithm>
#include <cstring>

#include "text_util.hpp"
#include "vocabulary.hpp"

namespace patsel::compile::detail {

std::string reference_key(const std::string& reference) {
  std::string s = reference.substr(0, reference.find('#'));
  while (!s.empty() && (s.back() == '/' || s.back() == ' ')) s.pop_back();
  s = s.substr(s.rfind('/') == std::string::npos ? 0 : s.rfind('/') + 1);
  if (s.size() > 3 && s.substr(s.size() - 3) == ".md") s.resize(s.size() - 3);
  return pattern_slug(s);
}

namespace {

// Every name a record can be referred to by, folded: id first, so an alias
// or title never shadows another pattern's id.
std::unordered_map<std::string, std::string> names_of(const std::vector<nlohmann::json>& records) {
  std::unordered_map<std::string, std::string> names;
  for (const auto& r : records) {
    std::string id = r.value("id", "");
    names.emplace(id, id);
  }
  for (const auto& r : records) {
    std::string id = r.value("id", "");
    std::string title = reference_key(r.value("title", ""));
    names.emplace(title, id);
    for (const char* suffix : {"-pattern", "-architecture"})
      if (title.size() > std::strlen(suffix) && title.substr(title.size() - std::strlen(suffix)) == suffix)
        names.emplace(title.substr(0, title.size() - std::strlen(suffix)), id);
    if (auto it = r.find("aliases"); it != r.end() && it->is_array())
      for (const auto& alias : *it)
        if (alias.is_string()) names.emplace(reference_key(alias.get<std::string>()), id);
  }
  return names;
}

std::vector<std::string> keys_of(const std::unordered_map<std::string, std::string>& map) {
  std::vector<std::string> keys;
  keys.reserve(map.size());
  for (const auto& [key, value] : map) keys.push_back(key);
  return keys;
}

}  // namespace

Resolver::Resolver(const std::vector<nlohmann::json>& records) : names_(names_of(records)), near_(keys_of(names_)) {}

std::optional<std::string> Resolver::resolve(const std::string& reference) const {
  std::string key = reference_key(reference);
  auto it = names_.find(key);
  if (it == names_.end()) {
    for (const char* suffix : {"-pattern", "-architecture"})
      if (key.size() > std::strlen(suffix) && key.substr(key.size() - std::strlen(suffix)) == suffix)
        if (auto again = names_.find(key.substr(0, key.size() - std::strlen(suffix))); again != names_.end())
          return again->second;
    return std::nullopt;
  }
  return it->second;
}

std::string Resolver::suggestion(const std::string& reference) const {
  std::string key = reference_key(reference);
  // Close enough to be a typo, not just another name of similar length.
  std::size_t limit = key.size() <= 5 ? 1 : 2;
  std::string best = near_.closest(key, limit);
  return best.empty() ? "" : " (did you mean '" + names_.at(best) + "'?)";
}

}  // namespace patsel::compile::detail
