import { z } from 'zod';
import { CertificateFingerprint } from './certificate-fingerprint.ts';

/**
 * The review bundle (.ipsreview): reviews travelling between organisations with the scale texts they were scored
 * with, their signed reports and action plans, signed as a whole by the exporting identity. One UTF-8 JSON file:
 * `{ format, content, signature }`; the signature covers the canonical JSON of `content` (scales/canonical-json.ts).
 *
 * Unlike the review file, a bundle reader refuses fields it does not know: a bundle is signed data that changes a
 * database, so the reader must understand all of it. A new field means a new format version.
 *
 * /2 (issue 13): an action plan may have several rows per item and free rows (a `title` instead of an `item`).
 * Otherwise the same as /1, which is still read. The writer writes /1 when every plan fits it (each row names an
 * item, each item once), so such a bundle still opens in an app that reads only /1.
 */
export const BUNDLE_FORMAT_V1 = 'ips-fidelity-bundle/1';
export const BUNDLE_FORMAT = 'ips-fidelity-bundle/2';
/** The formats this app reads, oldest first. */
export const BUNDLE_FORMATS = [BUNDLE_FORMAT_V1, BUNDLE_FORMAT] as const;
export type BundleFormat = (typeof BUNDLE_FORMATS)[number];
export const BUNDLE_FILE_EXTENSION = '.ipsreview';

export const BUNDLE_LIMITS = {
  /** A bundle of a thousand reviews with their signed PDFs stays far below this. */
  maxBundleBytes: 100 * 1024 * 1024,
  maxReviews: 1000,
  maxScales: 20,
  /** The scale loader's own limit for a scale file. */
  maxScaleBytes: 5 * 1024 * 1024,
  maxPdfBytes: 50 * 1024 * 1024,
  maxActionPlanRows: 200,
  /** JSON nesting: a bundle needs about 8 levels; a deeper file is hostile (recursion would overflow the stack). */
  maxDepth: 32,
} as const;

/** Base64 of n bytes is 4 * ceil(n / 3) characters long. */
const base64Chars = (bytes: number) => 4 * Math.ceil(bytes / 3);
const Base64 = (maxBytes: number) => z.string().max(base64Chars(maxBytes)).pipe(z.base64());
/**
 * The signature sits outside the signed content, so its base64 must have one spelling only: otherwise a changed
 * character in the unused bits of the last digit would decode to the same bytes and pass as the same file.
 */
const CanonicalBase64 = (maxBytes: number) => Base64(maxBytes).refine((s) => Buffer.from(s, 'base64').toString('base64') === s, 'use canonical base64 (unused bits zero, with padding)');

export { CertificateFingerprint };
const IsoDate = z.iso.date();
/** Not trimmed: the exporter's name must be the certificate's exactly, and the bundle is written by a program. */
const Name = z.string().min(1).max(200);

export const BundleExporter = z.strictObject({
  /** The certificate's common name; the reader checks it against the embedded certificate. */
  name: Name,
  organisation: Name.optional(),
  certificateFingerprint: CertificateFingerprint,
});
export type BundleExporter = z.infer<typeof BundleExporter>;

export const BundleSigner = z.strictObject({
  name: Name,
  role: z.string().max(200).nullable(),
  date: IsoDate,
  certificateFingerprint: CertificateFingerprint,
});

/** The review's signed report as stored by the exporter; the reader verifies the PDF's signatures itself. */
export const BundleSignedReport = z.strictObject({
  language: z.enum(['fi', 'sv', 'en']),
  pdfBase64: Base64(BUNDLE_LIMITS.maxPdfBytes),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'use 64 lower-case hex digits'),
  signers: z.array(BundleSigner).min(1).max(20),
  createdAt: z.iso.datetime(),
});
export type BundleSignedReport = z.infer<typeof BundleSignedReport>;

/**
 * One row of a review's action plan (table action_plan_rows): what the site does about an item, or (a free row,
 * format /2) about something with a `title` of its own. A row has an item or a title, never both.
 */
export const BundleActionPlanRow = z.strictObject({
  item: z.number().int().positive().max(10_000).optional(),
  title: z.string().trim().min(1).max(300).optional(),
  goal: z.string().max(5_000),
  owner: z.string().trim().min(1).max(300).optional(),
  dueDate: IsoDate.optional(),
  status: z.enum(['open', 'in-progress', 'done', 'dropped']),
  notes: z.string().max(20_000).optional(),
}).refine((row) => (row.item === undefined) !== (row.title === undefined), { message: 'an action plan row has an item or a title, one of them' });
export type BundleActionPlanRow = z.infer<typeof BundleActionPlanRow>;

export const BundleReview = z.strictObject({
  /** A review file (scales/review-file.ts) with reviewId, revision and scale.contentHash; checked by bundle-read. */
  file: z.record(z.string(), z.unknown()),
  signedReport: BundleSignedReport.optional(),
  actionPlan: z.array(BundleActionPlanRow).max(BUNDLE_LIMITS.maxActionPlanRows).optional(),
});

export const BundleContent = z.strictObject({
  createdAt: z.iso.datetime(),
  exporter: BundleExporter,
  reviews: z.array(BundleReview).min(1).max(BUNDLE_LIMITS.maxReviews),
  /** Scale versions as their files hold them (scales/data/*.json); checked by the scale schema in bundle-read. */
  scales: z.array(z.record(z.string(), z.unknown())).min(1).max(BUNDLE_LIMITS.maxScales),
});
export type BundleContent = z.infer<typeof BundleContent>;

/** RSASSA-PSS (RFC 8017) with SHA-256, MGF1-SHA-256 and a 32-byte salt, over the canonical JSON of `content`. */
export const SIGNATURE_ALGORITHM = 'RSASSA-PSS-SHA256';

export const BundleSignature = z.strictObject({
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  /** The exporter's X.509 certificate, DER, base64. */
  certificate: CanonicalBase64(16 * 1024),
  value: CanonicalBase64(2 * 1024),
});
export type BundleSignature = z.infer<typeof BundleSignature>;

/** The envelope, with `content` still unchecked: the signature is checked over the content exactly as it came. */
export const BundleEnvelope = z.strictObject({
  format: z.enum(BUNDLE_FORMATS),
  content: z.record(z.string(), z.unknown()),
  signature: BundleSignature,
});

export interface ReviewBundle {
  format: BundleFormat;
  content: BundleContent;
  signature: BundleSignature;
}
