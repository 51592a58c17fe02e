#include "synthetic_catalog.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string_view>
#include <vector>

#include "word_lists.hpp"

namespace patsel::synth {
namespace {

using nlohmann::json;

// splitmix64: tiny, fast and the same on every platform (std:: distributions
// are not), so a seed means the same catalog everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }
  bool chance(double p) { return uniform() < p; }

 private:
  std::uint64_t state_;
};

// Draws list items with Zipf-like frequencies (item k weighs 1/(k+1)), as
// word frequencies in real prose go.
class Zipf {
 public:
  explicit Zipf(std::size_t n) : cumulative_(n) {
    double sum = 0;
    for (std::size_t k = 0; k < n; ++k) cumulative_[k] = sum += 1.0 / static_cast<double>(k + 1);
  }
  std::size_t draw(Random& r) const {
    const double x = r.uniform() * cumulative_.back();
    return static_cast<std::size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), x) - cumulative_.begin());
  }

 private:
  std::vector<double> cumulative_;
};

struct Frequencies {
  Zipf nouns, verbs, adjectives, function;
  static const Frequencies& get() {
    static const Frequencies f{Zipf(word_lists().nouns.size()), Zipf(word_lists().verbs.size()),
                               Zipf(word_lists().adjectives.size()), Zipf(word_lists().function_words.size())};
    return f;
  }
};

class Writer {
 public:
  explicit Writer(Random& random) : r_(random), w_(word_lists()), f_(Frequencies::get()) {}

  std::string_view noun() { return w_.nouns[f_.nouns.draw(r_)]; }
  std::string_view verb() { return w_.verbs[f_.verbs.draw(r_)]; }
  std::string_view adjective() { return w_.adjectives[f_.adjectives.draw(r_)]; }

  // A made-up name from 2-3 syllables ("kalomi"): the long tail.
  std::string rare() {
    std::string out;
    for (int i = r_.between(2, 3); i > 0; --i) out += w_.syllables[r_.below(w_.syllables.size())];
    return out;
  }

  std::string word() {
    const double x = r_.uniform();
    if (x < 0.38) return std::string(noun());
    if (x < 0.62) return std::string(w_.function_words[f_.function.draw(r_)]);
    if (x < 0.78) return std::string(adjective());
    if (x < 0.95) return std::string(verb());
    return rare();
  }

  std::string words(int count) {
    std::string out;
    for (int i = 0; i < count; ++i) {
      if (i) out += ' ';
      out += word();
    }
    return out;
  }

  std::string sentence(int lo, int hi, std::string_view end = ".") {
    std::string out = words(r_.between(lo, hi));
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out + std::string(end);
  }

  // "Adaptive Queue Lease": 1-3 capitalised words.
  std::string title() {
    std::string out;
    const int n = r_.between(1, 3);
    for (int i = 0; i < n; ++i) {
      std::string part(i == 0 && n > 1 && r_.chance(0.5) ? adjective() : noun());
      if (r_.chance(0.05)) part = rare();
      part[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(part[0])));
      out += (i ? " " : "") + part;
    }
    return out;
  }

  std::string phrase(int lo, int hi) {
    std::string out;
    for (int i = r_.between(lo, hi); i > 0; --i) out += (out.empty() ? "" : " ") + std::string(r_.chance(0.3) ? adjective() : noun());
    return out;
  }

  std::string tag() {
    std::string out(noun());
    if (r_.chance(0.5)) out = std::string(adjective()) + "-" + out;
    return out;
  }

  template <class List>
  std::string_view pick(const List& list) { return list[r_.below(list.size())]; }

  const WordLists& lists() const { return w_; }
  Random& random() { return r_; }

 private:
  Random& r_;
  const WordLists& w_;
  const Frequencies& f_;
};

std::string slug(const std::string& title) {
  std::string out;
  for (char c : title) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  return out;
}

Random record_random(std::uint64_t seed, std::size_t index) {
  return Random(seed ^ (0xD1B54A32D192ED03ull * (index + 1)));
}

// Record i's id: its title (the first thing drawn from its stream) and i.
std::string record_id(std::uint64_t seed, std::size_t index) {
  Random random = record_random(seed, index);
  return slug(Writer(random).title()) + "-" + std::to_string(index);
}

json record(std::uint64_t seed, std::size_t index) {
  Random random = record_random(seed, index);
  Writer w(random);
  const WordLists& lists = w.lists();
  json p = json::object();
  const std::string title = w.title();
  p["id"] = slug(title) + "-" + std::to_string(index);
  p["title"] = title;
  json aliases = json::array();
  for (int i = random.between(1, 4); i > 0; --i) aliases.push_back(w.phrase(1, 3));
  p["aliases"] = aliases;
  json tags = json::array();
  for (int i = random.between(3, 6); i > 0; --i) tags.push_back(w.tag());
  p["tags"] = tags;
  p["tagline"] = w.sentence(5, 9, "");
  p["summary"] = w.sentence(25, 40);
  p["essential_question"] = std::string(w.pick(lists.question_openers)) + " " + w.words(random.between(9, 15)) + "?";
  p["category"] = w.pick(lists.categories);
  p["domain"] = w.pick(lists.domains);
  p["subdomain"] = std::string(w.noun()) + "-" + std::string(w.noun());
  p["layer"] = w.pick(lists.layers);
  const double tier = random.uniform();
  p["tier"] = tier < 0.45 ? "gold" : tier < 0.85 ? "silver" : "bronze";
  p["status"] = w.pick(lists.statuses);
  p["relevance"] = w.pick(lists.relevances);
  p["difficulty"] = w.pick(lists.difficulties);
  const int year = random.between(1960, 2024);
  if (random.chance(0.5)) {
    const int month = random.between(1, 12);
    p["introduced"] = std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month);
  } else {
    p["introduced"] = std::to_string(year);
  }
  p["reading_time"] = random.between(6, 15);
  json when = json::array();
  for (int i = random.between(2, 4); i > 0; --i) when.push_back(w.sentence(12, 22));
  p["when_to_use"] = when;
  json when_not = json::array();
  for (int i = random.between(2, 3); i > 0; --i) when_not.push_back(w.sentence(10, 18));
  p["when_not_to_use"] = when_not;
  p["excerpt"] = w.sentence(40, 50, "\xE2\x80\xA6");
  p["url"] = "patterns/" + p["id"].get<std::string>() + "/";
  if (random.chance(0.3)) {
    static constexpr const char* kEffort[] = {"low", "medium", "high"};
    static constexpr const char* kTeam[] = {"1-2", "3-5", "5+"};
    p["implementation_complexity"] = {{"effort", kEffort[random.below(3)]}, {"team_size", kTeam[random.below(3)]},
                                      {"timeline", random.chance(0.5) ? "weeks" : "months"}};
  }
  if (random.chance(0.4)) {
    json implementations = json::array();
    for (int i = random.between(1, 3); i > 0; --i)
      implementations.push_back({{"ecosystem", w.pick(lists.ecosystems)},
                                 {"libraries", json::array({w.rare()})},
                                 {"notes", w.sentence(8, 14)}});
    p["implementations"] = implementations;
  }
  // Relations point at earlier records only, so a smaller catalog is a prefix.
  json related = json::array();
  if (index > 0)
    for (int i = random.between(2, 5); i > 0; --i)
      related.push_back({{"pattern", record_id(seed, random.below(index))}, {"relation", "related"}});
  p["related"] = related;
  return p;
}

}  // namespace

json catalog(const Options& options) {
  json patterns = json::array();
  for (std::size_t i = 0; i < options.patterns; ++i) patterns.push_back(record(options.seed, i));
  // Abbreviations of two-word phrases, the way a real synonyms file has them.
  Random random(options.seed ^ 0x5EEDull);
  Writer w(random);
  json synonyms = json::array();
  for (int i = 0; i < 40; ++i) {
    const std::string a(w.adjective()), b(w.noun());
    synonyms.push_back({std::string(1, a[0]) + b[0] + std::to_string(i), a + " " + b});
  }
  return {{"schema_version", 1},
          {"content_hash", "synthetic-" + std::to_string(options.seed) + "-" + std::to_string(options.patterns)},
          {"patterns", std::move(patterns)},
          {"synonyms", std::move(synonyms)}};
}

std::string catalog_json(const Options& options) { return catalog(options).dump(); }

}  // namespace patsel::synth
