#include "answer.hpp"

namespace patsel::detail {

std::string ok_envelope(const json& result) {
  // The bytes of {"ok":true,"result":...} dumped whole (keys sort that way),
  // without copying a large result into an envelope object first.
  // `replace` keeps invalid UTF-8 in catalog text from aborting the dump.
  return "{\"ok\":true,\"result\":" + result.dump(-1, ' ', false, json::error_handler_t::replace) + "}";
}

std::string ok_envelope(const JsonText& result) { return "{\"ok\":true,\"result\":" + result.text + "}"; }

std::string error_envelope(const Error& error) {
  json envelope = json::object();
  envelope["ok"] = false;
  envelope["error"] = error_json(error);
  return envelope.dump(-1, ' ', false, json::error_handler_t::replace);
}

json error_json(const Error& error) { return {{"code", error.code}, {"message", error.message}}; }

json errors_json(const std::vector<Error>& errors) { return array_of(errors, error_json); }

json pattern_summary(const Pattern& p) {
  // Member by member: nlohmann's initializer lists copy every value twice.
  json summary = json::object();
  summary["id"] = p.id;
  summary["title"] = p.title;
  summary["summary"] = p.summary;
  summary["tier"] = to_string(p.tier);
  summary["category"] = p.category;
  summary["domain"] = p.domain;
  summary["layer"] = p.layer;
  summary["status"] = p.status;
  summary["tags"] = p.tags;
  return summary;
}

json pattern_ref(const Pattern& p) {
  return {{"pattern", p.id}, {"title", p.title}, {"tier", to_string(p.tier)}};
}

json pattern_ref(const Pattern& p, json members) {
  json ref = pattern_ref(p);
  ref.update(std::move(members));
  return ref;
}

json pattern_refs(const std::vector<const Pattern*>& patterns) {
  return array_of(patterns, [](const Pattern* p) { return pattern_ref(*p); });
}

json pattern_refs(const Catalog& catalog, const std::vector<std::string>& ids) {
  json out = json::array();
  for (const std::string& id : ids)
    if (const Pattern* p = catalog.find(id)) out.push_back(pattern_ref(*p));
  return out;
}

json complexity_json(const ComplexityEstimate& estimate) {
  json patterns = json::array();
  for (const PatternEffort& e : estimate.patterns)
    patterns.push_back(pattern_ref(*e.pattern, {{"complexity", e.complexity},
                                                {"time_to_implement", e.time_to_implement},
                                                {"maintenance", e.maintenance},
                                                {"team_size", e.team_size}}));
  json by_level = json::object();
  for (const auto& [level, count] : estimate.by_level) by_level[level] = count;
  return {{"overall", estimate.overall},     {"points", estimate.points},       {"by_level", by_level},
          {"longest", estimate.longest},     {"maintenance", estimate.maintenance}, {"team_size", estimate.team_size},
          {"patterns", std::move(patterns)}, {"unknown", estimate.unknown}};
}

}  // namespace patsel::detail
