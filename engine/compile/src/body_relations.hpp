#pragma once
// Typed relations from the links of the pages' "Related" sections
// (body_links.hpp), once every page of the site is known.

#include <string>
#include <unordered_map>
#include <vector>

#include "checks.hpp"

namespace patsel::compile::detail {

/// Every Markdown file of the source, by its path below the root
/// ("resilience/timeout.md"): the id of the pattern it became, or "" for a
/// page that is not a pattern (an index, a guide, a page that failed).
using PageDirectory = std::unordered_map<std::string, std::string>;

/// Adds each page's body links that lead to another pattern to its
/// `related` list as {pattern, relation, note?, source_line}. A pattern the
/// front matter already names in any reference field keeps what the front
/// matter says; a link to a page that is not a pattern, to a page outside
/// the source, or to the page itself is ignored; a link to no page is
/// `body.missing_page`. Returns how many relations were added.
std::size_t add_body_relations(std::vector<CompiledPage>& pages, const PageDirectory& directory,
                               const Resolver& resolver, Report& report);

/// The file a link from `from` (a path below the root) leads to, as MkDocs
/// reads it: `../x/timeout.md`, `../x/timeout/`, `/section/timeout.md`.
/// `outside` is set when the path leaves the source root.
std::string link_path(const std::string& from, const std::string& target, bool& outside);

}  // namespace patsel::compile::detail
