// Drives every pattern-selector element of a page into a state that shows
// most of its kinds of text (for contrast measurements and screenshots):
// the explorer searching "retry" in every tier (highlights, every badge),
// the tree walked to a result with every tier allowed, the recommender with
// a profile (reasons, complements, exclusions, a value it cannot use), every
// <details> and every disclosure button (the card's panels) open, a pattern
// of a learning path ticked. Card, related, timeline, compare, stack,
// problem matrix, quick reference, compositions, changes and health show
// theirs as loaded (health's rows opened by the disclosure buttons below)
// (stack and compare from their `patterns` attribute).

/** Waits until every element on the page has drawn something other than its loading state. */
export async function waitForElements(page) {
  const ready = {
    'patsel-card': '[part~=banner]:not([part~=loading]), [part~=error]',
    'patsel-related': '[part~=graph], [part~=list], [part~=error]',
    'patsel-explorer': '[part=card], [part~=message] p, [part~=error]',
    'patsel-tree': '[part~=question], [part~=result], [part~=picker], [part~=error]',
    'patsel-recommender': '[part~=form], [part~=error]',
    'patsel-timeline': 'li[part~=step], [part~=error]',
    'patsel-compare': 'table, [part~=status]:not(:empty), [part~=error]',
    'patsel-stack': '[part~=status]:not(:empty), [part~=error]',
    'patsel-learning-path': '[part~=item], [part~=frame][role=status], [part~=error]',
    'patsel-problem-matrix': '[part~=problem], [part~=error]',
    'patsel-quick-reference': '[part~=card], [role=status], [part~=error]',
    'patsel-compositions': '[part~=composition], [part~=conflict], [part~=empty], [part~=error]',
    'patsel-health': '[part~=row], [part~=status]:not(:empty), [part~=error]',
    'patsel-changes': '[part~=group], [part~=status]:not(:empty), [part~=error]',
  };
  for (const [tag, selector] of Object.entries(ready)) {
    const count = await page.locator(tag).count();
    for (let i = 0; i < count; i++) await page.locator(tag).nth(i).locator(selector).first().waitFor({ state: 'attached' });
  }
}

/** Puts the elements into their text-rich states (see above) and opens every <details>. */
export async function showEverything(page) {
  await waitForElements(page);
  for (const explorer of await page.locator('patsel-explorer').all()) {
    for (const box of await explorer.locator('[part~=tiers] input').all()) await box.check();
    await explorer.locator('[part~=search]').fill('retry');
    await explorer.locator('[part~=search]').press('Enter');
    await explorer.locator('mark').first().waitFor();
  }
  for (const tree of await page.locator('patsel-tree').all()) {
    if (await tree.locator('[part~=picker]').count()) await tree.locator('[part~=picker] button').first().click();
    await tree.locator('[part~=question], [part~=result]').first().waitFor();
    for (const box of await tree.locator('[part~=tiers] input').all()) await box.check();
    for (let step = 0; step < 12 && !(await tree.locator('[part~=result]').count()); step++) {
      await tree.locator('[part~=options] button').first().click();
    }
    await tree.locator('[part~=result]').waitFor();
  }
  for (const recommender of await page.locator('patsel-recommender').all()) {
    await recommender.evaluate((el) => {
      el.profile = { peak_rps: 50000, team_size: 3, consistency: 'strong', availability: 'very', compliance: ['gdpr'] };
      for (const box of el.shadowRoot.querySelectorAll('[part~=tiers] input')) box.checked = true;
      el.shadowRoot.querySelector('[part~=tiers]').dispatchEvent(new Event('change', { bubbles: true }));
    });
    await recommender.locator('[part~=ranked-item]').first().waitFor();
  }
  for (const path of await page.locator('patsel-learning-path').all()) {
    const first = path.locator('[part~=tick] input').first();
    if (await first.count()) await first.check();  // a learned pattern and the "next" box
  }
  await page.evaluate(() => {
    const open = (root) => {
      for (const d of root.querySelectorAll('details')) d.open = true;
      for (const b of root.querySelectorAll('button[aria-controls][aria-expanded=false]')) b.click();
      for (const e of root.querySelectorAll('*')) if (e.shadowRoot) open(e.shadowRoot);
    };
    for (const e of document.querySelectorAll('*')) if (e.localName.startsWith('patsel-') && e.shadowRoot) open(e.shadowRoot);
  });
}

export const ELEMENT_TAGS = ['patsel-card', 'patsel-related', 'patsel-explorer', 'patsel-tree', 'patsel-recommender', 'patsel-timeline', 'patsel-compare', 'patsel-stack',
  'patsel-learning-path', 'patsel-problem-matrix', 'patsel-quick-reference', 'patsel-compositions', 'patsel-health', 'patsel-changes'];
