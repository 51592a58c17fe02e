#pragma once
// The limits a host sets when it loads a catalog (`load`'s options) and the
// checks `call` makes on params before parsing them. docs/reliability.md
// lists every limit and why it exists.

#include <optional>
#include <string_view>

#include "patsel/catalog.hpp"
#include "patsel/result.hpp"

namespace patsel::detail {

struct LoadOptions {
  CatalogLimits catalog;                             ///< max_catalog_bytes, max_depth
  std::size_t max_params_bytes = std::size_t{1} << 20;  ///< params text of one call
};

/// Reads `load`'s options: a JSON object with any of `max_catalog_bytes`,
/// `max_params_bytes` (1 to 2^40) and `max_depth` (1 to 1000, for the
/// catalog and for params); empty text gives the defaults.
///
/// ```
/// read_load_options(R"({"max_catalog_bytes": 134217728})").value().catalog.max_bytes == 134217728
/// ```
///
/// Errors: `load.bad_option` naming the option ("$.max_depth: ...").
Result<LoadOptions> read_load_options(std::string_view text);

/// `params.too_large` or `params.too_deep` when params text is over the
/// limits, before anything parses it.
std::optional<Error> check_params_text(std::string_view text, const LoadOptions& options);

}  // namespace patsel::detail
