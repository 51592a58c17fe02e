// The health score, on hand-computed cases. Every expected number below is
// worked out from the formula in docs/health.md with the default weights
// (tier 20, relevance 20, maintained 25, adoption 10, successors 10,
// documentation 5, reliance 5, maturity 5; reliance full at 5 patterns,
// maturity at 10 years, adoption recent within 5 years), not copied from a run.

#include <doctest/doctest.h>

#include "patsel/health.hpp"
#include "support.hpp"

using namespace patsel_test;
using patsel::parse_month;

namespace {

struct Fixture {
  patsel::Catalog catalog = catalog_at(catalog_fixture("health.json"));
  patsel::RelationGraph graph = patsel::RelationGraph::build(catalog);
  patsel::HealthContext context{catalog, graph, patsel::read_health_model(catalog.section("health_signals"))};

  patsel::HealthReport report(const std::string& id, const std::string& today = "2026-06") const {
    const patsel::Pattern* p = catalog.find(id);
    REQUIRE(p);
    return patsel::assess_health(context, *p, parse_month(today));
  }
};

const patsel::HealthSignal& signal(const patsel::HealthReport& r, std::string_view id) {
  for (const auto& s : r.signals)
    if (s.id == id) return s;
  FAIL("no signal " << std::string(id));
  return r.signals.front();
}

Strings flag_codes(const patsel::HealthReport& r) {
  Strings out;
  for (const auto& f : r.flags) out.push_back(f.code);
  return out;
}

}  // namespace

TEST_CASE("the health score of a pattern with every signal known") {
  Fixture f;
  const auto r = f.report("breaker");
  // tier 1*20 + relevance 1*20 + maintained (active 1 + archived 0)/2*25 + adoption 1*10 (2024 is 2 years before 2026)
  // + successors 1/(1+0)*10 + documentation (0.5+0.5)*5 + reliance min(1, 1/5)*5 + maturity min(1, 16/10)*5
  // = 20 + 20 + 12.5 + 10 + 10 + 5 + 1 + 5 = 83.5 over 100 known.
  REQUIRE(r.score);
  CHECK(*r.score == doctest::Approx(83.5));
  CHECK(r.known_share == doctest::Approx(1.0));
  SUBCASE("each signal lists its weight, value and points") {
    CHECK(signal(r, "maintained").value == doctest::Approx(0.5));
    CHECK(signal(r, "maintained").points == doctest::Approx(12.5));
    CHECK(signal(r, "maintained").why == "LibA active (2025) and LibB archived (2024).");
    CHECK(signal(r, "reliance").value == doctest::Approx(0.2));
    CHECK(signal(r, "reliance").points == doctest::Approx(1.0));
    CHECK(signal(r, "reliance").why == "1 pattern relies on it.");
    CHECK(signal(r, "adoption").why == "1 sourced adoption fact, the newest from 2024.");
    CHECK(signal(r, "maturity").why == "Introduced in 2010, 16 years before 2026.");
    // retry follows it on the family's timeline, but no migration leads there: not a successor.
    CHECK(signal(r, "successors").why == "Nothing in the catalog replaces it.");
    CHECK(signal(r, "tier").weight == doctest::Approx(20));
    double points = 0;
    for (const auto& s : r.signals) points += s.points;
    CHECK(points == doctest::Approx(83.5));
  }
  SUBCASE("signals come in the model's order") {
    Strings ids;
    for (const auto& s : r.signals) ids.emplace_back(s.id);
    CHECK(ids == Strings{"tier", "relevance", "maintained", "adoption", "successors", "documentation", "reliance",
                         "maturity"});
  }
  CHECK(r.flags.empty());
}

TEST_CASE("unknown signals drop out and known_share says how much is known") {
  Fixture f;
  SUBCASE("a bronze pattern with a successor and no sourced signals") {
    // known: tier 20, relevance 20, successors 10, documentation 5, reliance 5, maturity 5 = 65
    // points: 0.2*20 + 1*20 + 1/(1+1)*10 + 0 + 0 + min(1, 36/10)*5 = 4 + 20 + 5 + 5 = 34; 100*34/65 = 52.31
    const auto r = f.report("lock");
    CHECK(*r.score == doctest::Approx(52.3));
    CHECK(r.known_share == doctest::Approx(0.65));
    CHECK_FALSE(signal(r, "maintained").value);
    CHECK(signal(r, "maintained").points == 0);
    CHECK(signal(r, "successors").why == "Succeeded by Breaker in the catalog.");
  }
  SUBCASE("an unsourced state counts as unknown; a family's migration from it names a successor") {
    // known: 20 + 20 + 25 (OldLib, sourced) + 10 + 5 + 5 = 85
    // points: 0.6*20 + 0.2*20 + 0*25 + 0.5*10 + 0 + 0 = 21; 100*21/85 = 24.71
    const auto r = f.report("cache");
    CHECK(*r.score == doctest::Approx(24.7));
    CHECK(r.known_share == doctest::Approx(0.85));
    CHECK(signal(r, "maintained").why == "OldLib archived (2020).");
    CHECK_FALSE(signal(r, "maturity").value);
    CHECK(signal(r, "maturity").why == "The year it was introduced is not given.");
  }
  SUBCASE("a silver pattern that only the catalog speaks for") {
    // known: 20 + 20 + 10 + 5 + 5 = 60; points 12 + 20 + 10 = 42; 100*42/60 = 70
    CHECK(*f.report("retry").score == doctest::Approx(70.0));
    CHECK(f.report("retry").known_share == doctest::Approx(0.6));
  }
  SUBCASE("without a date, adoption and years in use are unknown") {
    const auto r = patsel::assess_health(f.context, *f.catalog.find("breaker"), std::nullopt);
    // known: 100 - 10 - 5 = 85; points 83.5 - 10 - 5 = 68.5; 100*68.5/85 = 80.59
    CHECK(*r.score == doctest::Approx(80.6));
    CHECK(r.known_share == doctest::Approx(0.85));
    CHECK(signal(r, "adoption").why == "Adoption facts up to 2024, but no date to measure from.");
  }
  SUBCASE("an old adoption fact counts half") {
    // 2033 - 2024 = 9 years > 5: adoption 0.5*10 = 5; the rest as on 2026-06: 83.5 - 5 = 78.5
    CHECK(*f.report("breaker", "2033-01").score == doctest::Approx(78.5));
  }
}

TEST_CASE("signals that contradict the tier are flagged") {
  Fixture f;
  CHECK(flag_codes(f.report("ghost")) == Strings{"gold_all_archived", "gold_niche", "history_mismatch"});
  CHECK(f.report("ghost").flags[2].message == "Its tier history ends at silver, but its tier is gold.");
  CHECK(flag_codes(f.report("lock")) == Strings{"bronze_mainstream"});
  CHECK(f.report("lock").flags[0].message == "A bronze pattern still marked mainstream.");
  CHECK(flag_codes(f.report("old-gold")) == Strings{"legacy_gold"});
  // A gold pattern with one archived and one active library is not "all archived".
  CHECK(flag_codes(f.report("breaker")).empty());
  CHECK(flag_codes(f.report("cache")).empty());
  // ghost: 20 + 0.4*20 + 0 + 10 + 0 + 0 = 38 over 85 known = 44.71
  CHECK(*f.report("ghost").score == doctest::Approx(44.7));
}

TEST_CASE("the weights come from the catalog's health_signals") {
  std::string text = read_text(catalog_fixture("health.json"));
  json doc = json::parse(text);
  SUBCASE("a weight of 0 keeps a signal known but out of the score") {
    doc["health_signals"] = json::parse(R"([{"id":"maintained","weight":0},{"id":"reliance","weight":5,"full_at":1}])");
    patsel::Catalog catalog = catalog_from_text(doc.dump());
    patsel::RelationGraph graph = patsel::RelationGraph::build(catalog);
    const patsel::HealthModel model = patsel::read_health_model(catalog.section("health_signals"));
    CHECK(model.problems.empty());
    patsel::HealthContext context(catalog, graph, model);
    const auto r = patsel::assess_health(context, *catalog.find("breaker"), parse_month("2026-06"));
    // known weights 75 (maintained weighs 0); reliance 1/1 = 1: 20+20+0+10+10+5+5+5 = 75 -> 100
    CHECK(*r.score == doctest::Approx(100.0));
    CHECK(r.known_share == doctest::Approx(1.0));
  }
  SUBCASE("entries the model cannot use are problems and keep the defaults") {
    doc["health_signals"] = json::parse(R"([{"id":"popularity","weight":3},{"id":"tier","weight":500}])");
    patsel::Catalog catalog = catalog_from_text(doc.dump());
    const patsel::HealthModel model = patsel::read_health_model(catalog.section("health_signals"));
    REQUIRE(model.problems.size() == 2);
    CHECK(model.problems[0].to_string() == "[health.bad_model] $.health_signals[0].id: 'popularity' is not a health signal");
    CHECK(model.problems[1].to_string() ==
          "[health.bad_model] $.health_signals[1].weight: expected a number from 0 to 100");
    CHECK(model.weight("tier") == doctest::Approx(20));
  }
}

TEST_CASE("dates: YYYY-MM or a bare year, which reads as January") {
  CHECK(parse_month("2024-06")->index() == 2024 * 12 + 5);
  CHECK(parse_month("2024")->month == 1);
  CHECK(parse_month("2024")->to_string() == "2024-01");
  CHECK_FALSE(parse_month("2024-13"));
  CHECK_FALSE(parse_month("24-01"));
  CHECK_FALSE(parse_month("2024-6"));
  CHECK_FALSE(parse_month("1800"));
  Fixture f;
  CHECK(patsel::newest_health_date(f.catalog)->to_string() == "2026-01");
}

TEST_CASE("patterns due for review") {
  Fixture f;
  auto ids = [](const std::vector<patsel::ReviewItem>& items) {
    Strings out;
    for (const auto& item : items) out.push_back(item.pattern->id);
    return out;
  };
  SUBCASE("with a year's age: never reviewed, contradictions, missing and unsourced signals") {
    const auto items = patsel::due_for_review(f.context, parse_month("2026-06"), 12);
    // breaker was reviewed 5 months before and its signals agree: not due. Gold first, then by title.
    CHECK(ids(items) == Strings{"ghost", "old-gold", "cache", "retry", "lock"});
    Strings codes;
    for (const auto& reason : items[3].reasons) codes.push_back(reason.code);
    CHECK(codes == Strings{"not_reviewed", "missing_signals"});
    CHECK(items[2].reasons[1].code == "unsourced_signals");
    CHECK(items[2].reasons[1].message == "1 signal has no source and counts as unknown.");
    CHECK(items[0].reasons.size() == 4);  // not reviewed + three contradictions
  }
  SUBCASE("with a quarter's age a review five months old is due") {
    const auto items = patsel::due_for_review(f.context, parse_month("2026-06"), 3);
    REQUIRE(ids(items).front() == "breaker");
    REQUIRE(items[0].reasons.size() == 1);
    CHECK(items[0].reasons[0].code == "review_due");
    CHECK(items[0].reasons[0].message == "Last reviewed 2026-01, 5 months before 2026-06 (more than 3).");
    CHECK(items[0].reviewed == "2026-01");
  }
}

TEST_CASE("tier changes since a date, newest first") {
  Fixture f;
  auto listed = [&](std::optional<patsel::Month> since) {
    Strings out;
    for (const auto& c : patsel::tier_changes(f.catalog, since))
      out.push_back(c.pattern->id + " " + c.date + " " + c.from + " -> " + c.to);
    return out;
  };
  CHECK(listed(std::nullopt) == Strings{"cache 2022 gold -> silver", "ghost 2018-04 gold -> silver"});
  CHECK(listed(parse_month("2020")) == Strings{"cache 2022 gold -> silver"});
  // A bare year reads as its January: a change dated 2022 is not "since 2022-02".
  CHECK(listed(parse_month("2022-02")).empty());
  CHECK(listed(parse_month("2018-04")).size() == 2);
}

TEST_CASE("the health methods of the API") {
  auto engine = engine_at(catalog_fixture("health.json"));
  SUBCASE("health.list: highest score first, filtered") {
    json r = ok(engine, "health.list", {{"today", "2026-06"}});
    Strings order;
    for (const json& p : r["patterns"]) order.push_back(p["pattern"]);
    CHECK(order == Strings{"breaker", "old-gold", "retry", "lock", "ghost", "cache"});
    CHECK(r["date"] == "2026-06");
    CHECK(r["model"]["signals"].size() == 8);
    json flagged = ok(engine, "health.list", {{"flagged", true}, {"tiers", {"gold"}}});
    CHECK(flagged["total"] == 2);
    CHECK(flagged["date"] == "2026-01");  // the catalog's newest health date
    CHECK_FALSE(flagged["patterns"][0].contains("signals"));
    json detailed = ok(engine, "health.list", {{"signals", true}, {"categories", {"coordination"}}});
    REQUIRE(detailed["total"] == 1);
    CHECK(detailed["patterns"][0]["signals"].size() == 8);
    CHECK(detailed["patterns"][0]["signals"][4]["why"] == "Succeeded by Breaker in the catalog.");
  }
  SUBCASE("health.get: every signal, the sourced signals and the tier history") {
    json r = ok(engine, "health.get", {{"pattern", "cache"}, {"today", "2026-06"}});
    CHECK(r["score"] == 24.7);
    CHECK(r["signals"][2] == json::parse(R"({"id":"maintained","label":"Implementations maintained","weight":25.0,
      "known":true,"value":0.0,"points":0.0,"why":"OldLib archived (2020)."})"));
    CHECK(r["signals"][3]["known"] == false);
    CHECK(r["signals"][3]["value"].is_null());
    CHECK(r["tier_history"][0]["reason"] == "Fewer new uses.");
    CHECK(r["implementations"].size() == 2);
    CHECK(r["reviewed"].is_null());
    CHECK(r["successors"][0]["pattern"] == "breaker");
  }
  SUBCASE("health.review and bad params") {
    json r = ok(engine, "health.review", {{"today", "2026-06"}, {"max_age_months", 3}});
    CHECK(r["total"] == 6);
    CHECK(r["due"][0]["reasons"][0]["code"] == "review_due");
    CHECK(failure(engine, "health.review", {{"today", "June"}})["message"] ==
          "$.today: 'June' is not a date (YYYY-MM or YYYY)");
    CHECK(failure(engine, "health.get", {{"pattern", "nope"}})["code"] == "params.unknown_pattern");
  }
  SUBCASE("health.changes: tier changes and reviews since a date") {
    json r = ok(engine, "health.changes", {{"since", "2020-01"}});
    CHECK(r["since"] == "2020-01");
    CHECK(r["tier_changes"] == json::parse(R"([{"pattern":"cache","title":"Cache","tier":"silver","date":"2022",
      "from":"gold","to":"silver","reason":"Fewer new uses."}])"));
    CHECK(r["reviewed"] == json::parse(R"([{"pattern":"breaker","title":"Breaker","tier":"gold","reviewed":"2026-01"}])"));
    CHECK(ok(engine, "health.changes", json::object())["tier_changes"].size() == 2);
    CHECK(ok(engine, "health.changes", {{"since", "2026-02"}})["reviewed"].empty());
    CHECK(failure(engine, "health.changes", {{"since", "soon"}})["message"] ==
          "$.since: 'soon' is not a date (YYYY-MM or YYYY)");
  }
}
