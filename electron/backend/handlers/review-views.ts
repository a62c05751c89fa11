import { FidelitySummary, type ConsensusRating, type ReviewDetail, type Reviewer, type ReviewerRating, type ReviewSummary } from '../../contract/entities.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import { scoreRatings, type FidelityScore, type FidelityScoreTotals } from '../../../scales/scoring.ts';
import { decidedRatings, resultRatingsOf } from '../../../scales/review-rules/result-ratings.ts';
import { outcomeOf } from '../../../scales/review-rules/consensus.ts';
import { ratingsHidden } from '../../../scales/review-rules/workflow.ts';
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

function checksFor(ctx: HandlerContext, row: ReviewRow, scale: ScaleVersion): ReviewDetail['checks'] {
  const individual = listReviewerRatings(ctx.db, row.id);
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
