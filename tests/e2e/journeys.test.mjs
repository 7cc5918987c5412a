// Linked journeys end to end (issue 16, format version 8): a stage linked
// to a map of the library through the picker, with that map's headline
// read exactly; a new sub-journey made from a stage, which says where it
// belongs and leads back; no link back up offered (a loop); unlink and
// undo; the tree of journeys on the portfolio; a link to a map this
// browser lacks, and its file opened (French, dark). axe-core throughout.
import { e2e, assert, sel, eventually, expectCount, expectText, expectValue, expectVisible, editorMapId, storedEnvelope, waitSaved, MAP_PREFIX } from './harness.mjs';
import { violations } from './axe.mjs';
import { makeMap } from '../../scripts/bench.mjs';

const NPS_SCALE = { low: 0, high: 10, good_low: 9, good_high: 10 };
/** NPS answers: `d` 0s, `p` 10s. */
const nps = (d, p) => ({ metric: 'nps', at: 1, scale: NPS_SCALE, answers: [d, 0, 0, 0, 0, 0, 0, 0, 0, 0, p] });
const asFile = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** A map with figures: NPS −20 at its first touchpoint, +60 at its second
 * (+20 pooled over 200 answers); everyone feels 0 then −2. Format version 8. */
function deliveryMap(id = 'jr-delivery', title = 'Delivery <i>map</i>') {
  const env = makeMap({ id, title, stages: 2, notesLanes: 0, cardsPerCell: 0, touchpoints: 2, personas: 0 });
  const m = env.map;
  m.touchpoints[0].readings = [nps(60, 40)];
  m.touchpoints[1].readings = [nps(20, 80)];
  m.emotions = [
    { stage: m.stages[0].id, persona: null, value: 0 },
    { stage: m.stages[1].id, persona: null, value: -2 },
  ];
  env.version = 8;
  return env;
}

async function seed(page, envelopes) {
  await page.evaluate(
    ([prefix, list]) => {
      for (const env of list) localStorage.setItem(prefix + env.map.id, JSON.stringify(env));
    },
    [MAP_PREFIX, envelopes],
  );
}

/** Open `id` from the library (which reads the seeded maps). */
async function openFromLibrary(page, id) {
  await page.evaluate(() => (location.hash = '#/'));
  await expectVisible(page.locator(sel('library')));
  await page.evaluate((id) => (location.hash = `#/map/${id}`), id);
  await eventually(async () => assert.equal(await editorMapId(page), id));
}

const header = (page, i) => page.locator(sel('stage-header')).nth(i);
const MARGIN = '(± \\d+|\\([^)]*\\))';

e2e('a stage links to a map and to a new sub-journey, both ways, and the portfolio draws the tree', async ({ page, open, shot }) => {
  await open();
  const demoId = await editorMapId(page);
  await seed(page, [deliveryMap()]);
  await openFromLibrary(page, demoId);
  const demoTitle = await page.locator(sel('map-title')).inputValue();
  const stageOne = await header(page, 0).locator(sel('stage-name')).inputValue();

  // Stage 1 -> the delivery map, through the picker.
  await header(page, 0).hover();
  await header(page, 0).locator(sel('stage-journey')).click();
  const picker = header(page, 0).locator(sel('journey-picker'));
  await expectVisible(picker);
  await expectCount(picker.locator(sel('link-map')), 1);
  assert.deepEqual(await violations(page), [], 'the picker');
  await shot('picker-en');
  await picker.getByRole('button', { name: 'Link to Delivery <i>map</i>' }).click();
  await expectCount(header(page, 0).locator(sel('journey-picker')), 0);
  const linked = header(page, 0).locator(sel('linked-map'));
  await expectText(linked.locator(sel('linked-map-title')), 'Delivery <i>map</i>');
  assert.equal(await linked.locator('i').count(), 0, 'a title is text, not markup');
  await expectText(
    linked.locator(sel('linked-headline')),
    new RegExp(`^NPS \\+20 ${MARGIN} · weakest: Touchpoint 1 \\(NPS −20 ${MARGIN}\\) · lowest feeling: 😠 Frustrated \\(Stage 2\\)$`),
  );
  // Typing in the linked stage's name does not build its link again.
  await linked.evaluate((el) => (el.dataset.mark = 'kept'));
  await header(page, 0).locator(sel('stage-name')).fill(`${stageOne}!`);
  await header(page, 0).locator(sel('stage-name')).fill(stageOne);
  assert.equal(await linked.getAttribute('data-mark'), 'kept', 'the same element');
  await waitSaved(page);
  let stored = await storedEnvelope(page, demoId);
  assert.equal(stored.version, 8);
  assert.equal(stored.map.stages[0].journey, 'jr-delivery');
  assert.equal(stored.map.stages[1].journey, undefined, 'a stage without a link writes none');

  // Stage 2 -> a new sub-journey, which opens at once and says where it belongs.
  const stageTwo = await header(page, 1).locator(sel('stage-name')).inputValue();
  await header(page, 1).hover();
  await header(page, 1).locator(sel('stage-journey')).click();
  await header(page, 1).locator(sel('new-sub-journey')).click();
  await eventually(async () => assert.notEqual(await editorMapId(page), demoId));
  const subId = await editorMapId(page);
  await expectValue(page.locator(sel('map-title')), stageTwo);
  const back = page.locator(sel('part-of-link'));
  await expectCount(back, 1);
  await expectText(back, `↰ ${demoTitle} › ${stageTwo}`);
  assert.equal((await storedEnvelope(page, demoId)).map.stages[1].journey, subId);
  // From the sub-journey, the map above is not offered: it would loop.
  await header(page, 0).hover();
  await header(page, 0).locator(sel('stage-journey')).click();
  const subPicker = header(page, 0).locator(sel('journey-picker'));
  await expectVisible(subPicker);
  const offered = await subPicker.locator(sel('link-map')).evaluateAll((b) => b.map((x) => x.getAttribute('aria-label')));
  assert.deepEqual(offered, ['Link to Delivery <i>map</i>'], offered.join(', '));
  await shot('sub-journey-en');
  assert.deepEqual(await violations(page), [], 'the sub-journey with its picker');
  await subPicker.locator(sel('picker-close')).click();
  await expectCount(header(page, 0).locator(sel('journey-picker')), 0);
  // Renamed, then Back: the stage above shows the new title.
  await page.locator(sel('map-title')).fill(`${stageTwo} à domicile`);
  await waitSaved(page);
  await page.goBack();
  await eventually(async () => assert.equal(await editorMapId(page), demoId));
  await expectText(header(page, 1).locator(sel('linked-map-title')), `${stageTwo} à domicile`);
  await page.goForward();
  await eventually(async () => assert.equal(await editorMapId(page), subId));
  await page.locator(sel('map-title')).fill(stageTwo);
  await waitSaved(page);

  // Back up, to the stage's link, whose map has no figures yet.
  await back.click();
  await eventually(async () => assert.equal(await editorMapId(page), demoId));
  await expectText(header(page, 1).locator(sel('linked-map-title')), stageTwo);
  await expectText(header(page, 1).locator(sel('linked-headline')), 'no figures yet');
  await shot('linked-stages-en');

  // Unlink, then undo.
  await header(page, 0).locator(sel('stage-unlink')).click();
  await expectCount(header(page, 0).locator(sel('linked-map')), 0);
  await waitSaved(page);
  assert.equal((await storedEnvelope(page, demoId)).map.stages[0].journey, undefined);
  await page.keyboard.press('Control+z');
  await expectText(header(page, 0).locator(sel('linked-map-title')), 'Delivery <i>map</i>');
  await waitSaved(page);
  assert.equal((await storedEnvelope(page, demoId)).map.stages[0].journey, 'jr-delivery');

  // The tree: the demo journey, then the maps detailing its stages.
  await page.evaluate(() => (location.hash = '#/portfolio'));
  const rows = page.locator(sel('journey-tree-row'));
  await expectCount(rows, 3);
  const tree = await rows.evaluateAll((r) => r.map((x) => [x.dataset.depth, x.querySelector('a').textContent]));
  assert.deepEqual(tree, [
    ['0', demoTitle],
    ['1', 'Delivery <i>map</i>'],
    ['1', stageTwo],
  ]);
  await expectText(rows.nth(2), `details “${stageTwo}”`);
  await page.locator(sel('journey-tree')).scrollIntoViewIfNeeded();
  await shot('tree-en');
  assert.deepEqual(await violations(page), [], 'the portfolio with its tree');
  await rows.nth(1).locator('a').click();
  await eventually(async () => assert.equal(await editorMapId(page), 'jr-delivery'));
  await expectText(page.locator(sel('part-of-link')), `↰ ${demoTitle} › ${stageOne}`);

  // The library shows the same tree above its list, on demand.
  await page.locator(sel('back')).click();
  await expectVisible(page.locator(sel('library')));
  await expectCount(page.locator(sel('journey-tree')), 0);
  await page.locator(sel('show-journey-tree')).click();
  assert.equal(await page.locator(sel('show-journey-tree')).getAttribute('aria-pressed'), 'true');
  await expectCount(page.locator(sel('journey-tree-row')), 3);
  const libraryTree = await page.locator(sel('journey-tree-row')).evaluateAll((r) => r.map((x) => x.dataset.depth));
  assert.deepEqual(libraryTree, ['0', '1', '1']);
  await expectCount(page.locator(sel('map-row')), 3);
  await shot('library-tree-en');
  assert.deepEqual(await violations(page), [], 'the library with its tree');
  await page.locator(sel('journey-tree-row')).nth(2).locator('a').click();
  await eventually(async () => assert.equal(await editorMapId(page), subId));
});

e2e('a link to a map this browser lacks says so, and its file brings it (French, dark)', { locale: 'fr-FR' }, async ({ page, open, shot }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open();
  await editorMapId(page);
  const parent = deliveryMap('jr-parent', 'Achat');
  parent.map.stages[1].journey = 'jr-missing';
  await seed(page, [parent]);
  await openFromLibrary(page, 'jr-parent');
  const missing = header(page, 1).locator(sel('linked-missing'));
  await expectText(missing, 'Cette étape est détaillée dans une carte absente de ce navigateur.');
  await shot('missing-fr-dark');
  assert.deepEqual(await violations(page), [], 'a missing link, French, dark');

  // Another map's file: refused, nothing added.
  const other = deliveryMap('jr-other', 'Autre');
  await missing.locator(sel('linked-open-file')).setInputFiles(asFile('autre.json', JSON.stringify(other)));
  await expectText(page.locator(`${sel('notice')}[data-kind="save-error"]`), 'Ce fichier contient « Autre », pas la carte liée à cette étape');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), MAP_PREFIX + 'jr-other'), null);
  // A broken file: refused with where and why.
  await missing.locator(sel('linked-open-file')).setInputFiles(asFile('cassé.json', '{"format": "parcours.map", "version": 8, "revision": 1, "map": {'));
  await expectVisible(page.locator(`${sel('notice')}[data-kind="save-error"]`).filter({ hasText: /cassé\.json/ }));
  // The linked map's own file: stored, and the stage shows its headline.
  const wanted = deliveryMap('jr-missing', 'Livraison');
  await missing.locator(sel('linked-open-file')).setInputFiles(asFile('livraison.json', JSON.stringify(wanted)));
  const linked = header(page, 1).locator(sel('linked-map'));
  await expectText(linked.locator(sel('linked-map-title')), 'Livraison');
  await expectText(linked.locator(sel('linked-headline')), /^NPS \+20 .* · le plus faible : Touchpoint 1 \(NPS −20 .*\) · ressenti le plus bas : 😠 Frustré \(Stage 2\)$/);
  assert.ok(await page.evaluate((k) => localStorage.getItem(k) !== null, MAP_PREFIX + 'jr-missing'));
  await shot('found-fr-dark');
  assert.deepEqual(await violations(page), [], 'the linked map found, French, dark');
});
