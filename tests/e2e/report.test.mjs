// End-to-end tests of the report: the demo map's report opened from the
// editor, filtered to one department, branded, then printed by Chromium to
// PDF on A4 and on Letter, and the PDF's text read back with pdf.js.
// Run: node --test tests/e2e/
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  e2e,
  assert,
  sel,
  eventually,
  expectVisible,
  expectText,
  expectCount,
  editorMapId,
  storedEnvelope,
  waitSaved,
  storage,
  ARTIFACTS,
} from './harness.mjs';

/** A 2×2 PNG (red, green, blue, white): a real image for the logo picker. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);
const asFile = (name, mimeType, buffer) => ({ name, mimeType, buffer });

/** The text of each page of a PDF, read by pdf.js (no worker, no fonts needed). */
async function pdfPages(buffer) {
  const doc = await getDocument({
    data: new Uint8Array(buffer),
    disableWorker: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    // Items are runs of text; join them, then fold white space for matching.
    pages.push(content.items.map((i) => i.str).join(' ').replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return pages;
}

/** Open the report of the map in the editor with its toolbar button. */
async function openReport(page) {
  const id = await editorMapId(page);
  const title = await page.locator(sel('map-title')).inputValue();
  await page.locator(sel('open-report')).click();
  await expectVisible(page.locator(sel('report')));
  assert.equal(new URL(page.url()).hash, `#/report/${id}`);
  await expectText(page.locator(sel('report-title')), title);
  return { id, title };
}

e2e('the demo report, for one department and branded, prints to PDF on A4 and Letter', async ({ page, open, shot }) => {
  await open();
  const { id, title } = await openReport(page);
  const map = (await storedEnvelope(page, id)).map;
  const report = page.locator(sel('report'));

  // The whole journey: every persona, every touchpoint, the stages in two tables.
  await expectCount(page.locator(sel('report-persona')), map.personas.length);
  await expectCount(page.locator(sel('report-touchpoint')), map.touchpoints.length);
  await expectCount(page.locator(sel('journey-table')), 2);
  await expectCount(page.locator(sel('report-stage')), map.stages.length);
  await expectCount(page.locator(sel('report-action')), map.actions.length);
  await expectVisible(page.locator(`${sel('report-chart-funnel')} svg`));
  await expectVisible(page.locator(`${sel('report-journey')} .feeling svg`).first());
  await expectText(page.locator(sel('report-department-line')), 'Whole journey, every department');
  await shot('whole-journey');

  // One department: its touchpoints, the actions on them, its own figures.
  // The department of the first action's touchpoint, so that it has one.
  const department = map.touchpoints.find((t) => t.id === map.actions[0].touchpoint).department;
  const owned = map.touchpoints.filter((t) => t.department === department);
  const ownedIds = new Set(owned.map((t) => t.id));
  const linked = map.actions.filter((a) => ownedIds.has(a.touchpoint));
  assert.ok(owned.length > 0 && owned.length < map.touchpoints.length);
  await report.evaluate((el) => (el.dataset.mountedOnce = 'yes'));
  await page.locator(sel('report-department')).selectOption(department);
  await expectText(page.locator(sel('report-department-line')), `Department: ${department}`);
  assert.equal(new URL(page.url()).hash, `#/report/${id}/${encodeURIComponent(department)}`);
  assert.equal(await report.getAttribute('data-mounted-once'), 'yes', 'the report was not mounted again');
  await expectCount(page.locator(sel('report-touchpoint')), owned.length);
  const departments = await page.locator(sel('report-touchpoint-department')).allInnerTexts();
  assert.deepEqual([...new Set(departments)], [department]);
  assert.ok(linked.length > 0);
  await expectCount(page.locator(sel('report-action')), linked.length);
  for (const row of await page.locator(sel('report-action')).allInnerTexts()) {
    assert.ok(row.includes(`(${department})`), `an action of the department: ${row}`);
  }
  // The funnel is drawn from the department's touchpoints only.
  const funnelText = await page.locator(`${sel('report-chart-funnel')} svg`).textContent();
  const prefix = (t) => t.name.slice(0, 10);
  const withReach = map.touchpoints.filter((t) => (t.readings ?? []).some((r) => r.metric === 'reach'));
  const others = withReach.filter((t) => !ownedIds.has(t.id) && !owned.some((o) => o.name.includes(prefix(t))));
  assert.ok(others.length > 0);
  for (const t of withReach.filter((t) => ownedIds.has(t.id))) {
    assert.ok(funnelText.includes(prefix(t)), `the funnel shows ${t.name}`);
  }
  for (const t of others) {
    assert.ok(!funnelText.includes(prefix(t)), `the funnel leaves out ${t.name}`);
  }
  // Personas, feelings and pain points stay: they are the journey itself.
  await expectCount(page.locator(sel('report-persona')), map.personas.length);
  assert.ok((await page.locator(sel('report-pain-point')).count()) > 0);

  // Branding: refused files say why and change nothing; then a real logo.
  await page.locator(`${sel('branding-panel')} summary`).click();
  const logoInput = page.locator(sel('brand-logo-file'));
  await logoInput.setInputFiles(asFile('notes.txt', 'image/png', Buffer.from('not an image at all')));
  await expectText(page.locator(sel('branding-message')), /notes\.txt — Not a PNG, JPEG or SVG image/);
  const big = Buffer.concat([PNG, Buffer.alloc(120_000)]);
  await logoInput.setInputFiles(asFile('huge.png', 'image/png', big));
  await expectText(page.locator(sel('branding-message')), /huge\.png — Over 100 KB, logo unchanged\. This file: 120\.\d KB/);
  assert.equal(await page.locator(sel('report-logo')).count(), 0, 'no logo from refused files');
  await logoInput.setInputFiles(asFile('logo.png', 'image/png', PNG));
  await expectVisible(page.locator(sel('report-logo')));
  assert.match(await page.locator(sel('report-logo')).getAttribute('src'), /^data:image\/png;base64,iVBORw0KGgo/);
  await page.locator(sel('brand-organisation')).fill('Maison Lavande');
  await page.locator(sel('brand-primary')).fill('#7a1f5c');
  await page.locator(sel('brand-accent')).fill('#f2c14e');
  await expectText(page.locator(sel('report-organisation')), 'Maison Lavande');
  await eventually(async () =>
    assert.equal(
      await page.locator('.report-band').evaluate((el) => getComputedStyle(el).backgroundColor),
      'rgb(122, 31, 92)',
    ),
  );
  await waitSaved(page);
  const branding = (await storedEnvelope(page, id)).map.branding;
  assert.equal(branding.organisation, 'Maison Lavande');
  assert.equal(branding.primary, '#7a1f5c');
  assert.equal(branding.accent, '#f2c14e');
  assert.match(branding.logo, /^data:image\/png;base64,/);
  await shot('department-branded');

  // What the printed page looks like (for the artifacts), then the PDFs.
  await page.emulateMedia({ media: 'print' });
  await expectVisible(page.locator(sel('report-title')));
  assert.equal(await page.locator(sel('report-tools')).isVisible(), false, 'no tools in print');
  assert.equal(await page.locator(sel('branding-panel')).isVisible(), false, 'no form in print');
  await shot('print-media');
  // Back to the page's own media: page.pdf() prints with print CSS.
  await page.emulateMedia({ media: null });

  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format, printBackground: true });
    await writeFile(join(ARTIFACTS, `report-${format}.pdf`), pdf);
    const pages = await pdfPages(pdf);
    assert.ok(pages.length > 1, `${format}: more than one page (${pages.length})`);
    assert.ok(pages[0].includes(title), `${format}: page 1 has the title "${title}": ${pages[0].slice(0, 300)}`);
    assert.ok(pages[0].includes(`Department: ${department}`), `${format}: page 1 says which department`);
    assert.ok(pages[0].includes('Maison Lavande'), `${format}: page 1 has the organisation`);
    const all = pages.join('\n');
    assert.ok(all.includes(owned[0].name), `${format}: the department's touchpoints are printed`);
    assert.ok(!all.includes('Print / Save as PDF'), `${format}: the tools are not printed`);
    assert.ok(!all.includes('Use for all my maps'), `${format}: the branding form is not printed`);
  }

  // Back to the map: the editor, with the branding kept.
  await page.locator(sel('back-to-map')).click();
  await expectVisible(page.locator(sel('editor')));
  assert.equal(await editorMapId(page), id);
});

e2e('a branding used for all maps shows on another map, whose own fields win', async ({ page, open }) => {
  await open();
  await openReport(page);
  await page.locator(`${sel('branding-panel')} summary`).click();
  await page.locator(sel('brand-organisation')).fill('Groupe Horizon');
  await page.locator(sel('brand-primary')).fill('#0b7285');
  await page.locator(sel('brand-use-for-all')).click();
  await expectText(page.locator(sel('branding-message')), 'Now the default of all your maps.');
  const stored = JSON.parse((await storage(page))['parcours.branding']);
  assert.deepEqual(stored, { organisation: 'Groupe Horizon', primary: '#0b7285' });

  // A new map has no branding of its own: its report wears the library's.
  await open('#/');
  await page.locator(sel('new-blank')).click();
  const blank = await openReport(page);
  await expectText(page.locator(sel('report-organisation')), 'Groupe Horizon');
  assert.equal((await storedEnvelope(page, blank.id)).map.branding, undefined, 'nothing written in the map');
  // Its own name wins; the colour still comes from the library.
  await page.locator(`${sel('branding-panel')} summary`).click();
  await page.locator(sel('brand-organisation')).fill('Filiale Sud');
  await expectText(page.locator(sel('report-organisation')), 'Filiale Sud');
  await eventually(async () =>
    assert.equal(
      await page.locator('.report-band').evaluate((el) => getComputedStyle(el).backgroundColor),
      'rgb(11, 114, 133)',
    ),
  );
  await waitSaved(page);
  assert.deepEqual((await storedEnvelope(page, blank.id)).map.branding, { organisation: 'Filiale Sud' });
});

e2e('an empty map and an unknown department say so plainly, in French', { locale: 'fr-FR' }, async ({ page, open, shot }) => {
  await open();
  await open('#/');
  await page.locator(sel('new-blank')).click();
  const { id } = await openReport(page);
  await expectText(page.locator(sel('report')), 'Aucun persona dans cette carte.');
  await expectText(page.locator(sel('report')), "Aucune action prévue pour l'instant.");
  await expectText(page.locator(sel('report')), 'Aucun point de friction noté.');
  await expectText(page.locator(sel('report')), 'Ni ressenti, ni fréquentation, ni réponse d\'enquête à représenter.');
  await expectText(page.locator(sel('report-department-line')), 'Tout le parcours, tous les services');
  // Only the whole journey to choose: a blank map has no department.
  assert.equal(await page.locator(`${sel('report-department')} option`).count(), 1);
  await shot('empty-fr');

  // A department named in the address that owns nothing.
  await open(`#/report/${id}/Service%20juridique`);
  await expectText(page.locator(sel('report-department-line')), 'Service : Service juridique');
  await expectVisible(page.locator(sel('no-department-touchpoints')));
  await expectText(page.locator(sel('report-no-actions')), 'Aucune action sur les points de contact de ce service.');

  // A map that is not there.
  await page.goto(new URL('#/report/gone-map', page.url()).href);
  await expectText(page.locator('.missing-map'), "Cette carte n'existe pas (ou plus).");
});

e2e('leaving the editor or the report right after an edit saves it, and the app keeps working', async ({ page, open }) => {
  await open();
  const id = await editorMapId(page);
  // Less than the half second of the autosave: the edit is saved on the way out.
  await page.locator(sel('map-title')).fill('Left at once');
  await page.locator(sel('open-report')).click();
  await expectText(page.locator(sel('report-title')), 'Left at once');
  await page.locator(`${sel('branding-panel')} summary`).click();
  await page.locator(sel('brand-organisation')).fill('Vite & Bien');
  await page.locator(sel('back-to-map')).click();
  await expectVisible(page.locator(sel('editor')));
  const map = (await storedEnvelope(page, id)).map;
  assert.equal(map.title, 'Left at once');
  assert.equal(map.branding.organisation, 'Vite & Bien');
  // Still alive: an edit in the editor is saved as usual.
  await page.locator(sel('map-title')).fill('Still working');
  await waitSaved(page);
  assert.equal((await storedEnvelope(page, id)).map.title, 'Still working');
});
