// End-to-end test of presenting a map: P opens it from the editor, the
// keyboard walks the stages and the whole map, Escape comes back.
// Run: node --test tests/e2e/
import { e2e, assert, sel, eventually, expectVisible, expectText, stageIds } from './harness.mjs';

e2e('a map is presented a stage at a time with the keyboard, and whole, then left with Escape', async ({ page, open, shot }) => {
  await open();
  await expectVisible(page.locator(sel('editor')));
  const names = await page.locator(sel('stage-name')).evaluateAll((els) => els.map((e) => e.value));
  const ids = await stageIds(page);
  // Typing a "p" in a card is text, not a shortcut.
  await page.locator(sel('card')).first().press('p');
  assert.equal(await page.locator(sel('presentation')).count(), 0);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');

  // P (outside fields) presents from the first stage.
  await page.locator('body').press('p');
  const title = page.locator(sel('slide-title'));
  await expectText(title, names[0]);
  await expectText(page.locator(sel('present-status')), new RegExp(`1 / ${names.length}`));
  assert.match(page.url(), /#\/present\//);
  // The slide shows the stage's cards as text.
  const slide = page.locator(sel('stage-slide'));
  assert.ok((await slide.locator('li').count()) > 0, 'the stage has content');
  await shot('stage-1');

  await page.keyboard.press('ArrowRight');
  await expectText(title, names[1]);
  await page.keyboard.press('End');
  await expectText(title, names[names.length - 1]);
  await page.keyboard.press('ArrowRight');
  await expectText(title, names[names.length - 1]);
  await page.keyboard.press('Home');
  await expectText(title, names[0]);
  await page.keyboard.press(' ');
  await expectText(title, names[1]);

  // O: the whole map; O again: back to the stage it left.
  await page.keyboard.press('o');
  const overview = page.locator(sel('present-overview'));
  await expectVisible(overview);
  assert.equal(await overview.locator(sel('view-stage')).count(), ids.length);
  await shot('whole-map');
  await page.keyboard.press('o');
  await expectText(title, names[1]);

  // The stage strip jumps to a stage.
  await page.locator('.strip-stage').nth(2).click();
  await expectText(title, names[2]);
  assert.equal(await page.locator('.strip-stage[aria-current="step"]').count(), 1);

  // An address names a stage (from 1).
  await open(`#/present/${page.url().split('#/present/')[1].split('/')[0]}/3`);
  await expectText(page.locator(sel('slide-title')), names[2]);

  // Escape: back to the map's editor.
  await page.keyboard.press('Escape');
  await expectVisible(page.locator(sel('editor')));
  await eventually(async () => assert.match(page.url(), /#\/map\//));
});
