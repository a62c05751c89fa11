import { createHash } from 'node:crypto';
import { verifyPdf } from '../reports/signing/verify-pdf.ts';
import type { Problem } from '../scales/problem.ts';
import { checkReview } from '../scales/review-check.ts';
import type { ReviewFile } from '../scales/review-file.ts';
import type { ScaleRegistry } from '../scales/scale-registry.ts';
import type { ScaleVersion } from '../scales/scale-version.ts';
import type { BundleActionPlanRow, BundleSignedReport } from './bundle-format.ts';
import { problem, under } from './bundle-problem.ts';

/** A review file in a bundle names its review, its revision and the hash of its scale text. */
export type BundledReviewFile = ReviewFile & { reviewId: string; revision: number; scale: { contentHash: string } };

export interface CheckedSignedReport {
  language: BundleSignedReport['language'];
  pdf: Buffer;
  sha256: string;
  signers: BundleSignedReport['signers'];
  createdAt: string;
}

export interface CheckedBundleReview {
  /** Position in the bundle, for messages. */
  index: number;
  file: BundledReviewFile;
  scale: ScaleVersion;
  signedReport?: CheckedSignedReport;
  actionPlan?: BundleActionPlanRow[];
  /** Fields of a later /1 review file this app does not know: ignored, as a review file import does. */
  warnings: Problem[];
}

interface IncomingReview {
  file: unknown;
  signedReport?: BundleSignedReport | undefined;
  actionPlan?: BundleActionPlanRow[] | undefined;
}

/**
 * Each review: a valid review file (scales/review-check.ts) with id, revision and scale hash, scored with a scale
 * the bundle carries (so the receiver scores it exactly as its author did), listed once; its signed PDF must be
 * the bytes the hash names and verify, signed by the signers listed; its action plan must name items of the scale.
 * Every scale the bundle carries must be used.
 */
export function checkBundleReviews(reviews: readonly IncomingReview[], scales: readonly ScaleVersion[], registry: ScaleRegistry) {
  const checkedReviews: CheckedBundleReview[] = [];
  const problems: Problem[] = [];
  const used = new Set<ScaleVersion>();
  const seenIds = new Map<string, number>();
  reviews.forEach((review, index) => {
    const path = `content.reviews[${index}]`;
    const named = (review.file as { scale?: { id?: unknown; version?: unknown } }).scale;
    const bundleScale = scales.find((s) => s.data.id === named?.id && s.data.version === named?.version);
    if (!bundleScale && typeof named?.id === 'string' && typeof named.version === 'string') {
      problems.push(problem('scale-missing', `${path}.file.scale`, `the bundle does not carry scale ${named.id} ${named.version}, which the review was scored with`, { id: named.id, version: named.version }));
      return;
    }
    const checked = checkReview(review.file, registry);
    if (!checked.ok) {
      problems.push(...checked.problems.map(under(`${path}.file`)));
      return;
    }
    const file = checked.review;
    const own: Problem[] = [];
    if (!file.reviewId) own.push(problem('review-id-missing', `${path}.file.reviewId`, 'a review in a bundle names its reviewId'));
    if (!file.revision) own.push(problem('revision-missing', `${path}.file.revision`, 'a review in a bundle names its revision'));
    if (!file.scale.contentHash) own.push(problem('scale-hash-missing', `${path}.file.scale.contentHash`, 'a review in a bundle names the content hash of its scale text'));
    const first = file.reviewId ? seenIds.get(file.reviewId) : undefined;
    if (first !== undefined) own.push(problem('review-duplicate', `${path}.file.reviewId`, `review ${file.reviewId} is already in the bundle at content.reviews[${first}]`));
    if (file.reviewId && first === undefined) seenIds.set(file.reviewId, index);
    used.add(checked.scale);
    const report = review.signedReport ? checkSignedReport(review.signedReport, `${path}.signedReport`) : undefined;
    if (report && !report.ok) own.push(...report.problems);
    if (review.actionPlan) own.push(...actionPlanProblems(review.actionPlan, checked.scale, `${path}.actionPlan`));
    if (own.length) {
      problems.push(...own);
      return;
    }
    checkedReviews.push({
      index,
      file: file as BundledReviewFile,
      scale: checked.scale,
      ...(report?.ok ? { signedReport: report.value } : {}),
      ...(review.actionPlan ? { actionPlan: review.actionPlan } : {}),
      warnings: checked.warnings.map(under(`${path}.file`)),
    });
  });
  if (problems.length === 0) {
    scales.forEach((scale, i) => {
      if (!used.has(scale)) problems.push(problem('scale-unused', `content.scales[${i}]`, `no review in the bundle was scored with ${scale.data.id} ${scale.data.version}`));
    });
  }
  return { reviews: checkedReviews, problems };
}

function checkSignedReport(report: BundleSignedReport, path: string): { ok: true; value: CheckedSignedReport } | { ok: false; problems: Problem[] } {
  const pdf = Buffer.from(report.pdfBase64, 'base64');
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  if (sha256 !== report.sha256) {
    return { ok: false, problems: [problem('pdf-hash-mismatch', `${path}.sha256`, `the PDF's SHA-256 is ${sha256}, not ${report.sha256}: the report is not the one the bundle names`)] };
  }
  const verification = verifyPdf(pdf);
  if (!verification.valid) {
    const reasons = verification.problems.map((p) => p.message).join('; ');
    return { ok: false, problems: [problem('pdf-signature-invalid', `${path}.pdfBase64`, `the signed report does not verify: ${reasons}`, { reasons })] };
  }
  const fingerprints = new Set(verification.signatures.map((s) => s.certificateFingerprint));
  const missing = report.signers.flatMap((signer, i) => (fingerprints.has(signer.certificateFingerprint) ? []
    : [problem('pdf-signer-mismatch', `${path}.signers[${i}]`, `${signer.name} (${signer.certificateFingerprint}) did not sign the PDF`)]));
  if (missing.length) return { ok: false, problems: missing };
  return { ok: true, value: { language: report.language, pdf, sha256, signers: report.signers, createdAt: report.createdAt } };
}

function actionPlanProblems(rows: readonly BundleActionPlanRow[], scale: ScaleVersion, path: string): Problem[] {
  const items = new Set(scale.data.items.map((item) => item.number));
  const seen = new Map<number, number>();
  return rows.flatMap((row, i) => {
    if (!items.has(row.item)) return [problem('action-plan-unknown-item', `${path}[${i}].item`, `item ${row.item} is not in ${scale.data.id} ${scale.data.version} (items 1–${items.size})`)];
    const first = seen.get(row.item);
    if (first !== undefined) return [problem('action-plan-duplicate-item', `${path}[${i}].item`, `item ${row.item} already has an action at ${path}[${first}]`)];
    seen.set(row.item, i);
    return [];
  });
}
