#pragma once
// Decision trees: a walk from the start question to a result, and the short
// session string that saves a walk in a URL.
//
// A walk is the list of option ids chosen so far; everything else (the
// current question, the result) follows from the tree. A broken tree (an
// option leading nowhere, a wrong type in catalog.json) gives an error
// value, never a crash: the compiler rejects such trees, but a catalog
// built by another tool may still hold one.

#include <nlohmann/json.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "patsel/result.hpp"

namespace patsel {

/// The most answers a walk may hold. Trees are acyclic, so no real walk
/// comes near it; it bounds the work a hand-made session string can cause.
inline constexpr std::size_t kMaxTreeSteps = 64;

struct TreeOption {
  std::string id;
  std::string label;
  std::string next;    ///< the question it leads to, or empty
  std::string result;  ///< the result it leads to, or empty
};

struct TreeQuestion {
  std::string id;
  std::string text;
  std::string help;
  std::vector<TreeOption> options;

  /// The option with this id, or nullptr.
  const TreeOption* option(std::string_view id) const;
};

/// One pattern a result recommends, with the tree author's reason.
struct TreePick {
  std::string pattern;
  std::string reason;
};

/// The levels of a result, in the order pages show them.
inline constexpr std::array<std::string_view, 3> kTreeLevels = {"gold", "silver", "bronze"};

struct TreeResult {
  std::string id;
  std::string title;
  std::string summary;
  /// Picks by level: [0] gold, [1] silver, [2] bronze (see kTreeLevels).
  std::array<std::vector<TreePick>, 3> levels;
};

struct DecisionTree {
  std::string id;
  std::string title;
  std::string description;
  std::string group;           ///< the problem a reader has: a heading of the list of trees ("" if none)
  std::optional<int> order;    ///< where the tree comes in that list (smallest first)
  std::string start;
  std::vector<TreeQuestion> questions;
  std::vector<TreeResult> results;

  const TreeQuestion* question(std::string_view id) const;
  const TreeResult* result(std::string_view id) const;
};

/// Reads one record of catalog.json's `trees`; `where` is its JSON path,
/// used in messages. Checks shape only (types, ids present); whether the
/// options lead somewhere is found by walking.
///
/// ```
/// auto tree = patsel::read_tree(record, "$.trees[0]");
/// if (!tree) std::cerr << tree.error().to_string();  // [tree.bad_shape] $.trees[0].questions: ...
/// ```
Result<DecisionTree> read_tree(const nlohmann::json& record, const std::string& where);

/// One answered question of a walk.
struct TreeStep {
  const TreeQuestion* question = nullptr;
  const TreeOption* option = nullptr;
};

/// Where a walk stands: the answers so far and either the question to
/// answer next or the result reached. Points into the tree it was made from.
struct TreeWalk {
  const DecisionTree* tree = nullptr;
  std::vector<TreeStep> path;
  const TreeQuestion* question = nullptr;  ///< set while the walk goes on
  const TreeResult* result = nullptr;      ///< set once it has ended
};

/// Follows `answers` (option ids) from the start question.
///
/// Errors: `tree.missing_node` (the tree is broken: an option or the start
/// names a node that does not exist), `tree.bad_answer` (an answer is not an
/// option of the question it answers, or comes after the result),
/// `tree.too_many_steps`.
///
/// ```
/// auto walk = patsel::walk_tree(tree, {"services", "no-history"});
/// if (walk && walk.value().question) std::cout << walk.value().question->text;
/// ```
Result<TreeWalk> walk_tree(const DecisionTree& tree, const std::vector<std::string>& answers);

/// The session string of a walk: `<tree>.<fingerprint>[.<answer>...]`, ids
/// with any character outside [A-Za-z0-9_-] written as `~XX` (hex), so it
/// is URL-safe and survives any decoding a browser does. The fingerprint
/// hashes the structure along the path (question ids, option ids and where
/// each led), so wording changes keep old links working while a changed
/// path is detected.
///
/// ```
/// patsel::session_string(walk) == "distributed-transactions.498d09e4.services"
/// ```
std::string session_string(const TreeWalk& walk);

/// A session string taken apart (not yet checked against a tree).
struct TreeSession {
  std::string tree;
  std::string fingerprint;
  std::vector<std::string> answers;
};

/// Splits a session string. Errors: `tree.bad_session` (not of the form
/// above), `tree.too_many_steps`.
Result<TreeSession> parse_session(std::string_view text);

/// Replays a parsed session on `tree`. A session made from another version
/// of the tree, whose answers no longer exist or whose path now leads
/// elsewhere, gives `tree.stale_session` instead of a wrong place.
///
/// ```
/// auto session = patsel::parse_session(text);
/// if (session) auto walk = patsel::restore_walk(tree, session.value());
/// ```
Result<TreeWalk> restore_walk(const DecisionTree& tree, const TreeSession& session);

/// A move on a walk, applied in this order: forget every answer
/// (`restart`), take back the last `back` answers, then follow `answers`.
struct TreeMove {
  bool restart = false;
  std::size_t back = 0;
  std::vector<std::string> answers;
};

/// Where a walk stands after `move`: from the walk `session` saved (which
/// must be of `tree`), or from the start when `session` is null. A restart
/// does not replay the session, so it also gets out of a stale one.
///
/// Errors: those of restore_walk and walk_tree, and `tree.too_far_back`
/// when `back` is more than the answers there are.
///
/// ```
/// auto walk = patsel::move_walk(tree, &session, {false, 1, {"no-history"}});
/// ```
Result<TreeWalk> move_walk(const DecisionTree& tree, const TreeSession* session, const TreeMove& move);

/// `trees` in the order a list of trees shows them: by `order`, equal orders
/// by title; trees without an order after those with one, in the order given.
std::vector<const DecisionTree*> in_list_order(std::vector<const DecisionTree*> trees);

}  // namespace patsel
