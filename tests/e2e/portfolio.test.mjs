// The portfolio end to end (issue 16): three maps in one table with their
// journey figures, margins and trends, open pain points and actions;
// filtered by kind, owner, department and persona, sorted by NPS and by
// owner; an owner named in the portfolio and in the editor (format
// version 7); the weakest touchpoints across maps; each row opens its map.
// French in dark mode; axe-core.
import { e2e, assert, sel, eventually, expectCount, expectText, expectValue, expectVisible, editorMapId, storedEnvelope, waitSaved, MAP_PREFIX } from './harness.mjs';
import { violations } from './axe.mjs';
import { makeMap } from '../../scripts/bench.mjs';

const NPS_SCALE = { low: 0, high: 10, good_low: 9, good_high: 10 };
/** NPS answers: `d` 0s, `p` 10s. */
const nps = (at, d, p) => ({ metric: 'nps', at, scale: NPS_SCALE, answers: [d, 0, 0, 0, 0, 0, 0, 0, 0, 0, p] });

/** Two maps besides the demo: a blueprint whose NPS rose clearly, and one without figures. */
function seeds() {
  const delivery = makeMap({ id: 'pf-delivery', title: 'Delivery <b>blueprint</b>', stages: 3, notesLanes: 0, cardsPerCell: 1, touchpoints: 3, personas: 1 });
  const m = delivery.map;
  m.kind = 'service_blueprint';
  m.modified = Date.UTC(2026, 10, 20);
  // The first touchpoint measured twice: −60 then +60 on 100 answers each.
  m.touchpoints[0].readings = [nps(1, 80, 20), nps(2, 20, 80)];
  m.touchpoints[1].readings = [nps(2, 50, 50)];
  m.touchpoints[2].readings = [];
  // One of its three pain points answered by a done action, one by a planned one.
  const pains = m.cards.filter((c) => m.lanes.find((l) => l.id === c.lane).kind === 'pain_points');
  m.actions = [
    { id: 'pf-a1', title: 'Call before coming', status: 'done', card: pains[0].id, done_at: 3 },
    { id: 'pf-a2', title: 'Two-hour slots', status: 'planned', card: pains[1].id },
  ];
  const claims = makeMap({ id: 'pf-claims', title: 'Claims', stages: 2, notesLanes: 0, cardsPerCell: 0, touchpoints: 1, personas: 0 });
  claims.map.touchpoints[0].readings = [];
  claims.map.touchpoints[0].department = 'Service client';
  claims.map.modified = Date.UTC(2026, 10, 10);
  return [delivery, claims];
}

async function seed(page) {
  await page.evaluate(
    ([prefix, envelopes]) => {
      for (const env of envelopes) localStorage.setItem(prefix + env.map.id, JSON.stringify(env));
    },
    [MAP_PREFIX, seeds()],
  );
}

const row = (page, id) => page.locator(`${sel('portfolio-row')}[data-map="${id}"]`);
const figure = (page, id, metric) => row(page, id).locator(`td[data-metric="${metric}"]`);

e2e('the portfolio shows every map with its journey figures, filters, sorts and opens them', async ({ page, open, shot }) => {
  await open();
  const demoId = await editorMapId(page);
  await seed(page);
  await page.locator(sel('back')).click();
  await expectVisible(page.locator(sel('library')));
  await page.locator(sel('open-portfolio')).click();
  await expectVisible(page.locator(sel('portfolio-table')));
  await expectCount(page.locator(sel('portfolio-row')), 3);
  await expectText(page.locator(sel('portfolio-count')), '3 of 3 maps');

  // The blueprint: NPS pooled over its touchpoints' latest answers (100 at
  // +60 and 100 at 0: +30), with its interval, and the trend over the one
  // touchpoint measured twice, beyond noise.
  await expectText(figure(page, 'pf-delivery', 'nps').locator(sel('portfolio-figure')), /^\+30( ± \d+| \(\+\d+ … \+\d+\))$/);
  const trend = figure(page, 'pf-delivery', 'nps').locator(sel('portfolio-trend'));
  assert.equal(await trend.getAttribute('data-verdict'), 'better');
  await expectText(trend, /^▲ \+120 \(\+\d+ … \+\d+\) · improved$/);
  await expectText(figure(page, 'pf-delivery', 'nps'), 'over 1 touchpoint(s) measured twice');
  await expectText(figure(page, 'pf-claims', 'nps'), '—');
  await expectText(row(page, 'pf-delivery').locator(sel('portfolio-open')), '2 of 3');
  await expectText(row(page, 'pf-delivery').locator(sel('portfolio-actions')), 'Planned 1 · Done 1');
  // The title is text, not markup.
  await expectText(row(page, 'pf-delivery').locator('th a'), 'Delivery <b>blueprint</b>');
  assert.equal(await row(page, 'pf-delivery').locator('th b').count(), 0);

  // Sorted by NPS, weakest first: maps without one last.
  await page.locator(sel('portfolio-sort')).selectOption('nps');
  await eventually(async () => {
    const order = await page.locator(sel('portfolio-row')).evaluateAll((rows) => rows.map((r) => r.dataset.map));
    assert.equal(order.at(-1), 'pf-claims', order.join(', '));
  });
  // Filters: kind, department (case ignored by the core), persona.
  await page.locator(sel('portfolio-kind')).selectOption('service_blueprint');
  await expectCount(page.locator(sel('portfolio-row')), 1);
  await expectVisible(row(page, 'pf-delivery'));
  await page.locator(sel('portfolio-kind')).selectOption('');
  await page.locator(sel('portfolio-department')).selectOption('Service client');
  await eventually(async () => {
    const shown = await page.locator(sel('portfolio-row')).evaluateAll((rows) => rows.map((r) => r.dataset.map));
    assert.ok(shown.includes('pf-claims') && !shown.includes('pf-delivery'), shown.join(', '));
  });
  await page.locator(sel('portfolio-department')).selectOption('');
  await page.locator(sel('portfolio-persona')).selectOption('pf-delivery-p1');
  await expectCount(page.locator(sel('portfolio-row')), 1);
  await page.locator(sel('portfolio-persona')).selectOption('');
  await expectCount(page.locator(sel('portfolio-row')), 3);

  // The weakest touchpoints across maps, ten at most: the blueprint's
  // 50/50 touchpoint (NPS 0) is among the demo's, its +60 one after it if
  // at all.
  const weak = page.locator(sel('portfolio-weak'));
  await expectCount(weak, 10);
  const order = await weak.evaluateAll((items) => items.map((i) => i.dataset.touchpoint));
  const [t1, t2] = ['pf-delivery-t1', 'pf-delivery-t2'].map((t) => order.indexOf(t));
  assert.ok(t2 >= 0 && (t1 === -1 || t1 > t2), order.join(', '));
  await page.locator(sel('portfolio-table')).scrollIntoViewIfNeeded();
  await shot('portfolio-en');
  assert.deepEqual(await violations(page), [], 'the portfolio');

  // Name the claims map's owner in the portfolio: stored in place, then
  // filtered and sorted by.
  const owner = row(page, 'pf-claims').locator(sel('portfolio-owner'));
  await owner.fill('  Équipe sinistres ');
  await owner.press('Enter');
  await eventually(async () => assert.equal((await storedEnvelope(page, 'pf-claims')).map.owner, 'Équipe sinistres'));
  assert.equal((await storedEnvelope(page, 'pf-claims')).version, 8);
  await page.locator(sel('portfolio-owner-filter')).selectOption('Équipe sinistres');
  await expectCount(page.locator(sel('portfolio-row')), 1);
  await expectVisible(row(page, 'pf-claims'));
  await page.locator(sel('portfolio-owner-filter')).selectOption('');
  await page.locator(sel('portfolio-sort')).selectOption('owner');
  await eventually(async () => {
    const first = await page.locator(sel('portfolio-row')).first().getAttribute('data-map');
    assert.equal(first, 'pf-claims', 'the only map with an owner comes first');
  });

  // A weak touchpoint's map link, then a row's title, open their maps.
  await page.locator(`${sel('portfolio-weak')}[data-touchpoint="pf-delivery-t2"] a`).click();
  await eventually(async () => assert.equal(await editorMapId(page), 'pf-delivery'));
  await page.goBack();
  await expectVisible(page.locator(sel('portfolio-table')));
  await row(page, demoId).locator('th a').click();
  await eventually(async () => assert.equal(await editorMapId(page), demoId));
  // The editor names the owner too, and the portfolio shows it.
  await page.locator(sel('map-owner')).fill('Customer care');
  await page.locator(sel('map-owner')).press('Tab');
  await waitSaved(page);
  assert.equal((await storedEnvelope(page, demoId)).map.owner, 'Customer care');
  await page.evaluate(() => (location.hash = '#/portfolio'));
  await expectValue(row(page, demoId).locator(sel('portfolio-owner')), 'Customer care');
  await page.evaluate(() => (location.hash = '#/map/pf-claims'));
  await expectValue(page.locator(sel('map-owner')), 'Équipe sinistres');
});

e2e('the portfolio in French and dark mode, from its address', { locale: 'fr-FR' }, async ({ page, open, shot }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open();
  await editorMapId(page);
  await seed(page);
  await page.evaluate(() => (location.hash = '#/portfolio'));
  await expectVisible(page.locator(sel('portfolio-table')));
  await expectText(page.locator(sel('portfolio')), 'Portefeuille');
  await expectCount(page.locator(sel('portfolio-row')), 3);
  await expectText(figure(page, 'pf-delivery', 'nps').locator(sel('portfolio-trend')), /amélioré/);
  await expectText(row(page, 'pf-delivery').locator(sel('portfolio-open')), '2 sur 3');
  await expectText(page.locator(sel('portfolio-count')), '3 cartes sur 3');
  await page.locator(sel('portfolio-table')).scrollIntoViewIfNeeded();
  await shot('portfolio-fr-dark');
  assert.deepEqual(await violations(page), [], 'the portfolio, French, dark');
});
