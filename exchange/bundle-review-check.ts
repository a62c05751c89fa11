import { createHash } from 'node:crypto';
import type { SignatureReport } from '../reports/signing/verification-report.ts';
import { verifyPdf } from '../reports/signing/verify-pdf.ts';
import type { Problem } from '../scales/problem.ts';
import { checkReview } from '../scales/review-check.ts';
import type { ReviewFile } from '../scales/review-file.ts';
import type { ScaleRegistry } from '../scales/scale-registry.ts';
import type { ScaleVersion } from '../scales/scale-version.ts';
import { BUNDLE_FORMAT_V1, type BundleActionPlanRow, type BundleFormat, type BundleSignedReport } from './bundle-format.ts';
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

/** A bundle's signed report as the reader verified it: what judging its signers needs is kept, not worked out again. */
export interface VerifiedSignedReport extends CheckedSignedReport {
  /** A report that did not verify is refused, so it is complete or incomplete (not every expected signer signed). */
  status: 'complete' | 'incomplete';
  signatures: SignatureReport[];
}

export interface CheckedBundleReview {
  /** Position in the bundle, for messages. */
  index: number;
  file: BundledReviewFile;
  scale: ScaleVersion;
  signedReport?: VerifiedSignedReport;
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
export function checkBundleReviews(reviews: readonly IncomingReview[], scales: readonly ScaleVersion[], registry: ScaleRegistry, format: BundleFormat) {
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
    if (review.actionPlan) own.push(...actionPlanProblems(review.actionPlan, checked.scale, `${path}.actionPlan`, format));
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

function checkSignedReport(report: BundleSignedReport, path: string): { ok: true; value: VerifiedSignedReport } | { ok: false; problems: Problem[] } {
  const pdf = Buffer.from(report.pdfBase64, 'base64');
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  if (sha256 !== report.sha256) {
    return { ok: false, problems: [problem('pdf-hash-mismatch', `${path}.sha256`, `the PDF's SHA-256 is ${sha256}, not ${report.sha256}: the report is not the one the bundle names`)] };
  }
  const verification = verifyPdf(pdf);
  if (!verification.valid || verification.status === 'invalid') {
    const reasons = verification.problems.map((p) => p.message).join('; ');
    return { ok: false, problems: [problem('pdf-signature-invalid', `${path}.pdfBase64`, `the signed report does not verify: ${reasons}`, { reasons })] };
  }
  const signers = signersFromCertificates(report.signers, verification.signatures, path);
  if (!signers.ok) return signers;
  return {
    ok: true,
    value: { language: report.language, pdf, sha256, signers: signers.value, createdAt: report.createdAt, status: verification.status, signatures: verification.signatures },
  };
}

type PdfSignature = Pick<ReturnType<typeof verifyPdf>['signatures'][number], 'signerName' | 'certificateFingerprint'>;

/**
 * Who signed a report is told by the certificates in its signatures, never by the bundle's list: the list must name
 * exactly the PDF's signers, each by its certificate's fingerprint and common name, or the bundle is refused with
 * both names. What is stored is built from the signatures (name and fingerprint from the certificate); role and date
 * are the exporter's record of the signer, which no certificate holds.
 */
export function signersFromCertificates(listed: BundleSignedReport['signers'], signatures: readonly PdfSignature[], path: string):
  { ok: true; value: BundleSignedReport['signers'] } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const used = new Set<number>();
  listed.forEach((signer, i) => {
    const at = signatures.findIndex((s, j) => !used.has(j) && s.certificateFingerprint === signer.certificateFingerprint);
    if (at < 0) {
      const twice = signatures.some((s) => s.certificateFingerprint === signer.certificateFingerprint);
      problems.push(problem('pdf-signer-mismatch', `${path}.signers[${i}]`, `the bundle lists ${signer.name} (${signer.certificateFingerprint}) as a signer${twice ? ' more often than that certificate signed' : ', but that certificate did not sign the PDF'}; the PDF is signed by ${describe(signatures)}`, { listed: signer.name, signedBy: describe(signatures) }));
      return;
    }
    used.add(at);
    const certificateName = signatures[at]!.signerName;
    if (certificateName !== signer.name) {
      problems.push(problem('pdf-signer-name-mismatch', `${path}.signers[${i}].name`, `the bundle names the signer ${signer.name}, but the certificate (${signer.certificateFingerprint}) that made the signature names ${certificateName ?? 'nobody'}`, { listed: signer.name, certificate: certificateName ?? '' }));
    }
  });
  signatures.forEach((s, j) => {
    if (!used.has(j) && problems.length === 0) {
      problems.push(problem('pdf-signer-unlisted', `${path}.signers`, `signature ${j + 1} of the PDF, by ${s.signerName ?? 'an unnamed certificate'} (${s.certificateFingerprint ?? 'no certificate'}), is not among the signers the bundle lists (${listed.map((l) => l.name).join(', ')})`, { signedBy: s.signerName ?? '' }));
    }
  });
  if (problems.length) return { ok: false, problems };
  const value = signatures.map((s) => {
    const record = listed.find((l) => l.certificateFingerprint === s.certificateFingerprint)!;
    return { name: s.signerName!, role: record.role, date: record.date, certificateFingerprint: s.certificateFingerprint! };
  });
  return { ok: true, value };
}

const describe = (signatures: readonly PdfSignature[]) =>
  signatures.map((s) => `${s.signerName ?? 'an unnamed certificate'} (${s.certificateFingerprint ?? 'no certificate'})`).join(', ') || 'nobody';

/** Rows name items of the scale; in format /1 each row names an item and each item once (/2 allows several and free rows). */
function actionPlanProblems(rows: readonly BundleActionPlanRow[], scale: ScaleVersion, path: string, format: BundleFormat): Problem[] {
  const items = new Set(scale.data.items.map((item) => item.number));
  const seen = new Map<number, number>();
  return rows.flatMap((row, i) => {
    if (row.item === undefined) {
      return format === BUNDLE_FORMAT_V1 ? [problem('action-plan-free-row', `${path}[${i}].title`, `a row without an item (a free row) needs format ips-fidelity-bundle/2`)] : [];
    }
    if (!items.has(row.item)) return [problem('action-plan-unknown-item', `${path}[${i}].item`, `item ${row.item} is not in ${scale.data.id} ${scale.data.version} (items 1–${items.size})`)];
    const first = seen.get(row.item);
    if (first !== undefined && format === BUNDLE_FORMAT_V1) return [problem('action-plan-duplicate-item', `${path}[${i}].item`, `item ${row.item} already has an action at ${path}[${first}] (several rows per item need format ips-fidelity-bundle/2)`)];
    seen.set(row.item, i);
    return [];
  });
}
