import { describe, expect, test } from 'vitest';
import { loadScaleRegistry } from '../../scales/scale-registry.ts';
import { compareReviews, comparableStatus, defaultComparisonPair, inTimeOrder } from '../../scales/review-rules/review-comparison.ts';
import type { PreviousReviewCandidate } from '../../scales/review-rules/previous-review.ts';

const { registry } = loadScaleRegistry();
const v100 = registry.get('ips-25', '1.0.0')!.data;
const v110 = registry.get('ips-25', '1.1.0')!.data;
const all = (score: (item: number) => number | null, reason = 'no-data') =>
  Array.from({ length: 25 }, (_, i) => i + 1).map((item) => ({ item, score: score(item), reason: score(item) === null ? reason : null }));
const review = (id: number, status: PreviousReviewCandidate['status'], visit: string): PreviousReviewCandidate => ({ id, status, visitDates: [visit] });

describe('compareReviews (issue 13: a site page compares two of its reviews)', () => {
  test('item by item: up, down and same, with the difference; totals and bands of both', () => {
    const before = all((item) => (item <= 5 ? 3 : 4));
    const after = all((item) => (item <= 5 ? 5 : item === 25 ? 3 : 4));
    const result = compareReviews({ scale: v110, ratings: before }, { scale: v110, ratings: after });
    if (!result.comparable) throw new Error('expected comparable');
    expect(result.items[0]).toEqual({ item: 1, section: 'staffing', before: { score: 3, reason: null }, after: { score: 5, reason: null }, change: 'up', difference: 2 });
    expect(result.items[24]).toMatchObject({ item: 25, change: 'down', difference: -1 });
    expect(result.items[10]).toMatchObject({ item: 11, change: 'same', difference: 0 });
    expect(result.counts).toEqual({ up: 5, down: 1, same: 19, notCompared: 0 });
    expect(result.before).toMatchObject({ total: 95, band: 'fair', complete: true });
    expect(result.after).toMatchObject({ total: 104, band: 'good', complete: true });
  });

  test('section subtotals of both, each saying how many of the section’s items it covers', () => {
    const before = all((item) => (item === 2 ? null : 4));
    const after = all(() => 5);
    const result = compareReviews({ scale: v110, ratings: before }, { scale: v110, ratings: after });
    if (!result.comparable) throw new Error('expected comparable');
    const staffing = result.sections.find((s) => s.key === 'staffing')!;
    expect(staffing).toEqual({ key: 'staffing', totalItems: 3, before: { ratedItems: 2, rawTotal: 8 }, after: { ratedItems: 3, rawTotal: 15 } });
    expect(result.sections.map((s) => s.totalItems).reduce((a, b) => a + b, 0)).toBe(25);
  });

  test('a partial review: items not rated (or undecided) in either are not compared; the total is an estimate', () => {
    const before = all((item) => (item > 20 ? null : 4), 'not-assessed').filter((r) => r.item !== 25);
    const result = compareReviews({ scale: v110, ratings: before }, { scale: v110, ratings: all(() => 4) });
    if (!result.comparable) throw new Error('expected comparable');
    expect(result.items[20]).toMatchObject({ item: 21, before: { score: null, reason: 'not-assessed' }, change: null, difference: null });
    expect(result.items[24]).toMatchObject({ item: 25, before: { score: null, reason: null }, change: null });
    expect(result.counts).toEqual({ up: 0, down: 0, same: 20, notCompared: 5 });
    expect(result.before).toMatchObject({ ratedItems: 20, estimate: true, total: 100 });
  });

  test('versions that map one to one compare (1.0.0 against 1.1.0); another scale gives the reasons it does not', () => {
    expect(compareReviews({ scale: v100, ratings: all(() => 3) }, { scale: v110, ratings: all(() => 4) })).toMatchObject({ comparable: true, counts: { up: 25 } });
    const other = { ...v110, id: 'other-scale' };
    expect(compareReviews({ scale: v110, ratings: [] }, { scale: other, ratings: [] })).toEqual({ comparable: false, mismatches: ['they are different scales (ips-25, other-scale)'] });
    const shorter = { ...v110, version: '9.0.0', items: v110.items.slice(0, 24) };
    const result = compareReviews({ scale: v110, ratings: [] }, { scale: shorter, ratings: [] });
    expect(result.comparable).toBe(false);
    expect(!result.comparable && result.mismatches[0]).toBe('1.1.0 has 25 items, 9.0.0 has 24');
  });
});

describe('which reviews and which pair', () => {
  test('only final and consensus results are compared, never a draft', () => {
    expect(['draft', 'consensus', 'final'].map((s) => comparableStatus(s as 'draft'))).toEqual([false, true, true]);
  });

  test('by default the newest final review against the final review before it', () => {
    const reviews = [review(1, 'final', '2023-05-01'), review(2, 'final', '2024-05-01'), review(3, 'final', '2025-05-01'), review(4, 'draft', '2026-05-01'), review(5, 'consensus', '2026-01-01')];
    expect(defaultComparisonPair(reviews)?.map((r) => r.id)).toEqual([2, 3]);
  });

  test('without two final reviews, the two newest comparable ones; fewer than two gives null', () => {
    expect(defaultComparisonPair([review(1, 'final', '2024-05-01'), review(2, 'consensus', '2025-05-01'), review(3, 'draft', '2026-05-01')])?.map((r) => r.id)).toEqual([1, 2]);
    expect(defaultComparisonPair([review(1, 'final', '2024-05-01'), review(3, 'draft', '2026-05-01')])).toBeNull();
  });

  test('two chosen reviews are put in time order', () => {
    expect(inTimeOrder(review(7, 'final', '2026-01-01'), review(3, 'final', '2024-01-01')).map((r) => r.id)).toEqual([3, 7]);
    expect(inTimeOrder(review(3, 'final', '2024-01-01'), review(7, 'final', '2026-01-01')).map((r) => r.id)).toEqual([3, 7]);
  });
});
