// End-to-end test harness for node:test + playwright-core + Debian's Chromium.
//
// Builds nothing: run `trunk build --release` first (scripts/test.sh does).
// One static server and one browser per test file; a fresh browser context
// (fresh profile: empty localStorage) per test. A test fails on:
//   - any console error or uncaught page error,
//   - any request to an origin other than the test server's (it is aborted).
//
// Usage:
//   import { e2e, waitSaved, eventually } from './harness.mjs';
//   e2e('first visit shows the demo', async ({ page, open, shot }) => {
//     await open();                          // the app at '#/' (or open('#/map/x'))
//     ...
//   });

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { LAUNCH_OPTIONS } from './launch.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const DIST = process.env.PARCOURS_DIST ?? join(ROOT, 'dist');
export const ARTIFACTS = join(here, 'artifacts');

/** The exact launch options verified on these machines (see /work/shared/toolchain.md). */
export { LAUNCH_OPTIONS };

/** How long one e2e test may take. */
export const TEST_TIMEOUT = Number(process.env.E2E_TEST_TIMEOUT ?? 90_000);
/** Default wait for UI state. */
export const WAIT = Number(process.env.E2E_WAIT ?? 10_000);

export const sel = (testid, extra = '') => `[data-testid="${testid}"]${extra}`;

// ---------------------------------------------------------------------------
// Server and browser, shared by the tests of one file.

const shared = { server: null, browser: null };
let hooksInstalled = false;

function installHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  before(async () => {
    if (!existsSync(join(DIST, 'index.html'))) {
      throw new Error(`${DIST}/index.html is missing: run \`trunk build --release\` first`);
    }
    shared.server = await startServer(DIST, 0);
    shared.browser = await chromium.launch(LAUNCH_OPTIONS);
    await mkdir(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
}

/** A safe file name from a test name. */
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

/** Screenshot into tests/e2e/artifacts/<name>.png. */
export async function shot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${slug(name)}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * A browser session: a fresh context whose pages are all watched.
 * `problems` collects console errors, page errors and foreign requests.
 */
export async function newSession({ locale = 'en-US', allowConsole = [], serviceWorkers = 'block' } = {}) {
  const server = shared.server;
  const origin = new URL(server.url).origin;
  const context = await shared.browser.newContext({
    locale,
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    // The service worker would answer from its cache what a test routes or
    // counts; only the offline tests let it run.
    serviceWorkers,
  });
  const problems = [];
  const allowed = (text) => allowConsole.some((re) => re.test(text));

  await context.route('**/*', (route) => {
    const url = route.request().url();
    let ok = false;
    try {
      const u = new URL(url);
      ok = u.origin === origin || u.protocol === 'data:' || u.protocol === 'blob:';
    } catch {
      ok = false;
    }
    if (ok) return route.continue();
    problems.push(`request outside the test server: ${route.request().method()} ${url}`);
    return route.abort('blockedbyclient');
  });

  const watch = (page) => {
    const tag = () => `[page ${context.pages().indexOf(page)}]`;
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      if (allowed(text)) return;
      const loc = msg.location();
      problems.push(`${tag()} console error: ${text}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    });
    page.on('pageerror', (err) => {
      problems.push(`${tag()} page error: ${err.stack || err.message || String(err)}`);
    });
    page.on('crash', () => problems.push(`${tag()} page crashed`));
  };
  context.on('page', watch);

  const page = await context.newPage();

  /** Open the app in `p` (default: the first page) at `hash` ('' or '#/…'), waiting for its UI. */
  const open = async (hash = '', p = page) => {
    await p.goto(server.url + hash, { waitUntil: 'load' });
    await waitAppReady(p);
    return p;
  };

  /** A second (third…) tab in the same context: shares localStorage, fires storage events. */
  const newTab = async (hash) => {
    const p = await context.newPage();
    if (hash !== undefined) await open(hash, p);
    return p;
  };

  return { context, page, open, newTab, problems, url: server.url, origin };
}

/** Wait until the app has mounted the library, the editor, a report or a presentation. */
export async function waitAppReady(page, timeout = WAIT) {
  await page
    .locator(`${sel('library')}, ${sel('editor')}, ${sel('report')}, ${sel('presentation')}`)
    .first()
    .waitFor({ state: 'visible', timeout });
}

/**
 * Declare an e2e test: a fresh context per test, failing on console/page
 * errors and foreign requests, with a screenshot on failure.
 * fn receives { page, context, open, newTab, problems, url, shot(name, page?), t }.
 */
export function e2e(name, options, fn) {
  if (typeof options === 'function') [options, fn] = [{}, options];
  installHooks();
  const { locale, allowConsole, serviceWorkers, ...testOptions } = options;
  test(name, { timeout: TEST_TIMEOUT, ...testOptions }, async (t) => {
    const session = await newSession({ locale, allowConsole, serviceWorkers });
    // The test name is cut so that the shot's own name always survives.
    const screenshot = (n, p = session.page) => shot(p, `${slug(name).slice(0, 60)}--${n}`);
    let failure = null;
    try {
      await fn({ ...session, shot: screenshot, t });
    } catch (e) {
      failure = e;
    }
    if (failure || session.problems.length) {
      for (const [i, p] of session.context.pages().entries()) {
        try {
          const path = await shot(p, `${slug(name).slice(0, 60)}--failure-page${i}`);
          t.diagnostic(`screenshot: ${path}`);
        } catch {
          /* the page may be gone */
        }
      }
    }
    await session.context.close().catch(() => {});
    if (failure) {
      if (session.problems.length) {
        failure.message += `\n\nAlso seen in the browser:\n  ${session.problems.join('\n  ')}`;
      }
      throw failure;
    }
    assert.deepEqual(session.problems, [], 'no console errors, page errors or outside requests');
  });
}

// ---------------------------------------------------------------------------
// Waiting (no fixed sleeps: poll for state).

/** Retry `check` (which throws or returns false) until it passes; rethrow its last error on timeout. */
export async function eventually(check, { timeout = WAIT, interval = 50, message } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const r = await check();
      if (r !== false) return r;
      last = new Error(message ?? 'condition still false');
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) {
      if (message && last && !last.message.includes(message)) last.message = `${message}: ${last.message}`;
      throw last;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Check that `check` keeps passing for `duration` ms (for "must not happen" assertions). */
export async function stays(check, { duration = 1500, interval = 100 } = {}) {
  const end = Date.now() + duration;
  do {
    await check();
    await new Promise((r) => setTimeout(r, interval));
  } while (Date.now() < end);
  await check();
}

export async function expectCount(locator, n, opts) {
  await eventually(async () => assert.equal(await locator.count(), n), opts);
}

export async function expectAtLeast(locator, n, opts) {
  await eventually(async () => {
    const c = await locator.count();
    assert.ok(c >= n, `expected at least ${n} elements, found ${c}`);
  }, opts);
}

/** The value of an input, textarea or select, eventually equal to `value`. */
export async function expectValue(locator, value, opts) {
  await eventually(async () => assert.equal(await locator.inputValue({ timeout: 1000 }), value), opts);
}

export async function expectText(locator, pattern, opts) {
  await eventually(async () => {
    const text = await locator.innerText({ timeout: 1000 });
    if (pattern instanceof RegExp) assert.match(text, pattern);
    else assert.ok(text.includes(pattern), `expected ${JSON.stringify(text)} to contain ${JSON.stringify(pattern)}`);
  }, opts);
}

export async function expectVisible(locator, timeout = WAIT) {
  await locator.waitFor({ state: 'visible', timeout });
}

/** Text shown by an element, including the values and placeholders of its form fields. */
export async function visibleWords(locator) {
  return locator.evaluate((root) => {
    const parts = [root.innerText];
    for (const el of root.querySelectorAll('input, textarea, select')) {
      if (el.value) parts.push(el.value);
      if (el.placeholder) parts.push(el.placeholder);
      if (el.getAttribute('aria-label')) parts.push(el.getAttribute('aria-label'));
      if (el.title) parts.push(el.title);
      if (el.tagName === 'SELECT' && el.selectedOptions[0]) parts.push(el.selectedOptions[0].textContent);
    }
    return parts.join('\n');
  });
}

// ---------------------------------------------------------------------------
// Parcours specifics.

export const MAP_PREFIX = 'parcours.map.';
export const QUARANTINE_PREFIX = 'parcours.quarantine.';

/** Wait for the debounced autosave: save-status with data-state="saved". */
export async function waitSaved(page, timeout = WAIT) {
  await page.locator(`${sel('save-status')}[data-state="saved"]`).waitFor({ state: 'attached', timeout });
}

export async function saveState(page) {
  return page.locator(sel('save-status')).getAttribute('data-state', { timeout: 1000 });
}

/** The editor's map id, once the editor is shown. */
export async function editorMapId(page, timeout = WAIT) {
  const editor = page.locator(sel('editor'));
  await editor.waitFor({ state: 'visible', timeout });
  const id = await editor.getAttribute('data-map-id');
  assert.ok(id, 'the editor has a data-map-id');
  return id;
}

/** All of localStorage as an object. */
export async function storage(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/** The raw stored text of a map (null when absent). */
export async function storedRaw(page, id) {
  return page.evaluate((key) => localStorage.getItem(key), MAP_PREFIX + id);
}

/** The stored envelope of a map, parsed (null when absent). */
export async function storedEnvelope(page, id) {
  const raw = await storedRaw(page, id);
  return raw == null ? null : JSON.parse(raw);
}

/** Lane row of a kind (the first when several). */
export const lane = (page, kind) => page.locator(`${sel('lane')}[data-lane-kind="${kind}"]`).first();

/** Cell of a lane kind at a stage. */
export const cell = (page, kind, stageId) =>
  lane(page, kind).locator(`${sel('cell')}[data-stage-id="${stageId}"]`);

/** Stage ids of the editor, in order. */
export async function stageIds(page) {
  return page.locator(sel('stage-header')).evaluateAll((els) => els.map((e) => e.getAttribute('data-stage-id')));
}

/** Click `trigger` (a locator) and return the download's text content. */
export async function downloadText(page, trigger) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), trigger.click()]);
  const failure = await download.failure();
  assert.equal(failure, null, `download failed: ${failure}`);
  const path = await download.path();
  return { text: await readFile(path, 'utf8'), name: download.suggestedFilename() };
}

/**
 * Fill localStorage to the brim with junk keys (`junk.N`): 500k-character
 * values until the quota refuses one, then smaller ones down to 1 character.
 * Returns what was written.
 */
export async function fillStorageToQuota(page) {
  return page.evaluate(() => {
    const isQuota = (e) =>
      e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22);
    let n = 0;
    let chars = 0;
    for (let size = 500_000; size >= 1; size = Math.floor(size / 10)) {
      const chunk = 'j'.repeat(size);
      for (;;) {
        const key = `junk.${n}`;
        try {
          localStorage.setItem(key, chunk);
          n += 1;
          chars += key.length + size;
        } catch (e) {
          if (!isQuota(e)) throw e;
          break;
        }
      }
    }
    return { keys: n, chars };
  });
}

export { assert };

/** The touchpoint card whose name is `name`. */
export async function touchpointNamed(page, name) {
  const cards = page.locator(sel('touchpoint'));
  let found = null;
  await eventually(async () => {
    const n = await cards.count();
    for (let i = 0; i < n; i++) {
      if ((await cards.nth(i).locator(sel('touchpoint-name')).inputValue()) === name) {
        found = cards.nth(i);
        return true;
      }
    }
    return false;
  }, { message: `a touchpoint named ${name}` });
  return found;
}

/** The text of an element, laid out or not (cells off screen skip layout). */
export async function expectContent(locator, pattern) {
  await eventually(async () => {
    const text = await locator.textContent({ timeout: 1000 });
    assert.match((text ?? '').replace(/\s+/g, ' ').trim(), pattern);
  });
}

