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
  assert.ok(seen.includes('split_editor.wasm'), `editor chunk fetched: ${seen}`);
  assert.ok(!seen.some((f) => /split_(charts|survey_import)/.test(f)), `charts and import not yet: ${seen}`);

  await page.locator(sel('tab-charts')).click();
  await expectVisible(page.locator(`${sel('chart-funnel')} svg`));
  assert.ok(seen.includes('split_charts.wasm'), `charts chunk fetched: ${seen}`);

  await page.locator(sel('tab-map')).click();
  await page.locator(sel('import-csv')).click();
  await expectVisible(page.locator(sel('csv-file')));
  assert.ok(seen.includes('split_survey_import.wasm'), `import chunk fetched: ${seen}`);
  assert.equal(seen.filter((f) => f === 'split_charts.wasm').length, 1, 'each chunk is fetched once');
});

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
  await page.route('**/split_editor.wasm', async (route) => {
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
  { allowConsole: [/split_editor\.wasm|Failed to fetch|net::ERR_FAILED|TypeError/] },
  async ({ page, open, url, shot }) => {
    await open();
    const id = await editorMapId(page);
    const before = await storedEnvelope(page, id);
    await page.route('**/split_editor.wasm', (route) => route.abort('failed'));
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
