// End-to-end tests of embedding: the snippet the editor gives, pasted in a
// page served from another local port, shows the map read-only in its iframe;
// an embed can also name a map file by its address (same origin or CORS).
// Run: node --test tests/e2e/
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { e2e, assert, sel, DIST, expectVisible, expectText, editorMapId, storedEnvelope, storage } from './harness.mjs';
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

/** An "intranet" on another port serving `files` ({ name: text }), with `headers`. */
async function intranetWith(files, headers = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'parcours-intranet-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const server = await startServer(dir, 0, headers);
  return {
    dir,
    url: server.url,
    origin: new URL(server.url).origin,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

e2e(
  'an embed names a map file on an intranet that allows it (CORS); other addresses are refused plainly',
  // What Chromium logs for the refusals below (CSP, CORS, a missing file).
  { allowConsole: [/Content Security Policy/, /CORS policy/, /Failed to load resource/] },
  async ({ page, context, open, url: shipped, shot }) => {
    await open();
    const map = (await storedEnvelope(page, await editorMapId(page))).map;
    const file = JSON.stringify({ format: 'parcours.map', version: 3, revision: 1, map });
    const other = JSON.stringify({ format: 'something.else', version: 1 });
    const cors = await intranetWith({ 'delivery.json': file, 'other.json': other }, { 'Access-Control-Allow-Origin': '*' });
    const closed = await intranetWith({ 'delivery.json': file });

    // As shipped, the Content-Security-Policy lets the app read its own origin only.
    await page.goto(`${shipped}#/embed?src=${encodeURIComponent(`${cors.url}delivery.json`)}`);
    await expectText(page.locator(sel('embed-error')), /could not fetch it/);

    // The README's step: Parcours hosted with the intranet's origin added to connect-src.
    const site = await mkdtemp(join(tmpdir(), 'parcours-site-'));
    await cp(DIST, site, { recursive: true });
    const index = await readFile(join(site, 'index.html'), 'utf8');
    const widened = index.replace("connect-src 'self'", `connect-src 'self' ${cors.origin} ${closed.origin}`);
    assert.notEqual(widened, index, 'index.html holds the connect-src directive');
    await writeFile(join(site, 'index.html'), widened);
    const parcours = await startServer(site, 0);
    const url = parcours.url;
    try {
      for (const origin of [cors.origin, closed.origin, new URL(url).origin]) {
        await context.route(`${origin}/**`, (route) => route.continue());
      }
      const embed = (src) => `${url}#/embed?src=${encodeURIComponent(src)}`;

      // The intranet's page embeds its own map file.
      await writeFile(
        join(cors.dir, 'index.html'),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Intranet</title><link rel="icon" href="data:,"></head><body><h1>Team page</h1><iframe src="${embed(`${cors.url}delivery.json`)}" title="Delivery journey" width="100%" height="640"></iframe></body></html>`,
      );
      await page.goto(cors.url);
      const frame = page.frameLocator('iframe');
      await expectText(frame.locator(sel('embed-title')), new RegExp(`^${map.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      assert.deepEqual(await frame.locator(sel('view-stage')).allTextContents(), map.stages.map((s) => s.name));
      assert.equal(await frame.locator('textarea, input, select').count(), 0, 'nothing to edit');
      await shot('embedded-from-map-file');

      // Refused, each with what and where; nothing stored.
      const cases = [
        [`${closed.url}delivery.json`, /could not fetch it .*\(CORS\)/],
        // A path next to Parcours (same origin) that is not there.
        ['maps/missing.json', /^This map file cannot be shown: maps\/missing\.json: the server answered 404$/],
        [`${cors.url}other.json`, /other\.json: .*"something\.else" file, not a Parcours map/],
        ['javascript:alert(1)', /"javascript:" addresses are not read/],
      ];
      for (const [src, why] of cases) {
        await page.goto(embed(src));
        await expectText(page.locator(sel('embed-error')), why);
      }
      await page.goto(`${url}#/embed?nothing=1`);
      await expectText(page.locator(sel('embed-error')), /names no map file/);
      assert.deepEqual(await storage(page), {}, 'embeds store nothing');
    } finally {
      await parcours.close();
      await rm(site, { recursive: true, force: true });
      await cors.close();
      await closed.close();
    }
  },
);
