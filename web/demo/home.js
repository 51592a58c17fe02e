// The home: every way into the catalog. A search box, then one tile per way
// in (problems, decision trees, the recommender, learning paths, quick
// reference cards, comparison, stack check, timelines, compositions), each
// listing its entries (every tree, every path ...) as links.

import { el } from './patsel/elements/dom.js';
import { humanize } from './patsel/elements/text.js';
import { tierBadge } from './patsel/elements/tiers.js';
import { TREE_BASE, patternRoute, stateHref, years } from './parts.js';

// A pattern of each tier, to show what a pattern's view holds.
const SAMPLES = ['circuit-breaker', 'cqrs', 'two-phase-commit'];

function tile(name, title, text, ...content) {
  return el('li', { class: 'tile', 'data-way': name }, el('h2', {}, title), el('p', {}, text), ...content);
}

function links(items, className = 'links') {
  return el('ul', { class: className }, items.map(([href, label, extra]) => el('li', {}, el('a', { href }, label), extra ?? null)));
}

function searchForm(navigate) {
  const input = el('input', { type: 'search', id: 'home-search', name: 'q', autocomplete: 'off', placeholder: 'circuit breaker, exactly once, outbox …' });
  const form = el('form', { role: 'search', class: 'search', 'aria-label': 'Search the catalog' },
    el('label', { for: 'home-search' }, 'Search the catalog'),
    el('div', { class: 'row' }, input, el('button', { type: 'submit' }, 'Search')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    navigate(q ? stateHref('explorer', { q }, '#/search') : '#/search');
  });
  return form;
}

export async function homeView({ engine: load, navigate }) {
  const engine = await load();
  const { trees } = engine.trees();
  const { paths } = engine.paths();
  const { cards } = engine.cards();
  const { areas } = engine.problems();
  const { families } = engine.families();
  const samples = SAMPLES.flatMap((id) => {
    try {
      return [engine.pattern(id).pattern];
    } catch {
      return [];
    }
  });
  return {
    title: 'Find the right distributed-systems pattern',
    lead: `${engine.info.patterns ?? ''} patterns, each with its tier: gold for today’s best practice, silver for good choices with trade-offs, bronze for legacy. Everything here runs in your browser, with no server behind it.`.trim(),
    body: el('div', { class: 'home' },
      searchForm(navigate),
      el('ul', { class: 'tiles ways' },
        tile('problems', el('a', { href: '#/problems' }, 'Problems and their patterns'),
          'Start from what goes wrong: the patterns that solve each problem, by area.',
          links(areas.map((a) => [stateHref('problems', { area: a }, '#/problems'), humanize(a)]), 'links inline')),
        tile('trees', el('a', { href: '#/trees' }, 'Decision trees'),
          'Answer a few questions, one at a time, and get the patterns that fit.',
          links(trees.map((t) => [`${TREE_BASE}${encodeURIComponent(t.id)}/`, t.title]))),
        tile('recommend', el('a', { href: '#/recommend' }, 'Recommendations'),
          'Describe your system (traffic, availability, consistency, team) and get patterns ranked for it, with the reasons.'),
        tile('paths', el('a', { href: '#/paths' }, 'Learning paths'),
          'The patterns to learn, in order, with your progress kept in this browser.',
          links(paths.map((p) => [stateHref('path', { path: p.id }, '#/paths'), p.title, ` (${humanize(p.level)})`]))),
        tile('cards', el('a', { href: '#/cards' }, 'Quick reference cards'),
          'For a goal, the patterns to have first, next and later.',
          links(cards.map((c) => [stateHref('cards', { card: c.id }, '#/cards'), c.title]), 'links inline')),
        tile('compare', el('a', { href: '#/compare' }, 'Compare patterns'),
          'Two to five patterns side by side: effort, team, fit, operations, when to use each.'),
        tile('stack', el('a', { href: '#/stack' }, 'Check your stack'),
          'The patterns your team uses, and what they mean together.'),
        tile('timelines', el('a', { href: '#/timelines' }, 'How patterns evolved'),
          'Families of patterns, step by step, and when to move on.',
          links(families.map((f) => [`#/timeline/${encodeURIComponent(f.id)}/`, f.title, f.from_year ? ` (${years(f)})` : '']))),
        tile('compositions', el('a', { href: '#/compositions' }, 'Compositions and combinations to avoid'),
          'Patterns made of patterns, and patterns that work against each other.'),
        tile('health', el('a', { href: '#/health' }, 'Pattern health'),
          'How well each tier is backed today, signal by signal, with the patterns flagged for review.'),
        tile('changes', el('a', { href: '#/changes' }, 'What changed'),
          'Tier moves and other changes since a date or since an earlier release of the catalog.'),
        samples.length ? tile('patterns', 'A pattern of each tier', 'What a pattern’s page holds: its banner, when to use it, examples, implementations and relations.',
          links(samples.map((p) => [patternRoute(p.id), p.title, [' ', tierBadge(p.tier)]]))) : null)),
  };
}
