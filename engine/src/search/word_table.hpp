#pragma once
// The folded words met while indexing, each with a number, looked up once
// per word of every searched field. Open addressing over one buffer of the
// words' bytes: at 50,000 patterns a node-based map spent about a fifth of
// the whole load walking its chains and comparing keys.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace patsel::detail {

class WordTable {
 public:
  /// Marks a word added by value_of() that has no number yet.
  static constexpr std::uint32_t kUnset = 0xFFFFFFFE;

  /// The number kept for `word`; a new word is added with kUnset, for the
  /// caller to set. The reference is valid until the next call.
  std::uint32_t& value_of(std::string_view word);
  std::size_t size() const { return used_; }

 private:
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t offset = 0;  ///< into bytes_
    std::uint32_t length = 0;  ///< 0: an empty slot (no word is empty)
    std::uint32_t value = kUnset;
  };
  void grow();

  std::vector<Slot> slots_ = std::vector<Slot>(1024);  // a power of two
  std::string bytes_;
  std::size_t used_ = 0;
};

}  // namespace patsel::detail
