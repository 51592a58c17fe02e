#include "vocabulary.hpp"

#include <algorithm>
#include <cctype>

namespace patsel::compile::detail {

bool Vocabulary::contains(std::string_view value) const {
  return std::find(values.begin(), values.end(), value) != values.end();
}

std::string Vocabulary::listing() const {
  std::string out;
  for (std::string_view v : values) out += (out.empty() ? "" : ", ") + std::string(v);
  return out;
}

const Vocabulary kTiers{"tier", {"gold", "silver", "bronze"}};
const Vocabulary kLayers{"layer", {"infrastructure", "platform", "application", "cross-cutting"}};
const Vocabulary kDomains{"domain",
                          {"core-primitives", "data-management", "resilience", "performance",
                           "architecture", "specialized"}};
const Vocabulary kRelations{"relation",
                            {"related", "requires", "complements", "enhances", "alternative",
                             "replaces", "replaced-by", "evolves-from", "part-of", "conflicts-with"}};
const Vocabulary kCombinationRelations{"relationship", {"complements", "requires", "enhances"}};
const Vocabulary kLevels{"level", {"low", "medium", "high"}};
const Vocabulary kSeverities{"severity", {"low", "medium", "high", "critical"}};
const Vocabulary kTeamSizes{"team size", {"1-2", "3-5", "5+"}};

std::string fold_word(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '_' || c == ' ') c = '-';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  while (!out.empty() && out.front() == '-') out.erase(out.begin());
  return out;
}

std::string pattern_slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || std::isalnum(byte)) {
      out += static_cast<char>(std::tolower(byte));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace patsel::compile::detail
