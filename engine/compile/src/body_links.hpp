#pragma once
// The links of a page body's "Related" sections ("## Related Patterns",
// "## See also"), with the relation their sub-heading and row say.

#include <string>
#include <string_view>
#include <vector>

#include "patsel/compile/page.hpp"

namespace patsel::compile::detail {

/// Every link to a page (a `.md` file or a folder, not a web address, an
/// anchor or an image) in a table row or list item of a "Related" section
/// of `body`, whose first line is file line `body_line`. Fenced code is skipped.
std::vector<BodyLink> related_links(const std::string& body, int body_line);

/// The relation words name, or "" when they name none:
/// "Essential prerequisite" -> "requires", "Alternative Patterns (Different
/// Approaches)" -> "alternative", "Evolved into" -> "replaced-by".
std::string relation_in_words(std::string_view text);

}  // namespace patsel::compile::detail
