import type { CheckedBundle, CheckedBundleReview } from '../../../exchange/bundle-read.ts';
import { canonicalJson } from '../../../scales/canonical-json.ts';
import type { ReviewFile } from '../../../scales/review-file.ts';
import { scaleRef, type ScaleVersion } from '../../../scales/scale-version.ts';
import { checkReportExtension, type ReportExtensionCode } from '../../../exchange/report-extension.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import { appendAudit } from '../store/audit-log.ts';
import {
  clearReviewContent, insertReviewRevision, insertScaleVersionRow, updateReviewRevision,
} from '../store/bundle-store.ts';
import { replaceActionPlan } from '../store/action-plan-store.ts';
import { insertSignedReport, latestSignedReport } from '../store/reports-store.ts';
import { setReviewOrigin } from '../store/review-origins-store.ts';
import { getReviewRowByUid, type ReviewRow } from '../store/reviews-store.ts';
import { sharedFileHash } from './bundle-export.ts';
import { senderOf, senderRefusal, type BundleSender, type SenderRefusalCode } from './bundle-sender-check.ts';
import { exportReview } from './exchange-handlers.ts';
import type { HandlerContext } from './handler-context.ts';
import { insertReviewFromFile, normalisedIncoming, reviewContentKey, siteForFile, writeReviewContent } from './review-file-store.ts';

/**
 * What a bundle's review means here:
 * - new: no review with its id here;
 * - unchanged: the same revision with the same content (reviewContentKey), nothing to do;
 * - report-added: the same file, and a signed report that is new here, or the one here extended only by valid
 *   signatures (exchange/report-extension.ts);
 * - newer: a higher revision; replaces the review here only when the user confirms;
 * - older: a lower revision; the newer one here stays;
 * - conflict: the same revision with other content, or a newer revision that would leave this database's signed
 *   report beside content it was not signed for: nothing is changed, the exporter should export it anew;
 * - refused: a change this import must not make (`refusal` says why): a report that is not the one here extended by
 *   signatures, a review written here, or a review another exporter sent (bundle-sender-check.ts). A bundle with a
 *   refused review is not imported at all.
 */
export type PlannedOutcome = 'new' | 'unchanged' | 'report-added' | 'newer' | 'older' | 'conflict' | 'refused';
export type ConflictReason = 'same-revision' | 'signed-here';
export type ImportOutcome = Exclude<PlannedOutcome, 'newer' | 'refused'> | 'replaced' | 'skipped';

export interface ImportRefusal {
  code: SenderRefusalCode | ReportExtensionCode;
  message: string;
  /** For a sender's refusal: who sent the review before (null: written here) and who sends it now. */
  before: BundleSender | null;
  now: BundleSender;
}

export interface ReviewPlan {
  review: CheckedBundleReview;
  incoming: ReviewFile;
  existing: ReviewRow | null;
  outcome: PlannedOutcome;
  reason: ConflictReason | null;
  refusal: ImportRefusal | null;
}

/**
 * Decides each review's outcome against this database; reads only. `acceptExporter`: the fingerprint of the
 * bundle's exporter, which the user accepted to continue reviews another exporter sent (the CLI's --accept-exporter).
 */
export function planBundleImport(ctx: HandlerContext, bundle: CheckedBundle, acceptExporter?: string): ReviewPlan[] {
  return bundle.reviews.map((review) => {
    const incoming = normalisedIncoming(review.file, review.scale.contentHash, review.file.reviewId);
    const existing = getReviewRowByUid(ctx.db, review.file.reviewId) ?? null;
    const plan = (outcome: PlannedOutcome, reason: ConflictReason | null = null): ReviewPlan => ({ review, incoming, existing, outcome, reason, refusal: null });
    if (!existing) return plan('new');
    const refusedFor = (refusal: Omit<ImportRefusal, 'now'> & { now?: BundleSender }): ReviewPlan =>
      ({ ...plan('refused'), refusal: { ...refusal, now: refusal.now ?? senderOf(bundle.exporter) } });
    const continued = (change: 'replace' | 'add-report', outcome: PlannedOutcome) => {
      const refusal = senderRefusal(ctx, existing, change, bundle.exporter, acceptExporter);
      return refusal ? refusedFor(refusal) : plan(outcome);
    };
    const here = latestSignedReport(ctx.db, existing.id);
    const same = reviewContentKey(exportReview(ctx, existing)) === reviewContentKey(incoming);
    if (same && incoming.revision === existing.revision) {
      const pdf = review.signedReport?.pdf;
      if (!pdf || here?.sha256 === review.signedReport!.sha256) return plan('unchanged');
      if (!here) return continued('add-report', 'report-added');
      const hereBytes = Buffer.from(here.pdf);
      // An earlier state of the report here (fewer signatures): nothing new.
      if (hereBytes.length > pdf.length && hereBytes.subarray(0, pdf.length).equals(pdf)) return plan('unchanged');
      const extension = checkReportExtension(hereBytes, pdf);
      if (!extension.ok) return refusedFor({ code: extension.code, message: `review ${existing.uid}: ${extension.message}`, before: null });
      if (extension.addedSignatures === 0) return plan('unchanged');
      return continued('add-report', 'report-added');
    }
    if (incoming.revision! < existing.revision) return plan('older');
    if (incoming.revision! === existing.revision) return plan('conflict', 'same-revision');
    if (here && !review.signedReport && !same) return plan('conflict', 'signed-here');
    return continued('replace', 'newer');
  });
}

/** The refusals of a plan as the problems that refuse the whole bundle (nothing of it is imported). */
export function refusalIssues(plans: readonly ReviewPlan[]) {
  return plans.flatMap((p) => (p.refusal ? [{ path: `content.reviews[${p.review.index}]`, code: p.refusal.code, message: p.refusal.message }] : []));
}

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
  const refused = refusalIssues(plans);
  if (refused.length) throw new ApiFailure('invalid-input', { reason: 'bundle-refused', issues: refused });
  const at = ctx.now();
  const origin = (reviewId: number) => setReviewOrigin(ctx.db, {
    review_id: reviewId, exporter_fingerprint: bundle.exporter.certificateFingerprint, exporter_name: bundle.exporter.name,
    exporter_organisation: bundle.exporter.organisation ?? null, received_at: at,
  });
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
      origin(reviewId);
      appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'review', entityId: reviewId, action: 'import-bundle', newValue: shared(plan) });
      return { ...plan, result: 'new', reviewId };
    }
    if (!existing) throw new Error('a plan other than new names an existing review');
    if (plan.outcome === 'report-added') {
      writeExtras(ctx, existing.id, { signedReport: review.signedReport }, at);
      appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'review', entityId: existing.id, action: 'add-signed-report-from-bundle', newValue: { sha256: review.signedReport!.sha256, exporter: bundle.exporter.certificateFingerprint } });
      return { ...plan, result: 'report-added', reviewId: existing.id };
    }
    if (plan.outcome === 'refused') throw new Error('a refused plan reached the import');
    if (plan.outcome !== 'newer') return { ...plan, result: plan.outcome, reviewId: existing.id };
    if (!replace.has(review.file.reviewId)) return { ...plan, result: 'skipped', reviewId: existing.id };

    storeScale(review.scale);
    // The revision being replaced stays in history, as the review file it is.
    const previous = exportReview(ctx, existing);
    insertReviewRevision(ctx.db, existing.id, previous, at);
    clearReviewContent(ctx.db, existing.id);
    updateReviewRevision(ctx.db, existing.id, {
      siteId: siteForFile(ctx, incoming, at), kind: incoming.kind, reviewingOrganisation: incoming.reviewingOrganisation ?? null, scaleId: review.scale.data.id, scaleVersion: review.scale.data.version,
      scaleHash: review.scale.contentHash, visitDates: incoming.visitDates, status: incoming.status!, language: incoming.language ?? null,
      revision: incoming.revision!,
    }, at);
    writeReviewContent(ctx, existing.id, incoming, at);
    writeExtras(ctx, existing.id, review, at);
    origin(existing.id);
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
