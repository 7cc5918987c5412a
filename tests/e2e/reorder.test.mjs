// End-to-end tests of reordering: stages, lanes and cards dragged with the
// mouse, and the same moves from the keyboard (Alt + arrows).
// Run: node --test tests/e2e/
import { e2e, assert, sel, eventually, expectVisible, stageIds, waitSaved, storedEnvelope, editorMapId, lane } from './harness.mjs';

const laneKinds = (page) => page.locator(sel('lane')).evaluateAll((els) => els.map((e) => e.dataset.laneKind));
const cellCards = (page, kind, stage) =>
  lane(page, kind).locator(`${sel('cell')}[data-stage-id="${stage}"] ${sel('card')}`).evaluateAll((els) => els.map((e) => e.value));
const focused = (page) => page.evaluate(() => ({ testid: document.activeElement?.dataset?.testid, value: document.activeElement?.value }));

e2e('stages, lanes and cards are dragged into a new order, saved and undoable', async ({ page, open, shot }) => {
  await open();
  await expectVisible(page.locator(sel('editor')));
  const id = await editorMapId(page);

  // A stage dragged by its grip onto the third stage takes its place.
  const stages = await stageIds(page);
  await page.locator(`${sel('stage-header')}[data-stage-id="${stages[0]}"] ${sel('stage-grip')}`)
    .dragTo(page.locator(`${sel('stage-header')}[data-stage-id="${stages[2]}"]`));
  await eventually(async () => assert.deepEqual(await stageIds(page), [stages[1], stages[2], stages[0], ...stages.slice(3)]));

  // A lane dragged onto the first lane's header goes first.
  const kinds = await laneKinds(page);
  const moved = kinds[2];
  await lane(page, moved).locator(sel('lane-grip')).dragTo(lane(page, kinds[0]).locator('.lane-head'));
  await eventually(async () => assert.deepEqual(await laneKinds(page), [moved, ...kinds.filter((k) => k !== moved)]));

  // A card dragged onto the upper half of a card in another stage goes before it.
  const order = await stageIds(page);
  const from = await cellCards(page, 'doing', order[0]);
  const to = await cellCards(page, 'doing', order[1]);
  assert.ok(from.length >= 1 && to.length >= 1, 'the demo has cards to move');
  const source = lane(page, 'doing').locator(`${sel('cell')}[data-stage-id="${order[0]}"] .card`).first();
  const target = lane(page, 'doing').locator(`${sel('cell')}[data-stage-id="${order[1]}"] .card`).first();
  await source.hover();
  await source.locator('.card-grip').dragTo(target, { targetPosition: { x: 20, y: 4 } });
  await eventually(async () => assert.deepEqual(await cellCards(page, 'doing', order[1]), [from[0], ...to]));
  assert.deepEqual(await cellCards(page, 'doing', order[0]), from.slice(1));
  await shot('after-drags');

  // Saved in that order; one undo takes back the card's move only.
  await waitSaved(page);
  const saved = (await storedEnvelope(page, id)).map;
  assert.deepEqual(saved.stages.map((s) => s.id), order);
  assert.equal(saved.lanes[0].kind, moved);
  assert.equal(saved.cards.find((c) => c.text === from[0]).stage, order[1]);
  await page.locator(sel('undo')).click();
  await eventually(async () => assert.deepEqual(await cellCards(page, 'doing', order[0]), from));
  assert.deepEqual(await stageIds(page), order, 'the stages stay as dragged');
});

e2e('the keyboard moves cards, stages and lanes with Alt + arrows, keeping the focus', async ({ page, open }) => {
  await open();
  await expectVisible(page.locator(sel('editor')));
  const order = await stageIds(page);
  const doing = await cellCards(page, 'doing', order[0]);
  assert.ok(doing.length >= 2, 'the demo has two cards in a cell');

  // Down within the cell, then to the next stage, the focus following the card.
  const card = lane(page, 'doing').locator(`${sel('cell')}[data-stage-id="${order[0]}"] ${sel('card')}`).first();
  await card.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await eventually(async () => assert.deepEqual(await cellCards(page, 'doing', order[0]), [doing[1], doing[0], ...doing.slice(2)]));
  await eventually(async () => assert.deepEqual(await focused(page), { testid: 'card', value: doing[0] }));
  const next = await cellCards(page, 'doing', order[1]);
  await page.keyboard.press('Alt+ArrowRight');
  await eventually(async () => assert.deepEqual(await cellCards(page, 'doing', order[1]), [...next, doing[0]]));
  await eventually(async () => assert.deepEqual(await focused(page), { testid: 'card', value: doing[0] }));
  await page.keyboard.press('Alt+ArrowLeft');
  await eventually(async () => assert.ok((await cellCards(page, 'doing', order[0])).includes(doing[0])));
  await eventually(async () => assert.deepEqual(await focused(page), { testid: 'card', value: doing[0] }));
  // Typing still goes into the moved card.
  await page.keyboard.press('End');
  await page.keyboard.type('!');
  await eventually(async () => assert.ok((await cellCards(page, 'doing', order[0])).includes(`${doing[0]}!`)));

  // In a stage's name, Alt+Right moves the stage; in a lane's name, Alt+Down the lane.
  await page.locator(`${sel('stage-header')}[data-stage-id="${order[0]}"] ${sel('stage-name')}`).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await eventually(async () => assert.deepEqual((await stageIds(page)).slice(0, 2), [order[1], order[0]]));
  await eventually(async () => assert.equal((await focused(page)).testid, 'stage-name'));
  const kinds = await laneKinds(page);
  await lane(page, kinds[0]).locator(sel('lane-name')).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await eventually(async () => assert.deepEqual((await laneKinds(page)).slice(0, 2), [kinds[1], kinds[0]]));
  await eventually(async () => assert.equal((await focused(page)).testid, 'lane-name'));
  await waitSaved(page);
});
