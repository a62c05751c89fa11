import { canonicalJson } from '../../../scales/canonical-json.ts';
import { checkReview } from '../../../scales/review-check.ts';
import { REVIEW_FORMAT, type ReviewFile } from '../../../scales/review-file.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import { appendAudit, listAudit } from '../store/audit-log.ts';
import {
  getReviewRowByUid, insertReview, insertReviewer, listRecommendations, listReviewers, setRecommendationRow,
  upsertConsensus, type ReviewRow,
} from '../store/reviews-store.ts';
import { findSiteByNameAndRegion, insertSite } from '../store/sites-store.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { requireReviewRow, resultRatings } from './review-views.ts';
import { regionIdFor, requireSite } from './site-handlers.ts';

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
      ...(recommendations.has(r.item) ? { recommendation: recommendations.get(r.item)! } : {}),
    }));
  return {
    format: REVIEW_FORMAT,
    reviewId: row.uid,
    revision: row.revision,
    scale: { id: row.scale_id, version: row.scale_version, contentHash: row.scale_hash },
    site: {
      name: site.name,
      ...(site.region ? { region: site.region.name } : {}),
      ...(site.organisation ? { organisation: site.organisation } : {}),
      ...(site.collaborationModel ? { collaborationModel: site.collaborationModel } : {}),
    },
    kind: row.kind,
    visitDates: JSON.parse(row.visit_dates) as string[],
    reviewers: listReviewers(ctx.db, row.id).map((r) => ({ name: r.name, ...(r.role ? { role: r.role } : {}) })),
    ...(row.language ? { language: row.language } : {}),
    status: row.status,
    ratings,
  };
}

/** What an import would store, in export form, to tell "the same review again" from "a changed one". */
function normalisedIncoming(file: ReviewFile, contentHash: string, uid: string): ReviewFile {
  return {
    ...file,
    reviewId: uid,
    revision: file.revision ?? 1,
    scale: { ...file.scale, contentHash },
    status: file.status ?? 'final',
    visitDates: [...file.visitDates].sort(),
    ratings: [...file.ratings].sort((a, b) => a.item - b.item),
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
      // Replacing a review needs the user's confirmation and keeps history: the exchange issue adds that.
      throw new ApiFailure('conflict', { reason: 'review-exists', reviewId: uid });
    }

    const at = ctx.now();
    const regionId = regionIdFor(ctx, file.site.region ?? null);
    let site = findSiteByNameAndRegion(ctx.db, file.site.name, regionId);
    if (!site) {
      const siteId = insertSite(ctx.db, { name: file.site.name, regionId, organisation: file.site.organisation ?? null, collaborationModel: file.site.collaborationModel ?? null }, at);
      site = requireSite(ctx, siteId);
      appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'site', entityId: siteId, action: 'create', newValue: site });
    }
    const reviewId = insertReview(ctx.db, {
      uid, siteId: site.id, kind: file.kind, scaleId: scale.data.id, scaleVersion: scale.data.version, scaleHash: scale.contentHash,
      visitDates: incoming.visitDates, status: incoming.status!, language: file.language ?? null, revision: incoming.revision!,
    }, at);
    file.reviewers.forEach((r, i) => insertReviewer(ctx.db, reviewId, i + 1, r.name, r.role ?? null));
    for (const rating of file.ratings) {
      upsertConsensus(ctx.db, reviewId, {
        item: rating.item, score: rating.score, reason: rating.reason ?? null, reasonNote: rating.reasonNote ?? null,
        evidence: rating.evidence ?? null, justification: null,
      }, at);
      if (rating.recommendation) setRecommendationRow(ctx.db, reviewId, rating.item, rating.recommendation, at);
    }
    appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'review', entityId: reviewId, action: 'import', newValue: incoming });
    return { reviewId, siteId: site.id, created: true, warnings };
  },

  'reviews.exportFile': ({ reviewId }, ctx) => exportReview(ctx, requireReviewRow(ctx, reviewId)),

  'audit.list': (input, ctx) => listAudit(ctx.db, input),
};
