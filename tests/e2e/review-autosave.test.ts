import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interpolate } from './page-models/messages.ts';
import { ReviewEditorPage } from './page-models/review-editor-page.ts';
import { REVIEW_MESSAGES } from './page-models/review-messages.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const r = REVIEW_MESSAGES.fi;
let app: PreviewApp;
let reviewId: number;

beforeAll(async () => {
  app = await startPreviewApp();
  const site = await app.call('sites.create', { name: 'Kemin IPS', regionCode: '21' });
  reviewId = (await app.call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-06-02'], reviewers: [{ name: 'Juha Nieminen' }] })).id;
});

afterAll(async () => {
  await app?.close();
});

const abort = (route: Route) => route.abort('connectionrefused');
const storedScore = async (item: number) => (await app.call('reviews.get', { id: reviewId })).ratings.find((x) => x.item === item)?.score ?? null;

describe('autosave when the backend cannot be reached', () => {
  it('shows the failure, keeps the value, retries by itself and saves once the backend is back', async () => {
    const { page } = await app.open();
    await new SitesPage(page).waitUntilLoaded();
    const editor = new ReviewEditorPage(page);
    await editor.goto(reviewId);
    await editor.waitForCurrentItem(1);
    await page.waitForFunction(() => !document.querySelector('input[type="radio"]:disabled'));

    await page.route('**/api/ratings.set', abort);
    await editor.press('3');
    await editor.waitForSaveStatus(r.save.failedRetrying);
    await page.getByRole('listitem').filter({ hasText: interpolate(r.save.what.rating, { item: 1 }) }).waitFor();
    // The value stays on screen and is not lost; nothing is stored yet.
    expect(await editor.chosenScore()).toBe(3);
    expect(await storedScore(1)).toBeNull();
    // Still failing on the automatic retry.
    await page.waitForTimeout(1_500);
    await editor.waitForSaveStatus(r.save.failedRetrying);
    expect(await storedScore(1)).toBeNull();

    await page.unroute('**/api/ratings.set', abort);
    await editor.waitForSaveStatus(r.save.saved);
    expect(await storedScore(1)).toBe(3);
    await editor.waitForLiveFigure(r.score.rated, '1/25');
  });

  it('"try again now" saves at once; a newer value replaces a failed one; typed text is kept too', async () => {
    const { page } = await app.open();
    await new SitesPage(page).waitUntilLoaded();
    const editor = new ReviewEditorPage(page);
    await editor.goto(reviewId);
    await editor.waitForCurrentItem(1);
    await page.waitForFunction(() => !document.querySelector('input[type="radio"]:disabled'));
    await editor.press('j');
    await editor.waitForCurrentItem(2);

    await page.route('**/api/ratings.set', abort);
    await page.route('**/api/recommendations.set', abort);
    await editor.press('2');
    await editor.press('4');
    await editor.recommendation.fill('Lisää työaikaa työnhakuun.');
    await editor.evidence.focus(); // leaving the field sends it at once
    await editor.waitForSaveStatus(r.save.failedRetrying);
    await page.getByRole('listitem').filter({ hasText: interpolate(r.save.what.recommendation, { item: 2 }) }).waitFor();
    expect(await editor.recommendation.inputValue()).toBe('Lisää työaikaa työnhakuun.');
    expect(await editor.chosenScore()).toBe(4);

    await page.unroute('**/api/ratings.set', abort);
    await page.unroute('**/api/recommendations.set', abort);
    await editor.retrySaveButton.click();
    await editor.waitForSaveStatus(r.save.saved);
    expect(await editor.retrySaveButton.count()).toBe(0);
    expect(await storedScore(2)).toBe(4);
    expect((await app.call('reviews.get', { id: reviewId })).recommendations).toContainEqual({ item: 2, text: 'Lisää työaikaa työnhakuun.' });
  });

  it('a refused save (not a passing failure) is shown with its reason and kept, not retried by itself', async () => {
    const { page } = await app.open();
    await new SitesPage(page).waitUntilLoaded();
    const editor = new ReviewEditorPage(page);
    await editor.goto(reviewId);
    await editor.waitForCurrentItem(1);
    await page.waitForFunction(() => !document.querySelector('input[type="radio"]:disabled'));
    // Another window finalizes the review meanwhile.
    for (let item = 1; item <= 25; item++) {
      const reviewerId = (await app.call('reviews.get', { id: reviewId })).reviewers[0]!.id;
      await app.call('ratings.set', { reviewId, reviewerId, item, score: 3 });
    }
    await app.call('reviews.setStatus', { id: reviewId, status: 'final' });
    await editor.press('5');
    await editor.waitForSaveStatus(r.save.failed);
    await page.getByRole('listitem').filter({ hasText: 'Tätä tietoa ei voi enää muuttaa.' }).waitFor();
    expect(await editor.chosenScore()).toBe(5);
    expect(await storedScore(1)).toBe(3);
  });
});
