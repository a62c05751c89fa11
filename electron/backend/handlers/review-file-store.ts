import { canonicalJson } from '../../../scales/canonical-json.ts';
import { matchRegionName } from '../../../scales/regions/fi-regions.ts';
import type { ReviewFile } from '../../../scales/review-file.ts';
import type { ScaleVersion } from '../../../scales/scale-version.ts';
import { appendAudit } from '../store/audit-log.ts';
import { insertReview, insertReviewer, setRecommendationRow, upsertConsensus } from '../store/reviews-store.ts';
import { findSiteByNameAndRegion, insertSite } from '../store/sites-store.ts';
import type { HandlerContext } from './handler-context.ts';
import { regionIdForFile, requireSite } from './site-handlers.ts';

/**
 * Writing a checked review file into the store, shared by the review file import (reviews.importFile) and the
 * review bundle import (bundles.import), so both store a file the same way and "the same review again" means the
 * same thing to both.
 */

/** What an import would store, in export form, to tell "the same review again" from "a changed one". */
export function normalisedIncoming(file: ReviewFile, contentHash: string, uid: string): ReviewFile {
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

/**
 * A review's content as bundles compare it, apart from its revision: the site only as where the review was made
 * (name and region, in any letter case, as sites are found), since a site's organisation and collaboration model
 * belong to the site and may be edited in either database without the review changing.
 */
export function reviewContentKey(file: ReviewFile): string {
  // A listed region by its code, however the file writes it: a file from before issue 13 ("Pirkanmaa") and its
  // export from this app (regionCode 08) are the same review.
  const regionCode = file.site.regionCode ?? (file.site.region ? matchRegionName(file.site.region) : null);
  const site = { name: file.site.name.toLocaleLowerCase('fi'), region: regionCode ?? file.site.region?.toLocaleLowerCase('fi') };
  return canonicalJson({ ...file, revision: undefined, site });
}

/** The site the file names (by name and region), created (and audited) when this database has none. */
export function siteForFile(ctx: HandlerContext, file: ReviewFile, at: string): number {
  const regionId = regionIdForFile(ctx, file.site);
  const found = findSiteByNameAndRegion(ctx.db, file.site.name, regionId);
  if (found) return found.id;
  const collaboration = file.site.collaborationOther
    ? { collaborationModel: 'other' as const, collaborationNote: file.site.collaborationOther }
    : { collaborationModel: file.site.collaborationModel ?? null, collaborationNote: null };
  const siteId = insertSite(ctx.db, { name: file.site.name, regionId, organisation: file.site.organisation ?? null, ...collaboration }, at);
  appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'site', entityId: siteId, action: 'create', newValue: requireSite(ctx, siteId) });
  return siteId;
}

/** The file's reviewers, result ratings and per-item recommendations, on a review that has none. */
export function writeReviewContent(ctx: HandlerContext, reviewId: number, file: ReviewFile, at: string): void {
  file.reviewers.forEach((r, i) => insertReviewer(ctx.db, reviewId, i + 1, r.name, r.role ?? null));
  for (const rating of file.ratings) {
    upsertConsensus(ctx.db, reviewId, {
      item: rating.item, score: rating.score, reason: rating.reason ?? null, reasonNote: rating.reasonNote ?? null,
      evidence: rating.evidence ?? null, justification: rating.justification ?? null,
    }, at);
    if (rating.recommendation) setRecommendationRow(ctx.db, reviewId, rating.item, rating.recommendation, at);
  }
}

/** A new review from a checked file (normalised by normalisedIncoming); the caller writes the audit entry. */
export function insertReviewFromFile(ctx: HandlerContext, incoming: ReviewFile, scale: ScaleVersion, at: string): { reviewId: number; siteId: number } {
  const siteId = siteForFile(ctx, incoming, at);
  const reviewId = insertReview(ctx.db, {
    uid: incoming.reviewId!, siteId, kind: incoming.kind, reviewingOrganisation: incoming.reviewingOrganisation ?? null, scaleId: scale.data.id, scaleVersion: scale.data.version, scaleHash: scale.contentHash,
    visitDates: incoming.visitDates, status: incoming.status!, language: incoming.language ?? null, revision: incoming.revision!,
  }, at);
  writeReviewContent(ctx, reviewId, incoming, at);
  return { reviewId, siteId };
}
