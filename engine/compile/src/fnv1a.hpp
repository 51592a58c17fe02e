#pragma once
// 64-bit FNV-1a: the catalog's content hash and the page cache's keys.
// Not for security, only to notice that bytes changed.

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace patsel::compile::detail {

inline constexpr std::uint64_t kFnv1aStart = 0xcbf29ce484222325ULL;

/// The hash of `bytes`, continuing from `hash` (so a text may be hashed in pieces).
inline std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = kFnv1aStart) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

/// Sixteen lower-case hex digits.
inline std::string hex64(std::uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

}  // namespace patsel::compile::detail
