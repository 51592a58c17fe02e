#include "expansion.hpp"

#include <algorithm>

namespace patsel::compile::detail {
namespace {

bool walk(const YamlNode& node, const ExpansionLimits& limits, int depth, Expansion& into) {
  if (++into.nodes > limits.max_nodes) return false;
  if (depth > limits.max_depth) {
    into.too_deep = true;
    into.deep_at = node.Mark();
    return false;
  }
  switch (node.Type()) {
    case YamlType::Scalar:
      into.bytes += node.Scalar().size();
      return into.bytes <= limits.max_bytes;
    case YamlType::Sequence:
      for (const YamlNode& item : node)
        if (!walk(item, limits, depth + 1, into)) return false;
      return true;
    case YamlType::Map:
      for (const auto& entry : node) {
        if (entry.first.IsScalar()) into.bytes += entry.first.Scalar().size();
        if (!walk(entry.second, limits, depth + 1, into)) return false;
      }
      return into.bytes <= limits.max_bytes;
    default:
      return true;
  }
}

std::size_t key_bytes(const Member& member) {
  return member.key.IsDefined() && member.key.IsScalar() ? member.key.Scalar().size() : 0;
}

// The share of the budget a cost takes, the larger of nodes and bytes:
// what "largest" means when members must go.
double share(const Expansion& cost, const ExpansionLimits& limits) {
  return std::max(static_cast<double>(cost.nodes) / static_cast<double>(limits.max_nodes),
                  static_cast<double>(cost.bytes) / static_cast<double>(limits.max_bytes));
}

}  // namespace

std::string Expansion::why(const ExpansionLimits& limits) const {
  if (too_deep) return "nested deeper than " + std::to_string(limits.max_depth) + " levels";
  if (nodes > limits.max_nodes)
    return "more than " + std::to_string(limits.max_nodes) + " YAML nodes once aliases are expanded";
  if (bytes > limits.max_bytes)
    return "more than " + std::to_string(limits.max_bytes) + " bytes of text once aliases are expanded";
  return {};
}

void measure(const YamlNode& node, const ExpansionLimits& limits, Expansion& into, int depth) {
  walk(node, limits, depth, into);
}

void fit_budget(std::vector<Member>& members, const ExpansionLimits& limits, const std::string& others, int depth) {
  // Within the budget together: one walk, and nothing to leave out.
  Expansion whole;
  for (const Member& m : members) {
    whole.bytes += key_bytes(m);
    measure(m.value, limits, whole, depth);
    if (whole.over(limits)) break;
  }
  if (!whole.over(limits)) return;

  // Each member alone, within an overall allowance of a few budgets: a
  // document with thousands of large members does not cost thousands of
  // walks (those past the allowance are left out, as too large).
  std::size_t allowance = 4 * limits.max_nodes;
  std::vector<Expansion> costs(members.size());
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < members.size(); ++i) {
    Member& m = members[i];
    ExpansionLimits capped = limits;
    capped.max_nodes = std::min(limits.max_nodes, allowance);
    costs[i].bytes = key_bytes(m);
    measure(m.value, capped, costs[i], depth);
    allowance -= std::min(allowance, costs[i].nodes);
    if (costs[i].too_deep) {
      m.problem = costs[i].why(limits);
      m.problem_at = costs[i].deep_at.is_null() ? m.key.Mark() : costs[i].deep_at;
    } else if (costs[i].over(capped)) {
      if (costs[i].nodes > capped.max_nodes) costs[i].nodes = limits.max_nodes + 1;
      m.problem = costs[i].why(limits);
      m.problem_at = m.key.Mark();
    } else {
      kept.push_back(i);
    }
  }
  // Together: the largest go first (the later one among equals, the one
  // that passes the budget) until the rest fit.
  std::sort(kept.begin(), kept.end(), [&](std::size_t a, std::size_t b) {
    const double sa = share(costs[a], limits), sb = share(costs[b], limits);
    return sa != sb ? sa > sb : a > b;
  });
  std::size_t nodes = 0, bytes = 0;
  for (std::size_t i : kept) {
    nodes += costs[i].nodes;
    bytes += costs[i].bytes;
  }
  for (std::size_t i : kept) {
    if (nodes <= limits.max_nodes && bytes <= limits.max_bytes) break;
    Expansion together;
    together.nodes = nodes;
    together.bytes = bytes;
    members[i].problem = "with the other " + others + ", " + together.why(limits) + " (this one is the largest)";
    members[i].problem_at = members[i].key.Mark();
    nodes -= costs[i].nodes;
    bytes -= costs[i].bytes;
  }
}

}  // namespace patsel::compile::detail
