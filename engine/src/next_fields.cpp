// next_fields(): which empty profile fields are worth asking about, found
// by trying their values and watching the ranking change.

#include <algorithm>
#include <set>

#include "patsel/recommend.hpp"

namespace patsel {
namespace {

// The numbers the rules compare field `f` with, anywhere in a condition.
void constants(const Condition& c, std::size_t f, std::set<double>& out) {
  if (c.kind == Condition::Kind::compare) {
    if (c.field == f) out.insert(c.numbers.begin(), c.numbers.end());
    return;
  }
  for (const Condition& part : c.parts) constants(part, f, out);
}

// The values worth trying for a field: each a FieldValue of its type.
std::vector<FieldValue> values_to_try(const RuleBook& book, std::size_t f) {
  const ProfileField& field = book.fields[f];
  std::vector<FieldValue> out;
  switch (field.type) {
    case FieldType::choice:
      for (const std::string& v : field.values) out.push_back(FieldValue{0, false, v, {}});
      break;
    case FieldType::set:
      for (const std::string& v : field.values) out.push_back(FieldValue{0, false, {}, {v}});
      break;
    case FieldType::boolean:
      out.push_back(FieldValue{0, true, {}, {}});
      out.push_back(FieldValue{0, false, {}, {}});
      break;
    case FieldType::number: {
      std::set<double> cs;
      for (const Rule& rule : book.rules) constants(rule.when, f, cs);
      if (cs.empty()) break;
      auto in_range = [&](double n) {
        if (field.min) n = std::max(n, *field.min);
        if (field.max) n = std::min(n, *field.max);
        return n;
      };
      std::set<double> tried{in_range(*cs.begin() - 1), in_range(*cs.rbegin() + 1)};
      double previous = 0;
      bool first = true;
      for (double c : cs) {
        tried.insert(in_range(c));
        if (!first) tried.insert(in_range((previous + c) / 2));
        previous = c;
        first = false;
      }
      for (double n : tried) out.push_back(FieldValue{n, false, {}, {}});
      break;
    }
  }
  return out;
}

template <class T>
bool contains(const std::vector<T>& list, const T& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// How `after` differs from `before`.
NextField difference(std::size_t f, const FieldValue& value, const std::vector<const Pattern*>& before,
                     const std::vector<const Pattern*>& after) {
  NextField out{f, value, {}, {}, 0};
  std::vector<const Pattern*> kept_before, kept_after;
  for (const Pattern* p : after) (contains(before, p) ? kept_after : out.adds).push_back(p);
  for (const Pattern* p : before) (contains(after, p) ? kept_before : out.drops).push_back(p);
  for (std::size_t i = 0; i < kept_before.size(); ++i) out.moves += kept_before[i] != kept_after[i];
  return out;
}

std::size_t in_or_out(const NextField& n) { return n.adds.size() + n.drops.size(); }

// More patterns in or out wins, then more moved.
bool changes_more(const NextField& a, const NextField& b) {
  if (in_or_out(a) != in_or_out(b)) return in_or_out(a) > in_or_out(b);
  return a.moves > b.moves;
}

}  // namespace

std::vector<NextField> next_fields(const Catalog& catalog, const RuleBook& book, const Profile& profile,
                                   const RecommendQuery& query, std::size_t most) {
  // Every rule is evaluated once for the profile as given; a value tried
  // for a field changes only the rules whose conditions read that field.
  std::vector<Truth> given(book.rules.size());
  std::vector<std::vector<std::size_t>> rules_reading(book.fields.size());
  std::vector<std::size_t> fields;
  for (std::size_t r = 0; r < book.rules.size(); ++r) {
    given[r] = evaluate(book, book.rules[r].when, profile);
    fields.clear();
    condition_fields(book.rules[r].when, fields);
    for (std::size_t f : fields)
      if (f < rules_reading.size()) rules_reading[f].push_back(r);
  }
  const std::vector<const Pattern*> now = ranked_patterns(catalog, book, given, query);
  std::vector<Truth> truths;
  std::vector<NextField> out;
  for (std::size_t f = 0; f < book.fields.size(); ++f) {
    const std::string& id = book.fields[f].id;
    if (profile.values.count(id) ||
        std::any_of(profile.invalid_fields.begin(), profile.invalid_fields.end(),
                    [&](const FieldProblem& p) { return p.field == id; }))
      continue;
    Profile trial = profile;
    NextField best{f, {}, {}, {}, 0};
    for (const FieldValue& value : values_to_try(book, f)) {
      trial.values[id] = value;
      truths = given;
      for (std::size_t r : rules_reading[f]) truths[r] = evaluate(book, book.rules[r].when, trial);
      NextField change = difference(f, value, now, ranked_patterns(catalog, book, truths, query));
      if (changes_more(change, best)) best = std::move(change);
    }
    if (in_or_out(best) || best.moves) out.push_back(std::move(best));
  }
  std::stable_sort(out.begin(), out.end(), changes_more);
  if (out.size() > most) out.resize(most);
  return out;
}

}  // namespace patsel
