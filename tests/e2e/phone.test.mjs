// End-to-end test at a phone's width (360 px): the page never scrolls
// sideways, the map scrolls in its own frame, and a card can be read and
// edited. Run: node --test tests/e2e/
import { e2e, assert, sel, expectVisible, waitSaved, storedEnvelope, editorMapId } from './harness.mjs';

const pageWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth);

e2e('on a 360 px phone: no sideways page scroll, the map scrolls in its frame, a card is edited', async ({ page, open, shot }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open();
  await expectVisible(page.locator(sel('editor')));
  assert.equal(await pageWidth(page), 360, 'the editor fits the screen');
  const scroller = page.locator('.map-scroll');
  assert.ok(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth), 'the map scrolls in its own frame');
  const card = page.locator(sel('card')).first();
  await card.scrollIntoViewIfNeeded();
  await card.fill('Edited on a phone');
  await waitSaved(page);
  const id = await editorMapId(page);
  assert.ok((await storedEnvelope(page, id)).map.cards.some((c) => c.text === 'Edited on a phone'));
  await shot('phone-editor');

  await open('#/');
  await expectVisible(page.locator(sel('library')));
  assert.equal(await pageWidth(page), 360, 'the library fits the screen');
  await shot('phone-library');
});
