#include "patsel/compile/build.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <new>
#include <optional>
#include <unordered_map>

#if __has_include(<unistd.h>)
#include <fcntl.h>
#include <unistd.h>
#define PATSEL_POSIX_IO 1
#else
#define PATSEL_POSIX_IO 0
#endif

#include "catalog_text.hpp"
#include "checks.hpp"
#include "health_fields.hpp"
#include "page_cache.hpp"
#include "parallel.hpp"
#include "source_tree.hpp"
#include "patsel/catalog.hpp"
#include "patsel/compile/page.hpp"

namespace patsel::compile {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string display_prefix(const fs::path& root) {
  std::string s = root.generic_string();
  if (!s.empty() && s.back() != '/') s += '/';
  return s == "./" ? "" : s;
}

std::string fold_title(const json& record) {
  std::string out;
  for (char c : record.value("title", "")) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool names(const json& record, const std::string& id) {
  auto it = record.find("aliases");
  if (it == record.end() || !it->is_array()) return false;
  for (const json& alias : *it)
    if (alias.is_string() && detail::reference_key(alias.get<std::string>()) == id) return true;
  return false;
}

// The kept pages by id and by folded title, each key naming the first
// kept page that has it: the duplicate check asks in constant time.
class KeptIndex {
 public:
  std::optional<std::size_t> find(const std::string& id, const std::string& title) const {
    auto by_id = ids_.find(id);
    auto by_title = titles_.find(title);
    if (by_id == ids_.end() && by_title == titles_.end()) return std::nullopt;
    if (by_id == ids_.end()) return by_title->second;
    if (by_title == titles_.end()) return by_id->second;
    return std::min(by_id->second, by_title->second);
  }
  void add(const detail::CompiledPage& page, std::size_t at) {
    keep_first(ids_, page.record["id"].get<std::string>(), at);
    keep_first(titles_, fold_title(page.record), at);
  }
  void remove(const detail::CompiledPage& page, std::size_t at) {
    forget(ids_, page.record["id"].get<std::string>(), at);
    forget(titles_, fold_title(page.record), at);
  }

 private:
  using Map = std::unordered_map<std::string, std::size_t>;
  static void keep_first(Map& map, const std::string& key, std::size_t at) {
    auto [it, fresh] = map.emplace(key, at);
    if (!fresh && at < it->second) it->second = at;
  }
  static void forget(Map& map, const std::string& key, std::size_t at) {
    if (auto it = map.find(key); it != map.end() && it->second == at) map.erase(it);
  }
  Map ids_, titles_;
};

// Two files for one pattern ("bulkhead.md" and "bulkhead-gold.md"): the
// second is dropped silently when the first lists it as an alias, and is an
// error otherwise. Same id twice is always an error. The first earlier page
// with the same id or title is the twin.
void drop_duplicates(std::vector<detail::CompiledPage>& pages, BuildOutput& out) {
  std::vector<detail::CompiledPage> kept;
  KeptIndex index;
  for (auto& page : pages) {
    const std::string id = page.record["id"];
    const auto twin_at = index.find(id, fold_title(page.record));
    if (!twin_at) {
      kept.push_back(std::move(page));
      index.add(kept.back(), kept.size() - 1);
      continue;
    }
    detail::CompiledPage& twin = kept[*twin_at];
    const std::string twin_id = twin.record["id"];
    if (twin_id != id && names(twin.record, id)) {
      out.stats.skipped["alias page of " + twin_id]++;
    } else if (twin_id != id && names(page.record, twin_id)) {
      out.stats.skipped["alias page of " + id]++;  // the later file is the main one
      index.remove(twin, *twin_at);
      twin = std::move(page);
      index.add(twin, *twin_at);
    } else {
      out.report.error("page.duplicate", page.file, 0, 0,
                       twin_id == id ? "the id '" + id + "' is already used by " + twin.file + "; left out"
                                     : "'" + page.record.value("title", "") + "' is already defined by " + twin.file +
                                           "; left out (list '" + id + "' in its aliases if it is the same pattern)");
      out.stats.failed++;
    }
  }
  pages = std::move(kept);
}

// Whether `folder` is there to read; `source.missing`,
// `source.not_a_folder` or `source.unreadable` otherwise. A folder that
// cannot be listed is one error here, not one per thing looked for in it.
bool source_folder(const fs::path& folder, const std::string& what, Report& report) {
  const detail::Entry entry = detail::inspect(folder);
  const std::string shown = folder.generic_string();
  if (!entry.problem_rule.empty()) {
    // The entry's words are for a file among others ("cannot read: ...;
    // left out"); here they name the whole folder.
    std::string problem = entry.problem;
    if (const auto cut = problem.rfind("; left out"); cut != std::string::npos) problem.erase(cut);
    if (problem.rfind("cannot read: ", 0) == 0) problem.replace(0, 11, "cannot be read");
    report.error(entry.problem_rule == "source.broken_link" ? "source.missing" : entry.problem_rule, shown, 0, 0,
                 what + " " + problem);
    return false;
  }
  if (entry.kind == detail::EntryKind::missing) {
    report.error("source.missing", shown, 0, 0, what + " does not exist");
    return false;
  }
  if (entry.kind != detail::EntryKind::folder) {
    report.error("source.not_a_folder", shown, 0, 0, what + " is a file, not a folder");
    return false;
  }
  std::error_code error;
  fs::directory_iterator listing(folder, error);
  if (error) {
    report.error("source.unreadable", shown, 0, 0, what + " cannot be read: " + error.message());
    return false;
  }
  return true;
}

// Reads and compiles one page, or takes it from the cache when its bytes
// are the ones cached; a page compiled here gets a frame for the next
// cache. Nothing escapes: a file that cannot be read is
// `source.unreadable`, and running out of memory (or any other failure of
// the compiler itself) leaves this page out and the others go on; neither
// is cached.
void compile_file(const fs::path& path, PageInput& input, PageOutcome& outcome, Report& report,
                  const PageLimits& limits, const detail::PageCache* cache, std::string* frame, bool& cached) {
  try {
    // One byte past the limit: a page over it is reported from its size.
    auto text = detail::read_source(path, limits.max_bytes + 1);
    if (!text) {
      report.error(text.error().code, input.file, 0, 0, text.error().message);
      return;
    }
    input.text = std::move(text).value();
    // Both paths: the shown one is in the diagnostics, the relative one
    // gives the id and the folder.
    const std::string key = input.file + '\n' + input.relative;
    if (cache) {
      if (auto hit = cache->find(key, input.text)) {
        outcome = std::move(hit->outcome);
        report = std::move(hit->report);
        *frame = cache->stored_frame(key);
        cached = true;
        input.text = std::string();
        return;
      }
    }
    detail::CachedPage page;
    page.outcome = compile_page(input, page.report, limits);
    if (frame) *frame = detail::PageCache::frame(key, input.text, page);
    outcome = std::move(page.outcome);
    report = std::move(page.report);
  } catch (const std::bad_alloc&) {
    outcome = PageOutcome{};
    if (frame) frame->clear();
    report.error("page.too_large", input.file, 0, 0, "ran out of memory while compiling the page; left out");
  } catch (const std::exception& e) {
    outcome = PageOutcome{};
    if (frame) frame->clear();
    report.error("page.internal_error", input.file, 0, 0,
                 std::string("the compiler failed on this page (") + e.what() + "); left out");
  }
  input.text = std::string();
}

// What a cached page depends on besides its path and bytes.
std::string cache_identity(const BuildOptions& options) {
  const PageLimits& l = options.limits;
  return options.compiler_identity + " " + std::to_string(l.max_bytes) + " " + std::to_string(l.max_yaml_nodes) +
         " " + std::to_string(l.max_yaml_bytes) + " " + std::to_string(l.max_depth);
}

}  // namespace

BuildOutput build_catalog(const fs::path& root, const BuildOptions& options) {
  BuildOutput out;
  const std::string prefix = display_prefix(root);
  if (!source_folder(root, "the source folder", out.report)) return out;
  const fs::path data_dir = options.data_dir.value_or(root);
  const bool data_found = !options.data_dir || source_folder(*options.data_dir, "the data folder", out.report);

  // Pages compile independently, so they are spread over the cores (yaml-cpp
  // parsing dominates); results are merged in path order, so the output and
  // the report do not depend on the thread count.
  const std::vector<detail::SourceFile> files = detail::find_pages(root, prefix, out.report);
  std::vector<PageOutcome> outcomes(files.size());
  std::vector<Report> reports(files.size());
  std::vector<PageInput> inputs(files.size());
  std::optional<detail::PageCache> cache;
  if (options.cache) {
    BuildOptions named = options;
    if (named.compiler_identity.empty()) named.compiler_identity = detail::executable_identity();
    if (named.compiler_identity.empty())
      out.cache_problem = "the page cache is not used: this program's own file cannot be read to name it";
    else
      cache = detail::PageCache::load(*options.cache, cache_identity(named));
  }
  std::vector<std::string> frames(cache ? files.size() : 0);
  std::vector<char> cached(files.size(), 0);
  detail::parallel_for(files.size(), [&](std::size_t i) {
    inputs[i].file = prefix + files[i].relative;
    inputs[i].relative = files[i].relative;
    bool hit = false;
    compile_file(files[i].path, inputs[i], outcomes[i], reports[i], options.limits, cache ? &*cache : nullptr,
                 cache ? &frames[i] : nullptr, hit);
    cached[i] = hit;
  });
  // A cache that would be written again byte for byte is left alone.
  const bool cache_unchanged = cache && cache->size() == files.size() &&
                               std::all_of(cached.begin(), cached.end(), [](char hit) { return hit != 0; });
  if (cache && !cache_unchanged) {
    if (auto error = cache->save(*options.cache, frames))
      out.cache_problem = "the page cache was not written (" + error->message + "); the next build compiles every page";
  }
  cache.reset();  // its bytes are no longer needed
  frames = {};

  std::vector<detail::CompiledPage> pages;
  for (std::size_t i = 0; i < files.size(); ++i) {
    out.stats.pages++;
    out.stats.cached += cached[i];
    out.report.merge(reports[i]);
    if (outcomes[i].record)
      pages.push_back({inputs[i].file, std::move(*outcomes[i].record), std::move(outcomes[i].lines)});
    else if (!outcomes[i].skipped.empty())
      out.stats.skipped[outcomes[i].skipped]++;
    else
      out.stats.failed++;
  }
  drop_duplicates(pages, out);

  // The names a reference can use (id, title, aliases), not whole records.
  std::vector<json> names;
  names.reserve(pages.size());
  for (const auto& page : pages) {
    json& entry = names.emplace_back(json::object());
    for (const char* key : {"id", "title", "aliases"})
      if (auto it = page.record.find(key); it != page.record.end()) entry[key] = *it;
  }
  detail::Resolver resolver(names);
  names.clear();
  detail::resolve_page_references(pages, resolver, out.report);
  detail::check_tiers(pages, out.report);
  detail::check_blocks(pages, out.report);
  detail::check_health(pages, out.report);

  json data = json::object();
  if (data_found)
    data = detail::load_data_files(data_dir, display_prefix(data_dir), options.data_dir.has_value(), resolver,
                                   options.limits, out.report);

  json patterns = json::array();
  std::sort(pages.begin(), pages.end(), [](const auto& a, const auto& b) {
    return a.record["id"].template get_ref<const std::string&>() < b.record["id"].template get_ref<const std::string&>();
  });
  for (auto& page : pages) patterns.push_back(std::move(page.record));
  out.stats.patterns = static_cast<int>(patterns.size());
  if (out.stats.patterns == 0)
    out.report.error("source.empty", root.generic_string(), 0, 0,
                     files.empty() ? "no Markdown page (*.md) below the source folder"
                                   : "none of the " + std::to_string(files.size()) +
                                         (files.size() == 1 ? " page" : " pages") + " compiled into a pattern");

  json catalog = std::move(data);
  catalog["patterns"] = std::move(patterns);
  catalog["schema_version"] = kSchemaVersion;
  catalog["content_hash"] = detail::content_hash(catalog);
  out.catalog = std::move(catalog);
  out.writable = data_found && out.report.count("source.unreadable") == 0 && out.report.count("source.empty") == 0;
  return out;
}

std::string serialize_catalog(const json& catalog) { return detail::catalog_text(catalog); }

std::optional<Error> write_file_atomically(const fs::path& path, const std::string& contents) {
  fs::path temporary = path;
  temporary += ".tmp";
  auto fail = [&](const std::string& why) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    return Error{"io.write_failed", temporary.generic_string() + ": " + why};
  };
#if PATSEL_POSIX_IO
  // POSIX calls rather than a stream, to fsync: without it a power cut
  // soon after the rename can leave an empty catalog.json on some file systems.
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return Error{"io.write_failed", temporary.generic_string() + ": cannot open for writing: " + std::strerror(errno)};
  for (std::size_t written = 0; written < contents.size();) {
    const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int cause = errno;
      ::close(fd);
      return fail(std::string("write failed: ") + std::strerror(cause));
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int cause = errno;
    ::close(fd);
    return fail(std::string("write failed: ") + std::strerror(cause));
  }
  if (::close(fd) != 0) return fail(std::string("write failed: ") + std::strerror(errno));
#else
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return Error{"io.write_failed", temporary.generic_string() + ": cannot open for writing"};
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.flush();
    if (!out) {
      out.close();
      return fail("write failed");
    }
  }
#endif
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) {
    const std::string why = ec.message();  // before remove() reuses `ec`
    fs::remove(temporary, ec);
    return Error{"io.write_failed", path.generic_string() + ": cannot replace: " + why};
  }
  return std::nullopt;
}

}  // namespace patsel::compile
