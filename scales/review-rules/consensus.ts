import { currentReason } from '../scoring.ts';
import type { ItemOutcome } from './result-ratings.ts';

/**
 * One item's outcome as a single comparable value: '' undecided, '1'…'5' a score, or a not-rated reason code.
 * (The consensus select in the UI uses exactly these values.)
 */
export type Outcome = string;

export function outcomeOf(rating: Pick<ItemOutcome, 'score' | 'reason'> | undefined): Outcome {
  if (!rating) return '';
  if (rating.score !== null) return String(rating.score);
  return rating.reason ? currentReason(rating.reason) : '';
}

/** A consensus select value back as a score or a reason. */
export function ratingOfOutcome(outcome: Outcome): { score: number | null; reason: string | null } {
  if (outcome === '') return { score: null, reason: null };
  return /^\d+$/.test(outcome) ? { score: Number(outcome), reason: null } : { score: null, reason: outcome };
}

/** The reviewers did not all reach the same outcome (a different score, or a score against a reason). */
export const isDisagreement = (outcomes: readonly Outcome[]): boolean => new Set(outcomes).size > 1;

/** Every reviewer decided the item, and all the same way. */
export const isAgreement = (outcomes: readonly Outcome[]): boolean => outcomes.length > 0 && outcomes[0] !== '' && !isDisagreement(outcomes);

/**
 * A consensus that differs from every reviewer's own decision needs a short justification (the manual's consensus
 * meeting). Reviewers who decided nothing do not count; an undecided consensus needs none.
 */
export function needsJustification(consensus: Outcome, reviewerOutcomes: readonly Outcome[]): boolean {
  const decided = reviewerOutcomes.filter((o) => o !== '');
  return consensus !== '' && decided.length > 0 && !decided.includes(consensus);
}

export interface ReviewerItemRating extends ItemOutcome {
  reasonNote?: string | null | undefined;
  evidence?: string | null | undefined;
}

export interface PrefilledConsensus {
  item: number;
  score: number | null;
  reason: string | null;
  reasonNote: string | null;
  evidence: string | null;
}

const joined = (texts: readonly (string | null | undefined)[]) =>
  [...new Set(texts.map((t) => t?.trim()).filter((t): t is string => !!t))].join('\n\n') || null;

/**
 * Consensus starts where the reviewers agree: an item every reviewer decided the same way is pre-filled with that
 * decision and the reviewers' evidence and notes (each different text once). Every other item is decided in the
 * consensus discussion, but its consensus evidence starts from both reviewers' text too (issue 13: the record of a
 * disputed item keeps its evidence), to be edited there. `byReviewer`: each reviewer's ratings.
 */
export function consensusPrefill(items: readonly number[], byReviewer: readonly (readonly ReviewerItemRating[])[]): PrefilledConsensus[] {
  return items.flatMap((item) => {
    const forItem = byReviewer.map((ratings) => ratings.find((r) => r.item === item));
    const first = forItem[0];
    const evidence = joined(forItem.map((r) => r?.evidence));
    if (!first || !isAgreement(forItem.map(outcomeOf))) {
      return evidence === null ? [] : [{ item, score: null, reason: null, reasonNote: null, evidence }];
    }
    const { score, reason } = ratingOfOutcome(outcomeOf(first));
    return [{ item, score, reason, reasonNote: joined(forItem.map((r) => r?.reasonNote)), evidence }];
  });
}

/**
 * The review's recommendations start from the reviewers' own (each different text once, item null: the whole
 * review); only where the review has none of its own yet.
 */
export function recommendationPrefill(
  byReviewer: readonly (readonly { item: number | null; text: string }[])[],
  existing: readonly { item: number | null }[],
): { item: number | null; text: string }[] {
  const keys = [...new Set(byReviewer.flat().map((r) => r.item))].sort((a, b) => (a ?? 0) - (b ?? 0));
  return keys.flatMap((item) => {
    if (existing.some((r) => r.item === item)) return [];
    const text = joined(byReviewer.map((recs) => recs.find((r) => r.item === item)?.text));
    return text === null ? [] : [{ item, text }];
  });
}

/** Items on which the reviewers' outcomes differ (none with fewer than two reviewers). */
export function disagreementItems(items: readonly number[], byReviewer: readonly (readonly ItemOutcome[])[]): number[] {
  if (byReviewer.length < 2) return [];
  return items.filter((item) => isDisagreement(byReviewer.map((ratings) => outcomeOf(ratings.find((r) => r.item === item)))));
}
