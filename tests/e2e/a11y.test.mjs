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

// The main views at common screen sizes (issue 19: axe's target-size rule
// found touchpoint fields under the map's sticky headers at 1440 × 900, dark,
// French): every WCAG 2.2 AA rule, the map scrolled as a reader scrolls it.
for (const [width, height, scheme, locale] of [
  [1440, 900, 'dark', 'fr-FR'],
  [1280, 720, 'light', 'en-US'],
  [390, 844, 'dark', 'fr-FR'],
]) {
  e2e(`axe finds no WCAG 2.2 AA violation at ${width} × ${height}: library, map, charts, report, actions board, personas (${scheme}, ${locale})`, { locale }, async ({ page, open }) => {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: scheme });
    await open();
    await expectVisible(page.locator(sel('editor')));
    const id = await page.locator(sel('editor')).getAttribute('data-map-id');
    assert.deepEqual(await violations(page), [], 'map');
    // Each lane scrolled up to the sticky stage row, as a reader scrolls
    // (axe skips what is out of view), and scrolled sideways too.
    const rows = await page.locator('.map-scroll .grid-row:not(.stage-row)').count();
    for (let i = 0; i < rows; i++) {
      await page.evaluate((i) => {
        const scroller = document.querySelector('.map-scroll');
        const row = scroller.querySelectorAll('.grid-row:not(.stage-row)')[i];
        const top = row.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
        scroller.scrollTop = top - scroller.querySelector('.stage-row').offsetHeight;
        scroller.scrollLeft = i % 2 ? 240 : 0;
      }, i);
      assert.deepEqual(await violations(page), [], `map, lane ${i + 1} at the top`);
    }
    await page.mouse.wheel(0, 400);
    assert.deepEqual(await violations(page), [], 'map, page scrolled');

    await page.locator(sel('tab-charts')).click();
    await expectVisible(page.locator(sel('charts-page')));
    assert.deepEqual(await violations(page), [], 'charts');

    await page.goto(page.url().replace(/#.*/, `#/report/${id}`));
    await expectVisible(page.locator(sel('report')));
    assert.deepEqual(await violations(page), [], 'report');

    await page.goto(page.url().replace(/#.*/, '#/actions'));
    await expectVisible(page.locator(sel('actions-board')));
    assert.deepEqual(await violations(page), [], 'actions board');

    await page.goto(page.url().replace(/#.*/, '#/personas'));
    await expectVisible(page.locator(sel('persona-library')));
    await page.locator(sel('edit-library-persona')).first().click();
    await expectVisible(page.locator(sel('persona-form')));
    assert.deepEqual(await violations(page), [], 'persona library');

    await open('#/');
    await expectVisible(page.locator(sel('library')));
    assert.deepEqual(await violations(page), [], 'library');
  });
}
