import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENSUS_MESSAGES } from './page-models/consensus-messages.ts';
import { ConsensusPage } from './page-models/consensus-page.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

let app: PreviewApp;
let reviewId: number;

beforeAll(async () => {
  app = await startPreviewApp();
  const site = await app.call('sites.create', { name: 'Keski-Uudenmaan työllistymispalveluiden IPS-yksikkö', regionCode: '02' });
  const review = await app.call('reviews.create', {
    siteId: site.id, kind: 'external', visitDates: ['2026-11-24'],
    reviewers: [
      { name: 'Aino Laaksonen-Hämäläinen', role: 'pääarvioija, IPS-menetelmäkouluttaja ja työllistymispalveluiden asiantuntija' },
      { name: 'Mikael Sundström', role: 'vertaisarvioija, kokemusasiantuntija' },
    ],
  });
  reviewId = review.id;
  for (const reviewer of review.reviewers) {
    for (let item = 1; item <= 25; item++) await app.call('ratings.set', { reviewId, reviewerId: reviewer.id, item, score: item % 5 === 0 && reviewer === review.reviewers[1] ? 3 : 4 });
    await app.call('reviewers.setComplete', { reviewId, reviewerId: reviewer.id, complete: true });
  }
  await app.call('consensus.start', { reviewId });
});

afterAll(async () => {
  await app?.close();
});

describe('consensus column headers with long roles (issue 13)', () => {
  it.each([1280, 1024])('at %i px no header spills into the next column', async (width) => {
    const { page, errors } = await app.open();
    await page.setViewportSize({ width, height: 800 });
    await page.evaluate((id) => {
      window.location.hash = `#/reviews/${id}/consensus`;
    }, reviewId);
    await new ConsensusPage(page).agreementRegion.waitFor();
    await page.locator('.consensus-table thead th').first().waitFor();
    const spilled = await page.locator('.consensus-table thead th').evaluateAll((cells) =>
      cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent));
    expect(spilled).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('a final review says "Tulos", not "Tulos tällä hetkellä" (issue 13)', () => {
  it('names the result panel by the review status', async () => {
    const c = CONSENSUS_MESSAGES.fi;
    const { page, errors } = await app.open();
    await page.evaluate((id) => {
      window.location.hash = `#/reviews/${id}/consensus`;
    }, reviewId);
    await page.getByRole('heading', { level: 2, name: c.result.heading, exact: true }).waitFor();

    for (const item of [5, 10, 15, 20, 25]) await app.call('consensus.set', { reviewId, item, score: 4, justification: null });
    await app.call('reviews.setStatus', { id: reviewId, status: 'final' });
    await page.reload();
    await page.getByRole('heading', { level: 2, name: c.result.headingFinal, exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: c.result.heading, exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
