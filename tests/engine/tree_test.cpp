// Decision trees: reading, walking, session strings, the tree.* api, and
// every path of every tree of the shipped catalog.
//
// Expected fingerprints were computed by hand from the documented algorithm
// (FNV-1a 32 over tree id, start, then question, option and destination of
// each step, each followed by a 0x1f separator) with a separate script.

#include <doctest/doctest.h>

#include <functional>
#include <optional>
#include <set>

#include "patsel/tree.hpp"
#include "support.hpp"

using namespace patsel_test;

namespace {

patsel::DecisionTree fixture_tree(const std::string& id) {
  auto catalog = catalog_at(catalog_fixture("reasoning.json"));
  for (const json& record : catalog.section("trees"))
    if (record["id"] == id) {
      auto tree = patsel::read_tree(record, "$.trees[x]");
      REQUIRE(tree);
      return std::move(tree).value();
    }
  FAIL("no tree " << id);
  return {};
}

std::vector<std::string> answers_of(const patsel::TreeWalk& walk) {
  std::vector<std::string> out;
  for (const auto& step : walk.path) out.push_back(step.option->id);
  return out;
}

}  // namespace

TEST_CASE("a decision tree is read from catalog.json and walked to a result") {
  const patsel::DecisionTree tree = fixture_tree("transactions");
  CHECK(tree.start == "scope");
  CHECK(tree.questions.size() == 3);
  CHECK(tree.results[1].levels[1][0].pattern == "queue");

  SUBCASE("no answers stand at the start question") {
    auto walk = patsel::walk_tree(tree, {});
    REQUIRE(walk);
    CHECK(walk.value().question->id == "scope");
    CHECK(walk.value().result == nullptr);
  }
  SUBCASE("answers lead through questions to a result") {
    auto walk = patsel::walk_tree(tree, {"several", "no"});
    REQUIRE(walk);
    CHECK(walk.value().question == nullptr);
    CHECK(walk.value().result->id == "atomic");
    REQUIRE(walk.value().path.size() == 2);
    CHECK(walk.value().path[1].question->id == "visibility");
    CHECK(walk.value().path[1].option->label == "No");
  }
  SUBCASE("an answer that is not an option names the options there are") {
    auto walk = patsel::walk_tree(tree, {"several", "maybe"});
    REQUIRE(!walk);
    CHECK(walk.error().to_string() == "[tree.bad_answer] 'maybe' is not an option of question 'visibility' (yes, no)");
  }
  SUBCASE("an answer after the result is refused") {
    auto walk = patsel::walk_tree(tree, {"one", "one"});
    REQUIRE(!walk);
    CHECK(walk.error().to_string() ==
          "[tree.bad_answer] 'one' comes after the walk reached result 'local'; go back or restart first");
  }
  SUBCASE("a walk is bounded") {
    auto walk = patsel::walk_tree(tree, std::vector<std::string>(65, "one"));
    REQUIRE(!walk);
    CHECK(walk.error().to_string() == "[tree.too_many_steps] 65 answers; a walk holds at most 64");
  }
  SUBCASE("a missing node is an error value, not a crash") {
    const patsel::DecisionTree broken = fixture_tree("broken-link");
    auto walk = patsel::walk_tree(broken, {"go"});
    REQUIRE(!walk);
    CHECK(walk.error().to_string() ==
          "[tree.missing_node] tree 'broken-link': option 'go' of question 'q1' leads to question 'q-missing', which "
          "does not exist");
    patsel::DecisionTree no_start = broken;
    no_start.start = "elsewhere";
    CHECK(patsel::walk_tree(no_start, {}).error().to_string() ==
          "[tree.missing_node] tree 'broken-link': the start is question 'elsewhere', which does not exist");
  }
}

TEST_CASE("a tree of the wrong shape is refused with the JSON path of the problem") {
  auto read = [](const char* text) { return patsel::read_tree(json::parse(text), "$.trees[4]"); };
  CHECK(read(R"j({"id":"t","questions":"none"})j").error().to_string() ==
        "[tree.bad_shape] $.trees[4].questions: expected an array");
  CHECK(read(R"j({"title":"no id","questions":[]})j").error().to_string() == "[tree.bad_shape] $.trees[4].id: missing");
  CHECK(read(R"j({"id":"t","questions":[]})j").error().to_string() ==
        "[tree.bad_shape] $.trees[4].questions: a tree needs questions");
  CHECK(read(R"j({"id":"t","questions":[{"id":"q","text":7,"options":[]}]})j").error().to_string() ==
        "[tree.bad_shape] $.trees[4].questions[0].text: expected a string");
  CHECK(read(R"j({"id":"t","questions":[{"id":"q","options":[{"id":"o","next":"a","result":"b"}]}]})j")
            .error()
            .to_string() ==
        "[tree.bad_shape] $.trees[4].questions[0].options[0]: option 'o' must have exactly one of next or result");
  CHECK(read(R"j({"id":"t","questions":[{"id":"q","options":[{"id":"o","result":"r"}]}],"results":[{"id":"r","gold":[3]}]})j")
            .error()
            .to_string() == "[tree.bad_shape] $.trees[4].results[0].gold[0]: expected an object");
}

TEST_CASE("session strings are short, URL-safe and restore a walk exactly") {
  const patsel::DecisionTree tree = fixture_tree("transactions");
  auto walk = patsel::walk_tree(tree, {"several", "no"});
  REQUIRE(walk);

  SUBCASE("a session is the tree, a fingerprint of the path and the answers") {
    CHECK(patsel::session_string(walk.value()) == "transactions.2d53ccdd.several.no");
    CHECK(patsel::session_string(patsel::walk_tree(tree, {}).value()) == "transactions.43eb50b4");
  }
  SUBCASE("ids outside [A-Za-z0-9_-] are escaped as ~XX") {
    const patsel::DecisionTree odd = fixture_tree("odd tree");
    auto odd_walk = patsel::walk_tree(odd, {"x y", "\xC3\xA9"});
    REQUIRE(odd_walk);
    const std::string text = patsel::session_string(odd_walk.value());
    CHECK(text == "odd~20tree.0fa8cc62.x~20y.~C3~A9");
    auto parsed = patsel::parse_session(text);
    REQUIRE(parsed);
    CHECK(parsed.value().tree == "odd tree");
    CHECK(parsed.value().answers == std::vector<std::string>{"x y", "\xC3\xA9"});
    CHECK(patsel::session_string(patsel::walk_tree(odd, {"a.b"}).value()) == "odd~20tree.5a010303.a~2Eb");
  }
  SUBCASE("parsing and restoring gives the same walk") {
    auto parsed = patsel::parse_session("transactions.2d53ccdd.several.no");
    REQUIRE(parsed);
    auto restored = patsel::restore_walk(tree, parsed.value());
    REQUIRE(restored);
    CHECK(answers_of(restored.value()) == std::vector<std::string>{"several", "no"});
    CHECK(restored.value().result == walk.value().result);
  }
  SUBCASE("a session whose path changed is stale, not silently moved") {
    auto wrong_print = patsel::restore_walk(tree, patsel::parse_session("transactions.2d53ccde.several.no").value());
    CHECK(wrong_print.error().to_string() ==
          "[tree.stale_session] this session was saved from another version of tree 'transactions': its answers now "
          "lead elsewhere; restart the tree");
    auto gone = patsel::restore_walk(tree, patsel::parse_session("transactions.2d53ccdd.several.never").value());
    CHECK(gone.error().to_string() ==
          "[tree.stale_session] this session was saved from another version of tree 'transactions': 'never' is not "
          "an option of question 'visibility' (yes, no); restart the tree");
  }
  SUBCASE("malformed session strings say what is wrong") {
    CHECK(patsel::parse_session("transactions").error().to_string() ==
          "[tree.bad_session] session 'transactions': expected <tree>.<fingerprint>[.<answer>...]");
    CHECK(patsel::parse_session("transactions.xyz").error().to_string() ==
          "[tree.bad_session] session 'transactions.xyz': the fingerprint must be 8 lower-case hex digits");
    CHECK(patsel::parse_session("tr~zz.00000000").error().to_string() ==
          "[tree.bad_session] session 'tr~zz.00000000': the tree id is empty or badly escaped");
    CHECK(patsel::parse_session("transactions.00000000..no").error().to_string() ==
          "[tree.bad_session] session 'transactions.00000000..no': answer 1 is empty or badly escaped");
    std::string long_session = "t.00000000";
    for (int i = 0; i < 65; ++i) long_session += ".a";
    CHECK(patsel::parse_session(long_session).error().to_string() ==
          "[tree.too_many_steps] 65 answers; a walk holds at most 64");
    CHECK(patsel::parse_session(std::string(5000, 'a')).error().code == "tree.bad_session");
  }
}

TEST_CASE("move_walk restarts, goes back, then answers, from a session or the start") {
  const patsel::DecisionTree tree = fixture_tree("transactions");
  // scope: one -> result local, several -> visibility; visibility: yes -> flow, no -> result atomic.
  const patsel::TreeSession session = patsel::parse_session("transactions.2d53ccdd.several.no").value();
  SUBCASE("from the start") {
    auto walk = patsel::move_walk(tree, nullptr, {false, 0, {"several", "yes"}});
    REQUIRE(walk);
    CHECK(answers_of(walk.value()) == std::vector<std::string>{"several", "yes"});
    CHECK(walk.value().question->id == "flow");
  }
  SUBCASE("back one step from a saved walk, then another answer") {
    auto walk = patsel::move_walk(tree, &session, {false, 1, {"yes", "simple"}});
    REQUIRE(walk);
    CHECK(answers_of(walk.value()) == std::vector<std::string>{"several", "yes", "simple"});
    CHECK(walk.value().result->id == "saga");
  }
  SUBCASE("a restart forgets the session's answers") {
    auto walk = patsel::move_walk(tree, &session, {true, 0, {"one"}});
    REQUIRE(walk);
    CHECK(walk.value().result->id == "local");
  }
  SUBCASE("a restart does not replay the session, so a stale one is no obstacle") {
    const patsel::TreeSession stale = patsel::parse_session("transactions.00000000.several.no").value();
    CHECK(patsel::move_walk(tree, &stale, {}).error().code == "tree.stale_session");
    CHECK(patsel::move_walk(tree, &stale, {true, 0, {}}));
  }
  SUBCASE("going back further than the walk is an error") {
    CHECK(patsel::move_walk(tree, &session, {false, 3, {}}).error().to_string() ==
          "[tree.too_far_back] cannot go back 3 steps; the walk has 2 answers");
    CHECK(patsel::move_walk(tree, &session, {true, 1, {}}).error().code == "tree.too_far_back");
  }
  SUBCASE("an answer that is not an option is the walk's error") {
    CHECK(patsel::move_walk(tree, &session, {false, 1, {"maybe"}}).error().code == "tree.bad_answer");
  }
}

TEST_CASE("in_list_order: by order, equal orders by title, trees without an order last as given") {
  const auto tree = [](std::string title, std::optional<int> order) {
    patsel::DecisionTree t;
    t.id = title;
    t.title = std::move(title);
    t.order = order;
    return t;
  };
  const std::vector<patsel::DecisionTree> trees{tree("Zeta", std::nullopt), tree("Caching", 2), tree("Beta", 1),
                                                tree("Alpha", std::nullopt), tree("Aardvark", 2)};
  std::vector<const patsel::DecisionTree*> given;
  for (const auto& t : trees) given.push_back(&t);
  std::vector<std::string> titles;
  for (const auto* t : patsel::in_list_order(given)) titles.push_back(t->title);
  CHECK(titles == std::vector<std::string>{"Beta", "Aardvark", "Caching", "Zeta", "Alpha"});
}

TEST_CASE("tree.step walks a tree statelessly: each call takes the session and returns the next") {
  auto engine = engine_at(catalog_fixture("reasoning.json"));

  SUBCASE("the first step is the start question, with no answers") {
    CHECK(ok(engine, "tree.step", {{"tree", "transactions"}}) == json::parse(R"j({
      "tree": {"id": "transactions", "title": "Transactions"},
      "session": "transactions.43eb50b4",
      "path": [],
      "question": {"id": "scope", "text": "One database or several services?", "help": "Count resource managers.",
                   "options": [{"id": "one", "label": "One database"}, {"id": "several", "label": "Several services"}]},
      "result": null})j"));
  }
  SUBCASE("answering returns the whole path so far and the next question") {
    json step = ok(engine, "tree.step", {{"session", "transactions.43eb50b4"}, {"answer", "several"}});
    CHECK(step["session"] == "transactions.961e6bd7.several");
    CHECK(step["path"] == json::parse(R"j([{"question": "scope", "question_text": "One database or several services?",
                                           "answer": "several", "answer_label": "Several services"}])j"));
    CHECK(step["question"]["id"] == "visibility");
    CHECK(step["question"]["help"] == "");
  }
  SUBCASE("a result shows the allowed levels (gold by default) and lists the rest as excluded") {
    json step = ok(engine, "tree.step", {{"session", "transactions.961e6bd7.several"}, {"answer", "no"}});
    CHECK(step["session"] == "transactions.2d53ccdd.several.no");
    CHECK(step["question"].is_null());
    CHECK(step["result"] == json::parse(R"j({
      "id": "atomic", "title": "Atomic commit", "summary": "Needs a commit protocol.",
      "gold": [{"pattern": "consensus", "title": "Consensus", "tier": "gold", "reason": "Replicated commit."}],
      "silver": [], "bronze": [],
      "excluded": [
        {"pattern": "queue", "title": "Queue Leveling", "tier": "silver", "reason": "Defer the second write.", "level": "silver"},
        {"pattern": "two-phase-commit", "title": "Two-Phase Commit", "tier": "bronze",
         "reason": "Blocks on coordinator failure.", "level": "bronze"}]})j"));
  }
  SUBCASE("tiers choose the levels shown; patterns unknown to the catalog are left out") {
    json step = ok(engine, "tree.step",
                   {{"tree", "transactions"}, {"answers", {"several", "yes", "complex"}}, {"tiers", {"silver", "gold"}}});
    CHECK(pluck(step["result"]["gold"], "pattern") == json({"saga", "outbox"}));
    CHECK(step["result"]["silver"] == json::parse(R"j([{"pattern": "microservices", "title": "Microservices",
                                                       "tier": "silver", "reason": "Services own their data."}])j"));
    CHECK(step["result"]["excluded"] == json::array());
  }
  SUBCASE("a session restores exactly, and back and restart move within it") {
    const json at_result = ok(engine, "tree.step", {{"tree", "transactions"}, {"answers", {"several", "yes", "simple"}}});
    CHECK(at_result["session"] == "transactions.84536cdd.several.yes.simple");
    CHECK(ok(engine, "tree.step", {{"session", at_result["session"]}}) == at_result);
    json back_one = ok(engine, "tree.step", {{"session", at_result["session"]}, {"back", 1}});
    CHECK(back_one == ok(engine, "tree.step", {{"tree", "transactions"}, {"answers", {"several", "yes"}}}));
    CHECK(back_one["session"] == "transactions.5e914df3.several.yes");
    CHECK(ok(engine, "tree.step", {{"session", at_result["session"]}, {"back", 3}})["session"] == "transactions.43eb50b4");
    CHECK(ok(engine, "tree.step", {{"session", at_result["session"]}, {"restart", true}})["session"] ==
          "transactions.43eb50b4");
    // Back then answer: change the last answer in one call.
    CHECK(ok(engine, "tree.step", {{"session", at_result["session"]}, {"back", 2}, {"answer", "no"}})["result"]["id"] ==
          "atomic");
  }
  SUBCASE("mistakes are errors that name the parameter") {
    CHECK(failure(engine, "tree.step", {{"tree", "transactions"}, {"answer", "maybe"}}) ==
          json::parse(R"j({"code": "params.bad_option",
                          "message": "$.answer: 'maybe' is not an option of question 'scope' (one, several)"})j"));
    CHECK(failure(engine, "tree.step", {{"session", "transactions.20dd3b51.one"}, {"answer", "one"}})["message"] ==
          "$.answer: 'one' comes after the walk reached result 'local'; go back or restart first");
    CHECK(failure(engine, "tree.step", {{"session", "transactions.2d53ccdd.several.no"}, {"back", 3}})["message"] ==
          "$.back: cannot go back 3 steps; the walk has 2 answers");
    CHECK(failure(engine, "tree.step", {{"tree", "transactions"}, {"answer", "one"}, {"answers", {"one"}}})["message"] ==
          "$.answers: give answer or answers, not both");
    CHECK(failure(engine, "tree.step", json::object())["message"] == "$.tree: give a tree id or a session");
    CHECK(failure(engine, "tree.step", {{"tree", "transactions"}, {"tiers", {"gold", "unclassified"}}})["message"] ==
          "$.tiers[1]: 'unclassified' is not a tier (gold, silver, bronze)");
    CHECK(failure(engine, "tree.step", {{"tree", "transactions"}, {"steps", 1}})["code"] == "params.unknown_option");
  }
  SUBCASE("an unknown tree lists the trees there are") {
    CHECK(failure(engine, "tree.step", {{"tree", "nope"}}) ==
          json::parse(R"j({"code": "tree.unknown_tree",
                          "message": "$.tree: 'nope' is not a tree of the catalog (transactions, broken-link, odd tree)"})j"));
  }
  SUBCASE("a session for one tree cannot be used with another") {
    CHECK(failure(engine, "tree.step", {{"tree", "odd tree"}, {"session", "transactions.43eb50b4"}}) ==
          json::parse(R"j({"code": "tree.bad_session",
                          "message": "$.session: the session belongs to tree 'transactions', not 'odd tree'"})j"));
  }
  SUBCASE("a broken tree answers with an error value") {
    CHECK(failure(engine, "tree.step", {{"tree", "broken-link"}, {"answer", "go"}})["code"] == "tree.missing_node");
    CHECK(failure(engine, "tree.step", {{"tree", "bad-shape"}}) ==
          json::parse(R"j({"code": "tree.bad_shape", "message": "$.trees[2].questions: expected an array"})j"));
  }
}

TEST_CASE("a session saved from an older catalog says it is stale instead of landing somewhere wrong") {
  const std::string original = read_text(catalog_fixture("reasoning.json"));
  auto old_engine = engine_from_text(original);
  const std::string saved = ok(old_engine, "tree.step", {{"tree", "transactions"}, {"answers", {"several", "yes"}}})["session"];
  CHECK(saved == "transactions.5e914df3.several.yes");

  SUBCASE("the path changed: 'several' now skips the visibility question") {
    json catalog = json::parse(original);
    catalog["trees"][0]["questions"][0]["options"][1]["next"] = "flow";
    auto new_engine = engine_from_text(catalog.dump());
    CHECK(failure(new_engine, "tree.step", {{"session", saved}})["code"] == "tree.stale_session");
    // ... but a restart from the stale link still works.
    CHECK(ok(new_engine, "tree.step", {{"session", saved}, {"restart", true}})["session"] == "transactions.43eb50b4");
    CHECK(ok(new_engine, "tree.step", {{"tree", "transactions"}, {"answer", "several"}})["session"] ==
          "transactions.0aa050db.several");
  }
  SUBCASE("an answer was removed") {
    json catalog = json::parse(original);
    catalog["trees"][0]["questions"][1]["options"][0]["id"] = "acceptable";
    auto new_engine = engine_from_text(catalog.dump());
    CHECK(failure(new_engine, "tree.step", {{"session", saved}})["message"] ==
          "this session was saved from another version of tree 'transactions': 'yes' is not an option of question "
          "'visibility' (acceptable, no); restart the tree");
  }
  SUBCASE("wording changes keep saved links working") {
    json catalog = json::parse(original);
    catalog["trees"][0]["questions"][1]["text"] = "Can readers see half-done work?";
    catalog["trees"][0]["questions"][1]["options"][0]["label"] = "Yes, briefly";
    auto new_engine = engine_from_text(catalog.dump());
    json step = ok(new_engine, "tree.step", {{"session", saved}});
    CHECK(step["path"][1]["question_text"] == "Can readers see half-done work?");
    CHECK(step["path"][1]["answer_label"] == "Yes, briefly");
  }
}

TEST_CASE("tree.list and tree.get describe the trees for menus and diagrams") {
  auto engine = engine_at(catalog_fixture("reasoning.json"));
  SUBCASE("tree.list lists the usable trees and the broken ones apart") {
    json list = ok(engine, "tree.list", json::object());
    CHECK(pluck(list["trees"], "id") == json({"transactions", "broken-link", "odd tree"}));
    CHECK(list["trees"][0] == json::parse(R"j({"id": "transactions", "title": "Transactions",
                                              "description": "Keep data consistent.", "group": null, "order": null,
                                              "questions": 3, "results": 3})j"));
    CHECK(list["broken"] == json::parse(R"j([{"id": "bad-shape", "error": {"code": "tree.bad_shape",
                                             "message": "$.trees[2].questions: expected an array"}}])j"));
  }
  SUBCASE("tree.list sorts by order, equal orders by title, trees without one last; each says its group") {
    json catalog = json::parse(read_text(catalog_fixture("reasoning.json")));
    catalog["trees"][3]["order"] = 5;  // "Odd ids"
    catalog["trees"][3]["group"] = "Odd things";
    catalog["trees"][1]["order"] = 5;  // "Broken link", same order: by title
    catalog["trees"][1]["group"] = "Odd things";
    auto ordered = engine_from_text(catalog.dump());
    json list = ok(ordered, "tree.list", json::object());
    CHECK(pluck(list["trees"], "id") == json({"broken-link", "odd tree", "transactions"}));
    CHECK(pluck(list["trees"], "group") == json({"Odd things", "Odd things", nullptr}));
    CHECK(pluck(list["trees"], "order") == json({5, 5, nullptr}));
    catalog["trees"][3]["order"] = "first";
    catalog["trees"][1]["group"] = 7;
    json refused = ok(engine_from_text(catalog.dump()), "tree.list", json::object());
    CHECK(pluck(refused["trees"], "id") == json({"transactions"}));
    CHECK(pluck(refused["broken"], "id") == json({"broken-link", "bad-shape", "odd tree"}));
    CHECK(refused["broken"][0]["error"] == json::parse(R"j({"code": "tree.bad_shape", "message": "$.trees[1].group: expected a string"})j"));
    CHECK(refused["broken"][2]["error"] == json::parse(R"j({"code": "tree.bad_shape", "message": "$.trees[3].order: expected a whole number"})j"));
  }
  SUBCASE("tree.get gives every question with where its options lead, and every result with all levels") {
    json tree = ok(engine, "tree.get", {{"tree", "transactions"}});
    CHECK(tree["start"] == "scope");
    CHECK(tree["questions"][0]["options"] == json::parse(R"j([{"id": "one", "label": "One database", "result": "local"},
                                                            {"id": "several", "label": "Several services", "next": "visibility"}])j"));
    CHECK(tree["results"][0] == json::parse(R"j({"id": "local", "title": "Local transaction",
      "summary": "One database commits atomically.",
      "gold": [{"pattern": "monolith", "title": "Modular Monolith", "tier": "gold", "reason": "Keep it in one database."}],
      "silver": [],
      "bronze": [{"pattern": "two-phase-commit", "title": "Two-Phase Commit", "tier": "bronze", "reason": "Only if unavoidable."}]})j"));
    CHECK(failure(engine, "tree.get", json::object())["message"] == "$.tree: expected a tree id");
  }
}

TEST_CASE("every tree of the shipped catalog is walked along every path to a result") {
  auto engine = engine_at(shipped_path());
  json list = ok(engine, "tree.list", json::object());
  CHECK(list["broken"] == json::array());
  REQUIRE(list["trees"].size() >= 8);
  const json all_tiers = {"gold", "silver", "bronze"};
  int walked = 0;
  for (const json& summary : list["trees"]) {
    const std::string id = summary["id"];
    CAPTURE(id);
    json tree = ok(engine, "tree.get", {{"tree", id}});
    std::map<std::string, json> questions;
    for (const json& q : tree["questions"]) questions[q["id"]] = q;
    std::set<std::string> reached;
    // Depth first over the options; each complete path is checked through the api.
    std::function<void(const std::string&, std::vector<std::string>&)> visit = [&](const std::string& question,
                                                                                   std::vector<std::string>& answers) {
      REQUIRE(answers.size() < 64);
      for (const json& option : questions.at(question)["options"]) {
        answers.push_back(option["id"]);
        if (option.contains("next")) {
          visit(option["next"], answers);
        } else {
          CAPTURE(json(answers).dump());
          json step = ok(engine, "tree.step", {{"tree", id}, {"answers", answers}, {"tiers", all_tiers}});
          REQUIRE(step["result"].is_object());
          CHECK(step["result"]["id"] == option["result"]);
          CHECK(step["question"].is_null());
          CHECK(step["path"].size() == answers.size());
          CHECK(step["result"]["gold"].size() + step["result"]["silver"].size() + step["result"]["bronze"].size() > 0);
          // The session restores the same step, and going back k steps is
          // the walk of the first n-k answers.
          CHECK(ok(engine, "tree.step", {{"session", step["session"]}, {"tiers", all_tiers}}) == step);
          for (std::size_t k = 1; k <= answers.size(); ++k) {
            std::vector<std::string> prefix(answers.begin(), answers.end() - static_cast<long>(k));
            json back = ok(engine, "tree.step", {{"session", step["session"]}, {"back", k}});
            json direct = ok(engine, "tree.step", {{"tree", id}, {"answers", prefix}});
            CHECK(back == direct);
            CHECK(back["path"].size() == prefix.size());
          }
          reached.insert(option["result"].get<std::string>());
          ++walked;
        }
        answers.pop_back();
      }
    };
    std::vector<std::string> answers;
    visit(tree["start"], answers);
    std::set<std::string> results;
    for (const json& r : tree["results"]) results.insert(r["id"].get<std::string>());
    CHECK(reached == results);  // no result is unreachable
  }
  CHECK(walked >= 50);
}
