// axe-core (npm, pinned in package.json) run on a page: WCAG 2.0, 2.1 and 2.2,
// levels A and AA. Shared by the accessibility tests and the main-flow suite.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations on the page (or only within the element `within` selects), as readable lines. */
export async function violations(page, within = null) {
  // Cells far from the viewport are not rendered (content-visibility: auto,
  // which keeps large maps fast); render them so that axe sees them as a
  // reader who scrolls does. Set through the CSSOM: the CSP forbids inline styles.
  await page.evaluate(() => document.querySelectorAll('.cell').forEach((c) => c.style.setProperty('content-visibility', 'visible')));
  // Evaluated by DevTools, which the page's CSP does not govern.
  await page.evaluate(AXE);
  const result = await page.evaluate(
    ([tags, within]) => window.axe.run(within ? document.querySelector(within) : document, { runOnly: { type: 'tag', values: tags } }),
    [TAGS, within],
  );
  return result.violations.map(
    (v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.help} — ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' ; ')}`,
  );
}
