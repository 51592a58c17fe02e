#pragma once
// Finding and reading the files of a source tree without letting the file
// system end the run: symlink loops, unreadable folders and files, and
// things that are not files become diagnostics that name the path.

#include <filesystem>
#include <string>
#include <vector>

#include "patsel/compile/diagnostics.hpp"
#include "patsel/result.hpp"

namespace patsel::compile::detail {

/// One Markdown file found below the source root.
struct SourceFile {
  std::filesystem::path path;  ///< to open
  std::string relative;        ///< below the root, '/'-separated: "patterns/saga.md"
};

/// What is found at a path, following symlinks.
enum class EntryKind { file, folder, missing, other };

/// `kind` and, when the path cannot be used, why: `source.symlink_loop`
/// (a link that leads back to itself), `source.unreadable` (permission
/// denied, or not a file or folder).
struct Entry {
  EntryKind kind = EntryKind::missing;
  std::string problem_rule;  ///< empty when the path can be used (or is simply missing)
  std::string problem;       ///< "cannot read: Permission denied"
};

/// Looks at `path` without throwing.
Entry inspect(const std::filesystem::path& path);

/// Every `*.md` below `root` (a readable folder), sorted by path. Folders
/// named `node_modules` or starting with `.` are skipped. Links are
/// followed like MkDocs follows them, each folder read once: a link back to
/// a folder it is in is `source.symlink_loop`; a link to a folder read by
/// its own path is `source.linked_folder` (a warning, not followed); a link
/// to nothing is `source.broken_link` (a warning). Folders and files that
/// cannot be read are `source.unreadable`. `display_root` prefixes paths in
/// messages.
std::vector<SourceFile> find_pages(const std::filesystem::path& root, const std::string& display_root,
                                   Report& report);

/// The `*.yaml` files of one folder (not below it), sorted by name, with
/// the same reporting as find_pages.
std::vector<std::filesystem::path> yaml_files_in(const std::filesystem::path& folder, const std::string& display_folder,
                                                 Report& report);

/// At most `limit` bytes of the file at `path`. Errors: `source.unreadable`
/// ("cannot read: Permission denied", "is a folder, not a file") and
/// `source.symlink_loop`, with the message only (the caller names the file).
Result<std::string> read_source(const std::filesystem::path& path, std::size_t limit);

}  // namespace patsel::compile::detail
