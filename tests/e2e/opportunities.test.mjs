// Opportunities that answer a pain point (issue 5): link one in the demo
// with "Answers the pain point", see the pain point count it, reload (the
// stored card keeps `answers`), delete the pain point (the link goes),
// undo (it comes back), axe-core on the editor.
import {
  e2e,
  assert,
  sel,
  eventually,
  expectCount,
  expectValue,
  waitSaved,
  editorMapId,
  storedEnvelope,
  lane,
} from './harness.mjs';
import { violations } from './axe.mjs';

/** `locator`'s text is `words` (textContent: cards out of view have no innerText). */
async function expectWords(locator, words) {
  await eventually(async () => assert.equal((await locator.textContent({ timeout: 1000 }))?.trim(), words));
}

/** The stored card `id` of map `mapId`. */
async function storedCard(page, mapId, id) {
  const env = await storedEnvelope(page, mapId);
  return env.map.cards.find((c) => c.id === id);
}

e2e('an opportunity answers a pain point: counted, kept, unlinked on delete, relinked on undo', async ({ page, open, shot }) => {
  await open();
  const mapId = await editorMapId(page);
  const pain = lane(page, 'pain_points').locator('.card').first();
  const painId = await pain.getAttribute('data-card');
  const opportunity = lane(page, 'opportunities').locator('.card').first();
  const opportunityId = await opportunity.getAttribute('data-card');
  const select = opportunity.locator(sel('card-answers'));
  const count = page.locator(`.card[data-card="${painId}"] ${sel('card-opportunities')}`);
  await expectWords(count, '');
  assert.equal(await count.isVisible(), false, 'no count shown without opportunities');
  await opportunity.scrollIntoViewIfNeeded();
  // Before it opens, the select holds only "none" (the list is built on focus).
  assert.equal(await select.locator('option').count(), 1);
  await select.focus();
  await eventually(async () => assert.ok((await select.locator('option').count()) > 2));
  // Each pain point shows its stage's name.
  const label = await select.locator(`option[value="${painId}"]`).textContent();
  assert.match(label, / — \S/);
  await select.selectOption(painId);
  await expectWords(count, '1 opportunity');
  await waitSaved(page);
  await eventually(async () => assert.equal((await storedCard(page, mapId, opportunityId)).answers, painId));
  await pain.scrollIntoViewIfNeeded();
  await shot('linked');

  // Kept across a reload; the unopened select shows the pain point.
  await page.reload();
  assert.equal(await editorMapId(page), mapId);
  await expectWords(count, '1 opportunity');
  await expectValue(select, painId);
  assert.equal(await select.locator('option').count(), 2, 'none and the current pain point');

  // Deleting the pain point unlinks the opportunity, which stays.
  await page.locator(`.card[data-card="${painId}"]`).hover();
  await page.locator(`.card[data-card="${painId}"] ${sel('card-delete')}`).click();
  await expectCount(page.locator(`.card[data-card="${painId}"]`), 0);
  await expectValue(select, '');
  await waitSaved(page);
  await eventually(async () => {
    const card = await storedCard(page, mapId, opportunityId);
    assert.ok(card, 'the opportunity stays');
    assert.equal(card.answers, undefined);
  });

  // Undo brings the pain point back, linked again.
  await page.locator(sel('undo')).click();
  await expectWords(count, '1 opportunity');
  await expectValue(select, painId);
  await waitSaved(page);
  await eventually(async () => assert.equal((await storedCard(page, mapId, opportunityId)).answers, painId));

  // Unlinked by choosing "none".
  await select.focus();
  await select.selectOption('');
  await expectWords(count, '');

  assert.deepEqual(await violations(page), []);
});

e2e('in French, the select and the count are in French', { locale: 'fr-FR' }, async ({ page, open }) => {
  await open();
  const pain = lane(page, 'pain_points').locator('.card').first();
  const painId = await pain.getAttribute('data-card');
  const opportunity = lane(page, 'opportunities').locator('.card').first();
  await expectWords(opportunity.locator('.card-answers > span'), 'Répond au point de friction');
  const select = opportunity.locator(sel('card-answers'));
  await select.focus();
  await select.selectOption(painId);
  await expectWords(page.locator(`.card[data-card="${painId}"] ${sel('card-opportunities')}`), '1 opportunité');
  assert.deepEqual(await violations(page), []);
});
