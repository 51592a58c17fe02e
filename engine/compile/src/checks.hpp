#pragma once
// The checks that need the whole catalog: references between patterns,
// the tier completeness rules, and the catalog-level data files.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "patsel/compile/diagnostics.hpp"
#include "patsel/compile/page.hpp"
#include "resolver.hpp"

namespace patsel::compile::detail {

/// A compiled page and what is needed to report on it.
struct CompiledPage {
  std::string file;
  nlohmann::json record;
  nlohmann::json lines;  ///< output key -> line of its front-matter key
  std::string relative;  ///< path below the source root ("resilience/timeout.md")
  std::vector<BodyLink> body_links;
};

/// Resolves every pattern reference in the pages to an id; unknown ones are
/// warnings (with a suggestion) and are removed, so nothing dangles.
void resolve_page_references(std::vector<CompiledPage>& pages, const Resolver& resolver, Report& report);

/// What a gold, silver or bronze page must carry (a bronze page its
/// migration path, a gold page its production examples ...): reported, the
/// page is kept.
void check_tiers(const std::vector<CompiledPage>& pages, Report& report);

/// Shapes and vocabularies of the nested blocks (trade_offs, the migration,
/// health and implementation blocks ...): reported as warnings, the page is
/// kept.
void check_blocks(const std::vector<CompiledPage>& pages, Report& report);

/// Loads `laws.yaml`, `rules.yaml`, ..., `trees/*.yaml` under `root` into
/// catalog sections (arrays keyed by section name), resolving and checking
/// the patterns they name. `display_root` prefixes file names in messages.
/// `named`: the folder was named on purpose (`--data`), so finding no data
/// file there is `source.empty`.
nlohmann::json load_data_files(const std::filesystem::path& root, const std::string& display_root, bool named,
                               const Resolver& resolver, const PageLimits& limits, Report& report);

}  // namespace patsel::compile::detail
