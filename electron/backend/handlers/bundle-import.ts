import type { CheckedBundle, CheckedBundleReview } from '../../../exchange/bundle-read.ts';
import { canonicalJson } from '../../../scales/canonical-json.ts';
import type { ReviewFile } from '../../../scales/review-file.ts';
import { scaleRef, type ScaleVersion } from '../../../scales/scale-version.ts';
import { appendAudit } from '../store/audit-log.ts';
import {
  clearReviewContent, insertReviewRevision, insertScaleVersionRow, replaceActionPlan, updateReviewRevision,
} from '../store/bundle-store.ts';
import { insertSignedReport, latestSignedReport } from '../store/reports-store.ts';
import { getReviewRowByUid, type ReviewRow } from '../store/reviews-store.ts';
import { sharedFileHash } from './bundle-export.ts';
import { exportReview } from './exchange-handlers.ts';
import type { HandlerContext } from './handler-context.ts';
import { insertReviewFromFile, normalisedIncoming, reviewContentKey, siteForFile, writeReviewContent } from './review-file-store.ts';

/**
 * What a bundle's review means here:
 * - new: no review with its id here;
 * - unchanged: the same revision with the same content (reviewContentKey), nothing to do;
 * - report-added: the same file, and a signed report that is new here (or extends the one here by signatures);
 * - newer: a higher revision; replaces the review here only when the user confirms;
 * - older: a lower revision; the newer one here stays;
 * - conflict: the same revision with other content, or a newer revision that would leave this database's signed
 *   report beside content it was not signed for: nothing is changed, the exporter should export it anew.
 */
export type PlannedOutcome = 'new' | 'unchanged' | 'report-added' | 'newer' | 'older' | 'conflict';
export type ConflictReason = 'same-revision' | 'signed-here' | 'signed-report-differs';
export type ImportOutcome = Exclude<PlannedOutcome, 'newer'> | 'replaced' | 'skipped';

export interface ReviewPlan {
  review: CheckedBundleReview;
  incoming: ReviewFile;
  existing: ReviewRow | null;
  outcome: PlannedOutcome;
  reason: ConflictReason | null;
}

/** Decides each review's outcome against this database; reads only. */
export function planBundleImport(ctx: HandlerContext, bundle: CheckedBundle): ReviewPlan[] {
  return bundle.reviews.map((review) => {
    const incoming = normalisedIncoming(review.file, review.scale.contentHash, review.file.reviewId);
    const existing = getReviewRowByUid(ctx.db, review.file.reviewId) ?? null;
    const plan = (outcome: PlannedOutcome, reason: ConflictReason | null = null): ReviewPlan => ({ review, incoming, existing, outcome, reason });
    if (!existing) return plan('new');
    const here = latestSignedReport(ctx.db, existing.id);
    const same = reviewContentKey(exportReview(ctx, existing)) === reviewContentKey(incoming);
    if (same && incoming.revision === existing.revision) {
      const pdf = review.signedReport?.pdf;
      if (!pdf || here?.sha256 === review.signedReport!.sha256) return plan('unchanged');
      // Later signatures are incremental updates: an earlier report is the start of a later one.
      const hereBytes = here ? Buffer.from(here.pdf) : null;
      if (!hereBytes || startsWith(pdf, hereBytes)) return plan('report-added');
      return startsWith(hereBytes, pdf) ? plan('unchanged') : plan('conflict', 'signed-report-differs');
    }
    if (incoming.revision! < existing.revision) return plan('older');
    if (incoming.revision! === existing.revision) return plan('conflict', 'same-revision');
    if (here && !review.signedReport && !same) return plan('conflict', 'signed-here');
    return plan('newer');
  });
}

const startsWith = (bytes: Buffer, start: Buffer) => bytes.length > start.length && bytes.subarray(0, start.length).equals(start);

export interface AppliedReview extends ReviewPlan {
  result: ImportOutcome;
  reviewId: number | null;
}

/**
 * Writes the plan; call inside one transaction (all of a bundle or nothing). `replace`: ids of reviews whose newer
 * revision the user confirmed. Returns the scale versions it stored, for the caller to add to the registry once
 * the transaction has committed.
 */
export function applyBundleImport(ctx: HandlerContext, bundle: CheckedBundle, plans: readonly ReviewPlan[], replace: ReadonlySet<string>) {
  const at = ctx.now();
  const stored = new Map<string, ScaleVersion>();
  const storeScale = (scale: ScaleVersion) => {
    const ref = scaleRef(scale.data.id, scale.data.version);
    if (!bundle.newScales.includes(scale) || stored.has(ref)) return;
    insertScaleVersionRow(ctx.db, { scale_id: scale.data.id, version: scale.data.version, content_hash: scale.contentHash, data: canonicalJson(scale.json), added_at: at });
    appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'scale', entityId: ref, action: 'add-from-bundle', newValue: { contentHash: scale.contentHash, exporter: bundle.exporter.certificateFingerprint } });
    stored.set(ref, scale);
  };
  const shared = (plan: ReviewPlan) => ({
    revision: plan.incoming.revision, fileHash: sharedFileHash(plan.incoming), exporter: bundle.exporter.certificateFingerprint, bundleCreatedAt: bundle.createdAt,
  });

  const applied: AppliedReview[] = plans.map((plan) => {
    const { review, incoming, existing } = plan;
    if (plan.outcome === 'new') {
      storeScale(review.scale);
      const { reviewId } = insertReviewFromFile(ctx, incoming, review.scale, at);
      writeExtras(ctx, reviewId, review, at);
      appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'review', entityId: reviewId, action: 'import-bundle', newValue: shared(plan) });
      return { ...plan, result: 'new', reviewId };
    }
    if (!existing) throw new Error('a plan other than new names an existing review');
    if (plan.outcome === 'report-added') {
      writeExtras(ctx, existing.id, { signedReport: review.signedReport }, at);
      appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'review', entityId: existing.id, action: 'add-signed-report-from-bundle', newValue: { sha256: review.signedReport!.sha256 } });
      return { ...plan, result: 'report-added', reviewId: existing.id };
    }
    if (plan.outcome !== 'newer') return { ...plan, result: plan.outcome, reviewId: existing.id };
    if (!replace.has(review.file.reviewId)) return { ...plan, result: 'skipped', reviewId: existing.id };

    storeScale(review.scale);
    // The revision being replaced stays in history, as the review file it is.
    const previous = exportReview(ctx, existing);
    insertReviewRevision(ctx.db, existing.id, previous, at);
    clearReviewContent(ctx.db, existing.id);
    updateReviewRevision(ctx.db, existing.id, {
      siteId: siteForFile(ctx, incoming, at), kind: incoming.kind, scaleId: review.scale.data.id, scaleVersion: review.scale.data.version,
      scaleHash: review.scale.contentHash, visitDates: incoming.visitDates, status: incoming.status!, language: incoming.language ?? null,
      revision: incoming.revision!,
    }, at);
    writeReviewContent(ctx, existing.id, incoming, at);
    writeExtras(ctx, existing.id, review, at);
    appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'review', entityId: existing.id, action: 'replace-from-bundle', oldValue: { revision: previous.revision }, newValue: shared(plan) });
    return { ...plan, result: 'replaced', reviewId: existing.id };
  });
  return { applied, storedScales: [...stored.values()] };
}

/** The signed report and the action plan a bundle brings (an absent action plan leaves the one here alone). */
function writeExtras(ctx: HandlerContext, reviewId: number, review: Pick<CheckedBundleReview, 'signedReport' | 'actionPlan'>, at: string) {
  const report = review.signedReport;
  if (report) {
    insertSignedReport(ctx.db, {
      review_id: reviewId, language: report.language, pdf: report.pdf, sha256: report.sha256, signers: JSON.stringify(report.signers), created_at: report.createdAt,
    });
  }
  if (review.actionPlan) replaceActionPlan(ctx.db, reviewId, review.actionPlan, at);
}
