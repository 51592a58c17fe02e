#include "tree_checks.hpp"

#include <map>
#include <set>

namespace patsel::compile::detail {
namespace {

std::string text_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

bool check_tree(const json& tree, const std::string& file, const LineMap& lines, Report& report) {
  std::size_t errors_before = report.errors();
  auto line = [&](const std::string& path) {
    auto it = lines.find(path);
    return it == lines.end() ? 0 : it->second;
  };
  auto error = [&](const char* rule, const std::string& path, const std::string& message) {
    report.error(rule, file, line(path), 0, message);
  };

  if (text_of(tree, "id").empty()) error("tree.missing_field", "$", "the tree needs an id");
  if (text_of(tree, "title").empty()) error("tree.missing_field", "$", "the tree needs a title");
  // Where the tree sits in a list of trees: under its group (the problem it answers), by order.
  if (auto group = tree.find("group"); group != tree.end() && text_of(tree, "group").empty())
    error("tree.bad_field", "$.group", "group must be a text: the problem the tree answers, a heading in the list of trees");
  if (auto order = tree.find("order"); order != tree.end() && !order->is_number_integer())
    error("tree.bad_field", "$.order", "order must be a whole number: where the tree comes in the list of trees");
  const json questions = tree.value("questions", json::array());
  const json results = tree.value("results", json::array());
  if (!questions.is_array() || questions.empty()) {
    error("tree.missing_field", "$", "the tree needs a list of questions");
    return false;
  }

  std::map<std::string, std::size_t> question_index;
  std::set<std::string> result_ids;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    std::string id = questions[i].is_object() ? text_of(questions[i], "id") : "";
    std::string path = "$.questions[" + std::to_string(i) + "]";
    if (id.empty()) error("tree.missing_field", path, path + ": a question needs an id");
    else if (!question_index.emplace(id, i).second) error("tree.duplicate_id", path, "question id '" + id + "' is used twice");
    if (questions[i].is_object() && text_of(questions[i], "text").empty())
      error("tree.missing_field", path, "question '" + id + "' has no text");
  }
  if (results.is_array())
    for (std::size_t i = 0; i < results.size(); ++i) {
      std::string id = results[i].is_object() ? text_of(results[i], "id") : "";
      std::string path = "$.results[" + std::to_string(i) + "]";
      if (id.empty()) error("tree.missing_field", path, path + ": a result needs an id");
      else if (!result_ids.insert(id).second) error("tree.duplicate_id", path, "result id '" + id + "' is used twice");
      else if (question_index.count(id)) error("tree.duplicate_id", path, "'" + id + "' names both a question and a result");
      std::size_t patterns = 0;
      for (const char* tier : {"gold", "silver", "bronze"})
        if (auto list = results[i].find(tier); list != results[i].end() && list->is_array()) patterns += list->size();
      if (patterns == 0 && !id.empty())
        report.warning("tree.empty_result", file, line(path), 0, "result '" + id + "' recommends no pattern");
    }

  // Edges: question -> question ids it leads to; results used.
  std::map<std::string, std::vector<std::string>> next;
  std::set<std::string> used_results;
  for (const auto& [id, i] : question_index) {
    const json& q = questions[i];
    std::string path = "$.questions[" + std::to_string(i) + "]";
    const json options = q.value("options", json::array());
    if (!options.is_array() || options.empty()) {
      error("tree.missing_field", path, "question '" + id + "' has no options");
      continue;
    }
    std::set<std::string> option_ids;
    for (std::size_t k = 0; k < options.size(); ++k) {
      std::string opath = path + ".options[" + std::to_string(k) + "]";
      const json& o = options[k];
      std::string oid = o.is_object() ? text_of(o, "id") : "";
      if (oid.empty()) error("tree.missing_field", opath, "an option of '" + id + "' has no id");
      else if (!option_ids.insert(oid).second) error("tree.duplicate_id", opath, "option id '" + oid + "' is used twice in '" + id + "'");
      if (o.is_object() && text_of(o, "label").empty()) error("tree.missing_field", opath, "option '" + oid + "' has no label");
      std::string to_question = o.is_object() ? text_of(o, "next") : "";
      std::string to_result = o.is_object() ? text_of(o, "result") : "";
      if (to_question.empty() == to_result.empty()) {
        error("tree.bad_option", opath, "option '" + oid + "' of '" + id + "' must have exactly one of next or result");
      } else if (!to_question.empty()) {
        if (!question_index.count(to_question))
          error("tree.missing_node", opath, "option '" + oid + "' leads to question '" + to_question + "', which does not exist");
        else next[id].push_back(to_question);
      } else if (!result_ids.count(to_result)) {
        error("tree.missing_node", opath, "option '" + oid + "' leads to result '" + to_result + "', which does not exist");
      } else {
        used_results.insert(to_result);
      }
    }
  }

  const std::string start = text_of(tree, "start");
  if (!question_index.count(start)) {
    error("tree.missing_node", "$.start", "start '" + start + "' is not a question of the tree");
    return false;
  }
  // Depth-first from start: grey = on the current path (a loop), black = done.
  std::map<std::string, int> colour;
  std::vector<std::pair<std::string, std::size_t>> stack = {{start, 0}};
  colour[start] = 1;
  while (!stack.empty()) {
    auto& [node, edge] = stack.back();
    const auto& edges = next[node];
    if (edge == edges.size()) {
      colour[node] = 2;
      stack.pop_back();
      continue;
    }
    const std::string target = edges[edge++];
    if (colour[target] == 1) {
      error("tree.cycle", "$.questions[" + std::to_string(question_index[node]) + "]",
            "answering '" + node + "' can lead back to '" + target + "': the tree loops");
    } else if (colour[target] == 0) {
      colour[target] = 1;
      stack.push_back({target, 0});
    }
  }
  for (const auto& [id, i] : question_index)
    if (!colour[id]) error("tree.unreachable", "$.questions[" + std::to_string(i) + "]", "question '" + id + "' cannot be reached from start");
  if (results.is_array())
    for (std::size_t i = 0; i < results.size(); ++i) {
      std::string id = results[i].is_object() ? text_of(results[i], "id") : "";
      if (!id.empty() && !used_results.count(id))
        report.warning("tree.unused_result", file, line("$.results[" + std::to_string(i) + "]"), 0,
                       "no option leads to result '" + id + "'");
    }
  return report.errors() == errors_before;
}

}  // namespace patsel::compile::detail
