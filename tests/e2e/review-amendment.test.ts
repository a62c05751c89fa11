import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interpolate } from './page-models/messages.ts';
import { ReviewEditorPage } from './page-models/review-editor-page.ts';
import { REVIEW_MESSAGES } from './page-models/review-messages.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const r = REVIEW_MESSAGES.fi;
const SITE = 'Siun soten IPS-työhönvalmennus';
let app: PreviewApp;
let originalId: number;

beforeAll(async () => {
  app = await startPreviewApp();
  const site = await app.call('sites.create', { name: SITE, regionCode: '14' });
  const review = await app.call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-05-12'], reviewers: [{ name: 'Aino Laaksonen', role: 'pääarvioija' }] });
  originalId = review.id;
  const reviewerId = review.reviewers[0]!.id;
  for (let item = 1; item <= 25; item++) await app.call('ratings.set', { reviewId: originalId, reviewerId, item, score: 4, evidence: item === 7 ? 'Tiimi kokoontuu viikoittain.' : null });
  await app.call('reviews.setStatus', { id: originalId, status: 'final' });
});

afterAll(async () => {
  await app?.close();
});

describe('amending a final review', () => {
  it('asks for a reason, opens the amendment, lists a changed score, and links both ways', async () => {
    const { page, errors } = await app.open();
    await new SitesPage(page).waitUntilLoaded();
    const editor = new ReviewEditorPage(page);
    await editor.goto(originalId);
    await editor.finalNotice.waitFor();
    await editor.waitForLiveFigure(r.score.total, '100');

    // The reason is required.
    await editor.amendButton.click();
    const dialog = editor.amendDialog(originalId);
    await dialog.getByRole('button', { name: r.amend.create, exact: true }).click();
    await dialog.getByText(r.amend.reasonRequired, { exact: true }).waitFor();
    await dialog.getByRole('button', { name: r.amend.cancel, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await editor.amendButton.evaluate((button) => button === document.activeElement)).toBe(true);

    const reason = 'Kohdan 7 tiimikokouksista saatiin lisänäyttöä raportin luonnoksen jälkeen.';
    const amendmentId = await editor.amend(originalId, reason);
    expect(amendmentId).not.toBe(originalId);
    await editor.amendmentNotice.waitFor();
    expect(await editor.amendmentNotice.innerText()).toContain(interpolate(r.amendment.amends, { id: originalId }));
    expect(await editor.amendmentNotice.innerText()).toContain(interpolate(r.amendment.reason, { reason }));
    expect(await editor.amendmentNotice.innerText()).toContain(r.amendment.noChanges);
    // The amendment starts from the original's result and is edited as the result itself (consensus).
    await editor.waitForLiveFigure(r.score.total, '100');

    await editor.navItem(7).click();
    await editor.waitForCurrentItem(7);
    expect(await editor.chosenScore()).toBe(4);
    expect(await editor.evidence.inputValue()).toBe('Tiimi kokoontuu viikoittain.');
    await editor.anchor(5).check();
    await editor.waitForLiveFigure(r.score.total, '101');
    await page.waitForFunction(() => document.body.innerText.includes('→'));
    expect(await editor.amendmentChanges()).toEqual([interpolate(r.amendment.change, { item: 7, before: 4, after: 5 })]);
    const amendment = await app.call('reviews.get', { id: amendmentId });
    expect(amendment.amendment).toMatchObject({ originalId, reason, changes: [{ item: 7, before: { score: 4 }, after: { score: 5 } }] });
    expect(amendment.consensus.find((c) => c.item === 7)?.score).toBe(5);

    // Finalizing the amendment makes it read-only too; the original says it was amended.
    await editor.finalize();
    expect((await app.call('reviews.get', { id: amendmentId })).status).toBe('final');
    await editor.goto(originalId);
    await page.getByRole('link', { name: interpolate(r.final.amendedBy, { id: amendmentId }), exact: true }).waitFor();
    expect(await editor.amendButton.count()).toBe(0);
    expect(await editor.chosenScore()).toBe(4);
    expect(errors).toEqual([]);
  });
});
