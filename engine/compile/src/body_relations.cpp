#include "body_relations.hpp"

#include <set>

#include "parallel.hpp"
#include "patsel/graph.hpp"

namespace patsel::compile::detail {
namespace {

using nlohmann::json;

// "%20" and the like, as a browser reads them in a link.
std::string percent_decoded(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The files a link path may mean: `timeout.md`; for `timeout/` or
// `timeout` the page `timeout.md` or the folder's `timeout/index.md`.
std::vector<std::string> candidates(const std::string& path) {
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0) return {path};
  std::string stem = path;
  while (!stem.empty() && stem.back() == '/') stem.pop_back();
  if (stem.empty()) return {"index.md"};
  return {stem + ".md", stem + "/index.md", stem + "/README.md"};
}

struct Found {
  bool file = false;  // the link leads to a Markdown file of the source
  std::string id;     // the pattern it became; "" for a page that is not one
};

Found find_page(const PageDirectory& directory, const std::string& from, const std::string& target, bool& outside) {
  const std::string path = link_path(from, target, outside);
  if (outside) return {};
  for (const std::string& candidate : candidates(path))
    if (auto it = directory.find(candidate); it != directory.end()) return {true, it->second};
  // A link from the site's root ("/pattern-library/resilience/x.md") when
  // the source is a folder below it: try it without its first folders.
  if (!target.empty() && target[0] == '/') {
    for (std::size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
      for (const std::string& candidate : candidates(path.substr(slash + 1)))
        if (auto it = directory.find(candidate); it != directory.end()) return {true, it->second};
    outside = true;  // not reported: the site's root may be above the source
  }
  return {};
}

}  // namespace

std::string link_path(const std::string& from, const std::string& target, bool& outside) {
  outside = false;
  std::string path = percent_decoded(target.substr(0, target.find_first_of("#?")));
  std::vector<std::string> parts;
  if (path.empty() || path[0] != '/') {
    std::string folder = from.substr(0, from.rfind('/') == std::string::npos ? 0 : from.rfind('/'));
    path = folder + "/" + path;
  }
  const bool folder_link = !path.empty() && path.back() == '/';
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    const std::string segment = path.substr(start, slash - start);
    start = slash + 1;
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (parts.empty()) {
        outside = true;
        return {};
      }
      parts.pop_back();
      continue;
    }
    parts.push_back(segment);
  }
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : "/") + part;
  return folder_link ? out + "/" : out;
}

std::size_t add_body_relations(std::vector<CompiledPage>& pages, const PageDirectory& directory,
                               const Resolver& resolver, Report& out) {
  std::vector<Report> reports(pages.size());
  std::vector<std::size_t> added(pages.size(), 0);
  parallel_for(pages.size(), [&](std::size_t i) {
    CompiledPage& page = pages[i];
    if (page.body_links.empty()) return;
    const std::string self = page.record.value("id", "");
    // The front matter wins: a pattern it names keeps the relation it gives.
    std::set<std::string> named;
    for (const std::string& id : referenced_ids(page.record)) named.insert(id);
    json& related = page.record["related"];
    if (!related.is_array()) related = json::array();
    for (const BodyLink& link : page.body_links) {
      bool outside = false;
      const Found found = find_page(directory, page.relative, link.target, outside);
      if (outside) continue;
      if (!found.file) {
        reports[i].warning("body.missing_page", page.file, link.line, 0,
                           "the link to '" + link.target + "' in a Related section leads to no page" +
                               resolver.suggestion(link.target) + "; left out");
        continue;
      }
      if (found.id.empty()) continue;  // a guide, an index, a page that failed
      const std::string id = resolver.resolve(found.id).value_or(found.id);
      if (id == self || !named.insert(id).second) continue;
      json relation = {{"pattern", id}, {"relation", link.relation}, {"source_line", link.line}};
      if (!link.note.empty()) relation["note"] = link.note;
      related.push_back(std::move(relation));
      added[i]++;
    }
    if (related.empty()) page.record.erase("related");
  });
  std::size_t total = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    out.merge(reports[i]);
    total += added[i];
  }
  return total;
}

}  // namespace patsel::compile::detail
