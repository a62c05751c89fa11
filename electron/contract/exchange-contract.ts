import { z } from 'zod';
import { CertificateFingerprint } from '../../exchange/certificate-fingerprint.ts';
import { RegionCode } from '../../scales/regions/fi-regions.ts';
import { ApiIssue } from './api-error.ts';
import { FidelitySummary, Id, ReviewKind, ReviewStatus } from './entities.ts';
import { CertificateBase64, JudgedCertificate, SignerTrustShape } from './trust-contract.ts';
import { asyncCall, call } from './call.ts';


/** A bundle of at most 100 MB (exchange/bundle-format.ts), as base64. */
const BundleBase64 = z.string().max(4 * Math.ceil((100 * 1024 * 1024) / 3)).pipe(z.base64());

/** Exactly one way of choosing what goes into the bundle. */
function oneSelection(input: { reviewIds?: unknown; siteId?: unknown; all?: unknown }, ctx: z.RefinementCtx) {
  const given = [input.reviewIds, input.siteId, input.all].filter((v) => v !== undefined).length;
  if (given !== 1) ctx.addIssue({ code: 'custom', path: ['selection'], message: 'choose exactly one of reviewIds, siteId or all' });
}

const Exporter = z.object({ name: z.string(), organisation: z.string().nullable(), certificateFingerprint: z.string() });
/** An exporter as recorded for a review here: the name is null for reviews imported before names were kept. */
const Sender = Exporter.extend({ name: z.string().nullable() });
/** The bundle's exporter, its certificate judged against the trust store as a report's signer is (exchange/bundle-trust.ts). */
const JudgedExporter = Exporter.extend({ trust: SignerTrustShape, certificateBase64: z.string() });

/**
 * A review's signed report as verified in the bundle: complete (every expected signer signed) or incomplete, and
 * who signed, in signing order, each judged against the trust store.
 */
const ReportVerdict = z.object({ status: z.enum(['complete', 'incomplete']), signers: z.array(JudgedCertificate) });

/**
 * Each certificate in the bundle that carries a trusted signer's name with another key (verdict 'impostor'), once,
 * with where it signed: the bundle itself (`exporter`) and the reports of `reviewUids`. It does not by itself refuse
 * the bundle (the reports are intact); the CLI takes it only with --accept-impostor naming the certificate.
 */
const BundleImpostor = JudgedCertificate.extend({ exporter: z.boolean(), reviewUids: z.array(z.string()) });

/**
 * Why importing the bundle would change a review it must not change (electron/backend/handlers/bundle-import.ts):
 * another exporter sent the review before (`before` and `now` name both), the review was written here, or the
 * report is not the one here extended only by valid signatures (exchange/report-extension.ts).
 */
const ImportRefusal = z.object({
  code: z.enum(['exporter-changed', 'own-review', 'report-not-extension', 'report-invalid', 'report-changed-after-signing']),
  message: z.string(),
  before: Sender.nullable(),
  now: Sender,
});

/**
 * The fingerprint of the bundle's exporter, given to take a later revision or report of a review another exporter
 * sent before (the CLI's --accept-exporter); it must be this bundle's exporter's exactly. Never overrides the rule
 * that a review written here is not replaced.
 */
const AcceptExporter = CertificateFingerprint.optional();

/** A review of the bundle as the user needs to judge it: whose, when, which revision, its score here. */
const BundleReviewInfo = z.object({
  reviewUid: z.uuid(),
  siteName: z.string(),
  regionName: z.string().nullable(),
  /** The listed region the file names (by code, or by a name on the list), for showing it in the UI language. */
  regionCode: RegionCode.nullable(),
  kind: ReviewKind,
  status: ReviewStatus,
  visitDates: z.array(z.string()),
  revision: z.number().int(),
  /** The revision of the same review in this database, if it has it. */
  localRevision: z.number().int().nullable(),
  scale: z.object({ id: z.string(), version: z.string() }),
  score: FidelitySummary,
  signedReport: z.boolean(),
  /** The signed report's status and signers; null without a signed report. */
  reportVerdict: ReportVerdict.nullable(),
  actionPlanRows: z.number().int(),
  /** See electron/backend/handlers/bundle-import.ts. */
  reason: z.enum(['same-revision', 'signed-here']).nullable(),
  refusal: ImportRefusal.nullable(),
});

const ScaleInfo = z.object({ id: z.string(), version: z.string(), contentHash: z.string() });

/** Issue 6: review bundles (.ipsreview) between organisations. */
export const exchangeContract = {
  /** Signs and returns a bundle of the chosen reviews, with their scale texts, signed reports and action plans. */
  'bundles.export': asyncCall(z.strictObject({
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
  'bundles.inspect': call(z.strictObject({
    bundleBase64: BundleBase64,
    acceptExporter: AcceptExporter,
    /**
     * Certificates trusted for this inspection only, besides the trust store (the CLI's --trust and --trust-store):
     * a CA certificate is a root, any other a confirmed signer. Nothing is stored, and exporter continuity (which
     * reads the trust store) does not change. An unreadable one is refused (issue code not-a-certificate).
     */
    trustCertificates: z.array(CertificateBase64).max(1000).optional(),
  }), z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      exporter: JudgedExporter,
      createdAt: z.string(),
      /** A bundle with a refused review (outcome 'refused', see `refusal`) is not imported at all. */
      reviews: z.array(BundleReviewInfo.extend({ outcome: z.enum(['new', 'unchanged', 'report-added', 'newer', 'older', 'conflict', 'refused']) })),
      scalesToAdd: z.array(ScaleInfo),
      impostors: z.array(BundleImpostor),
      warnings: z.array(ApiIssue),
    }),
    z.object({ ok: z.literal(false), problems: z.array(ApiIssue) }),
  ])),
  /**
   * Imports the whole bundle or nothing. `replace`: reviews whose newer revision the user confirmed; other newer
   * revisions are skipped. A refused bundle is an 'invalid-input' error whose issues say what is wrong (reason
   * 'invalid-bundle': the file; 'bundle-refused': a change it must not make, one issue per refused review).
   */
  'bundles.import': call(z.strictObject({ bundleBase64: BundleBase64, replace: z.array(z.uuid()).max(1000).default([]), acceptExporter: AcceptExporter }), z.object({
    exporter: JudgedExporter,
    reviews: z.array(BundleReviewInfo.extend({
      outcome: z.enum(['new', 'unchanged', 'report-added', 'replaced', 'skipped', 'older', 'conflict']),
      reviewId: Id.nullable(),
    })),
    scalesAdded: z.array(ScaleInfo),
    impostors: z.array(BundleImpostor),
  }), { async: true, backupBefore: true }),
} as const;
