import { localDate } from '../../../scales/review-rules/local-date.ts';
import { createHash } from 'node:crypto';
import { BUNDLE_FILE_EXTENSION, BUNDLE_LIMITS, type BundleSignedReport } from '../../../exchange/bundle-format.ts';
import { BundleTooLargeError, writeBundle, type BundleReviewEntry } from '../../../exchange/bundle-write.ts';
import type { BundledReviewFile } from '../../../exchange/bundle-review-check.ts';
import type { ReviewFile } from '../../../scales/review-file.ts';
import { scaleRef } from '../../../scales/scale-version.ts';
import type { SigningIdentity } from '../../../reports/signing/identity.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import { appendAudit } from '../store/audit-log.ts';
import { listActionPlanRows } from '../store/action-plan-store.ts';
import { lastShared, listAllReviewRows, setReviewRevision } from '../store/bundle-store.ts';
import { latestSignedReport } from '../store/reports-store.ts';
import { listReviewRowsForSite, type ReviewRow } from '../store/reviews-store.ts';
import { exportReview } from './exchange-handlers.ts';
import type { HandlerContext } from './handler-context.ts';
import { reviewContentKey } from './review-file-store.ts';
import { requireReviewRow } from './review-views.ts';
import { requireSite } from './site-handlers.ts';

export type BundleSelection = { reviewIds: number[] } | { siteIds: number[] } | { all: true };

/** The reviews a selection names, each once, oldest site and visit first; more than a bundle holds is refused. */
export function reviewsToExport(ctx: HandlerContext, selection: BundleSelection): ReviewRow[] {
  const rows = 'all' in selection
    ? listAllReviewRows(ctx.db)
    : 'siteIds' in selection
      ? selection.siteIds.flatMap((siteId) => {
        requireSite(ctx, siteId);
        return listReviewRowsForSite(ctx.db, siteId).reverse();
      })
      : selection.reviewIds.map((id) => requireReviewRow(ctx, id));
  const unique = [...new Map(rows.map((row) => [row.id, row])).values()];
  if (unique.length === 0) throw new ApiFailure('conflict', { reason: 'nothing-to-export', issues: [{ path: 'selection', code: 'nothing-to-export', message: 'the selection holds no reviews' }] });
  if (unique.length > BUNDLE_LIMITS.maxReviews) {
    throw new ApiFailure('conflict', { reason: 'too-many-reviews', count: unique.length, max: BUNDLE_LIMITS.maxReviews, issues: [{ path: 'selection', code: 'too-many-reviews', message: `${unique.length} reviews; a bundle holds at most ${BUNDLE_LIMITS.maxReviews}` }] });
  }
  return unique;
}

/** What a shared review's content was, apart from its revision number (see reviewContentKey). */
export const sharedFileHash = (file: ReviewFile) => `sha256:${createHash('sha256').update(reviewContentKey(file), 'utf8').digest('hex')}`;

/**
 * Writes the bundle of `rows`, signed by `identity`. Call inside one transaction: a review changed since it was
 * last shared goes out as its next revision (the revision is raised here, audited), and every exported review
 * gets an 'export-bundle' audit entry recording what left.
 */
export function exportBundle(ctx: HandlerContext, rows: readonly ReviewRow[], identity: SigningIdentity): { bytes: Buffer; revisionsRaised: number } {
  const at = ctx.now();
  let revisionsRaised = 0;
  const scales = new Map<string, unknown>();
  const reviews: BundleReviewEntry[] = rows.map((row) => {
    let file = exportReview(ctx, row) as BundledReviewFile;
    const fileHash = sharedFileHash(file);
    const last = lastShared(ctx.db, row.id);
    if (last && last.fileHash !== fileHash && file.revision <= last.revision) {
      const revision = last.revision + 1;
      setReviewRevision(ctx.db, row.id, revision);
      appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'review', entityId: row.id, action: 'set-revision', oldValue: file.revision, newValue: revision });
      file = { ...file, revision };
      revisionsRaised++;
    }
    const scale = ctx.registry.get(row.scale_id, row.scale_version);
    if (scale?.contentHash !== row.scale_hash) {
      throw new ApiFailure('conflict', { reason: 'scale-unavailable', issues: [{ path: 'reviewIds', code: 'scale-unavailable', message: `the text of ${row.scale_id} ${row.scale_version} that review ${row.uid} was scored with is not loaded here` }] });
    }
    scales.set(scaleRef(row.scale_id, row.scale_version), scale.json);
    const signed = latestSignedReport(ctx.db, row.id);
    appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'review', entityId: row.id, action: 'export-bundle', newValue: { revision: file.revision, fileHash, identity: identity.certificateFingerprint } });
    return {
      file,
      ...(signed ? {
        signedReport: {
          language: signed.language, pdf: Buffer.from(signed.pdf), sha256: signed.sha256,
          signers: JSON.parse(signed.signers) as BundleSignedReport['signers'],
          createdAt: signed.created_at,
        },
      } : {}),
      actionPlan: listActionPlanRows(ctx.db, row.id),
    };
  });
  try {
    return { bytes: writeBundle({ createdAt: at, reviews, scales: [...scales.values()] }, identity), revisionsRaised };
  } catch (error) {
    if (error instanceof BundleTooLargeError) {
      throw new ApiFailure('conflict', { reason: 'bundle-too-large', size: error.size, issues: [{ path: 'selection', code: 'bundle-too-large', message: error.message }] });
    }
    throw error;
  }
}

/** `<site>-<date>.ipsreview` for one site, `ips-fidelity-<date>.ipsreview` otherwise; safe on every file system. */
export function bundleFileName(ctx: HandlerContext, rows: readonly ReviewRow[]): string {
  const date = localDate(new Date(ctx.now()));
  const siteIds = new Set(rows.map((row) => row.site_id));
  const site = siteIds.size === 1 ? requireSite(ctx, rows[0]!.site_id).name : null;
  const stem = site ? site.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) : '';
  return `${stem || 'ips-fidelity'}-${date}${BUNDLE_FILE_EXTENSION}`;
}
