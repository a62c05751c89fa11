import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFinalReview } from '../fixtures/final-review.ts';
import { CONSENSUS_MESSAGES } from './page-models/consensus-messages.ts';
import { ConsensusPage } from './page-models/consensus-page.ts';
import { ConsensusPreviousPanel } from './page-models/consensus-previous-panel.ts';
import { interpolate } from './page-models/messages.ts';
import { REVIEW_MESSAGES } from './page-models/review-messages.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const c = CONSENSUS_MESSAGES.fi;
const r = REVIEW_MESSAGES.fi;
const scale = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'scales', 'data', 'ips-25-1.1.0.json'), 'utf8')) as {
  items: { number: number; title: { fi: string } }[];
  sections: { key: string; title: { fi: string }; items: number[] }[];
};
const itemLabel = (n: number) => interpolate(c.itemTitle, { number: n, title: scale.items.find((i) => i.number === n)!.title.fi });

let app: PreviewApp;
let reviewId: number;

beforeAll(async () => {
  app = await startPreviewApp();
  const site = await app.call('sites.create', { name: 'Jämsän IPS' });
  // Last year's review, final: every item 3 with evidence; item 2 also has a recommendation.
  await createFinalReview(app.call, {
    siteId: site.id, visitDate: '2025-09-15', score: () => 3, evidence: (item) => `Viime vuoden näyttö ${item}`, recommendations: { 2: 'Viime vuoden suositus 2' },
  });

  // This year's review by two reviewers, in consensus; neither wrote evidence on item 2.
  const current = await app.call('reviews.create', {
    siteId: site.id, kind: 'external', visitDates: ['2026-09-20'],
    reviewers: [{ name: 'Bertta Virtanen', role: 'pääarvioija' }, { name: 'Cecilia Holm', role: 'vertaisarvioija' }],
  });
  reviewId = current.id;
  for (const reviewer of current.reviewers) {
    for (let item = 1; item <= 25; item++) await app.call('ratings.set', { reviewId, reviewerId: reviewer.id, item, score: 4 });
    await app.call('reviewers.setComplete', { reviewId, reviewerId: reviewer.id, complete: true });
  }
  await app.call('consensus.start', { reviewId });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('previous review in consensus (issue 13)', () => {
  it('shows last year’s result per item and copies evidence and recommendation into the consensus fields, asking before replacing', async () => {
    const { page, errors } = await app.open({ bypassCSP: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate((id) => {
      window.location.hash = `#/reviews/${id}/consensus`;
    }, reviewId);
    const consensus = new ConsensusPage(page);
    await consensus.table(scale.sections[0]!.title.fi).waitFor();
    const label = itemLabel(2);
    const previous = new ConsensusPreviousPanel(consensus.row(label), label);

    await previous.region.waitFor();
    const shown = await previous.region.innerText();
    expect(shown).toContain(interpolate(r.previousReview.score, { score: 3 }));
    expect(shown).toContain('Viime vuoden näyttö 2');
    expect(shown).toContain('Viime vuoden suositus 2');
    expect(shown).toContain('15.9.2025');
    // Every item of the scale shows it.
    expect(await page.getByRole('region', { name: new RegExp(`^${r.previousReview.heading}`) }).count()).toBe(25);

    // The empty evidence field takes the text at once, by keyboard, and it is saved as the consensus evidence.
    await previous.copyButton('evidence').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => consensus.evidence(label).inputValue()).toBe('Viime vuoden näyttö 2');
    await consensus.waitUntilSaved(label);

    // A recommendation with text asks first: Escape keeps it, Replace copies.
    await consensus.recommendation(label).fill('Oma luonnos');
    await previous.copyButton('recommendation').focus();
    await page.keyboard.press('Enter');
    await previous.confirmation.waitFor();
    expect(await previous.replaceButton.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await previous.confirmation.waitFor({ state: 'detached' });
    expect(await consensus.recommendation(label).inputValue()).toBe('Oma luonnos');
    await previous.copyButton('recommendation').click();
    await previous.replaceButton.click();
    await expect.poll(() => consensus.recommendation(label).inputValue()).toBe('Viime vuoden suositus 2');

    await expect.poll(async () => {
      const detail = await app.call('reviews.get', { id: reviewId });
      return [detail.consensus.find((x) => x.item === 2)?.evidence, detail.recommendations.find((x) => x.item === 2)?.text];
    }).toEqual(['Viime vuoden näyttö 2', 'Viime vuoden suositus 2']);

    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 700 });
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(errors).toEqual([]);
  });
});
