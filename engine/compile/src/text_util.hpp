#pragma once
// Small text helpers shared by the compiler's checks. UTF-8 repair and edit
// distance are the engine's (patsel/text.hpp).

#include <string>
#include <string_view>
#include <vector>

#include "patsel/text.hpp"

namespace patsel::compile::detail {

using text::repair_text;
using text::TextRepair;

/// The candidate closest to `word` within `max_distance` edits (ties: the
/// first in `candidates`), or "" when none is that close. Edits are those
/// of text::edit_distance: a swap of neighbours is one, as in search.
std::string closest(std::string_view word, const std::vector<std::string>& candidates,
                    std::size_t max_distance);

/// Cuts UTF-8 text to at most `max_bytes` at a word boundary, adding "…";
/// never splits a multi-byte character.
std::string truncate_utf8(std::string_view text, std::size_t max_bytes);

/// A value quoted in a diagnostic, cut to about 60 bytes so a hostile
/// one-megabyte scalar gives a one-line message: shown("x") == "'x'".
std::string shown(std::string_view value);

/// counted(1, "NUL byte") == "1 NUL byte"; counted(2, "NUL byte") == "2 NUL bytes".
std::string counted(std::size_t n, std::string_view noun);

}  // namespace patsel::compile::detail
