#pragma once
// The outline of a JSON text: where each member of the top-level object and
// each element of an array begin and end, found without building a document.
// The catalog loader parses one pattern record at a time from these spans,
// so a large catalog never exists as one nlohmann document.

#include <optional>
#include <string_view>
#include <vector>

namespace patsel::detail {

/// The closing quote of the string opened at `open`, found with memchr
/// (most of a catalog's bytes are string content, so this is the hot loop);
/// a quote after an odd run of backslashes is escaped. `end` when unclosed.
const char* closing_quote(const char* open, const char* end);

/// One member of an object: its key as written between the quotes (escapes
/// not decoded) and the text of its value.
struct MemberSpan {
  std::string_view raw_key;
  std::string_view value;
};

/// The members of the object that is the whole `text` (whitespace around it
/// allowed), in the order written; nullopt when `text` is not an object whose
/// outline is well formed. Values are skipped, not checked: parse each value
/// to know it is valid JSON.
///
/// ```
/// object_members(R"({"a": [1, 2], "b": "x"})")  // {a: "[1, 2]"}, {b: "\"x\""}
/// ```
std::optional<std::vector<MemberSpan>> object_members(std::string_view text);

/// The elements of the array that is the whole `text`, as for object_members.
std::optional<std::vector<std::string_view>> array_elements(std::string_view text);

}  // namespace patsel::detail
