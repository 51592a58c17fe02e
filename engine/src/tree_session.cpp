// Session strings (a walk saved as `<tree>.<fingerprint>[.<answer>...]`)
// and moves from a saved walk.

#include <cstdint>

#include "patsel/tree.hpp"

namespace patsel {
namespace {

// Longer strings are refused before any work: kMaxTreeSteps answers of
// reasonable ids fit well within it.
constexpr std::size_t kMaxSessionLength = 4096;
constexpr char kHex[] = "0123456789abcdef";
constexpr char kUpperHex[] = "0123456789ABCDEF";

bool plain(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `~XX` for every byte outside [A-Za-z0-9_-]: `.` separates the parts, and
// `%` would be undone by a browser decoding the URL.
std::string escape(const std::string& id) {
  std::string out;
  for (char c : id) {
    if (plain(c)) {
      out += c;
    } else {
      auto byte = static_cast<unsigned char>(c);
      out += '~';
      out += kUpperHex[byte >> 4];
      out += kUpperHex[byte & 15];
    }
  }
  return out;
}

bool unescape(std::string_view part, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < part.size(); ++i) {
    if (plain(part[i])) {
      out += part[i];
      continue;
    }
    if (part[i] != '~' || i + 2 >= part.size()) return false;
    int high = hex_value(part[i + 1]), low = hex_value(part[i + 2]);
    if (high < 0 || low < 0) return false;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return !out.empty();
}

// FNV-1a over the structure the path went through. Wording is left out on
// purpose: fixing a typo in a question must not break saved links.
std::string fingerprint(const DecisionTree& tree, const std::vector<TreeStep>& path) {
  std::uint32_t hash = 2166136261u;
  auto add = [&hash](const std::string& text) {
    for (char c : text) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 16777619u;
    }
    hash ^= 0x1f;  // a separator, so "ab"+"c" differs from "a"+"bc"
    hash *= 16777619u;
  };
  add(tree.id);
  add(tree.start);
  for (const TreeStep& step : path) {
    add(step.question->id);
    add(step.option->id);
    add(step.option->next.empty() ? "result:" + step.option->result : "question:" + step.option->next);
  }
  std::string out(8, '0');
  for (int i = 7; i >= 0; --i, hash >>= 4) out[static_cast<std::size_t>(i)] = kHex[hash & 15];
  return out;
}

Error bad_session(std::string_view text, const std::string& why) {
  std::string shown(text.substr(0, 80));
  if (text.size() > 80) shown += "...";
  return Error{"tree.bad_session", "session '" + shown + "': " + why};
}

}  // namespace

std::string session_string(const TreeWalk& walk) {
  std::string out = escape(walk.tree->id) + "." + fingerprint(*walk.tree, walk.path);
  for (const TreeStep& step : walk.path) out += "." + escape(step.option->id);
  return out;
}

Result<TreeSession> parse_session(std::string_view text) {
  if (text.size() > kMaxSessionLength)
    return bad_session(text, "longer than " + std::to_string(kMaxSessionLength) + " characters");
  std::vector<std::string_view> parts;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == '.') {
      parts.push_back(text.substr(begin, i - begin));
      begin = i + 1;
    }
  if (parts.size() < 2) return bad_session(text, "expected <tree>.<fingerprint>[.<answer>...]");
  if (parts.size() - 2 > kMaxTreeSteps)
    return Error{"tree.too_many_steps", std::to_string(parts.size() - 2) + " answers; a walk holds at most " +
                                            std::to_string(kMaxTreeSteps)};
  TreeSession session;
  if (!unescape(parts[0], session.tree)) return bad_session(text, "the tree id is empty or badly escaped");
  session.fingerprint = std::string(parts[1]);
  bool hex = session.fingerprint.size() == 8;
  for (char c : session.fingerprint) hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  if (!hex) return bad_session(text, "the fingerprint must be 8 lower-case hex digits");
  for (std::size_t i = 2; i < parts.size(); ++i) {
    std::string answer;
    if (!unescape(parts[i], answer))
      return bad_session(text, "answer " + std::to_string(i - 1) + " is empty or badly escaped");
    session.answers.push_back(std::move(answer));
  }
  return session;
}

Result<TreeWalk> restore_walk(const DecisionTree& tree, const TreeSession& session) {
  const std::string stale = "this session was saved from another version of tree '" + tree.id + "': ";
  if (session.tree != tree.id)
    return Error{"tree.bad_session", "the session belongs to tree '" + session.tree + "', not '" + tree.id + "'"};
  auto walk = walk_tree(tree, session.answers);
  if (!walk) {
    if (walk.error().code != "tree.bad_answer") return walk.error();
    return Error{"tree.stale_session", stale + walk.error().message + "; restart the tree"};
  }
  if (fingerprint(tree, walk.value().path) != session.fingerprint)
    return Error{"tree.stale_session", stale + "its answers now lead elsewhere; restart the tree"};
  return walk;
}

Result<TreeWalk> move_walk(const DecisionTree& tree, const TreeSession* session, const TreeMove& move) {
  std::vector<std::string> answers;
  if (session && !move.restart) {
    auto walk = restore_walk(tree, *session);
    if (!walk) return walk.error();
    answers = session->answers;
  }
  if (move.restart) answers.clear();
  if (move.back > answers.size())
    return Error{"tree.too_far_back", "cannot go back " + std::to_string(move.back) + " steps; the walk has " +
                                          std::to_string(answers.size()) + " answers"};
  answers.resize(answers.size() - move.back);
  answers.insert(answers.end(), move.answers.begin(), move.answers.end());
  return walk_tree(tree, answers);
}

}  // namespace patsel

