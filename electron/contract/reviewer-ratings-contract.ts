import { z } from 'zod';
import { ApiIssue } from './api-error.ts';
import { Id } from './entities.ts';
import { asyncCall, call } from './call.ts';


/** A reviewer's ratings file of at most 5 MB (exchange/reviewer-ratings-format.ts), as base64. */
const RatingsFileBase64 = z.string().min(1).max(4 * Math.ceil((5 * 1024 * 1024) / 3)).pipe(z.base64());
/** A signed report of at most 50 MB, as base64. */
const PdfBase64 = z.string().min(1).max(70_000_000).pipe(z.base64());
const Person = z.object({ name: z.string(), organisation: z.string().nullable(), certificateFingerprint: z.string() });
const Signer = z.object({ name: z.string(), role: z.string().nullable(), date: z.string(), certificateFingerprint: z.string() });

/**
 * What importing the file would do. Until every reviewer has completed (scales/review-rules/workflow.ts
 * ratingsHidden) the preview names no score, evidence or recommendation: only how many items the file holds.
 */
const RatingsPreview = z.object({
  exporter: Person,
  createdAt: z.string(),
  reviewUid: z.string(),
  /** The review here, or null when this database does not hold it. */
  reviewId: Id.nullable(),
  siteName: z.string().nullable(),
  reviewer: z.object({ position: z.number().int(), name: z.string(), reviewerId: Id.nullable() }),
  complete: z.boolean(),
  ratedItems: z.number().int(),
  notRatedItems: z.number().int(),
  recommendations: z.number().int(),
  /** new: first ratings of this reviewer here; newer: replaces the same person's older file; refused: see refusal. */
  outcome: z.enum(['new', 'newer', 'refused']),
  refusal: ApiIssue.extend({ before: Person.nullable() }).nullable(),
});

/**
 * Two reviewers, two laptops (issue 13): a reviewer exports their own ratings for one review as a signed file,
 * the lead imports it into the same review; the lead's signed report goes to the second reviewer to countersign
 * on their machine and comes back to be attached (exchange/report-extension.ts decides what may be attached).
 */
export const reviewerRatingsContract = {
  'reviewerRatings.export': asyncCall(z.strictObject({
    reviewId: Id, reviewerId: Id, identityId: Id, storagePassphrase: z.string().min(1).max(1024).optional(),
  }), z.object({ fileBase64: z.string(), fileName: z.string(), ratedItems: z.number().int() })),
  'reviewerRatings.inspect': call(z.strictObject({ fileBase64: RatingsFileBase64 }),
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), preview: RatingsPreview }),
      z.object({ ok: z.literal(false), problems: z.array(ApiIssue) }),
    ])),
  /** Refused (nothing written) with a stable reason: see reviewer-ratings-import.ts. */
  'reviewerRatings.import': call(z.strictObject({ fileBase64: RatingsFileBase64 }),
    z.object({ reviewId: Id, reviewerId: Id, outcome: z.enum(['new', 'newer']), ratedItems: z.number().int() }), { backupBefore: true }),
  /** Adds this machine's signature to the lead's signed report; nothing is stored here: the file goes back to the lead. */
  'reports.countersign': asyncCall(z.strictObject({
    reviewId: Id, pdfBase64: PdfBase64, identityId: Id, storagePassphrase: z.string().min(1).max(1024).optional(),
  }), z.object({ pdfBase64: z.string(), fileName: z.string(), signers: z.array(Signer) })),
  /** The stored signed report extended only by valid signatures becomes the review's signed report. */
  'reports.attachCountersigned': call(z.strictObject({ reviewId: Id, pdfBase64: PdfBase64 }),
    z.object({ reportId: Id, addedSignatures: z.number().int(), signers: z.array(Signer) })),
} as const;
