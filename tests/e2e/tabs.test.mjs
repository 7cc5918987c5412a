// End-to-end tests of two tabs (issue 19): two pages of one browser context
// share localStorage and get each other's storage events, as two tabs do.
// - the persona library in one tab and a map's persona panel in the other,
//   both editing the same persona's quote: nothing silently lost, the
//   conflict is said, and the user's choice is kept;
// - a map deleted in one tab while another edits it: Undo does not write
//   the old text over the newer save, and says so.
// Run: node --test tests/e2e/tabs.test.mjs
import {
  e2e, assert, sel, eventually, stays, expectVisible, expectValue, expectText, expectCount,
  waitSaved, editorMapId, storedRaw, storedEnvelope, downloadText,
} from './harness.mjs';
import { violations } from './axe.mjs';

const library = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('parcours.personas')));

e2e('a persona edited in the library and in a map at once: nothing lost, the conflict is said', async ({ page: a, open, newTab, shot }) => {
  await open('', a);
  const id = await editorMapId(a);
  await waitSaved(a);
  const camille = (await storedEnvelope(a, id)).map.personas[0];

  // Tab A: the persona library (which gathers the demo's personas).
  await a.goto(a.url().replace(/#.*/, '#/personas'));
  const tile = a.locator(`${sel('library-persona')}[data-persona-id="${camille.id}"]`);
  await expectVisible(tile);
  // Tab B: the map, its personas panel open.
  const b = await newTab(`#/map/${id}`);
  await waitSaved(b);
  const panel = b.locator(sel('personas'));
  await panel.locator('summary').click();
  const card = panel.locator(sel('persona')).first();
  await expectValue(card.locator(sel('persona-name')), camille.name);

  // A types a quote in the library.
  await tile.locator(sel('edit-library-persona')).click();
  const form = a.locator(sel('persona-form'));
  await form.locator(sel('pf-quote')).fill('Typed in the library tab');
  await eventually(async () =>
    assert.equal((await library(a)).personas.find((p) => p.id === camille.id).quote, 'Typed in the library tab'));

  // B, whose copy is older, types another quote in the map.
  await card.getByLabel('Quote').fill('Typed in the map tab');
  await waitSaved(b);
  // Neither is lost: the library keeps A's quote, the map B's (the map's
  // editor writes to the library once typing pauses: waited for here).
  const bothKept = async () => {
    const quote = (await library(a)).personas.find((p) => p.id === camille.id).quote;
    assert.equal(quote, 'Typed in the library tab', "A's quote is still in the library");
    const map = (await storedEnvelope(a, id)).map;
    assert.equal(map.personas.find((p) => p.id === camille.id).quote, 'Typed in the map tab', "B's quote is in the map");
  };
  await stays(bothKept, { duration: 1500 });
  // And B is told, and asked.
  const conflict = b.locator(`${sel('notice')}[data-kind="persona-conflict"]`);
  await expectVisible(conflict);
  await expectText(conflict, camille.name);
  await shot('persona-conflict-in-map', b);
  assert.deepEqual(await violations(b), [], 'editor with the persona conflict');
  await stays(bothKept, { duration: 500 });

  // B keeps the map's version: the library has it, and A (nothing unsaved) shows it.
  await conflict.locator(sel('keep-mine')).click();
  await eventually(async () =>
    assert.equal((await library(a)).personas.find((p) => p.id === camille.id).quote, 'Typed in the map tab'));
  await expectCount(conflict, 0);
  await expectValue(form.locator(sel('pf-quote')), 'Typed in the map tab');

  // Once more, and this time B takes the library's version into the map.
  await form.locator(sel('pf-quote')).fill('Library, second');
  await eventually(async () =>
    assert.equal((await library(a)).personas.find((p) => p.id === camille.id).quote, 'Library, second'));
  await card.getByLabel('Goals').fill('A goal typed in the map');
  await expectVisible(conflict);
  await conflict.locator(sel('load-theirs')).click();
  await expectValue(card.getByLabel('Quote'), 'Library, second');
  await expectCount(conflict, 0);
  await waitSaved(b);
  await eventually(async () => {
    const map = (await storedEnvelope(a, id)).map;
    assert.equal(map.personas.find((p) => p.id === camille.id).quote, 'Library, second');
  });
  assert.equal((await library(a)).personas.find((p) => p.id === camille.id).quote, 'Library, second');
});

e2e('the persona conflict is said in French too', { locale: 'fr-FR' }, async ({ page: a, open, newTab }) => {
  await open('', a);
  const id = await editorMapId(a);
  await waitSaved(a);
  const camille = (await storedEnvelope(a, id)).map.personas[0];
  await a.goto(a.url().replace(/#.*/, '#/personas'));
  const b = await newTab(`#/map/${id}`);
  await waitSaved(b);
  await b.locator(sel('personas')).locator('summary').click();
  await a.locator(`${sel('library-persona')}[data-persona-id="${camille.id}"] ${sel('edit-library-persona')}`).click();
  await a.locator(sel('pf-quote')).fill('Dans la bibliothèque');
  await eventually(async () =>
    assert.equal((await library(a)).personas.find((p) => p.id === camille.id).quote, 'Dans la bibliothèque'));
  await b.locator(sel('persona')).first().getByLabel('Citation').fill('Dans la carte');
  const conflict = b.locator(`${sel('notice')}[data-kind="persona-conflict"]`);
  await expectText(conflict, 'Un persona a été modifié dans un autre onglet.');
  await expectText(conflict, 'Garder la version de cette carte dans la bibliothèque');
});

e2e('undo of a map deleted while another tab edits it keeps the newer save, and says so', async ({ page: a, open, newTab, shot }) => {
  await open('', a);
  const id = await editorMapId(a);
  await waitSaved(a);
  const b = await newTab(`#/map/${id}`);
  await waitSaved(b);

  // Tab A deletes the map from the library; tab B is told, and keeps editing.
  await open('#/', a);
  const row = a.locator(`${sel('map-row')}[data-map-id="${id}"]`);
  await row.locator(sel('delete')).click();
  await eventually(async () => assert.equal(await storedRaw(a, id), null));
  await expectVisible(b.locator(`${sel('notice')}[data-kind="deleted-elsewhere"]`));
  await b.locator(sel('map-title')).fill('Typed in tab B after the delete');
  await waitSaved(b);
  await eventually(async () => assert.ok((await storedRaw(a, id))?.includes('Typed in tab B after the delete')));

  // Undo in tab A: the newer save stays, in storage and in tab B.
  await a.locator(sel('undo-delete')).click();
  const kept = async () => {
    assert.ok((await storedRaw(a, id)).includes('Typed in tab B after the delete'), "B's save is stored");
    assert.equal(await b.locator(sel('map-title')).inputValue(), 'Typed in tab B after the delete');
  };
  await stays(kept, { duration: 1500 });
  // Tab A says why the map did not come back as it was deleted.
  const refused = a.locator(`${sel('notice')}[data-kind="undo-refused"]`);
  await expectVisible(refused);
  await shot('undo-refused', a);
  // The map is listed, with B's title; the deleted text can still be downloaded.
  await expectText(row, 'Typed in tab B after the delete');
  const { text } = await downloadText(a, refused.locator(sel('download-deleted')));
  const deleted = JSON.parse(text);
  assert.equal(deleted.map.id, id);
  assert.notEqual(deleted.map.title, 'Typed in tab B after the delete');
  assert.deepEqual(await violations(a), [], 'library with the refused undo');

  // With no other save meanwhile, Undo still brings a deleted map back.
  await row.locator(sel('delete')).click();
  await eventually(async () => assert.equal(await storedRaw(a, id), null));
  await a.locator(sel('undo-delete')).click();
  await eventually(async () => assert.ok((await storedRaw(a, id))?.includes('Typed in tab B after the delete')));
  await expectCount(a.locator(sel('map-row')), 1);
});
