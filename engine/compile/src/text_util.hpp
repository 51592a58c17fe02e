#pragma once
// Small text helpers shared by the compiler's checks.

#include <string>
#include <string_view>
#include <utility>
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

/// A value quoted in a diagnostic, cut to about 60 bytes so a hostile
/// one-megabyte scalar gives a one-line message: shown("x") == "'x'".
std::string shown(std::string_view value);

/// counted(1, "NUL byte") == "1 NUL byte"; counted(2, "NUL byte") == "2 NUL bytes".
std::string counted(std::size_t n, std::string_view noun);

/// What repair_text() changed, and where (1-based line and column, in
/// characters, of the first of each kind in the original text).
struct TextRepair {
  std::size_t invalid = 0;  ///< ill-formed UTF-8 sequences replaced
  std::size_t nul = 0;      ///< NUL bytes replaced
  std::pair<int, int> first_invalid{0, 0};
  std::pair<int, int> first_nul{0, 0};
};

/// Replaces each ill-formed UTF-8 sequence (stray continuation bytes,
/// truncated sequences, overlong forms, UTF-8 encoded surrogates, code
/// points above U+10FFFF; one U+FFFD per maximal ill-formed subpart, as
/// Unicode recommends) and each NUL byte with U+FFFD, so everything built
/// from the text is valid UTF-8. Leaves valid text untouched (and uncopied).
///
/// ```
/// std::string s = "caf\xC3";  // truncated 'é'
/// repair_text(s).invalid == 1;  // s == "caf\uFFFD" (as UTF-8)
/// ```
TextRepair repair_text(std::string& text);

}  // namespace patsel::compile::detail
