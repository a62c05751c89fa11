import type { ReviewStatus } from './workflow.ts';

/** What the choice needs to know of a review. */
export interface PreviousReviewCandidate {
  id: number;
  status: ReviewStatus;
  /** Visit dates as ISO dates (YYYY-MM-DD), sorted; the first is when the review started. */
  visitDates: readonly string[];
}

const firstVisit = (review: PreviousReviewCandidate): string => [...review.visitDates].sort()[0] ?? '';

/**
 * The review a new review of the site follows on from (issue 13, "last year's review at hand"): the site's newest
 * final review whose first visit date is before this review's. Newest by first visit date, then by id (a later
 * record of the same day, such as an amendment, wins). A review never follows on from itself, nor from an
 * unfinished review: only a final result is shown and copied forward.
 */
export function previousFinalReview<T extends PreviousReviewCandidate>(current: PreviousReviewCandidate, siteReviews: readonly T[]): T | null {
  const before = firstVisit(current);
  const candidates = siteReviews.filter((r) => r.id !== current.id && r.status === 'final' && firstVisit(r) !== '' && firstVisit(r) < before);
  candidates.sort((a, b) => (firstVisit(a) === firstVisit(b) ? b.id - a.id : firstVisit(a) < firstVisit(b) ? 1 : -1));
  return candidates[0] ?? null;
}
