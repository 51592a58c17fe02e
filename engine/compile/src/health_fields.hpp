#pragma once
// The front-matter blocks about a pattern's health: `health` (dated,
// sourced signals and the last tier review) and `tier_history` (each tier
// change with its date and reason). docs/health.md describes them.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "checks.hpp"
#include "patsel/compile/diagnostics.hpp"
#include "yaml_convert.hpp"
#include "yaml_tree.hpp"

namespace patsel::compile::detail {

/// Where a block's problems are reported: the page and the file line its
/// YAML text starts at.
struct BlockPlace {
  const std::string& file;
  int first_line;
  Report& report;
};

/// `health: {reviewed, implementations: [...], adoption: [...]}`. A signal
/// without a source is kept and reported (`health.unsourced`); one with a
/// bad state or date is left out (`health.bad_value`, `health.bad_date`).
std::optional<nlohmann::json> read_health(const std::string& key, const YamlNode& node, const BlockPlace& at);

/// `tier_history: [{date, from, to, reason}]`, oldest first.
std::optional<nlohmann::json> read_tier_history(const std::string& key, const YamlNode& node,
                                                const BlockPlace& at);

/// What needs the whole record: an implementation signal names a library
/// of the page's `implementations` block (`health.unknown_library`); the
/// last tier change ends at the page's tier (`health.history_mismatch`).
void check_health(const std::vector<CompiledPage>& pages, Report& report);

/// data/health.yaml's `health_signals`: known signal ids, weights from 0
/// to 100, positive knobs (`health.bad_model`).
void check_health_model(const nlohmann::json& signals, const std::string& file, const LineMap& lines,
                        Report& report);

}  // namespace patsel::compile::detail
