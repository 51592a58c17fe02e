// `patsel tree`: walk a decision tree in a terminal (numbered answers on
// stdin, which may also be a pipe), or in one go with --answers.

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "engine_io.hpp"

namespace patsel::cli {
namespace {

using nlohmann::json;

void print_picks(std::ostream& out, const json& result) {
  for (const char* level : {"gold", "silver", "bronze"}) {
    if (result[level].empty()) continue;
    out << "  " << level << ":\n";
    for (const json& pick : result[level])
      out << "    " << text(pick["title"]) << " (" << text(pick["pattern"]) << ", "
          << text(pick["tier"]) << ")\n      " << text(pick["reason"]) << "\n";
  }
  if (!result["excluded"].empty()) {
    out << "  not shown (tier not selected, see --tier):";
    for (const json& pick : result["excluded"])
      out << " " << text(pick["pattern"]) << " (" << text(pick["level"]) << ")";
    out << "\n";
  }
}

// A step for people: the answers so far, then the question or the result.
void print_step(std::ostream& out, const json& step) {
  out << text(step["tree"]["title"]) << "\n";
  int n = 0;
  for (const json& p : step["path"])
    out << "  " << ++n << ". " << text(p["question_text"]) << " -> "
        << text(p["answer_label"]) << "\n";
  if (!step["question"].is_null()) {
    const json& q = step["question"];
    out << "\n" << text(q["text"]) << "\n";
    if (!text(q["help"]).empty()) out << "  (" << text(q["help"]) << ")\n";
    int i = 0;
    for (const json& o : q["options"]) out << "  " << ++i << ") " << text(o["label"]) << "\n";
  } else {
    const json& r = step["result"];
    out << "\nResult: " << text(r["title"]) << "\n  " << text(r["summary"]) << "\n";
    print_picks(out, r);
  }
}

std::string trim(const std::string& text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// Turns a typed line into a tree.step parameter; nullopt when it is not an answer.
std::optional<json> parse_reply(const std::string& line, const json& question) {
  const json& options = question["options"];
  if (line == "b" || line == "back") return json{{"back", 1}};
  if (line == "r" || line == "restart") return json{{"restart", true}};
  int number = 0;
  for (char c : line) number = (c >= '0' && c <= '9' && number < 1000) ? number * 10 + (c - '0') : -1;
  if (number >= 1 && static_cast<std::size_t>(number) <= options.size())
    return json{{"answer", options[static_cast<std::size_t>(number - 1)]["id"]}};
  for (const json& o : options)
    if (o["id"] == line) return json{{"answer", line}};
  return std::nullopt;
}

int interactive(const Args& args, api::Engine& engine, json params) {
  // With --json the conversation goes to stderr and only the final step to stdout.
  std::ostream& out = args.has("--json") ? std::cerr : std::cout;
  const bool terminal = isatty(0);
  json envelope = json::parse(engine.call("tree.step", params_text(params)));
  for (;;) {
    if (!flag(envelope["ok"])) {
      std::cerr << "patsel: [" << text(envelope["error"]["code"]) << "] "
                << text(envelope["error"]["message"]) << "\n";
      return 1;
    }
    const json step = envelope["result"];
    print_step(out, step);
    if (step["question"].is_null()) {
      if (args.has("--json")) std::cout << step.dump(2) << "\n";
      out << "session: " << text(step["session"]) << "\n";
      return 0;
    }
    std::optional<json> reply;
    while (!reply) {
      out << "answer 1-" << step["question"]["options"].size() << ", b = back, r = restart, q = quit: " << std::flush;
      std::string line;
      if (!std::getline(std::cin, line) || trim(line) == "q" || trim(line) == "quit") {
        out << "\nstopped; resume with: patsel tree --session " << text(step["session"]) << "\n";
        return 0;
      }
      line = trim(line);
      if (!terminal) out << line << "\n";  // echo piped answers so the transcript reads well
      reply = parse_reply(line, step["question"]);
      if (!reply) out << "'" << line << "' is not one of the answers\n";
    }
    json next = *reply;
    next["session"] = step["session"];
    if (params.contains("tiers")) next["tiers"] = params["tiers"];
    out << "\n";
    envelope = json::parse(engine.call("tree.step", next.dump()));
  }
}

}  // namespace

int run_tree(int argc, char** argv) {
  Args args(argc, argv, 2, {{"--json"}, {"--catalog", "--answers", "--session", "--tier"}});
  if (!usage_ok(args, "tree", 0, 1)) return 2;
  api::Engine engine;
  if (!load(args, engine)) return 1;
  if (args.positional().empty() && !args.value("--session")) {
    return answer(args, engine.call("tree.list", "{}"), [](const json& result) {
      for (const json& t : result["trees"])
        std::printf("%-30s %s\n", text(t["id"]).c_str(), text(t["title"]).c_str());
      for (const json& b : result["broken"])
        std::printf("%-30s BROKEN: %s\n", text(b["id"]).c_str(),
                    text(b["error"]["message"]).c_str());
    });
  }
  json params = json::object();
  if (!args.positional().empty()) params["tree"] = args.positional()[0];
  if (auto session = args.value("--session")) params["session"] = *session;
  if (auto tiers = args.list("--tier"); !tiers.empty()) params["tiers"] = tiers;
  if (!args.value("--answers")) return interactive(args, engine, params);
  params["answers"] = args.list("--answers");
  return answer(args, engine.call("tree.step", params_text(params)), [](const json& step) {
    print_step(std::cout, step);
    std::cout << "session: " << text(step["session"]) << "\n";
  });
}

}  // namespace patsel::cli
