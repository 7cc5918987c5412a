// End-to-end tests of a shared folder (issue 15): two browser profiles on one
// real directory on disk, through a stand-in for the folder picker
// (./shared_folder.mjs; the app's code is the code users run).
import { mkdtemp, readdir, readFile, writeFile, chmod, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  e2e,
  assert,
  sel,
  newSession,
  eventually,
  expectVisible,
  expectText,
  editorMapId,
  waitSaved,
} from './harness.mjs';
import { installFolder } from './shared_folder.mjs';
import { violations } from './axe.mjs';

/** The poll is 3 s: a teammate's save shows within that, plus a save. */
const SYNC = 15_000;

const mapFiles = async (dir) => (await readdir(dir)).filter((n) => n.endsWith('.parcours.json'));

/** Connect the folder from the library (the stand-in answers the picker). */
async function connect(page) {
  await page.locator(sel('folder-connect')).click();
  await expectVisible(page.locator(sel('folder-name')));
}

/** A profile with the demo map, at its library, with `dir` as its shared drive. */
async function profile(dir, options = {}, session = null) {
  const s = session ?? (await newSession(options));
  await installFolder(s.context, dir, options);
  await s.open();
  await editorMapId(s.page);
  await s.open('#/');
  await expectVisible(s.page.locator(sel('library')));
  return s;
}

const stageName = (page, n) => page.locator(sel('stage-name')).nth(n);

async function rename_stage(page, n, name) {
  await stageName(page, n).fill(name);
  await waitSaved(page);
}

e2e('two people on one shared folder both keep every edit; a conflict is settled in the merge', async (session) => {
  const dir = await mkdtemp(join(tmpdir(), 'parcours-folder-'));
  const camille = await profile(dir, {}, session);
  const { page, shot } = session;
  await connect(page);
  await expectText(page.locator(sel('folder-name')), /Équipe CX.*0 map/);
  // Camille adds her demo map to the folder: one file, in the export format.
  await page.locator(sel('folder-add-map')).selectOption({ index: 1 });
  await page.locator(sel('folder-add')).click();
  await expectText(page.locator(sel('folder-name')), /1 map/);
  const [file] = await mapFiles(dir);
  assert.match(file, /\.parcours\.json$/);
  const written = JSON.parse(await readFile(join(dir, file), 'utf8'));
  assert.equal(written.format, 'parcours.map');
  const axeLibrary = await violations(page);
  assert.deepEqual(axeLibrary, [], 'the folder section is axe-clean');
  await shot('library-with-folder');

  // Léa, on another machine (another profile), connects the same folder and opens the map.
  const lea = await newSession();
  try {
    await profile(dir, {}, lea);
    await connect(lea.page);
    await lea.page.locator(sel('folder-map')).locator('button').click();
    await expectVisible(lea.page.locator(sel('folder-banner')));
    await expectText(lea.page.locator(sel('folder-status')), /in step/);
    const id = await editorMapId(lea.page);
    assert.equal(id, written.map.id, 'the same map');

    await page.locator(sel('open-map')).first().click();
    await expectVisible(page.locator(sel('folder-banner')));
    assert.equal(await editorMapId(page), id);

    // Both edit at the same moment, different stages.
    await Promise.all([rename_stage(page, 0, 'Découvrir (Camille)'), rename_stage(lea.page, 2, 'Payer (Léa)')]);
    for (const p of [page, lea.page]) {
      await eventually(async () => {
        assert.equal(await stageName(p, 0).inputValue(), 'Découvrir (Camille)');
        assert.equal(await stageName(p, 2).inputValue(), 'Payer (Léa)');
      }, { timeout: SYNC });
    }
    await expectText(page.locator(sel('notice')).last(), /changed in the folder|Merged with the folder/);
    await shot('both-edits-kept');

    // A true conflict: Léa's drive is offline while both rename stage 2.
    await lea.page.evaluate(() => { window.__folderOffline = true; });
    await rename_stage(lea.page, 1, 'Choisir (Léa)');
    await expectText(lea.page.locator(sel('folder-status')), /cannot be reached/, { timeout: SYNC });
    await rename_stage(page, 1, 'Choisir (Camille)');
    await eventually(async () => {
      const text = await readFile(join(dir, file), 'utf8');
      assert.match(text, /Choisir \(Camille\)/);
    }, { timeout: SYNC });
    await lea.page.evaluate(() => { window.__folderOffline = false; });
    const panel = lea.page.locator(sel('merge-panel'));
    await expectVisible(panel, SYNC);
    await expectText(lea.page.locator(sel('folder-status')), /choose in the merge/);
    await shot('conflict', lea.page);
    await panel.locator(sel('merge-conflict')).first().locator(sel('merge-theirs')).check();
    await panel.locator(sel('merge-apply')).click();
    for (const p of [page, lea.page]) {
      await eventually(async () => {
        assert.equal(await stageName(p, 1).inputValue(), 'Choisir (Camille)');
        assert.equal(await stageName(p, 0).inputValue(), 'Découvrir (Camille)');
        assert.equal(await stageName(p, 2).inputValue(), 'Payer (Léa)');
      }, { timeout: SYNC });
    }
    assert.deepEqual(lea.problems, []);
  } finally {
    await lea.context.close();
  }
  void camille;
});

e2e('un fichier cassé, un fichier en lecture seule, une carte renommée par quelqu’un d’autre (français)', { locale: 'fr-FR' }, async (session) => {
  const dir = await mkdtemp(join(tmpdir(), 'parcours-folder-'));
  await profile(dir, {}, session);
  const { page, shot } = session;
  await connect(page);
  await page.locator(sel('folder-add-map')).selectOption({ index: 1 });
  await page.locator(sel('folder-add')).click();
  await expectText(page.locator(sel('folder-name')), /1 carte/);
  const [file] = await mapFiles(dir);

  // Someone drops a broken file and a copy of the map: listed with the reason, never written over.
  await writeFile(join(dir, 'cassé.parcours.json'), '{"format": "parcours-map", "version": 5, "map": {');
  const copy = await readFile(join(dir, file), 'utf8');
  await writeFile(join(dir, 'zz-copie.parcours.json'), copy);
  await page.locator('.folder-actions button').first().click();
  await expectText(page.locator(sel('folder-problem')).first(), /cassé\.parcours\.json/);
  await expectText(page.locator(sel('folder-problems')).or(page.locator('.folder-problems')), /la même carte que/);
  assert.equal(await readFile(join(dir, 'cassé.parcours.json'), 'utf8'), '{"format": "parcours-map", "version": 5, "map": {');
  await shot('fichiers-illisibles');

  // The file becomes read-only on the share: edits stay in this browser, said so.
  await page.locator(sel('open-map')).first().click();
  await expectText(page.locator(sel('folder-status')), /à jour/);
  await chmod(join(dir, file), 0o444);
  const before = await readFile(join(dir, file), 'utf8');
  await rename_stage(page, 0, 'Modifié en lecture seule');
  await expectText(page.locator(sel('folder-status')), /peut seulement être lu/, { timeout: SYNC });
  assert.equal(await readFile(join(dir, file), 'utf8'), before, 'the read-only file is untouched');
  await chmod(join(dir, file), 0o644);

  // Renamed by someone else: the map stays here, nothing is written, until the user says.
  await page.reload();
  // Back in step first: the edit made while read-only is written now.
  await expectText(page.locator(sel('folder-status')), /à jour/, { timeout: SYNC });
  assert.match(await readFile(join(dir, file), 'utf8'), /Modifié en lecture seule/);
  await rename(join(dir, file), join(dir, 'renommé.parcours.json'));
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expectText(page.locator(sel('folder-status')), /n'est plus dans le dossier/, { timeout: SYNC });
  assert.deepEqual((await mapFiles(dir)).sort(), ['cassé.parcours.json', 'renommé.parcours.json', 'zz-copie.parcours.json']);
  assert.deepEqual(await violations(page), [], 'the banner is axe-clean');
  await shot('fichier-disparu');
  await rename_stage(page, 2, 'Pendant l’absence du fichier');
  assert.deepEqual((await mapFiles(dir)).sort(), ['cassé.parcours.json', 'renommé.parcours.json', 'zz-copie.parcours.json'], 'nothing written meanwhile');
  await page.locator(sel('folder-write-again')).click();
  await eventually(async () => {
    const text = await readFile(join(dir, file), 'utf8');
    assert.match(text, /Pendant l’absence du fichier/, 'written again, with the edit made meanwhile');
  }, { timeout: SYNC });
  await expectText(page.locator(sel('folder-status')), /à jour/);
});

e2e('a folder this browser may only read opens its maps read-only, with a copy to keep', async (session) => {
  const dir = await mkdtemp(join(tmpdir(), 'parcours-folder-'));
  // A map someone else put there.
  const writer = await newSession();
  try {
    await profile(dir, {}, writer);
    await connect(writer.page);
    await writer.page.locator(sel('folder-add-map')).selectOption({ index: 1 });
    await writer.page.locator(sel('folder-add')).click();
    await expectText(writer.page.locator(sel('folder-name')), /1 map/);
  } finally {
    await writer.context.close();
  }
  const [file] = await mapFiles(dir);
  const before = await readFile(join(dir, file), 'utf8');
  await profile(dir, { readOnly: true }, session);
  const { page, shot } = session;
  await connect(page);
  await expectVisible(page.locator(sel('folder-read-only')));
  assert.equal(await page.locator(sel('folder-add')).count(), 0, 'nothing to add to a read-only folder');
  await page.locator(sel('folder-map')).locator('button').click();
  const view = page.locator(sel('folder-read-only-map'));
  await expectVisible(view);
  await expectText(view, /may only be read/);
  await shot('read-only-map');
  await view.locator(sel('folder-save-copy')).click();
  await expectVisible(page.locator(sel('editor')));
  // The copy is this browser's own: not linked to the file (no banner), and
  // under the map's id, so that opening the folder map later merges with it.
  assert.equal(await editorMapId(page), JSON.parse(before).map.id);
  assert.equal(await page.locator(sel('folder-banner')).count(), 0, 'the copy is not the folder file');
  await page.locator(sel('stage-name')).first().fill('Changed in my copy');
  await waitSaved(page);
  assert.equal(await readFile(join(dir, file), 'utf8'), before, 'the folder is untouched');
});
