import { z } from 'zod';
import { FidelityScoreTotals, NotRatedReason } from '../../scales/scoring.ts';
import { ReviewStatus } from '../../scales/review-rules/workflow.ts';
import { ReviewKind, ReviewingOrganisation } from '../../scales/review-rules/review-kinds.ts';
import { RegionCode } from '../../scales/regions/fi-regions.ts';

/** Domain objects as the API hands them out. Types come from these schemas; they are never written twice. */

const Id = z.number().int().positive();
const Name = z.string().trim().min(1).max(300);
const Note = z.string().max(20_000);
const IsoDate = z.iso.date();
const Timestamp = z.string();

/**
 * A site's region: one of Finland's listed regions (code; name is the official Finnish name, the renderer shows the
 * name in the UI language), or, code null, a free-text region written before the list (migration 013) that did not
 * match it, kept until the user picks the listed region.
 */
export const Region = z.object({ id: Id, code: RegionCode.nullable(), name: Name });
export type Region = z.infer<typeof Region>;

/** 1: employment specialists in the psychiatric-care organisation; 2: in the employment-services partner; 'other': as the note says. */
export const CollaborationModel = z.union([z.literal(1), z.literal(2), z.literal('other')]);
export type CollaborationModel = z.infer<typeof CollaborationModel>;
const CollaborationNote = z.string().trim().min(1).max(2000);

/** A review's score without its sections: the engine's totals, bounds and band (scales/scoring.ts). */
export const FidelitySummary = FidelityScoreTotals.omit({ rawTotal: true, complete: true });
export type FidelitySummary = z.infer<typeof FidelitySummary>;

export const Site = z.object({
  id: Id,
  name: Name,
  region: Region.nullable(),
  organisation: z.string().nullable(),
  collaborationModel: CollaborationModel.nullable(),
  /** What the "other" collaboration model is; null for the numbered models. */
  collaborationNote: z.string().nullable(),
  active: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Site = z.infer<typeof Site>;

export const SiteListEntry = Site.extend({
  /** The site's result: the newest final review, or with none final the newest with a rated item (siteResultChoice). */
  latestReview: z.object({ reviewId: Id, date: IsoDate, kind: ReviewKind, status: ReviewStatus, scale: z.object({ id: z.string(), version: z.string() }), score: FidelitySummary }).nullable(),
  /** A newer review still in progress, shown as such beside the result. */
  openReview: z.object({ reviewId: Id, date: IsoDate, status: ReviewStatus }).nullable(),
});
export type SiteListEntry = z.infer<typeof SiteListEntry>;

/** "other" needs a note saying what the model is; a note goes only with "other". */
const collaborationNoteRule = (input: { collaborationModel?: CollaborationModel | null | undefined; collaborationNote?: string | null | undefined }, ctx: z.RefinementCtx) => {
  if (input.collaborationModel === 'other' && input.collaborationNote == null) {
    ctx.addIssue({ code: 'custom', path: ['collaborationNote'], message: 'say what the other collaboration model is' });
  }
  if (input.collaborationNote && input.collaborationModel !== undefined && input.collaborationModel !== 'other') {
    ctx.addIssue({ code: 'custom', path: ['collaborationNote'], message: 'a note goes only with the collaboration model "other"' });
  }
};

export const SiteInput = z.strictObject({
  name: Name,
  /** A code of the region list (scales/regions/fi-regions.json); a name or an unknown code is refused. */
  regionCode: RegionCode.nullable().default(null),
  organisation: z.string().trim().max(300).nullable().default(null),
  collaborationModel: CollaborationModel.nullable().default(null),
  collaborationNote: CollaborationNote.nullable().default(null),
}).superRefine(collaborationNoteRule);
export type SiteInput = z.input<typeof SiteInput>;

/**
 * Only the fields given change; null clears a field. A site whose region is a free-text one kept by migration 013
 * keeps it until regionCode is given. Changing the collaboration model to 1 or 2 drops the note.
 */
export const SiteChanges = z.strictObject({
  name: Name.optional(),
  regionCode: RegionCode.nullable().optional(),
  organisation: z.string().trim().max(300).nullable().optional(),
  collaborationModel: CollaborationModel.nullable().optional(),
  collaborationNote: CollaborationNote.nullable().optional(),
}).superRefine(collaborationNoteRule);

export { ReviewKind, ReviewingOrganisation };
export { ReviewStatus };

export const Reviewer = z.object({
  id: Id,
  position: z.number().int().min(1),
  name: Name,
  role: z.string().nullable(),
  /** When the reviewer marked their own ratings complete; the others' ratings stay hidden until all have. */
  completedAt: z.string().nullable(),
});
export type Reviewer = z.infer<typeof Reviewer>;

export const RatingValue = z.strictObject({
  item: z.number().int().positive(),
  score: z.number().int().nullable(),
  reason: NotRatedReason.nullable().default(null),
  reasonNote: Note.nullable().default(null),
  evidence: Note.nullable().default(null),
});

export const ReviewerRating = RatingValue.extend({ reviewerId: Id, updatedAt: Timestamp });
export type ReviewerRating = z.infer<typeof ReviewerRating>;

export const ConsensusRating = RatingValue.extend({ justification: Note.nullable(), updatedAt: Timestamp });
export type ConsensusRating = z.infer<typeof ConsensusRating>;

export const Recommendation = z.object({ item: z.number().int().positive().nullable(), text: Note });

export const ReviewSummary = z.object({
  id: Id,
  uid: z.uuid(),
  siteId: Id,
  kind: ReviewKind,
  /** Who did the review (e.g. "Tampereen IPS-tiimi"); null when not recorded. */
  reviewingOrganisation: z.string().nullable(),
  status: ReviewStatus,
  /** differsFromShipped: a version a bundle brought whose band limits or items differ from the shipped scale. */
  scale: z.object({ id: z.string(), version: z.string(), contentHash: z.string(), differsFromShipped: z.boolean() }),
  visitDates: z.array(IsoDate).min(1),
  revision: z.number().int().positive(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  score: FidelitySummary,
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;

const RatingOutcome = z.object({ score: z.number().int().nullable(), reason: z.string().nullable() });

export const Amendment = z.object({
  originalId: Id,
  reason: Note,
  /** Items whose result differs from the original's. */
  changes: z.array(z.object({ item: z.number().int(), before: RatingOutcome.nullable(), after: RatingOutcome.nullable() })),
});

export const ReviewChecks = z.object({
  /** Items no reviewer has rated, given a reason for, or written evidence for: the manual's "check for missing data". */
  missingEvidence: z.array(z.number().int()),
  /** Visit plan entries not ticked off yet. */
  openPlanEntries: z.number().int(),
  /** Items still undecided in the result (no score and no reason): finalizing needs none. */
  undecided: z.array(z.number().int()),
});

export const ReviewDetail = ReviewSummary.extend({
  site: Site,
  language: z.enum(['fi', 'sv', 'en']).nullable(),
  reviewers: z.array(Reviewer),
  /** True when some reviewer's ratings are withheld from this viewer (not everyone has completed yet). */
  ratingsHidden: z.boolean(),
  ratings: z.array(ReviewerRating),
  consensus: z.array(ConsensusRating),
  /** The review's own recommendations (the result's; pre-filled from the reviewers' at consensus.start). */
  recommendations: z.array(Recommendation),
  /** Each reviewer's own recommendations, as far as this viewer may see them (reviewerWorkVisible). */
  reviewerRecommendations: z.array(Recommendation.extend({ reviewerId: Id })),
  strengths: Note.nullable(),
  amendment: Amendment.nullable(),
  /** The amendment that superseded this (final) review, if any. */
  amendedBy: Id.nullable(),
  checks: ReviewChecks,
});
export type ReviewDetail = z.infer<typeof ReviewDetail>;

export const AuditEntry = z.object({
  id: Id,
  at: Timestamp,
  actor: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export { Id, IsoDate, Name, Note };
