// Pieces the demo's views share: where links lead, an element as the demo
// places it, links that open a view with an element's state, "not found".

import { el } from './patsel/elements/dom.js';
import { encodeState } from './patsel/elements/url-state.js';

/** Where every element of the demo links a pattern to: its view. */
export const PATTERN_BASE = '#/pattern/';
/** Where the problem matrix hands a problem over to a decision tree. */
export const TREE_BASE = '#/tree/';

/** An element with `attributes`, linking patterns to their views. */
export function element(tag, attributes = {}) {
  return el(tag, { 'base-url': PATTERN_BASE, ...attributes });
}

/** The link to a pattern's view. */
export function patternRoute(id) {
  return `${PATTERN_BASE}${encodeURIComponent(id)}/`;
}

/**
 * A link that opens `route` with an element's state in the query, in the
 * elements' URL format: stateHref('problems', {area: 'availability'}, '#/problems')
 * is "?problems=area.availability#/problems".
 */
export function stateHref(key, entries, route) {
  return `?${encodeURIComponent(key)}=${encodeURIComponent(encodeState(entries))}${route}`;
}

/** "1990–2020", "2007", or '' without years. */
export function years(family) {
  if (!family.from_year) return '';
  return family.to_year && family.to_year !== family.from_year ? `${family.from_year}–${family.to_year}` : String(family.from_year);
}

/** The view of something the demo does not have. */
export function notFound(message, more) {
  return {
    title: 'Not found',
    crumbs: [],
    body: el('div', { class: 'not-found' }, el('p', {}, message),
      el('p', {}, more ? [el('a', { href: more.href }, more.label), ' or see '] : 'See ', el('a', { href: '#/' }, 'all the ways into the catalog'), '.')),
  };
}
