import type { ConsensusRating, FidelitySummary, ReviewDetail, ReviewerRating, ReviewSummary } from '../../contract/entities.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import { scoreRatings, type FidelityScore } from '../../../scales/scoring.ts';
import type { ScaleVersion } from '../../../scales/scale-version.ts';
import { getSite } from '../store/sites-store.ts';
import {
  getReviewRow, listConsensus, listRecommendations, listReviewerRatings, listReviewers, type ReviewRow,
} from '../store/reviews-store.ts';
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

/**
 * The ratings that stand for the review's result: the consensus ratings once there are any, otherwise the
 * ratings of a review's only reviewer. With two or more reviewers and no consensus yet, there is no result.
 */
export function resultRatings(ctx: HandlerContext, row: ReviewRow): (ConsensusRating | ReviewerRating)[] {
  const consensus = listConsensus(ctx.db, row.id);
  if (consensus.length > 0) return consensus;
  const reviewers = listReviewers(ctx.db, row.id);
  return reviewers.length === 1 ? listReviewerRatings(ctx.db, row.id) : [];
}

/** Scores stored ratings; rows that hold only a note (no score, no reason) are not rated yet. */
export function scoreStored(scale: ScaleVersion, ratings: readonly { item: number; score: number | null; reason?: string | null }[]): FidelityScore {
  const decided = ratings.filter((r) => r.score !== null || r.reason != null).map((r) => ({ item: r.item, score: r.score, reason: r.reason ?? undefined }));
  const result = scoreRatings(scale.data, decided);
  if (!result.ok) throw new ApiFailure('conflict', { issues: result.problems.map((p) => ({ path: p.path, code: p.code, message: p.message })) });
  return result.score;
}

export const toSummary = (score: FidelityScore): FidelitySummary => ({
  total: score.total, estimate: score.estimate, band: score.band, ratedItems: score.ratedItems, totalItems: score.totalItems, meanScore: score.meanScore,
});

export function reviewSummary(ctx: HandlerContext, row: ReviewRow): ReviewSummary {
  const scale = scaleOfReview(ctx, row);
  return {
    id: row.id,
    uid: row.uid,
    siteId: row.site_id,
    kind: row.kind,
    status: row.status,
    scale: { id: row.scale_id, version: row.scale_version, contentHash: row.scale_hash },
    visitDates: JSON.parse(row.visit_dates) as string[],
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    score: toSummary(scoreStored(scale, resultRatings(ctx, row))),
  };
}

export function reviewDetail(ctx: HandlerContext, row: ReviewRow): ReviewDetail {
  const site = getSite(ctx.db, row.site_id);
  if (!site) throw new ApiFailure('not-found', { entity: 'site', id: row.site_id });
  return {
    ...reviewSummary(ctx, row),
    site,
    language: row.language,
    reviewers: listReviewers(ctx.db, row.id),
    ratings: listReviewerRatings(ctx.db, row.id),
    consensus: listConsensus(ctx.db, row.id),
    recommendations: listRecommendations(ctx.db, row.id),
  };
}
