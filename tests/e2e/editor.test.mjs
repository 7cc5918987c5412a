// End-to-end tests of Parcours in Debian's Chromium, against the UI's data-testid contract.
// Needs a built dist/ (scripts/test.sh builds it). Run: node --test tests/e2e/
//
// Every test gets a fresh browser context (empty localStorage) and fails on
// any console error, page error or request outside the test server.

import {
  e2e,
  assert,
  sel,
  eventually,
  stays,
  expectAtLeast,
  expectCount,
  expectValue,
  expectText,
  expectVisible,
  visibleWords,
  waitSaved,
  saveState,
  editorMapId,
  storage,
  storedRaw,
  storedEnvelope,
  lane,
  cell,
  stageIds,
  downloadText,
  fillStorageToQuota,
  MAP_PREFIX,
  QUARANTINE_PREFIX,
} from './harness.mjs';

/** From the editor, back to the library. */
async function toLibrary(page) {
  await page.locator(sel('back')).click();
  await expectVisible(page.locator(sel('library')));
}

/** From the library, a new blank map in the editor; returns its id. */
async function newBlankMap(page) {
  const known = await page
    .locator(sel('map-row'))
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-map-id')));
  await page.locator(sel('new-blank')).click();
  const id = await editorMapId(page);
  assert.ok(!known.includes(id), 'a new map, not one of the library');
  return id;
}

/** Add a card to a cell and type in it; returns the card's id. */
async function addCard(page, kind, stageId, text) {
  const c = cell(page, kind, stageId);
  const cards = c.locator(sel('card'));
  const n = await cards.count();
  await c.locator(sel('add-card')).click();
  await expectCount(cards, n + 1);
  const card = cards.nth(n);
  await card.fill(text);
  return card.getAttribute('data-card-id');
}

const cardById = (page, id) => page.locator(`${sel('card')}[data-card-id="${id}"]`);

e2e('first visit shows the demo map in the editor', async ({ page, open, shot }) => {
  await open();
  const id = await editorMapId(page);
  await expectAtLeast(page.locator(sel('stage-header')), 5);
  await expectAtLeast(page.locator(sel('touchpoint')), 1);
  await expectVisible(page.locator(`${sel('emotion-curve')} svg`).first());
  await expectAtLeast(page.locator(sel('card')), 1);
  await expectVisible(page.locator(sel('lang-select')));
  // The demo is stored under its id.
  await waitSaved(page);
  await eventually(async () => {
    const env = await storedEnvelope(page, id);
    assert.equal(env?.format, 'parcours.map');
    assert.equal(env.map.id, id);
    assert.ok(env.map.stages.length >= 5);
  });
  await shot('demo');
});

e2e('a new blank map: stage, touchpoint, cards and emotion all survive a reload', async ({ page, open, shot }) => {
  await open();
  await editorMapId(page);
  await toLibrary(page);
  const id = await newBlankMap(page);

  // A stage at the end, renamed.
  const headers = page.locator(sel('stage-header'));
  const n = await headers.count();
  await page.locator(sel('add-stage')).click();
  await expectCount(headers, n + 1);
  const stages = await stageIds(page);
  const newStage = stages[stages.length - 1];
  const first = stages[0];
  const stageName = headers.nth(n).locator(sel('stage-name'));
  await stageName.fill('Livraison e2e');

  // A touchpoint in the new stage, with a channel.
  const tpCell = cell(page, 'touchpoints', newStage);
  await tpCell.locator(sel('add-touchpoint')).click();
  const tp = tpCell.locator(sel('touchpoint'));
  await expectCount(tp, 1);
  await tp.locator(sel('touchpoint-name')).fill('Appli e2e');
  await tp.locator(sel('touchpoint-channel')).selectOption('mobile_app');

  // Cards: doing and thinking; text with markup and quotes must stay text.
  const doingText = 'Je compare les offres <b>"vite"</b> & <img src=x onerror="window.__pwned=1">';
  const doingId = await addCard(page, 'doing', first, doingText);
  const thinkingId = await addCard(page, 'thinking', first, "Est-ce fiable ? L'avis des autres");

  // An emotion (a blank map has no personas: one select with data-persona-id="").
  const emotion = cell(page, 'feeling', first).locator(sel('emotion-select')).first();
  await emotion.selectOption('-1');
  await expectVisible(page.locator(`${sel('emotion-curve')} svg`).first());

  await waitSaved(page);
  await eventually(async () => {
    const env = await storedEnvelope(page, id);
    assert.equal(env.format, 'parcours.map');
    assert.ok(env.map.stages.some((s) => s.id === newStage && s.name === 'Livraison e2e'), 'stage stored');
    assert.ok(
      env.map.touchpoints.some((t) => t.stage === newStage && t.name === 'Appli e2e' && t.channel === 'mobile_app'),
      'touchpoint stored',
    );
    assert.ok(env.map.cards.some((c) => c.id === doingId && c.text === doingText), 'doing card stored');
    assert.ok(env.map.cards.some((c) => c.id === thinkingId), 'thinking card stored');
    assert.ok(env.map.emotions.some((e) => e.stage === first && e.value === -1), 'emotion stored');
  });
  await shot('blank-map-edited');

  await page.reload();
  assert.equal(await editorMapId(page), id, 'the reload reopens the same map');
  await expectValue(page.locator(`${sel('stage-header')}[data-stage-id="${newStage}"] ${sel('stage-name')}`), 'Livraison e2e');
  const tpAfter = cell(page, 'touchpoints', newStage).locator(sel('touchpoint'));
  await expectCount(tpAfter, 1);
  await expectValue(tpAfter.locator(sel('touchpoint-name')), 'Appli e2e');
  await expectValue(tpAfter.locator(sel('touchpoint-channel')), 'mobile_app');
  await expectValue(cardById(page, doingId), doingText);
  await expectValue(cardById(page, thinkingId), "Est-ce fiable ? L'avis des autres");
  await expectValue(cell(page, 'feeling', first).locator(sel('emotion-select')).first(), '-1');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'card text is never markup');
  assert.equal(await page.locator('img[src="x"]').count(), 0);
});

e2e('undo and redo, with the buttons and Ctrl+Z', async ({ page, open }) => {
  await open();
  await editorMapId(page);
  await toLibrary(page);
  const id = await newBlankMap(page);
  const [first] = await stageIds(page);

  const a = await addCard(page, 'doing', first, 'alpha');
  const b = await addCard(page, 'thinking', first, 'beta');
  await waitSaved(page);

  // Button: the last text edit goes, the one before stays.
  await page.locator(sel('undo')).click();
  await expectValue(cardById(page, b), '');
  await expectValue(cardById(page, a), 'alpha');
  await page.locator(sel('redo')).click();
  await expectValue(cardById(page, b), 'beta');
  await expectValue(cardById(page, a), 'alpha');

  // Keyboard, outside any text field (so it is the app's undo, not the textarea's).
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Control+z');
  await expectValue(cardById(page, b), '');
  await expectValue(cardById(page, a), 'alpha');
  await page.locator(sel('redo')).click();
  await expectValue(cardById(page, b), 'beta');

  // Undo is saved like any edit.
  await page.locator(sel('undo')).click();
  await expectValue(cardById(page, b), '');
  await eventually(async () => {
    const env = await storedEnvelope(page, id);
    const card = env.map.cards.find((c) => c.id === b);
    assert.equal(card?.text, '');
  });
  await waitSaved(page);
});

e2e('a corrupt stored map is set aside untouched, with a notice', async ({ page, open, shot }) => {
  await open();
  const demoId = await editorMapId(page);
  await waitSaved(page);
  await toLibrary(page);
  const goodId = await newBlankMap(page);
  await page.locator(sel('map-title')).fill('Carte intacte');
  await waitSaved(page);

  const raw = '{"format":"parcours.map","version":1,"map":{tru';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [MAP_PREFIX + demoId, raw]);
  await page.reload();
  assert.equal(await editorMapId(page), goodId, 'the app loads; the open map is unharmed');

  const notice = page.locator(`${sel('notice')}[data-kind="quarantine"]`).first();
  await expectVisible(notice);
  await expectVisible(notice.locator(sel('download-raw')));

  // The raw text is kept, exactly, under parcours.quarantine.*
  const all = await storage(page);
  const aside = Object.keys(all).filter((k) => k.startsWith(QUARANTINE_PREFIX));
  assert.equal(aside.length, 1, `one quarantined key, found ${JSON.stringify(aside)}`);
  assert.equal(all[aside[0]], raw);
  assert.ok(all[MAP_PREFIX + demoId] === undefined || all[MAP_PREFIX + demoId] === raw, 'the bad text is never rewritten');
  await expectText(notice, aside[0]);
  await shot('quarantine');

  // In the library: the readable map is listed, the broken one is not.
  await toLibrary(page);
  await expectVisible(page.locator(`${sel('map-row')}[data-map-id="${goodId}"]`));
  await expectCount(page.locator(`${sel('map-row')}[data-map-id="${demoId}"]`), 0);
  await expectVisible(notice);

  // The raw text can be downloaded as it is.
  const { text } = await downloadText(page, notice.locator(sel('download-raw')));
  assert.equal(text, raw);

  // Only when the user asks, it is deleted for good and the notice goes.
  await notice.locator(sel('delete-raw')).click();
  await expectCount(page.locator(`${sel('notice')}[data-kind="quarantine"]`), 0);
  const left = await page.evaluate((k) => localStorage.getItem(k), aside[0]);
  assert.equal(left, null);
});

e2e('a full storage: quota notice, nothing thrown, the map can be downloaded', async ({ page, open, shot }) => {
  await open();
  const id = await editorMapId(page);
  await waitSaved(page);
  const card = page.locator(sel('card')).first();
  const cardId = await card.getAttribute('data-card-id');

  const filled = await fillStorageToQuota(page);
  assert.ok(filled.chars > 1_000_000, `filled ${filled.chars} characters`);

  const edited = `Texte saisi quand tout est plein ${'y'.repeat(400)} fin`;
  await card.fill(edited);
  const notice = page.locator(`${sel('notice')}[data-kind="quota"]`).first();
  await expectVisible(notice);
  await eventually(async () => assert.equal(await saveState(page), 'failed'));
  // What was typed is still on screen.
  await expectValue(cardById(page, cardId), edited);
  await shot('quota');

  const { text } = await downloadText(page, notice.locator(sel('notice-download')));
  const doc = JSON.parse(text);
  assert.equal(doc.format, 'parcours.map');
  assert.equal(doc.map.id, id);
  assert.ok(text.includes('Texte saisi quand tout est plein'), 'the download holds the unsaved edit');
  assert.ok(doc.map.cards.some((c) => c.id === cardId && c.text === edited));
});

e2e('switching to French, which survives a reload', async ({ page, open, shot }) => {
  await open();
  await editorMapId(page);
  await toLibrary(page);
  await expectText(page.locator(sel('new-blank')), 'New blank map');

  await page.locator(sel('lang-select')).selectOption('fr');
  await expectText(page.locator(sel('new-blank')), 'Nouvelle carte vierge');
  await eventually(async () => assert.equal(await page.locator(sel('lang-select')).inputValue(), 'fr'));

  await page.reload();
  await expectVisible(page.locator(sel('library')));
  await expectText(page.locator(sel('new-blank')), 'Nouvelle carte vierge');
  await expectValue(page.locator(sel('lang-select')), 'fr');

  // The editor speaks French too.
  await page.locator(sel('open-map')).first().click();
  await editorMapId(page);
  await eventually(async () => assert.match(await visibleWords(lane(page, 'touchpoints')), /Points de contact/));
  await shot('french-editor');
});

e2e('the library: rename, search, duplicate, delete and undo delete', async ({ page, open }) => {
  await open();
  await editorMapId(page);
  await toLibrary(page);
  const rows = page.locator(sel('map-row'));
  await expectCount(rows, 1);
  const id = await rows.first().getAttribute('data-map-id');
  const row = page.locator(`${sel('map-row')}[data-map-id="${id}"]`);

  await row.locator(sel('rename')).click();
  const input = row.locator(sel('rename-input'));
  await input.fill('Parcours Été 2026');
  await input.press('Enter');
  await expectText(row.locator(sel('open-map')), 'Parcours Été 2026');
  await eventually(async () => assert.equal((await storedEnvelope(page, id)).map.title, 'Parcours Été 2026'));

  await row.locator(sel('duplicate')).click();
  await expectCount(rows, 2);

  await page.locator(sel('search')).fill('ete 2026');
  await expectCount(rows, 2);
  await page.locator(sel('search')).fill('zzz nothing');
  await expectCount(rows, 0);
  await page.locator(sel('search')).fill('');
  await expectCount(rows, 2);

  await row.locator(sel('delete')).click();
  await expectCount(rows, 1);
  await eventually(async () => assert.equal(await storedRaw(page, id), null));
  await page.locator(sel('undo-delete')).click();
  await expectCount(rows, 2);
  await eventually(async () => assert.ok(await storedRaw(page, id)));
  await expectVisible(page.locator(sel('storage-meter')));

  await row.locator(sel('open-map')).click();
  assert.equal(await editorMapId(page), id);
  await expectValue(page.locator(sel('map-title')), 'Parcours Été 2026');
});

e2e('two tabs on one map: changes follow, concurrent edits ask before overwriting', async ({ page: a, open, newTab, shot }) => {
  await open('', a);
  const id = await editorMapId(a);
  await waitSaved(a);
  const b = await newTab(`#/map/${id}`);
  assert.equal(await editorMapId(b), id);
  await waitSaved(b);

  const ids = await a.locator(sel('card')).evaluateAll((els) => els.map((e) => e.getAttribute('data-card-id')));
  assert.ok(ids.length >= 2, 'the demo has cards');
  const [c1, c2] = ids;

  // A edits and saves; B, with no edits of its own, follows.
  await cardById(a, c1).fill('Depuis l’onglet A');
  await waitSaved(a);
  await expectValue(cardById(b, c1), 'Depuis l’onglet A');
  assert.equal(await saveState(b), 'saved');

  // Both edit without waiting: A saves first; B must ask, and must not overwrite A.
  await cardById(a, c1).fill('A, deuxième');
  await cardById(b, c2).fill('B, en même temps');
  await waitSaved(a);
  const conflict = b.locator(`${sel('notice')}[data-kind="conflict"]`).first();
  await expectVisible(conflict);
  await expectVisible(conflict.locator(sel('keep-mine')));
  await expectVisible(conflict.locator(sel('load-theirs')));
  await eventually(async () => assert.equal(await saveState(b), 'conflict'));
  await shot('conflict', b);

  const storedHasA = async () => {
    const raw = await storedRaw(a, id);
    assert.ok(raw.includes('A, deuxième'), "A's save is stored");
    assert.ok(!raw.includes('B, en même temps'), "B's edit is not stored before B chooses");
  };
  await storedHasA();
  // Waiting on purpose: nothing may be written while B has not chosen.
  await stays(storedHasA, { duration: 1500 });

  // Keep mine: B's version is stored; A (no unsaved edits) follows it.
  await conflict.locator(sel('keep-mine')).click();
  await eventually(async () => assert.ok((await storedRaw(a, id)).includes('B, en même temps')));
  await waitSaved(b);
  await expectValue(cardById(a, c2), 'B, en même temps');
  await expectCount(b.locator(`${sel('notice')}[data-kind="conflict"]`), 0);

  // Again, and this time B takes A's version.
  await waitSaved(a);
  await cardById(a, c1).fill('A, troisième');
  await cardById(b, c2).fill('B, perdu');
  await waitSaved(a);
  const again = b.locator(`${sel('notice')}[data-kind="conflict"]`).first();
  await expectVisible(again);
  await again.locator(sel('load-theirs')).click();
  await expectValue(cardById(b, c1), 'A, troisième');
  await expectValue(cardById(b, c2), 'B, en même temps');
  await waitSaved(b);
  const raw = await storedRaw(a, id);
  assert.ok(raw.includes('A, troisième'));
  assert.ok(!raw.includes('B, perdu'));
});

e2e('lanes, stages and personas: add, move, hide, delete, and it all stays', async ({ page, open }) => {
  await open();
  await editorMapId(page);
  await toLibrary(page);
  const id = await newBlankMap(page);
  const lanes = page.locator(sel('lane'));
  const kinds = () => lanes.evaluateAll((els) => els.map((e) => e.getAttribute('data-lane-kind')));
  assert.deepEqual(await kinds(), ['goal', 'doing', 'thinking', 'feeling', 'touchpoints', 'metrics', 'pain_points', 'gains', 'opportunities']);

  // Add a notes lane (the select adds on change), name it, move it up one.
  await page.locator(sel('add-lane')).selectOption('notes');
  await expectCount(lanes, 10);
  const notes = page.locator(`${sel('lane')}[data-lane-kind="notes"]`);
  const notesId = await notes.getAttribute('data-lane-id');
  await notes.locator(sel('lane-name')).fill('Verbatims');
  await notes.locator(sel('lane-up')).click();
  await eventually(async () => assert.equal((await kinds())[8], 'notes'));

  // Hide it, show it again.
  await notes.locator(sel('lane-hide')).click();
  await expectCount(lanes, 9);
  const hidden = page.locator(sel('hidden-lanes'));
  await expectText(hidden, 'Verbatims');
  await hidden.locator(sel('show-lane')).first().click();
  await expectCount(lanes, 10);
  await expectValue(page.locator(`${sel('lane')}[data-lane-id="${notesId}"] ${sel('lane-name')}`), 'Verbatims');

  // Delete a standard lane.
  await page.locator(`${sel('lane')}[data-lane-kind="gains"] ${sel('lane-delete')}`).click();
  await expectCount(page.locator(`${sel('lane')}[data-lane-kind="gains"]`), 0);

  // Stages: move the first one right, delete the last one.
  const before = await stageIds(page);
  await page.locator(`${sel('stage-header')}[data-stage-id="${before[0]}"] ${sel('stage-right')}`).click();
  await eventually(async () => assert.deepEqual(await stageIds(page), [before[1], before[0], ...before.slice(2)]));
  await page.locator(`${sel('stage-header')}[data-stage-id="${before[2]}"] ${sel('stage-delete')}`).click();
  await eventually(async () => assert.deepEqual(await stageIds(page), [before[1], before[0]]));

  // A persona: the feeling lane gets one emotion select per persona.
  const panel = page.locator(sel('personas'));
  await panel.evaluate((el) => {
    if (el.tagName === 'DETAILS') el.open = true;
  });
  await panel.locator(sel('add-persona')).click();
  await expectCount(panel.locator(sel('persona')), 1);
  await panel.locator(sel('persona')).first().locator(sel('persona-name')).fill('Camille e2e');
  const selects = cell(page, 'feeling', before[1]).locator(sel('emotion-select'));
  await expectCount(selects, 1);
  const personaId = await selects.first().getAttribute('data-persona-id');
  assert.ok(personaId, 'the emotion select names its persona');
  await selects.first().selectOption('2');

  await waitSaved(page);
  await eventually(async () => {
    const env = await storedEnvelope(page, id);
    const m = env.map;
    assert.deepEqual(m.stages.map((x) => x.id), [before[1], before[0]]);
    assert.ok(!m.lanes.some((l) => l.kind === 'gains'));
    assert.equal(m.lanes.find((l) => l.id === notesId)?.title, 'Verbatims');
    assert.equal(m.personas[0]?.name, 'Camille e2e');
    assert.ok(m.emotions.some((e) => e.stage === before[1] && e.persona === personaId && e.value === 2));
  });

  await page.reload();
  assert.equal(await editorMapId(page), id);
  assert.deepEqual(await stageIds(page), [before[1], before[0]]);
  await expectValue(page.locator(`${sel('lane')}[data-lane-id="${notesId}"] ${sel('lane-name')}`), 'Verbatims');
  await expectValue(cell(page, 'feeling', before[1]).locator(`${sel('emotion-select')}[data-persona-id="${personaId}"]`), '2');
});
