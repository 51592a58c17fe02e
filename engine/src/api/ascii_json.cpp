// patsel::api::ascii_json: non-ASCII characters of an answer as \u escapes.
// Answers hold such characters only inside strings (keys and values), so
// each one can be replaced where it stands.

#include <algorithm>

#include "patsel/api.hpp"
#include "patsel/text.hpp"

namespace patsel::api {
namespace {

void append_escape(std::string& out, std::uint32_t unit) {
  constexpr char kHex[] = "0123456789abcdef";
  const char escape[] = {'\\', 'u', kHex[(unit >> 12) & 0xF], kHex[(unit >> 8) & 0xF], kHex[(unit >> 4) & 0xF],
                         kHex[unit & 0xF]};
  out.append(escape, sizeof escape);
}

}  // namespace

std::string ascii_json(std::string json_text) {
  const auto beyond_ascii = [](char c) { return static_cast<unsigned char>(c) >= 0x80; };
  auto run = std::find_if(json_text.begin(), json_text.end(), beyond_ascii);
  if (run == json_text.end()) return json_text;
  std::string out;
  out.reserve(json_text.size() + json_text.size() / 8);
  out.append(json_text.begin(), run);
  std::size_t i = static_cast<std::size_t>(run - json_text.begin());
  while (i < json_text.size()) {
    // Answers are valid UTF-8 (their writers replace bad bytes); a stray
    // byte would still become U+FFFD rather than break the JSON.
    const detail::Decoded d = detail::decode(json_text, i);
    if (d.code_point <= 0xFFFF) {
      append_escape(out, d.code_point);
    } else {
      append_escape(out, 0xD7C0 + (d.code_point >> 10));  // the surrogate pair, as nlohmann writes it
      append_escape(out, 0xDC00 + (d.code_point & 0x3FF));
    }
    i += d.length;
    // The ASCII up to the next other character, copied at once.
    const auto from = json_text.begin() + static_cast<std::ptrdiff_t>(i);
    run = std::find_if(from, json_text.end(), beyond_ascii);
    out.append(from, run);
    i = static_cast<std::size_t>(run - json_text.begin());
  }
  return out;
}

}  // namespace patsel::api
