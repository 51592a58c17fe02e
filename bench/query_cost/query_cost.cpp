// Benchmark only (never shipped): where a typed query's time goes inside the
// engine. Each explorer request is run stage by stage with the engine's own
// pieces, as search_page() and the `search` api method run them: parsing the
// query, the matching, filtering with and without facet counts, proximity
// re-ranking and sorting, highlights (explain) for the page's hits, reading
// the parameters, and the whole api call, whose remainder is writing the
// answer's JSON text (in wasm, in ASCII as the binding hands it over). The same source builds natively
// (`query-cost CATALOG REQUESTS [ROUNDS]`) and as a wasm module for Node
// (bench/query-cost.mjs), so both targets are split alike.
//
// Per request and stage the fastest of the rounds is kept (the least
// disturbed on a shared machine); summed over requests, the stages add up
// to the whole api call.

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#ifdef __EMSCRIPTEN__
#include <emscripten/val.h>
#endif

#include "patsel/api.hpp"
#include "patsel/catalog.hpp"
#include "patsel/facets.hpp"
#include "patsel/search.hpp"

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kRerankWindow = 100;  // as in search_page()

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Request {
  std::string text;  // the params as JSON, for the api call
  std::string query;
  patsel::FacetSelection selection;
  std::vector<patsel::Facet> count;
  std::size_t facet_limit = 100;
  std::size_t limit = 20;
};

Request read_request(const json& params) {
  Request r;
  r.text = params.dump();
  r.query = params.value("query", "");
  if (params.contains("filters"))
    for (const auto& [name, values] : params["filters"].items())
      if (auto facet = patsel::parse_facet(name))
        r.selection.values[static_cast<std::size_t>(*facet)] = values.get<std::vector<std::string>>();
  if (params.contains("facets")) {
    for (const auto& name : params["facets"])
      if (auto facet = patsel::parse_facet(name.get<std::string>())) r.count.push_back(*facet);
  } else {
    for (std::size_t f = 0; f < patsel::kFacetCount; ++f) r.count.push_back(static_cast<patsel::Facet>(f));
  }
  r.facet_limit = params.value("facet_limit", std::size_t{100});
  r.limit = params.value("limit", std::size_t{20});
  return r;
}

// The stages, in the order the api call runs them.
constexpr const char* kStages[] = {"parse_query", "matching",    "filter",       "facet_counts", "rerank_sort",
                                   "highlights",  "read_params", "write_answer", "api_call"};
constexpr std::size_t kStageCount = sizeof(kStages) / sizeof(kStages[0]);

class QueryCost {
 public:
  QueryCost(const std::string& catalog_text, const std::string& limits_json) {
    patsel::CatalogLimits limits;
    limits.max_bytes = std::size_t{256} << 20;
    auto catalog = patsel::Catalog::from_json(catalog_text, limits);
    if (!catalog) {
      error_ = catalog.error().to_string();
      return;
    }
    catalog_ = std::move(catalog).value();
    index_ = patsel::SearchIndex::build(catalog_);
    facets_ = patsel::FacetIndex::build(catalog_);
    const std::string loaded = engine_.load(catalog_text, limits_json);
    if (loaded.rfind("{\"ok\":true", 0) != 0) error_ = loaded;
  }

  /// `requests_json`: an array of search params. The answer: {error} or
  /// {answer_bytes: [per request], stages: {name: [ms per request]}}.
  std::string measure(const std::string& requests_json, int rounds) {
    if (!error_.empty()) return json{{"error", error_}}.dump();
    answers_.clear();
    const json requests = json::parse(requests_json);
    std::vector<std::vector<double>> per_stage(kStageCount);
    json bytes = json::array();
    for (const json& params : requests) {
      const Request request = read_request(params);
      std::vector<double> best(kStageCount, 1e300);
      for (int round = 0; round < rounds; ++round) {
        std::vector<double> t = run_stages(request);
        for (std::size_t s = 0; s < kStageCount; ++s) best[s] = std::min(best[s], t[s]);
      }
      // What the api call spends besides the stages timed on their own:
      // writing the answer's JSON text (and the envelope around it).
      const double parts = best[0] + best[1] + best[2] + best[3] + best[4] + best[5] + best[6];
      best[7] = std::max(0.0, best[8] - parts);
      for (std::size_t s = 0; s < kStageCount; ++s) per_stage[s].push_back(best[s]);
      answers_.push_back(handed_over(engine_.call("search", request.text)));
      bytes.push_back(answers_.back().size());
    }
    json stages = json::object();
    for (std::size_t s = 0; s < kStageCount; ++s) stages[kStages[s]] = per_stage[s];
    return json{{"answer_bytes", bytes}, {"stages", stages}}.dump();
  }

  /// The api's answer to request `i` of the last measure(), as the shipped
  /// module hands it over (a view of its bytes; wasm/bindings.cpp): to time
  /// its crossing into JS and its JSON.parse apart from the work that made it.
#ifdef __EMSCRIPTEN__
  emscripten::val answer(std::size_t i) const {
    const std::string& text = i < answers_.size() ? answers_[i] : empty_;
    return emscripten::val(
        emscripten::typed_memory_view(text.size(), reinterpret_cast<const unsigned char*>(text.data())));
  }
#endif

 private:
  // An answer as the wasm binding hands it to JS (wasm/bindings.cpp): in
  // ASCII there, as it comes natively.
  static std::string handed_over(std::string envelope) {
#ifdef __EMSCRIPTEN__
    return patsel::api::ascii_json(std::move(envelope));
#else
    return envelope;
#endif
  }

  std::vector<double> run_stages(const Request& request) const {
    std::vector<double> t(kStageCount, 0.0);
    auto start = Clock::now();
    const patsel::ParsedQuery parsed = patsel::parse_query(request.query);
    t[0] = ms_since(start);

    start = Clock::now();
    patsel::SearchResults results = index_.search(parsed);
    t[1] = ms_since(start);

    // Filtering alone, then filtering with the counts: the difference is the counting.
    std::vector<patsel::ScoredDoc> candidates = results.docs;
    start = Clock::now();
    patsel::FacetResult plain = facets_.filter(std::move(candidates), request.selection, {}, request.facet_limit, {});
    t[2] = ms_since(start);
    start = Clock::now();
    patsel::FacetResult filtered =
        facets_.filter(std::move(results.docs), request.selection, request.count, request.facet_limit, {});
    t[3] = std::max(0.0, ms_since(start) - t[2]);

    start = Clock::now();
    const std::size_t end = std::min(filtered.docs.size(), request.limit);
    const patsel::SortOrder sort = results.has_terms ? patsel::SortOrder::relevance : patsel::SortOrder::tier;
    index_.rerank(results, filtered.docs, std::max(kRerankWindow, end));
    facets_.sort(filtered.docs, sort, end);
    t[4] = ms_since(start);

    start = Clock::now();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < end; ++i) kept += index_.explain(catalog_, results, filtered.docs[i].doc).snippet.size();
    t[5] = ms_since(start);
    sink_ += kept + plain.docs.size();

    start = Clock::now();
    const json params = json::parse(request.text);
    t[6] = ms_since(start);
    sink_ += params.size();

    start = Clock::now();
    sink_ += handed_over(engine_.call("search", request.text)).size();
    t[8] = ms_since(start);
    return t;
  }

  std::string error_;
  patsel::Catalog catalog_;
  patsel::SearchIndex index_;
  patsel::FacetIndex facets_;
  patsel::api::Engine engine_;
  std::vector<std::string> answers_;
  std::string empty_;
  mutable std::size_t sink_ = 0;  // keeps the timed work from being optimized away
};

}  // namespace

#ifdef __EMSCRIPTEN__
#include <emscripten/bind.h>

EMSCRIPTEN_BINDINGS(query_cost) {
  emscripten::class_<QueryCost>("QueryCost")
      .constructor<std::string, std::string>()
      .function("measure", &QueryCost::measure)
      .function("answer", &QueryCost::answer);
}
#else
#include <fstream>
#include <iostream>
#include <sstream>

namespace {
std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: query-cost CATALOG.json REQUESTS.json [ROUNDS]\n";
    return 2;
  }
  QueryCost cost(read_file(argv[1]), R"({"max_catalog_bytes": 268435456})");
  const json measured = json::parse(cost.measure(read_file(argv[2]), argc > 3 ? std::stoi(argv[3]) : 5));
  if (measured.contains("error")) {
    std::cerr << measured["error"].get<std::string>() << "\n";
    return 1;
  }
  // Milliseconds per request, summed over the requests, by stage.
  json totals = json::object();
  for (const auto& [stage, times] : measured["stages"].items()) {
    double sum = 0;
    for (const json& t : times) sum += t.get<double>();
    totals[stage] = sum / static_cast<double>(times.size());
  }
  std::cout << json{{"requests", measured["answer_bytes"].size()}, {"ms_per_request", totals}}.dump(2) << "\n";
  return 0;
}
#endif
