#pragma once
// Vocabularies for synthetic catalogs, written for this project: domain
// nouns, verbs and adjectives in roughly the proportions of the shipped
// catalog's prose, the function words that make sentences read like text,
// and syllables for rare made-up names (products, libraries), which give a
// large catalog the long tail of words a real one has.

#include <string_view>
#include <vector>

namespace patsel::synth {

struct WordLists {
  std::vector<std::string_view> nouns;
  std::vector<std::string_view> verbs;  ///< third person singular ("replicates")
  std::vector<std::string_view> adjectives;
  std::vector<std::string_view> function_words;
  std::vector<std::string_view> syllables;
  std::vector<std::string_view> question_openers;  ///< "How do we", "What keeps" ...
  std::vector<std::string_view> categories;
  std::vector<std::string_view> domains;
  std::vector<std::string_view> layers;
  std::vector<std::string_view> statuses;
  std::vector<std::string_view> relevances;
  std::vector<std::string_view> difficulties;
  std::vector<std::string_view> ecosystems;
};

/// The lists, in a fixed order (generation depends on it).
const WordLists& word_lists();

}  // namespace patsel::synth
