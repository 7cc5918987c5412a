// End-to-end tests of the quantitative view: metrics on touchpoints, CSV
// import, charts and their downloads. Run: node --test tests/e2e/
import { readFile } from 'node:fs/promises';

import {
  e2e,
  assert,
  sel,
  eventually,
  expectAtLeast,
  expectCount,
  expectText,
  expectVisible,
  waitSaved,
  editorMapId,
  storedEnvelope,
  downloadText,
  WAIT,
  touchpointNamed,
  expectContent,
  stageIds,
} from './harness.mjs';
import { violations } from './axe.mjs';

/** The text drawn in a chart's SVG (SVG has no innerText). */
async function expectSvgText(chart, pattern) {
  await eventually(async () => {
    const text = await chart.locator('svg').first().textContent({ timeout: 1000 });
    assert.match(text.replace(/\s*\n\s*/g, ' '), pattern);
  });
}

const badge = (card, metric) => card.locator(`${sel('metric-badge')}[data-metric="${metric}"]`);

/** A survey export from a French spreadsheet: semicolons, decimal commas, a BOM, CRLF. */
const FRENCH_SURVEY = [
  '\uFEFFRépondant;Profil;Recommandation (NPS) E-mail de suivi de livraison;Satisfaction E-mail de suivi de livraison;Commentaire',
  ...Array.from({ length: 40 }, (_, i) => {
    const persona = i % 2 ? 'Camille' : 'gérard';
    const nps = i < 24 ? 9 + (i % 2) : i < 32 ? 7 : 3; // 24 promoters, 8 passives, 8 detractors
    const csat = i < 30 ? '4,0' : '2';
    return `${i + 1};${persona};${nps};${csat};"Livré à l'heure; ""parfait""\nmerci"`;
  }),
  '41;Camille;12;4;hors échelle',
  '42;Camille;abc;4;pas un nombre',
].join('\r\n');

e2e('importing a semicolon CSV with French decimals: preview, bad rows, NPS with its margin, undo', { locale: 'fr-FR' }, async ({ page, open, shot }) => {
  await open();
  const id = await editorMapId(page);
  const tracking = await touchpointNamed(page, 'E-mail de suivi de livraison');
  const before = (await badge(tracking, 'nps').textContent()).replace(/\s+/g, ' ').trim();

  await page.locator(sel('import-csv')).click();
  await page.locator(sel('csv-file')).setInputFiles({
    name: 'enquete-livraison.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(FRENCH_SURVEY, 'utf8'),
  });
  const dialog = page.locator(sel('csv-import'));
  await expectText(dialog.locator(sel('csv-facts')), /;/);
  await assert.equal(await dialog.locator(sel('csv-decimal')).inputValue(), 'comma');
  // The columns were recognised: the persona, NPS and CSAT of the tracking e-mail.
  const uses = await dialog.locator(sel('csv-use')).evaluateAll((s) => s.map((x) => x.value));
  assert.deepEqual(uses, ['ignore', 'persona', 'metric:nps', 'metric:csat', 'ignore']);
  // The two bad rows are named by their line (the header is line 1, each comment spans two lines).
  await expectCount(dialog.locator(sel('csv-problem')), 2);
  const lines = await dialog.locator(sel('csv-problem')).evaluateAll((l) => l.map((x) => x.dataset.line));
  assert.deepEqual(lines, ['82', '83']);
  await expectText(dialog.locator(sel('csv-problem')).first(), /ligne 82, colonne « Recommandation .* 12 est hors de l'échelle 0 à 10/);
  await expectText(dialog.locator(sel('csv-rows-skipped')), /^2$/);
  // NPS: 24 promoters, 8 detractors of 40 → +40; its score interval is
  // 12.7 … 61.2 (issue 17), 27 below and 21 above: said by its ends.
  await expectText(dialog.locator(sel('csv-update')).first(), /NPS.*\+40 \(\+13 … \+61\) \(40 réponses\)/);
  // Nothing has changed before the confirmation.
  assert.equal((await badge(tracking, 'nps').textContent()).replace(/\s+/g, ' ').trim(), before);
  await shot('preview');

  await dialog.locator(sel('csv-confirm')).click();
  await expectCount(page.locator(sel('csv-import')), 0);
  await expectText(page.locator(sel('import-done')), /enquete-livraison\.csv — Importé\. Annuler \(Ctrl\+Z\) le retire\./);
  // Better than the demo's earlier reading, beyond noise: the badge says so.
  await expectContent(badge(tracking, 'nps'), /^NPS \+40 \(\+13 … \+61\) ▲$/);
  await expectContent(badge(tracking, 'csat'), /^CSAT 75\s%/);
  // Saved with its source and the earlier reading kept as history.
  await waitSaved(page);
  await eventually(async () => {
    const env = await storedEnvelope(page, id);
    const t = env.map.touchpoints.find((x) => x.name === 'E-mail de suivi de livraison');
    const nps = t.readings.filter((r) => r.metric === 'nps');
    assert.equal(nps.length, 2, 'the demo reading stays as history');
    assert.equal(nps[1].source, 'enquete-livraison.csv');
    assert.equal(nps[1].answers.reduce((a, b) => a + b, 0), 40);
    assert.ok(nps[1].personas.length === 2, 'answers split by persona');
  });
  // The unfolded metric shows the history.
  await tracking.locator(`${sel('touchpoint-metrics')} summary`).click();
  await expectVisible(tracking.locator(`${sel('metric-row')}[data-metric="nps"] ${sel('metric-history')}`));
  await shot('imported');

  // Each persona's respondents over the whole journey, in the charts.
  await page.locator(sel('tab-charts')).click();
  const scores = page.locator(sel('chart-scores'));
  await scores.locator(sel('scores-by')).selectOption('persona');
  await expectSvgText(scores, /Tous .* Camille .* Gérard /);
  await page.locator(sel('tab-map')).click();

  // One undo takes the whole import back.
  await page.locator(sel('undo')).click();
  await expectContent(badge(tracking, 'nps'), new RegExp(`^${before.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
});

e2e('charts: NPS with its margin, the funnel, downloads as SVG and PNG', async ({ page, open, shot }) => {
  await open();
  await page.locator(sel('tab-charts')).click();
  const charts = page.locator(sel('charts-page'));
  await expectVisible(charts);
  for (const name of ['weakest', 'scores', 'funnel', 'emotions', 'channels']) {
    await expectVisible(charts.locator(`${sel(`chart-${name}`)} svg`));
  }
  // Scores per stage with their intervals: "± m" where symmetric as shown,
  // else the two ends; per touchpoint, small samples are flagged.
  const scores = charts.locator(sel('chart-scores'));
  await expectSvgText(scores, /Delivery & installation −77 \(−84 … −68\)/);
  await expectSvgText(scores, /Use & after-sales \+30 ± 8/);
  await scores.locator(sel('scores-by')).selectOption('touchpoint');
  await expectSvgText(scores, /not conclusive/);
  // The funnel starts at every entrant.
  await expectSvgText(charts.locator(sel('chart-funnel')), /12,000 · 100%/);
  await shot('charts');

  const { text, name } = await downloadText(page, charts.locator(`${sel('chart-funnel')} ${sel('download-svg')}`));
  assert.match(name, /-funnel\.svg$/);
  assert.ok(text.startsWith('<svg') && text.includes('12,000 · 100%'), text.slice(0, 200));

  const [png] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT }),
    charts.locator(`${sel('chart-scores')} ${sel('download-png')}`).click(),
  ]);
  assert.match(png.suggestedFilename(), /-scores\.png$/);
  const bytes = await readFile(await png.path());
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.ok(bytes.length > 5000, `a real image (${bytes.length} bytes)`);
});

e2e('a figure typed by hand, then the metrics lane pools the stage', async ({ page, open }) => {
  await open();
  const id = await editorMapId(page);
  const card = await touchpointNamed(page, 'Delivery tracking e-mail');
  await card.locator(`${sel('touchpoint-metrics')} summary`).click();
  // An impossible NPS is refused with a message, and nothing changes.
  const nps = card.locator(`${sel('metric-row')}[data-metric="nps"]`);
  await nps.locator(sel('metric-typed-value')).fill('300');
  await nps.locator(sel('metric-typed-set')).click();
  await expectVisible(nps.locator(sel('metric-refused')));
  const row = card.locator(`${sel('metric-row')}[data-metric="reach"]`);
  await row.locator(sel('metric-typed-value')).fill('4 200');
  await row.locator(sel('metric-typed-set')).click();
  await expectContent(badge(card, 'reach'), /^Reach 4,200 ▲$/);
  await expectContent(row, /typed by hand/);
  await waitSaved(page);
  await page.reload();
  const again = await touchpointNamed(page, 'Delivery tracking e-mail');
  await expectContent(badge(again, 'reach'), /^Reach 4,200 ▲$/);
  // The stage's pooled figures are in the metrics lane.
  const stage = await page.locator(sel('stage-header')).nth(4).getAttribute('data-stage-id');
  const lane = page.locator(`${sel('lane')}[data-lane-kind="metrics"] ${sel('cell')}[data-stage-id="${stage}"]`);
  await expectContent(lane.locator(`${sel('stage-metric')}[data-metric="reach"]`), /4,200/);
  await expectAtLeast(lane.locator(`${sel('stage-metric')}[data-metric="nps"]`), 1);
  const env = await storedEnvelope(page, id);
  const t = env.map.touchpoints.find((x) => x.name === 'Delivery tracking e-mail');
  const reach = t.readings.filter((r) => r.metric === 'reach').at(-1);
  assert.equal(reach.value, 4200);
  assert.equal(reach.source, undefined, 'typed, not imported');
});

e2e('a file that is not a CSV, or a broken one, is refused with where and why', async ({ page, open }) => {
  await open();
  await page.locator(sel('import-csv')).click();
  const dialog = page.locator(sel('csv-import'));
  await dialog.locator(sel('csv-file')).setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('a,b\n1,2\n3,"never\nclosed\n'),
  });
  await expectText(dialog.locator(sel('csv-error')), /line 3: a quoted field \("\) is never closed/);
  assert.equal(await dialog.locator(sel('csv-confirm')).isDisabled(), true);
  await dialog.locator(sel('csv-file')).setInputFiles({
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
  });
  await expectText(dialog.locator(sel('csv-error')), /not a text file/);
  // The keyboard: the dialog opens on its file picker, Escape closes it.
  await page.keyboard.press('Escape');
  await expectCount(page.locator(sel('csv-import')), 0);
  await page.locator(sel('import-csv')).click();
  await eventually(async () =>
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'csv-file'),
  );
});

e2e('cells pasted from a spreadsheet: an analytics count per touchpoint, named in each row', async ({ page, open }) => {
  await open();
  await page.locator(sel('import-csv')).click();
  const dialog = page.locator(sel('csv-import'));
  await dialog.locator('.import-paste summary').click();
  // What a spreadsheet puts on the clipboard: tab-separated rows.
  await dialog.locator(sel('csv-paste')).fill('Page\tVisits\nProduct pages on the web site\t7,500\nOnline checkout\t2,100\nNowhere\t5');
  await dialog.locator(sel('csv-paste-read')).click();
  const uses = await dialog.locator(sel('csv-use')).evaluateAll((s) => s.map((x) => x.value));
  assert.deepEqual(uses, ['touchpoint_name', 'metric:reach']);
  await expectCount(dialog.locator(sel('csv-problem')), 1);
  await expectText(dialog.locator(sel('csv-problem')), /line 4, column "Page": no touchpoint of the map is called "Nowhere"/);
  await expectCount(dialog.locator(sel('csv-update')), 2);
  await dialog.locator(sel('csv-confirm')).click();
  const pages = await touchpointNamed(page, 'Product pages on the web site');
  await expectContent(badge(pages, 'reach'), /^Reach 7,500 ▲$/);
  await expectText(page.locator(sel('import-done')), /pasted data/);
});

e2e('touchpoints the file names but the map lacks: created at the stage chosen, with their answers, in one undoable step', async ({ page, open, shot }) => {
  await open();
  const id = await editorMapId(page);
  const stages = await stageIds(page);
  await page.locator(sel('import-csv')).click();
  const dialog = page.locator(sel('csv-import'));
  await dialog.locator('.import-paste summary').click();
  await dialog.locator(sel('csv-paste')).fill(
    'Touchpoint\tNPS\nOnline checkout\t9\nSelf-service kiosk\t10\nself-service KIOSK\t3\n<b>Chat bot</b>\t8\nNowhere\t',
  );
  await dialog.locator(sel('csv-paste-read')).click();
  // Offered once each (case aside), with their rows; a name without values is not offered.
  const offered = dialog.locator(sel('csv-missing-touchpoint'));
  await expectCount(offered, 2);
  await expectText(offered.first(), /^Self-service kiosk\s+2 rows/);
  await expectText(offered.nth(1), /^<b>Chat bot<\/b>\s+1 row/);
  assert.equal(await dialog.locator('.import-missing b').count(), 0, 'a name stays text');
  await expectCount(dialog.locator(sel('csv-problem')), 3);
  // One created, one not: only its rows stay left out.
  await offered.first().locator(sel('csv-missing-stage')).selectOption(stages[2]);
  await expectCount(dialog.locator(sel('csv-problem')), 1);
  await expectText(dialog.locator(sel('csv-created')), /^Self-service kiosk at stage “Comparison”$/);
  await expectAtLeast(dialog.locator(sel('csv-update'), { hasText: 'Self-service kiosk' }), 1);
  await shot('missing-offered');
  // The dialog (the map below it is checked by a11y.test.mjs).
  assert.deepEqual(await violations(page, '[data-testid="csv-import"]'), [], 'the dialog and its offer are axe-clean');
  // "All at" sets every name's stage.
  await dialog.locator(sel('csv-missing-all')).selectOption(stages[1]);
  await expectCount(dialog.locator(sel('csv-problem')), 0);
  await expectCount(dialog.locator(`${sel('csv-created')} li`), 2);
  await offered.nth(1).locator(sel('csv-missing-stage')).selectOption('');
  await offered.first().locator(sel('csv-missing-stage')).selectOption(stages[2]);
  await dialog.locator(sel('csv-confirm')).click();
  const kiosk = await touchpointNamed(page, 'Self-service kiosk');
  await expectCount(badge(kiosk, 'nps'), 1);
  await waitSaved(page);
  let stored = await storedEnvelope(page, id);
  const created = stored.map.touchpoints.filter((t) => t.name === 'Self-service kiosk');
  assert.equal(created.length, 1);
  assert.equal(created[0].stage, stages[2]);
  assert.equal(created[0].readings[0].answers.reduce((a, b) => a + b, 0), 2);
  assert.ok(!stored.map.touchpoints.some((t) => t.name === '<b>Chat bot</b>'), 'not chosen, not created');
  // One step: undo takes the touchpoint and its answers back.
  await page.locator(sel('undo')).click();
  await waitSaved(page);
  stored = await storedEnvelope(page, id);
  assert.ok(!stored.map.touchpoints.some((t) => t.name === 'Self-service kiosk'));
});
