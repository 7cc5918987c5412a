// End-to-end tests of the site offline: after one visit, the service worker
// serves the app's own files (lazy parts included) with the network cut; a new
// deployment installs whole in the background and opens on the visit after.
// Run: node --test tests/e2e/
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  e2e,
  assert,
  sel,
  DIST,
  eventually,
  expectVisible,
  editorMapId,
  waitAppReady,
  waitSaved,
} from './harness.mjs';
import { startServer } from './server.mjs';

/** Wait until the service worker has cached this build and controls `page`. */
async function offlineReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await eventually(async () => assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the worker controls the page'));
}

e2e('after one visit the site opens and works offline, lazy parts included', { serviceWorkers: 'allow' }, async ({ page, context, open, shot }) => {
  await open();
  await offlineReady(page);
  const id = await editorMapId(page);
  await context.setOffline(true);
  try {
    await page.reload();
    await waitAppReady(page);
    assert.equal(await editorMapId(page), id);
    // The browser answered the page and the build's files from the cache by
    // the worker's static routes, without running its fetch handler.
    const sources = await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .filter((e) => /\/(|index\.html|pkg-[^/]+\/.*|[^/]+\.css)$/.test(new URL(e.name).pathname))
        .map((e) => `${new URL(e.name).pathname} ${e.workerFinalSourceType}`),
    );
    assert.ok(sources.length > 3, `entries: ${sources}`);
    assert.deepEqual(sources.filter((s) => !s.endsWith(' cache')), [], 'every one from the cache, by a route');
    // The charts were never shown: their part comes from the worker's cache.
    await page.locator(sel('tab-charts')).click();
    await expectVisible(page.locator(sel('charts-page')));
    await page.locator(sel('tab-map')).click();
    await page.locator(sel('map-title')).fill('Edited offline');
    await waitSaved(page);
    await page.reload();
    await waitAppReady(page);
    assert.equal(await page.locator(sel('map-title')).inputValue(), 'Edited offline');
    await page.goto(page.url().replace(/#.*/, '#/'));
    await expectVisible(page.locator(sel('library')));
    await shot('library-offline');
  } finally {
    await context.setOffline(false);
  }
});

e2e('a new deployment installs whole in the background and opens on the next visit', { serviceWorkers: 'allow' }, async ({ context }) => {
  // A copy of the site on its own port, to deploy over.
  const dir = await mkdtemp(join(tmpdir(), 'parcours-deploy-'));
  await cp(DIST, dir, { recursive: true });
  const site = await startServer(dir, 0);
  try {
    await context.route(`${new URL(site.url).origin}/**`, (route) => route.continue());
    const page = await context.newPage();
    await page.goto(site.url);
    await waitAppReady(page);
    await offlineReady(page);
    const build = () => page.evaluate(() => document.querySelector('meta[name="build"]')?.content ?? 'first');

    // Deploy: a changed page and a new sw.js, as a build writes them.
    const index = await readFile(join(dir, 'index.html'), 'utf8');
    await writeFile(join(dir, 'index.html'), index.replace('<head>', '<head><meta name="build" content="second">'));
    const sw = await readFile(join(dir, 'sw.js'), 'utf8');
    await writeFile(join(dir, 'sw.js'), sw.replace(/const VERSION = "([^"]+)"/, 'const VERSION = "$1-second"'));

    // The next visit still opens the cached build, whole, while the new one installs.
    await page.reload();
    await waitAppReady(page);
    assert.equal(await build(), 'first');
    await eventually(async () => {
      const state = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return { keys: await caches.keys(), busy: !!(reg.installing || reg.waiting), active: reg.active?.state };
      });
      assert.ok(state.keys.some((k) => k.endsWith('-second')), `new version cached: ${state.keys}`);
      assert.equal(state.busy, false);
      assert.equal(state.active, 'activated');
    });
    // The visit after opens the new build.
    await page.reload();
    await waitAppReady(page);
    assert.equal(await build(), 'second');
  } finally {
    await site.close();
    await rm(dir, { recursive: true, force: true });
  }
});
