import { localDate } from '../../../scales/review-rules/local-date.ts';
import { readReviewerRatings, type CheckedReviewerRatings } from '../../../exchange/reviewer-ratings-read.ts';
import { REVIEWER_RATINGS_FILE_EXTENSION } from '../../../exchange/reviewer-ratings-format.ts';
import { writeReviewerRatings } from '../../../exchange/reviewer-ratings-write.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import type { CallName, CallOutput } from '../../contract/contract.ts';
import { appendAudit } from '../store/audit-log.ts';
import { getReviewerRatingSource } from '../store/reviewer-rating-sources-store.ts';
import { listReviewerRatings, listReviewerRecommendations, listReviewers } from '../store/reviews-store.ts';
import { unsealedIdentity } from './bundle-handlers.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { applyRatingsImport, planRatingsImport, siteNameOf } from './reviewer-ratings-import.ts';
import { requireReviewRow } from './review-views.ts';

type RatingsCalls = 'reviewerRatings.export' | 'reviewerRatings.inspect' | 'reviewerRatings.import';

function checkedFile(base64: string): CheckedReviewerRatings {
  const read = readReviewerRatings(Buffer.from(base64, 'base64'));
  if (!read.ok) throw new ApiFailure('invalid-input', { reason: 'invalid-ratings-file', issues: read.problems.map((p) => ({ path: p.path, code: p.code, message: p.message })) });
  return read.file;
}

/** What leaves: one reviewer's own work on this machine, never another reviewer's (theirs came from their file). */
function ratingsToExport(ctx: HandlerContext, reviewId: number, reviewerId: number) {
  const row = requireReviewRow(ctx, reviewId);
  const reviewers = listReviewers(ctx.db, reviewId);
  const reviewer = reviewers.find((r) => r.id === reviewerId);
  if (!reviewer) throw new ApiFailure('not-found', { entity: 'reviewer', id: reviewerId });
  if (getReviewerRatingSource(ctx.db, reviewerId)) {
    throw new ApiFailure('conflict', { reason: 'ratings-from-another-machine', issues: [{ path: 'reviewerId', code: 'ratings-from-another-machine', message: `${reviewer.name}'s ratings here came from their own file; only they export them` }] });
  }
  const ratings = listReviewerRatings(ctx.db, reviewId).filter((r) => r.reviewerId === reviewerId)
    .map((r) => ({ item: r.item, score: r.score, reason: r.reason, reasonNote: r.reasonNote, evidence: r.evidence }));
  const recommendations = listReviewerRecommendations(ctx.db, reviewId).filter((r) => r.reviewerId === reviewerId).map((r) => ({ item: r.item, text: r.text }));
  return { row, reviewer, ratings, recommendations };
}

export const reviewerRatingsHandlers: HandlerGroup<RatingsCalls> = {
  'reviewerRatings.export': async ({ reviewId, reviewerId, identityId, storagePassphrase }, ctx) => {
    // Check the choice before the slow unsealing, so a wrong one is told at once.
    ctx.db.transaction(() => ratingsToExport(ctx, reviewId, reviewerId)).immediate();
    const identity = await unsealedIdentity(ctx, identityId, storagePassphrase);
    return ctx.db.transaction((): CallOutput<'reviewerRatings.export'> => {
      const { row, reviewer, ratings, recommendations } = ratingsToExport(ctx, reviewId, reviewerId);
      const at = ctx.now();
      const bytes = writeReviewerRatings({
        createdAt: at,
        review: { id: row.uid, revision: row.revision, scale: { id: row.scale_id, version: row.scale_version, contentHash: row.scale_hash } },
        reviewer: { position: reviewer.position, name: reviewer.name },
        completedAt: reviewer.completedAt,
        ratings,
        recommendations,
      }, identity);
      appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'reviewer', entityId: reviewerId, action: 'export-ratings', newValue: { items: ratings.length, identity: identity.certificateFingerprint } });
      const stem = reviewer.name.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'reviewer';
      return { fileBase64: bytes.toString('base64'), fileName: `${stem}-${localDate(new Date(at))}${REVIEWER_RATINGS_FILE_EXTENSION}`, ratedItems: ratings.length };
    }).immediate();
  },

  'reviewerRatings.inspect': ({ fileBase64 }, ctx) => {
    const read = readReviewerRatings(Buffer.from(fileBase64, 'base64'));
    if (!read.ok) return { ok: false, problems: read.problems.map((p) => ({ path: p.path, code: p.code, message: p.message })) };
    const { content } = read.file;
    const plan = planRatingsImport(ctx, read.file);
    return {
      ok: true,
      preview: {
        exporter: { name: content.exporter.name, organisation: content.exporter.organisation ?? null, certificateFingerprint: content.exporter.certificateFingerprint },
        createdAt: content.createdAt,
        reviewUid: content.review.id,
        reviewId: plan.row?.id ?? null,
        siteName: siteNameOf(ctx, plan.row),
        reviewer: { ...content.reviewer, reviewerId: plan.reviewerId },
        complete: content.completedAt !== null,
        // Counts only: the scores, evidence and recommendations stay unseen until every reviewer has completed.
        ratedItems: content.ratings.filter((r) => r.score !== null).length,
        notRatedItems: content.ratings.filter((r) => r.score === null && r.reason !== null).length,
        recommendations: content.recommendations.length,
        outcome: plan.outcome,
        refusal: plan.refusal,
      },
    };
  },

  'reviewerRatings.import': ({ fileBase64 }, ctx) => applyRatingsImport(ctx, checkedFile(fileBase64)),
};
