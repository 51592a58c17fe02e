// Which decision tree a problem of the matrix hands over to: computed from
// what the engine already answers (the problems and each tree's results),
// no DOM here (tests/browser/unit runs it in Node).

/**
 * For each problem, the decision tree that fits it best: the one whose
 * results name most of its patterns (a primary pattern counts twice), at
 * least one primary pattern; among equals the tree with fewer picks, the more
 * specific one. `trees`: [{id, title, picks: Set}]. Returns a Map problem id -> tree.
 */
export function treesForProblems(problems, trees) {
  const out = new Map();
  for (const problem of problems) {
    let best = null;
    for (const tree of trees) {
      const primary = problem.primary.filter((p) => tree.picks.has(p.pattern)).length;
      if (!primary) continue;
      const score = 2 * primary + problem.supporting.filter((p) => tree.picks.has(p.pattern)).length;
      if (!best || score > best.score || (score === best.score && tree.picks.size < best.tree.picks.size)) best = { score, tree };
    }
    if (best) out.set(problem.id, best.tree);
  }
  return out;
}
