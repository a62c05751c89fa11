import { currentReason, type RatingInput } from '../scoring.ts';

/** One item's decision as any source holds it (stored, received, or typed in). */
export interface ItemOutcome {
  item: number;
  score: number | null;
  reason?: string | null | undefined;
}

/**
 * The ratings that stand for a review's result: the consensus ratings once there are any, otherwise the ratings of
 * a review's only reviewer. With two or more reviewers and no consensus yet, there is no result.
 * SQL restates this rule for speed in migration 006's triggers and in store/comparison-sql.ts (RESULT);
 * tests/comparison/comparison-sql.test.ts proves they agree with this function.
 */
export function resultRatingsOf<C, R>(review: { consensus: readonly C[]; reviewerRatings: readonly R[]; reviewerCount: number }): (C | R)[] {
  if (review.consensus.length > 0) return [...review.consensus];
  return review.reviewerCount === 1 ? [...review.reviewerRatings] : [];
}

/** A score or a not-rated reason is a decision; a row holding only a note is not rated yet. */
export const isDecided = (rating: ItemOutcome): boolean => rating.score !== null || (rating.reason ?? null) !== null;

/** The decided ratings, as the scoring engine takes them. */
export const decidedRatings = (ratings: readonly ItemOutcome[]): RatingInput[] =>
  ratings.filter(isDecided).map((r) => ({ item: r.item, score: r.score, reason: r.reason == null ? undefined : currentReason(r.reason) }));
