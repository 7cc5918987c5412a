// End-to-end test of the persona library (issue 5): a persona made in the
// library page with an uploaded picture, used on two maps, edited in the
// library and seen in a map, refused deletion naming both maps; then two
// personas of the demo compared side by side. axe-clean, with screenshots.
// Run: node --test tests/e2e/personas.test.mjs
import { deflateSync } from 'node:zlib';
import { e2e, assert, sel, eventually, expectVisible, expectText, expectValue, waitSaved, editorMapId, storedEnvelope } from './harness.mjs';
import { violations } from './axe.mjs';

// ---- A small PNG, made here: a 160 × 120 gradient (so the app shrinks it).
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function gradientPng(width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      row[1 + x * 3] = Math.round((255 * x) / width);
      row[2 + x * 3] = Math.round((255 * y) / height);
      row[3 + x * 3] = 160;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const NAME = 'Inès Martin';

/** The persona library page, reached from the maps' library. */
async function openPersonaLibrary(page, open) {
  await open('#/');
  await page.locator(`${sel('library')} ${sel('open-persona-library')}`).click();
  await expectVisible(page.locator(sel('persona-library')));
}

/** In the editor: open the personas panel and adopt `name` from the library. */
async function adopt(page, name) {
  const panel = page.locator(sel('personas'));
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  const pick = panel.locator(sel('adopt-persona'));
  await pick.focus();
  await pick.selectOption({ label: name });
  await expectVisible(panel.locator('.persona-chip', { hasText: name }));
  await waitSaved(page);
}

e2e('a persona of the library travels two maps, follows its edits, and is not deleted while they use it', async ({ page, open, shot }) => {
  await open();
  const demoId = await editorMapId(page);
  const demoTitle = (await storedEnvelope(page, demoId)).map.title;

  // The library page holds the demo's personas, harvested from the map.
  await openPersonaLibrary(page, open);
  const tiles = page.locator(sel('library-persona'));
  await expectText(page.locator(sel('persona-library')), 'Camille');
  await expectText(page.locator(sel('persona-library')), 'Gérard');
  assert.deepEqual(await violations(page), [], 'persona library');

  // Create a persona, every field.
  await page.locator(sel('new-library-persona')).click();
  const form = page.locator(sel('persona-form'));
  await expectVisible(form);
  await form.locator(sel('pf-name')).fill(NAME);
  await form.locator(sel('pf-segment')).fill('Young parents');
  await form.locator(sel('pf-share')).fill('18');
  await form.locator(sel('pf-role')).fill('34, nurse, works nights');
  await form.locator(sel('pf-goals')).fill('A machine delivered before the weekend');
  await form.locator(sel('pf-motivations')).fill('Quiet, low energy');
  await form.locator(sel('pf-frustrations')).fill('Delivery slots during her sleep');
  await form.locator(sel('pf-quote')).fill('« I need it to just work. »');
  await form.locator(`${sel('pf-channel')}[data-channel="MobileApp"]`).check();
  await form.locator(`${sel('pf-channel')}[data-channel="Chat"]`).check();
  await form.locator(sel('pf-avatar-file')).setInputFiles({
    name: 'ines.png',
    mimeType: 'image/png',
    buffer: gradientPng(160, 120),
  });
  const tile = tiles.filter({ hasText: NAME });
  const img = tile.locator(sel('persona-avatar-img'));
  await expectVisible(img);
  const src = await img.getAttribute('src');
  assert.match(src, /^data:image\/jpeg;base64,/);
  assert.ok(src.length <= 24 * 1024, `avatar kept small: ${src.length} characters`);
  const size = await img.evaluate((el) => [el.naturalWidth, el.naturalHeight]);
  assert.deepEqual(size, [96, 72], 'shrunk to 96 px on its longer side');
  await expectText(tile, 'Young parents');
  await expectText(tile, '34, nurse, works nights');
  await expectText(tile, '18 %');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('parcours.personas')));
  const ines = stored.personas.find((p) => p.name === NAME);
  assert.ok(ines, 'stored in the library');
  assert.deepEqual(ines.channels, ['mobile_app', 'chat']);
  assert.equal(ines.share, 18);
  assert.equal(ines.quote, '« I need it to just work. »');
  assert.deepEqual(await violations(page), [], 'persona library with the form open');
  await shot('persona-library');

  // Used on the demo…
  await open(`#/map/${demoId}`);
  await adopt(page, NAME);
  await shot('adopted-in-demo');
  await eventually(async () => {
    const env = await storedEnvelope(page, demoId);
    const copy = env.map.personas.find((p) => p.id === ines.id);
    assert.ok(copy, 'the demo has the persona, same id');
    assert.equal(copy.avatar, ines.avatar);
  });

  // … and on a new blank map.
  await open('#/');
  await page.locator(sel('new-blank')).click();
  const blankId = await editorMapId(page);
  await adopt(page, NAME);
  const blankTitle = (await storedEnvelope(page, blankId)).map.title;

  // Edited in the library, the change reaches a map when it opens.
  await openPersonaLibrary(page, open);
  await tile.locator(sel('edit-library-persona')).click();
  await form.locator(sel('pf-segment')).fill('Night-shift parents');
  await expectText(tile, 'Night-shift parents');
  await open(`#/map/${demoId}`);
  const panel = page.locator(sel('personas'));
  await panel.locator('summary').click();
  await expectValue(panel.locator(sel('persona-name')).last(), NAME);
  await expectVisible(panel.locator('.persona-chip', { hasText: 'Night-shift parents' }));
  await waitSaved(page);
  await eventually(async () => {
    const env = await storedEnvelope(page, demoId);
    assert.equal(env.map.personas.find((p) => p.id === ines.id).segment, 'Night-shift parents');
  });

  // Deleting it is refused, naming both maps.
  await openPersonaLibrary(page, open);
  await tile.locator(sel('delete-library-persona')).click();
  const refused = page.locator(sel('persona-delete-refused'));
  await expectText(refused, demoTitle);
  await expectText(refused, blankTitle);
  assert.equal(await tiles.filter({ hasText: NAME }).count(), 1, 'still in the library');
  assert.deepEqual(await violations(page), [], 'persona library with the refusal');
  await shot('delete-refused');

  // A persona no map uses is deleted, and the deletion can be undone.
  await tile.locator(sel('duplicate-library-persona')).click();
  const copy = tiles.filter({ hasText: `${NAME} (copy)` });
  await expectVisible(copy);
  await copy.locator(sel('delete-library-persona')).click();
  await eventually(async () => assert.equal(await copy.count(), 0));
  await page.locator(sel('undo-delete-persona')).click();
  await expectVisible(copy);
});

e2e('two personas of the demo compared side by side: routes, feelings, pain points and curves', async ({ page, open, shot }) => {
  await open();
  const id = await editorMapId(page);
  const map = (await storedEnvelope(page, id)).map;
  const [camille, gerard] = map.personas;
  const laneKind = Object.fromEntries(map.lanes.map((l) => [l.id, l.kind]));
  // A Doing card of each persona's own.
  const ownDoing = (p) => map.cards.find((c) => c.persona === p.id && laneKind[c.lane] === 'doing');
  const [camilleCard, gerardCard] = [ownDoing(camille), ownDoing(gerard)];
  assert.ok(camilleCard && gerardCard, 'the demo has cards of each persona');

  await page.locator(sel('tab-compare')).click();
  const view = page.locator(sel('persona-comparison'));
  await expectVisible(view.locator(sel('persona-compare')));
  const group = (p) => view.locator(`${sel('compare-persona')}[data-persona-id="${p.id}"]`);
  await expectText(group(camille), camille.name);
  await expectText(group(gerard), gerard.name);
  const doing = (p) => group(p).locator(`${sel('compare-row')}[data-aspect="Doing"]`);
  await expectText(doing(camille), camilleCard.text);
  await expectText(doing(gerard), gerardCard.text);
  assert.ok(!(await doing(camille).innerText()).includes(gerardCard.text), "Gérard's own card is not on Camille's route");
  assert.ok(!(await doing(gerard).innerText()).includes(camilleCard.text), "Camille's own card is not on Gérard's route");
  // Feelings as face and words, per persona.
  const feelings = (p) => group(p).locator(sel('compare-emotion'));
  assert.equal(await feelings(camille).count(), map.stages.length);
  const words = /Delighted|Satisfied|Neutral|Confused|Frustrated/;
  await expectText(feelings(camille).nth(2), words);
  assert.notEqual(await feelings(camille).nth(2).innerText(), await feelings(gerard).nth(2).innerText(), 'they feel differently at the third stage');
  await expectVisible(group(camille).locator(`${sel('compare-row')}[data-aspect="PainPoints"]`));
  // The curves: one line per persona, and the same data as a table.
  const chart = view.locator(sel('chart-persona-curves'));
  await expectVisible(chart.locator('svg'));
  const headers = await chart.locator('table th').allTextContents();
  assert.deepEqual(headers.slice(1), [`${camille.name} (Today)`, `${gerard.name} (Today)`], "today's feelings, one column per persona");
  assert.deepEqual(await violations(page), [], 'persona comparison');
  await shot('persona-comparison');

  // One persona only: the view asks for a second.
  await view.locator(`${sel('compare-pick')}[data-persona-id="${gerard.id}"]`).uncheck();
  await expectVisible(view.locator(sel('compare-pick-more')));
  await view.locator(`${sel('compare-pick')}[data-persona-id="${gerard.id}"]`).check();
  await expectVisible(group(gerard));

  // The map tab is back as it was.
  await page.locator(sel('tab-map')).click();
  await expectVisible(page.locator(sel('lane')).first());
});

e2e('the persona library and the comparison are axe-clean in French and dark mode', { locale: 'fr-FR' }, async ({ page, open, shot }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open();
  await page.locator(sel('tab-compare')).click();
  await expectVisible(page.locator(sel('persona-compare')));
  assert.deepEqual(await violations(page), [], 'comparison (fr, dark)');
  await shot('comparison-fr-dark');
  await openPersonaLibrary(page, open);
  await page.locator(sel('edit-library-persona')).first().click();
  await expectVisible(page.locator(sel('persona-form')));
  await expectText(page.locator(sel('persona-library')), 'Bibliothèque de personas');
  assert.deepEqual(await violations(page), [], 'persona library (fr, dark)');
  await shot('persona-library-fr-dark');
});

e2e('a persona renamed in a map reaches the library, even when the map is left at once', async ({ page, open }) => {
  await open();
  const panel = page.locator(sel('personas'));
  await panel.locator('summary').click();
  const name = panel.locator(sel('persona')).first().locator(sel('persona-name'));
  await name.fill('Camille, renamed in the map');
  // Left before the library's write (which waits for typing to pause).
  await page.locator(sel('back')).click();
  await expectVisible(page.locator(sel('library')));
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('parcours.personas')));
  assert.ok(stored.personas.some((p) => p.name === 'Camille, renamed in the map'), 'the library has the new name');
});
