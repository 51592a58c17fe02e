#include "excerpt.hpp"

#include <sstream>

#include "text_util.hpp"

namespace patsel::compile::detail {
namespace {

// `[text](target)` -> `text`, and emphasis marks (`**`, `__`, `*`, `` ` ``)
// dropped. Hand-written rather than std::regex: libstdc++'s regex recurses
// per character, so a long paragraph with an open '[' overflowed the stack.
// Linear: a '[' that cannot start a link means no '[' before the next ']'
// can either.
std::string strip_markdown(const std::string& text) {
  std::string linked;
  linked.reserve(text.size());
  bool parenthesis_left = true;  // is there a ')' after the current '['?
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '[') {
      linked += text[i++];
      continue;
    }
    const std::size_t close = text.find(']', i + 1);
    if (close == std::string::npos) {  // no link can start from here on
      linked.append(text, i, std::string::npos);
      break;
    }
    std::size_t end = std::string::npos;
    if (parenthesis_left && close + 1 < text.size() && text[close + 1] == '(') {
      end = text.find(')', close + 2);
      parenthesis_left = end != std::string::npos;
    }
    if (end == std::string::npos) {  // not a link: keep up to the ']'
      linked.append(text, i, close + 1 - i);
      i = close + 1;
      continue;
    }
    linked.append(text, i + 1, close - i - 1);
    i = end + 1;
  }
  std::string out;
  out.reserve(linked.size());
  for (std::size_t i = 0; i < linked.size(); ++i) {
    const char c = linked[i];
    if (c == '*' || c == '`') continue;
    if (c == '_' && i + 1 < linked.size() && linked[i + 1] == '_') {
      ++i;
      continue;
    }
    out += c;
  }
  return out;
}

bool starts_block(const std::string& line) {
  return line.rfind("#", 0) == 0 || line.rfind("```", 0) == 0 || line.rfind("!!!", 0) == 0 ||
         line.rfind("|", 0) == 0 || line.rfind("<", 0) == 0;
}

std::string first_paragraph(std::istringstream& in) {
  std::string line, paragraph;
  bool in_code = false;
  while (std::getline(in, line)) {
    if (line.rfind("```", 0) == 0) {
      in_code = !in_code;
      if (!paragraph.empty()) break;
      continue;
    }
    if (in_code) continue;
    bool blank = line.find_first_not_of(" \t") == std::string::npos;
    if (blank || starts_block(line)) {
      if (!paragraph.empty()) break;
      continue;
    }
    std::size_t start = line.find_first_not_of(" \t>-*");
    paragraph += (paragraph.empty() ? "" : " ") + line.substr(start == std::string::npos ? 0 : start);
  }
  return paragraph;
}

}  // namespace

std::string body_excerpt(const std::string& markdown) {
  std::string paragraph;
  auto problem = markdown.find("## Problem");
  if (problem != std::string::npos) {
    std::istringstream in(markdown.substr(markdown.find('\n', problem) + 1));
    paragraph = first_paragraph(in);
  }
  if (paragraph.empty()) {
    std::istringstream in(markdown);
    paragraph = first_paragraph(in);
  }
  return truncate_utf8(strip_markdown(paragraph), 300);
}

}  // namespace patsel::compile::detail
