#pragma once
// Small text helpers shared by the compiler's checks.

#include <string>
#include <string_view>
#include <vector>

namespace patsel::compile::detail {

/// Levenshtein distance over bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` within `max_distance` edits (ties: the
/// first in `candidates`), or "" when none is that close.
std::string closest(std::string_view word, const std::vector<std::string>& candidates,
                    std::size_t max_distance);

/// Cuts UTF-8 text to at most `max_bytes` at a word boundary, adding "…";
/// never splits a multi-byte character.
std::string truncate_utf8(std::string_view text, std::size_t max_bytes);

}  // namespace patsel::compile::detail
