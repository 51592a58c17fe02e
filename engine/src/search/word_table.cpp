#include "word_table.hpp"

namespace patsel::detail {
namespace {

// FNV-1a: words are short, and this spreads them well enough at half load.
std::uint32_t hash_of(std::string_view word) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : word) h = (h ^ c) * 16777619u;
  return h;
}

}  // namespace

std::uint32_t& WordTable::value_of(std::string_view word) {
  if ((used_ + 1) * 2 > slots_.size()) grow();
  const std::uint32_t hash = hash_of(word);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.length == 0) {
      slot = Slot{hash, static_cast<std::uint32_t>(bytes_.size()), static_cast<std::uint32_t>(word.size()), kUnset};
      bytes_.append(word);
      ++used_;
      return slot.value;
    }
    if (slot.hash == hash && std::string_view(bytes_).substr(slot.offset, slot.length) == word) return slot.value;
  }
}

void WordTable::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.length == 0) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].length != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace patsel::detail
