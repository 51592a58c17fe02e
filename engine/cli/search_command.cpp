// `patsel search`: the explorer's search from a terminal, so a search can be
// scripted and its --json answer diffed.

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "engine_io.hpp"

namespace patsel::cli {
namespace {

using nlohmann::json;

// Facet filters as options: --team-size fills the api's team_size.
struct FacetOption {
  const char* option;
  const char* facet;
};
constexpr FacetOption kFacetOptions[] = {
    {"--tier", "tier"},     {"--category", "category"},     {"--domain", "domain"},   {"--layer", "layer"},
    {"--status", "status"}, {"--relevance", "relevance"},   {"--difficulty", "difficulty"},
    {"--tag", "tags"},      {"--effort", "effort"},         {"--team-size", "team_size"},
    {"--ecosystem", "ecosystem"},
};

bool parse_int(const std::string& text, long long& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// "2000..2010", "2000..", "..2010" -> [min, max] with null for an open end.
bool parse_range(const std::string& text, json& out) {
  auto dots = text.find("..");
  if (dots == std::string::npos) return false;
  const std::string min = text.substr(0, dots), max = text.substr(dots + 2);
  long long a = 0, b = 0;
  if ((!min.empty() && !parse_int(min, a)) || (!max.empty() && !parse_int(max, b))) return false;
  out = json::array({min.empty() ? json(nullptr) : json(a), max.empty() ? json(nullptr) : json(b)});
  return true;
}

// `text` with [brackets] around the byte ranges the engine highlighted.
std::string bracket(const std::string& text, const json& ranges) {
  std::string out;
  std::size_t at = 0;
  for (const json& r : ranges) {
    const std::size_t begin = static_cast<std::size_t>(std::max(0, whole(r[0]))),
                      end = static_cast<std::size_t>(std::max(0, whole(r[1])));
    if (begin < at || end > text.size()) continue;
    out += text.substr(at, begin - at) + "[" + text.substr(begin, end - begin) + "]";
    at = end;
  }
  return out + text.substr(at);
}

void print_text(const json& result, const std::string& query) {
  std::size_t rank = static_cast<std::size_t>(std::max(0, whole(result["offset"])));
  for (const json& hit : result["hits"]) {
    std::string fields;
    for (const json& f : hit["matched"]["fields"]) fields += (fields.empty() ? "" : ", ") + text(f);
    std::printf("%3zu. %s (%s) %s", ++rank, bracket(text(hit["title"]), hit["highlights"]["title"]).c_str(),
                text(hit["id"]).c_str(), text(hit["tier"]).c_str());
    if (!query.empty()) std::printf("  score %.4f  in %s", hit["score"].is_number() ? hit["score"].get<double>() : 0.0, fields.c_str());
    const json& snippet = hit["highlights"]["snippet"];
    std::printf("\n     %s\n", bracket(text(snippet["text"]), snippet["ranges"]).c_str());
  }
  std::printf("%zu of %d patterns", static_cast<std::size_t>(result["hits"].size()),
              whole(result["total"]));
  if (!query.empty()) std::printf(" for \"%s\"", query.c_str());
  std::printf(" (%s order)\n", text(result["sort"]).c_str());
  for (const json& term : result["query"]["terms"]) {
    if (term["expansions"].empty()) continue;
    std::string also;
    for (const json& e : term["expansions"]) also += (also.empty() ? "" : ", ") + text(e);
    std::printf("  \"%s\" also matched: %s\n", text(term["text"]).c_str(), also.c_str());
  }
  for (const json& ignored : result["query"]["ignored"])
    std::printf("  ignored \"%s\": %s\n", text(ignored["text"]).c_str(),
                text(ignored["reason"]).c_str());
  for (auto it = result["facets"].begin(); it != result["facets"].end(); ++it) {
    if (it.value().empty()) continue;
    std::string line;
    for (const json& v : it.value())
      line += (line.empty() ? "" : ", ") + std::string(flag(v["selected"]) ? "*" : "") +
              text(v["value"]) + " " + std::to_string(whole(v["count"]));
    std::printf("%s: %s\n", it.key().c_str(), line.c_str());
  }
}

}  // namespace

int run_search(int argc, char** argv) {
  OptionSpec spec{{"--json"}, {"--catalog", "--sort", "--matching", "--limit", "--offset", "--introduced", "--reading-time"}};
  for (const FacetOption& f : kFacetOptions) spec.with_value.insert(f.option);
  Args args(argc, argv, 2, spec);
  if (!usage_ok(args, "search", 0, 64)) return 2;
  std::string query;
  for (const std::string& word : args.positional()) query += (query.empty() ? "" : " ") + word;

  json params = {{"query", query}};
  json filters = json::object();
  for (const FacetOption& f : kFacetOptions)
    if (auto values = args.list(f.option); !values.empty()) filters[f.facet] = values;
  if (!filters.empty()) params["filters"] = filters;
  json ranges = json::object();
  for (const auto& [option, name] : {std::pair{"--introduced", "introduced"}, {"--reading-time", "reading_time"}}) {
    auto value = args.value(option);
    if (!value) continue;
    if (!parse_range(*value, ranges[name])) {
      std::fprintf(stderr, "patsel search: %s takes MIN..MAX (either end may be left out), not '%s'\n", option,
                   value->c_str());
      return 2;
    }
  }
  if (!ranges.empty()) params["ranges"] = ranges;
  if (auto sort = args.value("--sort")) params["sort"] = *sort;
  if (auto matching = args.value("--matching")) params["matching"] = *matching;
  for (const auto& [option, name] : {std::pair{"--limit", "limit"}, {"--offset", "offset"}}) {
    auto value = args.value(option);
    long long n = 0;
    if (!value) continue;
    if (!parse_int(*value, n)) {
      std::fprintf(stderr, "patsel search: %s takes a number, not '%s'\n", option, value->c_str());
      return 2;
    }
    params[name] = n;
  }

  api::Engine engine;
  if (!load(args, engine)) return 1;
  return answer(args, engine.call("search", params_text(params)), [&](const json& result) { print_text(result, query); });
}

}  // namespace patsel::cli
