import type { ConsensusRating, Reviewer, ReviewerRating } from '../../electron/contract/entities.ts';

/** The reasons an item may be left unrated (scales/scoring.ts NotRatedReason), in the order the UI offers them. */
export const NOT_RATED_REASONS = ['no-data', 'not-applicable', 'not-assessed'] as const;
export type NotRatedReasonCode = (typeof NOT_RATED_REASONS)[number];

/**
 * One item's outcome as a single comparable value: '' undecided, '1'…'5' a score, or a not-rated reason code.
 * It is also the value of the consensus select.
 */
export type Choice = string;

export function choiceOf(rating: { score: number | null; reason?: string | null } | undefined): Choice {
  if (!rating) return '';
  if (rating.score !== null) return String(rating.score);
  return rating.reason ?? '';
}

export function ratingOfChoice(choice: Choice): { score: number | null; reason: NotRatedReasonCode | null } {
  if (choice === '') return { score: null, reason: null };
  if ((NOT_RATED_REASONS as readonly string[]).includes(choice)) return { score: null, reason: choice as NotRatedReasonCode };
  return { score: Number(choice), reason: null };
}

export const isReason = (choice: Choice): choice is NotRatedReasonCode => (NOT_RATED_REASONS as readonly string[]).includes(choice);

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

/** The reviewers did not all reach the same outcome (a different score, or a score against a reason). */
export const isDisagreement = (choices: readonly Choice[]) => new Set(choices).size > 1;

/**
 * Consensus differs from every reviewer: the review process asks for a short justification then (the backend
 * enforces it with the issue code 'justification-required'; the UI only shows the field in time).
 */
export function needsJustification(consensus: Choice, choices: readonly Choice[]): boolean {
  const decided = choices.filter((c) => c !== '');
  return consensus !== '' && decided.length > 0 && !decided.includes(consensus);
}

/** Every reviewer decided the item, and all the same way. */
export const isAgreement = (choices: readonly Choice[]) => choices.length > 0 && choices[0] !== '' && !isDisagreement(choices);
