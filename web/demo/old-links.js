// Links to the demo made before it had routes carry only an element's
// state (?explorer=q.retry, ?tree=session...): they open that element's view.

import { relatedForm } from './patsel/elements/url-forms.js';

// The query parameters of the elements, in the order they are looked for.
const VIEWS = [
  ['explorer', () => '#/search'],
  ['tree', () => '#/tree/'],
  ['recommender', () => '#/recommend'],
  ['compare', () => '#/compare'],
  ['stack', () => '#/stack'],
  ['related', (value) => {
    const id = relatedForm.read(value);
    return id ? `#/pattern/${encodeURIComponent(id)}/` : null;
  }],
];

/** The route for a query without a route, or null. */
export function routeFromOldLink(search) {
  const params = new URLSearchParams(search);
  for (const [key, route] of VIEWS) if (params.has(key)) return route(params.get(key)) ?? null;
  return null;
}
