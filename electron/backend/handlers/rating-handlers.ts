import { ratingProblems } from '../../../scales/scoring.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import type { ReviewStatus } from '../../contract/entities.ts';
import { appendAudit } from '../store/audit-log.ts';
import {
  getConsensus, getReviewerRating, listRecommendations, listReviewerRatings, listReviewerRecommendations, listReviewers, setRecommendationRow,
  setReviewerRecommendationRow, touchReview,
  upsertConsensus, upsertReviewerRating, type RatingFields, type ReviewRow,
} from '../store/reviews-store.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { requireReviewRow, scaleOfReview } from './review-views.ts';
import { needsJustification, outcomeOf } from '../../../scales/review-rules/consensus.ts';
import { CONSENSUS_WRITABLE_IN, RATINGS_WRITABLE_IN, ratingsHidden } from '../../../scales/review-rules/workflow.ts';

function requireWritable(row: ReviewRow, allowed: readonly ReviewStatus[]) {
  if (row.status === 'final') throw new ApiFailure('read-only', { status: row.status });
  if (!allowed.includes(row.status)) throw new ApiFailure('conflict', { status: row.status });
}

/** The scale decides which items and scores exist; a stored rating is always one the engine can score. */
function checkAgainstScale(ctx: HandlerContext, row: ReviewRow, rating: RatingFields) {
  const scale = scaleOfReview(ctx, row);
  const problems = ratingProblems(scale.data, [{ item: rating.item, score: rating.score, reason: rating.reason ?? undefined }], 'rating')
    // A draft row may hold only a note before the reviewer decides on a score or a reason.
    .filter((p) => p.code !== 'reason-missing');
  const issues = problems.map((p) => ({ path: p.path.replace(/^rating\[0\]\.?/, ''), code: p.code, message: p.message }));
  // A not-rated item needs its reason explained in words, for the report and for the next reviewer.
  if (rating.score === null && rating.reason !== null && (rating.reasonNote ?? '').trim() === '') {
    issues.push({ path: 'reasonNote', code: 'reason-note-missing', message: `item ${rating.item} is not rated; explain why in a note` });
  }
  if (issues.length) throw new ApiFailure('invalid-input', { issues });
}

/**
 * The review's own texts (consensus ratings, its recommendations) are shared by every reviewer: while the reviewers'
 * work is still hidden from each other (ratingsHidden) they cannot be written, or one reviewer's text (or whether a
 * justification is demanded) would reach the other.
 */
function requireNotHidden(ctx: HandlerContext, row: ReviewRow) {
  if (ratingsHidden(row.status, listReviewers(ctx.db, row.id))) throw new ApiFailure('conflict', { reason: 'reviewers-not-complete' });
}

/** The reviewer, on this review, still rating (not complete). */
function requireRatingReviewer(ctx: HandlerContext, reviewId: number, reviewerId: number) {
  const reviewer = listReviewers(ctx.db, reviewId).find((r) => r.id === reviewerId);
  if (!reviewer) throw new ApiFailure('not-found', { entity: 'reviewer', id: reviewerId });
  // Completing is the reviewer's word that these ratings are theirs to compare; reopen to change them.
  if (reviewer.completedAt !== null) throw new ApiFailure('conflict', { reason: 'reviewer-complete' });
  return reviewer;
}

/** A consensus that differs from every reviewer's own decision must say why (needsJustification). */
function requireJustification(ctx: HandlerContext, reviewId: number, rating: RatingFields & { justification: string | null }) {
  const own = listReviewerRatings(ctx.db, reviewId).filter((r) => r.item === rating.item).map(outcomeOf);
  if (needsJustification(outcomeOf(rating), own) && (rating.justification ?? '').trim() === '') {
    throw new ApiFailure('invalid-input', { issues: [{ path: 'justification', code: 'justification-required', message: `item ${rating.item}: the consensus differs from every reviewer's rating; say why` }] });
  }
}

export const ratingHandlers: HandlerGroup<'ratings.set' | 'consensus.set' | 'recommendations.set'> = {
  'ratings.set': ({ reviewId, reviewerId, ...rating }, ctx) => {
    const row = requireReviewRow(ctx, reviewId);
    requireWritable(row, RATINGS_WRITABLE_IN);
    requireRatingReviewer(ctx, reviewId, reviewerId);
    checkAgainstScale(ctx, row, rating);
    const before = getReviewerRating(ctx.db, reviewerId, rating.item);
    const at = ctx.now();
    upsertReviewerRating(ctx.db, reviewerId, rating, at);
    touchReview(ctx.db, reviewId, at);
    appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'rating', entityId: `${reviewId}/${reviewerId}/${rating.item}`, action: 'set', oldValue: before ?? null, newValue: rating });
    return getReviewerRating(ctx.db, reviewerId, rating.item)!;
  },

  'consensus.set': ({ reviewId, ...rating }, ctx) => {
    const row = requireReviewRow(ctx, reviewId);
    requireWritable(row, CONSENSUS_WRITABLE_IN);
    requireNotHidden(ctx, row);
    checkAgainstScale(ctx, row, rating);
    requireJustification(ctx, reviewId, rating);
    const before = getConsensus(ctx.db, reviewId, rating.item);
    const at = ctx.now();
    upsertConsensus(ctx.db, reviewId, rating, at);
    touchReview(ctx.db, reviewId, at);
    appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'consensus', entityId: `${reviewId}/${rating.item}`, action: 'set', oldValue: before ?? null, newValue: rating });
    return getConsensus(ctx.db, reviewId, rating.item)!;
  },

  'recommendations.set': ({ reviewId, reviewerId, item, text }, ctx) => {
    const row = requireReviewRow(ctx, reviewId);
    requireWritable(row, reviewerId === undefined ? CONSENSUS_WRITABLE_IN : RATINGS_WRITABLE_IN);
    if (item !== null && !scaleOfReview(ctx, row).data.items.some((i) => i.number === item)) {
      throw new ApiFailure('invalid-input', { issues: [{ path: 'item', code: 'unknown-item', message: `item ${item} is not in the scale` }] });
    }
    if (reviewerId !== undefined) {
      // A reviewer's own recommendation, written like their ratings and private like them.
      requireRatingReviewer(ctx, reviewId, reviewerId);
      const own = listReviewerRecommendations(ctx.db, reviewId).find((r) => r.reviewerId === reviewerId && r.item === item) ?? null;
      const at = ctx.now();
      setReviewerRecommendationRow(ctx.db, reviewerId, item, text, at);
      touchReview(ctx.db, reviewId, at);
      appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'recommendation', entityId: `${reviewId}/${reviewerId}/${item ?? 'review'}`, action: 'set', oldValue: own?.text ?? null, newValue: text });
      return { item, text };
    }
    requireNotHidden(ctx, row);
    const before = listRecommendations(ctx.db, reviewId).find((r) => r.item === item) ?? null;
    const at = ctx.now();
    setRecommendationRow(ctx.db, reviewId, item, text, at);
    touchReview(ctx.db, reviewId, at);
    appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'recommendation', entityId: `${reviewId}/${item ?? 'review'}`, action: 'set', oldValue: before?.text ?? null, newValue: text });
    return { item, text };
  },
};
