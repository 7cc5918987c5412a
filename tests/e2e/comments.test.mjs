// Comments (issue 15): on the map and on its items, with replies, Resolve and
// Reopen, undoable, saved in the map's file (format version 5), hostile text
// kept as text; in English and in French, light and dark, axe-clean.
// Merging two people's comments is in folder.test.mjs (two profiles).
import {
  e2e, sel, assert, eventually, expectCount, expectText, expectVisible, editorMapId, waitSaved, storedEnvelope,
} from './harness.mjs';
import { violations } from './axe.mjs';

const panel = (page) => page.locator(sel('comments-panel'));
const comments = (page) => page.locator(sel('comment'));

e2e('comment the map and a card, reply, resolve, reopen and undo, hostile text as text', async ({ page, open, shot }) => {
  await open();
  const id = await editorMapId(page);
  await waitSaved(page);
  const button = page.locator(sel('comments-open'));
  const badge = async (locator) => locator.getAttribute('data-comments');
  await expectText(button, /^💬 Comments$/);
  await button.click();
  await expectVisible(panel(page));
  // No name yet: the panel asks for it first.
  assert.ok(await page.locator(sel('comment-add')).isDisabled(), 'no comment before a name');
  await page.locator(sel('your-name-input')).fill('Léa Martin');
  await page.locator(sel('your-name-save')).click();
  await page.locator(sel('comment-text')).fill('Overall: review it with customer service on Thursday.');
  await page.locator(sel('comment-add')).click();
  await expectCount(comments(page), 1);
  await expectText(page.locator(sel('comment-place')), /On the map/);
  await eventually(async () => (await badge(button)) === '1');

  // A comment on a card, chosen in the list of places; hostile text.
  const card = page.locator('.card').first();
  const cardId = await card.getAttribute('data-card');
  await page.locator(sel('comment-target')).selectOption(cardId);
  const hostile = '<img src=x onerror="window.__pwned=1"> <b>bold?</b>';
  await page.locator(sel('comment-text')).fill(hostile);
  await page.locator(sel('comment-add')).click();
  await expectCount(comments(page), 2);
  const onCard = comments(page).filter({ hasText: 'onerror' });
  await expectText(onCard.locator(sel('comment-place')), /^Card “/);
  await expectText(onCard.locator(sel('comment-text-shown')), /^<img src=x onerror/);
  assert.equal(await panel(page).locator('img, b').count(), 0, 'text stays text');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // The card shows its count (painted by the comments' part), the button the total.
  await eventually(async () => (await badge(card)) === '1');
  assert.equal(await card.getAttribute('aria-description'), '1 open comment');
  await eventually(async () => (await badge(button)) === '2');

  // A reply, then Resolve: the card's count goes, the comment is kept.
  await onCard.locator(sel('comment-reply-text')).fill('Agreed, I will ask.');
  await onCard.locator(sel('comment-reply')).click();
  await expectCount(onCard.locator(sel('comment-reply-shown')), 1);
  await onCard.locator(sel('comment-resolve')).click();
  await expectCount(comments(page), 1);
  await eventually(async () => (await badge(card)) === null);
  await eventually(async () => (await badge(button)) === '1');
  await page.locator(sel('comments-show-resolved')).check();
  await expectCount(comments(page), 2);
  await expectText(page.locator('.comment-resolved'), /Resolved by Léa Martin/);
  await shot('resolved-shown');
  await page.locator(sel('comment-reopen')).click();
  await expectCount(page.locator(sel('comment-resolve')), 2);
  // Undo takes the reopening back (one edit), redo does it again.
  await page.keyboard.press('Control+z');
  await expectCount(page.locator(sel('comment-reopen')), 1);
  await page.keyboard.press('Control+Shift+z');
  await expectCount(page.locator(sel('comment-resolve')), 2);

  // Show on the map: the card takes the focus.
  await onCard.locator(sel('comment-go')).click();
  await eventually(async () => (await page.evaluate(() => document.activeElement?.closest('.card')?.dataset.card)) === cardId);

  // Saved in the map, at the current format version (6 since the opportunity scores).
  await waitSaved(page);
  const stored = await storedEnvelope(page, id);
  assert.equal(stored.version, 8);
  assert.equal(stored.map.comments.length, 2);
  assert.equal(stored.map.comments[1].text, hostile);
  assert.equal(stored.map.comments[1].replies[0].author, 'Léa Martin');

  // Opened again, the counts come back with the map.
  await page.reload();
  await eventually(async () => (await badge(page.locator(`.card[data-card="${cardId}"]`))) === '1');
  await eventually(async () => (await badge(page.locator(sel('comments-open')))) === '2');
  await page.locator(sel('comments-open')).click();
  await expectCount(comments(page), 2);
  assert.deepEqual(await violations(page), [], 'the panel is axe-clean');
  await shot('panel-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await violations(page), [], 'the panel is axe-clean in dark mode');
  await shot('panel-dark');
});

e2e('in French: the panel, a stage comment and a located refusal, in dark mode', { locale: 'fr-FR' }, async ({ page, open, shot }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open();
  const id = await editorMapId(page);
  await page.locator(sel('comments-open')).click();
  await expectText(panel(page).locator('h2'), /Commentaires/);
  await page.locator(sel('your-name-input')).fill('Camille « Cam »');
  await page.locator(sel('your-name-save')).click();
  // An empty comment is refused in French, nothing is added.
  await page.locator(sel('comment-text')).fill('   ');
  await page.locator(sel('comment-add')).click();
  await expectText(panel(page).locator('[role=alert]'), /de 1 à 10000 caractères/);
  await expectCount(comments(page), 0);
  const stage = page.locator(sel('stage-header')).nth(1);
  const stageId = await stage.getAttribute('data-stage-id');
  await page.locator(sel('comment-target')).selectOption(stageId);
  await page.locator(sel('comment-text')).fill('Étape trop longue ?\nÀ découper.');
  await page.locator(sel('comment-add')).click();
  await expectCount(comments(page), 1);
  await expectText(page.locator(sel('comment-place')), /^Étape « /);
  await eventually(async () => (await stage.getAttribute('data-comments')) === '1');
  assert.equal(await stage.getAttribute('aria-description'), '1 commentaire ouvert');
  await eventually(async () => (await page.locator(sel('comments-open')).getAttribute('data-comments')) === '1');
  assert.deepEqual(await violations(page), [], 'axe-clean in French, dark');
  await shot('fr-dark');

  // The report ends with the open comments, which a box leaves out of it.
  await waitSaved(page);
  await open(`#/report/${id}`);
  const inReport = page.locator(sel('report-comments'));
  await expectText(inReport.locator('h2'), /^Commentaires ouverts$/);
  await expectCount(page.locator(sel('report-comment')), 1);
  await expectText(page.locator(sel('report-comment')), /Étape « .*Camille « Cam ».*Étape trop longue/s);
  await shot('report-fr');
  await page.locator(sel('report-include-comments')).uncheck();
  await expectCount(page.locator(sel('report-comment')), 0);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  assert.equal(await inReport.isVisible(), false, 'left out of the print');
  await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
  await page.locator(sel('report-include-comments')).check();
  await expectCount(page.locator(sel('report-comment')), 1);
  assert.deepEqual(await violations(page), [], 'the report is axe-clean');
});
