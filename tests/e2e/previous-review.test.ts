import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFinalReview } from '../fixtures/final-review.ts';
import { interpolate } from './page-models/messages.ts';
import { PreviousReviewPanel } from './page-models/previous-review-panel.ts';
import { ReviewEditorPage } from './page-models/review-editor-page.ts';
import { REVIEW_MESSAGES } from './page-models/review-messages.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const r = REVIEW_MESSAGES.fi;
let app: PreviewApp;
let reviewId: number;

beforeAll(async () => {
  app = await startPreviewApp();
  const site = await app.call('sites.create', { name: 'Äänekosken IPS' });
  // Last year's review, final: every item scored 4 with evidence; item 1 also has a recommendation.
  await createFinalReview(app.call, {
    siteId: site.id, visitDate: '2025-10-01', score: () => 4, evidence: (item) => `Viime vuoden näyttö ${item}`, recommendations: { 1: 'Viime vuoden suositus 1' },
  });
  const current = await app.call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-10-05'], reviewers: [{ name: 'Bertta Virtanen', role: null }] });
  reviewId = current.id;
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('previous review in the editor (issue 13)', () => {
  it('shows last year’s result for the item, copies evidence and recommendation forward (asking before replacing), by keyboard', async () => {
    const { page, errors } = await app.open({ bypassCSP: true });
    await page.setViewportSize({ width: 1024, height: 700 });
    const editor = new ReviewEditorPage(page);
    const previous = new PreviousReviewPanel(page);
    await editor.goto(reviewId);
    await editor.waitForCurrentItem(1);

    await previous.region.waitFor();
    const shown = await previous.region.innerText();
    expect(shown).toContain(interpolate(r.previousReview.score, { score: 4 }));
    expect(shown).toContain('Viime vuoden näyttö 1');
    expect(shown).toContain('Viime vuoden suositus 1');

    // An empty field takes the text at once.
    await previous.copyButton('evidence').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => editor.evidence.inputValue()).toBe('Viime vuoden näyttö 1');
    await editor.waitForSaveStatus(r.save.saved);

    // A field with text asks first; Escape keeps the text, Replace copies.
    await editor.recommendation.fill('Oma luonnos');
    await previous.copyButton('recommendation').focus();
    await page.keyboard.press('Enter');
    await previous.confirmation.waitFor();
    expect(await previous.replaceButton.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await previous.confirmation.waitFor({ state: 'detached' });
    expect(await editor.recommendation.inputValue()).toBe('Oma luonnos');
    await previous.copyButton('recommendation').click();
    await previous.replaceButton.click();
    await expect.poll(() => editor.recommendation.inputValue()).toBe('Viime vuoden suositus 1');
    await editor.recommendation.focus();
    await editor.recommendation.blur();
    await editor.waitForSaveStatus(r.save.saved);

    const detail = await app.call('reviews.get', { id: reviewId });
    expect(detail.ratings.find((x) => x.item === 1)?.evidence).toBe('Viime vuoden näyttö 1');

    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
