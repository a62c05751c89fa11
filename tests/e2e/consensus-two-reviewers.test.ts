import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENSUS_MESSAGES } from './page-models/consensus-messages.ts';
import { ConsensusPage } from './page-models/consensus-page.ts';
import { interpolate } from './page-models/messages.ts';
import { ReviewEditorPage } from './page-models/review-editor-page.ts';
import { REVIEW_MESSAGES } from './page-models/review-messages.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const c = CONSENSUS_MESSAGES.fi;
const r = REVIEW_MESSAGES.fi;
const SITE = 'Siun soten IPS-työhönvalmennus';
const scale = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'scales', 'data', 'ips-25-1.1.0.json'), 'utf8')) as {
  items: { number: number; title: { fi: string } }[];
  sections: { key: string; title: { fi: string }; items: number[] }[];
};
const item = (n: number) => interpolate(c.itemTitle, { number: n, title: scale.items.find((i) => i.number === n)!.title.fi });

/** Reviewer A's scores; B differs on items 2, 6 and 17 by one point and leaves 11 unrated (no data). */
const SCORES_A = [5, 4, 5, 4, 4, 3, 5, 4, 4, 4, 3, 3, 5, 5, 4, 4, 3, 4, 5, 4, 4, 4, 3, 4, 4];
const B_DIFFERS: Record<number, number | 'no-data'> = { 2: 3, 6: 4, 11: 'no-data', 17: 2 };

let app: PreviewApp;
let reviewId: number;
let reviewerIds: number[];

beforeAll(async () => {
  app = await startPreviewApp();
  const site = await app.call('sites.create', { name: SITE, regionCode: '14', collaborationModel: 1 });
  const review = await app.call('reviews.create', {
    siteId: site.id, kind: 'external', visitDates: ['2026-11-03', '2026-11-04'],
    reviewers: [{ name: 'Aino Laaksonen', role: 'pääarvioija' }, { name: 'Mikael Sundström', role: 'vertaisarvioija' }],
  });
  reviewId = review.id;
  reviewerIds = review.reviewers.map((r) => r.id);
  for (let n = 1; n <= 25; n++) {
    await app.call('ratings.set', { reviewId, reviewerId: reviewerIds[0]!, item: n, score: SCORES_A[n - 1]!, evidence: n === 17 ? 'Työnantajakontakteja 4 viikossa.' : null });
    const b = B_DIFFERS[n];
    await app.call('ratings.set', {
      reviewId, reviewerId: reviewerIds[1]!, item: n,
      ...(b === 'no-data' ? { score: null, reason: 'no-data', reasonNote: 'Johdon haastattelu ei toteutunut.' } : { score: b ?? SCORES_A[n - 1]! }),
      evidence: n === 17 ? 'Haastatteluissa kontakteja vähemmän.' : null,
    });
  }
  // Each reviewer's own recommendation on item 17, pre-filled into the review's at consensus.
  await app.call('recommendations.set', { reviewId, reviewerId: reviewerIds[0]!, item: 17, text: 'Kirjatkaa kontaktit viikoittain.' });
  await app.call('recommendations.set', { reviewId, reviewerId: reviewerIds[1]!, item: 17, text: 'Kirjatkaa kontaktit viikoittain.' });
});

afterAll(async () => {
  await app?.close();
});

const hash = () => `#/reviews/${reviewId}/consensus`;

async function openConsensus(bypassCSP = false) {
  const opened = await app.open({ bypassCSP });
  await opened.page.evaluate((h) => {
    window.location.hash = h;
  }, hash());
  const consensus = new ConsensusPage(opened.page);
  await consensus.heading(SITE).waitFor();
  return { ...opened, consensus };
}

async function expectNoSeriousAxeFindings(ready: (page: Page, consensus: ConsensusPage) => Promise<unknown>) {
  const { page, consensus } = await openConsensus(true);
  await ready(page, consensus);
  expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
}

describe('consensus of two reviewers', () => {
  it('keeps the ratings hidden until both reviewers are complete, and shows who is done', async () => {
    const { page, consensus, errors } = await openConsensus();
    await consensus.waitingRegion.waitFor();
    expect(await consensus.waitingRegion.innerText()).toContain(interpolate(c.waiting.progress, { done: 0, total: 2 }));
    expect(await page.getByText(c.waiting.explanation, { exact: true }).isVisible()).toBe(true);
    expect(await consensus.startButton.count()).toBe(0);
    expect(await page.locator('.consensus-table').count()).toBe(0);
    await expectNoSeriousAxeFindings((_, m) => m.waitingRegion.waitFor());

    await app.call('reviewers.setComplete', { reviewId, reviewerId: reviewerIds[0]!, complete: true });
    await page.reload();
    await consensus.waitingRegion.waitFor();
    const progress = await consensus.waitingRegion.innerText();
    expect(progress).toContain(interpolate(c.waiting.progress, { done: 1, total: 2 }));
    expect(progress).toMatch(/Aino Laaksonen \(pääarvioija\): ✓ valmis \d{1,2}\.\d{1,2}\.\d{4}/);
    expect(progress).toContain(`Mikael Sundström (vertaisarvioija): … ${c.waiting.notDone}`);
    expect(await consensus.startButton.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('starts consensus, shows disagreements and agreement figures, needs a justification where consensus differs from both, and finalizes into a read-only review', async () => {
    await app.call('reviewers.setComplete', { reviewId, reviewerId: reviewerIds[1]!, complete: true });
    const { page, consensus, errors } = await openConsensus();
    await consensus.startButton.waitFor();
    await expectNoSeriousAxeFindings((_, m) => m.startButton.waitFor());

    // Start with the keyboard.
    await consensus.startButton.focus();
    await page.keyboard.press('Enter');
    await consensus.table(scale.sections[0]!.title.fi).waitFor();
    expect((await app.call('reviews.get', { id: reviewId })).status).toBe('consensus');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('consensus-items-heading');

    // Side by side, disagreements marked in words; pre-filled where both agreed.
    for (const n of [2, 6, 11, 17]) expect(await consensus.isMarkedDisagreement(item(n)), `item ${n}`).toBe(true);
    for (const n of [1, 3, 25]) expect(await consensus.isMarkedDisagreement(item(n)), `item ${n}`).toBe(false);
    expect(await consensus.reviewerCells(item(2))).toEqual(['4', '3']);
    expect((await consensus.reviewerCells(item(11)))[1]).toContain(interpolate(c.notRated, { reason: c.reasons['no-data'] }));
    expect(await consensus.choice(item(1)).inputValue()).toBe('5');
    expect(await consensus.choice(item(2)).inputValue()).toBe('');
    // The disputed item's record starts from both reviewers' evidence and their (same) recommendation, with the anchors at hand.
    expect(await consensus.evidence(item(17)).inputValue()).toBe('Työnantajakontakteja 4 viikossa.\n\nHaastatteluissa kontakteja vähemmän.');
    expect(await consensus.recommendation(item(17)).inputValue()).toBe('Kirjatkaa kontaktit viikoittain.');
    await consensus.anchors(item(17)).locator('summary').click();
    await consensus.anchors(item(17)).getByRole('definition').first().waitFor();

    // Agreement over the 24 items both scored: 21 exactly the same, all within one point.
    await consensus.agreementRegion.waitFor();
    const agreement = await app.call('scoring.agreement', { reviewId });
    expect(await consensus.figure(consensus.agreementRegion, c.agreement.exact)).toBe(new Intl.NumberFormat('fi-FI', { style: 'percent' }).format(21 / 24));
    expect(await consensus.figure(consensus.agreementRegion, c.agreement.exact)).toMatch(/^88\s%$/);
    expect(await consensus.figure(consensus.agreementRegion, c.agreement.withinOne)).toMatch(/^100\s%$/);
    const kappa = await consensus.figure(consensus.agreementRegion, c.agreement.kappa);
    expect(kappa).toBe(agreement.weightedKappa!.toFixed(2).replace('.', ','));
    await expectNoSeriousAxeFindings((_, m) => m.agreementRegion.waitFor());

    // Finalizing now is refused: four items are undecided, each a way to jump to it.
    await consensus.finalizeButton.click();
    await consensus.confirmFinalizeButton.click();
    const refusal = page.getByRole('alert').filter({ hasText: interpolate(c.finalize.refused_other, { count: 4 }) });
    await refusal.waitFor();
    await refusal.getByRole('button', { name: interpolate(c.finalize.goToItem, { item: item(6) }) }).click();
    expect(await consensus.choice(item(6)).evaluate((select) => select === document.activeElement)).toBe(true);

    // 17: reviewers gave 3 and 2; consensus 4 differs from both, so a justification is required.
    await consensus.choose(item(17), '4');
    await consensus.justification(item(17)).waitFor();
    await consensus.row(item(17)).getByText(c.justification.required, { exact: true }).waitFor();
    expect(await consensus.justification(item(17)).getAttribute('aria-invalid')).toBe('true');
    expect(await consensus.row(item(17)).getByRole('alert').innerText()).toContain(c.save.notSaved);
    expect((await app.call('reviews.get', { id: reviewId })).consensus.find((r) => r.item === 17)).toMatchObject({ score: null, justification: null });
    await consensus.justification(item(17)).fill('Lokin mukaan kontakteja on enemmän kuin haastatteluissa arvioitiin.');
    await page.keyboard.press('Tab');
    await consensus.waitUntilSaved(item(17));
    await consensus.evidence(item(17)).fill('Loki: 4 kontaktia viikossa; haastatteluissa arvio oli pienempi.');
    await page.keyboard.press('Tab');
    await consensus.recommendation(item(17)).fill('Kirjatkaa kontaktit viikoittain ja käykää ne läpi tiimissä.');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await app.call('reviews.get', { id: reviewId })).recommendations.find((r) => r.item === 17)?.text).toBe('Kirjatkaa kontaktit viikoittain ja käykää ne läpi tiimissä.');
    await expect.poll(async () => (await app.call('reviews.get', { id: reviewId })).consensus.find((r) => r.item === 17)).toMatchObject({
      score: 4, evidence: 'Loki: 4 kontaktia viikossa; haastatteluissa arvio oli pienempi.', justification: 'Lokin mukaan kontakteja on enemmän kuin haastatteluissa arvioitiin.',
    });

    // Item 4: "the service model differs" is answered by the scale, which scores such an item 1; the note is required.
    const agreedOn4 = await consensus.choice(item(4)).inputValue();
    await consensus.choose(item(4), 'model-differs');
    await consensus.row(item(4)).getByText(interpolate(REVIEW_MESSAGES.fi.notRated.scoresLowest, { score: 1 }), { exact: true }).waitFor();
    await consensus.row(item(4)).getByRole('button', { name: interpolate(REVIEW_MESSAGES.fi.notRated.scoreLowest, { score: 1 }), exact: true }).waitFor();
    await consensus.row(item(4)).getByText(REVIEW_MESSAGES.fi.notRated.noteHint['model-differs'], { exact: true }).waitFor();
    await consensus.choose(item(4), agreedOn4);
    await consensus.waitUntilSaved(item(4));

    // The rest agree with one reviewer or the other.
    for (const [n, value] of [[2, '3'], [6, '3'], [11, '3']] as const) {
      await consensus.choose(item(n), value);
      await consensus.waitUntilSaved(item(n));
    }
    const result = await app.call('scoring.review', { reviewId });
    expect(result.complete).toBe(true);
    await consensus.resultRegion.getByText(String(result.total), { exact: true }).waitFor();

    await consensus.finalizeButton.click();
    await consensus.confirmFinalizeButton.click();
    await consensus.finalNotice.waitFor();
    expect(await consensus.editableControls().count()).toBe(0);
    const final = await app.call('reviews.get', { id: reviewId });
    expect(final.status).toBe('final');
    // The individual ratings stay in the record and on screen, read-only.
    expect(final.ratings).toHaveLength(50);
    expect(await consensus.reviewerCells(item(2))).toEqual(['4', '3']);
    const row17 = await consensus.row(item(17)).innerText();
    expect(row17).toContain(interpolate(c.justification.shown, { text: 'Lokin mukaan kontakteja on enemmän kuin haastatteluissa arvioitiin.' }));
    expect(row17).toContain(interpolate(c.evidence.shown, { text: 'Loki: 4 kontaktia viikossa; haastatteluissa arvio oli pienempi.' }));
    expect(row17).toContain(interpolate(c.recommendation.shown, { text: 'Kirjatkaa kontaktit viikoittain ja käykää ne läpi tiimissä.' }));
    await page.reload();
    await consensus.finalNotice.waitFor();
    expect(await consensus.editableControls().count()).toBe(0);
    await expectNoSeriousAxeFindings((_, m) => m.finalNotice.waitFor());

    // The review itself shows item 17's consensus record: evidence, justification and recommendation.
    const editor = new ReviewEditorPage(page);
    await editor.goto(reviewId);
    await page.getByRole('navigation', { name: r.nav.label }).getByRole('button', { name: new RegExp(`^17\\. `) }).click();
    await editor.waitForCurrentItem(17);
    const panel = await page.getByRole('main').innerText();
    expect(panel).toContain('Loki: 4 kontaktia viikossa; haastatteluissa arvio oli pienempi.');
    expect(panel).toContain('Lokin mukaan kontakteja on enemmän kuin haastatteluissa arvioitiin.');
    expect(panel).toContain('Kirjatkaa kontaktit viikoittain ja käykää ne läpi tiimissä.');
    expect(errors).toEqual([]);
  });

  it('links the visit plan from its header', async () => {
    const { page, consensus } = await openConsensus();
    await consensus.planLink.click();
    await page.waitForFunction((id) => window.location.hash === `#/reviews/${id}/plan`, reviewId);
  });
});
