#pragma once
// Compiling a source tree (pattern pages + data files) into catalog.json.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "patsel/compile/diagnostics.hpp"
#include "patsel/compile/page.hpp"
#include "patsel/result.hpp"

namespace patsel::compile {

/// How many pages wrote a front-matter field, and how many of them lost it
/// (a word outside the vocabulary, references to nothing ...).
struct FieldCount {
  int kept = 0;
  int dropped = 0;
};

struct BuildStats {
  int pages = 0;     ///< Markdown files seen
  int patterns = 0;  ///< compiled into the catalog
  int failed = 0;    ///< left out because of an error
  int duplicates = 0;  ///< second pages of a pattern, merged into the richer one
  int body_relations = 0;  ///< relations read from the pages' Related sections
  int cached = 0;    ///< taken from the page cache instead of being compiled again
  std::map<std::string, int> skipped;  ///< not patterns, by reason
  /// By canonical front-matter key ("pattern_status", "related_laws").
  std::map<std::string, FieldCount> fields;
};

struct BuildOutput {
  nlohmann::json catalog;
  Report report;
  BuildStats stats;
  /// Whether `catalog` may replace a previous catalog: false when the
  /// source or data folder is missing or could not be read whole
  /// (`source.missing`, `source.not_a_folder`, `source.unreadable`), or no
  /// page compiled into a pattern (`source.empty`). Errors inside pages and
  /// data files leave it true: what compiled is a catalog.
  bool writable = false;
  /// Why the page cache could not be written, when it could not; the
  /// build itself is not affected.
  std::string cache_problem;
};

struct BuildOptions {
  /// Where the data files (laws.yaml, trees/ ...) are; defaults to the
  /// source root. A docs tree keeps them elsewhere.
  std::optional<std::filesystem::path> data_dir;
  /// Size, alias-expansion and nesting limits of each page and data file.
  PageLimits limits;
  /// Read typed relations from the links of the pages' Related sections
  /// (`patsel build --no-body-relations` turns it off).
  bool body_relations = true;
  /// A file that keeps compiled pages between builds: a page whose path
  /// and bytes did not change is taken from it instead of being parsed
  /// again. None: every page is compiled.
  std::optional<std::filesystem::path> cache;
  /// Names this compiler in the cache, so that a cache written by another
  /// build of it is ignored. Empty: a hash of the running executable.
  std::string compiler_identity;
};

/// Compiles every `*.md` below `root` (recursively, in path order) and the
/// data files. Never stops at a bad file: the report lists every problem
/// and the catalog holds everything that compiled. Nothing in the file
/// system (links that loop, unreadable folders) or in a file (alias bombs,
/// running out of memory) ends the process; see `BuildOutput::writable`.
///
/// ```
/// auto out = patsel::compile::build_catalog("data");
/// std::cout << out.report.to_text();
/// ```
BuildOutput build_catalog(const std::filesystem::path& root, const BuildOptions& options = {});

/// What a maintainer reads after the diagnostics: how many pages compiled,
/// then, when there were problems, the count per rule id and, per
/// front-matter field, how many pages kept and dropped what they wrote.
///
/// ```
/// std::cerr << out.report.to_text() << patsel::compile::build_summary(out);
/// ```
std::string build_summary(const BuildOutput& out);

/// The catalog's bytes: sorted keys, tab-indented, trailing newline;
/// the same input gives the same bytes.
std::string serialize_catalog(const nlohmann::json& catalog);

/// Writes `contents` to `path.tmp`, flushes it to disk and renames it over
/// `path`, so a failed write (full disk, a crash or a kill mid-write) leaves
/// the previous file intact; the rename is atomic on POSIX file systems.
std::optional<Error> write_file_atomically(const std::filesystem::path& path, const std::string& contents);

/// Receives a file's bytes piece by piece, in order.
using TextSink = std::function<void(std::string_view)>;

/// The same for bytes too many to hold whole: `produce` passes them to its
/// sink. An exception from `produce` removes `path.tmp` and goes on up.
std::optional<Error> write_file_atomically(const std::filesystem::path& path,
                                           const std::function<void(const TextSink&)>& produce);

/// Writes serialize_catalog(catalog)'s bytes to `path` as above, without
/// holding them whole (a catalog of 20,000 pages is 160 MB of text).
std::optional<Error> write_catalog_file(const std::filesystem::path& path, const nlohmann::json& catalog);

}  // namespace patsel::compile
