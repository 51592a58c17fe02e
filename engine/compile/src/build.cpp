#include "patsel/compile/build.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#if __has_include(<unistd.h>)
#include <fcntl.h>
#include <unistd.h>
#define PATSEL_POSIX_IO 1
#else
#define PATSEL_POSIX_IO 0
#endif

#include "checks.hpp"
#include "health_fields.hpp"
#include "patsel/catalog.hpp"
#include "patsel/compile/page.hpp"

namespace patsel::compile {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// At most `limit` bytes: a page past the limit is reported by compile_page
// from its size alone, so a stray multi-gigabyte file is never read whole.
std::string read_file(const fs::path& path, std::size_t limit) {
  std::error_code error;
  const std::uintmax_t size = fs::file_size(path, error);
  if (!error) limit = static_cast<std::size_t>(std::min<std::uintmax_t>(size, limit));
  std::ifstream in(path, std::ios::binary);
  std::string text(limit, '\0');
  in.read(text.data(), static_cast<std::streamsize>(limit));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

std::vector<fs::path> markdown_files(const fs::path& root) {
  std::vector<fs::path> out;
  if (!fs::is_directory(root)) return out;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied);
       it != fs::recursive_directory_iterator(); ++it) {
    const std::string name = it->path().filename().string();
    if (it->is_directory() && (name == "node_modules" || (!name.empty() && name[0] == '.'))) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".md") out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

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

// Two files for one pattern ("bulkhead.md" and "bulkhead-gold.md"): the
// second is dropped silently when the first lists it as an alias, and is an
// error otherwise. Same id twice is always an error.
void drop_duplicates(std::vector<detail::CompiledPage>& pages, BuildOutput& out) {
  std::vector<detail::CompiledPage> kept;
  for (auto& page : pages) {
    const std::string id = page.record["id"];
    auto twin = std::find_if(kept.begin(), kept.end(), [&](const detail::CompiledPage& earlier) {
      return earlier.record["id"] == id || fold_title(earlier.record) == fold_title(page.record);
    });
    if (twin == kept.end()) {
      kept.push_back(std::move(page));
      continue;
    }
    const std::string twin_id = twin->record["id"];
    if (twin_id != id && names(twin->record, id)) {
      out.stats.skipped["alias page of " + twin_id]++;
    } else if (twin_id != id && names(page.record, twin_id)) {
      out.stats.skipped["alias page of " + id]++;  // the later file is the main one
      *twin = std::move(page);
    } else {
      out.report.error("page.duplicate", page.file, 0, 0,
                       twin_id == id ? "the id '" + id + "' is already used by " + twin->file + "; left out"
                                     : "'" + page.record.value("title", "") + "' is already defined by " + twin->file +
                                           "; left out (list '" + id + "' in its aliases if it is the same pattern)");
      out.stats.failed++;
    }
  }
  pages = std::move(kept);
}

std::string fnv1a64(const std::string& text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

}  // namespace

BuildOutput build_catalog(const fs::path& root, const BuildOptions& options) {
  BuildOutput out;
  const std::string prefix = display_prefix(root);
  if (!fs::is_directory(root)) {
    out.report.error("build.no_source", root.generic_string(), 0, 0, "not a directory");
    return out;
  }

  // Pages compile independently, so they are spread over the cores (yaml-cpp
  // parsing dominates); results are merged in path order, so the output and
  // the report do not depend on the thread count.
  const std::vector<fs::path> files = markdown_files(root);
  std::vector<PageOutcome> outcomes(files.size());
  std::vector<Report> reports(files.size());
  std::vector<PageInput> inputs(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      const std::string relative = fs::relative(files[i], root).generic_string();
      inputs[i] = {prefix + relative, relative, read_file(files[i], options.limits.max_bytes + 1)};
      outcomes[i] = compile_page(inputs[i], reports[i], options.limits);
      inputs[i].text.clear();
    }
  };
  const unsigned threads = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads && t < files.size(); ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();

  std::vector<detail::CompiledPage> pages;
  for (std::size_t i = 0; i < files.size(); ++i) {
    out.stats.pages++;
    out.report.merge(reports[i]);
    if (outcomes[i].record)
      pages.push_back({inputs[i].file, std::move(*outcomes[i].record), std::move(outcomes[i].lines)});
    else if (!outcomes[i].skipped.empty())
      out.stats.skipped[outcomes[i].skipped]++;
    else
      out.stats.failed++;
  }
  drop_duplicates(pages, out);

  std::vector<json> records;
  for (const auto& page : pages) records.push_back(page.record);
  detail::Resolver resolver(records);
  detail::resolve_page_references(pages, resolver, out.report);
  detail::check_tiers(pages, out.report);
  detail::check_blocks(pages, out.report);
  detail::check_health(pages, out.report);

  fs::path data_dir = options.data_dir.value_or(root);
  json data = detail::load_data_files(data_dir, display_prefix(data_dir), resolver, options.limits, out.report);

  json patterns = json::array();
  std::sort(pages.begin(), pages.end(), [](const auto& a, const auto& b) {
    return a.record["id"].template get<std::string>() < b.record["id"].template get<std::string>();
  });
  for (auto& page : pages) patterns.push_back(std::move(page.record));
  out.stats.patterns = static_cast<int>(patterns.size());

  json catalog = data;
  catalog["patterns"] = std::move(patterns);
  catalog["schema_version"] = kSchemaVersion;
  catalog["content_hash"] = fnv1a64(catalog.dump(-1, ' ', false, json::error_handler_t::replace));
  out.catalog = std::move(catalog);
  return out;
}

std::string serialize_catalog(const json& catalog) {
  return catalog.dump(1, '\t', false, json::error_handler_t::replace) + "\n";
}

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
