#include "source_tree.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <set>

namespace patsel::compile::detail {
namespace {

namespace fs = std::filesystem;

bool is_below(const std::string& path, const std::string& folder) {
  if (folder == "/") return path.size() > 1 && path[0] == '/';
  return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 && path[folder.size()] == '/';
}

bool at_or_below(const std::string& path, const std::string& folder) { return path == folder || is_below(path, folder); }

std::string link_target(const fs::path& link) {
  std::error_code ignored;
  return fs::read_symlink(link, ignored).generic_string();
}

void report_problem(const Entry& entry, const std::string& shown, Report& report) {
  if (entry.problem_rule == "source.broken_link")
    report.warning(entry.problem_rule, shown, 0, 0, entry.problem);
  else
    report.error(entry.problem_rule, shown, 0, 0, entry.problem);
}

// A folder still to list: where it is, its path below the root, and its
// real path (links resolved), which finds links that lead back into it.
struct Pending {
  fs::path path;
  std::string relative;
  std::string real;
};

}  // namespace

Entry inspect(const fs::path& path) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error == std::errc::too_many_symbolic_link_levels)
    return {EntryKind::other, "source.symlink_loop",
            "is a link that leads back to itself ('" + link_target(path) + "'): a symlink loop; left out"};
  if (status.type() == fs::file_type::not_found || error == std::errc::no_such_file_or_directory ||
      error == std::errc::not_a_directory) {
    std::error_code link_error;
    if (fs::is_symlink(fs::symlink_status(path, link_error)) && !link_error)
      return {EntryKind::missing, "source.broken_link",
              "is a link to '" + link_target(path) + "', which does not exist; left out"};
    return {EntryKind::missing, "", ""};
  }
  if (error) return {EntryKind::other, "source.unreadable", "cannot read: " + error.message()};
  if (fs::is_directory(status)) return {EntryKind::folder, "", ""};
  if (fs::is_regular_file(status)) return {EntryKind::file, "", ""};
  return {EntryKind::other, "", ""};
}

std::vector<SourceFile> find_pages(const fs::path& root, const std::string& display_root, Report& report) {
  std::vector<SourceFile> out;
  std::error_code error;
  const std::string root_real = fs::canonical(root, error).generic_string();
  if (error) {
    report.error("source.unreadable", display_root, 0, 0, "cannot read: " + error.message());
    return out;
  }
  // Each real folder is listed once, whatever the number of links to it,
  // so the walk is linear in the size of the tree and always ends.
  std::set<std::string> listed = {root_real};
  std::vector<Pending> stack = {{root, "", root_real}};
  while (!stack.empty()) {
    const Pending folder = std::move(stack.back());
    stack.pop_back();
    const std::string shown_folder =
        !folder.relative.empty() ? display_root + folder.relative
                                 : display_root.empty() ? "." : display_root.substr(0, display_root.size() - 1);
    // Listed in name order, so which of two links to one folder is read
    // does not depend on the file system.
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(folder.path, error), end; !error && it != end; it.increment(error))
      entries.push_back(*it);
    std::sort(entries.begin(), entries.end());
    std::vector<Pending> subfolders;
    for (const fs::directory_entry& item : entries) {
      const fs::path& path = item.path();
      const std::string name = path.filename().string();
      const std::string relative = folder.relative.empty() ? name : folder.relative + "/" + name;
      const std::string shown = display_root + relative;
      const Entry entry = inspect(path);
      // Hidden folders are skipped, and so are hidden links to nothing
      // (editors keep their locks as links named ".#page.md").
      if (name[0] == '.' && (entry.kind != EntryKind::file || !entry.problem_rule.empty())) continue;
      const bool markdown = path.extension() == ".md";
      if (!entry.problem_rule.empty()) {
        // Only what could be a page or a folder of pages: a broken link to
        // an image is none of the compiler's business, and data files are
        // reported by the data loader.
        if (markdown || !path.has_extension()) report_problem(entry, shown, report);
        continue;
      }
      if (entry.kind == EntryKind::file && markdown) {
        out.push_back({path, relative});
      } else if (entry.kind == EntryKind::other && markdown) {
        report.error("source.unreadable", shown, 0, 0, "is not a file (a FIFO, socket or device); left out");
      } else if (entry.kind == EntryKind::folder && name != "node_modules") {
        std::error_code link_error;
        if (!item.is_symlink(link_error)) {
          std::string real = folder.real + (folder.real == "/" ? "" : "/") + name;
          if (listed.insert(real).second) subfolders.push_back({path, relative, std::move(real)});
          continue;
        }
        std::string real = fs::canonical(path, link_error).generic_string();
        if (link_error) {
          report.error("source.unreadable", shown, 0, 0, "cannot read: " + link_error.message());
        } else if (at_or_below(folder.real, real) || at_or_below(root_real, real)) {
          report.error("source.symlink_loop", shown, 0, 0,
                       "is a link to '" + link_target(path) + "', a folder it is in: a symlink loop; not followed");
        } else if (is_below(real, root_real) || listed.count(real)) {
          report.warning("source.linked_folder", shown, 0, 0,
                         "is a link to '" + link_target(path) + "', a folder that is read by its own path; not followed");
        } else {
          listed.insert(real);
          subfolders.push_back({path, relative, std::move(real)});
        }
      }
    }
    if (error) {
      report.error("source.unreadable", shown_folder, 0, 0, "cannot read the folder: " + error.message());
      error.clear();
    }
    stack.insert(stack.end(), std::make_move_iterator(subfolders.rbegin()), std::make_move_iterator(subfolders.rend()));
  }
  // Path order, folder by folder ("a/x.md" before "a-b/x.md"): '/' sorts
  // before every other byte, as NUL, which no file name holds.
  std::vector<std::pair<std::string, std::size_t>> keys;
  keys.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::string key = out[i].relative;
    std::replace(key.begin(), key.end(), '/', '\0');
    keys.emplace_back(std::move(key), i);
  }
  std::sort(keys.begin(), keys.end());
  std::vector<SourceFile> sorted;
  sorted.reserve(out.size());
  for (const auto& key : keys) sorted.push_back(std::move(out[key.second]));
  return sorted;
}

std::vector<fs::path> yaml_files_in(const fs::path& folder, const std::string& display_folder, Report& report) {
  std::vector<fs::path> out;
  std::error_code error;
  fs::directory_iterator it(folder, error), end;
  for (; !error && it != end; it.increment(error)) {
    const fs::path& path = it->path();
    const std::string name = path.filename().string();
    if (path.extension() != ".yaml" || name[0] == '.') continue;  // ".#x.yaml": an editor's lock
    const Entry entry = inspect(path);
    if (!entry.problem_rule.empty())
      report_problem(entry, display_folder + name, report);
    else if (entry.kind == EntryKind::file)
      out.push_back(path);
    else if (entry.kind != EntryKind::missing)
      report.error("source.unreadable", display_folder + name, 0, 0,
                   entry.kind == EntryKind::folder ? "is a folder, not a file; left out" : "is not a file; left out");
  }
  if (error) report.error("source.unreadable", display_folder, 0, 0, "cannot read the folder: " + error.message());
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::string> read_source(const fs::path& path, std::size_t limit) {
  const Entry entry = inspect(path);
  if (!entry.problem_rule.empty()) return Error{entry.problem_rule, entry.problem};
  if (entry.kind == EntryKind::folder) return Error{"source.unreadable", "is a folder, not a file; left out"};
  if (entry.kind != EntryKind::file) return Error{"source.unreadable", "is not a file; left out"};
  // A C stream rather than std::ifstream: it keeps errno, so the message
  // says why ("Permission denied") instead of reading as an empty file.
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return Error{"source.unreadable", std::string("cannot read: ") + std::strerror(errno) + "; left out"};
  std::error_code size_error;
  const std::uintmax_t size = fs::file_size(path, size_error);
  // One byte more than the file's size, so the read that finds its end
  // needs no larger buffer (a file that grew meanwhile still does).
  std::string text(size_error ? std::min<std::size_t>(limit, 1 << 16) : std::min<std::uintmax_t>(size + 1, limit), '\0');
  std::size_t used = 0;
  while (used < limit) {
    if (used == text.size()) text.resize(std::min(limit, text.size() * 2 + 1));
    const std::size_t n = std::fread(text.data() + used, 1, text.size() - used, file.get());
    used += n;
    if (n == 0) break;
  }
  if (std::ferror(file.get()))
    return Error{"source.unreadable", std::string("cannot read: ") + std::strerror(errno) + "; left out"};
  text.resize(used);
  return text;
}

}  // namespace patsel::compile::detail
