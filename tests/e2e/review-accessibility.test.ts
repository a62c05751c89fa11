import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AppShell } from './page-models/app-shell.ts';
import { ReviewEditorPage } from './page-models/review-editor-page.ts';
import { REVIEW_MESSAGES } from './page-models/review-messages.ts';
import { NewReviewPage } from './page-models/review-new-page.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const r = REVIEW_MESSAGES.fi;
let app: PreviewApp;
let siteId: number;
let draftId: number;
let finalId: number;
let pairId: number;

beforeAll(async () => {
  app = await startPreviewApp();
  siteId = (await app.call('sites.create', { name: 'Etelä-Pohjanmaan työllisyyspalvelukokonaisuusyksikkö', regionCode: '16' })).id;
  const draft = await app.call('reviews.create', { siteId, kind: 'external', visitDates: ['2026-11-23'], reviewers: [{ name: 'Aino Laaksonen', role: 'pääarvioija' }] });
  draftId = draft.id;
  const reviewerId = draft.reviewers[0]!.id;
  await app.call('ratings.set', { reviewId: draftId, reviewerId, item: 1, score: 4, evidence: 'Asiakasmäärä 22 kokoaikaista työhönvalmentajaa kohden.' });
  await app.call('ratings.set', { reviewId: draftId, reviewerId, item: 2, score: null, reason: 'no-data', reasonNote: 'Työaikaseurantaa ei ollut saatavilla.' });

  const final = await app.call('reviews.create', { siteId, kind: 'self', visitDates: ['2026-05-04'], reviewers: [{ name: 'Leena Mäki' }] });
  finalId = final.id;
  for (let item = 1; item <= 25; item++) await app.call('ratings.set', { reviewId: finalId, reviewerId: final.reviewers[0]!.id, item, score: 3 });
  await app.call('reviews.setStatus', { id: finalId, status: 'final' });

  // On IPS-25 1.0.0, which has no Swedish text: the Swedish editor says the scale is shown in Finnish.
  pairId = (await app.call('reviews.create', { siteId, kind: 'external', scale: { id: 'ips-25', version: '1.0.0' }, visitDates: ['2026-12-01'], reviewers: [{ name: 'Aino Laaksonen' }, { name: 'Mikael Sundström' }] })).id;
});

afterAll(async () => {
  await app?.close();
});

async function openEditor(reviewId: number): Promise<{ page: Page; editor: ReviewEditorPage }> {
  const { page } = await app.open({ bypassCSP: true });
  await new SitesPage(page).waitUntilLoaded();
  const editor = new ReviewEditorPage(page);
  await editor.goto(reviewId);
  await editor.waitForCurrentItem(1);
  await editor.liveFigure(r.score.rated).waitFor();
  return { page, editor };
}

const serious = async (page: Page) => seriousOrCritical(await axeFindings(page));

/** axe-core on the new-review form and every state of the editor: no serious or critical violation. */
describe('accessibility of the review screens (axe-core)', () => {
  it('the new-review form, also with validation errors', async () => {
    const { page } = await app.open({ bypassCSP: true });
    await new SitesPage(page).waitUntilLoaded();
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/sites/${siteId}/new-review`);
    const form = new NewReviewPage(page);
    await form.waitUntilLoaded();
    await form.addReviewerButton.click();
    await form.addVisitDateButton.click();
    expect(await serious(page)).toEqual([]);
    await form.visitDate(1).fill('');
    await form.create();
    await form.alert.waitFor();
    expect(await form.reviewerName(1).getAttribute('aria-invalid')).toBe('true');
    expect(await form.visitDate(1).getAttribute('aria-invalid')).toBe('true');
    expect(await serious(page)).toEqual([]);
  });

  it('the editor of a draft, and with the not-rated dialog open', async () => {
    const { page, editor } = await openEditor(draftId);
    await page.waitForFunction(() => !document.querySelector('input[type="radio"]:disabled'));
    expect(await serious(page)).toEqual([]);
    await editor.press('n');
    await editor.notRatedDialog.waitFor();
    expect(await serious(page)).toEqual([]);
    await editor.notRatedDialog.getByRole('button', { name: r.notRated.save, exact: true }).click();
    await editor.notRatedDialog.getByText(r.notRated.noteRequired, { exact: true }).waitFor();
    expect(await serious(page)).toEqual([]);
  });

  it('a final review (read-only), and the amend dialog', async () => {
    const { page, editor } = await openEditor(finalId);
    await editor.finalNotice.waitFor();
    expect(await serious(page)).toEqual([]);
    await editor.amendButton.click();
    await editor.amendDialog(finalId).waitFor();
    expect(await serious(page)).toEqual([]);
  });

  it('two reviewers (ratings hidden), and the editor in Swedish (scale text shown in Finnish)', async () => {
    const { page } = await openEditor(pairId);
    await page.getByRole('note').filter({ hasText: r.reviewers.ratingsHidden }).waitFor();
    expect(await serious(page)).toEqual([]);
    await new AppShell(page).switchLanguage('sv');
    await page.getByRole('note').filter({ hasText: REVIEW_MESSAGES.sv.editor.scaleShownIn.fi }).waitFor();
    expect(await page.locator('#current-item-heading').getAttribute('lang')).toBe('fi');
    expect(await serious(page)).toEqual([]);
  });
});
