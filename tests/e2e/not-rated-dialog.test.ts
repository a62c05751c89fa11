import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewEditorPage } from './page-models/review-editor-page.ts';
import { REVIEW_MESSAGES } from './page-models/review-messages.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const r = REVIEW_MESSAGES.fi;
let app: PreviewApp;

beforeAll(async () => {
  app = await startPreviewApp();
});

afterAll(async () => {
  await app?.close();
});

const activeLabel = (editor: ReviewEditorPage) =>
  editor.page.evaluate(() => {
    const active = document.activeElement;
    return active instanceof HTMLElement ? active.innerText : '';
  });

/**
 * Leaving an item unrated (facts file): exactly three reasons, a required note, "no data" becomes a follow-up task,
 * and "the service model differs" on items 4 and 5 says the published scale scores them 1 and offers to do so.
 * Keyboard only, axe-clean in every state.
 */
describe('the not-rated dialog', () => {
  it('offers three reasons, requires a note, lists "no data" to collect, and on item 4 offers 1 point instead', async () => {
    const siteId = (await app.call('sites.create', { name: 'Kuopion IPS-työhönvalmennus' })).id;
    const review = await app.call('reviews.create', { siteId, kind: 'external', visitDates: ['2026-11-23'], reviewers: [{ name: 'Aino Laaksonen' }] });
    const { page, errors } = await app.open({ bypassCSP: true });
    await new SitesPage(page).waitUntilLoaded();
    const editor = new ReviewEditorPage(page);
    await editor.goto(review.id);
    await editor.waitForCurrentItem(1);
    await page.waitForFunction(() => !document.querySelector('input[type="radio"]:disabled'));
    const serious = async () => seriousOrCritical(await axeFindings(page));

    // N opens the dialog: exactly the three reasons, "no data" first and chosen, no "not applicable" anywhere.
    await editor.press('n');
    await editor.notRatedDialog.waitFor();
    expect(await editor.notRatedReasons.getByRole('radio').count()).toBe(3);
    for (const reason of ['no-data', 'not-assessed', 'model-differs'] as const) expect(await editor.notRatedReason(reason).count()).toBe(1);
    expect(await editor.notRatedReason('no-data').isChecked()).toBe(true);
    const dialogText = await editor.notRatedDialog.innerText();
    expect(dialogText).toContain(r.notRated.optionHint['no-data']);
    expect(dialogText).not.toMatch(/sovellu|not applicable|tillämplig/i);
    expect(await editor.scoresLowestAdvice.count()).toBe(0);
    expect(await serious()).toEqual([]);

    // Saving without a note: the error at the field, which takes focus and is marked invalid.
    await editor.notRatedDialog.getByRole('button', { name: r.notRated.save, exact: true }).click();
    await editor.notRatedDialog.getByText(r.notRated.noteRequired, { exact: true }).waitFor();
    expect(await editor.notRatedNote.getAttribute('aria-invalid')).toBe('true');
    expect(await editor.notRatedNote.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await serious()).toEqual([]);

    // Keyboard only: type the note, Enter on the save button.
    await page.keyboard.type('Työaikaseurantaa ei saatu käyntipäivänä.');
    expect(await editor.notRatedNote.getAttribute('aria-invalid')).toBeNull();
    await editor.notRatedDialog.getByRole('button', { name: r.notRated.save, exact: true }).focus();
    await editor.press('Enter');
    await editor.notRatedDialog.waitFor({ state: 'detached' });
    await page.getByText(r.item.notRatedAs.replace('{{reason}}', r.reason['no-data']), { exact: true }).waitFor();
    await expect.poll(() => editor.collectBeforeLeavingItems()).toEqual([1]);

    // Item 4 (integration through team assignment): "the service model differs" is answered by the scale itself.
    await editor.navItem(4).click();
    await editor.waitForCurrentItem(4);
    await editor.anchor(1).focus();
    await editor.press('n');
    await editor.notRatedDialog.waitFor();
    await editor.notRatedReason('no-data').focus();
    await editor.press('ArrowDown', 'ArrowDown');
    expect(await editor.notRatedReason('model-differs').isChecked()).toBe(true);
    await editor.notRatedDialog.getByText(r.notRated.noteHint['model-differs'], { exact: true }).waitFor();
    await editor.scoresLowestAdvice.waitFor();
    expect(await serious()).toEqual([]);
    // Tab reaches the offer; Enter scores 1, closes the dialog and leaves focus on the chosen anchor.
    await editor.press('Tab');
    expect(await activeLabel(editor)).toBe(r.notRated.scoreLowest.replace('{{score}}', '1'));
    await editor.press('Enter');
    await editor.notRatedDialog.waitFor({ state: 'detached' });
    await expect.poll(() => editor.chosenScore()).toBe(1);
    await expect.poll(() => editor.anchor(1).evaluate((el) => el === document.activeElement)).toBe(true);
    await editor.waitForSaveStatus(r.save.saved);
    expect((await app.call('reviews.get', { id: review.id })).ratings.find((x) => x.item === 4)).toMatchObject({ score: 1, reason: null });

    // Item 6 has no such anchor: "the service model differs" is a reason there, with a note saying how; Escape cancels.
    await editor.navItem(6).click();
    await editor.waitForCurrentItem(6);
    await editor.press('n');
    await editor.notRatedDialog.waitFor();
    await editor.notRatedReason('model-differs').check();
    expect(await editor.scoresLowestAdvice.count()).toBe(0);
    await editor.press('Escape');
    await editor.notRatedDialog.waitFor({ state: 'detached' });
    await editor.press('n');
    await editor.saveNotRated('model-differs', 'Yhteistyö Kelan kanssa kulkee hyvinvointialueen oman kuntoutuksen kautta.');
    await page.getByText(r.item.notRatedAs.replace('{{reason}}', r.reason['model-differs']), { exact: true }).waitFor();
    await editor.waitForSaveStatus(r.save.saved);
    const detail = await app.call('reviews.get', { id: review.id });
    expect(detail.ratings.find((x) => x.item === 6)).toMatchObject({ score: null, reason: 'model-differs' });
    expect(detail.ratings.find((x) => x.item === 1)).toMatchObject({ score: null, reason: 'no-data', reasonNote: 'Työaikaseurantaa ei saatu käyntipäivänä.' });
    expect(errors).toEqual([]);
  });
});
