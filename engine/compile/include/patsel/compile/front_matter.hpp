#pragma once
// Splitting a Markdown page into its YAML front matter and its body.

#include <string>
#include <string_view>

#include "patsel/result.hpp"

namespace patsel::compile {

struct FrontMatter {
  std::string yaml;     ///< the text between the two `---` lines, LF line endings
  std::string body;     ///< the Markdown after the closing `---`, LF line endings
  int yaml_line = 2;    ///< 1-based file line where `yaml` starts
  int body_line = 0;    ///< 1-based file line where `body` starts
};

/// Splits `text`. A UTF-8 BOM and CRLF line endings are accepted. The front
/// matter must open on the first line; it closes at the next line that is
/// exactly `---` (or `...`), so `---` inside the body's code blocks is body.
///
/// Errors: `page.no_front_matter`, `page.unterminated_front_matter`
/// (the message gives the line of the opening `---`).
Result<FrontMatter> split_front_matter(std::string_view text);

}  // namespace patsel::compile
