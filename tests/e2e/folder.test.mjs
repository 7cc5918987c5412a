// A team on one shared folder (issue 15): two browser profiles on one real
// directory on disk, through the stand-in folder picker of shared_folder.mjs.
import { mkdtemp, readdir, readFile, rename, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  e2e, newSession, waitAppReady, sel, assert, eventually, expectCount, expectText, expectVisible,
  editorMapId, waitSaved, WAIT,
} from './harness.mjs';
import { useFolder } from './shared_folder.mjs';
import { violations } from './axe.mjs';

/** Within a few watch periods (the watch looks every 3 s). */
const SYNC = { timeout: 20_000 };
const mapFiles = async (dir) => (await readdir(dir)).filter((n) => n.endsWith('.parcours.json')).sort();
const banner = (page) => page.locator(sel('folder-banner'));
const bannerState = (page) => banner(page).getAttribute('data-state');
const stageName = (page, i) => page.locator(sel('stage-name')).nth(i);

/** A first visit (the demo map), then the library. */
async function toLibrary(page, open) {
  await open();
  await editorMapId(page);
  await waitSaved(page);
  await open('#/');
  await expectVisible(page.locator(sel('library')));
}

/** Alice puts her demo map in a new shared folder; Bob, on another profile, opens it from there. */
async function twoOnOneFolder({ context, page, open, shot }) {
  const dir = await mkdtemp(join(tmpdir(), 'parcours-folder-'));
  const aliceDrive = await useFolder(context, dir);
  await toLibrary(page, open);
  await page.locator(sel('folder-connect')).click();
  await expectText(page.locator(sel('folder-status')), /0 map/);
  // Connected for writing: the section asks for the name that signs her saves.
  await page.locator(sel('your-name-input')).fill('  Alice Martin ');
  await page.locator(sel('your-name-save')).click();
  await expectText(page.locator(sel('your-name-signed')), /signed “Alice Martin”/);
  await page.locator(sel('folder-add')).click();
  await eventually(async () => (await mapFiles(dir)).length === 1);
  await expectCount(page.locator(sel('folder-map')), 1);
  // The only map of this browser is in the folder now: nothing left to add.
  await expectCount(page.locator(sel('folder-add')), 0);
  const [file] = await mapFiles(dir);
  const id = JSON.parse(await readFile(join(dir, file), 'utf8')).map.id;

  const bob = await newSession();
  const bobDrive = await useFolder(bob.context, dir);
  await toLibrary(bob.page, bob.open);
  await bob.page.locator(sel('folder-connect')).click();
  await expectCount(bob.page.locator(sel('folder-map')), 1);
  // A name is one line: refused with the reason, then a hostile one stays text.
  await bob.page.locator(sel('your-name-save')).click();
  await expectText(bob.page.locator(`${sel('your-name')} [role=alert]`), /cannot be empty/);
  await shot('bob-name-refused', bob.page);
  await bob.page.locator(sel('your-name-input')).fill('<b>Bob</b>');
  await bob.page.locator(sel('your-name-save')).click();
  await expectText(bob.page.locator(sel('your-name-signed')), /“<b>Bob<\/b>”/);
  await bob.page.locator(sel('folder-open')).click();
  assert.equal(await editorMapId(bob.page), id, 'Bob works on the folder\'s map');
  await eventually(async () => (await bannerState(bob.page)) === 'in-step', SYNC);

  await open(`#/map/${id}`);
  await eventually(async () => (await bannerState(page)) === 'in-step', SYNC);
  return { dir, file, id, bob, aliceDrive, bobDrive };
}

async function closeBob(bob) {
  await bob.context.close();
  assert.deepEqual(bob.problems, [], 'no console errors in the second profile');
}

e2e('two people edit one folder map at once and both end with every edit', async (s) => {
  const { page, shot } = s;
  const { dir, file, bob } = await twoOnOneFolder(s);
  try {
    await Promise.all([
      stageName(page, 0).fill('Découverte (Alice)'),
      stageName(bob.page, 1).fill('Comparaison (Bob)'),
    ]);
    await eventually(async () => (await stageName(page, 1).inputValue()) === 'Comparaison (Bob)', SYNC);
    await eventually(async () => (await stageName(bob.page, 0).inputValue()) === 'Découverte (Alice)', SYNC);
    // Both edits are in the file too, and each saw in words what came in.
    await eventually(async () => {
      const text = await readFile(join(dir, file), 'utf8');
      return text.includes('Découverte (Alice)') && text.includes('Comparaison (Bob)');
    }, SYNC);
    await expectText(page.locator(sel('folder-brought')), /stage/);
    // Who changed it: the file Alice took was saved, and signed, by Bob.
    await expectText(page.locator(sel('folder-brought')), /<b>Bob<\/b>('s changes| changed)/);
    assert.equal(await page.locator(`${sel('folder-brought')} b`).count(), 0, 'the name is text, not markup');
    const saved = JSON.parse(await readFile(join(dir, file), 'utf8'));
    assert.ok(['Alice Martin', '<b>Bob</b>'].includes(saved.saved_by), `the file is signed: ${saved.saved_by}`);
    await shot('alice-after-bob');
    // The folder's change is one undoable step.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await eventually(async () => (await stageName(page, 1).inputValue()) !== 'Comparaison (Bob)');
    await page.keyboard.press('Control+Shift+z');
    await eventually(async () => (await stageName(page, 1).inputValue()) === 'Comparaison (Bob)');
    assert.deepEqual(await violations(page), [], 'the banner is axe-clean');
  } finally {
    await closeBob(bob);
  }
});

/** Add a comment on the open map through the comments' panel. */
async function comment(page, text) {
  if (!(await page.locator(sel('comments-panel')).isVisible())) await page.locator(sel('comments-open')).click();
  await page.locator(sel('comment-text')).fill(text);
  await page.locator(sel('comment-add')).click();
}

e2e('two people commenting at once both keep their comments, and a reply reaches the other', async (s) => {
  const { page } = s;
  const { dir, file, bob } = await twoOnOneFolder(s);
  try {
    await Promise.all([comment(page, 'Alice: relire la livraison'), comment(bob.page, 'Bob: et le retour ?')]);
    const texts = (p) => p.locator(sel('comment-text-shown')).allTextContents();
    for (const p of [page, bob.page]) {
      await eventually(async () => (await texts(p)).sort().join('|') === 'Alice: relire la livraison|Bob: et le retour ?', SYNC);
    }
    // Bob answers Alice's comment; the reply reaches her, signed.
    const alices = bob.page.locator(sel('comment')).filter({ hasText: 'Alice: relire' });
    await alices.locator(sel('comment-reply-text')).fill('Oui, jeudi');
    await alices.locator(sel('comment-reply')).click();
    await eventually(async () => (await page.locator(sel('comment-reply-shown')).allTextContents()).join('').includes('Oui, jeudi'), SYNC);
    await expectText(page.locator(sel('comment-reply-shown')).first(), /<b>Bob<\/b>/);
    await eventually(async () => JSON.parse(await readFile(join(dir, file), 'utf8')).map.comments?.length === 2, SYNC);
  } finally {
    await closeBob(bob);
  }
});

e2e('a conflict made while one drive was away is settled in the merge, and reaches the other', async (s) => {
  const { page, shot } = s;
  const { dir, file, bob } = await twoOnOneFolder(s);
  try {
    await bob.page.evaluate(() => { window.__folderOffline = true; });
    await stageName(bob.page, 0).fill('Version de Bob');
    await waitSaved(bob.page);
    await eventually(async () => (await bannerState(bob.page)) === 'unreachable', SYNC);
    await expectText(bob.page.locator(sel('folder-banner-message')), /cannot be reached/);
    await stageName(page, 0).fill('Version d’Alice');
    await eventually(async () => (await readFile(join(dir, file), 'utf8')).includes('Version d’Alice'), SYNC);
    // The drive is back: the same stage changed on both sides.
    await bob.page.evaluate(() => { window.__folderOffline = false; });
    await expectVisible(bob.page.locator(sel('merge-panel')), SYNC.timeout);
    assert.equal(await bannerState(bob.page), 'conflict');
    assert.ok(!(await readFile(join(dir, file), 'utf8')).includes('Version de Bob'), 'nothing written before the choice');
    await shot('bob-conflict', bob.page);
    await bob.page.locator(sel('merge-theirs')).first().check();
    await bob.page.locator(sel('merge-apply')).click();
    await eventually(async () => (await stageName(bob.page, 0).inputValue()) === 'Version d’Alice');
    // Bob keeps Alice's name; his other edits stay. Now Bob picks his own on another stage.
    await stageName(bob.page, 2).fill('Choix (Bob)');
    await eventually(async () => (await stageName(page, 2).inputValue()) === 'Choix (Bob)', SYNC);
    await eventually(async () => (await bannerState(bob.page)) === 'in-step', SYNC);
  } finally {
    await closeBob(bob);
  }
});

e2e('broken and copied files are listed with the reason; a read-only file, a renamed file and a read-only folder lose nothing', async (s) => {
  const { page, open, shot } = s;
  const { dir, file, id, bob, aliceDrive } = await twoOnOneFolder(s);
  await closeBob(bob);
  // Someone drops a broken file and a copy of the map in the folder.
  await writeFile(join(dir, 'notes.parcours.json'), '{ "format": "parcours", oops');
  await copyFile(join(dir, file), join(dir, 'copie.parcours.json'));
  await open('#/');
  await expectCount(page.locator(sel('folder-map')), 1);
  await expectCount(page.locator(sel('folder-problem-file')), 2);
  await expectText(page.locator(`${sel('folder-problem-file')}[data-file="copie.parcours.json"]`), /same map as/);
  await expectText(page.locator(`${sel('folder-problem-file')}[data-file="notes.parcours.json"]`), /\S/);
  await shot('library-with-folder');
  await rm(join(dir, 'copie.parcours.json'));

  // The share refuses writes to the map's file: edits stay in this browser.
  const before = await readFile(join(dir, file), 'utf8');
  aliceDrive.readOnlyFiles.add(file);
  await open(`#/map/${id}`);
  await stageName(page, 0).fill('Pas écrit');
  await eventually(async () => (await bannerState(page)) === 'read-only', SYNC);
  assert.equal(await readFile(join(dir, file), 'utf8'), before, 'a read-only file is not written');
  await expectVisible(page.locator(sel('folder-save-copy')));
  aliceDrive.readOnlyFiles.clear();

  // Someone renames the file: Parcours follows it under its new name.
  await rename(join(dir, file), join(dir, 'renamed.parcours.json'));
  await stageName(page, 0).fill('Après le renommage');
  await expectText(page.locator(sel('folder-renamed')), /renamed\.parcours\.json/, SYNC);
  await expectText(banner(page), /as renamed\.parcours\.json/);
  await eventually(async () => (await readFile(join(dir, 'renamed.parcours.json'), 'utf8')).includes('Après le renommage'), SYNC);
  assert.deepEqual(await mapFiles(dir), ['notes.parcours.json', 'renamed.parcours.json']);

  // Someone deletes it: the map stays here and nothing is written, until asked.
  await rm(join(dir, 'renamed.parcours.json'));
  await stageName(page, 0).fill('Après la suppression');
  await eventually(async () => (await bannerState(page)) === 'gone', SYNC);
  assert.deepEqual(await mapFiles(dir), ['notes.parcours.json']);
  await shot('file-gone');
  await page.locator(sel('folder-write-again')).click();
  await eventually(async () => (await readFile(join(dir, 'renamed.parcours.json'), 'utf8').catch(() => '')).includes('Après la suppression'), SYNC);
  assert.equal(await readFile(join(dir, 'notes.parcours.json'), 'utf8'), '{ "format": "parcours", oops', 'a broken file is never written over');

  // Carol's browser may only read the folder: in French, read-only, with a copy to keep.
  const carol = await newSession({ locale: 'fr-FR' });
  try {
    await useFolder(carol.context, dir, { readOnly: true });
    await toLibrary(carol.page, carol.open);
    await carol.page.locator(sel('folder-connect')).click();
    await expectVisible(carol.page.locator(sel('folder-read-only')));
    await expectText(carol.page.locator(sel('folder-read-only')), /lecture seule/);
    await carol.page.locator(`${sel('folder-map')}[data-file="renamed.parcours.json"] ${sel('folder-open')}`).click();
    await expectVisible(carol.page.locator(sel('folder-viewing')));
    await expectText(carol.page.locator(sel('folder-viewing')), /Après la suppression/);
    assert.deepEqual(await violations(carol.page), [], 'the folder section is axe-clean');
    await shot('carol-read-only-fr', carol.page);
    const rows = carol.page.locator(sel('map-row'));
    const n = await rows.count();
    await carol.page.locator(sel('folder-save-copy')).click();
    await expectCount(rows, n + 1);
  } finally {
    await carol.context.close();
    assert.deepEqual(carol.problems, [], 'no console errors in the read-only profile');
  }
});

e2e('a browser without folder access says so in one line and reads a folder once, read-only', async ({ context, page, open, shot }) => {
  const dir = await mkdtemp(join(tmpdir(), 'parcours-once-'));
  // Firefox and Safari have no showDirectoryPicker.
  await context.addInitScript(() => {
    delete Window.prototype.showDirectoryPicker;
    delete window.showDirectoryPicker;
  });
  await toLibrary(page, open);
  const id = await page.locator(sel('map-row')).first().getAttribute('data-map-id');
  const envelope = await page.evaluate((key) => localStorage.getItem(key), `parcours.map.${id}`);
  await writeFile(join(dir, 'parcours-demo.parcours.json'), envelope);
  await writeFile(join(dir, 'vide.parcours.json'), '');
  await writeFile(join(dir, 'notes.txt'), 'not a map');
  await expectText(page.locator(sel('folder')), /cannot connect a shared folder/);
  await page.locator(sel('folder-connect')).click();
  await page.locator(sel('folder-read-once')).setInputFiles(dir);
  await expectCount(page.locator(sel('folder-map')), 1);
  await expectCount(page.locator(sel('folder-problem-file')), 1);
  await expectText(page.locator(sel('folder-status')), /read once: 1 map/);
  await page.locator(sel('folder-open')).click();
  await expectVisible(page.locator(sel('folder-viewing')));
  await shot('read-once');
  assert.deepEqual(await violations(page), [], 'axe-clean');
});
