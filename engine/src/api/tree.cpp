// Methods `tree.list`, `tree.get` and `tree.step`: decision trees, walked
// statelessly (every step takes the session string and returns the new one).

#include <algorithm>
#include <optional>

#include "methods.hpp"

namespace patsel::detail {
namespace {

std::string tree_ids(const ReasoningState& reasoning) {
  std::vector<std::string> ids;
  for (const TreeEntry& entry : reasoning.trees)
    if (entry.tree) ids.push_back(entry.id);
  return name_list(ids);
}

Result<const DecisionTree*> find_tree(const ReasoningState& reasoning, const std::string& id, const std::string& path) {
  const TreeEntry* entry = reasoning.tree(id);
  if (!entry)
    return Error{"tree.unknown_tree", path + ": '" + id + "' is not a tree of the catalog (" + tree_ids(reasoning) + ")"};
  if (!entry->tree) return entry->tree.error();
  return &entry->tree.value();
}

json pick_json(const Catalog& catalog, const TreePick& pick) {
  const Pattern* p = catalog.find(pick.pattern);
  json out = p ? pattern_ref(*p) : json{{"pattern", pick.pattern}, {"title", pick.pattern}, {"tier", "unclassified"}};
  out["reason"] = pick.reason;
  return out;
}

json question_json(const TreeQuestion& q, bool with_targets) {
  json options = json::array();
  for (const TreeOption& o : q.options) {
    json option = {{"id", o.id}, {"label", o.label}};
    if (with_targets) option[o.next.empty() ? "result" : "next"] = o.next.empty() ? o.result : o.next;
    options.push_back(std::move(option));
  }
  return {{"id", q.id}, {"text", q.text}, {"help", q.help}, {"options", std::move(options)}};
}

// A result's picks, the levels not allowed moved to `excluded`.
json outcome_json(const Catalog& catalog, const TreeResult& result, const std::vector<Tier>& allowed) {
  json out = {{"id", result.id}, {"title", result.title}, {"summary", result.summary}};
  json excluded = json::array();
  for (std::size_t level = 0; level < kTreeLevels.size(); ++level) {
    const bool shown = std::find(allowed.begin(), allowed.end(), static_cast<Tier>(level)) != allowed.end();
    json picks = json::array();
    for (const TreePick& pick : result.levels[level]) {
      // The runtime shows only patterns it knows; the compiler already
      // refuses trees naming others.
      if (!catalog.find(pick.pattern)) continue;
      json item = pick_json(catalog, pick);
      if (shown) {
        picks.push_back(std::move(item));
      } else {
        item["level"] = kTreeLevels[level];
        excluded.push_back(std::move(item));
      }
    }
    out[std::string(kTreeLevels[level])] = std::move(picks);
  }
  out["excluded"] = std::move(excluded);
  return out;
}

json answered_json(const TreeStep& step) {
  return {{"question", step.question->id},
          {"question_text", step.question->text},
          {"answer", step.option->id},
          {"answer_label", step.option->label}};
}

json step_json(const Catalog& catalog, const TreeWalk& walk, const std::vector<Tier>& allowed) {
  return {{"tree", {{"id", walk.tree->id}, {"title", walk.tree->title}}},
          {"session", session_string(walk)},
          {"path", array_of(walk.path, answered_json)},
          {"question", walk.question ? question_json(*walk.question, false) : json(nullptr)},
          {"result", walk.result ? outcome_json(catalog, *walk.result, allowed) : json(nullptr)}};
}

}  // namespace

Result<json> tree_list(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {})) return *error;
  json trees = json::array(), broken = json::array();
  std::vector<const DecisionTree*> usable;
  for (const TreeEntry& entry : state.reasoning().trees) {
    if (entry.tree) usable.push_back(&entry.tree.value());
    else broken.push_back({{"id", entry.id}, {"error", error_json(entry.tree.error())}});
  }
  for (const DecisionTree* t : in_list_order(std::move(usable))) {
    trees.push_back({{"id", t->id},
                     {"title", t->title},
                     {"description", t->description},
                     {"group", t->group.empty() ? json(nullptr) : json(t->group)},
                     {"order", t->order ? json(*t->order) : json(nullptr)},
                     {"questions", t->questions.size()},
                     {"results", t->results.size()}});
  }
  return json{{"trees", std::move(trees)}, {"broken", std::move(broken)}};
}

Result<json> tree_get(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"tree"})) return *error;
  auto id = string_option(params, "tree", "");
  if (!id) return id.error();
  if (id.value().empty()) return bad_option("$.tree", "expected a tree id");
  auto tree = find_tree(state.reasoning(), id.value(), "$.tree");
  if (!tree) return tree.error();
  const DecisionTree& t = *tree.value();
  json questions = json::array(), results = json::array();
  for (const TreeQuestion& q : t.questions) questions.push_back(question_json(q, true));
  const std::vector<Tier> all = {Tier::gold, Tier::silver, Tier::bronze};
  for (const TreeResult& r : t.results) {
    json result = outcome_json(state.catalog, r, all);
    result.erase("excluded");
    results.push_back(std::move(result));
  }
  return json{{"id", t.id},           {"title", t.title},   {"description", t.description},
              {"start", t.start},     {"questions", questions}, {"results", results}};
}

Result<json> tree_step(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"tree", "session", "answer", "answers", "back", "restart", "tiers"}))
    return *error;
  auto tree_id = string_option(params, "tree", "");
  if (!tree_id) return tree_id.error();
  auto session_text = string_option(params, "session", "");
  if (!session_text) return session_text.error();
  auto back = integer_option(params, "back", 0, 0, static_cast<long long>(kMaxTreeSteps));
  if (!back) return back.error();
  auto restart = bool_option(params, "restart", false);
  if (!restart) return restart.error();
  auto tiers = tier_list(params, "tiers", {Tier::gold}, TierWords::levels);
  if (!tiers) return tiers.error();
  TreeMove move{restart.value(), static_cast<std::size_t>(back.value()), {}};
  std::string answers_key = "answer";
  if (member(params, "answer") && member(params, "answers"))
    return bad_option("$.answers", "give answer or answers, not both");
  if (member(params, "answer")) {
    auto answer = string_option(params, "answer", "");
    if (!answer) return answer.error();
    move.answers.push_back(answer.value());
  } else if (member(params, "answers")) {
    auto answers = string_list(params, "answers");
    if (!answers) return answers.error();
    move.answers = answers.value();
    answers_key = "answers";
  }

  // The tree: the session's, or the one named.
  std::optional<TreeSession> session;
  const DecisionTree* tree = nullptr;
  if (!session_text.value().empty()) {
    auto parsed = parse_session(session_text.value());
    if (!parsed) return parsed.error();
    session = std::move(parsed).value();
    if (!tree_id.value().empty() && tree_id.value() != session->tree)
      return Error{"tree.bad_session",
                   "$.session: the session belongs to tree '" + session->tree + "', not '" + tree_id.value() + "'"};
    auto found = find_tree(state.reasoning(), session->tree, "$.session");
    if (!found) return found.error();
    tree = found.value();
  } else {
    if (tree_id.value().empty()) return bad_option("$.tree", "give a tree id or a session");
    auto found = find_tree(state.reasoning(), tree_id.value(), "$.tree");
    if (!found) return found.error();
    tree = found.value();
  }

  auto walk = move_walk(*tree, session ? &*session : nullptr, move);
  if (!walk) {
    if (walk.error().code == "tree.too_far_back") return bad_option("$.back", walk.error().message);
    if (walk.error().code == "tree.bad_answer") return bad_option("$." + answers_key, walk.error().message);
    return walk.error();
  }
  return step_json(state.catalog, walk.value(), tiers.value());
}

}  // namespace patsel::detail
