#pragma once
// The engine's flat JSON interface: a method name and JSON parameters in,
// one JSON envelope out. The wasm bindings, the CLI's --json output and the
// native/wasm differential test all go through it, so both targets answer
// byte for byte alike.
//
// Envelope: {"ok":true,"result":...} or
//           {"ok":false,"error":{"code":"...","message":"..."}}
//
// An Engine is for one thread at a time: the first reasoning call (trees,
// recommendations, relations, stack, compare) builds its indexes then.

#include <memory>
#include <string>
#include <string_view>

#include "patsel/catalog.hpp"

namespace patsel::detail {
struct EngineState;
}  // namespace patsel::detail

namespace patsel::api {

/// One method of Engine::call: its name, its params (`?` marks an optional
/// one) and the members of its answer.
struct MethodInfo {
  std::string_view name;
  std::string_view params;
  std::string_view answer;
};

/// Every method Engine::call answers. This table is the API's list of
/// methods: the engine dispatches through it, `patsel call --help` prints
/// it, and tests/wasm/methods.test.mjs fails when the JS API
/// (wasm/engine.js, wasm/index.d.ts) lacks one of them or has another.
/// wasm/index.d.ts describes every member of every answer.
inline constexpr MethodInfo kMethods[] = {
    {"info", "{}", "{schema_version, content_hash, patterns, scope, warnings}: the loaded catalog"},
    {"list", "{tiers?, categories?}", "{total, patterns}: pattern summaries, gold first, then by title"},
    {"pattern", "{id}", "{pattern, refs}: the whole record, and title, tier, summary of each pattern it names"},
    {"search", "{query?, filters?, ranges?, facets?, facet_limit?, facet_values?, sort?, limit?, offset?, hit_fields?, matching?}",
     "{total, offset, sort, hits, facets, ranges, query}: one page of hits with highlights, and facet counts"},
    {"tree.list", "{}", "{trees, broken}: the decision trees, and those that cannot be used, with why"},
    {"tree.get", "{tree}", "{id, title, description, start, questions, results}: a whole tree, for a diagram"},
    {"tree.step", "{tree? | session?, answer? | answers?, back?, restart?, tiers?}",
     "{tree, session, path, question, result}: where a walk stands after one move"},
    {"profile.fields", "{}", "{fields, problems}: the requirement fields a profile may set"},
    {"recommend", "{profile, tiers?, limit?}",
     "{ranked, excluded, discouraged, complements, complexity, fired_rules, undecided_fields, unknown_fields, "
     "invalid_fields, problems}: patterns ranked for a profile, with every reason"},
    {"related", "{pattern, relations?, depth?}", "{pattern, neighbours}: patterns related to one, up to depth steps"},
    {"order", "{patterns, prerequisites?}", "{order, cycles}: the patterns with prerequisites first"},
    {"migrate", "{pattern}",
     "{pattern, title, tier, status, legacy, deprecation_reason, to, from}: what replaces a pattern and what it replaces"},
    {"families", "{pattern?}", "{families}: the pattern families, or those that name a pattern"},
    {"timeline", "{family}", "{id, title, summary, timeline, migration_triggers}: how a family evolved"},
    {"paths", "{}", "{paths}: the learning paths"},
    {"path", "{path}", "{id, level, title, summary, stages}: one learning path, with each pattern's prerequisites"},
    {"compositions", "{pattern?}", "{compositions}: patterns made of other patterns"},
    {"problems", "{area?, pattern?}", "{areas, problems}: the problem-solution matrix"},
    {"cards", "{card?}", "{cards}: quick reference cards"},
    {"stack", "{patterns}",
     "{patterns, conflicts, cautions, missing, suggested, legacy, complexity}: what the catalog says about a set in use"},
    {"compare", "{patterns}", "{patterns, rows, relations}: two to five patterns side by side"},
    {"health.list", "{tiers?, categories?, flagged?, signals?, today?}",
     "{date, model, total, patterns}: each pattern's health score and contradiction flags, highest first"},
    {"health.get", "{pattern, today?}",
     "{pattern, title, tier, status, relevance, date, score, known_share, signals, flags, reviewed, implementations, "
     "adoption, tier_history, successors, dependants}: one pattern's score with every signal and its share"},
    {"health.review", "{max_age_months?, today?}",
     "{date, max_age_months, total, due}: the patterns due for review, each with its reasons"},
    {"health.changes", "{since?}",
     "{since, tier_changes, reviewed}: the tier changes and reviews the catalog records since a date, newest first"},
    {"diff", "{since}",
     "{old, new, same, added, removed, tier_moves, status_moves, relevance_changes, relations_added, "
     "relations_removed, trees_added, trees_removed, trees_changed}: what changed since an older catalog"},
};

class Engine {
 public:
  Engine();
  ~Engine();
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;

  /// Loads catalog.json text; the envelope's result is `info`. `options`
  /// is empty or a JSON object of limits, each optional:
  /// `{"max_catalog_bytes": 67108864, "max_params_bytes": 1048576, "max_depth": 128}`
  /// (the defaults). Text over a limit is an error envelope
  /// (`catalog.too_large`, `catalog.too_deep`; later calls:
  /// `params.too_large`, `params.too_deep`), never a crash.
  ///
  /// ```
  /// engine.load(text, R"({"max_catalog_bytes": 134217728})");
  /// ```
  std::string load(std::string_view catalog_json, std::string_view options_json = {});
  /// The same, keeping `catalog_json` itself rather than a copy: a large
  /// catalog is then in memory once (the wasm binding loads this way).
  std::string load_owned(std::string catalog_json, std::string_view options_json = {});

  /// Runs one of the methods of kMethods. An unknown name is
  /// `engine.unknown_method`; params that are not a JSON object,
  /// `params.parse_error` or `params.bad_shape`.
  ///
  /// ```
  /// engine.call("list", R"({"tiers":["gold","silver"]})");
  /// ```
  std::string call(std::string_view method, std::string_view params_json) const;

  /// What changed since an older catalog, given as its catalog.json text:
  /// the answer of the `diff` method, without wrapping the text in params.
  /// The text is read as a catalog is loaded, under `max_catalog_bytes` and
  /// `max_depth` (not `max_params_bytes`, which a whole catalog outgrows),
  /// and with no second parse or escaping of a megabyte of JSON.
  ///
  /// ```
  /// engine.diff(older_text);  // {"ok":true,"result":{"old":...,"added":[...],...}}
  /// ```
  std::string diff(std::string_view older_catalog_json) const;

 private:
  template <typename ReadCatalog>
  std::string load_with(std::string_view options_json, ReadCatalog read_catalog);

  std::unique_ptr<patsel::detail::EngineState> state_;
};

/// An answer of `Engine` (valid JSON, valid UTF-8) with every character
/// outside ASCII written as a `\u` escape, the bytes nlohmann's
/// `dump(-1, ' ', true)` writes. The wasm binding hands answers over this
/// way: ASCII text decodes into a JS string about ten times faster and the
/// string takes half the memory.
///
/// ```
/// ascii_json("{\"t\":\"caf\xC3\xA9\"}") == "{\"t\":\"caf\\u00e9\"}"
/// ```
std::string ascii_json(std::string json_text);

}  // namespace patsel::api
