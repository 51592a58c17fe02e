#include "json_depth.hpp"

#include <vector>

#include "json_spans.hpp"

namespace patsel::detail {
namespace {

// Skips the string that starts at text[i] (a '"'); returns the index of its
// closing quote, or text.size() when it is not closed.
std::size_t string_end(std::string_view text, std::size_t i) {
  for (++i; i < text.size(); ++i) {
    if (text[i] == '\\') ++i;
    else if (text[i] == '"') return i;
  }
  return text.size();
}

struct Frame {
  bool object = false;
  std::size_t index = 0;  // arrays: the current element
  std::string key;        // objects: the current member
  bool expect_key = true;
};

std::string step(const Frame& frame) {
  if (!frame.object) return "[" + std::to_string(frame.index) + "]";
  bool plain = !frame.key.empty() && frame.key.size() <= 40;
  for (char c : frame.key)
    plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-');
  return plain ? "." + frame.key : "[\"" + frame.key.substr(0, 40) + (frame.key.size() > 40 ? "...\"]" : "\"]");
}

// The slow path, run only on a text already known to be too deep: walks it
// again keeping the path, and names the value that crosses the limit.
std::string path_of_first_too_deep(std::string_view text, int max_depth) {
  std::vector<Frame> frames;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      const std::size_t end = string_end(text, i);
      if (!frames.empty() && frames.back().object && frames.back().expect_key) {
        frames.back().key = std::string(text.substr(i + 1, end - i - 1));
        frames.back().expect_key = false;
      }
      i = end;
    } else if (c == '{' || c == '[') {
      if (static_cast<int>(frames.size()) == max_depth) break;
      frames.push_back({c == '{', 0, {}, true});
    } else if ((c == '}' || c == ']') && !frames.empty()) {
      frames.pop_back();
    } else if (c == ',' && !frames.empty()) {
      if (frames.back().object) frames.back().expect_key = true;
      else ++frames.back().index;
    }
  }
  constexpr std::size_t kShownSteps = 8;
  std::string path = "$";
  for (std::size_t k = 0; k < frames.size() && k < kShownSteps; ++k) path += step(frames[k]);
  if (frames.size() > kShownSteps) path += "...";
  return path;
}

}  // namespace

std::optional<std::string> too_deep(std::string_view text, int max_depth) {
  int depth = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  for (; p < end; ++p) {
    switch (*p) {
      case '"':
        p = closing_quote(p, end);
        if (p == end) return std::nullopt;  // an unclosed string: nothing deeper follows
        break;
      case '{':
      case '[':
        if (++depth > max_depth) return path_of_first_too_deep(text, max_depth);
        break;
      case '}':
      case ']':
        if (depth > 0) --depth;  // unbalanced text is the parser's to report
        break;
      default:
        break;
    }
  }
  return std::nullopt;
}

}  // namespace patsel::detail
