// End-to-end test of a large map built only where it is seen
// (src/core/view/stage_window.rs): the far stages are not built at first,
// scrolling end to end builds each stage as it comes into view, a card in
// the last stage is edited and kept, the arrow keys walk from the first
// stage to the last, and printing or Ctrl+F builds every stage.
// Run: node --test tests/e2e/windowing.test.mjs
import { e2e, assert, sel, eventually, expectVisible, expectValue, waitSaved, storedEnvelope, stageIds, MAP_PREFIX } from './harness.mjs';
import { makeMap } from '../../scripts/bench.mjs';

const STAGES = 40;
const large = makeMap({ id: 'windowed', title: 'Forty stages', stages: STAGES, notesLanes: 4, cardsPerCell: 2, touchpoints: 80, personas: 2 });
const stageId = (i) => large.map.stages[i].id;
const last = STAGES - 1;

/** Open the large map in the editor (stored first, as a saved map is). */
async function openLarge(page, open) {
  await open();
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [MAP_PREFIX + large.map.id, JSON.stringify(large)]);
  await open(`#/map/${large.map.id}`);
  await expectVisible(page.locator(`${sel('editor')}[data-map-id="${large.map.id}"]`));
}

/** After the next frame (the window follows a scroll before the frame that shows it). */
const frame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** How many pixels of the map's view, right of the lane heads, show a stage that is not built. */
const unbuiltInView = (page) =>
  page.evaluate(() => {
    const scroller = document.querySelector('.map-scroll');
    const box = scroller.getBoundingClientRect();
    const left = document.querySelector('.stage-row .corner').getBoundingClientRect().right;
    const right = box.left + scroller.clientLeft + scroller.clientWidth;
    return [...document.querySelectorAll('.stage-gap')]
      .map((g) => g.getBoundingClientRect())
      .reduce((sum, r) => sum + Math.max(0, Math.min(r.right, right) - Math.max(r.left, left)), 0);
  });

e2e('a 40-stage map builds the stages in view; scrolled end to end, its last card edited, kept after a reload', async ({ page, open, shot }) => {
  await openLarge(page, open);
  const built = await stageIds(page);
  assert.ok(built.length >= 5 && built.length <= 10, `a few stages built at first, not all 40: ${built.length}`);
  assert.equal(built[0], stageId(0));
  assert.ok(!built.includes(stageId(last)), 'the last stage is not built');
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  assert.ok(nodes < 9000, `far fewer DOM nodes than the 24,000 of every stage: ${nodes}`);
  // The grid is as wide as 40 columns: the scroll bar tells the map's length.
  const widths = await page.locator('.map-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  assert.ok(widths.scroll >= STAGES * 240, `the grid keeps its width: ${widths.scroll}`);

  // Scroll to the end, 600 px at a time: whatever is in view is built.
  const scroller = page.locator('.map-scroll');
  for (let x = 0; ; x += 600) {
    const at = await scroller.evaluate((el, x) => ((el.scrollLeft = x), el.scrollLeft), x);
    await frame(page);
    assert.equal(await unbuiltInView(page), 0, `at ${at} px every stage in view is built`);
    if (at < x) break;
  }
  const atEnd = await stageIds(page);
  assert.ok(atEnd.includes(stageId(last)), 'the last stage is built at the end');
  assert.ok(!atEnd.includes(stageId(0)), 'the first is not, any more');
  await shot('scrolled-to-the-end');

  // A card of the last stage, edited; nothing else in the map changes meanwhile.
  const card = page.locator(`${sel('lane')}[data-lane-kind="doing"] ${sel('cell')}[data-stage-id="${stageId(last)}"] ${sel('card')}`).first();
  const cardId = await card.getAttribute('data-card-id');
  await page.evaluate(() => {
    window.__changes = 0;
    window.__observer = new MutationObserver((records) => (window.__changes += records.length));
    window.__observer.observe(document.querySelector('.map-grid'), { childList: true, subtree: true, attributes: true, characterData: true });
  });
  await card.fill('Edited in the last stage');
  await frame(page);
  assert.equal(await page.evaluate(() => (window.__observer.disconnect(), window.__changes)), 0, 'typing changes no other part of the map');
  await waitSaved(page);
  const saved = await storedEnvelope(page, large.map.id);
  assert.equal(saved.map.cards.find((c) => c.id === cardId).text, 'Edited in the last stage');

  await page.reload();
  await expectVisible(page.locator(sel('editor')));
  assert.ok(!(await stageIds(page)).includes(stageId(last)), 'after a reload the view is at the start again');
  await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await expectValue(page.locator(`textarea[data-card-id="${cardId}"]`), 'Edited in the last stage');
});

e2e('the arrow keys walk a 40-stage map from its first stage to its last and back', async ({ page, open }) => {
  await openLarge(page, open);
  const at = () => page.evaluate(() => document.activeElement?.closest?.('.cell')?.dataset.stageId ?? null);
  const first = page.locator(`${sel('lane')}[data-lane-kind="goal"] ${sel('cell')}[data-stage-id="${stageId(0)}"]`);
  await first.focus();
  for (let i = 1; i <= last; i++) {
    await page.keyboard.press('ArrowRight');
    await eventually(async () => assert.equal(await at(), stageId(i)), { message: `right to stage ${i + 1}` });
  }
  await page.keyboard.press('ArrowRight');
  await frame(page);
  assert.equal(await at(), stageId(last), 'the last stage is the end');
  // Down keeps the stage.
  await page.keyboard.press('ArrowDown');
  assert.equal(await at(), stageId(last));

  // A focus left at the window's edge while the view moved: the key still
  // goes to the stage beside, built first, then focused.
  const scroller = page.locator('.map-scroll');
  await scroller.evaluate((el) => (el.scrollLeft = 17 * 240));
  await frame(page);
  const built = await stageIds(page);
  const edge = large.map.stages.findIndex((s) => s.id === built.at(-1));
  const focusWithoutScroll = (i) =>
    page.evaluate((id) => {
      const cell = [...document.querySelectorAll('[data-lane-kind="goal"] [data-testid="cell"]')].find((c) => c.dataset.stageId === id);
      cell.focus({ preventScroll: true });
    }, stageId(i));
  await focusWithoutScroll(edge);
  assert.equal(await at(), stageId(edge));
  assert.ok(!built.includes(stageId(edge + 1)));
  await page.keyboard.press('ArrowRight');
  await eventually(async () => assert.equal(await at(), stageId(edge + 1)), { message: 'right, out of the window' });
  await scroller.evaluate((el) => (el.scrollLeft = 17 * 240));
  await frame(page);
  const firstBuilt = (await stageIds(page))[0];
  const start = large.map.stages.findIndex((s) => s.id === firstBuilt);
  await focusWithoutScroll(start);
  await page.keyboard.press('ArrowLeft');
  await eventually(async () => assert.equal(await at(), stageId(start - 1)), { message: 'left, out of the window' });

  for (let i = start - 2; i >= 0; i--) {
    await page.keyboard.press('ArrowLeft');
    await eventually(async () => assert.equal(await at(), stageId(i)), { message: `left to stage ${i + 1}` });
  }
});

e2e('Tab walks the fields of a lane through all 40 stages', async ({ page, open }) => {
  await openLarge(page, open);
  const stageOfFocus = () => page.evaluate(() => document.activeElement?.closest?.('.cell')?.dataset.stageId ?? null);
  await page.locator(`${sel('lane')}[data-lane-kind="doing"] ${sel('cell')}[data-stage-id="${stageId(0)}"] ${sel('card')}`).first().focus();
  const seen = new Set();
  for (let i = 0; i < 400 && !seen.has(stageId(last)); i++) {
    await page.keyboard.press('Tab');
    const at = await stageOfFocus();
    if (at) seen.add(at);
  }
  assert.equal(seen.size, STAGES, 'every stage of the lane was reached');
});

e2e('printing and Ctrl+F build every stage; adding a stage far away shows it with its name focused', async ({ page, open }) => {
  await openLarge(page, open);
  const count = async () => (await stageIds(page)).length;
  assert.ok((await count()) < STAGES);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await eventually(async () => assert.equal(await count(), STAGES, 'every stage for print'));
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await eventually(async () => assert.ok((await count()) < STAGES, 'the window again after print'));

  // Ctrl+Shift+Enter from the first stage: the new 41st stage is built and focused.
  await page.locator(sel('stage-name')).first().focus();
  await page.keyboard.press('Control+Shift+Enter');
  await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'stage-name'));
  const focused = await page.evaluate(() => document.activeElement.closest('[data-testid="stage-header"]').dataset.stageId);
  const stored = async () => (await storedEnvelope(page, large.map.id)).map.stages;
  await waitSaved(page);
  assert.equal((await stored()).at(-1).id, focused, 'the focused name is the new last stage');
  assert.ok((await count()) < STAGES, 'only what is in view is built');

  // The browser's find sees only what is built: Ctrl+F builds it all, and it stays so.
  await page.keyboard.press('Control+f');
  await eventually(async () => assert.equal(await count(), STAGES + 1));
  await page.locator('.map-scroll').evaluate((el) => (el.scrollLeft = 3000));
  await frame(page);
  assert.equal(await count(), STAGES + 1, 'scrolling keeps every stage while finding');
});
