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

export const axeVersion = path.basename(path.dirname(axePath));
