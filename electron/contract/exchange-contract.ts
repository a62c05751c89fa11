import { z } from 'zod';
import { ApiIssue } from './api-error.ts';
import { FidelitySummary, Id, ReviewKind, ReviewStatus } from './entities.ts';

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** A bundle of at most 100 MB (exchange/bundle-format.ts), as base64. */
const BundleBase64 = z.string().max(4 * Math.ceil((100 * 1024 * 1024) / 3)).pipe(z.base64());

/** Exactly one way of choosing what goes into the bundle. */
function oneSelection(input: { reviewIds?: unknown; siteId?: unknown; all?: unknown }, ctx: z.RefinementCtx) {
  const given = [input.reviewIds, input.siteId, input.all].filter((v) => v !== undefined).length;
  if (given !== 1) ctx.addIssue({ code: 'custom', path: ['selection'], message: 'choose exactly one of reviewIds, siteId or all' });
}

const Exporter = z.object({ name: z.string(), organisation: z.string().nullable(), certificateFingerprint: z.string() });

/** A review of the bundle as the user needs to judge it: whose, when, which revision, its score here. */
const BundleReviewInfo = z.object({
  reviewUid: z.uuid(),
  siteName: z.string(),
  regionName: z.string().nullable(),
  kind: ReviewKind,
  status: ReviewStatus,
  visitDates: z.array(z.string()),
  revision: z.number().int(),
  /** The revision of the same review in this database, if it has it. */
  localRevision: z.number().int().nullable(),
  scale: z.object({ id: z.string(), version: z.string() }),
  score: FidelitySummary,
  signedReport: z.boolean(),
  actionPlanRows: z.number().int(),
  /** See electron/backend/handlers/bundle-import.ts. */
  reason: z.enum(['same-revision', 'signed-here', 'signed-report-differs']).nullable(),
});

const ScaleInfo = z.object({ id: z.string(), version: z.string(), contentHash: z.string() });

/** Issue 6: review bundles (.ipsreview) between organisations. */
export const exchangeContract = {
  /** Signs and returns a bundle of the chosen reviews, with their scale texts, signed reports and action plans. */
  'bundles.export': call(z.strictObject({
    reviewIds: z.array(Id).min(1).max(1000).optional(),
    siteId: Id.optional(),
    all: z.literal(true).optional(),
    identityId: Id,
    storagePassphrase: z.string().min(1).max(1024).optional(),
  }).superRefine(oneSelection), z.object({
    bundleBase64: z.string(),
    fileName: z.string(),
    reviewCount: z.number().int(),
    /** Reviews changed since they were last shared, exported as their next revision. */
    revisionsRaised: z.number().int(),
  })),
  /** What importing the bundle would do, review by review; or every problem that makes it refused. Changes nothing. */
  'bundles.inspect': call(z.strictObject({ bundleBase64: BundleBase64 }), z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      exporter: Exporter,
      createdAt: z.string(),
      reviews: z.array(BundleReviewInfo.extend({ outcome: z.enum(['new', 'unchanged', 'report-added', 'newer', 'older', 'conflict']) })),
      scalesToAdd: z.array(ScaleInfo),
      warnings: z.array(ApiIssue),
    }),
    z.object({ ok: z.literal(false), problems: z.array(ApiIssue) }),
  ])),
  /**
   * Imports the whole bundle or nothing. `replace`: reviews whose newer revision the user confirmed; other newer
   * revisions are skipped. A refused bundle is an 'invalid-input' error whose issues say what is wrong.
   */
  'bundles.import': call(z.strictObject({ bundleBase64: BundleBase64, replace: z.array(z.uuid()).max(1000).default([]) }), z.object({
    exporter: Exporter,
    reviews: z.array(BundleReviewInfo.extend({
      outcome: z.enum(['new', 'unchanged', 'report-added', 'replaced', 'skipped', 'older', 'conflict']),
      reviewId: Id.nullable(),
    })),
    scalesAdded: z.array(ScaleInfo),
  })),
} as const;
