// The choice of patterns that <patsel-compare> and <patsel-stack> keep: in
// the `patterns` attribute ("a,b") and in the URL ("a.b"; "-" for an empty
// choice, so that it differs from no parameter, which means: the attribute).

const EMPTY = '-';

/** "a,b" or "a.b" -> ["a", "b"]; "-" -> []. */
export function parseIds(text) {
  if (text === EMPTY) return [];
  return String(text ?? '').split(/[.,\s]+/).map((s) => s.trim()).filter(Boolean);
}

/** The URL value of a choice: ["a", "b"] -> "a.b"; [] -> "-". */
export function idsValue(ids) {
  return ids.length ? ids.join('.') : EMPTY;
}

/** Every pattern of the catalog, for a picker: {all, byId}. */
export function catalogPatterns(engine) {
  const all = engine.list({}).patterns;
  return { all, byId: new Map(all.map((p) => [p.id, p])) };
}
