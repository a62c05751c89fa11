import type { CallInput, CallName, CallOutput } from '../../electron/contract/contract.ts';

type Call = <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;
export type FileRating = { item: number; score: number | null; reason?: string };

/** Item scores 1..25 from a list (null: not rated, reason no-data). */
export const scoresOf = (scores: readonly (number | null)[]): FileRating[] =>
  scores.map((score, i) => (score === null ? { item: i + 1, score: null, reason: 'no-data' } : { item: i + 1, score }));

/** All 25 items at `score`, then some items changed. */
export function uniform(score: number, changes: Record<number, number | null> = {}): FileRating[] {
  return scoresOf(Array.from({ length: 25 }, (_, i) => (i + 1 in changes ? changes[i + 1]! : score)));
}

export interface ImportedReview {
  site: string;
  region: string | null;
  kind: 'external' | 'self' | 'peer';
  date: string;
  ratings: FileRating[];
  status?: 'draft' | 'consensus' | 'final';
}

/** One review through the review-file import (stored as consensus ratings, final unless said otherwise). */
export async function importReview(call: Call, review: ImportedReview) {
  return call('reviews.importFile', {
    file: {
      format: 'ips-fidelity-review/1',
      scale: { id: 'ips-25', version: '1.0.0' },
      site: { name: review.site, ...(review.region ? { region: review.region } : {}) },
      kind: review.kind,
      visitDates: [review.date],
      reviewers: review.kind !== 'self' ? [{ name: 'Aino Laaksonen' }, { name: 'Mikael Sundström' }] : [{ name: 'Sanna Virtanen' }],
      status: review.status ?? 'final',
      ratings: review.ratings,
    },
  });
}

/**
 * A review made in the app by one reviewer who rates every item and finalizes: no consensus rows, so its result is
 * the reviewer's own ratings (the fallback of resultRatings).
 */
export async function singleReviewerReview(call: Call, siteId: number, kind: 'external' | 'self', date: string, ratings: FileRating[], finalize = true) {
  const review = await call('reviews.create', { siteId, kind, visitDates: [date], reviewers: [{ name: 'Sanna Virtanen', role: null }] });
  const reviewerId = review.reviewers[0]!.id;
  for (const r of ratings) {
    await call('ratings.set', { reviewId: review.id, reviewerId, item: r.item, score: r.score, reason: (r.reason ?? null) as 'no-data' | null });
  }
  if (finalize) await call('reviews.setStatus', { id: review.id, status: 'final' });
  return review.id;
}
