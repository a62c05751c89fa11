import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../scripts/demo-data.ts';
import { CONSENSUS_MESSAGES } from './page-models/consensus-messages.ts';
import { ConsensusPage } from './page-models/consensus-page.ts';
import { interpolate } from './page-models/messages.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const c = CONSENSUS_MESSAGES.fi;
let app: PreviewApp;
let reviewId: number;

beforeAll(async () => {
  app = await startPreviewApp();
  reviewId = (await seedDemoData((name, input) => app.call(name, input))).consensusReviewId;
}, 240_000);

afterAll(async () => {
  await app?.close();
});

describe('agreement figures (issue 13: "eroavat 5" next to a share that implies 4)', () => {
  it('the count of differing items is the one the exact-agreement share implies; a not-rated item is named apart', async () => {
    const agreement = await app.call('scoring.agreement', { reviewId });
    // Demo: reviewer B differs on five items, one of them (11) with a not-rated reason instead of a score.
    expect(agreement.disagreements.length).toBe(agreement.differingScores + 1);
    expect(Math.round(agreement.comparedItems * (1 - agreement.exactAgreement!))).toBe(agreement.differingScores);

    const { page, errors } = await app.open();
    await page.evaluate((id) => {
      window.location.hash = `#/reviews/${id}/consensus`;
    }, reviewId);
    const consensus = new ConsensusPage(page);
    await consensus.agreementRegion.waitFor();
    const text = await consensus.agreementRegion.innerText();
    expect(text).toContain(interpolate(c.agreement.disagreements_other, { count: agreement.differingScores }));
    expect(text).toContain(interpolate(c.agreement.partlyScored_one, { count: 1 }));
    expect(errors).toEqual([]);
  });
});
