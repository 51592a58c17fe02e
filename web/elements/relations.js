// How the relations between patterns read: in the engine's order (strongest
// first), as a heading ("Required by") and inside a sentence ("A is required
// by B"). No DOM here (the radial layout uses it in Node too).

const RELATIONS = [
  ['requires', 'Requires', 'requires'],
  ['required-by', 'Required by', 'is required by'],
  ['complements', 'Complements', 'complements'],
  ['enhances', 'Enhances', 'enhances'],
  ['enhanced-by', 'Enhanced by', 'is enhanced by'],
  ['part-of', 'Part of', 'is part of'],
  ['has-part', 'Has part', 'has as a part'],
  ['alternative', 'Alternative', 'is an alternative to'],
  ['replaces', 'Replaces', 'replaces'],
  ['replaced-by', 'Replaced by', 'is replaced by'],
  ['evolves-from', 'Evolves from', 'evolved from'],
  ['evolves-into', 'Evolves into', 'evolved into'],
  ['conflicts-with', 'Conflicts with', 'conflicts with'],
  ['related', 'Related', 'is related to'],
];
const RANK = new Map(RELATIONS.map(([id], i) => [id, i]));
const LABEL = new Map(RELATIONS.map(([id, label]) => [id, label]));
const PHRASE = new Map(RELATIONS.map(([id, , phrase]) => [id, phrase]));

/** True for a relation the engine knows. */
export function isRelation(id) {
  return RANK.has(id);
}

/** Position in the engine's order; unknown relations come last. */
export function relationRank(id) {
  return RANK.get(id) ?? 99;
}

/** "Required by"; an unknown relation as it is. */
export function relationLabel(id) {
  return LABEL.get(id) ?? id;
}

/** "is required by", for "A is required by B"; an unknown relation with spaces for dashes. */
export function relationPhrase(id) {
  return PHRASE.get(id) ?? id.replace(/-/g, ' ');
}

/** A neighbour's strongest relation ({relation, notes}) of an engine `related` answer. */
export function primary(neighbour) {
  return [...neighbour.relations].sort((a, b) => relationRank(a.relation) - relationRank(b.relation))[0] ?? { relation: 'related' };
}
