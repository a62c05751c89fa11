import { describe, expect, test } from 'vitest';
import { testBackend } from '../fixtures/backend.ts';

type T = Awaited<ReturnType<typeof testBackend>>;

/** A one-reviewer review at `date`, every item scored `score` with evidence and a recommendation marked `marker`. */
async function ratedReview(t: T, siteId: number, date: string, score: number, marker: string, final: boolean) {
  const review = await t.call('reviews.create', { siteId, kind: 'external', visitDates: [date], reviewers: [{ name: 'Aino Laaksonen', role: null }] });
  const reviewerId = review.reviewers[0]!.id;
  for (let item = 1; item <= 25; item++) {
    if (item === 7) await t.call('ratings.set', { reviewId: review.id, reviewerId, item, score: null, reason: 'no-data', reasonNote: 'Ei tietoa' });
    else await t.call('ratings.set', { reviewId: review.id, reviewerId, item, score, evidence: `${marker} näyttö ${item}` });
  }
  await t.call('recommendations.set', { reviewId: review.id, item: 3, text: `${marker} suositus 3` });
  if (final) await t.call('reviews.setStatus', { id: review.id, status: 'final' });
  return review;
}

describe('reviews.previousResult', () => {
  test('the newest final review of the site visited before this one, per item; unfinished and later reviews do not count', async () => {
    const t = await testBackend();
    const site = await t.call('sites.create', { name: 'Äänekosken IPS', regionCode: '15' });
    const other = await t.call('sites.create', { name: 'Jyväskylän IPS', regionCode: '15' });
    await ratedReview(t, site.id, '2024-10-01', 2, 'VANHA', true);
    const lastYear = await ratedReview(t, site.id, '2025-10-01', 4, 'VIIME', true);
    await ratedReview(t, site.id, '2025-12-01', 1, 'KESKEN', false);
    await ratedReview(t, other.id, '2025-11-01', 5, 'MUU', true);
    const current = await t.call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-10-05'], reviewers: [{ name: 'Bertta', role: null }] });

    const previous = await t.call('reviews.previousResult', { reviewId: current.id });
    expect(previous).toMatchObject({ reviewId: lastYear.id, visitDates: ['2025-10-01'] });
    const byItem = new Map(previous!.items.map((i) => [i.item, i]));
    expect(byItem.get(1)).toEqual({ item: 1, score: 4, reason: null, evidence: 'VIIME näyttö 1', recommendation: null });
    expect(byItem.get(3)).toMatchObject({ score: 4, recommendation: 'VIIME suositus 3' });
    expect(byItem.get(7)).toMatchObject({ score: null, reason: 'no-data', evidence: null });

    // The first final review has none before it; a later final review's previous is the one before it.
    const first = (await t.call('reviews.listForSite', { siteId: site.id })).find((r) => r.visitDates[0] === '2024-10-01')!;
    expect(await t.call('reviews.previousResult', { reviewId: first.id })).toBeNull();
    expect((await t.call('reviews.previousResult', { reviewId: lastYear.id }))?.items.find((i) => i.item === 1)?.evidence).toBe('VANHA näyttö 1');
  });

  test('an unknown review is not found', async () => {
    const t = await testBackend();
    expect(await t.backend.dispatch('reviews.previousResult', { reviewId: 999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
