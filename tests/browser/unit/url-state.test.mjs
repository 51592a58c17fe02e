// The one URL format of the elements (web/elements/url-state.js) and what
// each element keeps in it (url-forms.js), in Node: the codec, the form
// every element writes, and the older forms that links still carry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeState, dottedText, dottedValues, encodeState, escapeToken, unescapeToken } from '../../../web/elements/url-state.js';
import { choiceForm, explorerForm, recommenderForm, relatedForm, treeForm } from '../../../web/elements/url-forms.js';

test('tokens: every character but letters, digits and "-" is ~XX per UTF-8 byte, and back', () => {
  assert.equal(escapeToken('circuit-breaker'), 'circuit-breaker');
  assert.equal(escapeToken('a b/ü_.'), 'a~20b~2F~C3~BC~5F~2E');
  assert.equal(unescapeToken('a~20b~2F~C3~BC~5F~2E'), 'a b/ü_.');
  assert.equal(unescapeToken('~e2~82~ac'), '€', 'lower-case hex is read too');
  assert.equal(unescapeToken('50~zz~4'), '50~zz~4', 'a malformed escape stays as it is');
});

test('entries: "_" between entries, "." between a key and its values; defaults left out', () => {
  assert.equal(encodeState({ q: '2pc', tier: ['gold', 'silver'], page: 2 }), 'q.2pc_tier.gold.silver_page.2');
  assert.equal(encodeState({ q: '', sort: undefined, from: null, tier: [] }), 'tier', 'an empty list is the bare key');
  assert.equal(encodeState({ 'peak_rps': '99.9' }), 'peak~5Frps.99~2E9');
  assert.deepEqual(decodeState('q.2pc_tier.gold.silver_page.2'), { q: ['2pc'], tier: ['gold', 'silver'], page: ['2'] });
  assert.deepEqual(decodeState('tier_q.a~20b'), { tier: [], q: ['a b'] });
  assert.deepEqual(decodeState('q.first_q.second__'), { q: ['first'] }, 'the first of a repeated key wins; empty entries are skipped');
  assert.deepEqual(decodeState(''), {});
  assert.deepEqual(decodeState(null), {});
});

test('dotted text (the engine\'s tree session) as the values of one entry, and back', () => {
  assert.deepEqual(dottedValues('distributed-transactions.498d09e4.services'), ['distributed-transactions', '498d09e4', 'services']);
  assert.deepEqual(dottedValues('t.00000000.a~2Eb'), ['t', '00000000', 'a.b']);
  assert.equal(dottedText(['t', '00000000', 'a.b']), 't.00000000.a~2Eb');
});

test('compare and stack: `patterns.<id>...`; the older `a.b` and "-" are still read', () => {
  assert.equal(choiceForm.write(['saga', 'two-phase-commit']), 'patterns.saga.two-phase-commit');
  assert.equal(choiceForm.write([]), 'patterns', 'an empty choice differs from no parameter');
  assert.deepEqual(choiceForm.read('patterns.saga.two-phase-commit'), ['saga', 'two-phase-commit']);
  assert.deepEqual(choiceForm.read('patterns'), []);
  assert.equal(choiceForm.read(null), null, 'no parameter: the attribute applies');
  // older links
  assert.deepEqual(choiceForm.read('cqrs.event-sourcing'), ['cqrs', 'event-sourcing']);
  assert.deepEqual(choiceForm.read('-'), []);
  assert.deepEqual(choiceForm.read('evil.good.javascript:alert(7)'), ['evil', 'good', 'javascript:alert(7)']);
});

test('tree: `session.<the session\'s parts>` and `tier` when the tiers differ; the older `<session>!tiers` is still read', () => {
  const session = 'distributed-transactions.5c1e09ab.services.no-history';
  assert.equal(treeForm.write({ session, tiers: undefined }), 'session.distributed-transactions.5c1e09ab.services.no-history');
  assert.equal(treeForm.write({ session, tiers: ['gold', 'silver'] }), 'session.distributed-transactions.5c1e09ab.services.no-history_tier.gold.silver');
  assert.equal(treeForm.write({ session: 't.0badf00d', tiers: [] }), 'session.t.0badf00d_tier', 'none allowed: the bare key');
  assert.deepEqual(treeForm.read('session.distributed-transactions.5c1e09ab.services_tier.silver.gold'),
    { session: 'distributed-transactions.5c1e09ab.services', tiers: ['gold', 'silver'] });
  assert.deepEqual(treeForm.read('session.t.0badf00d_tier'), { session: 't.0badf00d', tiers: [] });
  assert.deepEqual(treeForm.read('session.t.0badf00d'), { session: 't.0badf00d', tiers: undefined });
  // An id with "_" (which the engine leaves plain) comes back as ~5F, which the engine reads as "_".
  assert.equal(treeForm.read(treeForm.write({ session: 'my_tree.0badf00d', tiers: undefined })).session, 'my~5Ftree.0badf00d');
  assert.equal(treeForm.read(null), null);
  assert.equal(treeForm.read(''), null);
  // The list of trees, chosen from inside a tree.
  assert.equal(treeForm.write({ picker: true }), 'trees');
  assert.deepEqual(treeForm.read('trees'), { picker: true });
  // older links
  assert.deepEqual(treeForm.read(`${session}!gold,silver`), { session, tiers: ['gold', 'silver'] });
  assert.deepEqual(treeForm.read(`${session}!`), { session, tiers: [] });
  assert.deepEqual(treeForm.read(session), { session, tiers: undefined });
  assert.deepEqual(treeForm.read('t.0badf00d!platinum'), { session: 't.0badf00d', tiers: [] }, 'no known tier: none');
});

test('recommender: one entry per field filled in, `tier` when the tiers differ; the older `field:value;...!tiers` is still read', () => {
  const isSet = (id) => id === 'compliance';
  const text = recommenderForm.write({ values: { peak_rps: '10000', compliance: ['gdpr', 'pci-dss'], availability: '99.9', empty: '', none: [] },
    tiers: ['gold', 'silver'] });
  assert.equal(text, 'peak~5Frps.10000_compliance.gdpr.pci-dss_availability.99~2E9_tier.gold.silver');
  assert.deepEqual(recommenderForm.read(text, isSet),
    { values: { peak_rps: '10000', compliance: ['gdpr', 'pci-dss'], availability: '99.9' }, tiers: ['gold', 'silver'] });
  assert.equal(recommenderForm.write({ values: {}, tiers: undefined }), '', 'nothing to keep: no parameter');
  assert.deepEqual(recommenderForm.read('style.~3Cb~3Ex~3C~2Fb~3E', isSet), { values: { style: '<b>x</b>' }, tiers: undefined });
  assert.equal(recommenderForm.read(null, isSet), null);
  // older links
  assert.deepEqual(recommenderForm.read('peak_rps:10000;consistency:strong;compliance:gdpr,pci-dss!gold,silver', isSet),
    { values: { peak_rps: '10000', consistency: 'strong', compliance: ['gdpr', 'pci-dss'] }, tiers: ['gold', 'silver'] });
  assert.deepEqual(recommenderForm.read('note:a%3Ab%3Bc;compliance:x%2Cy', isSet), { values: { note: 'a:b;c', compliance: ['x,y'] }, tiers: undefined });
  assert.deepEqual(recommenderForm.read('!bronze', isSet), { values: {}, tiers: ['bronze'] });
  assert.deepEqual(recommenderForm.read('bogus:1;:x;novalue', isSet), { values: { bogus: '1' }, tiers: undefined });
});

test('related (in place): `pattern.<id>`, nothing for the element\'s own pattern; the older bare id is still read', () => {
  assert.equal(relatedForm.write('outbox'), 'pattern.outbox');
  assert.equal(relatedForm.write(null), null);
  assert.equal(relatedForm.read('pattern.outbox'), 'outbox');
  assert.equal(relatedForm.read(null), '');
  assert.equal(relatedForm.read('outbox'), 'outbox', 'older link');
});

test('explorer: the view without its defaults, and back; unknown facets and sorts are dropped', () => {
  const options = { facets: ['category', 'tags'], sorts: ['tier', 'title'], defaultTiers: ['gold'] };
  const view = { q: '2pc', tiers: ['gold', 'silver'], filters: { tags: ['x y'], category: ['resilience'] }, from: 2000, to: null, sort: 'title', pages: 2 };
  const text = explorerForm.write(view, options);
  assert.equal(text, 'q.2pc_tier.gold.silver_category.resilience_tags.x~20y_from.2000_sort.title_page.2', 'facets in the given order');
  assert.deepEqual(explorerForm.read(text, options), { ...view, filters: { category: ['resilience'], tags: ['x y'] } });
  const defaults = { q: '', tiers: ['gold'], filters: {}, from: null, to: null, sort: '', pages: 1 };
  assert.equal(explorerForm.write(defaults, options), '');
  assert.deepEqual(explorerForm.read('', options), defaults);
  assert.deepEqual(explorerForm.read('tier_domain.x_sort.bogus_page.999_from.20x_to.-300', options),
    { ...defaults, tiers: [], to: -300, pages: 50 });
});
