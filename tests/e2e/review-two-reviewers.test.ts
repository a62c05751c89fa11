import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interpolate } from './page-models/messages.ts';
import { ReviewEditorPage } from './page-models/review-editor-page.ts';
import { REVIEW_MESSAGES } from './page-models/review-messages.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const r = REVIEW_MESSAGES.fi;
const AINO = 'Aino Laaksonen';
const MIKAEL = 'Mikael Sundström';
let app: PreviewApp;
let reviewId: number;

beforeAll(async () => {
  app = await startPreviewApp();
  const site = await app.call('sites.create', { name: 'Rovaniemen IPS', regionCode: '21' });
  reviewId = (await app.call('reviews.create', {
    siteId: site.id, kind: 'external', visitDates: ['2026-11-03', '2026-11-04'],
    reviewers: [{ name: AINO, role: 'pääarvioija' }, { name: MIKAEL, role: 'vertaisarvioija' }],
  })).id;
});

afterAll(async () => {
  await app?.close();
});

describe('two reviewers in the editor', () => {
  it('each rates as themselves with the other hidden; both complete; then the consensus view is offered', async () => {
    const { page, errors } = await app.open();
    await new SitesPage(page).waitUntilLoaded();
    const editor = new ReviewEditorPage(page);
    await editor.goto(reviewId);
    await editor.waitForCurrentItem(1);
    expect(await page.getByRole('main').innerText()).toContain('3.11.2026, 4.11.2026');
    expect(await editor.reviewerSelect.inputValue()).not.toBe('');
    expect(await editor.reviewerSelect.locator('option:checked').innerText()).toBe(AINO);
    await page.getByRole('note').filter({ hasText: r.reviewers.ratingsHidden }).waitFor();
    await page.getByRole('heading', { name: interpolate(r.score.titleOwn, { name: AINO }) }).waitFor();
    await page.waitForFunction(() => !document.querySelector('input[type="radio"]:disabled'));

    await editor.press('4');
    await editor.waitForSaveStatus(r.save.saved);
    await editor.evidence.fill('AINON-NÄYTTÖ: esihenkilön haastattelu');
    await editor.recommendation.fill('AINON-SUOSITUS: kirjatkaa kontaktit');
    await editor.evidence.focus();
    await editor.waitForSaveStatus(r.save.saved);
    await expect.poll(() => editor.missingEvidenceItems()).not.toContain(1);

    await editor.reviewerSelect.selectOption({ label: MIKAEL });
    await page.getByRole('heading', { name: interpolate(r.score.titleOwn, { name: MIKAEL }) }).waitFor();
    await editor.waitForLiveFigure(r.score.rated, '0/25');
    // Aino's 4, evidence and recommendation are not shown to Mikael, nor can he overwrite them; item 1 is still his to do.
    expect(await editor.chosenScore()).toBeNull();
    expect(await editor.evidence.inputValue()).toBe('');
    expect(await editor.recommendation.inputValue()).toBe('');
    await expect.poll(() => editor.missingEvidenceItems()).toContain(1);
    expect(await page.locator('body').innerText()).not.toMatch(/AINON-/);
    await page.waitForFunction(() => !document.querySelector('input[type="radio"]:disabled'));
    await editor.anchor(2).check();
    await editor.waitForLiveFigure(r.score.rated, '1/25');

    // Stored for each as their own (the API too shows a reviewer only their own ratings until all complete).
    const [aino, mikael] = (await app.call('reviews.get', { id: reviewId })).reviewers;
    expect((await app.call('reviews.get', { id: reviewId, viewerId: aino!.id })).ratings.map((x) => [x.item, x.score])).toEqual([[1, 4]]);
    expect((await app.call('reviews.get', { id: reviewId, viewerId: mikael!.id })).ratings.map((x) => [x.item, x.score])).toEqual([[1, 2]]);
    expect(JSON.stringify(await app.call('reviews.get', { id: reviewId, viewerId: mikael!.id }))).not.toMatch(/AINON-/);
    expect((await app.call('reviews.get', { id: reviewId, viewerId: aino!.id })).reviewerRecommendations).toEqual([{ reviewerId: aino!.id, item: 1, text: 'AINON-SUOSITUS: kirjatkaa kontaktit' }]);

    // Mikael completes: his ratings lock.
    await page.getByRole('button', { name: interpolate(r.reviewers.complete, { name: MIKAEL }), exact: true }).click();
    await page.getByRole('note').filter({ hasText: r.reviewers.lockedNote }).waitFor();
    expect(await editor.anchor(2).isDisabled()).toBe(true);
    expect(await page.getByRole('link', { name: r.reviewers.toConsensus }).count()).toBe(0);

    // Aino completes too: the others' ratings show, and the way to consensus opens.
    await editor.reviewerSelect.selectOption({ label: AINO });
    await page.getByRole('heading', { name: interpolate(r.score.titleOwn, { name: AINO }) }).waitFor();
    await page.getByRole('button', { name: interpolate(r.reviewers.complete, { name: AINO }), exact: true }).click();
    const toConsensus = page.getByRole('link', { name: r.reviewers.toConsensus, exact: true });
    await toConsensus.waitFor();
    expect(await toConsensus.getAttribute('href')).toBe(`#/reviews/${reviewId}/consensus`);
    await page.getByText(interpolate(r.item.otherRating, { reviewer: MIKAEL, value: 2 }), { exact: true }).waitFor();
    expect(await page.getByRole('note').filter({ hasText: r.reviewers.ratingsHidden }).count()).toBe(0);

    // Undo: Aino may change her ratings again.
    await page.getByRole('button', { name: interpolate(r.reviewers.reopen, { name: AINO }), exact: true }).click();
    await toConsensus.waitFor({ state: 'detached' });
    await page.waitForFunction(() => !document.querySelector('input[type="radio"]:disabled'));
    expect(await editor.chosenScore()).toBe(4);
    expect(errors).toEqual([]);
  });
});
