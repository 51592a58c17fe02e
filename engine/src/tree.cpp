#include "patsel/tree.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "json_util.hpp"
#include "name_list.hpp"

namespace patsel {
namespace {

using detail::json;

Error shape(const std::string& path, const std::string& why) { return Error{"tree.bad_shape", path + ": " + why}; }

// An optional text member: absent is "", present but not a string is an error.
std::optional<Error> read_text(const json& object, const char* key, const std::string& where, std::string& out) {
  const json* value = detail::member(object, key);
  if (!value) return std::nullopt;
  if (!value->is_string()) return shape(where + "." + key, "expected a string");
  out = value->get_ref<const std::string&>();
  return std::nullopt;
}

std::optional<Error> read_id(const json& object, const std::string& where, std::string& out) {
  if (auto error = read_text(object, "id", where, out)) return error;
  if (out.empty()) return shape(where + ".id", "missing");
  return std::nullopt;
}

// The array member `key` (absent gives nullptr, a non-array an error).
Result<const json*> read_list(const json& object, const char* key, const std::string& where) {
  const json* value = detail::member(object, key);
  if (value && !value->is_array()) return shape(where + "." + key, "expected an array");
  return value;
}

Result<TreeOption> read_option(const json& record, const std::string& where) {
  if (!record.is_object()) return shape(where, "expected an object");
  TreeOption option;
  if (auto e = read_id(record, where, option.id)) return *e;
  if (auto e = read_text(record, "label", where, option.label)) return *e;
  if (auto e = read_text(record, "next", where, option.next)) return *e;
  if (auto e = read_text(record, "result", where, option.result)) return *e;
  if (option.next.empty() == option.result.empty())
    return shape(where, "option '" + option.id + "' must have exactly one of next or result");
  return option;
}

Result<TreeQuestion> read_question(const json& record, const std::string& where) {
  if (!record.is_object()) return shape(where, "expected an object");
  TreeQuestion question;
  if (auto e = read_id(record, where, question.id)) return *e;
  if (auto e = read_text(record, "text", where, question.text)) return *e;
  if (auto e = read_text(record, "help", where, question.help)) return *e;
  auto options = read_list(record, "options", where);
  if (!options) return options.error();
  if (!options.value() || options.value()->empty()) return shape(where + ".options", "a question needs options");
  for (std::size_t i = 0; i < options.value()->size(); ++i) {
    auto option = read_option((*options.value())[i], where + ".options[" + std::to_string(i) + "]");
    if (!option) return option.error();
    question.options.push_back(std::move(option).value());
  }
  return question;
}

Result<TreeResult> read_result(const json& record, const std::string& where) {
  if (!record.is_object()) return shape(where, "expected an object");
  TreeResult result;
  if (auto e = read_id(record, where, result.id)) return *e;
  if (auto e = read_text(record, "title", where, result.title)) return *e;
  if (auto e = read_text(record, "summary", where, result.summary)) return *e;
  for (std::size_t level = 0; level < kTreeLevels.size(); ++level) {
    const std::string key(kTreeLevels[level]);
    auto picks = read_list(record, key.c_str(), where);
    if (!picks) return picks.error();
    if (!picks.value()) continue;
    for (std::size_t i = 0; i < picks.value()->size(); ++i) {
      const json& item = (*picks.value())[i];
      const std::string path = where + "." + key + "[" + std::to_string(i) + "]";
      if (!item.is_object()) return shape(path, "expected an object");
      TreePick pick;
      if (auto e = read_text(item, "pattern", path, pick.pattern)) return *e;
      if (auto e = read_text(item, "reason", path, pick.reason)) return *e;
      if (pick.pattern.empty()) return shape(path + ".pattern", "missing");
      result.levels[level].push_back(std::move(pick));
    }
  }
  return result;
}

std::string option_ids(const TreeQuestion& question) {
  std::vector<std::string_view> ids;
  for (const TreeOption& o : question.options) ids.push_back(o.id);
  return detail::name_list(ids);
}

Error missing_node(const DecisionTree& tree, const std::string& what) {
  return Error{"tree.missing_node", "tree '" + tree.id + "': " + what + ", which does not exist"};
}

}  // namespace

const TreeOption* TreeQuestion::option(std::string_view wanted) const {
  for (const TreeOption& o : options)
    if (o.id == wanted) return &o;
  return nullptr;
}

const TreeQuestion* DecisionTree::question(std::string_view wanted) const {
  for (const TreeQuestion& q : questions)
    if (q.id == wanted) return &q;
  return nullptr;
}

const TreeResult* DecisionTree::result(std::string_view wanted) const {
  for (const TreeResult& r : results)
    if (r.id == wanted) return &r;
  return nullptr;
}

Result<DecisionTree> read_tree(const json& record, const std::string& where) {
  if (!record.is_object()) return shape(where, "expected an object");
  DecisionTree tree;
  if (auto e = read_id(record, where, tree.id)) return *e;
  if (auto e = read_text(record, "title", where, tree.title)) return *e;
  if (auto e = read_text(record, "description", where, tree.description)) return *e;
  if (auto e = read_text(record, "group", where, tree.group)) return *e;
  if (const json* order = detail::member(record, "order")) {
    if (!order->is_number_integer() || std::llabs(order->get<long long>()) > 1000000000)
      return shape(where + ".order", "expected a whole number");
    tree.order = static_cast<int>(order->get<long long>());
  }
  if (auto e = read_text(record, "start", where, tree.start)) return *e;
  auto questions = read_list(record, "questions", where);
  if (!questions) return questions.error();
  if (!questions.value() || questions.value()->empty()) return shape(where + ".questions", "a tree needs questions");
  for (std::size_t i = 0; i < questions.value()->size(); ++i) {
    auto question = read_question((*questions.value())[i], where + ".questions[" + std::to_string(i) + "]");
    if (!question) return question.error();
    tree.questions.push_back(std::move(question).value());
  }
  auto results = read_list(record, "results", where);
  if (!results) return results.error();
  for (std::size_t i = 0; results.value() && i < results.value()->size(); ++i) {
    auto result = read_result((*results.value())[i], where + ".results[" + std::to_string(i) + "]");
    if (!result) return result.error();
    tree.results.push_back(std::move(result).value());
  }
  return tree;
}

Result<TreeWalk> walk_tree(const DecisionTree& tree, const std::vector<std::string>& answers) {
  if (answers.size() > kMaxTreeSteps)
    return Error{"tree.too_many_steps", std::to_string(answers.size()) + " answers; a walk holds at most " +
                                            std::to_string(kMaxTreeSteps)};
  TreeWalk walk;
  walk.tree = &tree;
  walk.question = tree.question(tree.start);
  if (!walk.question) return missing_node(tree, "the start is question '" + tree.start + "'");
  for (const std::string& answer : answers) {
    if (!walk.question)
      return Error{"tree.bad_answer", "'" + answer + "' comes after the walk reached result '" + walk.result->id +
                                          "'; go back or restart first"};
    const TreeQuestion& question = *walk.question;
    const TreeOption* option = question.option(answer);
    if (!option)
      return Error{"tree.bad_answer", "'" + answer + "' is not an option of question '" + question.id + "' (" +
                                          option_ids(question) + ")"};
    walk.path.push_back({&question, option});
    const std::string from = "option '" + option->id + "' of question '" + question.id + "' leads to ";
    if (!option->next.empty()) {
      walk.question = tree.question(option->next);
      if (!walk.question) return missing_node(tree, from + "question '" + option->next + "'");
    } else {
      walk.question = nullptr;
      walk.result = tree.result(option->result);
      if (!walk.result) return missing_node(tree, from + "result '" + option->result + "'");
    }
  }
  return walk;
}

std::vector<const DecisionTree*> in_list_order(std::vector<const DecisionTree*> trees) {
  std::stable_sort(trees.begin(), trees.end(), [](const DecisionTree* a, const DecisionTree* b) {
    if (!a->order || !b->order) return a->order.has_value() && !b->order.has_value();
    if (*a->order != *b->order) return *a->order < *b->order;
    return a->title < b->title;
  });
  return trees;
}

}  // namespace patsel
