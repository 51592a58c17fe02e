// The demo's views, by route. A view is {title, lead, crumbs, body}: the
// heading, one sentence under it, the trail back to the home, and what the
// page shows. Element views put one element on the page, with every pattern
// link opening the pattern's view.

import { el } from './patsel/elements/dom.js';
import { homeView } from './home.js';
import { PATTERN_BASE, TREE_BASE, element, notFound, years } from './parts.js';
import { patternView } from './pattern-view.js';

// A real earlier release of the catalog (data/catalog.json as of 22 November
// 2026), for "what changed since a release".
const OLDER_CATALOG = { url: 'releases/catalog-2026-11-22.json', label: 'the catalog of 22 November 2026' };

const WAYS = {
  search: () => ({
    title: 'Search the catalog',
    lead: 'Search as you type (the other names of a pattern count too: try “fuse”), narrow by tier and facets, and sort. Gold patterns are today’s best practice, silver ones good choices with trade-offs, bronze ones legacy.',
    body: element('patsel-explorer'),
  }),
  trees: async ({ engine }) => {
    const { trees } = (await engine()).trees();
    return {
      title: 'Decision trees',
      lead: 'Answer a few questions, one at a time, and get the patterns that fit, by tier.',
      body: el('ul', { class: 'tiles', 'data-list': 'trees' }, trees.map((t) => el('li', { class: 'tile' },
        el('h2', {}, el('a', { href: `${TREE_BASE}${encodeURIComponent(t.id)}/` }, t.title)),
        el('p', {}, t.description), el('p', { class: 'meta' }, `${t.questions} questions, ${t.results} results`)))),
    };
  },
  tree: async ({ engine }, id) => {
    const crumbs = [{ label: 'Decision trees', href: '#/trees' }];
    if (!id) return { title: 'Decision tree', crumbs, body: element('patsel-tree') };
    const tree = (await engine()).trees().trees.find((t) => t.id === id);
    if (!tree) return notFound(`The catalog has no decision tree “${id}”.`, { label: 'Every decision tree', href: '#/trees' });
    return { title: tree.title, lead: tree.description, crumbs, body: element('patsel-tree', { tree: id }) };
  },
  recommend: () => ({
    title: 'Recommendations for your requirements',
    lead: 'Fill in what you know about your system: traffic, availability, consistency, team. Every recommendation says which of your answers led to it.',
    body: element('patsel-recommender'),
  }),
  problems: () => ({
    title: 'Problems and the patterns that solve them',
    lead: 'Find your problem; the patterns that solve it come first, those that help them after. Each problem leads to the decision tree that fits it.',
    body: element('patsel-problem-matrix', { 'tree-url': TREE_BASE, 'recommender-url': '#/recommend' }),
  }),
  paths: () => ({
    title: 'Learning paths',
    lead: 'The patterns to learn, in order. Tick what you have learned: your progress stays in this browser.',
    body: element('patsel-learning-path'),
  }),
  cards: () => ({
    title: 'Quick reference cards',
    lead: 'For a goal, the patterns to have first, next and later. A legacy pattern on a card says what to use instead.',
    body: element('patsel-quick-reference'),
  }),
  compositions: () => ({
    title: 'Compositions and combinations to avoid',
    lead: 'Patterns made of other patterns, and patterns that work against each other when used together.',
    body: element('patsel-compositions'),
  }),
  timelines: async ({ engine }) => {
    const { families } = (await engine()).families();
    return {
      title: 'How patterns evolved',
      lead: 'Families of patterns, step by step: what each step brought, its limits, and what pushed teams to the next.',
      body: el('ul', { class: 'tiles', 'data-list': 'families' }, families.map((f) => el('li', { class: 'tile' },
        el('h2', {}, el('a', { href: `#/timeline/${encodeURIComponent(f.id)}/` }, f.title)),
        el('p', {}, f.summary), f.from_year ? el('p', { class: 'meta' }, years(f)) : null))),
    };
  },
  timeline: async ({ engine }, id) => {
    const family = (await engine()).families().families.find((f) => f.id === id);
    if (!family) return notFound(`The catalog has no pattern family “${id ?? ''}”.`, { label: 'Every family', href: '#/timelines' });
    return { title: family.title, crumbs: [{ label: 'How patterns evolved', href: '#/timelines' }],
      body: element('patsel-timeline', { family: id }) };
  },
  compare: () => ({
    title: 'Compare patterns side by side',
    lead: 'Two to five patterns in one table: tier, effort, team size, fit for consistency and latency, operations, when to use each.',
    body: element('patsel-compare', { patterns: 'saga,two-phase-commit' }),
  }),
  stack: () => ({
    title: 'Check your stack',
    lead: 'The patterns your team uses, and what they mean together: combinations to avoid, missing prerequisites, legacy patterns and the overall complexity.',
    body: element('patsel-stack', { patterns: 'two-phase-commit,microservices,circuit-breaker' }),
  }),
  health: () => ({
    title: 'Pattern health',
    lead: 'How well each pattern’s tier is backed today, and the patterns whose signals contradict their tier (flagged for review). Open a pattern for its signals and their sources.',
    body: element('patsel-health'),
  }),
  changes: () => ({
    title: 'What changed',
    lead: 'Since a date: tier changes and reviews, libraries that went into maintenance, adoption reported. Since a release: what this catalog added, removed and moved compared with an older one.',
    // An older catalog is fetched from the demo's own files, which a page opened from file:// cannot read.
    body: element('patsel-changes', /^https?:$/.test(location.protocol)
      ? { 'since-catalog': OLDER_CATALOG.url, 'since-label': OLDER_CATALOG.label } : { since: '2020' }),
  }),
  pattern: (context, id) => patternView(context, id),
};

/** The view of `route` (['pattern', 'saga']); an unknown route is a "not found" view. */
export async function viewOf(route, context) {
  const [name, id] = route;
  if (!name) return homeView(context);
  const way = Object.hasOwn(WAYS, name) ? WAYS[name] : null;
  if (!way) return notFound('There is no such page in this demo.');
  const view = await way(context, id);
  return { crumbs: [], ...view };
}
