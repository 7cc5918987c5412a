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
// Side by side with Mermaid (issue 18): one 30-section Mermaid `journey`
// drawn by Mermaid (npm, a development dependency, never in dist/) and
// imported by Parcours' own Mermaid reader; navigation → drawn and on an
// already-loaded page, as a ratio (goal ≤ 0.25). And the service worker
// against the network, same run: the library and the large map, with the
// worker asleep and running (goal: worker ≤ network).
//
// Env: BENCH_RUNS (loads per map, default 3), BENCH_EDITS (default 100),
//      BENCH_CARDS_PER_CELL (large map, default 2), BENCH_SW_RUNS (worker
//      against network, default the larger of 9 and BENCH_RUNS).
// Exit 0 whatever the timings; exit 1 only when the app fails (no map shown,
// edits not saved, console/page errors).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
// Worker against network: a tenth of the paint at most, so more runs than the
// loads above (medians of 5 on this busy 2-core machine flipped the verdict).
const SW_RUNS = Number(process.env.BENCH_SW_RUNS ?? Math.max(RUNS, 9));

// ---------------------------------------------------------------------------
// Maps in the storage format (src/core/document/model.rs, src/core/formats/envelope.rs).

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
    // Only the stages in view are built (src/core/view/stage_window.rs): the last lane's cells for all of them.
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
 * A fresh profile's first visit (which opens the demo map, as a user's
 * does), then the library: where the measures that start from the library
 * begin.
 */
async function libraryAfterFirstVisit(page, url) {
  await page.goto(url);
  await page.locator('[data-testid="editor"], [data-testid="library"]').first().waitFor();
  await page.goto(url + '#/');
  await page.locator('[data-testid="library"]').waitFor();
}

/**
 * Restore a multi-megabyte backup into a fresh profile through the library's
 * file picker: file chosen → every map checked, stored, and the notice shown.
 */
async function restoreTime(browser, url, text) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await libraryAfterFirstVisit(page, url);
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
    await libraryAfterFirstVisit(page, url);
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

/** Maps in the portfolio's measurement, and the touchpoints of each: as
 * large as fifty fit together under the 5 MB localStorage quota. */
const PORTFOLIO_MAPS = 50;
const PORTFOLIO_TOUCHPOINTS = 120;

/** Fifty maps of 12 stages, 120 touchpoints with survey answers (half of
 * them measured twice, for the trends), pain points and actions. */
export function portfolioMaps() {
  const day = 86_400_000;
  return Array.from({ length: PORTFOLIO_MAPS }, (_, i) => {
    const env = makeMap({ id: `benchpf${i}`, title: `Portfolio map ${i + 1}`, stages: 12, notesLanes: 0, cardsPerCell: 2, touchpoints: PORTFOLIO_TOUCHPOINTS, personas: 2 });
    const m = env.map;
    m.kind = ['current_state', 'future_state', 'service_blueprint', 'day_in_the_life'][i % 4];
    m.modified -= i * day;
    m.touchpoints.forEach((t, k) => {
      if (k % 2 === 0) {
        const nps = t.readings.find((r) => r.metric === 'nps');
        t.readings.unshift({ ...nps, at: nps.at - 30 * day, answers: nps.answers.map((a, j) => a + ((j + k + i) % 3)) });
      }
    });
    const pains = m.cards.filter((c) => m.lanes.find((l) => l.id === c.lane).kind === 'pain_points');
    m.actions = pains.slice(0, 4).map((c, k) => ({ id: `${m.id}-a${k}`, title: `Action ${k}`, card: c.id, status: ['idea', 'planned', 'in_progress', 'done'][k], owner: `Owner ${k}` }));
    return env;
  });
}

/**
 * The portfolio of fifty maps (#/portfolio) in a profile that holds them:
 * navigation → the first row painted, and → all fifty rows with the weakest
 * touchpoints (then the next animation frame). Medians of `runs`.
 */
async function portfolioTime(browser, url, runs) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    // The fifty replace every map, the first visit's demo too.
    await libraryAfterFirstVisit(page, url);
    const maps = portfolioMaps();
    const chars = await page.evaluate((envelopes) => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('parcours.map.')) localStorage.removeItem(key);
      let n = 0;
      for (const env of envelopes) {
        const text = JSON.stringify(env);
        localStorage.setItem(`parcours.map.${env.map.id}`, text);
        n += text.length;
      }
      return n;
    }, maps);
    const first = [];
    const all = [];
    for (let r = 0; r < runs; r++) {
      await page.goto('about:blank');
      await page.goto(url + '#/portfolio', { waitUntil: 'commit' });
      const t = await page.evaluate(async (want) => {
        const rows = () => document.querySelectorAll('[data-testid="portfolio-row"]').length;
        const done = () => rows() === want && document.querySelector('[data-testid="portfolio-weak"]') && !document.querySelector('[data-testid="portfolio-reading"]')?.textContent;
        let firstRow = null;
        while (!done() && performance.now() < 60_000) {
          if (firstRow === null && rows() > 0) firstRow = performance.now();
          await new Promise((res) => requestAnimationFrame(() => res()));
        }
        if (firstRow === null) firstRow = performance.now();
        await new Promise((res) => requestAnimationFrame(() => res()));
        return { first: firstRow, all: performance.now(), rows: rows() };
      }, maps.length);
      if (t.rows !== maps.length) throw new Error(`portfolio: ${t.rows} rows of ${maps.length}`);
      first.push(t.first);
      all.push(t.all);
    }
    return { maps: maps.length, chars, first: median(first), all: median(all) };
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

// ---------------------------------------------------------------------------
// Side by side with Mermaid (issue 18): the same 30-section `journey` text,
// drawn by Mermaid (the npm package, a development dependency that never
// goes into dist/) and imported by Parcours' own Mermaid reader.

const MERMAID_SECTIONS = 30;
const MERMAID_DIST = join(ROOT, 'node_modules/mermaid/dist');
const MERMAID_VERSION = (() => {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules/mermaid/package.json'), 'utf8')).version;
  } catch {
    return '(not installed: npm ci)';
  }
})();

/** A Mermaid `journey`: `sections` sections of 3 tasks (`Task: score: actors`). */
export function mermaidJourney(sections = MERMAID_SECTIONS) {
  const actors = ['Alice', 'Bob', 'Chloé'];
  const lines = ['journey', `  title Benchmark: a ${sections}-section journey`];
  for (let s = 0; s < sections; s++) {
    lines.push(`  section Stage ${s + 1}`);
    for (let t = 0; t < 3; t++) {
      const k = s * 3 + t;
      const who = actors.slice(0, 1 + (k % actors.length)).join(', ');
      lines.push(`    ${sentence(k, 4).replace(/\.$/, '')} ${k + 1}: ${1 + ((s + t) % 5)}: ${who}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Mermaid's library must never be shipped: no file of dist/ holds it. */
export async function mermaidInDist(dir = DIST) {
  const found = [];
  const walk = async (d) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      // `mermaidAPI` is the library's own object; Parcours' reader never names it.
      else if (/mermaid/i.test(e.name) || (await readFile(p)).includes('mermaidAPI')) found.push(p.slice(dir.length + 1));
    }
  };
  await walk(dir);
  return found;
}

/**
 * The Mermaid page, in a folder of its own (never dist/): the journey in a
 * <pre class="mermaid">, Mermaid's ES module build (which fetches only the
 * chunks a journey needs) preloaded as Parcours preloads its own module.
 * It records navigation → SVG in the DOM (→ next frame) and offers
 * `__again()`: a second render on the loaded page.
 */
export async function mermaidSite(text) {
  const dir = await mkdtemp(join(tmpdir(), 'parcours-bench-mermaid-'));
  await cp(MERMAID_DIST, dir, {
    recursive: true,
    filter: (src) => {
      const rel = src.slice(MERMAID_DIST.length);
      return rel === '' || rel === '/mermaid.esm.min.mjs' || rel === '/chunks' || (rel.startsWith('/chunks/mermaid.esm.min') && !rel.endsWith('.map'));
    },
  });
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Mermaid journey</title>
<link rel="icon" href="data:,">
<link rel="modulepreload" href="./mermaid.esm.min.mjs">
<script type="module">
import mermaid from './mermaid.esm.min.mjs';
mermaid.initialize({ startOnLoad: false });
const el = document.getElementById('first');
const text = el.textContent;
const last = ${JSON.stringify(`Stage ${MERMAID_SECTIONS}`)};
const drawn = (box) => !!box.querySelector('svg') && box.textContent.includes(last);
await mermaid.run({ nodes: [el] });
window.__bench = { dom: performance.now(), frame: null, ok: drawn(el) };
requestAnimationFrame(() => (window.__bench.frame = performance.now()));
let n = 0;
window.__again = async () => {
  const box = document.getElementById('again');
  const t0 = performance.now();
  const { svg } = await mermaid.render('again' + ++n, text);
  box.innerHTML = svg;
  const ok = drawn(box);
  await new Promise((r) => requestAnimationFrame(() => r()));
  return { ms: performance.now() - t0, ok };
};
</script>
</head>
<body>
<pre class="mermaid" id="first">${escaped}</pre>
<div id="again"></div>
</body>
</html>
`,
  );
  return dir;
}

/**
 * Installed before any page script of Parcours: on the library (`#/`), with a
 * journey waiting in sessionStorage, picks it as a .mmd file the moment the
 * file input exists (as a user's choice would), then records when the map is
 * drawn: every stage in the DOM (built, or a gap out of view) and the last
 * lane's cell under the last stage built, and the
 * next animation frame. Also leaves `__journeyDrawn` for later imports.
 */
function journeyProbe() {
  if (location.protocol !== 'http:') return;
  const drawn = (sections, notMap) => {
    const editor = document.querySelector('[data-testid="editor"]');
    if (!editor || editor.getAttribute('data-map-id') === notMap) return false;
    // Only the stages in view are built (src/core/view/stage_window.rs), the
    // others are column-wide gaps: every stage there, built or a gap, and
    // the last lane's cell under each built one.
    const row = document.querySelector('.stage-row');
    const headers = row ? row.querySelectorAll('[data-testid="stage-header"]') : [];
    if (!headers.length || headers.length + row.querySelectorAll('.stage-gap').length < sections) return false;
    const lastStage = headers[headers.length - 1].getAttribute('data-stage-id');
    const lanes = document.querySelectorAll('[data-testid="lane"]');
    return !!lanes.length && !!lanes[lanes.length - 1].querySelector(`[data-testid="cell"][data-stage-id="${lastStage}"]`);
  };
  const pick = (text) => {
    const input = document.querySelector('[data-testid="open-map-file"]');
    const files = new DataTransfer();
    files.items.add(new File([text], 'bench-journey.mmd', { type: 'text/plain' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };
  window.__journeyDrawn = drawn;
  window.__journeyPick = pick;
  let want = null;
  try {
    want = JSON.parse(sessionStorage.getItem('bench.journey') || 'null');
  } catch {
    return;
  }
  if (!want || location.hash !== '#/') return;
  window.__bench = { picked: null, dom: null, frame: null };
  const check = () => {
    const b = window.__bench;
    if (b.picked === null && document.querySelector('[data-testid="open-map-file"]')) {
      b.picked = performance.now();
      pick(want.text);
    }
    if (b.picked === null || b.dom !== null || !drawn(want.sections, null)) return;
    b.dom = performance.now();
    requestAnimationFrame(() => (b.frame = performance.now()));
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

/** A context whose every request to another origin is noted (and aborted). */
async function guardedContext(browser, origins, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', ...options });
  const problems = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (origins.some((o) => u.startsWith(o)) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    problems.push(`outside request: ${u}`);
    return route.abort('blockedbyclient');
  });
  context.on('page', (p) => {
    p.on('console', (msg) => msg.type() === 'error' && problems.push(`console error: ${msg.text()}`));
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  });
  return { context, problems };
}

/**
 * Parcours and Mermaid, the same journey, the same browser and flags, runs
 * interleaved, service workers blocked on both (the network path):
 *   - navigation start → drawn (→ next frame). Parcours: the library opens,
 *     the .mmd file is picked as soon as it can be, its reader turns it into
 *     a map and the editor draws it; Mermaid: the page's module loads and
 *     mermaid.run draws the SVG;
 *   - already loaded: Parcours imports the file again from the library of the
 *     same page (the reader's part already fetched); Mermaid renders again.
 */
export async function mermaidSideBySide(browser, url) {
  const text = mermaidJourney();
  const dir = await mermaidSite(text);
  const site = await startServer(dir, 0);
  const origins = [new URL(url).origin, new URL(site.url).origin];
  const out = { sections: MERMAID_SECTIONS, chars: text.length, parcours: { nav: [], again: [] }, mermaid: { nav: [], again: [] }, problems: [] };
  const parcours = await guardedContext(browser, origins, { serviceWorkers: 'block' });
  const mermaid = await guardedContext(browser, origins, { serviceWorkers: 'block' });
  try {
    await parcours.context.addInitScript(journeyProbe);
    const pp = await parcours.context.newPage();
    await pp.goto(url);
    await pp.locator('[data-testid="library"], [data-testid="editor"]').first().waitFor({ timeout: 30_000 });
    const mp = await mermaid.context.newPage();
    for (let r = 0; r < RUNS; r++) {
      // Parcours, navigation → the imported map drawn.
      await pp.evaluate(([t, n]) => sessionStorage.setItem('bench.journey', JSON.stringify({ text: t, sections: n })), [text, MERMAID_SECTIONS]);
      await pp.goto('about:blank');
      await pp.goto(`${url}#/`);
      await pp.waitForFunction(() => window.__bench && window.__bench.frame !== null, null, { timeout: 60_000 });
      const nav = await pp.evaluate(() => window.__bench);
      out.parcours.nav.push(nav.frame);
      out.parcours.picked = [...(out.parcours.picked ?? []), nav.picked];
      await pp.evaluate(() => sessionStorage.removeItem('bench.journey'));
      // Parcours, already loaded: back to the library, the same file again.
      const again = await pp.evaluate(async ([t, n]) => {
        const wait = async (done) => {
          const t0 = performance.now();
          while (!done()) {
            if (performance.now() - t0 > 60_000) throw new Error('the imported journey was not drawn in 60 s');
            await new Promise((r) => setTimeout(r, 0));
          }
        };
        const before = document.querySelector('[data-testid="editor"]').getAttribute('data-map-id');
        location.hash = '#/';
        await wait(() => document.querySelector('[data-testid="library"] [data-testid="open-map-file"]'));
        // When the reader has made the map and the app stores it (the first
        // write of a map key this page had not written before).
        let stored = NaN;
        const setItem = Storage.prototype.setItem;
        const known = new Set(Object.keys(localStorage));
        Storage.prototype.setItem = function (key, value) {
          if (Number.isNaN(stored) && key.startsWith('parcours.map.') && !known.has(key)) stored = performance.now();
          return setItem.call(this, key, value);
        };
        const t0 = performance.now();
        try {
          window.__journeyPick(t);
          await wait(() => window.__journeyDrawn(n, before));
          await new Promise((r) => requestAnimationFrame(() => r()));
        } finally {
          Storage.prototype.setItem = setItem;
        }
        return { ms: performance.now() - t0, stored: stored - t0 };
      }, [text, MERMAID_SECTIONS]);
      out.parcours.again.push(again.ms);
      out.parcours.stored = [...(out.parcours.stored ?? []), again.stored];
      // Mermaid, navigation → SVG drawn, then a second render on that page.
      await mp.goto('about:blank');
      await mp.goto(site.url);
      await mp.waitForFunction(() => window.__bench && window.__bench.frame !== null, null, { timeout: 60_000 });
      const drawn = await mp.evaluate(() => window.__bench);
      if (!drawn.ok) throw new Error('Mermaid did not draw the whole journey');
      out.mermaid.nav.push(drawn.frame);
      const second = await mp.evaluate(() => window.__again());
      if (!second.ok) throw new Error('Mermaid did not draw the whole journey again');
      out.mermaid.again.push(second.ms);
    }
  } catch (e) {
    out.error = e.message;
  } finally {
    out.problems.push(...parcours.problems, ...mermaid.problems);
    await parcours.context.close();
    await mermaid.context.close();
    await site.close();
    await rm(dir, { recursive: true, force: true });
  }
  return out;
}

// ---------------------------------------------------------------------------
// The service worker never slows a visit (issue 18): the same pages, in the
// same run, from the network (service workers blocked) and from the worker,
// once with the worker asleep (stopped, as after 30 s without a visit: it
// must start first) and once with it running.

/** Installed before any page script: on the library (`#/`), when every map's row is in the DOM, then the next frame. */
function libraryProbe() {
  if (location.protocol !== 'http:') return;
  let rows = 0;
  try {
    rows = Number(sessionStorage.getItem('bench.library') || 0);
  } catch {
    return;
  }
  if (!rows || location.hash !== '#/') return;
  window.__bench = { dom: null, frame: null };
  const check = () => {
    if (window.__bench.dom !== null || document.querySelectorAll('[data-testid="library"] [data-testid="map-row"]').length < rows) return;
    window.__bench.dom = performance.now();
    requestAnimationFrame(() => (window.__bench.frame = performance.now()));
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

export async function swVersusNetwork(browser, url, env) {
  const origins = [new URL(url).origin];
  const ways = { network: [], asleep: [], running: [] };
  const out = { label: `map ${env.map.title.replace(/^Benchmark: /, '')} (#/map/…)`, library: structuredClone(ways), map: structuredClone(ways), problems: [], notControlled: 0 };
  const sides = {};
  try {
    for (const [name, sw] of [['network', false], ['worker', true]]) {
      const side = await guardedContext(browser, origins, { serviceWorkers: sw ? 'allow' : 'block' });
      sides[name] = side;
      await side.context.addInitScript(paintProbe);
      await side.context.addInitScript(libraryProbe);
      side.page = await side.context.newPage();
      await side.page.goto(url);
      await side.page.locator('[data-testid="library"], [data-testid="editor"]').first().waitFor({ timeout: 30_000 });
      await side.page.evaluate(([k, v]) => localStorage.setItem(k, v), [`parcours.map.${env.map.id}`, JSON.stringify(env)]);
      if (sw) {
        // Installed (every file cached) and controlling the page.
        await side.page.evaluate(() => navigator.serviceWorker.ready);
        await side.page.reload();
        await side.page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
        side.cdp = await side.context.newCDPSession(side.page);
        await side.cdp.send('ServiceWorker.enable');
      }
      await side.page.goto(`${url}#/`);
      await side.page.locator('[data-testid="library"] [data-testid="map-row"]').first().waitFor({ timeout: 30_000 });
      side.rows = await side.page.locator('[data-testid="library"] [data-testid="map-row"]').count();
    }
    const loadLibrary = async (side) => {
      await side.page.evaluate((n) => sessionStorage.setItem('bench.library', String(n)), side.rows);
      await side.page.goto('about:blank');
      await side.page.goto(`${url}#/`);
      await side.page.waitForFunction(() => window.__bench && window.__bench.frame !== null, null, { timeout: 60_000 });
      return side.page.evaluate(() => window.__bench.frame);
    };
    const loadMap = async (side) => (await measureLoad(side.page, url, env)).frame;
    for (let r = 0; r < SW_RUNS; r++) {
      for (const [what, load] of [['library', loadLibrary], ['map', loadMap]]) {
        // The order turns each run, so that no way always goes first.
        const order = ['network', 'asleep', 'running'];
        for (let k = 0; k < r % 3; k++) order.push(order.shift());
        for (const way of order) {
          const side = way === 'network' ? sides.network : sides.worker;
          if (way === 'asleep') await side.cdp.send('ServiceWorker.stopAllWorkers');
          // A message starts the worker if it was stopped; it has been running since.
          if (way === 'running') await side.page.evaluate(() => navigator.serviceWorker.controller.postMessage('wake'));
          const t = await load(side);
          // Where the time went: the page's first byte, the first-load wasm fully read.
          const at = await side.page.evaluate(() => {
            const nav = performance.getEntriesByType('navigation')[0];
            const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/parcours_bg.wasm'));
            return { controlled: !!navigator.serviceWorker?.controller, page: nav.responseStart, wasm: wasm?.responseEnd ?? NaN };
          });
          if (at.controlled !== (way !== 'network')) out.notControlled += 1;
          out[what][way].push(t);
          out[what][`${way}Page`] = [...(out[what][`${way}Page`] ?? []), at.page];
          out[what][`${way}Wasm`] = [...(out[what][`${way}Wasm`] ?? []), at.wasm];
        }
      }
    }
    // The visit right after a first one, while the worker the first one
    // registered is caching the whole site (or, network side, nothing is).
    out.installing = { network: [], worker: [], installed: 0 };
    for (let r = 0; r < SW_RUNS; r++) {
      for (const sw of r % 2 ? [true, false] : [false, true]) {
        const side = await guardedContext(browser, origins, { serviceWorkers: sw ? 'allow' : 'block' });
        try {
          await side.context.addInitScript(paintProbe);
          const page = await side.context.newPage();
          await page.goto(url);
          await page.locator('[data-testid="library"], [data-testid="editor"]').first().waitFor({ timeout: 30_000 });
          await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`parcours.map.${env.map.id}`, JSON.stringify(env)]);
          // boot.js registers the worker 1.5 s after the page's load event.
          await page.waitForTimeout(1_700);
          const t = (await measureLoad(page, url, env)).frame;
          out.installing[sw ? 'worker' : 'network'].push(t);
          if (sw && (await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active))) out.installing.installed += 1;
        } finally {
          out.problems.push(...side.problems);
          await side.context.close();
        }
      }
    }
  } catch (e) {
    out.error = e.message;
  } finally {
    for (const side of Object.values(sides)) {
      out.problems.push(...side.problems);
      await side.context.close();
    }
  }
  return out;
}

/** The lines the two comparisons above print. */
export function sideBySideLines(mermaid, sw, inDist) {
  const lines = [];
  const ratio = (a, b) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : 'n/a');
  if (mermaid) {
    const m = mermaid;
    if (m.error) lines.push(`  Mermaid side by side: ${m.error}`);
    else {
      const p = { nav: median(m.parcours.nav), again: median(m.parcours.again) };
      const q = { nav: median(m.mermaid.nav), again: median(m.mermaid.again) };
      lines.push(`  the same ${m.sections}-section Mermaid journey (${m.chars} chars), Parcours (its Mermaid reader, then the editor) vs Mermaid ${MERMAID_VERSION} (journey, SVG), medians of ${m.parcours.nav.length}:`);
      lines.push(
        `    navigation → drawn (→ next frame): Parcours ${ms(p.nav)} (the library's file input there at ${ms(median(m.parcours.picked))}), ` +
          `Mermaid ${ms(q.nav)}: ratio ${ratio(p.nav, q.nav)} (goal ≤ 0.25)`,
      );
      lines.push(
        `    already-loaded page, file picked / render called → drawn: Parcours ${ms(p.again)} (read, the map being stored at ${ms(median(m.parcours.stored))}), ` +
          `Mermaid ${ms(q.again)}: ratio ${ratio(p.again, q.again)} (goal ≤ 0.25)`,
      );
    }
    for (const p of m.problems) lines.push(`    Mermaid side by side: ${p}`);
  }
  if (inDist) lines.push(inDist.length ? `  Mermaid's library is in dist/: ${inDist.join(', ')}` : "  Mermaid's library in dist/: no (a development dependency only)");
  if (sw) {
    if (sw.error) lines.push(`  service worker vs network: ${sw.error}`);
    else {
      lines.push(`  the same page from the network (no worker) and from the service worker, same run, medians of ${sw.library.network.length} (goal: worker ≤ network):`);
      for (const [what, label] of [['library', 'library (#/)'], ['map', sw.label]]) {
        const w = sw[what];
        const net = median(w.network);
        const asleep = median(w.asleep);
        const running = median(w.running);
        const verdict = (x) => (x <= net ? 'yes' : 'NO');
        lines.push(
          `    ${label}: network ${ms(net)}; worker asleep ${ms(asleep)} (${ratio(asleep, net)}×, ≤ network: ${verdict(asleep)}); ` +
            `worker running ${ms(running)} (${ratio(running, net)}×, ≤ network: ${verdict(running)})`,
        );
        const at = (way) => `${ms(median(w[`${way}Page`]))} / ${ms(median(w[`${way}Wasm`]))}`;
        lines.push(`      page's first byte / first-load wasm read: network ${at('network')}, asleep ${at('asleep')}, running ${at('running')}`);
      }
      if (sw.installing?.worker.length) {
        const i = sw.installing;
        const [net, wk] = [median(i.network), median(i.worker)];
        lines.push(
          `    ${sw.label}, the visit right after a first one (the worker caching the site meanwhile): network ${ms(net)}, ` +
            `worker installing ${ms(wk)} (${ratio(wk, net)}×, ≤ network: ${wk <= net ? 'yes' : 'NO'}; installed by the end in ${i.installed}/${i.worker.length})`,
        );
      }
      if (sw.notControlled) lines.push(`    ${sw.notControlled} load(s) were not served the way they were meant to be`);
    }
    for (const p of sw.problems) lines.push(`    service worker vs network: ${p}`);
  }
  return lines;
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
  let portfolio = null;
  const firstVisits = [];
  let mermaidSide = null;
  let swSide = null;
  const inDist = await mermaidInDist();
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
    process.stderr.write('bench: the portfolio of 50 maps…\n');
    portfolio = await portfolioTime(browser, server.url, RUNS);
    process.stderr.write('bench: opening a 5,000-stage map file…\n');
    manyOpened = await importOpenTime(browser, server.url, manyStages);
    process.stderr.write('bench: the same journey in Parcours and in Mermaid…\n');
    mermaidSide = await mermaidSideBySide(browser, server.url);
    process.stderr.write('bench: pages from the service worker and from the network…\n');
    swSide = await swVersusNetwork(browser, server.url, large);
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
  if (portfolio) {
    console.log(
      `  portfolio of ${portfolio.maps} maps (${(portfolio.chars / 1048576).toFixed(1)} M chars stored, ${PORTFOLIO_TOUCHPOINTS} touchpoints each), navigation → ` +
        `first row ${ms(portfolio.first)}, all rows and the weakest touchpoints ${ms(portfolio.all)} (median of ${RUNS}; no budget set yet)`,
    );
  }
  if (manyOpened) {
    const m = manyOpened;
    console.log(
      `  map file of ${m.stages} stages (${(m.bytes / 1048576).toFixed(1)} MB) opened into a fresh profile: ` +
        `file chosen → editor ${ms(m.dom)}, → next frame ${ms(m.frame)}${m.error ? ` — ${m.error}` : ''}`,
    );
    if (m.error) failed = true;
  }
  for (const line of sideBySideLines(mermaidSide, swSide, inDist)) console.log(line);
  if (inDist.length || mermaidSide?.error || mermaidSide?.problems.length || swSide?.error || swSide?.problems.length) failed = true;
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
