#include "health_fields.hpp"

#include <algorithm>
#include <regex>

#include "patsel/health.hpp"
#include "text_util.hpp"
#include "vocabulary.hpp"
#include "yaml_convert.hpp"

namespace patsel::compile::detail {
namespace {

const Vocabulary kMaintained{"maintained state", {"active", "maintenance", "archived"}};

void warn(const BlockPlace& at, const std::string& rule, const YamlNode& node, const std::string& message) {
  const Place place = place_of(node, at.first_line);
  at.report.warning(rule, at.file, place.line, place.column, message);
}

// A year (1900 to 2199) or YYYY-MM, as text; what the engine's parse_month reads.
std::optional<std::string> month_text(const YamlNode& node) {
  static const std::regex shape(R"((19|20|21)[0-9]{2}(-(0[1-9]|1[0-2]))?)");
  auto s = scalar_text(node);
  if (!s || s->size() > 7 || !std::regex_match(*s, shape)) return std::nullopt;
  return *s;
}

// Reads `key` of `item` as a date; reports `health.bad_date` when it is
// missing or malformed (`what` names the item in the message).
std::optional<std::string> date_of(const YamlNode& item, const char* key, const std::string& what,
                                   const BlockPlace& at) {
  const YamlNode value = item[key];
  if (!value) {
    warn(at, "health.bad_date", item, what + " has no " + key + "; left out (a signal needs its date)");
    return std::nullopt;
  }
  auto text = month_text(value);
  if (!text)
    warn(at, "health.bad_date", value,
         what + ": " + key + " should be a year or YYYY-MM, not " +
             (scalar_text(value) ? shown(*scalar_text(value)) : std::string("a list or mapping")) + "; left out");
  return text;
}

std::optional<std::string> text_of(const YamlNode& item, const char* key) {
  auto s = item.IsMap() ? scalar_text(item[key]) : std::nullopt;
  if (!s || s->empty()) return std::nullopt;
  return s;
}

// Keys outside `known` are reported once each.
void unknown_keys(const YamlNode& item, std::initializer_list<const char*> known, const std::string& where,
                  const BlockPlace& at) {
  for (const auto& entry : item) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
    if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; })) {
      std::string listing;
      for (const char* k : known) listing += (listing.empty() ? "" : ", ") + std::string(k);
      warn(at, "health.unknown_field", entry.first, shown(key) + " is not a field of " + where + " (" + listing + ")");
    }
  }
}

void copy_text(json& out, const YamlNode& item, const char* key) {
  if (auto s = text_of(item, key)) out[key] = *s;
}

// A signal with a source keeps it; one without is reported and kept, and
// the engine counts it as unknown.
void source_of(json& out, const YamlNode& item, const std::string& what, const BlockPlace& at) {
  if (auto s = text_of(item, "source")) {
    out["source"] = *s;
    return;
  }
  warn(at, "health.unsourced", item,
       what + " has no source; kept, but it counts as unknown until the place it was read is given");
}

std::optional<json> implementation_signal(const YamlNode& item, const BlockPlace& at) {
  if (!item.IsMap()) {
    warn(at, "health.bad_shape", item, "an item of 'health.implementations' should be {library, state, as_of, source}; skipped");
    return std::nullopt;
  }
  unknown_keys(item, {"library", "ecosystem", "state", "as_of", "source", "note"}, "an implementation signal", at);
  auto library = text_of(item, "library");
  if (!library) {
    warn(at, "health.bad_shape", item, "an implementation signal names no library; skipped");
    return std::nullopt;
  }
  const std::string what = "the state of " + shown(*library);
  const std::string state = fold_word(text_of(item, "state").value_or(""));
  if (!kMaintained.contains(state)) {
    warn(at, "health.bad_value", item["state"] ? item["state"] : item,
         what + " should be one " + std::string(kMaintained.name) + " (" + kMaintained.listing() +
             "); left out (an unknown state stays unknown: leave the signal out)");
    return std::nullopt;
  }
  auto as_of = date_of(item, "as_of", what, at);
  if (!as_of) return std::nullopt;
  json out = {{"library", *library}, {"state", state}, {"as_of", *as_of}};
  copy_text(out, item, "ecosystem");
  copy_text(out, item, "note");
  source_of(out, item, what, at);
  return out;
}

std::optional<json> adoption_fact(const YamlNode& item, const BlockPlace& at) {
  auto fact = text_of(item, "fact");
  if (!item.IsMap() || !fact) {
    warn(at, "health.bad_shape", item, "an item of 'health.adoption' should be {fact, year, source}; skipped");
    return std::nullopt;
  }
  unknown_keys(item, {"fact", "year", "source"}, "an adoption fact", at);
  const std::string what = "the adoption fact " + shown(*fact);
  auto year = date_of(item, "year", what, at);
  if (!year) return std::nullopt;
  json out = {{"fact", *fact}, {"year", *year}};
  source_of(out, item, what, at);
  return out;
}

template <class Read>
std::optional<json> read_list(const YamlNode& node, const std::string& key, const BlockPlace& at, Read read) {
  if (!node.IsSequence()) {
    warn(at, "health.bad_shape", node, "'" + key + "' should be a list; left out");
    return std::nullopt;
  }
  json out = json::array();
  for (const YamlNode& item : node)
    if (auto value = read(item, at)) out.push_back(std::move(*value));
  return out;
}

}  // namespace

std::optional<json> read_health(const std::string& key, const YamlNode& node, const BlockPlace& at) {
  if (!node.IsMap()) {
    warn(at, "health.bad_shape", node, "'" + key + "' should be {reviewed, implementations, adoption}; left out");
    return std::nullopt;
  }
  unknown_keys(node, {"reviewed", "implementations", "adoption"}, "'" + key + "'", at);
  json out = json::object();
  if (node["reviewed"]) {
    if (auto month = month_text(node["reviewed"]))
      out["reviewed"] = *month;
    else
      warn(at, "health.bad_date", node["reviewed"], "'" + key + ".reviewed' should be a year or YYYY-MM; left out");
  }
  if (node["implementations"])
    if (auto list = read_list(node["implementations"], key + ".implementations", at, implementation_signal))
      out["implementations"] = std::move(*list);
  if (node["adoption"])
    if (auto list = read_list(node["adoption"], key + ".adoption", at, adoption_fact)) out["adoption"] = std::move(*list);
  if (out.empty()) return std::nullopt;
  return out;
}

std::optional<json> read_tier_history(const std::string& key, const YamlNode& node, const BlockPlace& at) {
  if (!node.IsSequence()) {
    warn(at, "health.bad_shape", node, "'" + key + "' should be a list of {date, from, to, reason}; left out");
    return std::nullopt;
  }
  json out = json::array();
  std::string previous_date, previous_to;
  for (const YamlNode& item : node) {
    if (!item.IsMap()) {
      warn(at, "health.bad_shape", item, "an item of '" + key + "' should be {date, from, to, reason}; skipped");
      continue;
    }
    unknown_keys(item, {"date", "from", "to", "reason"}, "a tier change", at);
    auto date = date_of(item, "date", "a tier change", at);
    if (!date) continue;
    std::string tiers[2];
    bool ok = true;
    const char* ends[2] = {"from", "to"};
    for (int i = 0; i < 2; ++i) {
      tiers[i] = fold_word(text_of(item, ends[i]).value_or(""));
      if (!kTiers.contains(tiers[i])) {
        warn(at, "health.bad_value", item[ends[i]] ? item[ends[i]] : item,
             "the tier change of " + *date + ": '" + ends[i] + "' should be one tier (" + kTiers.listing() +
                 "); skipped");
        ok = false;
      }
    }
    if (!ok) continue;
    if (tiers[0] == tiers[1]) {
      warn(at, "health.bad_value", item, "the tier change of " + *date + " goes from " + tiers[0] + " to itself; skipped");
      continue;
    }
    // Dates compare as text: "2023" < "2023-05" < "2024".
    if (!previous_date.empty() && *date < previous_date)
      warn(at, "health.history_order", item,
           "the tier change of " + *date + " comes after one of " + previous_date + "; list changes oldest first");
    if (!previous_to.empty() && tiers[0] != previous_to)
      warn(at, "health.history_gap", item,
           "the tier change of " + *date + " starts from " + tiers[0] + ", but the one before ended at " + previous_to);
    json change = {{"date", *date}, {"from", tiers[0]}, {"to", tiers[1]}};
    if (auto reason = text_of(item, "reason"))
      change["reason"] = *reason;
    else
      warn(at, "health.missing_reason", item, "the tier change of " + *date + " gives no reason");
    previous_date = *date;
    previous_to = tiers[1];
    out.push_back(std::move(change));
  }
  return out;
}

void check_health(const std::vector<CompiledPage>& pages, Report& report) {
  for (const CompiledPage& page : pages) {
    const json& r = page.record;
    auto line = [&](const char* field) {
      auto it = page.lines.find(field);
      return it != page.lines.end() ? it->value("line", 0) : 0;
    };
    const auto health = r.find("health");
    if (health != r.end() && health->contains("implementations")) {
      std::vector<std::string> named;
      if (auto blocks = r.find("implementations"); blocks != r.end() && blocks->is_array())
        for (const json& block : *blocks)
          if (auto libraries = block.find("libraries"); libraries != block.end() && libraries->is_array())
            for (const json& library : *libraries)
              if (library.is_string()) named.push_back(fold_word(library.get<std::string>()));
      for (const json& signal : (*health)["implementations"]) {
        const std::string library = signal.value("library", "");
        if (std::find(named.begin(), named.end(), fold_word(library)) == named.end())
          report.warning("health.unknown_library", page.file, line("health"), 0,
                         shown(library) + " in 'health.implementations' is not a library of the page's "
                                          "'implementations' block; add it there, or name it as it is written there");
      }
    }
    const auto history = r.find("tier_history");
    if (history != r.end() && history->is_array() && !history->empty()) {
      const std::string last = history->back().value("to", "");
      const std::string tier = r.value("tier", "unclassified");
      if (last != tier)
        report.warning("health.history_mismatch", page.file, line("tier_history"), 0,
                       "the last tier change ends at " + last + ", but the page's tier is " + tier);
    }
  }
}

void check_health_model(const json& signals, const std::string& file, const LineMap& lines, Report& report) {
  auto line = [&](const std::string& path) {
    auto it = lines.find(path);
    return it == lines.end() ? 0 : it->second;
  };
  std::string ids;
  for (const HealthWeight& w : kHealthSignals) ids += (ids.empty() ? "" : ", ") + std::string(w.id);
  for (std::size_t i = 0; i < signals.size(); ++i) {
    const std::string path = "$.health_signals[" + std::to_string(i) + "]";
    const json& entry = signals[i];
    const std::string id = entry.is_object() ? entry.value("id", "") : "";
    if (std::none_of(std::begin(kHealthSignals), std::end(kHealthSignals),
                     [&](const HealthWeight& w) { return w.id == id; })) {
      report.error("health.bad_model", file, line(path), 0, shown(id) + " is not a health signal (" + ids + ")");
      continue;
    }
    if (auto weight = entry.find("weight"); weight != entry.end() &&
                                            (!weight->is_number() || *weight < 0 || *weight > 100))
      report.error("health.bad_model", file, line(path + ".weight"), 0,
                   "the weight of '" + id + "' should be a number from 0 to 100");
    for (const char* knob : {"full_at", "recent_years"}) {
      auto value = entry.find(knob);
      if (value == entry.end()) continue;
      const bool belongs = (std::string(knob) == "full_at" && (id == "reliance" || id == "maturity")) ||
                           (std::string(knob) == "recent_years" && id == "adoption");
      if (!belongs)
        report.error("health.bad_model", file, line(path + "." + knob), 0,
                     "'" + std::string(knob) + "' is not a setting of '" + id + "'");
      else if (!value->is_number_integer() || *value < 1 || *value > 100)
        report.error("health.bad_model", file, line(path + "." + knob), 0,
                     "'" + std::string(knob) + "' of '" + id + "' should be a whole number from 1 to 100");
    }
  }
}

}  // namespace patsel::compile::detail
