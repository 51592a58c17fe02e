#pragma once
// Compiled pages kept between builds (`patsel build --cache FILE`): a page
// whose path and bytes are the same as in the previous build, compiled by
// the same compiler with the same limits, is taken from the cache instead
// of being parsed again. Parsing the YAML is most of a build's time, so a
// rebuild after editing a few pages costs little more than reading and
// writing the catalog.
//
// The file is a header line naming its format and the compiler, then one
// frame per page: its paths, the size and hash of its bytes, and what
// compiling it gave (record, field lines, Related links, diagnostics) as
// CBOR. A cache written by another compiler, or damaged in any way, is
// ignored whole or frame by frame: the worst a bad cache can cost is the
// time of a full build.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fnv1a.hpp"
#include "mapped_file.hpp"
#include "patsel/compile/diagnostics.hpp"
#include "patsel/compile/page.hpp"
#include "patsel/result.hpp"

namespace patsel::compile::detail {

/// A hash of the running program's file (Linux: /proc/self/exe), which
/// changes with every build of the compiler; empty when it cannot be read.
std::string executable_identity();

/// A page's compiled form, as the cache keeps it.
struct CachedPage {
  PageOutcome outcome;
  Report report;
};

class PageCache {
 public:
  /// Reads `file`; a missing file, one written by another compiler
  /// (`identity`) or one that is not a cache gives an empty cache.
  static PageCache load(const std::filesystem::path& file, std::string identity);

  /// The page cached under `key` (the page's paths) when the cache holds
  /// it for exactly `text`; nothing for a miss or a damaged frame. Safe to call from
  /// several threads at once.
  std::optional<CachedPage> find(const std::string& key, std::string_view text) const;

  /// The frame for one page, ready to be written (safe from any thread).
  static std::string frame(const std::string& key, std::string_view text, const CachedPage& page);
  /// The frame `find` read for this page, unchanged, or empty.
  std::string_view stored_frame(const std::string& key) const;

  /// Writes the header and `frames` (in order) to `file` atomically.
  std::optional<Error> save(const std::filesystem::path& file, const std::vector<std::string_view>& frames) const;

  std::size_t size() const { return frames_.size(); }

 private:
  struct Stored {
    std::uint64_t size = 0;
    std::uint64_t hash = 0;
    std::string_view body;   // the CBOR of the compiled page
    std::string_view whole;  // the whole frame, to write it again unchanged
  };
  std::string identity_;
  std::unique_ptr<MappedFile> file_;  // the cache file's bytes; frames_ points into them
  std::unordered_map<std::string_view, Stored> frames_;
};

}  // namespace patsel::compile::detail
