import { fingerprintOf } from '../reports/signing/certificate-summary.ts';
import { signerMaterialOf, type SigningIdentity } from '../reports/signing/identity.ts';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_V1, BUNDLE_LIMITS, type BundleActionPlanRow, type BundleContent, type BundleFormat, type ReviewBundle } from './bundle-format.ts';
import type { BundledReviewFile, CheckedSignedReport } from './bundle-review-check.ts';
import { signBundleContent } from './bundle-sign.ts';

export interface BundleReviewEntry {
  file: BundledReviewFile;
  signedReport?: CheckedSignedReport | undefined;
  actionPlan?: BundleActionPlanRow[] | undefined;
}

export interface BundleInput {
  createdAt: string;
  reviews: readonly BundleReviewEntry[];
  /** The scale versions' JSON exactly as loaded (ScaleVersion.json), so the receiver computes the same hash. */
  scales: readonly unknown[];
}

export class BundleTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`the bundle would be ${size} bytes; a bundle is at most ${BUNDLE_LIMITS.maxBundleBytes}: export fewer reviews at a time`);
    this.name = 'BundleTooLargeError';
  }
}

/** A plan fits format /1 when each row names an item, each item once. */
const fitsV1 = (plan: readonly BundleActionPlanRow[] = []) => {
  const items = plan.map((row) => row.item);
  return items.every((item) => item !== undefined) && new Set(items).size === items.length;
};

/** /1 while every plan fits it, so the bundle opens in apps that read only /1; /2 for several rows per item or free rows. */
export const formatFor = (reviews: readonly BundleReviewEntry[]): BundleFormat =>
  reviews.every((review) => fitsV1(review.actionPlan)) ? BUNDLE_FORMAT_V1 : BUNDLE_FORMAT;

/** The bundle's bytes, signed by `identity` (opened and valid now; see reports/signing/identity.ts). */
export function writeBundle(input: BundleInput, identity: SigningIdentity): Buffer {
  const material = signerMaterialOf(identity);
  const content: BundleContent = {
    createdAt: input.createdAt,
    exporter: {
      name: identity.commonName,
      ...(identity.organisation ? { organisation: identity.organisation } : {}),
      certificateFingerprint: fingerprintOf(material.certificate),
    },
    reviews: input.reviews.map((review) => ({
      file: review.file,
      ...(review.signedReport ? {
        signedReport: {
          language: review.signedReport.language,
          pdfBase64: review.signedReport.pdf.toString('base64'),
          sha256: review.signedReport.sha256,
          signers: review.signedReport.signers,
          createdAt: review.signedReport.createdAt,
        },
      } : {}),
      ...(review.actionPlan?.length ? { actionPlan: review.actionPlan } : {}),
    })),
    scales: input.scales as Record<string, unknown>[],
  };
  const bundle: ReviewBundle = { format: formatFor(input.reviews), content, signature: signBundleContent(content, material) };
  const bytes = Buffer.from(JSON.stringify(bundle), 'utf8');
  if (bytes.length > BUNDLE_LIMITS.maxBundleBytes) throw new BundleTooLargeError(bytes.length);
  return bytes;
}
