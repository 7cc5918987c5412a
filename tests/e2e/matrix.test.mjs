// The opportunity matrix end to end (issue 16): score the demo's
// opportunities in the table, place one in the middle, drag a point with
// the mouse, move one with the arrow keys (the stored map checked each
// time), switch the value shown, filter by stage and map, sort the actions
// board by the score; French in dark mode; axe-core.
import {
  e2e,
  assert,
  sel,
  eventually,
  expectCount,
  expectText,
  expectVisible,
  waitSaved,
  editorMapId,
  storedEnvelope,
  lane,
} from './harness.mjs';
import { violations } from './axe.mjs';

/** The stored scores of card `id`. */
async function storedScores(page, mapId, id) {
  const card = (await storedEnvelope(page, mapId)).map.cards.find((c) => c.id === id);
  return [card.customer_value ?? null, card.business_value ?? null, card.effort ?? null];
}

const point = (page, id) => page.locator(`${sel('matrix-point')}[data-card-id="${id}"]`);
const row = (page, id) => page.locator(`${sel('matrix-row')}[data-card-id="${id}"]`);

/** The page position of the centre of the cell (value, effort) of the matrix. */
async function cellCentre(page, value, effort) {
  const box = await page.locator(sel('matrix-chart')).boundingBox();
  const viewBox = (await page.locator(sel('matrix-chart')).getAttribute('viewBox')).split(' ').map(Number);
  // As src/ui/opportunity/matrix_chart.rs draws it: cells of 88 from (64, 12).
  const x = 64 + (effort - 0.5) * 88;
  const y = 12 + (5 - value + 0.5) * 88;
  return { x: box.x + (x * box.width) / viewBox[2], y: box.y + (y * box.height) / viewBox[3] };
}

/** The text of an SVG element (innerText is for HTML) contains `text`. */
async function expectSvgText(locator, text) {
  await eventually(async () => assert.ok((await locator.textContent()).includes(text), text));
}

async function openMatrix(page) {
  await page.locator(sel('back')).click();
  await expectVisible(page.locator(sel('library')));
  await page.locator(`${sel('library')} ${sel('open-actions-board')}`).click();
  await page.locator(sel('open-matrix')).click();
  await expectVisible(page.locator(sel('opportunity-matrix')));
}

e2e('opportunities are scored in the table, dragged and moved with the keys on the matrix', async ({ page, open, shot }) => {
  await open();
  const mapId = await editorMapId(page);
  const opportunities = lane(page, 'opportunities').locator('.card');
  const ids = await opportunities.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-card')));
  assert.ok(ids.length >= 3, `the demo has ${ids.length} opportunities`);
  const [first, second, third] = ids;

  // An action on the first opportunity, to sort the board by its score later.
  const card = opportunities.first();
  await card.locator(sel('card-actions-toggle')).click();
  await card.locator(sel('add-action')).click();
  await page.keyboard.type('Launch the online diagnosis');
  await waitSaved(page);

  await openMatrix(page);
  await expectCount(page.locator(sel('matrix-row')), ids.length);
  // Nothing is scored yet: no point, every opportunity waits under the matrix.
  await expectCount(page.locator(sel('matrix-point')), 0);
  await expectCount(page.locator(sel('unplaced-item')), ids.length);
  await expectText(row(page, first).locator(sel('matrix-score')), 'not scored');

  // Score the first in the table: 5 for the customer, 4 for the business, effort 2.
  await row(page, first).locator(sel('score-customer')).selectOption('5');
  await row(page, first).locator(sel('score-business')).selectOption('4');
  await row(page, first).locator(sel('score-effort')).selectOption('2');
  await eventually(async () => assert.deepEqual(await storedScores(page, mapId, first), [5, 4, 2]));
  await expectText(row(page, first).locator(sel('matrix-score')), '4.5');
  await expectVisible(point(page, first));
  assert.equal(await point(page, first).getAttribute('data-value'), '5');
  assert.equal(await point(page, first).getAttribute('data-effort'), '2');
  await expectSvgText(point(page, first), '1');
  assert.match(await point(page, first).getAttribute('aria-label'), /value 5, effort 2, Quick wins/);

  // Place the second in the middle: value 3, effort 3; its business value stays unscored.
  await page.locator(`${sel('unplaced-item')}[data-card-id="${second}"] ${sel('place-middle')}`).click();
  await eventually(async () => assert.deepEqual(await storedScores(page, mapId, second), [3, null, 3]));
  await expectVisible(point(page, second));

  // Drag it with the mouse to value 4, effort 1.
  const from = await point(page, second).boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  const to = await cellCentre(page, 4, 1);
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  await eventually(async () => assert.deepEqual(await storedScores(page, mapId, second), [4, null, 1]));
  assert.equal(await point(page, second).getAttribute('data-value'), '4');
  assert.equal(await point(page, second).getAttribute('data-effort'), '1');
  await expectText(page.locator(sel('matrix-said')), 'Quick wins');

  // The keyboard: the first point, two steps right and one down → value 4, effort 4, a big bet.
  await point(page, first).focus();
  await page.keyboard.press('ArrowRight');
  await eventually(async () => assert.deepEqual(await storedScores(page, mapId, first), [5, 4, 3]));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await eventually(async () => assert.deepEqual(await storedScores(page, mapId, first), [4, 4, 4]));
  // The point kept the focus while it moved.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-card-id')), first);
  await expectText(page.locator(sel('matrix-said')), 'Big bets');
  await expectText(row(page, first).locator(sel('matrix-score')), '2.0');
  // Off the scale: nothing changes.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await eventually(async () => assert.deepEqual(await storedScores(page, mapId, first), [1, 4, 4]));
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await eventually(async () => assert.deepEqual(await storedScores(page, mapId, first), [4, 4, 4]));
  await page.locator(sel('matrix-chart')).scrollIntoViewIfNeeded();
  await shot('matrix-en');

  // The value to the business: the second has none, so it leaves the matrix.
  await page.locator(sel('matrix-axis')).selectOption('business');
  await eventually(async () => assert.equal(await point(page, second).count(), 0));
  assert.equal(await point(page, first).getAttribute('data-value'), '4');
  await expectCount(page.locator(sel('unplaced-item')), ids.length - 1);
  // A move now changes the value to the business, never the customer's.
  await point(page, first).focus();
  await page.keyboard.press('ArrowUp');
  await eventually(async () => assert.deepEqual(await storedScores(page, mapId, first), [4, 5, 4]));
  await page.keyboard.press('ArrowLeft');
  await eventually(async () => assert.deepEqual(await storedScores(page, mapId, first), [4, 5, 3]));

  // Filter by the third's stage: only that stage's opportunities.
  const stage = (await row(page, third).locator('td').nth(2).innerText()).trim();
  await page.locator(sel('matrix-stage')).selectOption(stage);
  const stages = await page.locator(sel('matrix-row')).evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[2].innerText.trim()));
  assert.ok(stages.length >= 1 && stages.every((s) => s === stage), stages.join(', '));
  await page.locator(sel('matrix-stage')).selectOption('');
  await expectCount(page.locator(sel('matrix-row')), ids.length);
  assert.deepEqual(await violations(page), [], 'the matrix');

  // The scores were saved through the stored map: the editor shows them after a reload.
  await page.reload();
  await expectVisible(page.locator(sel('opportunity-matrix')));
  assert.deepEqual(await storedScores(page, mapId, first), [4, 5, 3]);
  await expectText(row(page, first).locator(sel('matrix-score')), '3.0');

  // The actions board sorted by the opportunity score: the action on the
  // first (the best score, 9 ÷ 3) is at the top, with the actions of pain
  // points it answers, if any; unscored ones come last.
  await page.locator(sel('open-actions-board')).click();
  await expectVisible(page.locator(sel('board-table')));
  const mine = page.locator(sel('board-row'), { hasText: 'Launch the online diagnosis' });
  await expectText(mine.locator(sel('board-score')), '3.0');
  await page.locator(sel('board-sort')).selectOption('score');
  await expectText(page.locator(sel('board-row')).first().locator(sel('board-score')), '3.0');
  const scores = await page.locator(sel('board-score')).allInnerTexts();
  const numbers = scores.map((s) => (s.trim() ? Number(s) : -1));
  assert.deepEqual(numbers, [...numbers].sort((a, b) => b - a), scores.join(' | '));
  assert.deepEqual(await violations(page), [], 'the board sorted by score');
});

e2e('the matrix in French and dark mode, filtered to one map from its address', { locale: 'fr-FR' }, async ({ page, open, shot }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open();
  const mapId = await editorMapId(page);
  const first = await lane(page, 'opportunities').locator('.card').first().getAttribute('data-card');
  await page.evaluate((hash) => (location.hash = hash), `#/opportunities/${encodeURIComponent(mapId)}`);
  await expectVisible(page.locator(sel('opportunity-matrix')));
  assert.equal(await page.locator(sel('matrix-map')).inputValue(), mapId);
  await expectText(page.locator(sel('opportunity-matrix')), 'Matrice des opportunités');
  await expectSvgText(page.locator(sel('matrix-chart')), 'Gains rapides');
  await expectSvgText(page.locator(sel('matrix-chart')), 'Gouffres');
  await row(page, first).locator(sel('score-customer')).selectOption('2');
  await row(page, first).locator(sel('score-business')).selectOption('1');
  await row(page, first).locator(sel('score-effort')).selectOption('5');
  await eventually(async () => assert.deepEqual(await storedScores(page, mapId, first), [2, 1, 5]));
  await expectText(row(page, first).locator(sel('matrix-score')), '0,6');
  assert.match(await point(page, first).getAttribute('aria-label'), /valeur 2, effort 5, Gouffres/);
  await point(page, first).focus();
  await page.keyboard.press('ArrowLeft');
  await expectText(page.locator(sel('matrix-said')), 'effort 4 : Gouffres');
  await page.locator(sel('matrix-chart')).scrollIntoViewIfNeeded();
  await shot('matrix-fr-dark');
  assert.deepEqual(await violations(page), [], 'the matrix, French, dark');
});
