#pragma once
// A plain-text excerpt of a page body for cards and search.

#include <string>

namespace patsel::compile::detail {

/// The first paragraph under `## Problem` (else the first paragraph of the
/// body), with Markdown emphasis, code ticks and link targets removed, cut
/// to about 300 bytes.
std::string body_excerpt(const std::string& markdown);

}  // namespace patsel::compile::detail
