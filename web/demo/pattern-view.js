// The view of one pattern, from the engine's `pattern` answer (text only,
// never HTML from the catalog): its tier banner, when to use it and when
// not, examples, trade-offs and pitfalls, implementations per ecosystem,
// where it fits (problems, learning paths, cards, compositions), its related
// patterns and its family's timeline. The banner (<patsel-card>) holds the
// production checklist of a gold pattern and the migration path of a bronze one.

import { el } from './patsel/elements/dom.js';
import { humanize, joinNodes } from './patsel/elements/text.js';
import { tierBadge } from './patsel/elements/tiers.js';
import { element, notFound, patternRoute, stateHref } from './parts.js';

// Ecosystems as their users write them; others are humanized.
const ECOSYSTEMS = { dotnet: '.NET', java: 'Java', go: 'Go', elixir: 'Elixir', erlang: 'Erlang', python: 'Python', javascript: 'JavaScript',
  typescript: 'TypeScript', nodejs: 'Node.js', node: 'Node.js', rust: 'Rust', kotlin: 'Kotlin', scala: 'Scala', ruby: 'Ruby', cpp: 'C++', csharp: 'C#', php: 'PHP' };

const list = (items, attributes = {}) => el('ul', attributes, items.map((item) => el('li', {}, item)));

function section(name, title, ...content) {
  const id = `section-${name}`;
  return el('section', { class: `part part-${name}`, 'data-section': name, 'aria-labelledby': id }, el('h2', { id }, title), ...content);
}

function texts(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string' && v.trim()) : [];
}

function facts(p) {
  const rows = [
    ['Category', p.category && humanize(p.category)],
    ['Layer', p.layer && humanize(p.layer)],
    ['Difficulty', p.difficulty && humanize(p.difficulty)],
    ['Introduced', p.introduced],
    ['Status', p.status && humanize(p.status)],
  ].filter(([, value]) => value);
  return rows.length ? el('dl', { class: 'facts' }, rows.map(([term, value]) => el('div', {}, el('dt', {}, term), el('dd', {}, String(value))))) : null;
}

// The patterns this one is in a learning path, card or composition with, and the problems it solves.
function whereItFits(engine, id, title) {
  const items = [];
  const safe = (f) => {
    try {
      return f();
    } catch {
      return [];
    }
  };
  for (const problem of safe(() => engine.problems({ pattern: id }).problems)) {
    const role = problem.primary.some((b) => b.pattern === id) ? 'solves' : 'helps with';
    items.push(el('li', { 'data-fit': 'problem' }, `${humanize(role)} `,
      el('a', { href: stateHref('problems', { area: problem.area }, '#/problems') }, problem.title),
      ` (${problem.area})`));
  }
  for (const brief of safe(() => engine.paths().paths)) {
    const path = safe(() => engine.path(brief.id));
    const stage = (path.stages ?? []).findIndex((s) => s.patterns.some((p) => p.pattern === id));
    if (stage >= 0)
      items.push(el('li', { 'data-fit': 'path' }, 'Stage ', String(stage + 1), ' of the learning path ',
        el('a', { href: stateHref('path', { path: brief.id }, '#/paths') }, brief.title)));
  }
  for (const card of safe(() => engine.cards().cards)) {
    const level = ['essential', 'important', 'advanced'].find((l) => card[l].some((b) => b.pattern === id));
    if (level)
      items.push(el('li', { 'data-fit': 'card' }, `${humanize(level)} for `,
        el('a', { href: stateHref('cards', { card: card.id }, '#/cards') }, card.title.charAt(0).toLowerCase() + card.title.slice(1))));
  }
  for (const c of safe(() => engine.compositions({ pattern: id }).compositions)) {
    const formula = [c.pattern ? el('a', { href: patternRoute(c.pattern) }, c.pattern === id ? title : c.title) : c.title, ' = ',
      joinNodes(c.parts.map((b) => (b.pattern === id ? el('strong', {}, b.title) : el('a', { href: patternRoute(b.pattern) }, b.title))), ' + ')];
    items.push(el('li', { 'data-fit': 'composition' }, 'Part of ', ...formula.flat()));
  }
  return items;
}

/** The view of pattern `id`; an unknown id is "not found". */
export async function patternView({ engine: load }, id) {
  const engine = await load();
  let details;
  try {
    details = engine.pattern(id ?? '');
  } catch (error) {
    if (error?.code !== 'pattern.not_found') throw error;
    return notFound(`The catalog has no pattern “${id ?? ''}”.`, { label: 'Search the catalog', href: '#/search' });
  }
  const p = details.pattern;
  const refTitle = (ref) => details.refs[ref]?.title ?? ref;
  const parts = [];

  parts.push(element('patsel-card', { pattern: p.id }));
  if (p.summary || p.essential_question)
    parts.push(el('div', { class: 'intro' }, p.summary ? el('p', {}, p.summary) : null,
      p.essential_question ? el('p', { class: 'question' }, el('strong', {}, 'The question it answers: '), p.essential_question) : null));

  const use = texts(p.when_to_use), avoid = texts(p.when_not_to_use);
  if (use.length || avoid.length)
    parts.push(el('div', { class: 'pair' },
      use.length ? section('use', 'When to use it', list(use)) : null,
      avoid.length ? section('avoid', 'When not to use it', list(avoid)) : null));

  // The banner already shows a gold pattern's users and a silver one's trade-offs.
  const examples = (Array.isArray(p.modern_examples) ? p.modern_examples : []).filter((e) => e && e.company);
  if (examples.length && p.tier !== 'gold')
    parts.push(section('examples', 'Examples', list(examples.map((e) => [el('strong', {}, e.company),
      e.implementation ? `: ${e.implementation}` : '', e.scale ? ` (${e.scale})` : '']))));
  const pros = texts(p.trade_offs?.pros), cons = texts(p.trade_offs?.cons);
  if ((pros.length || cons.length) && p.tier !== 'silver')
    parts.push(el('div', { class: 'pair' },
      pros.length ? section('pros', 'Strengths', list(pros)) : null,
      cons.length ? section('cons', 'Limitations', list(cons)) : null));
  const pitfalls = texts(p.common_pitfalls);
  if (pitfalls.length) parts.push(section('pitfalls', 'Common pitfalls', list(pitfalls)));

  const implementations = (Array.isArray(p.implementations) ? p.implementations : []).filter((i) => i && i.ecosystem);
  if (implementations.length)
    parts.push(section('implementations', 'Implementations', el('dl', { class: 'ecosystems' }, implementations.map((i) => el('div', { 'data-ecosystem': i.ecosystem },
      el('dt', {}, ECOSYSTEMS[i.ecosystem] ?? humanize(i.ecosystem)),
      el('dd', {}, texts(i.libraries).length ? el('p', { class: 'libraries' }, texts(i.libraries).join(', ')) : null,
        i.notes ? el('p', {}, i.notes) : null))))));

  const fits = whereItFits(engine, p.id, p.title);
  if (fits.length) parts.push(section('fits', 'Where it fits', el('ul', { class: 'fits' }, fits)));

  const alternatives = (Array.isArray(p.alternatives) ? p.alternatives : []).map((a) => a?.pattern).filter((a) => details.refs[a]);
  const compare = alternatives.length
    ? el('p', {}, el('a', { href: stateHref('compare', { patterns: [p.id, ...alternatives.slice(0, 4)] }, '#/compare') },
      `Compare with ${alternatives.slice(0, 4).map(refTitle).join(', ')}`))
    : null;
  parts.push(section('related', 'Related patterns', element('patsel-related', { pattern: p.id }), compare));

  let families = [];
  try {
    families = engine.families({ pattern: p.id }).families;
  } catch { /* no timeline then */ }
  if (families.length) {
    const [first, ...others] = families;
    parts.push(section('timeline', 'How it evolved', element('patsel-timeline', { family: first.id }),
      others.length ? el('p', {}, 'Also in ', joinNodes(others.map((f) => el('a', { href: `#/timeline/${encodeURIComponent(f.id)}/` }, f.title)), ', ', ' and '), '.') : null));
  }

  // Aliases people say, not former ids ("circuit-breaker-enhanced").
  const aliases = texts(p.aliases).filter((a) => !/^[a-z0-9]+(-[a-z0-9]+)+$/.test(a)).slice(0, 4);
  return {
    title: p.title,
    lead: p.tagline || '',
    before: el('p', { class: 'kicker' }, tierBadge(p.tier), aliases.length ? el('span', { class: 'aliases' }, `Also known as ${aliases.join(', ')}`) : null),
    crumbs: [{ label: 'Search', href: '#/search' }],
    body: el('article', { class: 'pattern', 'data-pattern': p.id }, facts(p), parts),
  };
}
