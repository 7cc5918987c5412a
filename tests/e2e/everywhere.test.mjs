// The main flow of the site, run four ways: offline (the network cut after a
// first visit), by keyboard only, on a 360 px phone, and in dark mode. At each
// step axe-core finds no WCAG 2.2 AA violation and a screenshot is taken
// (tests/e2e/artifacts/). Run: node --test tests/e2e/
import { e2e, assert, sel, eventually, expectVisible, expectText, waitAppReady, waitSaved, lane } from './harness.mjs';
import { violations } from './axe.mjs';

/** Press Tab until `locator`'s element has the focus (it must be reachable so). */
async function tabTo(page, locator, max = 400) {
  const element = await locator.elementHandle();
  for (let i = 0; i < max; i++) {
    if (await element.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${locator} is not reached with Tab in ${max} presses`);
}

/**
 * The demo → library → a new map → title, two cards (one moved to the next stage), a
 * stage, undo → charts → presentation → library again, and the work still
 * there after a reload. `keyboard`: no click at all.
 */
async function mainFlow({ page, open, shot, keyboard = false }) {
  const activate = async (locator) => {
    if (keyboard) {
      await tabTo(page, locator);
      await page.keyboard.press('Enter');
    } else {
      await locator.click();
    }
  };
  const fill = async (locator, text) => {
    if (keyboard) {
      await tabTo(page, locator);
      await page.keyboard.press('Control+a');
      await page.keyboard.type(text);
    } else {
      await locator.fill(text);
    }
  };
  const check = async (name) => {
    assert.deepEqual(await violations(page), [], `axe on ${name}`);
    await shot(name);
  };

  // A first visit opens the demo map; the library is one step back.
  await open();
  if (await page.locator(sel('editor')).isVisible()) await activate(page.locator(sel('back')));
  await expectVisible(page.locator(sel('library')));
  await check('library');

  await activate(page.locator(sel('new-blank')));
  await expectVisible(page.locator(sel('editor')));
  await fill(page.locator(sel('map-title')), 'Flow map');

  // A card in the first stage of the Doing lane, a second after it
  // (Ctrl+Enter), moved to the next stage (Alt+→).
  const doingCells = lane(page, 'doing').locator(sel('cell'));
  await activate(doingCells.first().locator(sel('add-card')));
  await page.keyboard.type('First card');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Second card');
  await page.keyboard.press('Alt+ArrowRight');
  await eventually(async () => assert.deepEqual(await doingCells.nth(1).locator(sel('card')).evaluateAll((els) => els.map((e) => e.value)), ['Second card']));

  // A new stage; undo takes back the typing of its name.
  const stages = await page.locator(sel('stage-header')).count();
  if (keyboard) await page.keyboard.press('Control+Shift+Enter');
  else await page.locator(sel('add-stage')).click();
  await eventually(async () => assert.equal(await page.locator(sel('stage-header')).count(), stages + 1));
  await page.keyboard.type('Typed then undone');
  if (keyboard) await page.keyboard.press('Control+z');
  else await page.locator(sel('undo')).click();
  await eventually(async () => assert.notEqual(await page.locator(sel('stage-name')).last().inputValue(), 'Typed then undone'));
  await waitSaved(page);
  await check('editor');

  await activate(page.locator(sel('tab-charts')));
  await expectVisible(page.locator(sel('charts-page')));
  await check('charts');
  await activate(page.locator(sel('tab-map')));

  // Present: P from outside a field (keyboard) or the button.
  if (keyboard) await page.keyboard.press('p');
  else await page.locator(sel('present')).click();
  await expectVisible(page.locator(sel('presentation')));
  await page.keyboard.press('ArrowRight');
  await expectText(page.locator(sel('present-status')), /2 \//);
  await check('presentation');
  await page.keyboard.press('Escape');
  await expectVisible(page.locator(sel('editor')));

  await activate(page.locator(sel('back')));
  await expectVisible(page.locator(sel('library')));
  await expectText(page.locator(sel('library')), 'Flow map');
  await check('library-after');

  // Everything was kept.
  await page.reload();
  await waitAppReady(page);
  await activate(page.locator(sel('map-row')).filter({ hasText: 'Flow map' }).locator(sel('open-map')));
  await expectVisible(page.locator(sel('editor')));
  const texts = await lane(page, 'doing').locator(sel('card')).evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(texts, ['First card', 'Second card']);
}

e2e('the main flow offline, after one visit', { serviceWorkers: 'allow' }, async (session) => {
  const { page, context, open } = session;
  await open();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await eventually(async () => assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller)));
  await context.setOffline(true);
  try {
    await mainFlow(session);
  } finally {
    await context.setOffline(false);
  }
});

e2e('the main flow by keyboard only', async (session) => {
  await mainFlow({ ...session, keyboard: true });
});

e2e('the main flow on a 360 px phone', async (session) => {
  await session.page.setViewportSize({ width: 360, height: 740 });
  await mainFlow(session);
  assert.equal(await session.page.evaluate(() => document.documentElement.scrollWidth), 360, 'no sideways scroll');
});

e2e('the main flow in dark mode', async (session) => {
  await session.page.emulateMedia({ colorScheme: 'dark' });
  await mainFlow(session);
  assert.equal(await session.page.evaluate(() => document.documentElement.dataset.theme), 'dark');
});
