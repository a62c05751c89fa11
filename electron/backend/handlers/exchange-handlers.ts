import { canonicalJson } from '../../../scales/canonical-json.ts';
import { checkReview } from '../../../scales/review-check.ts';
import { REVIEW_FORMAT, type ReviewFile } from '../../../scales/review-file.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import { appendAudit, listAudit } from '../store/audit-log.ts';
import { getReviewRowByUid, listRecommendations, listReviewers, type ReviewRow } from '../store/reviews-store.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { insertReviewFromFile, normalisedIncoming } from './review-file-store.ts';
import { requireReviewRow, resultRatings, withoutHiddenWork } from './review-views.ts';
import { requireSite } from './site-handlers.ts';

/** The review as a review file: its result ratings with their evidence and per-item recommendations. */
export function exportReview(ctx: HandlerContext, row: ReviewRow): ReviewFile {
  const site = requireSite(ctx, row.site_id);
  const recommendations = new Map(listRecommendations(ctx.db, row.id).filter((r) => r.item !== null).map((r) => [r.item, r.text]));
  const ratings = resultRatings(ctx, row)
    // A row holding only a note is undecided: the format has no place for an item without score or reason.
    .filter((r) => r.score !== null || r.reason !== null)
    .map((r) => ({
      item: r.item,
      score: r.score,
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.reasonNote ? { reasonNote: r.reasonNote } : {}),
      ...(r.evidence ? { evidence: r.evidence } : {}),
      ...('justification' in r && r.justification ? { justification: r.justification } : {}),
      ...(recommendations.has(r.item) ? { recommendation: recommendations.get(r.item)! } : {}),
    }));
  return {
    format: REVIEW_FORMAT,
    reviewId: row.uid,
    revision: row.revision,
    scale: { id: row.scale_id, version: row.scale_version, contentHash: row.scale_hash },
    site: {
      name: site.name,
      ...(site.region ? { region: site.region.name, ...(site.region.code ? { regionCode: site.region.code } : {}) } : {}),
      ...(site.organisation ? { organisation: site.organisation } : {}),
      ...(site.collaborationModel === 1 || site.collaborationModel === 2 ? { collaborationModel: site.collaborationModel } : {}),
      ...(site.collaborationModel === 'other' && site.collaborationNote ? { collaborationOther: site.collaborationNote } : {}),
    },
    kind: row.kind,
    ...(row.reviewing_organisation ? { reviewingOrganisation: row.reviewing_organisation } : {}),
    visitDates: JSON.parse(row.visit_dates) as string[],
    reviewers: listReviewers(ctx.db, row.id).map((r) => ({ name: r.name, ...(r.role ? { role: r.role } : {}) })),
    ...(row.language ? { language: row.language } : {}),
    status: row.status,
    ratings,
  };
}

export const exchangeHandlers: HandlerGroup<'reviews.importFile' | 'reviews.exportFile' | 'audit.list'> = {
  'reviews.importFile': ({ file: json }, ctx) => {
    const checked = checkReview(json, ctx.registry);
    const warnings = checked.warnings.map((w) => `${w.path}: ${w.message}`);
    if (!checked.ok) {
      throw new ApiFailure('invalid-review-file', { issues: checked.problems.map((p) => ({ path: p.path, code: p.code, message: p.message })) });
    }
    const { review: file, scale } = checked;
    const uid = file.reviewId ?? ctx.newUid();
    const incoming = normalisedIncoming(file, scale.contentHash, uid);

    const existing = getReviewRowByUid(ctx.db, uid);
    if (existing) {
      if (canonicalJson(exportReview(ctx, existing)) === canonicalJson(incoming)) {
        return { reviewId: existing.id, siteId: existing.site_id, created: false, warnings };
      }
      // Replacing a review needs the user's confirmation and keeps history: that is a review bundle's import (bundles.import).
      throw new ApiFailure('conflict', { reason: 'review-exists', reviewId: uid });
    }

    const at = ctx.now();
    const { reviewId, siteId } = insertReviewFromFile(ctx, incoming, scale, at);
    appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'review', entityId: reviewId, action: 'import', newValue: incoming });
    return { reviewId, siteId, created: true, warnings };
  },

  'reviews.exportFile': ({ reviewId }, ctx) => exportReview(ctx, requireReviewRow(ctx, reviewId)),

  'audit.list': (input, ctx) => withoutHiddenWork(ctx, listAudit(ctx.db, input)),
};
