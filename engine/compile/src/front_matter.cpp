#include "patsel/compile/front_matter.hpp"

namespace patsel::compile {
namespace {

std::string normalize_newlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool is_fence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

}  // namespace

Result<FrontMatter> split_front_matter(std::string_view raw) {
  if (raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
  const std::string text = normalize_newlines(raw);

  std::size_t first_end = text.find('\n');
  std::string_view first = std::string_view(text).substr(0, first_end);
  if (!is_fence(first, false))
    return Error{"page.no_front_matter", "line 1: the page does not start with '---'"};
  if (first_end == std::string::npos)
    return Error{"page.unterminated_front_matter", "line 1: '---' is never closed"};

  std::size_t pos = first_end + 1;
  int line = 2;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    std::string_view current =
        std::string_view(text).substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (is_fence(current, true)) {
      FrontMatter fm;
      fm.yaml = text.substr(first_end + 1, pos - first_end - 1);
      fm.body = end == std::string::npos ? std::string() : text.substr(end + 1);
      fm.body_line = line + 1;
      return fm;
    }
    if (end == std::string::npos) break;
    pos = end + 1;
    ++line;
  }
  return Error{"page.unterminated_front_matter", "line 1: '---' is never closed"};
}

}  // namespace patsel::compile
