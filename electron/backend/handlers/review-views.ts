import type { ConsensusRating, FidelitySummary, ReviewDetail, Reviewer, ReviewerRating, ReviewSummary } from '../../contract/entities.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import { scoreRatings, type FidelityScore } from '../../../scales/scoring.ts';
import type { ScaleVersion } from '../../../scales/scale-version.ts';
import { getSite } from '../store/sites-store.ts';
import {
  amendmentOf, getReviewRow, listConsensus, listRecommendations, listReviewerRatings, listReviewers, type ReviewRow,
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
    scale: { id: row.scale_id, version: row.scale_version, contentHash: row.scale_hash, differsFromShipped: ctx.registry.differsFromShipped(scale) },
    visitDates: JSON.parse(row.visit_dates) as string[],
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    score: toSummary(scoreStored(scale, resultRatings(ctx, row))),
  };
}

/** Each reviewer's ratings stay private until every reviewer has marked theirs complete (independent rating). */
export function ratingsHiddenFor(row: ReviewRow, reviewers: readonly Reviewer[]): boolean {
  return row.status === 'draft' && reviewers.length > 1 && reviewers.some((r) => r.completedAt === null);
}

/** An item's decision as one comparable value: its score, its not-rated reason, or nothing yet. */
export const outcomeKey = (r: { score: number | null; reason?: string | null } | undefined) =>
  r === undefined ? 'none' : r.score !== null ? `score:${r.score}` : r.reason ? `reason:${r.reason}` : 'none';

function checksFor(ctx: HandlerContext, row: ReviewRow, scale: ScaleVersion): ReviewDetail['checks'] {
  const individual = listReviewerRatings(ctx.db, row.id);
  const result = resultRatings(ctx, row);
  const items = scale.data.items.map((i) => i.number);
  const hasEvidence = (item: number) => [...individual, ...result].some((r) => r.item === item && (r.score !== null || r.reason !== null || (r.evidence ?? '').trim() !== ''));
  const decided = new Set(result.filter((r) => outcomeKey(r) !== 'none').map((r) => r.item));
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
    changes: items.filter((item) => outcomeKey(before.get(item)) !== outcomeKey(after.get(item)))
      .map((item) => ({ item, before: outcome(before.get(item)), after: outcome(after.get(item)) })),
  };
}

export function reviewDetail(ctx: HandlerContext, row: ReviewRow, viewerId?: number): ReviewDetail {
  const site = getSite(ctx.db, row.site_id);
  if (!site) throw new ApiFailure('not-found', { entity: 'site', id: row.site_id });
  const reviewers = listReviewers(ctx.db, row.id);
  const hidden = ratingsHiddenFor(row, reviewers);
  const ratings = listReviewerRatings(ctx.db, row.id).filter((r) => !hidden || r.reviewerId === viewerId);
  return {
    ...reviewSummary(ctx, row),
    site,
    language: row.language,
    reviewers,
    ratingsHidden: hidden,
    ratings,
    consensus: listConsensus(ctx.db, row.id),
    recommendations: listRecommendations(ctx.db, row.id),
    strengths: row.strengths,
    amendment: amendmentFor(ctx, row),
    amendedBy: amendmentOf(ctx.db, row.id),
    checks: checksFor(ctx, row, scaleOfReview(ctx, row)),
  };
}
