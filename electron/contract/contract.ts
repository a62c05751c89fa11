import { z } from 'zod';
import { ReviewFile } from '../../scales/review-file.ts';
import { actionPlanContract } from './action-plan-contract.ts';
import { asyncCall, call } from './call.ts';
import { backupContract } from './backup-contract.ts';
import { comparisonContract } from './comparison-contract.ts';
import { csvExportContract } from './csv-export-contract.ts';
import { exchangeContract } from './exchange-contract.ts';
import { filesContract } from './files-contract.ts';
import { scaleContract } from './scale-contract.ts';
import { settingsContract } from './settings-contract.ts';
import { trustContract } from './trust-contract.ts';
import { PdfVerification } from './verification-contract.ts';
import { previousReviewContract } from './previous-review-contract.ts';
import { reviewerRatingsContract } from './reviewer-ratings-contract.ts';
import { reviewComparisonContract } from './review-comparison-contract.ts';
import { visitPlanContract } from './visit-plan-contract.ts';
import { ScaleVersionShape } from '../../scales/scale-schema.ts';
import { FidelityScore } from '../../scales/scoring.ts';
import {
  AuditEntry, ConsensusRating, FidelitySummary, Id, IsoDate, Name, Note, RatingValue, Region, ReviewDetail,
  Reviewer, ReviewerRating, ReviewingOrganisation, ReviewKind, ReviewStatus, ReviewSummary, Site, SiteChanges, SiteInput, SiteListEntry,
} from './entities.ts';

/** The scoring engine's result as it is (scales/scoring.ts), never restated. */
const ScoreDetail = FidelityScore;
const Empty = z.strictObject({});
const ReportLanguageCode = z.enum(['fi', 'sv', 'en']);
const StoragePassphrase = z.string().min(8, 'use at least 8 characters').max(1024);
/** A signing key is sealed with a passphrase the reviewer types, or with a secret the OS key store keeps. */
const KeyProtection = z.enum(['passphrase', 'system']);
const SigningIdentityInfo = z.object({
  id: Id, name: z.string(), role: z.string().nullable(), organisation: z.string().nullable(),
  certificateFingerprint: z.string(), notAfter: z.string(), protection: KeyProtection,
});
/** A passphrase exactly when the key is to be protected by one. */
function storageChoice(input: { protection: z.infer<typeof KeyProtection>; storagePassphrase?: string | undefined }, ctx: z.RefinementCtx) {
  if (input.protection === 'passphrase' && input.storagePassphrase === undefined) {
    ctx.addIssue({ code: 'custom', path: ['storagePassphrase'], message: 'a storage passphrase is required unless the key is kept by the system key store' });
  }
  if (input.protection === 'system' && input.storagePassphrase !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['storagePassphrase'], message: 'a key kept by the system key store takes no passphrase' });
  }
}
const SignedReportInfo = z.object({
  reportId: Id, reviewId: Id, language: ReportLanguageCode, sha256: z.string(), createdAt: z.string(),
  signers: z.array(z.object({ name: z.string(), role: z.string().nullable(), date: z.string(), certificateFingerprint: z.string() })),
});
/** Inter-rater agreement over the items both reviewers scored (two reviewers; with more, the mean over pairs). */
const Agreement = z.object({
  comparedItems: z.number().int(),
  /** Compared items whose scores differ (reviewAgreement): what the figures count. */
  differingScores: z.number().int(),
  exactAgreement: z.number().min(0).max(1).nullable(),
  withinOne: z.number().min(0).max(1).nullable(),
  /** Cohen's kappa with quadratic weights; null when it is undefined (fewer than 2 items or no variance). */
  weightedKappa: z.number().nullable(),
  /** Items where the reviewers' ratings differ (score or not-rated). */
  disagreements: z.array(z.number().int()),
});

/**
 * The whole backend API: call name -> zod input and output. The dispatcher, the IPC and HTTP transports, the
 * preload's allow-list and the renderer's typed client are all generic over this object; a new call is an entry
 * here plus its handler.
 */
export const contract = {
  'regions.list': call(Empty, z.array(Region)),

  'sites.list': call(z.strictObject({
    includeArchived: z.boolean().default(false),
    regionId: Id.optional(),
    search: z.string().max(300).optional(),
  }), z.array(SiteListEntry)),
  'sites.get': call(z.strictObject({ id: Id }), Site),
  'sites.create': call(SiteInput, Site),
  'sites.update': call(z.strictObject({ id: Id, changes: SiteChanges }), Site),
  'sites.setActive': call(z.strictObject({ id: Id, active: z.boolean() }), Site),

  'reviews.listForSite': call(z.strictObject({ siteId: Id }), z.array(ReviewSummary)),
  /** viewerId: the reviewer looking; other reviewers' ratings are hidden until every reviewer has completed. */
  'reviews.get': call(z.strictObject({ id: Id, viewerId: Id.optional() }), ReviewDetail),
  'reviews.create': call(z.strictObject({
    siteId: Id,
    kind: ReviewKind,
    /** Trimmed; blank or absent is none. */
    reviewingOrganisation: ReviewingOrganisation.nullable().default(null),
    scale: z.strictObject({ id: z.string().min(1).max(100), version: z.string().min(1).max(50) }).optional(),
    visitDates: z.array(IsoDate).min(1).max(14),
    reviewers: z.array(z.strictObject({ name: Name, role: z.string().trim().max(200).nullable().default(null) })).min(1).max(20),
    language: z.enum(['fi', 'sv', 'en']).nullable().default('fi'),
  }), ReviewDetail),
  /** final needs every item decided (a score or a not-rated reason) in the result. */
  'reviews.setStatus': call(z.strictObject({ id: Id, status: ReviewStatus }), ReviewSummary),
  'reviews.setStrengths': call(z.strictObject({ reviewId: Id, text: Note }), z.object({ text: Note.nullable() })),
  /** A correction to a final review: a new review in consensus status with the original's result, linked to it. */
  'reviews.amend': call(z.strictObject({ reviewId: Id, reason: Note.refine((t) => t.trim().length > 0, 'say why the review is amended') }), ReviewDetail),
  'reviewers.setComplete': call(z.strictObject({ reviewId: Id, reviewerId: Id, complete: z.boolean() }), Reviewer),
  /** Needs every reviewer complete; locks individual ratings and pre-fills consensus where all agree. */
  'consensus.start': call(z.strictObject({ reviewId: Id }), ReviewDetail),
  'scoring.agreement': call(z.strictObject({ reviewId: Id }), Agreement),

  'ratings.set': call(RatingValue.extend({ reviewId: Id, reviewerId: Id }).strict(), ReviewerRating),
  'consensus.set': call(RatingValue.extend({ reviewId: Id, justification: Note.nullable().default(null) }).strict(), ConsensusRating),
  /**
   * reviewerId: a reviewer's own recommendation (a draft with two or more reviewers: private until all complete);
   * without it the review's own, which cannot be written while the reviewers' work is still hidden.
   */
  'recommendations.set': call(z.strictObject({ reviewId: Id, reviewerId: Id.optional(), item: z.number().int().positive().nullable(), text: Note }),
    z.object({ item: z.number().int().nullable(), text: Note })),

  'scoring.review': call(z.strictObject({ reviewId: Id, reviewerId: Id.optional() }), ScoreDetail),
  'scoring.summary': call(z.strictObject({ reviewId: Id }), FidelitySummary),

  'reviews.importFile': call(z.strictObject({ file: z.unknown() }),
    z.object({ reviewId: Id, siteId: Id, created: z.boolean(), warnings: z.array(z.string()) }), { backupBefore: true }),
  'reviews.exportFile': call(z.strictObject({ reviewId: Id }), ReviewFile),

  'identities.list': call(Empty, z.array(SigningIdentityInfo)),
  /** Whether the OS key store can protect signing keys here (the desktop app where the OS offers encryption). */
  'identities.keyStore': call(Empty, z.object({ systemAvailable: z.boolean() })),
  /** A new self-signed identity; its private key is stored only sealed (passphrase or system key store). */
  'identities.create': asyncCall(z.strictObject({
    name: z.string().trim().min(1).max(64),
    role: z.string().trim().min(1).max(64).optional(),
    organisation: z.string().trim().min(1).max(64).optional(),
    protection: KeyProtection.default('passphrase'),
    storagePassphrase: StoragePassphrase.optional(),
  }).superRefine(storageChoice), SigningIdentityInfo),
  'identities.import': asyncCall(z.strictObject({
    p12Base64: z.base64().max(200_000),
    p12Passphrase: z.string().max(1024),
    role: z.string().trim().min(1).max(64).optional(),
    protection: KeyProtection.default('passphrase'),
    storagePassphrase: StoragePassphrase.optional(),
  }).superRefine(storageChoice), SigningIdentityInfo),
  /** The report as it would be signed, for preview. */
  'reports.render': asyncCall(z.strictObject({ reviewId: Id, language: ReportLanguageCode }), z.object({ pdfBase64: z.string() })),
  /** Signs the review's report and finalizes the review; a second signer adds an incremental signature. */
  'reports.sign': asyncCall(z.strictObject({ reviewId: Id, language: ReportLanguageCode, identityId: Id, storagePassphrase: z.string().min(1).max(1024).optional() }), SignedReportInfo),
  'reports.get': call(z.strictObject({ reviewId: Id }), SignedReportInfo.extend({ pdfBase64: z.string() }).nullable()),
  'reports.verify': call(z.strictObject({ pdfBase64: z.base64().max(70_000_000) }), PdfVerification),

  'audit.list': call(z.strictObject({ entity: z.string().max(50).optional(), entityId: z.string().max(100).optional(), limit: z.number().int().min(1).max(1000).default(200) }),
    z.array(AuditEntry)),

  ...exchangeContract,
  ...comparisonContract,
  ...actionPlanContract,
  ...csvExportContract,
  ...filesContract,
  ...backupContract,
  ...settingsContract,
  ...scaleContract,
  ...trustContract,
  ...reviewerRatingsContract,
  ...previousReviewContract,
  ...reviewComparisonContract,
  ...visitPlanContract,
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;

export const CALL_NAMES = Object.keys(contract) as CallName[];
export const isCallName = (name: unknown): name is CallName => typeof name === 'string' && Object.hasOwn(contract, name);
