// End-to-end tests of code splitting: the library loads without the editor's,
// the charts' and the importer's wasm; each is fetched when first shown; a
// part that cannot be fetched says so and leaves the map working.
// Run: node --test tests/e2e/
import { e2e, assert, sel, eventually, expectVisible, expectText, waitSaved, storedEnvelope, editorMapId } from './harness.mjs';

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
