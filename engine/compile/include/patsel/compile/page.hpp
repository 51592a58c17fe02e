#pragma once
// One Markdown page with YAML front matter -> one normalized catalog record.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "patsel/compile/diagnostics.hpp"

namespace patsel::compile {

struct PageInput {
  std::string file;      ///< path shown in diagnostics, e.g. "data/patterns/saga.md"
  std::string relative;  ///< path below the source root with '/' separators, e.g. "patterns/saga.md"
  std::string text;      ///< the file's bytes
};

struct PageOutcome {
  /// The normalized record; empty when the page is not a pattern or could
  /// not be compiled (the report says which).
  std::optional<nlohmann::json> record;
  /// Why a page that is not a pattern was left out ("index page",
  /// "type: guide"); empty for patterns and for failed pages.
  std::string skipped;
  /// For each output field, the front-matter key it came from and its
  /// line ({"line": 12, "key": "related_patterns"}), for later diagnostics
  /// (reference checks) that concern a field of this page.
  nlohmann::json lines = nlohmann::json::object();
};

/// Compiles one page. Problems go to `report`; a page is dropped only when
/// it cannot be a pattern at all (no or broken front matter, no title).
PageOutcome compile_page(const PageInput& page, Report& report);

/// The id a page gets: its file name without `.md`, lower-cased.
std::string page_id(const std::string& relative);

}  // namespace patsel::compile
