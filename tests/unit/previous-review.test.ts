import { describe, expect, it } from 'vitest';
import { previousFinalReview, type PreviousReviewCandidate } from '../../scales/review-rules/previous-review.ts';

const review = (id: number, status: PreviousReviewCandidate['status'], ...visitDates: string[]): PreviousReviewCandidate => ({ id, status, visitDates });

describe('previousFinalReview (issue 13: last year’s review at hand)', () => {
  const current = review(10, 'draft', '2026-10-05', '2026-10-06');

  it('is the newest final review whose first visit is before this one’s', () => {
    const reviews = [review(1, 'final', '2024-10-01'), review(2, 'final', '2025-10-01', '2025-10-02'), review(3, 'consensus', '2025-12-01'), review(4, 'final', '2026-11-01'), current];
    expect(previousFinalReview(current, reviews)?.id).toBe(2);
  });

  it('never the review itself, an unfinished one or one of the same first day; none gives null', () => {
    expect(previousFinalReview(current, [review(5, 'final', '2026-10-05'), review(6, 'draft', '2025-01-01'), current])).toBeNull();
    expect(previousFinalReview(review(7, 'final', '2025-01-01'), [review(7, 'final', '2025-01-01')])).toBeNull();
  });

  it('of two final reviews of the same first visit (an amendment), the later record', () => {
    expect(previousFinalReview(current, [review(2, 'final', '2025-10-01'), review(8, 'final', '2025-10-01')])?.id).toBe(8);
  });
});
