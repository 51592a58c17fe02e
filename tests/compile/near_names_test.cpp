// "Did you mean" suggestions from an index instead of a pass over every
// name: the index must find exactly what comparing with every name finds.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "near_names.hpp"
#include "support.hpp"
#include "text_util.hpp"

using patsel::compile::detail::NearNames;
using patsel_test::read_text;
using patsel_test::shipped_path;

namespace {

// The shipped catalog's ids and titles, lower-cased: names of realistic lengths and overlaps.
std::vector<std::string> shipped_names() {
  const nlohmann::json catalog = nlohmann::json::parse(read_text(shipped_path()));
  std::vector<std::string> names;
  for (const auto& p : catalog["patterns"]) {
    names.push_back(p["id"].get<std::string>());
    std::string title;
    for (char c : p["title"].get<std::string>()) title += c == ' ' ? '-' : static_cast<char>(std::tolower(c));
    names.push_back(title);
  }
  return names;
}

}  // namespace

TEST_CASE("the name index suggests exactly what comparing with every name suggests") {
  std::vector<std::string> names = shipped_names();
  names.insert(names.end(), {"", "a", "ab", "abc", "x-y"});  // names shorter than three parts
  const NearNames index(names);
  std::vector<std::string> sorted = names;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());

  // Every name with one or two bytes deleted, replaced, inserted or swapped, and some strangers.
  std::vector<std::string> words = {"", "q", "zz", "qqqqqqqq", "circuit", "sagaa", "brekaer"};
  for (std::size_t n = 0; n < names.size(); n += 3) {
    const std::string& name = names[n];
    for (std::size_t i = 0; i < name.size(); ++i) {
      words.push_back(name.substr(0, i) + name.substr(i + 1));
      words.push_back(name.substr(0, i) + "q" + name.substr(i + 1));
      words.push_back(name.substr(0, i) + "zq" + name.substr(i));
      if (i + 1 < name.size()) words.push_back(name.substr(0, i) + name[i + 1] + name[i] + name.substr(i + 2));
      if (i + 2 < name.size()) words.push_back(name.substr(0, i) + name.substr(i + 2) + "xy");
    }
  }
  std::size_t found = 0;
  for (const std::string& word : words)
    for (std::size_t limit : {1, 2}) {
      const std::string expected = patsel::compile::detail::closest(word, sorted, limit);
      CAPTURE(word);
      CAPTURE(limit);
      CHECK(index.closest(word, limit) == expected);
      found += !expected.empty();
    }
  CHECK(found > words.size());  // most mutations are found, so the comparison means something
}
