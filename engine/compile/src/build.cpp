#include "patsel/compile/build.hpp"

#include <algorithm>
#include <new>
#include <optional>
#include <unordered_map>

#include "body_relations.hpp"
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

// "bulkhead-gold" -> "bulkhead": a site that keeps a tier's version of a
// page next to the page names it so.
std::string tier_stem(const std::string& id) {
  for (const char* suffix : {"-gold", "-silver", "-bronze"}) {
    const std::size_t n = std::strlen(suffix);
    if (id.size() > n && id.compare(id.size() - n, n, suffix) == 0) return id.substr(0, id.size() - n);
  }
  return id;
}

// The kept pages by id, by folded title and by tier stem, each key naming
// the first kept page that has it: the duplicate check asks in constant time.
class KeptIndex {
 public:
  std::optional<std::size_t> find(const detail::CompiledPage& page) const {
    std::optional<std::size_t> best;
    for (const auto& [map, key] : keys(page))
      if (auto it = map->find(key); it != map->end() && (!best || it->second < *best)) best = it->second;
    return best;
  }
  void add(const detail::CompiledPage& page, std::size_t at) {
    for (const auto& [map, key] : keys(page)) {
      auto [it, fresh] = map->emplace(key, at);
      if (!fresh && at < it->second) it->second = at;
    }
  }
  void remove(const detail::CompiledPage& page, std::size_t at) {
    for (const auto& [map, key] : keys(page))
      if (auto it = map->find(key); it != map->end() && it->second == at) map->erase(it);
  }

 private:
  using Map = std::unordered_map<std::string, std::size_t>;
  std::vector<std::pair<Map*, std::string>> keys(const detail::CompiledPage& page) const {
    const std::string id = page.record["id"].get<std::string>();
    return {{&ids_, id}, {&titles_, fold_title(page.record)}, {&stems_, tier_stem(id)}};
  }
  mutable Map ids_, titles_, stems_;
};

// How much a page says: its fields, then the length of what they hold
// (not its id and url, which only say where the file is).
std::pair<std::size_t, std::size_t> richness(const detail::CompiledPage& page) {
  std::size_t length = 0;
  for (auto it = page.record.begin(); it != page.record.end(); ++it)
    if (it.key() != "id" && it.key() != "url") length += it->dump().size();
  return {page.record.size(), length};
}

void add_alias(json& record, const std::string& alias) {
  if (alias == record.value("id", "") || names(record, alias)) return;
  json& aliases = record["aliases"];
  if (!aliases.is_array()) aliases = json::array();
  aliases.push_back(alias);
}

// Two files for one pattern ("bulkhead.md" and "bulkhead-gold.md": the
// same id, title or tier stem). When one lists the other's id among its
// aliases it is the main page and the other is dropped silently. Otherwise
// the richer page is kept, the other's id becomes one of its aliases, and
// one warning names both files.
void drop_duplicates(std::vector<detail::CompiledPage>& pages, BuildOutput& out) {
  std::vector<detail::CompiledPage> kept;
  KeptIndex index;
  for (auto& page : pages) {
    const std::string id = page.record["id"];
    const auto twin_at = index.find(page);
    if (!twin_at) {
      kept.push_back(std::move(page));
      index.add(kept.back(), kept.size() - 1);
      continue;
    }
    detail::CompiledPage& twin = kept[*twin_at];
    const std::string twin_id = twin.record["id"];
    if (twin_id != id && names(twin.record, id)) {
      out.stats.skipped["alias page of " + twin_id]++;
      continue;
    }
    if (twin_id != id && names(page.record, twin_id)) {
      out.stats.skipped["alias page of " + id]++;  // the later file is the main one
      index.remove(twin, *twin_at);
      twin = std::move(page);
      index.add(twin, *twin_at);
      continue;
    }
    out.stats.duplicates++;
    const bool later_richer = richness(page) > richness(twin);
    detail::CompiledPage& winner = later_richer ? page : twin;
    const detail::CompiledPage& loser = later_richer ? twin : page;
    const std::string loser_id = loser.record["id"];
    if (twin_id == id)
      out.report.warning("page.duplicate", loser.file, 0, 0,
                         "the id '" + id + "' is also the pattern of " + winner.file +
                             ", which says more and is kept; this page is left out");
    else
      out.report.warning("page.duplicate", loser.file, 0, 0,
                         "'" + page.record.value("title", "") + "' is also the pattern of " + winner.file +
                             ", which says more and is kept; '" + loser_id +
                             "' becomes one of its aliases (list it there to say so)");
    add_alias(winner.record, loser_id);
    if (later_richer) {
      index.remove(twin, *twin_at);
      twin = std::move(page);
      index.add(twin, *twin_at);
    }
  }
  pages = std::move(kept);
}

// The vocabulary and laws the pages are read with: the shipped ones, with
// the site's vocabulary.yaml over them and its laws.yaml in their place;
// and a hash of the two files as read, which the page cache is keyed by.
struct SiteTerms {
  Terms terms = Terms::shipped();
  std::uint64_t files_hash = detail::kFnv1aStart;
};

SiteTerms site_terms(const fs::path& data_dir, const std::string& display, const PageLimits& limits, Report& report) {
  SiteTerms site;
  auto read = [&](const char* name) -> std::optional<Result<std::string>> {
    // A link to nothing or a loop is reported with the data files' folder.
    const fs::path path = data_dir / name;
    std::optional<Result<std::string>> text;
    if (detail::inspect(path).kind == detail::EntryKind::file) text = detail::read_source(path, limits.max_bytes + 1);
    const bool read_whole = text && *text;
    site.files_hash = detail::fnv1a(read_whole ? "(file)" : "(none)", site.files_hash);
    if (read_whole) site.files_hash = detail::fnv1a(text->value(), site.files_hash);
    return text;
  };
  // laws.yaml is reported with the data files; vocabulary.yaml only here.
  if (auto text = read("laws.yaml"); text && *text && text->value().size() <= limits.max_bytes)
    read_laws(site.terms, text->value());
  auto text = read("vocabulary.yaml");
  if (!text) return site;
  const std::string shown = display + "vocabulary.yaml";
  if (!*text) {
    report.error(text->error().code, shown, 0, 0, text->error().message);
  } else if (text->value().size() > limits.max_bytes) {
    report.error("data.too_large", shown, 0, 0,
                 "the file has more than " + std::to_string(limits.max_bytes) +
                     " bytes (the limit; raise it with --max-page-bytes); the shipped vocabulary is used");
  } else {
    read_vocabulary(site.terms, text->value(), shown, report);
  }
  return site;
}

// Per front-matter field, how many pages kept what they wrote.
void count_fields(const std::vector<detail::CompiledPage>& pages, BuildStats& stats) {
  for (const auto& page : pages)
    for (auto it = page.lines.begin(); it != page.lines.end(); ++it) {
      const std::string field = it->value("field", it.key());
      const auto value = page.record.find(it.key());
      const bool lost = it->value("dropped", false) || value == page.record.end() ||
                        ((value->is_array() || value->is_object()) && value->empty());
      FieldCount& count = stats.fields[field];
      (lost ? count.dropped : count.kept)++;
    }
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

// A page's name in the cache: both paths, since the shown one is in the
// diagnostics and the relative one gives the id and the folder.
std::string cache_key(const PageInput& input) { return input.file + '\n' + input.relative; }

// Reads and compiles one page, or takes it from the cache when its bytes
// are the ones cached (the cache still holds that page's frame); a page
// compiled here gets a new frame for the next cache. Nothing escapes: a
// file that cannot be read is `source.unreadable`, and running out of
// memory (or any other failure of the compiler itself) leaves this page
// out and the others go on; neither is cached.
void compile_file(const fs::path& path, PageInput& input, PageOutcome& outcome, Report& report,
                  const PageLimits& limits, const Terms& terms, const detail::PageCache* cache, std::string* frame,
                  bool& cached) {
  try {
    // One byte past the limit: a page over it is reported from its size.
    auto text = detail::read_source(path, limits.max_bytes + 1);
    if (!text) {
      report.error(text.error().code, input.file, 0, 0, text.error().message);
      return;
    }
    input.text = std::move(text).value();
    const std::string key = cache_key(input);
    if (cache) {
      if (auto hit = cache->find(key, input.text)) {
        outcome = std::move(hit->outcome);
        report = std::move(hit->report);
        cached = true;
        input.text = std::string();
        return;
      }
    }
    detail::CachedPage page;
    page.outcome = compile_page(input, page.report, limits, terms);
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

// What a cached page depends on besides its path and bytes: the compiler,
// its limits, and the site's vocabulary and laws as site_terms read them
// (the shipped ones are part of the compiler).
std::string cache_identity(const BuildOptions& options, std::uint64_t terms_files_hash) {
  const PageLimits& l = options.limits;
  return options.compiler_identity + " " + std::to_string(l.max_bytes) + " " + std::to_string(l.max_yaml_nodes) +
         " " + std::to_string(l.max_yaml_bytes) + " " + std::to_string(l.max_depth) + " " +
         std::to_string(terms_files_hash);
}

}  // namespace

BuildOutput build_catalog(const fs::path& root, const BuildOptions& options) {
  BuildOutput out;
  const std::string prefix = display_prefix(root);
  if (!source_folder(root, "the source folder", out.report)) return out;
  const fs::path data_dir = options.data_dir.value_or(root);
  const bool data_found = !options.data_dir || source_folder(*options.data_dir, "the data folder", out.report);
  const SiteTerms site = data_found ? site_terms(data_dir, display_prefix(data_dir), options.limits, out.report)
                                    : SiteTerms{};
  const Terms& terms = site.terms;

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
      cache = detail::PageCache::load(*options.cache, cache_identity(named, site.files_hash));
  }
  std::vector<std::string> frames(cache ? files.size() : 0);
  std::vector<char> cached(files.size(), 0);
  detail::parallel_for(files.size(), [&](std::size_t i) {
    inputs[i].file = prefix + files[i].relative;
    inputs[i].relative = files[i].relative;
    bool hit = false;
    compile_file(files[i].path, inputs[i], outcomes[i], reports[i], options.limits, terms, cache ? &*cache : nullptr,
                 cache ? &frames[i] : nullptr, hit);
    cached[i] = hit;
  });
  // A cache that would be written again byte for byte is left alone.
  const bool cache_unchanged = cache && cache->size() == files.size() &&
                               std::all_of(cached.begin(), cached.end(), [](char hit) { return hit != 0; });
  if (cache && !cache_unchanged) {
    std::vector<std::string_view> written(files.size());
    for (std::size_t i = 0; i < files.size(); ++i)
      written[i] = cached[i] ? cache->stored_frame(cache_key(inputs[i])) : std::string_view(frames[i]);
    if (auto error = cache->save(*options.cache, written))
      out.cache_problem = "the page cache was not written (" + error->message + "); the next build compiles every page";
  }
  cache.reset();  // its bytes are no longer needed
  frames = {};

  std::vector<detail::CompiledPage> pages;
  detail::PageDirectory directory;  // every Markdown file, for the links of Related sections
  for (std::size_t i = 0; i < files.size(); ++i) {
    out.stats.pages++;
    out.stats.cached += cached[i];
    out.report.merge(reports[i]);
    directory[files[i].relative] = outcomes[i].record ? outcomes[i].record->value("id", "") : std::string();
    if (outcomes[i].record)
      pages.push_back({inputs[i].file, std::move(*outcomes[i].record), std::move(outcomes[i].lines),
                       files[i].relative, std::move(outcomes[i].body_links)});
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
  if (options.body_relations)
    out.stats.body_relations = static_cast<int>(detail::add_body_relations(pages, directory, resolver, out.report));
  directory.clear();
  detail::check_tiers(pages, out.report);
  detail::check_blocks(pages, out.report);
  detail::check_health(pages, out.report);

  json data = json::object();
  if (data_found)
    data = detail::load_data_files(data_dir, display_prefix(data_dir), options.data_dir.has_value(), resolver,
                                   options.limits, out.report);
  // A site without laws.yaml cites the shipped laws and pillars.
  if (!data.contains("laws")) data["laws"] = terms.laws_section;
  if (!data.contains("pillars")) data["pillars"] = terms.pillars_section;
  count_fields(pages, out.stats);

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

std::optional<Error> write_catalog_file(const fs::path& path, const json& catalog) {
  return write_file_atomically(path, [&](const TextSink& sink) { detail::write_catalog_text(catalog, sink); });
}

}  // namespace patsel::compile
