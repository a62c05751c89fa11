import { reviewAgreement } from '../../../scales/agreement.ts';
import { consensusBlocker, ratingsHidden } from '../../../scales/review-rules/workflow.ts';
import { consensusPrefill, disagreementItems, recommendationPrefill } from '../../../scales/review-rules/consensus.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import { NotRatedReason } from '../../../scales/scoring.ts';
import { appendAudit } from '../store/audit-log.ts';
import {
  amendmentOf, insertReview, insertReviewer, listConsensus, listRecommendations, listReviewerRatings, listReviewerRecommendations, listReviewers,
  setAmendmentRow, setRecommendationRow, setReviewerCompletedAt, setReviewStatusRow, setStrengthsRow, upsertConsensus,
} from '../store/reviews-store.ts';
import { copyPlanRows } from '../store/visit-plan-store.ts';
import type { HandlerGroup } from './handler-context.ts';
import { requireReviewRow, resultRatings, reviewDetail, scaleOfReview } from './review-views.ts';

export const workflowHandlers: HandlerGroup<'reviewers.setComplete' | 'consensus.start' | 'scoring.agreement' | 'reviews.amend' | 'reviews.setStrengths'> = {
  'reviewers.setComplete': ({ reviewId, reviewerId, complete }, ctx) => {
    const row = requireReviewRow(ctx, reviewId);
    if (row.status === 'final') throw new ApiFailure('read-only', { status: row.status });
    if (row.status !== 'draft') throw new ApiFailure('conflict', { status: row.status });
    const reviewer = listReviewers(ctx.db, reviewId).find((r) => r.id === reviewerId);
    if (!reviewer) throw new ApiFailure('not-found', { entity: 'reviewer', id: reviewerId });
    const completedAt = complete ? ctx.now() : null;
    setReviewerCompletedAt(ctx.db, reviewerId, completedAt);
    appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'reviewer', entityId: reviewerId, action: complete ? 'complete' : 'reopen', oldValue: reviewer.completedAt, newValue: completedAt });
    return { ...reviewer, completedAt };
  },

  'consensus.start': ({ reviewId }, ctx) => {
    const row = requireReviewRow(ctx, reviewId);
    if (row.status === 'final') throw new ApiFailure('read-only', { status: row.status });
    if (row.status !== 'draft') throw new ApiFailure('conflict', { status: row.status });
    const reviewers = listReviewers(ctx.db, reviewId);
    const blocker = consensusBlocker(row.status, reviewers);
    if (blocker === 'single-reviewer') throw new ApiFailure('conflict', { reason: blocker });
    if (blocker === 'reviewers-not-complete') {
      throw new ApiFailure('conflict', { reason: blocker, reviewers: reviewers.filter((r) => r.completedAt === null).map((r) => r.name).join(', ') });
    }

    // Start where the reviewers agree (consensusPrefill); every other item is decided in the consensus discussion.
    const ratings = listReviewerRatings(ctx.db, reviewId);
    const byReviewer = reviewers.map((r) => ratings.filter((x) => x.reviewerId === r.id));
    const at = ctx.now();
    for (const prefilled of consensusPrefill(scaleOfReview(ctx, row).data.items.map((i) => i.number), byReviewer)) {
      upsertConsensus(ctx.db, reviewId, { ...prefilled, reason: NotRatedReason.nullable().parse(prefilled.reason), justification: null }, at);
    }
    const reviewerRecommendations = listReviewerRecommendations(ctx.db, reviewId);
    const recsByReviewer = reviewers.map((r) => reviewerRecommendations.filter((x) => x.reviewerId === r.id));
    for (const rec of recommendationPrefill(recsByReviewer, listRecommendations(ctx.db, reviewId))) setRecommendationRow(ctx.db, reviewId, rec.item, rec.text, at);
    setReviewStatusRow(ctx.db, reviewId, 'consensus', at);
    appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'review', entityId: reviewId, action: 'start-consensus', oldValue: 'draft', newValue: { status: 'consensus', prefilled: listConsensus(ctx.db, reviewId).map((c) => c.item) } });
    return reviewDetail(ctx, requireReviewRow(ctx, reviewId));
  },

  'scoring.agreement': ({ reviewId }, ctx) => {
    const row = requireReviewRow(ctx, reviewId);
    const reviewers = listReviewers(ctx.db, reviewId);
    if (ratingsHidden(row.status, reviewers)) throw new ApiFailure('conflict', { reason: 'reviewers-not-complete' });
    const scale = scaleOfReview(ctx, row);
    const ratings = listReviewerRatings(ctx.db, reviewId);
    const byReviewer = reviewers.map((r) => ratings.filter((x) => x.reviewerId === r.id));
    const items = scale.data.items.map((i) => i.number);
    const scores = byReviewer.map((own) => new Map(own.map((x) => [x.item, x.score])));
    return { ...reviewAgreement(items, scores, scale.data.scoring.itemRange), disagreements: disagreementItems(items, byReviewer) };
  },

  'reviews.amend': ({ reviewId, reason }, ctx) => {
    const original = requireReviewRow(ctx, reviewId);
    if (original.status !== 'final') throw new ApiFailure('conflict', { reason: 'not-final', status: original.status });
    const existing = amendmentOf(ctx.db, reviewId);
    if (existing !== null) throw new ApiFailure('conflict', { reason: 'already-amended', amendmentId: existing });
    const at = ctx.now();
    const id = insertReview(ctx.db, {
      uid: ctx.newUid(), siteId: original.site_id, kind: original.kind, reviewingOrganisation: original.reviewing_organisation, scaleId: original.scale_id, scaleVersion: original.scale_version,
      scaleHash: original.scale_hash, visitDates: JSON.parse(original.visit_dates) as string[], status: 'consensus',
      language: original.language, revision: original.revision + 1,
    }, at);
    setAmendmentRow(ctx.db, id, original.id, reason.trim());
    setStrengthsRow(ctx.db, id, original.strengths, at);
    for (const reviewer of listReviewers(ctx.db, original.id)) insertReviewer(ctx.db, id, reviewer.position, reviewer.name, reviewer.role);
    // The amendment starts from the original's result; the individual ratings stay with the original.
    for (const r of resultRatings(ctx, original)) {
      upsertConsensus(ctx.db, id, { item: r.item, score: r.score, reason: r.reason, reasonNote: r.reasonNote, evidence: r.evidence, justification: null }, at);
    }
    for (const rec of listRecommendations(ctx.db, original.id)) setRecommendationRow(ctx.db, id, rec.item, rec.text, at);
    // The same visit: its plan (who was met, when, the notes) comes along, for the amendment's report and editor.
    copyPlanRows(ctx.db, original.id, id, at);
    appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'review', entityId: id, action: 'amend', oldValue: { originalId: original.id }, newValue: { reason } });
    return reviewDetail(ctx, requireReviewRow(ctx, id));
  },

  'reviews.setStrengths': ({ reviewId, text }, ctx) => {
    const row = requireReviewRow(ctx, reviewId);
    if (row.status === 'final') throw new ApiFailure('read-only', { status: row.status });
    // A text all reviewers share: written once their own work is in the open, or it would carry one's view to the other.
    if (ratingsHidden(row.status, listReviewers(ctx.db, reviewId))) throw new ApiFailure('conflict', { reason: 'reviewers-not-complete' });
    const value = text.trim() === '' ? null : text;
    setStrengthsRow(ctx.db, reviewId, value, ctx.now());
    appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'review', entityId: reviewId, action: 'set-strengths', oldValue: row.strengths, newValue: value });
    return { text: value };
  },
};
