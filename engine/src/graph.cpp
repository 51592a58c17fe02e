#include "patsel/graph.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "json_util.hpp"
#include "name_list.hpp"

namespace patsel {
namespace {

using detail::child;
using detail::json;

constexpr std::string_view kRelationNames[kRelationCount] = {
    "requires",    "required-by", "complements",  "enhances",     "enhanced-by",    "part-of", "has-part",
    "alternative", "replaces",    "replaced-by",  "evolves-from", "evolves-into", "conflicts-with", "related"};

// Reads the items of a reference list: pattern ids, or {pattern: id,
// <note_key>: text} objects.
template <class Add>
void each_reference(const json& list, const std::string& where, std::string_view note_key, Add add) {
  if (!list.is_array()) return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = where + "[" + std::to_string(i) + "]";
    if (list[i].is_string()) {
      add(list[i].get<std::string>(), std::string(), path, list[i]);
    } else if (list[i].is_object() && !detail::string_or(list[i], "pattern").empty()) {
      // Items without a pattern (free-text alternatives) relate to nothing in the catalog.
      add(detail::string_or(list[i], "pattern"), note_key.empty() ? std::string() : detail::string_or(list[i], note_key),
          path, list[i]);
    }
  }
}

// The list a reference field names in `record`, or null.
const json& reference_list(const json& record, const ReferenceField& field) {
  return field.list.empty() ? child(record, field.field) : child(child(record, field.field), field.list);
}

}  // namespace

std::string_view to_string(Relation relation) { return kRelationNames[static_cast<std::size_t>(relation)]; }

std::optional<Relation> parse_relation(std::string_view word) {
  for (std::size_t i = 0; i < kRelationCount; ++i)
    if (word == kRelationNames[i]) return static_cast<Relation>(i);
  return std::nullopt;
}

Relation inverse(Relation relation) {
  switch (relation) {
    case Relation::requires_: return Relation::required_by;
    case Relation::required_by: return Relation::requires_;
    case Relation::enhances: return Relation::enhanced_by;
    case Relation::enhanced_by: return Relation::enhances;
    case Relation::part_of: return Relation::has_part;
    case Relation::has_part: return Relation::part_of;
    case Relation::replaces: return Relation::replaced_by;
    case Relation::replaced_by: return Relation::replaces;
    case Relation::evolves_from: return Relation::evolves_into;
    case Relation::evolves_into: return Relation::evolves_from;
    default: return relation;  // complements, alternative, conflicts-with, related
  }
}

std::string relation_names() { return detail::name_list(kRelationNames); }

std::vector<std::string> referenced_ids(const json& record) {
  std::vector<std::string> ids;
  for (const ReferenceField& field : kReferenceFields)
    each_reference(reference_list(record, field), "", "",
                   [&](const std::string& id, const std::string&, const std::string&, const json&) { ids.push_back(id); });
  return ids;
}

std::optional<std::size_t> RelationGraph::index(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

void RelationGraph::add_one(std::size_t from, Relation relation, const std::string& to, const std::string& note,
                            const std::string& source, bool stated) {
  auto& list = edges_[from];
  auto it = std::find_if(list.begin(), list.end(),
                         [&](const Edge& e) { return e.target == to && e.relation == relation; });
  if (it == list.end()) it = list.insert(list.end(), Edge{to, relation, {}, {}, false});
  it->stated = it->stated || stated;
  if (!note.empty() && std::find(it->notes.begin(), it->notes.end(), note) == it->notes.end()) it->notes.push_back(note);
  if (std::find(it->sources.begin(), it->sources.end(), source) == it->sources.end()) it->sources.push_back(source);
}

void RelationGraph::add(const std::string& from, Relation relation, const std::string& to, const std::string& note,
                        const std::string& source, const std::string& where) {
  auto a = index(from), b = index(to);
  for (const std::string* id : {&from, &to})
    if (!index(*id)) {
      problems_.push_back({"graph.unknown_pattern", where + ": '" + *id + "' is not a pattern of the catalog"});
      return;
    }
  if (*a != *b) statements_.push_back({*a, *b, relation, note, source});
}

RelationGraph RelationGraph::build(const Catalog& catalog) {
  RelationGraph g;
  for (const Pattern& p : catalog.patterns()) {
    g.by_id_.emplace(p.id, g.ids_.size());
    g.ids_.push_back(p.id);
  }
  g.edges_.resize(g.ids_.size());

  for (const Pattern& p : catalog.patterns()) {
    const json& d = p.record();
    const std::string where = "pattern '" + p.id + "'";
    for (const ReferenceField& field : kReferenceFields) {
      const std::string source(field.field);
      const std::string path = where + "." + source + (field.list.empty() ? "" : "." + std::string(field.list));
      each_reference(reference_list(d, field), path, field.note_key,
                     [&](const std::string& to, const std::string& note, const std::string& item_path, const json& item) {
                       Relation relation = field.relation;
                       if (!field.relation_key.empty()) {
                         const std::string word = detail::string_or(item, field.relation_key);
                         auto stated = parse_relation(word);
                         if (!stated) {
                           g.problems_.push_back({"graph.unknown_relation", item_path + "." + std::string(field.relation_key) +
                                                                                ": '" + word + "' is not a relation (" +
                                                                                relation_names() + ")"});
                           return;
                         }
                         relation = *stated;
                       }
                       g.add(p.id, relation, to, note, source, item_path);
                     });
    }
  }

  const json& dependencies = catalog.section("dependencies");
  for (std::size_t i = 0; i < dependencies.size(); ++i) {
    const std::string pattern = detail::string_or(dependencies[i], "pattern");
    const std::string where = "$.dependencies[" + std::to_string(i) + "].builds_on";
    each_reference(child(dependencies[i], "builds_on"), where, "",
                   [&](const std::string& to, const std::string&, const std::string& path, const json&) {
                     g.add(pattern, Relation::requires_, to, "", "dependencies", path);
                   });
  }
  const json& compositions = catalog.section("compositions");
  for (std::size_t i = 0; i < compositions.size(); ++i) {
    const std::string whole = detail::string_or(compositions[i], "pattern");
    if (whole.empty()) continue;  // a composition that is not itself a pattern has no node
    const std::string note = detail::string_or(compositions[i], "title");
    const std::string where = "$.compositions[" + std::to_string(i) + "].parts";
    each_reference(child(compositions[i], "parts"), where, "",
                   [&](const std::string& part, const std::string&, const std::string& path, const json&) {
                     g.add(part, Relation::part_of, whole, "", "compositions", path);
                   });
  }
  const json& avoid = catalog.section("avoid");
  for (std::size_t i = 0; i < avoid.size(); ++i) {
    const std::vector<std::string> patterns = detail::strings(avoid[i], "patterns");
    const std::string reason = detail::string_or(avoid[i], "reason");
    const std::string where = "$.avoid[" + std::to_string(i) + "].patterns";
    for (std::size_t a = 0; a < patterns.size(); ++a)
      for (std::size_t b = a + 1; b < patterns.size(); ++b)
        g.add(patterns[a], Relation::conflicts_with, patterns[b], reason, "avoid", where);
  }
  for (const Statement& s : g.statements_) g.add_one(s.from, s.relation, g.ids_[s.to], s.note, s.source, true);
  for (const Statement& s : g.statements_) g.add_one(s.to, inverse(s.relation), g.ids_[s.from], s.note, s.source, false);
  g.statements_.clear();
  return g;
}

const std::vector<Edge>& RelationGraph::edges(std::string_view id) const {
  static const std::vector<Edge> none;
  auto i = index(id);
  return i ? edges_[*i] : none;
}

std::vector<const Edge*> RelationGraph::between(std::string_view from, std::string_view to) const {
  std::vector<const Edge*> out;
  for (const Edge& e : edges(from))
    if (e.target == to) out.push_back(&e);
  return out;
}

bool RelationGraph::has(std::string_view from, Relation relation, std::string_view to) const {
  for (const Edge* e : between(from, to))
    if (e->relation == relation) return true;
  return false;
}

std::vector<Neighbour> RelationGraph::neighbours(const Catalog& catalog, std::string_view id,
                                                 const std::vector<Relation>& relations, int depth) const {
  std::vector<Neighbour> out;
  if (!index(id)) return out;
  auto allowed = [&](Relation r) {
    return relations.empty() || std::find(relations.begin(), relations.end(), r) != relations.end();
  };
  auto rank = [](const Neighbour& n) {
    Relation best = Relation::related;
    for (const Edge* e : n.edges) best = std::min(best, e->relation);
    return static_cast<int>(best);
  };
  std::set<std::string> seen = {std::string(id)};
  std::vector<std::string> frontier = {std::string(id)};
  for (int d = 1; d <= depth && !frontier.empty(); ++d) {
    std::vector<Neighbour> level;
    std::map<std::string, std::size_t> in_level;
    for (const std::string& from : frontier) {
      for (const Edge& e : edges(from)) {
        if (!allowed(e.relation)) continue;
        if (auto found = in_level.find(e.target); found != in_level.end()) {
          Neighbour& n = level[found->second];
          if (n.via == from) n.edges.push_back(&e);
          continue;
        }
        if (seen.count(e.target)) continue;
        const Pattern* p = catalog.find(e.target);
        if (!p) continue;
        seen.insert(e.target);
        in_level.emplace(e.target, level.size());
        level.push_back(Neighbour{p, d, from, {&e}});
      }
    }
    std::stable_sort(level.begin(), level.end(), [&](const Neighbour& a, const Neighbour& b) {
      if (rank(a) != rank(b)) return rank(a) < rank(b);
      if (a.pattern->title != b.pattern->title) return a.pattern->title < b.pattern->title;
      return a.pattern->id < b.pattern->id;
    });
    frontier.clear();
    for (Neighbour& n : level) {
      frontier.push_back(n.pattern->id);
      out.push_back(std::move(n));
    }
  }
  return out;
}

Ordering RelationGraph::order(const Catalog& catalog, const std::vector<std::string>& ids, bool add_prerequisites) const {
  std::vector<std::string> nodes;
  std::vector<bool> added;
  std::map<std::string, std::size_t> position;
  auto push = [&](const std::string& id, bool was_added) {
    if (position.count(id) || !catalog.find(id)) return;
    position[id] = nodes.size();
    nodes.push_back(id);
    added.push_back(was_added);
  };
  for (const std::string& id : ids) push(id, false);
  for (std::size_t i = 0; add_prerequisites && i < nodes.size(); ++i)
    for (const Edge& e : edges(nodes[i]))
      if (e.relation == Relation::requires_) push(e.target, true);

  const std::size_t n = nodes.size();
  std::vector<std::vector<std::size_t>> needs(n), needed_by(n);  // prerequisites within the set, and back
  for (std::size_t i = 0; i < n; ++i)
    for (const Edge& e : edges(nodes[i]))
      if (e.relation == Relation::requires_ && position.count(e.target)) {
        needs[i].push_back(position[e.target]);
        needed_by[position[e.target]].push_back(i);
      }

  // Strongly connected components (Tarjan, iterative): a component of more
  // than one pattern is a cycle, placed as a whole.
  std::vector<std::size_t> component(n, 0);
  std::vector<std::vector<std::size_t>> members;
  {
    const std::size_t unvisited = static_cast<std::size_t>(-1);
    std::vector<std::size_t> index(n, unvisited), low(n, 0), stack;
    std::vector<bool> on_stack(n, false);
    std::size_t counter = 0;
    for (std::size_t root = 0; root < n; ++root) {
      if (index[root] != unvisited) continue;
      std::vector<std::pair<std::size_t, std::size_t>> calls = {{root, 0}};
      index[root] = low[root] = counter++;
      stack.push_back(root);
      on_stack[root] = true;
      while (!calls.empty()) {
        const std::size_t v = calls.back().first;
        if (calls.back().second < needs[v].size()) {
          const std::size_t w = needs[v][calls.back().second++];
          if (index[w] == unvisited) {
            index[w] = low[w] = counter++;
            stack.push_back(w);
            on_stack[w] = true;
            calls.push_back({w, 0});
          } else if (on_stack[w]) {
            low[v] = std::min(low[v], index[w]);
          }
          continue;
        }
        if (low[v] == index[v]) {
          members.emplace_back();
          for (std::size_t w = unvisited; w != v;) {
            w = stack.back();
            stack.pop_back();
            on_stack[w] = false;
            component[w] = members.size() - 1;
            members.back().push_back(w);
          }
          std::sort(members.back().begin(), members.back().end());
        }
        calls.pop_back();
        if (!calls.empty()) low[calls.back().first] = std::min(low[calls.back().first], low[v]);
      }
    }
  }

  // Kahn's algorithm over the components. Among the ready ones, a single
  // pattern before a cycle, then the one given first.
  const std::size_t count = members.size();
  std::vector<std::size_t> waiting(count, 0);  // prerequisites outside the component not yet placed
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j : needs[i])
      if (component[j] != component[i]) ++waiting[component[i]];
  std::vector<bool> placed(count, false);
  std::vector<int> stage(n, 0);
  Ordering result;
  for (std::size_t round = 0; round < count; ++round) {
    std::size_t best = count;
    for (std::size_t c = 0; c < count; ++c) {
      if (placed[c] || waiting[c] > 0) continue;
      if (best == count) {
        best = c;
        continue;
      }
      const bool single = members[c].size() == 1, best_single = members[best].size() == 1;
      if (single != best_single ? single : members[c][0] < members[best][0]) best = c;
    }
    if (best == count) break;  // cannot happen: the components form a DAG
    placed[best] = true;
    const std::vector<std::size_t>& group = members[best];
    int s = 0;
    for (std::size_t i : group)
      for (std::size_t j : needs[i])
        if (component[j] != best) s = std::max(s, stage[j] + 1);
    const bool cycle = group.size() > 1;
    if (cycle) {
      result.cycles.emplace_back();
      for (std::size_t i : group) result.cycles.back().push_back(nodes[i]);
    }
    for (std::size_t i : group) {
      stage[i] = s;
      Ordering::Item item{catalog.find(nodes[i]), {}, s, added[i], cycle};
      for (std::size_t j : needs[i]) item.requires_.push_back(nodes[j]);
      result.items.push_back(std::move(item));
      for (std::size_t k : needed_by[i])
        if (component[k] != best) --waiting[component[k]];
    }
  }
  return result;
}

}  // namespace patsel
