// Version history and the trash (issue 15): versions kept in IndexedDB when
// a burst of edits ends and when the map is left, signed with the person's
// name; compare one with now, restore it (undoable, the map as it was kept
// first), name it, download it; deleted maps in the library's trash,
// restorable, deleted for good or emptied after asking. English and French,
// light and dark, axe-clean.
import {
  e2e, sel, assert, eventually, expectCount, expectText, expectVisible, editorMapId, waitSaved, downloadText,
} from './harness.mjs';
import { violations } from './axe.mjs';

const panel = (page) => page.locator(sel('history-panel'));
const versions = (page) => page.locator(sel('version'));
const stageName = (page, i) => page.locator(sel('stage-name')).nth(i);
const go = (page, hash) => page.evaluate((h) => { location.hash = h; }, hash);

async function setName(page, name) {
  await page.evaluate((n) => localStorage.setItem('parcours.profile', JSON.stringify({ name: n })), name);
}

/** Rename stage `i`, let it save, then leave the map for the library and come back (in the app, no reload). */
async function editLeaveAndReturn(page, id, name) {
  await stageName(page, 0).fill(name);
  await waitSaved(page);
  await go(page, '#/');
  await expectVisible(page.locator(sel('library')));
  await go(page, `#/map/${id}`);
  await expectVisible(page.locator(sel('editor')));
}

e2e('versions kept when the map is left: compare with now, restore and undo it, name and download one', async ({ page, open, shot }) => {
  await open();
  const id = await editorMapId(page);
  await setName(page, 'Léa Martin');
  const original = await stageName(page, 0).inputValue();
  await editLeaveAndReturn(page, id, 'Discover (v2)');
  await page.locator(sel('history-open')).click();
  await expectVisible(panel(page));
  await expectCount(versions(page), 1);
  await expectText(versions(page).first(), /by Léa Martin/);
  await expectText(versions(page).first(), /on leaving the map/);
  assert.equal(await versions(page).first().getAttribute('data-reason'), 'Left');
  await page.locator(sel('history-close')).click();

  await editLeaveAndReturn(page, id, 'Discover (v3)');
  await page.locator(sel('history-open')).click();
  await expectCount(versions(page), 2);
  // What changed since the version before, in a few words.
  await expectText(versions(page).first(), /on leaving the map · 1 stage renamed/);

  // The older version against now: the first stage was renamed since.
  const older = versions(page).nth(1);
  await older.locator(sel('version-compare')).click();
  const table = older.locator(sel('version-comparison'));
  await expectVisible(table);
  await expectCount(table.locator(`${sel('stage-change')}[data-status="renamed"]`), 1);
  await expectText(table.locator('th', { hasText: 'Feeling then' }), /Feeling then → now/);
  await shot('compare');

  // An edit no version holds yet, then a restore: one undoable step, and
  // the map as it was is kept first (it would not be, were it the newest
  // version already: never two identical versions in a row).
  await stageName(page, 0).fill('Discover (v4)');
  await waitSaved(page);
  await older.locator(sel('version-restore')).click();
  await eventually(async () => (await stageName(page, 0).inputValue()) === 'Discover (v2)');
  await expectText(page.locator(sel('history-said')), /The map is back as it was on/);
  await expectCount(versions(page), 3);
  assert.equal(await versions(page).first().getAttribute('data-reason'), 'BeforeRestore');
  await expectText(versions(page).first(), /before a restore · 1 stage renamed/);
  // Undone from its notice (the panel covers the toolbar), redone from the keyboard.
  await page.locator(sel('history-undo')).click();
  await eventually(async () => (await stageName(page, 0).inputValue()) === 'Discover (v4)');
  await page.keyboard.press('Control+Shift+z');
  await eventually(async () => (await stageName(page, 0).inputValue()) === 'Discover (v2)');

  // Name one; it is kept for good and shown with its name.
  const newest = versions(page).first();
  await newest.locator(sel('version-name-open')).click();
  await newest.locator(sel('version-name-input')).fill('Before the workshop');
  await newest.locator(sel('version-name-save')).click();
  await expectText(page.locator(sel('version-name')), /^Before the workshop$/);

  // Download the first version kept: a map file that reads as it was then.
  const first = versions(page).last();
  const { text, name } = await downloadText(page, first.locator(sel('version-download')));
  const file = JSON.parse(text);
  assert.equal(file.map.id, id);
  assert.equal(file.map.stages[0].name, 'Discover (v2)');
  assert.notEqual(file.map.stages[0].name, original);
  assert.match(name, /\.json$/);

  assert.deepEqual(await violations(page), [], 'the history panel is axe-clean');
  await shot('panel-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await violations(page), [], 'axe-clean in dark mode');
  await shot('panel-dark');
});

e2e('a pause of 30 seconds after an edit keeps a version, with what changed', { timeout: 120_000 }, async ({ page, open }) => {
  await open();
  await page.locator(sel('history-open')).click();
  await expectVisible(page.locator(sel('history-empty')));
  await stageName(page, 1).fill('Compare the offers');
  await waitSaved(page);
  await eventually(async () => (await versions(page).count()) === 1, { timeout: 45_000 });
  assert.equal(await versions(page).first().getAttribute('data-reason'), 'Burst');
});

e2e('en français, en sombre : la corbeille, restaurer, supprimer pour de bon, vider après confirmation', { locale: 'fr-FR' }, async ({ page, open, shot }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open();
  await editorMapId(page);
  await waitSaved(page);
  // The history panel in French.
  await page.locator(sel('history-open')).click();
  await expectText(panel(page).locator('h2'), /^Historique$/);
  await expectText(page.locator(sel('history-empty')), /Aucune version pour l'instant/);
  assert.deepEqual(await violations(page), [], 'the history panel is axe-clean in French, dark');
  await shot('history-fr-dark');
  await go(page, '#/');
  await page.locator(sel('new-blank')).click();
  await expectVisible(page.locator(sel('editor')));
  await waitSaved(page);
  await go(page, '#/');
  const rows = page.locator(sel('map-row'));
  await expectCount(rows, 2);
  const trash = page.locator(sel('trash'));
  const summary = page.locator(sel('trash-summary'));

  // Deleted: in the trash; undone: out of it again.
  await rows.first().locator(sel('delete')).click();
  await expectCount(rows, 1);
  await expectText(summary, /^Corbeille \(1\)$/);
  await page.locator(sel('undo-delete')).click();
  await expectCount(rows, 2);
  await expectCount(trash, 0);

  // Deleted, then restored from the trash.
  const title = await rows.first().locator(sel('open-map')).innerText();
  await rows.first().locator(sel('delete')).click();
  await expectText(summary, /^Corbeille \(1\)$/);
  await summary.click();
  await expectText(page.locator(sel('trash-entry')), new RegExp(`supprimée le .* · part pour de bon le`));
  await page.locator(sel('trash-restore')).click();
  await expectCount(rows, 2);
  await expectCount(trash, 0);
  await expectText(page.locator(sel('notice')).last(), new RegExp(`est de retour dans votre bibliothèque`));
  assert.ok((await rows.allInnerTexts()).some((t) => t.includes(title)));

  // Both deleted; one for good (asked first, a no keeps it), then the trash emptied.
  await rows.first().locator(sel('delete')).click();
  await rows.first().locator(sel('delete')).click();
  await expectCount(rows, 0);
  await expectText(summary, /^Corbeille \(2\)$/);
  await summary.click();
  await page.locator(sel('trash-delete')).first().click();
  await expectText(page.locator(sel('trash-confirm')), /pour de bon .* C'est irréversible/);
  assert.deepEqual(await violations(page), [], 'the trash and its question are axe-clean, in French and dark');
  await shot('trash-fr-dark');
  await page.locator(sel('trash-confirm-no')).click();
  await expectCount(page.locator(sel('trash-entry')), 2);
  await page.locator(sel('trash-delete')).first().click();
  await page.locator(sel('trash-confirm-yes')).click();
  await expectText(summary, /^Corbeille \(1\)$/);
  await page.locator(sel('trash-empty')).click();
  await expectText(page.locator(sel('trash-confirm')), /Supprimer pour de bon les 1 carte/);
  await page.locator(sel('trash-confirm-yes')).click();
  await expectCount(trash, 0);
  // Gone for good: not there when the library is shown again either (read
  // anew from IndexedDB; a reload of an empty library would open the demo).
  // The trash seen empty, the library no longer fetches its part.
  await go(page, '#/personas');
  await go(page, '#/');
  await expectVisible(page.locator(sel('storage-more')));
  await expectCount(trash, 0);
  await page.locator(sel('storage-more')).click();
  await expectVisible(page.locator(sel('storage-details')));
  await expectCount(trash, 0);
  // The storage meter says what the browser promised, in French.
  await expectText(page.locator(sel('storage-details')), /navigateur/);
  await shot('storage-fr-dark');
});
