// End-to-end tests of sharing maps as files: export, then open the file in
// another browser profile; bad files refused; a map already there opened as a
// copy. Run: node --test tests/e2e/
import {
  e2e,
  assert,
  sel,
  newSession,
  eventually,
  expectVisible,
  expectText,
  editorMapId,
  storedEnvelope,
  downloadText,
  waitSaved,
  storage,
} from './harness.mjs';

/** Click an export of the editor's "More formats" menu and return the download. */
async function exportFromMenu(page, testid) {
  await page.locator(`${sel('export-menu')} summary`).click();
  return downloadText(page, page.locator(sel(testid)));
}

const asFile = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** Another browser profile, nothing shared with the first, on its library. */
async function freshProfile() {
  const other = await newSession();
  // Its first visit opens the demo; then back to its library.
  await other.open();
  await other.open('#/');
  await expectVisible(other.page.locator(sel('library')));
  return other;
}

e2e('a map exported from one browser opens, the same, in a fresh one', async ({ page, open, shot }) => {
  await open();
  const id = await editorMapId(page);
  await page.locator(sel('map-title')).fill('Livraison — copie partagée');
  await waitSaved(page);
  const { text, name } = await downloadText(page, page.locator(sel('download-map')));
  assert.match(name, /\.json$/);
  assert.match(text, /^\{\n {2}"format": "parcours\.map",\n {2}"version": 8,/, 'pretty-printed, in its envelope');
  const exported = JSON.parse(text);

  // Another profile: nothing of the first one.
  const other = await freshProfile();
  try {
    const page2 = other.page;
    await page2.locator(sel('open-map-file')).setInputFiles(asFile(name, text));
    await expectVisible(page2.locator(sel('editor')));
    assert.equal(await editorMapId(page2), id, 'the map keeps its id');
    assert.equal(await page2.locator(sel('map-title')).inputValue(), 'Livraison — copie partagée');
    const stored = await storedEnvelope(page2, id);
    assert.deepEqual(stored.map, exported.map, 'the same map, item for item');
    await shot('opened-in-fresh-profile', page2);
    assert.deepEqual(other.problems, []);
  } finally {
    await other.context.close();
  }
});

e2e('bad map files are refused with what and where, and the library is unchanged', async ({ page, open }) => {
  await open();
  const id = await editorMapId(page);
  const good = (await storedEnvelope(page, id)).map;
  await open('#/');
  const before = await storage(page);
  const input = page.locator(sel('open-map-file'));
  const stages = good.stages.map((s) => s.id);
  const dup = { format: 'parcours.map', version: 2, revision: 1, map: { ...good, id: 'other', stages: good.stages.map((s) => ({ ...s, id: stages[0] })) } };
  const cases = [
    ['truncated.json', JSON.stringify({ format: 'parcours.map', version: 2, map: good }).slice(0, 300), /not valid JSON at line 1/],
    ['newer.json', JSON.stringify({ format: 'parcours.map', version: 99, map: {} }), /newer Parcours \(format version 99\)/],
    ['other-kind.json', JSON.stringify({ format: 'something.else', version: 1 }), /"something\.else" file, not a Parcours map/],
    ['duplicate-ids.json', JSON.stringify(dup), /map\.stages\[1\]\.id/],
  ];
  for (const [name, text, why] of cases) {
    await input.setInputFiles(asFile(name, text));
    const notice = page.locator(`${sel('notice')}[data-kind="save-error"]`).last();
    await expectText(notice, new RegExp(`${name.replace('.', '\\.')} — Not opened, your library is unchanged: .*${why.source}`));
    await notice.locator('button.dismiss').click();
  }
  await expectVisible(page.locator(sel('library')));
  assert.deepEqual(await storage(page), before, 'nothing stored, nothing changed');
});

e2e('a copy of a map already here is offered as a merge, or kept apart as a copy', async ({ page, open }) => {
  await open();
  const id = await editorMapId(page);
  const { text, name } = await downloadText(page, page.locator(sel('download-map')));
  await page.locator(sel('map-title')).fill('Changed here after the export');
  await waitSaved(page);
  await open('#/');
  await page.locator(sel('open-map-file')).setInputFiles(asFile(name, text));
  // The map itself opens, with the merge offered; nothing changed yet.
  await expectVisible(page.locator(sel('merge-panel')));
  assert.equal(await editorMapId(page), id);
  await expectText(page.locator(sel('merge-summary')), /nothing that this map does not already have/);
  await page.locator(sel('merge-as-copy')).click();
  await eventually(async () => assert.notEqual(await editorMapId(page), id));
  const copyId = await editorMapId(page);
  await eventually(async () => {
    assert.equal((await storedEnvelope(page, id)).map.title, 'Changed here after the export', 'the original is untouched');
    assert.deepEqual((await storedEnvelope(page, copyId)).map, { ...JSON.parse(text).map, id: copyId });
  });
});

e2e('two browsers edit one map apart, exchange files and merge, one conflict settled', async ({ page, open, shot }) => {
  await open();
  const id = await editorMapId(page);
  const origin = await downloadText(page, page.locator(sel('download-map')));

  // A teammate's browser gets the map, renames a stage and the map.
  const other = await freshProfile();
  try {
    const page2 = other.page;
    await page2.locator(sel('open-map-file')).setInputFiles(asFile(origin.name, origin.text));
    await expectVisible(page2.locator(sel('editor')));
    assert.equal(await editorMapId(page2), id);
    await page2.locator(sel('stage-name')).first().fill('Stage renamed there');
    await page2.locator(sel('map-title')).fill('Title from there');
    await waitSaved(page2);
    const theirs = await downloadText(page2, page2.locator(sel('download-map')));

    // Meanwhile, here: the same title changed otherwise, and a department.
    await page.locator(sel('map-title')).fill('Title from here');
    await page.locator(sel('touchpoint-department')).first().fill('Department from here');
    await waitSaved(page);

    await open('#/');
    await page.locator(sel('open-map-file')).setInputFiles(asFile('teammate.json', theirs.text));
    const panel = page.locator(sel('merge-panel'));
    await expectVisible(panel);
    await expectText(panel.locator(sel('merge-summary')), /^Changes from the file that merge by themselves: 1$/);
    const conflict = panel.locator(sel('merge-conflict'));
    assert.equal(await conflict.count(), 1, 'one conflict: the title');
    await expectText(conflict, /Map — title/);
    await expectText(conflict, /In this browser:\s*Title from here/);
    await expectText(conflict, /In the file:\s*Title from there/);
    assert.ok(await conflict.locator(sel('merge-ours')).isChecked(), 'ours until the user says');
    // Until the user merges, nothing changed.
    assert.equal(await page.locator(sel('map-title')).inputValue(), 'Title from here');
    await shot('merge-conflict');
    await conflict.locator(sel('merge-theirs')).check();
    await panel.locator(sel('merge-apply')).click();
    await expectText(page.locator(`${sel('notice')}[data-kind="info"]`).last(), /Merged: teammate\.json — changes taken: 1, conflicts settled: 1\./);
    await eventually(async () => assert.equal(await page.locator(sel('merge-panel')).count(), 0, 'the panel closes'));
    assert.equal(await page.locator(sel('map-title')).inputValue(), 'Title from there');
    assert.equal(await page.locator(sel('stage-name')).first().inputValue(), 'Stage renamed there');
    assert.equal(await page.locator(sel('touchpoint-department')).first().inputValue(), 'Department from here');
    await waitSaved(page);

    // One undoable step.
    await page.locator(sel('map-title')).press('Control+z');
    await eventually(async () => assert.equal(await page.locator(sel('map-title')).inputValue(), 'Title from here'));
    const firstStage = JSON.parse(origin.text).map.stages[0].name;
    assert.equal(await page.locator(sel('stage-name')).first().inputValue(), firstStage, 'the merge undone whole');
    await page.locator(sel('map-title')).press('Control+Shift+z');
    await eventually(async () => assert.equal(await page.locator(sel('map-title')).inputValue(), 'Title from there'));
    await waitSaved(page);

    // Back to the teammate: everything merges by itself, nothing asked again.
    const merged = await downloadText(page, page.locator(sel('download-map')));
    await page2.goto(page2.url().replace(/#.*/, '#/'));
    await expectVisible(page2.locator(sel('library')));
    await page2.locator(sel('open-map-file')).setInputFiles(asFile('merged.json', merged.text));
    const panel2 = page2.locator(sel('merge-panel'));
    await expectVisible(panel2);
    assert.equal(await panel2.locator(sel('merge-conflict')).count(), 0);
    await panel2.locator(sel('merge-apply')).click();
    await eventually(async () => {
      assert.equal(await page2.locator(sel('map-title')).inputValue(), 'Title from there');
      assert.equal(await page2.locator(sel('touchpoint-department')).first().inputValue(), 'Department from here');
    });
    await waitSaved(page2);
    const here = (await storedEnvelope(page, id)).map;
    const there = (await storedEnvelope(page2, id)).map;
    for (const part of ['title', 'stages', 'lanes', 'cards', 'touchpoints', 'personas', 'emotions']) {
      assert.deepEqual(there[part], here[part], `both browsers hold the same ${part}`);
    }
    assert.deepEqual(other.problems, []);
  } finally {
    await other.context.close();
  }
});

e2e('the whole library backed up as one file comes back in a fresh browser', async ({ page, open }) => {
  await open();
  const demoId = await editorMapId(page);
  await open('#/');
  await page.locator(sel('new-blank')).click();
  const blankId = await editorMapId(page);
  await page.locator(sel('map-title')).fill('Second map, for the backup');
  await waitSaved(page);
  // A template and the persona library travel with the maps.
  await page.locator(`${sel('export-menu')} summary`).click();
  await page.locator(sel('save-template')).click();
  await open('#/');
  const { text, name } = await downloadText(page, page.locator(sel('backup-library')));
  assert.equal(name, 'parcours-backup.json');
  const backup = JSON.parse(text);
  assert.equal(backup.format, 'parcours.library');
  assert.equal(backup.maps.length, 2);
  assert.equal(backup.templates.length, 1);
  assert.equal(backup.personas.personas.length, 2, "the demo's two personas");

  const other = await freshProfile();
  try {
    const page2 = other.page;
    await page2.locator(sel('open-map-file')).setInputFiles(asFile(name, text));
    await expectText(page2.locator(`${sel('notice')}[data-kind="info"] .notice-body`).last(), /Restored from parcours-backup\.json: 2\/2 maps, 1 template\(s\), 2 personas added to the library$/);
    await page2.locator(`${sel('templates')} summary`).click();
    await expectText(page2.locator(sel('template')), 'Second map, for the backup');
    for (const id of [demoId, blankId]) {
      assert.deepEqual((await storedEnvelope(page2, id)).map, (await storedEnvelope(page, id)).map);
    }
    await expectVisible(page2.locator(`${sel('map-row')}[data-map-id="${blankId}"]`));
    // The same backup again: nothing replaced, two copies beside.
    await page2.locator(sel('open-map-file')).setInputFiles(asFile(name, text));
    await expectText(page2.locator(`${sel('notice')}[data-kind="info"] .notice-body`).last(), /2\/2 maps — 2 already here, opened as copies/);
    await eventually(async () => assert.equal(await page2.locator(sel('map-row')).count(), 5, 'its own demo, two maps, two copies'));
    assert.deepEqual(other.problems, []);
  } finally {
    await other.context.close();
  }
});

e2e('touchpoints and actions exported as CSV for the spreadsheet of the language', { locale: 'fr-FR' }, async ({ page, open }) => {
  await open();
  const id = await editorMapId(page);
  const map = (await storedEnvelope(page, id)).map;
  const { text, name } = await exportFromMenu(page, 'export-touchpoints-csv');
  assert.match(name, /points-de-contact\.csv$/);
  assert.equal(text.charCodeAt(0), 0xfeff, 'a BOM, so that Excel reads the accents');
  const lines = text.slice(1).split('\r\n');
  assert.match(lines[0], /^Étape;Point de contact;Canal;En ligne;/, 'semicolons in French');
  assert.equal(lines.filter(Boolean).length, map.touchpoints.length + 1, 'one row per touchpoint');
  const first = map.touchpoints.find((t) => t.stage === map.stages[0].id);
  assert.ok(lines[1].includes(first.name), `${lines[1]} names ${first.name}`);
  assert.match(text, /;-?\d+,\d;/, 'decimal commas');

  const actions = await exportFromMenu(page, 'export-actions-csv');
  assert.match(actions.text.slice(1).split('\r\n')[0], /^Action;Responsable;Statut;/);
});

e2e('Mermaid: a map written as a journey diagram, and a journey read as a new map', async ({ page, open, shot }) => {
  await open();
  const id = await editorMapId(page);
  const map = (await storedEnvelope(page, id)).map;
  const { text, name } = await exportFromMenu(page, 'export-mermaid');
  assert.match(name, /\.mmd$/);
  assert.ok(text.startsWith(`journey\n    title ${map.title}\n`), text.slice(0, 80));
  const sections = text.split('\n').filter((l) => l.startsWith('    section ')).map((l) => l.slice(12));
  assert.deepEqual(sections, map.stages.map((s) => s.name));

  await open('#/');
  const page_ = '# Team wiki\n\n```mermaid\njourney\n  title Onboarding\n  section Sign up\n    Fills the form: 2: Ana, Bo\n  section First use\n    Finds the menu: 4: Ana\n```\n';
  await page.locator(sel('open-map-file')).setInputFiles({ name: 'wiki.md', mimeType: 'text/markdown', buffer: Buffer.from(page_) });
  await expectVisible(page.locator(sel('editor')));
  assert.equal(await page.locator(sel('map-title')).inputValue(), 'Onboarding');
  const imported = (await storedEnvelope(page, await editorMapId(page))).map;
  assert.deepEqual(imported.stages.map((s) => s.name), ['Sign up', 'First use']);
  assert.deepEqual(imported.personas.map((p) => p.name), ['Ana', 'Bo']);
  await shot('mermaid-imported');

  await open('#/');
  await page.locator(sel('open-map-file')).setInputFiles({ name: 'broken.mmd', mimeType: 'text/plain', buffer: Buffer.from('journey\n  section A\n    Task: great: Me\n') });
  await expectText(page.locator(`${sel('notice')}[data-kind="save-error"] .notice-body`).last(), /broken\.mmd — Not opened, your library is unchanged: line 3: the score of "Task" is "great", not a number/);
});

e2e('a share link opens the map read-only in a fresh browser, which can keep a copy', async ({ page, open, shot }) => {
  await open();
  const id = await editorMapId(page);
  await page.locator(sel('map-title')).fill('Shared by link');
  await waitSaved(page);
  await page.locator(sel('share-link')).click();
  const urlBox = page.locator(sel('share-url'));
  await expectVisible(urlBox);
  const url = await urlBox.inputValue();
  assert.match(url, /#\/view\/[A-Za-z0-9_-]+$/, 'the map travels in the fragment');
  const original = (await storedEnvelope(page, id)).map;
  await shot('share-panel');

  const other = await freshProfile();
  try {
    const page2 = other.page;
    const before = await storage(page2);
    await page2.goto(url);
    await expectVisible(page2.locator(sel('shared-map')));
    await expectText(page2.locator(sel('shared-title')), /^Shared by link$/);
    const stages = await page2.locator(sel('view-stage')).allTextContents();
    assert.deepEqual(stages, original.stages.map((s) => s.name));
    assert.equal(await page2.locator(`${sel('shared-map')} textarea, ${sel('shared-map')} input`).count(), 0, 'nothing to edit');
    assert.deepEqual(await storage(page2), before, 'opening a link stores nothing');
    await shot('shared-read-only', page2);

    await page2.locator(sel('save-copy')).click();
    await expectVisible(page2.locator(sel('editor')));
    const copy = (await storedEnvelope(page2, await editorMapId(page2))).map;
    assert.deepEqual(copy, original, 'the copy is the shared map');

    // A damaged link says so, and stores nothing.
    await page2.goto(url.slice(0, -40));
    await expectText(page2.locator(sel('share-error')), /This share link cannot be opened: the link is damaged or cut short/);
    assert.deepEqual(other.problems, []);
  } finally {
    await other.context.close();
  }
});

e2e('in French, a refused file and a broken Mermaid journey say why in French', { locale: 'fr-FR' }, async ({ page, open, shot }) => {
  // A first visit opens the demo; the next one, the library.
  await open();
  await open('#/');
  await expectVisible(page.locator(sel('library')));
  const input = page.locator(sel('open-map-file'));
  const cases = [
    ['newer.json', JSON.stringify({ format: 'parcours.map', version: 99, map: {} }), /un Parcours plus récent \(format version 99\)/],
    ['garbage.json', '{"format": parcours', /JSON non valide ligne 1, colonne \d+/],
    ['journey.mmd', 'journey\n  section Achat\n  Payer: beaucoup: Camille', /ligne 3 : la note de « Payer » est « beaucoup », pas un nombre/],
  ];
  for (const [name, text, why] of cases) {
    await input.setInputFiles(asFile(name, text));
    const notice = page.locator(`${sel('notice')}[data-kind="save-error"]`).last();
    await expectText(notice, why);
    await shot(name);
    await notice.locator('button.dismiss').click();
  }
});

e2e('in French, a stored map set aside says why in French', { locale: 'fr-FR' }, async ({ page, open, shot }) => {
  await open();
  const id = await editorMapId(page);
  await waitSaved(page);
  const raw = '{"format":"parcours.map","version":4,"map":{tru';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`parcours.map.${id}`, raw]);
  await page.reload();
  const notice = page.locator(`${sel('notice')}[data-kind="quarantine"]`).first();
  await expectText(notice, /Raison : JSON non valide ligne 1, colonne \d+/);
  // The map's own page says it was set aside (not "Loading…" for ever, nor
  // "does not exist"); the notice above says why and where its text is.
  await expectText(page.locator('.missing-map'), /Cette carte n'a pas pu être lue : elle a été mise de côté, intacte/);
  await shot('notice');
});
