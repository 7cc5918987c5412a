// End-to-end tests of what comes in from outside (issue 19): map ids the
// address bar must carry, hostile backups, mangled share links, unreadable
// stored values, files too large, addresses not understood.
// Run: node --test tests/e2e/doors.test.mjs
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
  waitSaved,
  waitAppReady,
  storage,
} from './harness.mjs';

const asFile = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
const notices = (page, kind) => page.locator(`${sel('notice')}[data-kind="${kind}"]`);

/** The demo map's envelope as stored, and the library page open again. */
async function demoEnvelope(page, open) {
  await open();
  const id = await editorMapId(page);
  await waitSaved(page);
  const envelope = await storedEnvelope(page, id);
  await open('#/');
  await expectVisible(page.locator(sel('library')));
  return envelope;
}

/** Put `entries` in localStorage and load the app again. */
async function seedAndReload(page, entries, hash = '#/') {
  await page.evaluate((e) => {
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
  }, entries);
  await page.goto(new URL(hash, page.url()).href);
  await page.reload();
  await waitAppReady(page);
}

e2e('a map whose id has a space, a slash, a # and a % opens, edits, reloads and presents', async ({ page, open, shot }) => {
  const envelope = await demoEnvelope(page, open);
  const oddId = 'a b/c#d%e é';
  const file = { ...envelope, map: { ...envelope.map, id: oddId, title: 'Odd id' } };
  await page.locator(sel('open-map-file')).setInputFiles(asFile('odd.json', JSON.stringify(file)));
  await expectVisible(page.locator(sel('editor')));
  await eventually(async () => assert.equal(await editorMapId(page), oddId));
  assert.equal(new URL(page.url()).hash, '#/map/a%20b%2Fc%23d%25e%20%C3%A9', 'the id is percent-encoded');
  // It stays open (the address reads back as the same map), and edits save.
  await page.locator(sel('map-title')).fill('Odd id, edited');
  await waitSaved(page);
  await page.reload();
  await waitAppReady(page);
  assert.equal(await editorMapId(page), oddId, 'a reload opens the same map');
  assert.equal(await page.locator(sel('map-title')).inputValue(), 'Odd id, edited');
  assert.equal((await storedEnvelope(page, oddId)).map.title, 'Odd id, edited');
  // Its row in the library opens it.
  await open('#/');
  const row = page.locator(sel('map-row')).filter({ hasText: 'Odd id, edited' });
  await row.locator(sel('open-map')).click();
  await eventually(async () => assert.equal(await editorMapId(page), oddId));
  await shot('odd-id-editor');
  // Its presentation and report open from their addresses too.
  await page.goto(new URL('#/present/a%20b%2Fc%23d%25e%20%C3%A9/2', page.url()).href);
  await expectVisible(page.locator(sel('presentation')));
  await page.goto(new URL('#/report/a%20b%2Fc%23d%25e%20%C3%A9', page.url()).href);
  await expectVisible(page.locator(sel('report')));
  await expectText(page.locator(sel('report')), 'Odd id, edited');
});

e2e('a hostile backup writes set-aside texts only under the quarantine prefix, and says what it refused', async ({ page, open, shot }) => {
  await demoEnvelope(page, open);
  await page.evaluate(() => localStorage.setItem('parcours.replica', 'mine0001'));
  const before = await storage(page);
  const hostile = {
    format: 'parcours.library',
    version: 1,
    exported: 1,
    maps: [],
    set_aside: [
      { key: 'parcours.replica', text: 'evil0001' },
      { key: 'parcours.branding', text: '{"organisation":"Evil Corp"}' },
      { key: 'parcours.lang', text: 'fr' },
      { key: 'hidden.key', text: 'x'.repeat(200_000) },
      { key: 'parcours.template.t1', text: '{broken template' },
      { key: 'parcours.quarantine.old.5', text: 'kept aside' },
    ],
  };
  await page.locator(sel('open-map-file')).setInputFiles(asFile('hostile-backup.json', JSON.stringify(hostile)));
  const notice = notices(page, 'info').last();
  await expectText(notice, /Restored from hostile-backup\.json/);
  const after = await storage(page);
  assert.equal(after['parcours.replica'], 'mine0001', 'the replica id is untouched');
  for (const key of ['parcours.branding', 'parcours.lang', 'hidden.key', 'parcours.template.t1']) {
    assert.equal(after[key], before[key], `${key} untouched`);
  }
  assert.equal(after['parcours.quarantine.old.5'], 'kept aside');
  const aside = Object.keys(after).filter((k) => k.startsWith('parcours.quarantine.template.t1.'));
  assert.equal(aside.length, 1, 'the unreadable template is set aside, not a template');
  assert.equal(after[aside[0]], '{broken template');
  const added = Object.keys(after).filter((k) => !(k in before)).sort();
  assert.deepEqual(added, [aside[0], 'parcours.quarantine.old.5'].sort(), 'nothing else written');
  await expectText(notice, /Restored from hostile-backup\.json: 0\/0 maps, 2 set-aside texts\. 4 refused .*: parcours\.replica, parcours\.branding, parcours\.lang, hidden\.key/);
  await shot('hostile-backup');
});

e2e('in French, a hostile backup says what it refused in French', { locale: 'fr-FR' }, async ({ page, open, shot }) => {
  await demoEnvelope(page, open);
  const hostile = { format: 'parcours.library', version: 1, exported: 1, maps: [], set_aside: [{ key: 'parcours.replica', text: 'evil0001' }] };
  await page.locator(sel('open-map-file')).setInputFiles(asFile('hostile.json', JSON.stringify(hostile)));
  await expectText(notices(page, 'info').last(), /Restauré depuis hostile\.json : 0\/0 cartes\. 1 refusé \(pas une clé qu'une sauvegarde peut écrire\) : parcours\.replica/);
  await shot('hostile-backup-fr');
});

/** A share link made by the app, from the demo of a throwaway profile. */
async function shareLink() {
  const maker = await newSession();
  try {
    await maker.open();
    await editorMapId(maker.page);
    await maker.page.locator(sel('share-link')).click();
    const box = maker.page.locator(sel('share-url'));
    await expectVisible(box);
    return await box.inputValue();
  } finally {
    await maker.context.close();
  }
}

e2e('a share link with one character too many at its end says it is damaged and stores nothing', async ({ page, open, shot }) => {
  const link = await shareLink();
  const hash = link.slice(link.indexOf('#'));
  for (const tail of ['.', ')', '%3E', 'A', 'AA']) {
    // A fresh profile: no demo stored before anything was asked.
    const fresh = await newSession();
    try {
      await fresh.page.goto(fresh.url + hash + tail);
      await expectText(fresh.page.locator(sel('share-error')), /This share link cannot be opened: the link is damaged/);
      assert.deepEqual(await storage(fresh.page), {}, `fresh profile, ${tail}: nothing stored`);
      if (tail === '.') await shot('damaged-link-fresh', fresh.page);
      assert.deepEqual(fresh.problems, []);
    } finally {
      await fresh.context.close();
    }
    // A profile with maps: the same message, the library unchanged.
    await open();
    await open('#/');
    const before = await storage(page);
    await page.goto(new URL(hash + tail, page.url()).href);
    await expectText(page.locator(sel('share-error')), /This share link cannot be opened: the link is damaged/);
    assert.deepEqual(await storage(page), before, `existing profile, ${tail}: nothing stored`);
  }
  // The link as it was still opens.
  await page.goto(link);
  await expectVisible(page.locator(sel('shared-title')));
});

e2e('an unreadable replica id is set aside, untouched, and the user told', async ({ page, open, shot }) => {
  await demoEnvelope(page, open);
  const bad = 'x'.repeat(100);
  await seedAndReload(page, { 'parcours.replica': bad });
  const notice = notices(page, 'quarantine').first();
  await expectText(notice, /replica id .* could not be read/);
  await expectText(notice, /not a replica id/);
  const stored = await storage(page);
  const aside = Object.keys(stored).filter((k) => k.startsWith('parcours.quarantine.replica.'));
  assert.equal(aside.length, 1, 'set aside under the quarantine prefix');
  assert.equal(stored[aside[0]], bad, 'untouched');
  assert.notEqual(stored['parcours.replica'], bad);
  await shot('replica-set-aside');
  // Editing signs with a new, readable id.
  await page.locator(sel('open-map')).first().click();
  await editorMapId(page);
  await page.locator(sel('map-title')).fill('Signed anew');
  await waitSaved(page);
  const replica = await page.evaluate(() => localStorage.getItem('parcours.replica'));
  assert.match(replica, /^[0-9a-z]{1,64}$/);
  assert.equal((await storage(page))[aside[0]], bad, 'still there');
});

e2e('a broken stored template is noticed at start, as a template', async ({ page, open, shot }) => {
  await demoEnvelope(page, open);
  await seedAndReload(page, { 'parcours.template.bad': '{"format":"parcours.map","vers' });
  const notice = notices(page, 'quarantine').first();
  await expectText(notice, /A stored template could not be read/);
  await expectText(notice, /parcours\.quarantine\.template\.bad\./);
  assert.ok(!(await notice.innerText()).includes('A stored map'), 'said as a template');
  await shot('template-set-aside');
});

e2e('in French, a broken stored template is noticed at start, as a template', { locale: 'fr-FR' }, async ({ page, open, shot }) => {
  await demoEnvelope(page, open);
  await seedAndReload(page, { 'parcours.template.bad': '{broken' });
  await expectText(notices(page, 'quarantine').first(), /Un modèle enregistré n'a pas pu être lu/);
  await shot('template-set-aside-fr');
});

e2e('a map file too large for the storage says so, with its size and the room left', async ({ page, open, shot }) => {
  const envelope = await demoEnvelope(page, open);
  const before = await storage(page);
  const map = envelope.map;
  for (const megabytes of [6, 30]) {
    const card = { id: `huge${megabytes}`, lane: map.lanes[0].id, stage: map.stages[0].id, persona: null, text: 'x'.repeat(megabytes * 1_000_000) };
    const file = { ...envelope, map: { ...map, id: `huge-${megabytes}`, cards: [...map.cards, card] } };
    await page.locator(sel('open-map-file')).setInputFiles(asFile(`huge-${megabytes}.json`, JSON.stringify(file)));
    const notice = notices(page, 'save-error').last();
    await expectText(notice, new RegExp(`This file is too large for this browser's storage: the map needs ${megabytes}(\\.\\d)? MB and \\d(\\.\\d)? MB are left\\. Nothing was stored\\.`), { timeout: 30_000 });
    assert.ok(!(await notice.innerText()).includes('storage is full'), 'not a full storage');
    if (megabytes === 6) await shot('too-large');
    await notice.locator('button.dismiss').click();
  }
  assert.deepEqual(await storage(page), before, 'nothing stored');
  await expectVisible(page.locator(sel('library')));
});

e2e('addresses not understood say so, show the library and store nothing', async ({ page, open, shot }) => {
  const envelope = await demoEnvelope(page, open);
  const id = envelope.map.id;
  const before = await storage(page);
  for (const hash of [`#/present/${id}/-1`, `#/report/${id}/%ZZ`, '#/map/', '#/nowhere']) {
    await page.goto(new URL(hash, page.url()).href);
    await page.reload();
    await waitAppReady(page);
    await expectVisible(page.locator(sel('library')));
    await expectText(notices(page, 'info').last(), `This address was not understood: “${hash}”. Here are your maps; nothing was changed.`);
    assert.deepEqual(await storage(page), before, `${hash}: nothing changed`);
  }
  await shot('not-understood');
  // Typed into the address bar while the app is open (a hash change).
  await open('#/');
  await page.evaluate(() => (location.hash = '#/present/x/0'));
  await expectText(notices(page, 'info').last(), 'This address was not understood: “#/present/x/0”');
  // A fresh profile arriving at such an address: no demo stored.
  const fresh = await newSession({ locale: 'fr-FR' });
  try {
    await fresh.page.goto(`${fresh.url}#/map/`);
    await waitAppReady(fresh.page);
    await expectText(notices(fresh.page, 'info').last(), 'Cette adresse n\'a pas été comprise : « #/map/ ». Voici vos cartes ; rien n\'a été modifié.');
    assert.deepEqual(await storage(fresh.page), {}, 'nothing stored');
    await shot('not-understood-fr', fresh.page);
    assert.deepEqual(fresh.problems, []);
  } finally {
    await fresh.context.close();
  }
});
