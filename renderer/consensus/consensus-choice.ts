import type { ConsensusRating, Reviewer, ReviewerRating } from '../../electron/contract/entities.ts';
import { outcomeOf, type Outcome } from '../../scales/review-rules/consensus.ts';
import { OFFERED_NOT_RATED_REASONS } from '../../scales/review-rules/not-rated.ts';
import { NotRatedReason } from '../../scales/scoring.ts';

// The rules (outcomes, agreement, when a justification is needed) live in scales/review-rules/consensus.ts; the
// consensus screen only shows them in time.
export { isAgreement, isDisagreement, needsJustification } from '../../scales/review-rules/consensus.ts';

/** The reasons an item may be left unrated, in the order the UI offers them. */
export const NOT_RATED_REASONS = OFFERED_NOT_RATED_REASONS;
export type NotRatedReasonCode = NotRatedReason;

/** One item's outcome, also the value of the consensus select ('' undecided, '1'…'5', or a reason code). */
export type Choice = Outcome;

export const choiceOf = outcomeOf;

export const isReason = (choice: Choice): choice is NotRatedReasonCode => NotRatedReason.safeParse(choice).success;

export function ratingOfChoice(choice: Choice): { score: number | null; reason: NotRatedReasonCode | null } {
  if (choice === '') return { score: null, reason: null };
  if (isReason(choice)) return { score: null, reason: choice };
  return { score: Number(choice), reason: null };
}

/** item -> reviewer id -> that reviewer's rating. */
export type RatingsByItem = Map<number, Map<number, ReviewerRating>>;

export function ratingsByItem(ratings: readonly ReviewerRating[]): RatingsByItem {
  const byItem: RatingsByItem = new Map();
  for (const rating of ratings) {
    const row = byItem.get(rating.item) ?? new Map<number, ReviewerRating>();
    row.set(rating.reviewerId, rating);
    byItem.set(rating.item, row);
  }
  return byItem;
}

export const consensusByItem = (consensus: readonly ConsensusRating[]) => new Map(consensus.map((c) => [c.item, c]));

/** The reviewers' outcomes for one item, in reviewer order ('' where a reviewer decided nothing). */
export function reviewerChoices(reviewers: readonly Reviewer[], row: Map<number, ReviewerRating> | undefined): Choice[] {
  return reviewers.map((reviewer) => choiceOf(row?.get(reviewer.id)));
}
