import { FidelitySummary, type ConsensusRating, type ReviewDetail, type Reviewer, type ReviewerRating, type ReviewSummary } from '../../contract/entities.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import { scoreRatings, type FidelityScore, type FidelityScoreTotals } from '../../../scales/scoring.ts';
import { decidedRatings, resultRatingsOf } from '../../../scales/review-rules/result-ratings.ts';
import { outcomeOf } from '../../../scales/review-rules/consensus.ts';
import { ratingsHidden, reviewerWorkVisible } from '../../../scales/review-rules/workflow.ts';
import type { ScaleVersion } from '../../../scales/scale-version.ts';
import { getSite } from '../store/sites-store.ts';
import {
  amendmentOf, getReviewRow, listConsensus, listRecommendations, listReviewerRatings, listReviewerRecommendations, listReviewers, type ReviewRow,
} from '../store/reviews-store.ts';
import { ensureVisitPlan } from './visit-plan.ts';
import type { HandlerContext } from './handler-context.ts';

export function requireReviewRow(ctx: HandlerContext, id: number): ReviewRow {
  const row = getReviewRow(ctx.db, id);
  if (!row) throw new ApiFailure('not-found', { entity: 'review', id });
  return row;
}

export function scaleOfReview(ctx: HandlerContext, row: ReviewRow): ScaleVersion {
  const scale = ctx.registry.get(row.scale_id, row.scale_version);
  if (!scale) throw new ApiFailure('not-found', { entity: 'scale', id: `${row.scale_id}@${row.scale_version}` });
  return scale;
}

/** The review's result ratings (the rule: resultRatingsOf in scales/review-rules/result-ratings.ts). */
export function resultRatings(ctx: HandlerContext, row: ReviewRow): (ConsensusRating | ReviewerRating)[] {
  return resultRatingsOf({ consensus: listConsensus(ctx.db, row.id), reviewerRatings: listReviewerRatings(ctx.db, row.id), reviewerCount: listReviewers(ctx.db, row.id).length });
}

/** Scores stored ratings; rows that hold only a note (no score, no reason) are not rated yet. */
export function scoreStored(scale: ScaleVersion, ratings: readonly { item: number; score: number | null; reason?: string | null }[]): FidelityScore {
  const result = scoreRatings(scale.data, decidedRatings(ratings));
  if (!result.ok) throw new ApiFailure('conflict', { issues: result.problems.map((p) => ({ path: p.path, code: p.code, message: p.message })) });
  return result.score;
}

export const toSummary = (score: FidelityScoreTotals): FidelitySummary => FidelitySummary.parse(score);

export function reviewSummary(ctx: HandlerContext, row: ReviewRow): ReviewSummary {
  const scale = scaleOfReview(ctx, row);
  return {
    id: row.id,
    uid: row.uid,
    siteId: row.site_id,
    kind: row.kind,
    reviewingOrganisation: row.reviewing_organisation,
    status: row.status,
    scale: { id: row.scale_id, version: row.scale_version, contentHash: row.scale_hash, differsFromShipped: ctx.registry.differsFromShipped(scale) },
    visitDates: JSON.parse(row.visit_dates) as string[],
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    score: toSummary(scoreStored(scale, resultRatings(ctx, row))),
  };
}

/** Each reviewer's ratings stay private until every reviewer has marked theirs complete (ratingsHidden). */
export const ratingsHiddenFor = (row: ReviewRow, reviewers: readonly Reviewer[]): boolean => ratingsHidden(row.status, reviewers);

/**
 * A reviewer's individual work (ratings, evidence, notes, reasons, recommendations) as far as `viewerId` may see it:
 * the one rule is reviewerWorkVisible. Every call that shows or derives anything from individual work reads it here.
 */
export function visibleReviewerWork(ctx: HandlerContext, row: ReviewRow, viewerId?: number) {
  const reviewers = listReviewers(ctx.db, row.id);
  const visible = (r: { reviewerId: number }) => reviewerWorkVisible(row.status, reviewers, r.reviewerId, viewerId);
  return {
    reviewers,
    ratings: listReviewerRatings(ctx.db, row.id).filter(visible),
    recommendations: listReviewerRecommendations(ctx.db, row.id).filter(visible),
  };
}

function checksFor(ctx: HandlerContext, row: ReviewRow, scale: ScaleVersion, viewerId?: number): ReviewDetail['checks'] {
  // Another reviewer's work must not make an item drop out of this reviewer's missing list before all complete.
  const individual = visibleReviewerWork(ctx, row, viewerId).ratings;
  const result = resultRatings(ctx, row);
  const items = scale.data.items.map((i) => i.number);
  const hasEvidence = (item: number) => [...individual, ...result].some((r) => r.item === item && (r.score !== null || r.reason !== null || (r.evidence ?? '').trim() !== ''));
  const decided = new Set(result.filter((r) => outcomeOf(r) !== '').map((r) => r.item));
  return {
    missingEvidence: items.filter((item) => !hasEvidence(item)),
    openPlanEntries: ensureVisitPlan(ctx, row, scale).filter((entry) => !entry.done).length,
    undecided: items.filter((item) => !decided.has(item)),
  };
}

function amendmentFor(ctx: HandlerContext, row: ReviewRow): ReviewDetail['amendment'] {
  if (row.amends_review_id === null) return null;
  const original = requireReviewRow(ctx, row.amends_review_id);
  const before = new Map(resultRatings(ctx, original).map((r) => [r.item, r]));
  const after = new Map(resultRatings(ctx, row).map((r) => [r.item, r]));
  const items = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a - b);
  const outcome = (r: { score: number | null; reason: string | null } | undefined) => (r ? { score: r.score, reason: r.reason } : null);
  return {
    originalId: original.id,
    reason: row.amendment_reason ?? '',
    changes: items.filter((item) => outcomeOf(before.get(item)) !== outcomeOf(after.get(item)))
      .map((item) => ({ item, before: outcome(before.get(item)), after: outcome(after.get(item)) })),
  };
}

export function reviewDetail(ctx: HandlerContext, row: ReviewRow, viewerId?: number): ReviewDetail {
  const site = getSite(ctx.db, row.site_id);
  if (!site) throw new ApiFailure('not-found', { entity: 'site', id: row.site_id });
  const { reviewers, ratings, recommendations } = visibleReviewerWork(ctx, row, viewerId);
  const hidden = ratingsHiddenFor(row, reviewers);
  return {
    ...reviewSummary(ctx, row),
    site,
    language: row.language,
    reviewers,
    ratingsHidden: hidden,
    ratings,
    consensus: listConsensus(ctx.db, row.id),
    recommendations: listRecommendations(ctx.db, row.id),
    reviewerRecommendations: recommendations,
    strengths: row.strengths,
    amendment: amendmentFor(ctx, row),
    amendedBy: amendmentOf(ctx.db, row.id),
    checks: checksFor(ctx, row, scaleOfReview(ctx, row), viewerId),
  };
}

/**
 * The audit log keeps every change to a reviewer's own work with its values; while that work is hidden
 * (reviewerWorkVisible, nobody in particular looking) the entry shows that a change happened, not what it was.
 */
export function withoutHiddenWork<E extends { entity: string; entityId: string; oldValue: unknown; newValue: unknown }>(ctx: HandlerContext, entries: E[]): E[] {
  const reviews = new Map<number, { row: ReviewRow | undefined; reviewers: Reviewer[] }>();
  const isHidden = (reviewId: number, reviewerId: number) => {
    if (!reviews.has(reviewId)) reviews.set(reviewId, { row: getReviewRow(ctx.db, reviewId), reviewers: listReviewers(ctx.db, reviewId) });
    const { row, reviewers } = reviews.get(reviewId)!;
    return row !== undefined && !reviewerWorkVisible(row.status, reviewers, reviewerId);
  };
  return entries.map((entry) => {
    const [reviewId, reviewerId, item] = entry.entityId.split('/');
    const individual = (entry.entity === 'rating' || entry.entity === 'recommendation') && item !== undefined;
    return individual && isHidden(Number(reviewId), Number(reviewerId)) ? { ...entry, oldValue: null, newValue: null } : entry;
  });
}
