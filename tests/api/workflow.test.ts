import { describe, expect, test } from 'vitest';
import { dumpDatabase, testBackend } from '../fixtures/backend.ts';

async function twoReviewerReview() {
  const t = await testBackend();
  const site = await t.call('sites.create', { name: 'Joensuu', regionCode: '14' });
  const review = await t.call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-11-10'], reviewers: [{ name: 'Aino', role: 'pääarvioija' }, { name: 'Mikael', role: 'vertaisarvioija' }] });
  const [a, b] = review.reviewers.map((r) => r.id) as [number, number];
  return { ...t, review, a, b };
}

/** Reviewer A gives 4 everywhere; B agrees except on items 1 (5), 2 (2) and 3 (not rated, no data). */
async function rateIndependently({ call, review, a, b }: Awaited<ReturnType<typeof twoReviewerReview>>) {
  for (let item = 1; item <= 25; item++) {
    await call('ratings.set', { reviewId: review.id, reviewerId: a, item, score: 4, evidence: `A${item}` });
    const other = item === 1 ? { score: 5 } : item === 2 ? { score: 2 } : item === 3 ? { score: null, reason: 'no-data' as const, reasonNote: 'ei dataa' } : { score: 4 };
    await call('ratings.set', { reviewId: review.id, reviewerId: b, item, ...other });
  }
}

describe('two reviewers reaching consensus', () => {
  test('ratings stay hidden from the other reviewer until both have completed', async () => {
    const t = await twoReviewerReview();
    await rateIndependently(t);
    const { call, backend, review, a, b } = t;
    const asA = await call('reviews.get', { id: review.id, viewerId: a });
    expect(asA.ratingsHidden).toBe(true);
    expect(new Set(asA.ratings.map((r) => r.reviewerId))).toEqual(new Set([a]));
    expect((await call('reviews.get', { id: review.id })).ratings).toEqual([]);
    expect(await backend.dispatch('consensus.start', { reviewId: review.id })).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'reviewers-not-complete', reviewers: 'Aino, Mikael' } } });

    await call('reviewers.setComplete', { reviewId: review.id, reviewerId: a, complete: true });
    expect(await backend.dispatch('ratings.set', { reviewId: review.id, reviewerId: a, item: 1, score: 3 })).toMatchObject({ ok: false, error: { details: { reason: 'reviewer-complete' } } });
    await call('reviewers.setComplete', { reviewId: review.id, reviewerId: b, complete: true });
    const revealed = await call('reviews.get', { id: review.id, viewerId: a });
    expect(revealed.ratingsHidden).toBe(false);
    expect(revealed.ratings).toHaveLength(50);
  });

  test('agreement figures, consensus pre-filled where both agree, justification where it differs from both', async () => {
    const t = await twoReviewerReview();
    await rateIndependently(t);
    const { call, backend, review, a, b, dbFile } = t;
    for (const id of [a, b]) await call('reviewers.setComplete', { reviewId: review.id, reviewerId: id, complete: true });

    const agreement = await call('scoring.agreement', { reviewId: review.id });
    // 24 items scored by both: 22 exact, item 1 off by one, item 2 off by two.
    expect(agreement).toMatchObject({ comparedItems: 24, disagreements: [1, 2, 3] });
    expect(agreement.exactAgreement).toBeCloseTo(22 / 24, 10);
    expect(agreement.withinOne).toBeCloseTo(23 / 24, 10);
    expect(agreement.weightedKappa).toBeLessThan(0.5);

    const started = await call('consensus.start', { reviewId: review.id });
    expect(started.status).toBe('consensus');
    // Every item with evidence has a consensus record: agreed items decided, disputed ones (1-3) with the evidence only.
    expect(started.consensus.map((c) => c.item)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(started.consensus[3]).toMatchObject({ item: 4, score: 4, evidence: 'A4' });
    expect(started.consensus[0]).toMatchObject({ item: 1, score: null, reason: null, evidence: 'A1' });
    expect(started.checks.undecided).toEqual([1, 2, 3]);
    expect(await backend.dispatch('ratings.set', { reviewId: review.id, reviewerId: a, item: 1, score: 5 })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const before = dumpDatabase(dbFile);
    expect(await backend.dispatch('consensus.set', { reviewId: review.id, item: 2, score: 3 })).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ path: 'justification', code: 'justification-required' }] } } });
    expect(dumpDatabase(dbFile)).toEqual(before);
    await call('consensus.set', { reviewId: review.id, item: 2, score: 3, justification: 'Kirjaukset tukevat 3:a' });
    await call('consensus.set', { reviewId: review.id, item: 1, score: 5 });
    expect(await backend.dispatch('reviews.setStatus', { id: review.id, status: 'final' })).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'undecided-items', items: [3] } } });
    await call('consensus.set', { reviewId: review.id, item: 3, score: null, reason: 'no-data', reasonNote: 'Ei tietoja' });
    // 22 x 4 + 5 + 3 = 96 over 24 items -> 100.0, good.
    expect(await call('reviews.setStatus', { id: review.id, status: 'final' })).toMatchObject({ status: 'final', score: { ratedItems: 24, estimate: true, total: 100, band: 'good' } });

    const final = await call('reviews.get', { id: review.id });
    expect(final.ratings).toHaveLength(50); // individual ratings stay in the record
    expect(await backend.dispatch('consensus.set', { reviewId: review.id, item: 1, score: 1 })).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(await backend.dispatch('reviews.setStrengths', { reviewId: review.id, text: 'x' })).toMatchObject({ ok: false, error: { code: 'read-only' } });
  });
});

describe('final reviews, amendments, strengths and the visit plan', () => {
  test('an amendment links to the original, starts from its result and lists what changed', async () => {
    const { call, backend } = await testBackend();
    const site = await call('sites.create', { name: 'Kajaani' });
    const review = await call('reviews.create', { siteId: site.id, kind: 'self', visitDates: ['2026-06-01'], reviewers: [{ name: 'Sanna', role: null }] });
    const reviewer = review.reviewers[0]!.id;
    for (let item = 1; item <= 25; item++) await call('ratings.set', { reviewId: review.id, reviewerId: reviewer, item, score: 4 });
    await call('reviews.setStrengths', { reviewId: review.id, text: 'Vahva esihenkilötyö' });
    await call('recommendations.set', { reviewId: review.id, item: null, text: 'Seuraava arviointi 6 kk päästä' });
    expect(await backend.dispatch('reviews.amend', { reviewId: review.id, reason: 'Korjaus' })).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'not-final' } } });
    await call('reviews.setStatus', { id: review.id, status: 'final' });

    expect(await backend.dispatch('reviews.amend', { reviewId: review.id, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const amendment = await call('reviews.amend', { reviewId: review.id, reason: 'Kohta 7 arvioitiin väärin' });
    expect(amendment).toMatchObject({ status: 'consensus', revision: 2, strengths: 'Vahva esihenkilötyö', amendment: { originalId: review.id, reason: 'Kohta 7 arvioitiin väärin', changes: [] }, score: { total: 100 } });
    expect(amendment.recommendations).toEqual([{ item: null, text: 'Seuraava arviointi 6 kk päästä' }]);
    await call('consensus.set', { reviewId: amendment.id, item: 7, score: 2 });
    const changed = await call('reviews.get', { id: amendment.id });
    expect(changed.amendment?.changes).toEqual([{ item: 7, before: { score: 4, reason: null }, after: { score: 2, reason: null } }]);
    expect((await call('reviews.get', { id: review.id })).amendedBy).toBe(amendment.id);
    expect(await backend.dispatch('reviews.amend', { reviewId: review.id, reason: 'again' })).toMatchObject({ ok: false, error: { details: { reason: 'already-amended' } } });
  });

  test('the visit plan lists the scale data sources by category; entries are ticked off and flagged', async () => {
    const { call, backend } = await testBackend();
    const site = await call('sites.create', { name: 'Seinäjoki' });
    const review = await call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-12-01'], reviewers: [{ name: 'A', role: null }] });
    const plan = await call('visitPlan.list', { reviewId: review.id });
    expect(plan.length).toBeGreaterThanOrEqual(8);
    expect(new Set(plan.map((p) => p.category))).toEqual(new Set(['request', 'interview', 'observation']));
    const mis = plan.find((p) => p.sourceKey === 'mis-data')!;
    expect(mis).toMatchObject({ category: 'request', done: false, who: null });
    expect(mis.items).toContain(1);
    expect(plan.find((p) => p.sourceKey === 'es-interview')?.category).toBe('interview');

    const updated = await call('visitPlan.update', { reviewId: review.id, entryId: mis.id, who: 'Aino', plannedDate: '2026-11-25', done: true });
    expect(updated).toMatchObject({ who: 'Aino', plannedDate: '2026-11-25', done: true });
    const detail = await call('reviews.get', { id: review.id });
    expect(detail.checks.openPlanEntries).toBe(plan.length - 1);
    expect(detail.checks.missingEvidence).toHaveLength(25);
    await call('ratings.set', { reviewId: review.id, reviewerId: review.reviewers[0]!.id, item: 5, score: null, evidence: 'Tiimikokouksen muistio' });
    expect((await call('reviews.get', { id: review.id })).checks.missingEvidence).not.toContain(5);
    expect(await backend.dispatch('visitPlan.update', { reviewId: review.id, entryId: 99999, done: true })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
