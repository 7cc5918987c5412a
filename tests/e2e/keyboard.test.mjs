// End-to-end test of the keyboard shortcuts and their help panel.
// Run: node --test tests/e2e/
import { e2e, assert, sel, eventually, expectVisible, stageIds, waitSaved } from './harness.mjs';

const focusedTestId = (page) => page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.tagName);

e2e('shortcuts: ? lists them, Ctrl+Enter adds a card, arrows move between cells, Ctrl+Shift+Enter a stage, / searches', async ({ page, open, shot }) => {
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
  // Escape: from the card to its cell; arrows move between cells; Enter goes in.
  await page.keyboard.press('Escape');
  assert.equal(await focusedTestId(page), 'cell', 'Escape leaves the card for its cell');
  const at = () =>
    page.evaluate(() => {
      const cell = document.activeElement.closest('.cell');
      return { stage: cell?.dataset.stageId, lane: cell?.closest('[data-testid="lane"]')?.dataset.laneKind, tag: document.activeElement.tagName };
    });
  const start = await at();
  const stageOrder = await stageIds(page);
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await at(), { ...start, stage: stageOrder[1] }, 'right: the next stage, same lane');
  await page.keyboard.press('ArrowDown');
  const below = await at();
  assert.equal(below.stage, stageOrder[1], 'down: the same stage');
  assert.notEqual(below.lane, start.lane, 'down: the lane below');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual(await at(), start, 'back where it started');
  await page.keyboard.press('Enter');
  assert.equal(await focusedTestId(page), 'card', 'Enter: into the cell\'s first card');
  await page.keyboard.press('Escape');

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
