// The views that help a reader find a pattern, in the states the other
// suites do not open, measured for contrast (tests/browser/contrast.mjs) in
// light and dark on a page that follows the system: the list of decision
// trees, the explorer with a pattern named in another tier and its filters
// folded into the bar of a narrow column, the related graph at depth 2 with
// all its patterns and its key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedBrowser } from './support.mjs';
import { lowContrast } from './contrast.mjs';
import { waitForElements } from './element-states.mjs';

const served = servedBrowser();

for (const scheme of ['light', 'dark']) {
  test(`${scheme}: the list of trees, other tiers, folded filters and the depth-2 graph with its key read at 4.5:1`, async () => {
    const page = await served.browser.newPage({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${served.url}pages/plain-host.html`);
    await waitForElements(page);

    const tree = page.locator('patsel-tree');
    await tree.locator('[part~=choose-tree]').click();
    await tree.locator('[part~=picker-group]').first().waitFor();

    const explorer = page.locator('patsel-explorer');
    await explorer.evaluate((e) => { e.style.maxWidth = '688px'; });
    await explorer.getByLabel('Search patterns').fill('2pc');
    await explorer.locator('[part~=other-tiers] [part=card]').first().waitFor();
    await explorer.getByRole('button', { name: 'Filters' }).click();
    await explorer.locator('[data-facet=domain] summary').click();

    const related = page.locator('patsel-related').first();
    await related.evaluate((e) => e.setAttribute('depth', '2'));
    await related.locator('[part~=show-all]').click();
    await related.locator('[part~=legend]').waitFor();

    for (const selector of ['patsel-tree', 'patsel-explorer', 'patsel-related']) {
      assert.deepEqual(await lowContrast(page, selector), [], `${selector}, ${scheme}`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
}
