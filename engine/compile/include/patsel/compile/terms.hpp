#pragma once
// The words a site's pages may use: the values of status, relevance,
// category and difficulty with the other words that mean them
// (vocabulary.yaml), and the laws and pillars that related_laws and
// related_pillars name (laws.yaml). The shipped data/vocabulary.yaml and
// data/laws.yaml are built into the compiler; a site's own files next to
// its data files extend or replace them.

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "patsel/compile/diagnostics.hpp"

namespace patsel::compile {

/// One closed list of words and the other words that mean one of them.
struct WordList {
  std::string name;                  ///< what a value is called in messages ("status")
  std::vector<std::string> values;   ///< the allowed values, in order
  /// A folded word -> its value; an empty value means "no value": the
  /// field is left unset without a warning.
  std::map<std::string, std::string> aliases;

  struct Match {
    bool known = false;  ///< a value or an alias
    std::string value;   ///< the value it means; empty for an alias to no value
  };
  /// `find("use-with-expertise") == {true, "use-with-caution"}` with the shipped aliases.
  Match find(const std::string& folded) const;
  /// "recommended, stable, use-with-caution, legacy"
  std::string listing() const;
};

struct Law {
  int number = 0;
  std::string id;     ///< "asynchronous-reality"
  std::string title;  ///< "Law of Asynchronous Reality"
};

struct Pillar {
  std::string id;     ///< "work"
  std::string title;  ///< "Work Distribution"
};

struct Terms {
  WordList status{"status", {}, {}};
  WordList relevance{"relevance", {}, {}};
  WordList category{"category", {}, {}};
  WordList difficulty{"difficulty", {}, {}};
  std::vector<Law> laws;
  std::vector<Pillar> pillars;
  /// laws.yaml's `laws` and `pillars` as the catalog holds them, for a
  /// site that has no laws.yaml of its own.
  nlohmann::json laws_section = nlohmann::json::array();
  nlohmann::json pillars_section = nlohmann::json::array();

  /// The law a reference names: its number ("2", "law 2", "law2-asynchrony"),
  /// id ("asynchronous-reality") or title ("Law of Asynchronous Reality").
  std::optional<int> law(const std::string& reference) const;
  /// The pillar a reference names: its id ("work") or title ("Work Distribution").
  std::optional<std::string> pillar(const std::string& reference) const;
  /// "1 correlated-failure, 2 asynchronous-reality, ..."
  std::string law_listing() const;
  /// "work, state, truth, control, intelligence"
  std::string pillar_listing() const;

  /// The shipped data/vocabulary.yaml and data/laws.yaml.
  static const Terms& shipped();
};

/// Reads a vocabulary.yaml over `terms`: its values are added, its aliases
/// added or put in place of those there. Problems are warnings at
/// `file`:line (`vocabulary.*`); what can be read is used.
void read_vocabulary(Terms& terms, const std::string& yaml_text, const std::string& file, Report& report);

/// Puts the laws and the pillars of a laws.yaml in place of those of
/// `terms` (each list when the file has one). Quiet: the data files report
/// this file's problems. False (and `terms` unchanged) when it holds no law
/// and no pillar that can be read.
bool read_laws(Terms& terms, const std::string& yaml_text);

}  // namespace patsel::compile
