// End-to-end accessibility checks: axe-core (WCAG 2.0, 2.1 and 2.2, levels A
// and AA) on each view, in light and dark, in English and French: zero
// violations. Run: node --test tests/e2e/
import { e2e, assert, sel, expectVisible } from './harness.mjs';
import { violations } from './axe.mjs';

for (const [scheme, locale] of [['light', 'en-US'], ['dark', 'fr-FR']]) {
  e2e(`axe finds no WCAG 2.2 AA violation: library, editor, charts, report, share link, embed, presentation (${scheme}, ${locale})`, { locale }, async ({ page, open }) => {
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

    await page.goto(page.url().replace(/#.*/, `#/present/${id}`));
    await expectVisible(page.locator(sel('presentation')));
    assert.deepEqual(await violations(page), [], 'presentation');
    await page.keyboard.press('o');
    await expectVisible(page.locator(sel('present-overview')));
    assert.deepEqual(await violations(page), [], 'presentation, whole map');

    await open('#/');
    await expectVisible(page.locator(sel('library')));
    assert.deepEqual(await violations(page), [], 'library');
  });
}
