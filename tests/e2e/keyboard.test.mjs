// End-to-end test of the keyboard shortcuts and their help panel.
// Run: node --test tests/e2e/
import { e2e, assert, sel, eventually, expectVisible, stageIds, waitSaved } from './harness.mjs';

const focusedTestId = (page) => page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.tagName);

e2e('shortcuts: ? lists them, Ctrl+Enter adds a card, Ctrl+Shift+Enter a stage, / searches', async ({ page, open, shot }) => {
  await open();
  await expectVisible(page.locator(sel('editor')));

  // `?` opens the list (not while typing), Escape closes it.
  await page.locator('body').press('?');
  const help = page.locator(sel('shortcuts'));
  await expectVisible(help);
  assert.ok((await help.locator('tr').count()) >= 8);
  await shot('shortcuts');
  await page.keyboard.press('Escape');
  await eventually(async () => assert.equal(await help.count(), 0));
  await page.locator(sel('map-title')).press('?');
  assert.equal(await help.count(), 0, 'a ? typed in a field is text');

  // In a card, Ctrl+Enter: a new empty card right below, with the focus.
  const firstCell = page.locator(sel('cell')).first();
  const before = await firstCell.locator(sel('card')).count();
  await firstCell.locator(sel('card')).first().click();
  await page.keyboard.press('Control+Enter');
  await eventually(async () => assert.equal(await firstCell.locator(sel('card')).count(), before + 1));
  assert.equal(await firstCell.locator(sel('card')).nth(1).inputValue(), '');
  assert.equal(await focusedTestId(page), 'card');
  await page.keyboard.type('Typed after Ctrl+Enter');
  assert.equal(await firstCell.locator(sel('card')).nth(1).inputValue(), 'Typed after Ctrl+Enter');
  await page.keyboard.press('Escape');
  assert.notEqual(await focusedTestId(page), 'card', 'Escape leaves the card');

  // Ctrl+Shift+Enter: a stage at the end, its name ready to type.
  const stages = (await stageIds(page)).length;
  await page.keyboard.press('Control+Shift+Enter');
  await eventually(async () => assert.equal((await stageIds(page)).length, stages + 1));
  assert.equal(await focusedTestId(page), 'stage-name');
  await waitSaved(page);

  // In the library, `/` goes to the search box.
  await open('#/');
  await expectVisible(page.locator(sel('library')));
  await page.locator('body').press('/');
  assert.equal(await focusedTestId(page), 'search');
});
