#pragma once
// Synthetic catalogs for scale tests and benchmarks: any number of pattern
// records with the field sizes of the shipped catalog (titles of 1-3 words,
// summaries of 25-40 words, 2-4 when-to-use items ...), seeded and
// reproducible. Record i depends only on the seed and i, so the catalog of
// 1,000 patterns is the first 1,000 records of the one of 10,000.

#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace patsel::synth {

struct Options {
  std::size_t patterns = 1000;
  std::uint64_t seed = 1;
};

/// A catalog (schema_version 1) with `patterns` records and a `synonyms`
/// section of abbreviations.
///
/// ```
/// auto catalog = patsel::synth::catalog({10000, 42});
/// ```
nlohmann::json catalog(const Options& options);

/// The same, as catalog.json text.
std::string catalog_json(const Options& options);

}  // namespace patsel::synth
