// Accessibility check with axe-core, injected into the page under test.
// Returns the violations of impact "serious" or "critical" (open shadow
// roots included), as short strings a test can assert empty.
import path from 'node:path';
import { createRequire } from 'node:module';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function seriousViolations(page, selector = 'body') {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async (context) => {
    const result = await window.axe.run(context, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`);
  }, selector);
  return violations;
}

/**
 * For each of a desktop and a phone viewport: the page `openAt(viewport)`
 * gives ({page}) has no serious axe violation and no horizontal scroll.
 */
export async function assertAccessibleAtBothWidths(assert, openAt) {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    const { page } = await openAt(viewport);
    assert.deepEqual(await seriousViolations(page), [], `${viewport.width} px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scroll at ${viewport.width} px (${overflow})`);
    await page.close();
  }
}

export const axeVersion = path.basename(path.dirname(axePath));
