// End-to-end tests of kinds of map and templates, and of a future state
// compared with its current state. Run: node --test tests/e2e/
import { e2e, assert, sel, eventually, expectVisible, expectText, stageIds, waitSaved, editorMapId, storedEnvelope, lane } from './harness.mjs';
import { violations } from './axe.mjs';

/** The touchpoint card whose name is `name`. */
async function touchpointNamed(page, name) {
  const cards = page.locator(sel('touchpoint'));
  const index = await eventually(async () => {
    const names = await cards.locator(sel('touchpoint-name')).evaluateAll((els) => els.map((e) => e.value));
    const i = names.indexOf(name);
    assert.ok(i >= 0, `a touchpoint named ${name} among ${names.join(', ')}`);
    return i;
  });
  return cards.nth(index);
}

const laneKinds = (page) => page.locator(sel('lane')).evaluateAll((els) => els.map((e) => e.dataset.laneKind));
const stageNames = (page) => page.locator(sel('stage-name')).evaluateAll((els) => els.map((e) => e.value));

e2e('a future state made from the demo, changed, then compared with it stage by stage', async ({ page, open, shot }) => {
  await open();
  const currentId = await editorMapId(page);
  const names = await stageNames(page);

  // Create it: a new map, linked, of kind future state.
  await page.locator(sel('create-future')).click();
  await eventually(async () => assert.notEqual(await editorMapId(page), currentId));
  const futureId = await editorMapId(page);
  await expectVisible(page.locator(sel('compare-current')));
  assert.equal(await page.locator(sel('map-kind')).inputValue(), 'future_state');
  assert.match(await page.locator(sel('map-title')).inputValue(), /Future state$/);

  // Change it: a stage renamed, the last one removed, a touchpoint added, a target typed.
  await page.locator(sel('stage-name')).nth(1).fill('Research online');
  await page.locator(sel('stage-header')).last().hover();
  await page.locator(sel('stage-header')).last().locator(sel('stage-delete')).click();
  await eventually(async () => assert.equal((await stageIds(page)).length, names.length - 1));
  const firstStage = (await stageIds(page))[0];
  await lane(page, 'touchpoints').locator(`${sel('cell')}[data-stage-id="${firstStage}"] ${sel('add-touchpoint')}`).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Repair diagnosis chat');
  const search = await touchpointNamed(page, 'Search results and ads');
  await search.locator(`${sel('touchpoint-metrics')} summary`).click();
  const nps = search.locator(`${sel('metric-row')}[data-metric="nps"]`);
  await nps.locator(sel('metric-typed-value')).fill('30');
  await nps.locator(sel('metric-typed-set')).click();
  await waitSaved(page);
  const stored = (await storedEnvelope(page, futureId)).map;
  assert.equal(stored.based_on, currentId, 'the link to the current state is saved');

  // The comparison.
  await page.locator(sel('compare-current')).click();
  const comparison = page.locator(sel('comparison'));
  await expectVisible(comparison);
  const rows = comparison.locator(sel('stage-change'));
  await expectText(comparison.locator(`${sel('stage-change')}[data-status="renamed"]`), 'Research online');
  await expectText(comparison.locator(`${sel('stage-change')}[data-status="renamed"]`), names[1]);
  await expectText(comparison.locator(`${sel('stage-change')}[data-status="removed"]`), names[names.length - 1]);
  assert.equal(await rows.count(), names.length, 'every stage of either map');
  assert.equal(await rows.first().locator(sel('touchpoints-added')).innerText(), 'Repair diagnosis chat');
  await expectVisible(comparison.locator(`${sel('chart-emotion-comparison')} svg`));
  const target = comparison.locator(sel('target-figure')).filter({ hasText: 'Search results and ads' }).locator('[data-metric="nps"]');
  await expectText(target, /−7 → \+30 \(\+37, better\)/);
  assert.deepEqual(await violations(page), [], 'axe on the comparison');
  await shot('comparison');

  // Both maps are a click away.
  await comparison.locator(sel('current-map-link')).click();
  await eventually(async () => assert.equal(await editorMapId(page), currentId));
});

e2e('kinds of map start from their templates; a map saved as a template starts new ones', async ({ page, open, shot }) => {
  await open();
  await open('#/');
  await expectVisible(page.locator(sel('library')));

  // A service blueprint: the customer's lanes, then front stage | line of visibility | back stage, support.
  await page.locator(sel('new-kind')).selectOption('service_blueprint');
  await page.locator(sel('new-blank')).click();
  await expectVisible(page.locator(sel('editor')));
  assert.equal(await page.locator(sel('map-kind')).inputValue(), 'service_blueprint');
  assert.deepEqual(await laneKinds(page), ['touchpoints', 'doing', 'frontstage', 'backstage', 'support']);
  const line = page.locator(sel('line-of-visibility'));
  await expectVisible(line);
  assert.equal(await line.count(), 1);
  assert.equal(await line.evaluate((el) => el.closest('[data-testid="lane"]').dataset.laneKind), 'frontstage');
  assert.deepEqual(await violations(page), [], 'axe on a blueprint');
  await shot('blueprint');
  await page.locator(sel('back')).click();

  // A day in the life runs through the times of a day.
  await page.locator(sel('new-kind')).selectOption('day_in_the_life');
  await page.locator(sel('new-blank')).click();
  await expectVisible(page.locator(sel('editor')));
  assert.deepEqual(await stageNames(page), ['Morning', 'Midday', 'Afternoon', 'Evening', 'Night']);
  const dayId = await editorMapId(page);
  await lane(page, 'doing').locator(sel('add-card')).first().click();
  await page.keyboard.type('Wakes up, checks the app');
  await page.locator(sel('map-title')).fill('Commuter day');
  await waitSaved(page);

  // Saved as a template, then a new map from it: same content, new ids.
  await page.locator(`${sel('export-menu')} summary`).click();
  await page.locator(sel('save-template')).click();
  await expectText(page.locator(sel('notice')).last(), 'Saved as a template');
  await page.locator(sel('back')).click();
  await page.locator(`${sel('templates')} summary`).click();
  const row = page.locator(sel('template')).filter({ hasText: 'Commuter day' });
  await expectVisible(row);
  await row.locator(sel('use-template')).click();
  await expectVisible(page.locator(sel('editor')));
  await eventually(async () => assert.notEqual(await editorMapId(page), dayId));
  assert.deepEqual(await stageNames(page), ['Morning', 'Midday', 'Afternoon', 'Evening', 'Night']);
  assert.deepEqual(await lane(page, 'doing').locator(sel('card')).evaluateAll((els) => els.map((e) => e.value)), ['Wakes up, checks the app']);
  const copy = (await storedEnvelope(page, await editorMapId(page))).map;
  const original = (await storedEnvelope(page, dayId)).map;
  const ids = (m) => [...m.stages, ...m.lanes, ...m.cards].map((x) => x.id);
  assert.ok(ids(copy).every((id) => !ids(original).includes(id)), 'no id shared with the original');
  assert.deepEqual(copy.sync ?? {}, {}, 'a new map has no change history');

  // The template can be deleted; the maps stay.
  await page.locator(sel('back')).click();
  await page.locator(`${sel('templates')} summary`).click();
  await page.locator(sel('template')).filter({ hasText: 'Commuter day' }).locator(sel('delete-template')).click();
  await eventually(async () => assert.equal(await page.locator(sel('template')).count(), 0));
  // Undo brings it back; deleted again.
  await page.locator(sel('undo-delete-template')).click();
  await expectVisible(page.locator(sel('template')).filter({ hasText: 'Commuter day' }));
  await page.locator(sel('template')).filter({ hasText: 'Commuter day' }).locator(sel('delete-template')).click();
  await eventually(async () => assert.equal(await page.locator(sel('template')).count(), 0));
  assert.deepEqual(await violations(page), [], 'axe on the library with templates');
  await expectText(page.locator(sel('library')), 'Commuter day');
});
