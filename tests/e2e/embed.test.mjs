// End-to-end test of embedding: the snippet the editor gives, pasted in a
// page served from another local port, shows the map read-only in its iframe.
// Run: node --test tests/e2e/
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { e2e, assert, sel, expectVisible, expectText, editorMapId, storedEnvelope } from './harness.mjs';
import { startServer } from './server.mjs';

e2e('the embed snippet shows the map read-only inside an iframe on another origin', async ({ page, context, open, shot }) => {
  await open();
  const map = (await storedEnvelope(page, await editorMapId(page))).map;
  await page.locator(sel('share-link')).click();
  const snippet = await page.locator(sel('embed-snippet')).inputValue();
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#\/embed\/[A-Za-z0-9_-]+" title="[^"]+" width="100%" height="640"/);

  // An intranet page on another port, holding only the snippet.
  const dir = await mkdtemp(join(tmpdir(), 'parcours-embed-'));
  await writeFile(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Intranet</title><link rel="icon" href="data:,"></head><body><h1>Team page</h1>${snippet}</body></html>`);
  const intranet = await startServer(dir, 0);
  try {
    // The harness fails on requests outside the app's server; this one is ours too.
    await context.route(`${new URL(intranet.url).origin}/**`, (route) => route.continue());
    await page.goto(intranet.url);
    const frame = page.frameLocator('iframe');
    await expectText(frame.locator(sel('embed-title')), new RegExp(`^${map.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    const stages = await frame.locator(sel('view-stage')).allTextContents();
    assert.deepEqual(stages, map.stages.map((s) => s.name));
    assert.equal(await frame.locator('.app-header').count(), 0, 'no app chrome in the frame');
    assert.equal(await frame.locator('textarea, input, select').count(), 0, 'nothing to edit');
    // Keyboard: the map's scroll area takes the focus, so arrows scroll it.
    await expectVisible(frame.locator('.map-view-scroll[tabindex="0"][role="region"]'));
    await shot('embedded-in-intranet-page');
  } finally {
    await intranet.close();
    await rm(dir, { recursive: true, force: true });
  }
});
