#pragma once
// How deep a JSON text nests, found before it is parsed. nlohmann's parser
// is iterative, but copying, comparing and dumping a value recurse once per
// level: a catalog or params nested a million levels deep would overflow
// the stack (the wasm stack first), so the engine refuses such text up front.

#include <optional>
#include <string>
#include <string_view>

namespace patsel::detail {

/// When `text` opens more than `max_depth` nested arrays or objects, the
/// JSON path of the first value that does ("$.patterns[0].evolution[0]...",
/// cut after a few steps); nullopt otherwise. Strings are skipped, so
/// brackets inside them do not count. The text need not be valid JSON: the
/// parser reports that afterwards. Linear, and a fraction of the parse time.
///
/// ```
/// too_deep(R"({"a":[[1]]})", 2) == "$.a[0]"
/// ```
std::optional<std::string> too_deep(std::string_view text, int max_depth);

}  // namespace patsel::detail
