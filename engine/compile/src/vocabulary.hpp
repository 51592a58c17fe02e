#pragma once
// The closed vocabularies of the catalog schema (docs/catalog-schema.md)
// that a site cannot change. Status, relevance, category and difficulty
// are read from vocabulary.yaml instead (patsel/compile/terms.hpp).

#include <string>
#include <string_view>
#include <vector>

#include "patsel/compile/terms.hpp"

namespace patsel::compile::detail {

struct Vocabulary {
  std::string_view name;  ///< what a value of it is called in messages ("tier")
  std::vector<std::string_view> values;

  bool contains(std::string_view value) const;
  /// As WordList::find: {known, value} (these lists have no aliases).
  WordList::Match find(const std::string& folded) const { return {contains(folded), contains(folded) ? folded : ""}; }
  /// "gold, silver, bronze"
  std::string listing() const;
};

extern const Vocabulary kTiers, kLayers, kDomains, kRelations, kCombinationRelations, kLevels, kSeverities,
    kTeamSizes;

/// Lower case, `_` and spaces to `-`: "Use_With Caution" -> "use-with-caution".
std::string fold_word(std::string_view text);

/// A pattern id or reference name: lower case, every run of other ASCII
/// characters one `-` ("HTTP 2.0" -> "http-2-0"), so an id never holds the
/// `.`, `,` or spaces that lists of ids in attributes and URLs are split on.
std::string pattern_slug(std::string_view text);

}  // namespace patsel::compile::detail
