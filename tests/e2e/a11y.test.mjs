// End-to-end accessibility checks: axe-core (WCAG 2.0, 2.1 and 2.2, levels A
// and AA) on each view, in light and dark, in English and French: zero
// violations. Run: node --test tests/e2e/
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import { e2e, assert, sel, expectVisible } from './harness.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations on the page, as readable lines. */
async function violations(page) {
  // Cells far from the viewport are not rendered (content-visibility: auto,
  // which keeps large maps fast); render them so that axe sees them as a
  // reader who scrolls does. Set through the CSSOM: the CSP forbids inline styles.
  await page.evaluate(() => document.querySelectorAll('.cell').forEach((c) => c.style.setProperty('content-visibility', 'visible')));
  // Evaluated by DevTools, which the page's CSP does not govern.
  await page.evaluate(AXE);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map(
    (v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.help} — ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' ; ')}`,
  );
}

for (const [scheme, locale] of [['light', 'en-US'], ['dark', 'fr-FR']]) {
  e2e(`axe finds no WCAG 2.2 AA violation: library, editor, charts, report, share link, embed (${scheme}, ${locale})`, { locale }, async ({ page, open }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open();
    await expectVisible(page.locator(sel('editor')));
    assert.deepEqual(await violations(page), [], 'editor');

    await page.locator(sel('tab-charts')).click();
    await expectVisible(page.locator(sel('charts-page')));
    assert.deepEqual(await violations(page), [], 'charts');
    await page.locator(sel('tab-map')).click();

    await page.locator(sel('share-link')).click();
    const link = await page.locator(sel('share-url')).inputValue();
    assert.deepEqual(await violations(page), [], 'editor with the share panel open');

    const id = await page.locator(sel('editor')).getAttribute('data-map-id');
    await page.goto(page.url().replace(/#.*/, `#/report/${id}`));
    await expectVisible(page.locator(sel('report')));
    assert.deepEqual(await violations(page), [], 'report');

    await page.goto(link);
    await expectVisible(page.locator(sel('shared-map')));
    assert.deepEqual(await violations(page), [], 'shared map');

    await page.goto(link.replace('#/view/', '#/embed/'));
    await expectVisible(page.locator(sel('embedded-map')));
    assert.deepEqual(await violations(page), [], 'embed');

    await open('#/');
    await expectVisible(page.locator(sel('library')));
    assert.deepEqual(await violations(page), [], 'library');
  });
}
