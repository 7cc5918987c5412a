// Actions end to end (issue 5): rate a pain point, add an action to it in
// the editor, run it through its statuses on the actions board (the stored
// map checked each time), filters, the demo's before/after effect, the
// prioritisation of touchpoints, a refused save, axe-core.
import {
  e2e,
  assert,
  sel,
  eventually,
  expectCount,
  expectValue,
  expectText,
  expectVisible,
  waitSaved,
  editorMapId,
  storedEnvelope,
  storedRaw,
  lane,
  MAP_PREFIX,
} from './harness.mjs';
import { violations } from './axe.mjs';

const WEIGHT = { critical: 3, complementary: 2, superfluous: 1 };

/** The stored action `id` of map `mapId`. */
async function storedAction(page, mapId, id) {
  const env = await storedEnvelope(page, mapId);
  return { action: env.map.actions.find((a) => a.id === id), map: env.map, revision: env.revision };
}

e2e('an action added to a pain point runs through its statuses on the board', async ({ page, open, shot }) => {
  await open();
  const mapId = await editorMapId(page);

  // Rate the first pain point: high.
  const card = lane(page, 'pain_points').locator('.card').first();
  const cardId = await card.getAttribute('data-card');
  await card.locator(sel('card-severity')).selectOption('3');
  await waitSaved(page);
  await eventually(async () => {
    const env = await storedEnvelope(page, mapId);
    assert.equal(env.map.cards.find((c) => c.id === cardId).severity, 3);
  });

  // Unfold its actions and add one.
  const toggle = card.locator(sel('card-actions-toggle'));
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const list = card.locator(sel('card-action-list'));
  await expectVisible(list);
  const before = await list.locator(sel('action-item')).count();
  await list.locator(sel('add-action')).click();
  await expectCount(list.locator(sel('action-item')), before + 1);
  const item = list.locator(sel('action-item')).last();
  const actionId = await item.getAttribute('data-action-id');
  // The new action's title has the focus.
  await eventually(async () =>
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'action-title'),
  );
  await page.keyboard.type('Call back within 24 hours');
  await item.locator(sel('action-owner')).fill('Équipe Qualité');
  await item.locator(sel('action-department')).fill('Service client');
  await item.locator(sel('action-touchpoint')).selectOption({ index: 1 });
  const touchpointId = await item.locator(sel('action-touchpoint')).inputValue();
  await item.locator(sel('action-metric')).selectOption('csat');
  await item.locator(sel('action-due')).fill('2027-03-15');
  await expectText(toggle, `(${before + 1})`);
  await waitSaved(page);
  let stored;
  await eventually(async () => {
    stored = await storedAction(page, mapId, actionId);
    assert.deepEqual(
      {
        title: stored.action.title,
        owner: stored.action.owner,
        department: stored.action.department,
        status: stored.action.status,
        card: stored.action.card,
        touchpoint: stored.action.touchpoint,
        metric: stored.action.metric,
        due: stored.action.due,
      },
      {
        title: 'Call back within 24 hours',
        owner: 'Équipe Qualité',
        department: 'Service client',
        status: 'idea',
        card: cardId,
        touchpoint: touchpointId,
        metric: 'csat',
        due: Date.UTC(2027, 2, 15),
      },
    );
  });
  // Recorded for merging, like every editor save.
  assert.ok(Object.keys(stored.map.sync?.clock ?? {}).length > 0, 'the change is stamped');
  const classification = stored.map.touchpoints.find((t) => t.id === touchpointId).classification;
  const priority = WEIGHT[classification] * 3;

  await shot('editor-action-list');
  // Scrolled back to the top: controls scrolled under the sticky stage row
  // would count as obscured touch targets.
  await page.evaluate(() => {
    document.querySelector('.map-scroll')?.scrollTo(0, 0);
    window.scrollTo(0, 0);
  });
  assert.deepEqual(await violations(page), [], 'editor with an action list unfolded');

  // The board, from the editor.
  await page.locator(sel('open-actions-board')).click();
  await expectVisible(page.locator(sel('actions-board')));
  assert.match(page.url(), /#\/actions$/);
  const row = page.locator(`${sel('board-row')}[data-action-id="${actionId}"]`);
  await expectVisible(row);
  await expectText(row.locator(sel('board-priority')), String(priority));
  await expectText(row.locator(sel('board-title')), 'Call back within 24 hours');
  await expectText(row.locator(sel('board-owner')), 'Équipe Qualité · Service client');
  await expectText(row.locator(sel('board-due')), '2027-03-15');
  // Rows come by priority: none above ours has a lower one.
  const priorities = await page
    .locator(sel('board-priority'))
    .evaluateAll((cells) => cells.map((c) => Number(c.textContent)));
  assert.deepEqual(priorities, [...priorities].sort((a, b) => b - a), 'sorted by priority');

  // Idea → Planned → In progress → Done, the stored map checked each time.
  for (const status of ['planned', 'in_progress', 'done']) {
    const revision = (await storedAction(page, mapId, actionId)).revision;
    await row.locator(sel('board-status')).selectOption(status);
    await eventually(async () => {
      const now = await storedAction(page, mapId, actionId);
      assert.equal(now.action.status, status);
      assert.ok(now.revision > revision, 'a new revision');
      assert.equal(now.action.done_at != null, status === 'done', 'done_at only when done');
    });
    await eventually(async () => assert.equal(await row.getAttribute('data-status'), status));
  }

  // Filters: status, then owner.
  await page.locator(sel('filter-status')).selectOption('done');
  await eventually(async () => {
    const statuses = await page.locator(sel('board-row')).evaluateAll((rows) => rows.map((r) => r.dataset.status));
    assert.ok(statuses.length >= 2, 'ours and the demo\'s done action');
    assert.ok(statuses.every((s) => s === 'done'), statuses.join());
  });
  await expectVisible(row);
  // The demo's done action shows its metric before and after.
  const effect = page.locator(`${sel('board-row')}:not([data-action-id="${actionId}"]) ${sel('board-effect')}`);
  await expectVisible(effect.first());
  await expectText(effect.first(), /NPS\s+\S+\s+→\s+\S+/);
  await expectText(effect.first(), 'improved');
  await shot('board-done');
  await page.locator(sel('filter-status')).selectOption('');
  await page.locator(sel('filter-owner')).selectOption('Équipe Qualité');
  await expectCount(page.locator(sel('board-row')), 1);
  await expectVisible(row);
  await page.locator(sel('filter-owner')).selectOption('');
  await eventually(async () => assert.ok((await page.locator(sel('board-row')).count()) >= 5));

  // The prioritisation of the map's touchpoints.
  const ranking = page.locator(sel('priority-table'));
  await expectVisible(ranking);
  assert.ok((await ranking.locator(sel('priority-row')).count()) >= 3);
  await expectVisible(page.locator(`${sel('removal-table')}, ${sel('no-removal')}`).first());

  await shot('board');
  assert.deepEqual(await violations(page), [], 'actions board');

  // Back in the editor, the action says Done.
  await row.locator(sel('board-map')).click();
  assert.equal(await editorMapId(page), mapId);
  const again = lane(page, 'pain_points').locator(`.card[data-card="${cardId}"]`);
  await again.locator(sel('card-actions-toggle')).click();
  const reopened = again.locator(`${sel('action-item')}[data-action-id="${actionId}"]`);
  await expectValue(reopened.locator(sel('action-status')), 'done');
  await expectValue(reopened.locator(sel('action-due')), '2027-03-15');
  await expectValue(again.locator(sel('card-severity')), '3');
});

e2e('a status the storage refuses is not shown as changed', async ({ page, open }) => {
  await open();
  const mapId = await editorMapId(page);
  await page.locator(sel('open-actions-board')).click();
  await expectVisible(page.locator(sel('actions-board')));
  const row = page.locator(`${sel('board-row')}[data-status="idea"]`).first();
  const actionId = await row.getAttribute('data-action-id');
  const mine = page.locator(`${sel('board-row')}[data-action-id="${actionId}"]`);

  // Another tab saved the map meanwhile (a newer revision, the action planned).
  await page.evaluate(
    ([key, id]) => {
      const env = JSON.parse(localStorage.getItem(key));
      env.revision += 1;
      env.map.actions.find((a) => a.id === id).status = 'planned';
      localStorage.setItem(key, JSON.stringify(env));
    },
    [MAP_PREFIX + mapId, actionId],
  );
  const raw = await storedRaw(page, mapId);
  await mine.locator(sel('board-status')).selectOption('done');
  await expectVisible(page.locator(`${sel('notice')}[data-kind="save-error"]`));
  // Nothing written; the board shows what is stored.
  assert.equal(await storedRaw(page, mapId), raw);
  await expectValue(mine.locator(sel('board-status')), 'planned');
  await eventually(async () => assert.equal(await mine.getAttribute('data-status'), 'planned'));
});

e2e('the board says so when no map has an action', async ({ page, open }) => {
  await open();
  await editorMapId(page);
  await page.locator(sel('back')).click();
  await expectVisible(page.locator(sel('library')));
  await page.locator(sel('new-blank')).click();
  await editorMapId(page);
  await waitSaved(page);
  // Only the blank map and the demo: delete the demo's actions from storage.
  await page.evaluate((prefix) => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key.startsWith(prefix)) continue;
      const env = JSON.parse(localStorage.getItem(key));
      env.map.actions = [];
      env.revision += 1;
      localStorage.setItem(key, JSON.stringify(env));
    }
  }, MAP_PREFIX);
  await open('#/');
  await expectVisible(page.locator(sel('library')));
  await page.locator(`${sel('library')} ${sel('open-actions-board')}`).click();
  await expectVisible(page.locator(sel('board-empty')));
  await expectVisible(page.locator(sel('prioritisation')));
  assert.deepEqual(await violations(page), [], 'empty board');
});

e2e('the board and an unfolded action list, in French and dark mode', { locale: 'fr-FR' }, async ({ page, open, shot }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open();
  await editorMapId(page);
  // The demo's pain point that has an action.
  const card = lane(page, 'pain_points').locator('.card', { has: page.locator(`${sel('card-actions-count')}:text-is("1")`) }).first();
  await card.locator(sel('card-actions-toggle')).click();
  await expectVisible(card.locator(sel('action-item')));
  await expectText(card.locator(sel('card-action-list')), 'Responsable');
  await card.scrollIntoViewIfNeeded();
  await shot('editor-fr-dark');
  await page.evaluate(() => {
    document.querySelector('.map-scroll')?.scrollTo(0, 0);
    window.scrollTo(0, 0);
  });
  assert.deepEqual(await violations(page), [], 'editor, French, dark');
  await page.locator(sel('open-actions-board')).click();
  await expectVisible(page.locator(sel('board-table')));
  await expectText(page.locator(sel('actions-board')), 'Tableau des actions');
  await expectText(page.locator(sel('board-effect')).first(), 'amélioré');
  assert.deepEqual(await violations(page), [], 'board, French, dark');
  await shot('board-fr-dark');
});
