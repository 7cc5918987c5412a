#!/usr/bin/env node
// Performance report for Parcours in Debian's Chromium (a report, not a timed test).
//
//   node scripts/bench.mjs            (needs a built dist/: trunk build --release)
//
// For a large map (40 stages × 12 lanes, cards in every text cell, 400
// touchpoints, 4 personas with emotions) and a small one (5 stages):
//   - load: navigation start → every stage header and the last cell are in
//     the DOM (and the next animation frame, ≈ painted);
//   - 100 card edits: set value + 'input' event, one macrotask for effects,
//     forced layout; median, p95 and worst;
//   - the edits reached the document: saved, and localStorage holds them.
// A map of 5,000 stages opened as a file (*Open a map file…*): file chosen →
// the editor showing it, and the next frame (import + open).
// Also the gzip -9 size of the built wasm + js, and a first visit (empty
// profile, files gzipped) over emulated slow links: navigation → the demo
// map readable (read-only preview or editor) and → editable.
//
// Env: BENCH_RUNS (loads per map, default 3), BENCH_EDITS (default 100),
//      BENCH_CARDS_PER_CELL (large map, default 2).
// Exit 0 whatever the timings; exit 1 only when the app fails (no map shown,
// edits not saved, console/page errors).

import { execFileSync } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';
import { LAUNCH_OPTIONS } from '../tests/e2e/launch.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.PARCOURS_DIST ?? join(ROOT, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EDITS = Number(process.env.BENCH_EDITS ?? 100);
const CARDS_PER_CELL = Number(process.env.BENCH_CARDS_PER_CELL ?? 2);
const CSV_BYTES = Number(process.env.BENCH_CSV_BYTES ?? 5 * 1024 * 1024);

// ---------------------------------------------------------------------------
// Maps in the storage format (src/core/model.rs, src/core/envelope.rs).

const STANDARD = ['goal', 'doing', 'thinking', 'feeling', 'touchpoints', 'metrics', 'pain_points', 'gains', 'opportunities'];
const CHANNELS = ['website', 'mobile_app', 'store', 'call_centre', 'email', 'social_networks', 'ads', 'search', 'chat', 'mail', 'word_of_mouth', 'other'];
const CLASSES = ['critical', 'complementary', 'superfluous'];
const COLOURS = ['#2f6fde', '#d9480f', '#2b8a3e', '#9c36b5', '#c2255c', '#0b7285'];
const WORDS = 'the customer compares offers reads reviews asks a friend calls support waits for delivery checks the price worries about quality and the store'.split(' ');

function sentence(seed, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(WORDS[(seed * 7 + i * 13) % WORDS.length]);
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

/**
 * @param {object} o
 * @param {string} o.id
 * @param {number} o.stages
 * @param {number} o.notesLanes   extra `notes` lanes after the 8 standard ones
 * @param {number} o.cardsPerCell cards in each text-lane cell
 * @param {number} o.touchpoints  in all, spread over the stages
 * @param {number} o.personas
 */
export function makeMap({ id, title, stages, notesLanes, cardsPerCell, touchpoints, personas }) {
  const now = Date.UTC(2026, 10, 23, 12, 0, 0);
  const map = {
    id,
    title,
    kind: 'current_state',
    description: `Generated for the benchmark: ${stages} stages.`,
    created: now,
    modified: now,
    personas: [],
    stages: [],
    lanes: [],
    cards: [],
    touchpoints: [],
    emotions: [],
    actions: [],
  };
  for (let p = 0; p < personas; p++) {
    map.personas.push({
      id: `${id}-p${p + 1}`,
      name: `Persona ${p + 1}`,
      segment: `Segment ${p + 1}`,
      share: 100 / personas,
      goals: sentence(p, 10),
      motivations: sentence(p + 1, 10),
      frustrations: sentence(p + 2, 10),
      quote: sentence(p + 3, 8),
      colour: COLOURS[p % COLOURS.length],
    });
  }
  for (let s = 0; s < stages; s++) map.stages.push({ id: `${id}-s${s + 1}`, name: `Stage ${s + 1}` });
  const kinds = [...STANDARD, ...Array(notesLanes).fill('notes')];
  kinds.forEach((kind, i) =>
    map.lanes.push({ id: `${id}-l${i + 1}`, kind, title: kind === 'notes' ? `Notes ${i - 7}` : '', hidden: false }),
  );
  let c = 0;
  for (const lane of map.lanes) {
    if (lane.kind === 'feeling' || lane.kind === 'touchpoints' || lane.kind === 'metrics') continue;
    const perPersona = lane.kind === 'doing' || lane.kind === 'thinking';
    for (const stage of map.stages) {
      for (let k = 0; k < cardsPerCell; k++) {
        c += 1;
        const persona = perPersona && personas > 0 && k % 2 === 1 ? map.personas[c % personas].id : null;
        map.cards.push({ id: `${id}-c${c}`, lane: lane.id, stage: stage.id, persona, text: sentence(c, 6 + (c % 9)) });
      }
    }
  }
  for (let t = 0; t < touchpoints; t++) {
    map.touchpoints.push({
      id: `${id}-t${t + 1}`,
      stage: map.stages[t % stages].id,
      name: `Touchpoint ${t + 1}`,
      channel: CHANNELS[t % CHANNELS.length],
      classification: CLASSES[t % CLASSES.length],
      department: `Dept ${(t % 5) + 1}`,
      // Survey answers and a reach, so the charts have all their data.
      readings: [
        { metric: 'reach', at: now, value: 10_000 - 20 * t },
        { metric: 'nps', at: now, scale: { low: 0, high: 10, good_low: 9, good_high: 10 }, answers: Array.from({ length: 11 }, (_, k) => 1 + ((t + k) % 7)) },
        { metric: 'csat', at: now, scale: { low: 1, high: 5, good_low: 4, good_high: 5 }, answers: Array.from({ length: 5 }, (_, k) => 2 + ((t * 3 + k) % 9)) },
      ],
    });
  }
  const personaIds = personas > 0 ? map.personas.map((p) => p.id) : [null];
  personaIds.forEach((pid, p) => {
    map.stages.forEach((stage, s) => {
      map.emotions.push({ stage: stage.id, persona: pid, value: Math.round(2 * Math.sin((s + p * 3) / 3)) });
    });
  });
  return { format: 'parcours.map', version: 2, revision: 1, map };
}

// ---------------------------------------------------------------------------
// Measuring.

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');

/** Installed before any page script: records when the map is in the DOM, then the next frame. */
function paintProbe() {
  if (location.protocol !== 'http:') return; // about:blank has no storage
  let want = null;
  try {
    want = JSON.parse(sessionStorage.getItem('bench.expect') || 'null');
  } catch {
    return;
  }
  if (!want || location.hash !== `#/map/${want.id}`) return;
  window.__bench = { dom: null, frame: null };
  const done = () => {
    const headers = document.querySelectorAll('[data-testid="stage-header"]').length;
    // Only the stages in view are built (src/core/stage_window.rs): the last lane's cells for all of them.
    const lastRow = document.querySelector(`[data-testid="lane"][data-lane-id="${want.lastLane}"]`);
    return headers > 0 && lastRow?.querySelectorAll('[data-testid="cell"]').length === Math.min(headers, want.stages);
  };
  const check = () => {
    if (window.__bench.dom !== null || !done()) return;
    window.__bench.dom = performance.now();
    requestAnimationFrame(() => {
      window.__bench.frame = performance.now();
    });
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  const start = () => {
    observer.observe(document.documentElement, { childList: true, subtree: true });
    check();
  };
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });
}

async function measureLoad(page, url, env) {
  const m = env.map;
  const want = {
    id: m.id,
    stages: m.stages.length,
    lastStage: m.stages[m.stages.length - 1].id,
    lastLane: m.lanes[m.lanes.length - 1].id,
  };
  await page.evaluate((w) => sessionStorage.setItem('bench.expect', JSON.stringify(w)), want);
  await page.goto('about:blank');
  await page.goto(`${url}#/map/${m.id}`);
  await page.waitForFunction(() => window.__bench && window.__bench.frame !== null, null, { timeout: 60_000 });
  return page.evaluate(() => window.__bench);
}

/** One edit = value + input event, a macrotask for effects, forced layout. Runs in the page. */
async function editLoop(page, cardIds, edits) {
  return page.evaluate(
    async ([ids, n]) => {
      const times = [];
      const last = {};
      for (let i = 0; i < n; i++) {
        const id = ids[i % ids.length];
        const el = document.querySelector(`textarea[data-testid="card"][data-card-id="${id}"]`);
        if (!el) throw new Error(`card ${id} is not in the page (edit ${i})`);
        const text = `bench edit ${i} on ${id}`;
        const t0 = performance.now();
        el.value = text;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        const t1 = performance.now();
        await new Promise((r) => setTimeout(r, 0));
        const t2 = performance.now();
        void document.body.offsetHeight;
        const t3 = performance.now();
        times.push(t3 - t0);
        (window.__phases ||= []).push([t1 - t0, t2 - t1, t3 - t2]);
        last[id] = text;
      }
      const ph = window.__phases || []; const med = (k) => { const v = ph.map((p) => p[k]).sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
      window.__phases = [];
      return { times, last, phases: [med(0), med(1), med(2)] };
    },
    [cardIds, edits],
  );
}

async function benchMap(browser, url, env, label) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const problems = [];
  const origin = new URL(url).origin;
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(origin) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    problems.push(`outside request: ${u}`);
    return route.abort('blockedbyclient');
  });
  context.on('page', (p) => {
    p.on('console', (msg) => msg.type() === 'error' && problems.push(`console error: ${msg.text()}`));
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  });
  await context.addInitScript(paintProbe);
  const page = await context.newPage();
  try {
    // First load: the app starts (and stores its demo); then inject the map.
    await page.goto(url);
    await page.locator('[data-testid="library"], [data-testid="editor"]').first().waitFor({ timeout: 30_000 });
    const raw = JSON.stringify(env);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`parcours.map.${env.map.id}`, raw]);

    const loads = [];
    for (let r = 0; r < RUNS; r++) loads.push(await measureLoad(page, url, env));

    // Edits on cards spread over the map.
    const all = await page
      .locator('textarea[data-testid="card"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-card-id')));
    if (!all.length) throw new Error('no card textarea in the editor');
    const step = Math.max(1, Math.floor(all.length / 10));
    const picked = [];
    for (let i = 0; i < all.length && picked.length < 10; i += step) picked.push(all[i]);
    const { times, last, phases } = await editLoop(page, picked, EDITS);

    // Did the edits reach the document?
    const saved = page.locator('[data-testid="save-status"][data-state="saved"]');
    await page.waitForFunction(
      ([key, texts]) => {
        const raw = localStorage.getItem(key) || '';
        return Object.values(texts).every((t) => raw.includes(t));
      },
      [`parcours.map.${env.map.id}`, last],
      { timeout: 15_000 },
    );
    await saved.waitFor({ state: 'attached', timeout: 15_000 });
    const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), `parcours.map.${env.map.id}`);
    const verified = Object.entries(last).every(([id, t]) => stored.map.cards.find((c) => c.id === id)?.text === t);
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const charts = await chartsTime(page);
    const csvImport = await importTime(page, surveyCsv(CSV_BYTES));

    return {
      label,
      chars: raw.length,
      stages: env.map.stages.length,
      lanes: env.map.lanes.length,
      cards: env.map.cards.length,
      touchpoints: env.map.touchpoints.length,
      domNodes,
      loadDom: loads.map((l) => l.dom),
      loadFrame: loads.map((l) => l.frame),
      edits: times,
      phases,
      charts,
      csvImport,
      verified,
      problems,
    };
  } catch (e) {
    return { label, error: e.message, problems };
  } finally {
    await context.close();
  }
}

/** A semicolon survey export of about `bytes` bytes, French decimals and quoted comments. */
function surveyCsv(bytes) {
  const rows = ['ResponseId;Persona;NPS;CSAT;CES;Commentaire'];
  let size = rows[0].length;
  for (let i = 0; size < bytes; i++) {
    const row = `R_${i};Persona ${(i % 2) + 1};${i % 11};${1 + (i % 5)},0;${1 + (i % 7)};"Livré à temps ; ""très bien"", merci"`;
    rows.push(row);
    size += row.length + 1;
  }
  return rows.join('\n');
}

/** Map tab → charts tab: until the five charts are drawn (or say they are empty). */
async function chartsTime(page) {
  const took = await page.evaluate(async () => {
    // Until `done()` holds, then one more frame.
    const wait = async (done) => {
      while (!done()) await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(() => r()));
    };
    const names = ['weakest', 'scores', 'funnel', 'emotions', 'channels'];
    const drawn = () => names.every((n) => document.querySelector(`[data-testid="chart-${n}"] svg, [data-testid="chart-${n}"] [data-testid="chart-empty"]`));
    const t0 = performance.now();
    document.querySelector('[data-testid="tab-charts"]').click();
    await wait(drawn);
    const t = performance.now() - t0;
    document.querySelector('[data-testid="tab-map"]').click();
    return t;
  });
  return took;
}

/** Import a CSV through the dialog: file chosen → preview shown, then confirm → dialog closed. */
async function importTime(page, csv) {
  return page.evaluate(async (text) => {
    const wait = async (done) => {
      while (!done()) await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(() => r()));
    };
    document.querySelector('[data-testid="import-csv"]').click();
    await wait(() => document.querySelector('[data-testid="csv-file"]'));
    const input = document.querySelector('[data-testid="csv-file"]');
    const files = new DataTransfer();
    files.items.add(new File([text], 'bench-survey.csv', { type: 'text/csv' }));
    input.files = files.files;
    const t0 = performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await wait(() => document.querySelector('[data-testid="csv-update"]'));
    const t1 = performance.now();
    document.querySelector('[data-testid="csv-confirm"]').click();
    await wait(() => !document.querySelector('[data-testid="csv-import"]'));
    const t2 = performance.now();
    return { bytes: text.length, preview: t1 - t0, confirm: t2 - t1 };
  }, csv);
}

/**
 * Restore a multi-megabyte backup into a fresh profile through the library's
 * file picker: file chosen → every map checked, stored, and the notice shown.
 */
async function restoreTime(browser, url, text) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('[data-testid="editor"], [data-testid="library"]').first().waitFor();
    await page.goto(url + '#/');
    await page.locator('[data-testid="library"]').waitFor();
    return await page.evaluate(async (body) => {
      const wait = async (done) => {
        while (!done()) await new Promise((r) => setTimeout(r, 0));
        await new Promise((r) => requestAnimationFrame(() => r()));
      };
      const input = document.querySelector('[data-testid="open-map-file"]');
      const files = new DataTransfer();
      files.items.add(new File([body], 'bench-backup.json', { type: 'application/json' }));
      input.files = files.files;
      const t0 = performance.now();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const notice = () => document.querySelector('[data-testid="notice"] .notice-body');
      await wait(notice);
      return { bytes: body.length, ms: performance.now() - t0, notice: notice().textContent };
    }, text);
  } finally {
    await context.close();
  }
}

/**
 * Open a map file through the library's file picker in a fresh profile:
 * file chosen → checked, stored, and the editor showing its first stage
 * (then the next animation frame).
 */
async function importOpenTime(browser, url, env) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('[data-testid="editor"], [data-testid="library"]').first().waitFor();
    await page.goto(url + '#/');
    await page.locator('[data-testid="library"]').waitFor();
    const text = JSON.stringify(env);
    const result = await page.evaluate(
      async ([body, id, firstStage]) => {
        const input = document.querySelector('[data-testid="open-map-file"]');
        const files = new DataTransfer();
        files.items.add(new File([body], 'bench-5000-stages.json', { type: 'application/json' }));
        input.files = files.files;
        const t0 = performance.now();
        input.dispatchEvent(new Event('change', { bubbles: true }));
        const shown = () =>
          document.querySelector(`[data-testid="editor"][data-map-id="${id}"]`) &&
          document.querySelector(`[data-testid="stage-header"][data-stage-id="${firstStage}"], [data-testid="stage-header"]`);
        const error = () => document.querySelector('[data-testid="notice"][data-kind="save-error"]');
        while (!shown() && !error() && performance.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 5));
        const dom = performance.now() - t0;
        await new Promise((r) => requestAnimationFrame(() => r()));
        return { dom, frame: performance.now() - t0, error: error()?.textContent ?? (shown() ? null : 'not shown in 120 s') };
      },
      [text, env.map.id, env.map.stages[0].id],
    );
    return { bytes: text.length, stages: env.map.stages.length, ...result };
  } finally {
    await context.close();
  }
}

/** Links a first visit is measured over (Chromium's network emulation; latency is per request). */
const LINKS = [
  { label: '1.6 Mbps, 150 ms', down: 1.6e6 / 8, up: 750e3 / 8, latency: 150 },
  { label: '10 Mbps, 40 ms', down: 10e6 / 8, up: 5e6 / 8, latency: 40 },
];

/**
 * A first visit (empty profile, no service worker) over a slow link, files
 * gzipped as a static host sends them: navigation start → the demo map's
 * stages on screen (read-only preview or editor), and → the editor there.
 */
async function firstVisitTimes(browser, url, link) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen = (window.__firstVisit = { readable: null, editable: null, bytes: 0 });
      const check = () => {
        const now = performance.now();
        if (seen.readable === null && document.querySelector('[data-testid="view-stage"], [data-testid="stage-name"]')) seen.readable = now;
        if (seen.editable === null && document.querySelector('[data-testid="editor"] [data-testid="stage-name"]')) seen.editable = now;
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: link.latency,
      downloadThroughput: link.down,
      uploadThroughput: link.up,
    });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
    await page.goto(url);
    await page.waitForFunction(() => window.__firstVisit.editable !== null, null, { timeout: 120_000 });
    const times = await page.evaluate(() => window.__firstVisit);
    return { ...times, bytes };
  } finally {
    await context.close();
  }
}

// The sizes, as scripts/size.sh measures them (first load and lazy parts).
function distSizes() {
  try {
    return execFileSync('bash', [join(ROOT, 'scripts/size.sh'), DIST], { encoding: 'utf8' });
  } catch (e) {
    return e.stdout ?? '';
  }
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows
    .map((r, j) => {
      const line = r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
      return j === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

async function main() {
  const sizes = distSizes();
  if (!sizes) {
    console.error(`bench: no build in ${DIST}; run trunk build --release first`);
    process.exit(1);
  }
  const large = makeMap({
    id: 'benchlarge',
    title: 'Benchmark: large map',
    stages: 40,
    notesLanes: 4,
    cardsPerCell: CARDS_PER_CELL,
    touchpoints: 400,
    personas: 4,
  });
  const small = makeMap({
    id: 'benchsmall',
    title: 'Benchmark: small map',
    stages: 5,
    notesLanes: 0,
    cardsPerCell: 1,
    touchpoints: 10,
    personas: 1,
  });

  // Many stages, little else: what the stage windowing must answer.
  const manyStages = makeMap({
    id: 'bench5000',
    title: 'Benchmark: 5,000 stages',
    stages: 5000,
    notesLanes: 0,
    cardsPerCell: 0,
    touchpoints: 500,
    personas: 1,
  });

  const server = await startServer(DIST, 0);
  const browser = await chromium.launch(LAUNCH_OPTIONS);
  const results = [];
  let restore = null;
  let manyOpened = null;
  const firstVisits = [];
  const gzipServer = await startServer(DIST, 0, {}, { gzip: true });
  try {
    for (const link of LINKS) {
      process.stderr.write(`bench: a first visit over ${link.label}…\n`);
      firstVisits.push({ link, ...(await firstVisitTimes(browser, gzipServer.url, link)) });
    }
    for (const [env, label] of [
      [small, 'small (5 stages)'],
      [large, 'large (40×12)'],
    ]) {
      process.stderr.write(`bench: ${label}…\n`);
      results.push(await benchMap(browser, server.url, env, label));
    }
    // Nine copies of the large map in one backup file (under the 5 MB quota).
    process.stderr.write('bench: restoring a backup…\n');
    const copies = Array.from({ length: 9 }, (_, i) => ({ ...large, map: { ...large.map, id: `benchlarge${i}` } }));
    const backupText = JSON.stringify({ format: 'parcours.library', version: 1, exported: 0, maps: copies, set_aside: [] });
    restore = await restoreTime(browser, server.url, backupText);
    process.stderr.write('bench: opening a 5,000-stage map file…\n');
    manyOpened = await importOpenTime(browser, server.url, manyStages);
  } finally {
    await browser.close();
    await server.close();
    await gzipServer.close();
  }

  console.log(`\nParcours benchmark — Chromium ${browser.version()}, ${RUNS} load(s) per map, ${EDITS} edits\n`);
  console.log(sizes.trimEnd());
  console.log();

  let failed = false;
  const rows = [['map', 'stored', 'cards', 'tps', 'DOM nodes', 'load→DOM (med)', 'load→frame (med)', 'load→frame (worst)', 'edit med', 'edit p95', 'edit worst', 'saved']];
  for (const r of results) {
    if (r.error) {
      failed = true;
      rows.push([r.label, 'ERROR', '', '', '', '', '', '', '', '', '', r.error.split('\n')[0].slice(0, 60)]);
      continue;
    }
    if (!r.verified || r.problems.length) failed = true;
    rows.push([
      r.label,
      `${(r.chars / 1024).toFixed(0)} K chars`,
      r.cards,
      r.touchpoints,
      r.domNodes,
      ms(median(r.loadDom)),
      ms(median(r.loadFrame)),
      ms(Math.max(...r.loadFrame)),
      ms(median(r.edits)),
      ms(quantile(r.edits, 0.95)),
      ms(Math.max(...r.edits)),
      r.verified ? 'yes' : 'NO',
    ]);
  }
  console.log(table(rows));
  console.log('\nload: navigation start → the stages in view built, every lane (→ next animation frame).');
  const [sm, lg] = ['small (5 stages)', 'large (40×12)'].map((l) => results.find((r) => r.label === l && !r.error));
  if (sm && lg) {
    const [a, b] = [median(sm.loadFrame), median(lg.loadFrame)];
    console.log(`  large map painted after navigation: ${ms(b)}, ${(b / a).toFixed(2)}× the small map's (goal: ≤ 3× and < 300 ms)`);
  }
  console.log("edit: value + 'input' event → setTimeout 0 → forced layout, in the page.");
  for (const r of results) {
    if (r.phases) {
      const [handler, task, layout] = r.phases.map((v) => v.toFixed(2));
      console.log(`  ${r.label}: median handler (Rust edit + reactive updates) ${handler} ms, until the next task ${task} ms, forced layout ${layout} ms`);
    }
  }
  for (const r of results) {
    if (r.charts !== undefined) console.log(`  ${r.label}: map tab → charts tab, five charts drawn: ${ms(r.charts)}`);
    if (r.csvImport) {
      const c = r.csvImport;
      console.log(`  ${r.label}: CSV import of ${(c.bytes / 1048576).toFixed(1)} MB: file chosen → preview ${ms(c.preview)}, confirm → applied ${ms(c.confirm)}`);
    }
  }
  for (const v of firstVisits) {
    console.log(
      `  first visit over ${v.link.label} (gzipped files, ${(v.bytes / 1024).toFixed(0)} KB transferred): ` +
        `demo map readable ${ms(v.readable)}, editable ${ms(v.editable)}`,
    );
  }
  if (restore) {
    console.log(`  backup of ${(restore.bytes / 1048576).toFixed(1)} MB (9 large maps) restored into a fresh profile: ${ms(restore.ms)} (${restore.notice})`);
    if (!/9\/9 maps/.test(restore.notice)) failed = true;
  }
  if (manyOpened) {
    const m = manyOpened;
    console.log(
      `  map file of ${m.stages} stages (${(m.bytes / 1048576).toFixed(1)} MB) opened into a fresh profile: ` +
        `file chosen → editor ${ms(m.dom)}, → next frame ${ms(m.frame)}${m.error ? ` — ${m.error}` : ''}`,
    );
    if (m.error) failed = true;
  }
  for (const r of results) {
    for (const p of r.problems ?? []) console.log(`  ${r.label}: ${p}`);
    if (r.error) console.log(`  ${r.label}: ${r.error}`);
  }
  if (failed) {
    console.log('\nbench: the app did not behave (see above): exit 1');
    process.exit(1);
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) await main();
