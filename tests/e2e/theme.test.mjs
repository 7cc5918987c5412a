// End-to-end test of the themes: dark follows the system unless the user
// chooses, the choice survives a reload, and print is always light.
// Run: node --test tests/e2e/
import { e2e, assert, sel, eventually, expectVisible } from './harness.mjs';

const background = (page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const theme = (page) => page.evaluate(() => document.documentElement.dataset.theme);
const LIGHT = 'rgb(244, 246, 248)';
const DARK = 'rgb(22, 26, 32)';

e2e('dark mode follows the system, a manual choice wins and stays, print is light', async ({ page, open, shot }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open();
  await expectVisible(page.locator(sel('editor')));
  assert.equal(await theme(page), 'dark');
  assert.equal(await background(page), DARK);
  await shot('dark-editor');

  // Printing a dark screen gives a light page: white, with dark ink.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await background(page), 'rgb(255, 255, 255)');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).color), 'rgb(29, 36, 48)');
  await page.emulateMedia({ media: 'screen' });

  // The system turns light: the page follows, live.
  await page.emulateMedia({ colorScheme: 'light' });
  await eventually(async () => assert.equal(await theme(page), 'light'));
  assert.equal(await background(page), LIGHT);

  // The user picks dark: it wins over the (light) system, after a reload too.
  await page.locator(sel('theme-select')).selectOption('dark');
  await eventually(async () => assert.equal(await background(page), DARK));
  await page.reload();
  await expectVisible(page.locator(sel('editor')));
  assert.equal(await theme(page), 'dark');
  assert.equal(await page.locator(sel('theme-select')).inputValue(), 'dark');

  // Back to the system's choice.
  await page.locator(sel('theme-select')).selectOption('system');
  await eventually(async () => assert.equal(await theme(page), 'light'));
  assert.equal(await page.evaluate(() => localStorage.getItem('parcours.theme')), null);
});
