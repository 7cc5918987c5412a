// Figures you can defend (issue 17), end to end: an interval that reaches a
// scale's end is said by its two ends on the touchpoint, in the charts and in
// the report; a done action's effect says "within noise" or "improved" as
// the numbers say. Run: node --test tests/e2e/
import {
  e2e,
  assert,
  sel,
  eventually,
  expectCount,
  expectText,
  expectVisible,
  waitSaved,
  editorMapId,
  touchpointNamed,
  expectContent,
} from './harness.mjs';
import { violations } from './axe.mjs';

/** Imports `csv` (named `name`) through the survey import dialog. */
async function importSurvey(page, name, csv) {
  await page.locator(sel('import-csv')).click();
  await page.locator(sel('csv-file')).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  const dialog = page.locator(sel('csv-import'));
  await expectVisible(dialog.locator(sel('csv-update')).first());
  await dialog.locator(sel('csv-confirm')).click();
  await expectCount(page.locator(sel('csv-import')), 0);
  await waitSaved(page);
}

/** A survey of one NPS column about `touchpoint`: each score `count` times. */
function npsSurvey(header, scores) {
  const rows = scores.flatMap(([score, count]) => Array.from({ length: count }, () => score));
  return [`Respondent,${header}`, ...rows.map((s, i) => `${i + 1},${s}`)].join('\n');
}

const ENDS = /\+100 \(\+13 … \+100\)/;

e2e('a small survey at the top of the scale says its interval by its ends, everywhere', async ({ page, open, shot }) => {
  await open();
  const id = await editorMapId(page);
  // Five promoters of five: NPS +100. The old badge said "+100 ± 0"; the
  // score interval is 13 … 100, cut at the scale's end: its ends are said.
  await importSurvey(page, 'five.csv', npsSurvey('NPS Delivery tracking e-mail', [[10, 5]]));
  const tracking = await touchpointNamed(page, 'Delivery tracking e-mail');
  const badge = tracking.locator(`${sel('metric-badge')}[data-metric="nps"]`);
  await expectContent(badge, /^NPS \+100 \(\+13 … \+100\) ⚠/);
  await tracking.locator(`${sel('touchpoint-metrics')} summary`).click();
  const row = tracking.locator(`${sel('metric-row')}[data-metric="nps"]`);
  await expectText(row.locator(sel('metric-value')), ENDS);
  // Not conclusive, and the threshold is said.
  await expectText(row.locator(sel('not-conclusive')), /30/);
  await shot('touchpoint-ends');

  // The charts: the bar's text and the data table's interval column.
  await page.locator(sel('tab-charts')).click();
  const scores = page.locator(sel('chart-scores'));
  await scores.locator(sel('scores-by')).selectOption('touchpoint');
  await eventually(async () => {
    const svg = (await scores.locator('svg').first().textContent({ timeout: 1000 })).replace(/\s*\n\s*/g, ' ');
    assert.match(svg, ENDS);
  });
  await eventually(async () => {
    const cells = await scores.locator('table td').allTextContents();
    assert.ok(cells.some((c) => c.trim() === '+13 … +100'), cells.join(' | '));
  });
  await shot('charts-ends');

  // The report.
  await open(`#/report/${id}`);
  await eventually(async () => {
    const text = await page.locator(sel('report-touchpoint')).allTextContents();
    assert.ok(text.some((t) => ENDS.test(t.replace(/\s+/g, ' '))), 'the report says the ends');
  });
  await shot('report-ends');
});

e2e('a done action between two surveys: within noise, then improved, as the numbers say', { locale: 'fr-FR' }, async ({ page, open, shot }) => {
  await open();
  // The demo's done action ("Dimensions et encastrement") is about the
  // product pages' NPS. A survey after it of 10 answers, 5 promoters and 5
  // detractors: its interval is ±55 or so, within noise of the one before.
  const header = 'Recommandation (NPS) Fiches produits du site';
  await importSurvey(page, 'petite-enquete.csv', npsSurvey(header, [[10, 5], [2, 5]]));
  await page.locator(sel('open-actions-board')).click();
  await expectVisible(page.locator(sel('board-table')));
  const effect = page.locator(`${sel('board-row')}[data-status="done"] ${sel('board-effect')}`).first();
  await eventually(async () => assert.equal(await effect.getAttribute('data-verdict'), 'noise'));
  await expectText(effect, /dans le bruit/);
  await expectText(effect, /NPS \S+ → 0/);
  await shot('board-noise');
  assert.deepEqual(await violations(page), [], 'board, French, within noise');

  // A second survey of 200 promoters: +100, beyond noise.
  await page.goBack();
  await expectVisible(page.locator(sel('import-csv')));
  await importSurvey(page, 'grande-enquete.csv', npsSurvey(header, [[10, 200]]));
  await page.locator(sel('open-actions-board')).click();
  await eventually(async () => assert.equal(await effect.getAttribute('data-verdict'), 'better'));
  await expectText(effect, /amélioré/);
  await expectText(effect, /NPS \S+ → \+100/);
  await shot('board-improved');
});
