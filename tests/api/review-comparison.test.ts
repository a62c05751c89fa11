import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openBackend } from '../../electron/backend/backend.ts';
import { tempDbFile, testBackend, type TestBackend } from '../fixtures/backend.ts';
import { bundledScaleJson, scaleDir } from '../fixtures/scale-files.ts';
import { pdftotextFlat, writeTempPdf } from '../reports/report-pdf-tools.ts';
import { createFinalReview } from '../fixtures/final-review.ts';

let t: TestBackend;

afterEach(() => {
  t?.backend.close();
  if (t) rmSync(dirname(t.dbFile), { recursive: true, force: true });
});

async function siteWithReviews() {
  t = await testBackend();
  const site = await t.call('sites.create', { name: 'Jyväskylän IPS' });
  const first = await createFinalReview(t.call, { siteId: site.id, visitDate: '2024-03-01', score: () => 3 });
  const second = await createFinalReview(t.call, { siteId: site.id, visitDate: '2025-03-01', score: (item) => (item <= 3 ? 5 : item === 25 ? 2 : item === 24 ? null : 3) });
  return { site, first, second };
}

describe('reviews.compareTwo', () => {
  test('by default the newest final review against the one before: items, sections covering their rated items, totals and bands', async () => {
    const { site, first, second } = await siteWithReviews();
    // A two-reviewer draft (blind work in progress) is never a candidate.
    const draft = await t.call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-03-01'], reviewers: [{ name: 'A', role: null }, { name: 'B', role: null }] });
    await t.call('ratings.set', { reviewId: draft.id, reviewerId: draft.reviewers[0]!.id, item: 1, score: 1, evidence: 'SALAINEN' });

    const result = await t.call('reviews.compareTwo', { siteId: site.id });
    expect(result.candidates.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(result.chosen).toEqual([first.id, second.id]);
    expect(JSON.stringify(result)).not.toContain('SALAINEN');
    const comparison = result.comparison!;
    if (!comparison.comparable) throw new Error('expected comparable');
    expect(comparison.items[0]).toMatchObject({ item: 1, before: { score: 3 }, after: { score: 5 }, change: 'up', difference: 2 });
    expect(comparison.items[23]).toMatchObject({ item: 24, after: { score: null, reason: 'no-data' }, change: null });
    expect(comparison.items[24]).toMatchObject({ item: 25, change: 'down', difference: -1 });
    expect(comparison.counts).toEqual({ up: 3, down: 1, same: 20, notCompared: 1 });
    expect(comparison.sections[0]).toEqual({ key: 'staffing', totalItems: 3, before: { ratedItems: 3, rawTotal: 9 }, after: { ratedItems: 3, rawTotal: 15 } });
    expect(comparison.before).toMatchObject({ total: 75, band: 'fair', complete: true });
    expect(comparison.after).toMatchObject({ ratedItems: 24, estimate: true, band: 'fair' });
  });

  test('two chosen reviews in either order come back in time order; a draft or another site’s review is refused and changes nothing', async () => {
    const { site, first, second } = await siteWithReviews();
    expect((await t.call('reviews.compareTwo', { siteId: site.id, reviewIds: [second.id, first.id] })).chosen).toEqual([first.id, second.id]);

    const draft = await t.call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-03-01'], reviewers: [{ name: 'A', role: null }] });
    const refused = await t.backend.dispatch('reviews.compareTwo', { siteId: site.id, reviewIds: [first.id, draft.id] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { issues: [{ path: 'reviewIds.1', code: 'result-not-visible' }] } } });

    const other = await t.call('sites.create', { name: 'Muu' });
    const elsewhere = await createFinalReview(t.call, { siteId: other.id, visitDate: '2025-01-01', score: () => 4 });
    const notHere = await t.backend.dispatch('reviews.compareTwo', { siteId: site.id, reviewIds: [first.id, elsewhere.id] });
    expect(notHere).toMatchObject({ ok: false, error: { code: 'not-found', details: { issues: [{ path: 'reviewIds.1' }] } } });

    expect(await t.backend.dispatch('reviews.compareTwo', { siteId: site.id, reviewIds: [first.id, first.id] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await t.backend.dispatch('reviews.compareTwo', { siteId: 9999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  test('a site with one final review has nothing to compare', async () => {
    t = await testBackend();
    const site = await t.call('sites.create', { name: 'Yksi' });
    const only = await createFinalReview(t.call, { siteId: site.id, visitDate: '2025-01-01', score: () => 4 });
    expect(await t.call('reviews.compareTwo', { siteId: site.id })).toEqual({ candidates: [expect.objectContaining({ id: only.id })], chosen: null, comparison: null });
  });

  test('reviews on comparable scale versions compare (1.0.0 against 1.1.0)', async () => {
    const { site, first } = await siteWithReviews();
    const old = await t.call('reviews.create', { siteId: site.id, kind: 'external', scale: { id: 'ips-25', version: '1.0.0' }, visitDates: ['2023-01-01'], reviewers: [{ name: 'A', role: null }] });
    for (let item = 1; item <= 25; item++) await t.call('ratings.set', { reviewId: old.id, reviewerId: old.reviewers[0]!.id, item, score: 2 });
    await t.call('reviews.setStatus', { id: old.id, status: 'final' });
    const result = await t.call('reviews.compareTwo', { siteId: site.id, reviewIds: [old.id, first.id] });
    expect(result.comparison).toMatchObject({ comparable: true, counts: { up: 25 } });
  });

  test('a review on a scale version whose items do not map one to one is refused item by item, with the reasons', async () => {
    const json = bundledScaleJson();
    json.version = '9.0.0';
    json.items[6].key = 'employment-team';
    const dir = scaleDir({ 'ips-25-9.0.0.json': json });
    const dbFile = tempDbFile();
    const backend = await openBackend({ dbFile, actor: 'tester', scaleDirs: [dir], log: () => {} });
    try {
      const call = async (name: string, input: unknown) => {
        const response = await backend.dispatch(name as 'reviews.create', input as never);
        if (!response.ok) throw new Error(JSON.stringify(response.error));
        return response.output as any;
      };
      const site = await call('sites.create', { name: 'Vaasan IPS' });
      const ids: number[] = [];
      for (const [version, date] of [['1.0.0', '2024-05-01'], ['9.0.0', '2025-05-01']] as const) {
        const review = await call('reviews.create', { siteId: site.id, kind: 'external', scale: { id: 'ips-25', version }, visitDates: [date], reviewers: [{ name: 'A', role: null }] });
        for (let item = 1; item <= 25; item++) await call('ratings.set', { reviewId: review.id, reviewerId: review.reviewers[0].id, item, score: 3 });
        await call('reviews.setStatus', { id: review.id, status: 'final' });
        ids.push(review.id);
      }
      const result = await call('reviews.compareTwo', { siteId: site.id });
      expect(result.chosen).toEqual(ids);
      expect(result.comparison).toEqual({ comparable: false, mismatches: ['item 7 is "vocational-unit" in 1.0.0 but "employment-team" in 9.0.0'] });
      // The report's changes section gives the totals and bands but does not compare the items.
      const pdf = writeTempPdf('incomparable.pdf', Buffer.from((await call('reports.render', { reviewId: ids[1], language: 'fi' })).pdfBase64, 'base64'));
      const report = pdftotextFlat(pdf);
      rmSync(dirname(pdf), { recursive: true, force: true });
      expect(report).toContain('Muutokset edellisestä arvioinnista');
      expect(report).toContain('joten kriteerejä ei verrata yksitellen');
      expect(report).not.toContain('Pisteet nousivat');
    } finally {
      backend.close();
      rmSync(dirname(dbFile), { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
