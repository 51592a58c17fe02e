#pragma once
// One Markdown page with YAML front matter -> one normalized catalog record.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "patsel/compile/diagnostics.hpp"
#include "patsel/compile/terms.hpp"

namespace patsel::compile {

struct PageInput {
  std::string file;      ///< path shown in diagnostics, e.g. "data/patterns/saga.md"
  std::string relative;  ///< path below the source root with '/' separators, e.g. "patterns/saga.md"
  std::string text;      ///< the file's bytes
};

/// A link in a "Related" section of a page's body, before the build knows
/// which page it leads to.
struct BodyLink {
  std::string target;    ///< as written: "../resilience/timeout.md#how"
  int line = 0;          ///< the file line of the link
  std::string relation;  ///< read from the sub-heading and the row's words; "related" when they say nothing more
  std::string note;      ///< the row's text without the link, plain
};

struct PageOutcome {
  /// The normalized record; empty when the page is not a pattern or could
  /// not be compiled (the report says which).
  std::optional<nlohmann::json> record;
  /// Why a page that is not a pattern was left out ("index page",
  /// "type: guide"); empty for patterns and for failed pages.
  std::string skipped;
  /// For each output field, the front-matter key it came from and its
  /// line ({"line": 12, "key": "related-patterns", "field": "related_patterns"}: the
  /// key as written and its canonical spelling, each only where it differs
  /// from the output field's name), for later diagnostics (reference
  /// checks) that concern a field of this page.
  nlohmann::json lines = nlohmann::json::object();
  /// The links of the body's "Related" sections, in page order.
  std::vector<BodyLink> body_links;
};

/// What one page (or data file) may cost; past a limit the compiler
/// reports `page.too_large` (`data.too_large`) and goes on with the others.
/// docs/reliability.md says why each exists.
struct PageLimits {
  std::size_t max_bytes = std::size_t{1} << 20;  ///< file size; `patsel build --max-page-bytes`
  std::size_t max_yaml_nodes = 200000;           ///< per file, with aliases expanded (alias bombs)
  /// Text per file (scalars and keys) with aliases expanded: one long
  /// string named by thousands of aliases. `patsel build` makes it four
  /// times the page size when --max-page-bytes raises that.
  std::size_t max_yaml_bytes = std::size_t{4} << 20;
  int max_depth = 64;                            ///< nesting of a front-matter block or data file
};

/// Compiles one page. Problems go to `report`; a page is dropped only when
/// it cannot be a pattern at all (no or broken front matter, no title, too
/// large). Any bytes are accepted: invalid UTF-8 and NUL bytes are replaced
/// with U+FFFD and reported (`page.invalid_utf8`, `page.nul_byte`), so the
/// record is always valid UTF-8.
///
/// ```
/// Report report;
/// auto outcome = compile_page({"data/patterns/saga.md", "patterns/saga.md", text}, report);
/// ```
/// `terms`: the vocabulary and laws the page is read with.
PageOutcome compile_page(const PageInput& page, Report& report, const PageLimits& limits = {},
                         const Terms& terms = Terms::shipped());

/// The id a page gets: its file name without `.md`, lower-cased.
std::string page_id(const std::string& relative);

}  // namespace patsel::compile
