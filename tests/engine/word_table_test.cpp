// The word table the index builder looks words up in (word_table.hpp): each
// word keeps the number set for it, through the table's growth.

#include <doctest/doctest.h>

#include <string>
#include <unordered_map>

#include "search/word_table.hpp"

using patsel::detail::WordTable;

TEST_CASE("a new word is unset until its number is set, then keeps it") {
  WordTable table;
  std::uint32_t& circuit = table.value_of("circuit");
  CHECK(circuit == WordTable::kUnset);
  circuit = 7;
  CHECK(table.value_of("circuit") == 7);
  CHECK(table.value_of("circuits") == WordTable::kUnset);
  CHECK(table.value_of("circui") == WordTable::kUnset);
  CHECK(table.size() == 3);
}

TEST_CASE("the table keeps its own copy of each word") {
  WordTable table;
  std::string buffer = "saga";
  table.value_of(buffer) = 1;
  buffer = "raft";  // the caller's text changes; the table's word does not
  CHECK(table.value_of("saga") == 1);
  CHECK(table.value_of("raft") == WordTable::kUnset);
}

TEST_CASE("every word keeps its number as the table grows, as a map would") {
  WordTable table;
  std::unordered_map<std::string, std::uint32_t> expected;
  // 200,000 words, many sharing long prefixes and lengths, as an index's do.
  for (std::uint32_t i = 0; i < 200000; ++i) {
    const std::string word = "w" + std::to_string(i * 2654435761u % 1000003u) + (i % 3 ? "x" : "");
    std::uint32_t& value = table.value_of(word);
    auto [it, fresh] = expected.try_emplace(word, i);
    if (fresh) {
      CHECK(value == WordTable::kUnset);
      value = i;
    }
  }
  CHECK(table.size() == expected.size());
  std::size_t wrong = 0;
  for (const auto& [word, number] : expected) wrong += table.value_of(word) != number;
  CHECK(wrong == 0);
  CHECK(table.size() == expected.size());  // looking up added nothing
}
