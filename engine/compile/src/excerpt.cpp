#include "excerpt.hpp"

#include <regex>
#include <sstream>

#include "text_util.hpp"

namespace patsel::compile::detail {
namespace {

std::string strip_markdown(std::string text) {
  static const std::regex link(R"(\[([^\]]*)\]\([^)]*\))");
  static const std::regex emphasis(R"((\*\*|__|\*|`))");
  text = std::regex_replace(text, link, "$1");
  text = std::regex_replace(text, emphasis, "");
  return text;
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
