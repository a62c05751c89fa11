import { ApiFailure } from '../../contract/api-error.ts';
import { canFinalize, canMoveTo } from '../../../scales/review-rules/workflow.ts';
import { organisationOrNull } from '../../../scales/review-rules/review-kinds.ts';
import { appendAudit } from '../store/audit-log.ts';
import { insertReview, insertReviewer, listReviewerRatings, listReviewers, listReviewRowsForSite, setReviewStatusRow } from '../store/reviews-store.ts';
import { DEFAULT_SCALE_ID, defaultScaleVersion } from './default-scale.ts';
import type { HandlerGroup } from './handler-context.ts';
import { requireReviewRow, resultRatings, reviewDetail, reviewSummary, scaleOfReview, scoreStored, toSummary } from './review-views.ts';
import { requireSite } from './site-handlers.ts';


export const reviewHandlers: HandlerGroup<'reviews.listForSite' | 'reviews.get' | 'reviews.create' | 'reviews.setStatus' | 'scoring.review' | 'scoring.summary'> = {
  'reviews.listForSite': ({ siteId }, ctx) => {
    requireSite(ctx, siteId);
    return listReviewRowsForSite(ctx.db, siteId).map((row) => reviewSummary(ctx, row));
  },

  'reviews.get': ({ id, viewerId }, ctx) => reviewDetail(ctx, requireReviewRow(ctx, id), viewerId),

  'reviews.create': (input, ctx) => {
    requireSite(ctx, input.siteId);
    const scale = input.scale ? ctx.registry.get(input.scale.id, input.scale.version) : defaultScaleVersion(ctx);
    if (!scale) throw new ApiFailure('not-found', { entity: 'scale', id: input.scale ? `${input.scale.id}@${input.scale.version}` : DEFAULT_SCALE_ID });
    const at = ctx.now();
    const id = insertReview(ctx.db, {
      uid: ctx.newUid(),
      siteId: input.siteId,
      kind: input.kind,
      reviewingOrganisation: organisationOrNull(input.reviewingOrganisation),
      scaleId: scale.data.id,
      scaleVersion: scale.data.version,
      scaleHash: scale.contentHash,
      visitDates: [...input.visitDates].sort(),
      status: 'draft',
      language: input.language,
      revision: 1,
    }, at);
    input.reviewers.forEach((reviewer, index) => insertReviewer(ctx.db, id, index + 1, reviewer.name, reviewer.role || null));
    const detail = reviewDetail(ctx, requireReviewRow(ctx, id));
    appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'review', entityId: id, action: 'create', newValue: { ...input, uid: detail.uid } });
    return detail;
  },

  'reviews.setStatus': ({ id, status }, ctx) => {
    const row = requireReviewRow(ctx, id);
    if (row.status === status) return reviewSummary(ctx, row);
    if (!canMoveTo(row.status, status)) {
      throw new ApiFailure(row.status === 'final' ? 'read-only' : 'conflict', { from: row.status, to: status });
    }
    if (status === 'final') {
      const { undecided } = reviewDetail(ctx, row).checks;
      if (!canFinalize(undecided)) throw new ApiFailure('conflict', { reason: 'undecided-items', items: undecided });
    }
    setReviewStatusRow(ctx.db, id, status, ctx.now());
    appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'review', entityId: id, action: 'set-status', oldValue: row.status, newValue: status });
    return reviewSummary(ctx, requireReviewRow(ctx, id));
  },

  'scoring.review': ({ reviewId, reviewerId }, ctx) => {
    const row = requireReviewRow(ctx, reviewId);
    const scale = scaleOfReview(ctx, row);
    if (reviewerId === undefined) return scoreStored(scale, resultRatings(ctx, row));
    if (!listReviewers(ctx.db, reviewId).some((r) => r.id === reviewerId)) throw new ApiFailure('not-found', { entity: 'reviewer', id: reviewerId });
    return scoreStored(scale, listReviewerRatings(ctx.db, reviewId).filter((r) => r.reviewerId === reviewerId));
  },

  'scoring.summary': ({ reviewId }, ctx) => {
    const row = requireReviewRow(ctx, reviewId);
    return toSummary(scoreStored(scaleOfReview(ctx, row), resultRatings(ctx, row)));
  },
};
