// End-to-end tests of code splitting: the library loads without the editor's,
// the charts' and the importer's wasm; each is fetched when first shown; a
// part that cannot be fetched says so and leaves the map working; a map is
// readable (the preview) while the editor's part is on its way or refused.
// Run: node --test tests/e2e/
import { e2e, assert, sel, eventually, expectVisible, expectText, expectCount, expectAtLeast, waitSaved, storedEnvelope, editorMapId } from './harness.mjs';
import { violations } from './axe.mjs';

/** The wasm files the page has requested so far, by file name. */
function wasmRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    const m = /\/([^/]+\.wasm)$/.exec(new URL(r.url()).pathname);
    if (m) seen.push(m[1]);
  });
  return seen;
}

e2e('the library loads one wasm module; the editor, charts and import come when first shown', async ({ page, open }) => {
  // Seen once, the demo is in the library: the next visit to the root lands there.
  await open();
  await expectVisible(page.locator(sel('editor')));
  await page.goto('about:blank');
  const seen = wasmRequests(page);
  await open('#/');
  await expectVisible(page.locator(sel('library')));
  assert.deepEqual(seen, ['parcours_bg.wasm'], 'the library needs the first-load module only');

  await page.locator(sel('open-map')).first().click();
  await expectVisible(page.locator(sel('editor')));
  // A first visit (no service worker) fetches the editor and its chunks as
  // one pack (scripts/pack_parts.mjs), and nothing of it one by one.
  assert.ok(seen.includes('pack_editor.wasm'), `editor pack fetched: ${seen}`);
  assert.deepEqual(seen.filter((f) => /^(split|chunk)_/.test(f)), [], `the pack brought every module: ${seen}`);
  assert.ok(!seen.some((f) => /split_(charts|survey_import)/.test(f)), `charts and import not yet: ${seen}`);

  await page.locator(sel('tab-charts')).click();
  await expectVisible(page.locator(`${sel('chart-funnel')} svg`));
  // Some of its chunks came with the editor: the rest one by one, no pack.
  assert.ok(seen.includes('split_charts.wasm'), `charts chunk fetched: ${seen}`);
  assert.ok(!seen.some((f) => /^pack_/.test(f) && f !== 'pack_editor.wasm'), `no other pack: ${seen}`);

  await page.locator(sel('tab-map')).click();
  await page.locator(sel('import-csv')).click();
  await expectVisible(page.locator(sel('csv-file')));
  assert.ok(seen.includes('split_survey_import.wasm'), `import chunk fetched: ${seen}`);
  assert.equal(new Set(seen).size, seen.length, `each file is fetched once: ${seen}`);
});

e2e(
  "when the editor's pack cannot be fetched, its modules come one by one",
  { allowConsole: [/pack_editor\.wasm|Failed to fetch|net::ERR_FAILED/] },
  async ({ page, open, url }) => {
    await open();
    const id = await editorMapId(page);
    await page.route('**/pack_editor.wasm', (route) => route.abort('failed'));
    await page.goto('about:blank');
    const seen = wasmRequests(page);
    await page.goto(`${url}#/map/${id}`, { waitUntil: 'load' });
    await expectVisible(page.locator(sel('editor')));
    assert.ok(seen.includes('pack_editor.wasm') && seen.includes('split_editor.wasm'), `pack tried, then the module: ${seen}`);
    assert.ok(seen.filter((f) => f.startsWith('chunk_')).length > 10, `and its chunks: ${seen}`);
    await page.locator(sel('card')).first().fill('Edited without the pack');
    await waitSaved(page);
    await eventually(async () => assert.ok(JSON.stringify(await storedEnvelope(page, id)).includes('Edited without the pack')));
  },
);

e2e(
  'a part whose wasm cannot be fetched says so, and the map keeps working',
  // The chunk loader reports the failed fetch on the console; that is expected here.
  { allowConsole: [/split_charts\.wasm|Failed to fetch|net::ERR_FAILED|TypeError/] },
  async ({ page, open, shot }) => {
    await page.route('**/split_charts.wasm', (route) => route.abort('failed'));
    await open();
    await page.locator(sel('tab-charts')).click();
    await expectText(page.locator('.part-failed'), /could not be loaded.*reload the page/);
    await shot('charts-chunk-failed');

    // The map tab still edits and saves.
    await page.locator(sel('tab-map')).click();
    const id = await editorMapId(page);
    const card = page.locator(sel('card')).first();
    await card.fill('Still editing after a failed chunk');
    await waitSaved(page);
    await eventually(async () => {
      const env = await storedEnvelope(page, id);
      assert.ok(JSON.stringify(env).includes('Still editing after a failed chunk'));
    });
  },
);

e2e("a map is on screen, read-only, while the editor's wasm is on its way", async ({ page, open, url, shot }) => {
  await open();
  const id = await editorMapId(page);
  const stageNames = await page.locator(`${sel('stage-name')}`).evaluateAll((els) => els.map((e) => e.value));
  assert.ok(stageNames.length >= 5, `the demo's stages: ${stageNames}`);

  // Hold the editor's module: the page has only the first load.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/\/(split|pack)_editor\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('about:blank');
  await page.goto(`${url}#/map/${id}`, { waitUntil: 'load' });

  const preview = page.locator(sel('map-preview'));
  await expectVisible(preview);
  await expectText(preview.locator('[role="status"]'), /read-only until the editor has loaded/i);
  assert.deepEqual(await preview.locator(sel('view-stage')).allTextContents(), stageNames);
  assert.ok((await preview.locator('.view-item').count()) > 20, 'the cards are there, as text');
  assert.equal(await preview.locator('input, textarea, select, [contenteditable]').count(), 0, 'nothing to edit yet');
  assert.equal(await page.locator(sel('editor')).count(), 0);
  assert.deepEqual(await violations(page), [], 'the preview passes axe (WCAG 2.2 AA)');
  await shot('preview');

  release();
  await expectVisible(page.locator(sel('editor')));
  await expectCount(preview, 0);
});

e2e(
  "a map whose editor cannot be fetched stays readable, with the reason",
  { allowConsole: [/(split|pack)_editor\.wasm|Failed to fetch|net::ERR_FAILED|TypeError/] },
  async ({ page, open, url, shot }) => {
    await open();
    const id = await editorMapId(page);
    const before = await storedEnvelope(page, id);
    await page.route(/\/(split|pack)_editor\.wasm$/, (route) => route.abort('failed'));
    await page.goto('about:blank');
    await page.goto(`${url}#/map/${id}`, { waitUntil: 'load' });

    await expectText(page.locator('.part-failed'), /could not be loaded.*reload the page/);
    await expectVisible(page.locator(sel('map-preview')));
    await expectText(page.locator(`${sel('map-preview')} [role="status"]`), /^Read-only$/);
    await expectAtLeast(page.locator(`${sel('map-preview')} ${sel('view-stage')}`), 5);
    await shot('editor-chunk-failed');
    assert.deepEqual(await storedEnvelope(page, id), before, 'the stored map is untouched');
  },
);
