import { z } from 'zod';

/** Languages a scale text (and the UI) can be written in. Finnish first: our users are Finnish. */
export const LanguageCode = z.enum(['fi', 'sv', 'en']);
export type LanguageCode = z.infer<typeof LanguageCode>;

/** Text in one or more languages; which languages must be present is checked against the scale's `languages`. */
export const LocalizedText = z.partialRecord(LanguageCode, z.string().trim().min(1));
export type LocalizedText = z.infer<typeof LocalizedText>;

const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens');
const SemVer = z.string().regex(/^\d+\.\d+\.\d+$/, 'use a version of the form MAJOR.MINOR.PATCH, e.g. 1.0.0');

export const DataSource = z.strictObject({
  key: Slug,
  label: LocalizedText,
});

export const ScaleSection = z.strictObject({
  key: Slug,
  title: LocalizedText,
  items: z.array(z.number().int().positive()).min(1),
});

export const ScaleItem = z.strictObject({
  number: z.number().int().positive(),
  key: Slug,
  section: Slug,
  /** Where the item sits in the manual, which numbers items within each section: "Staffing 1" … "Services 14". */
  manualNumber: z.string().trim().min(1).optional(),
  /** The item's official English title (a short quotation, for cross-reference); `title` is our paraphrase. */
  officialTitle: z.string().trim().min(1).optional(),
  title: LocalizedText,
  criterion: LocalizedText,
  /** anchors[0] describes the lowest score, anchors[last] the highest. */
  anchors: z.array(LocalizedText),
  dataSources: z.array(Slug).min(1),
  interviewPrompts: z.array(LocalizedText).optional(),
  /** Set where our own wording is least certain against the official text; shown to reviewers. */
  needsCheck: z.boolean().optional(),
  /**
   * The lowest anchor describes a service that lacks what the item asks (IPS-25 items 4 and 5: no integration with
   * treatment teams), so "the service model differs" is no reason to leave it unrated: the scale scores it the lowest.
   */
  scoredLowestWhenModelDiffers: z.boolean().optional(),
});

export const FidelityBandDefinition = z.strictObject({
  key: Slug,
  /** Lowest total in this band. A value belongs to the highest band whose `min` it reaches. */
  min: z.number().int(),
  max: z.number().int(),
  label: LocalizedText,
  /** A shorter label where space is tight (e.g. en "poor" for "not supported employment"); else `label`. */
  shortLabel: LocalizedText.optional(),
  /** Languages whose label is our own wording, not a published one (IPS-25 1.1.0: sv). */
  ownWording: z.array(LanguageCode).optional(),
});

export const PartialScoringRule = z.strictObject({
  /** The only rule so far: mean of rated items x item count, rounded half up. */
  method: z.literal('prorated-mean'),
  minRatedItems: z.number().int().positive(),
  decimals: z.number().int().min(0).max(3),
});

/**
 * When a site is reviewed again (issue 5, usual IPS practice): every `monthsBelowGoal` months until a review reaches
 * the band `goalBand` (a full review, or an estimate whose lower bound reaches it), then every `monthsAtGoal`.
 */
export const FollowUpRule = z.strictObject({
  goalBand: Slug,
  monthsBelowGoal: z.number().int().positive(),
  monthsAtGoal: z.number().int().positive(),
});

/**
 * Optional fields (added after 1.0.0) take their defaults in scales/review-rules/, not here: a scale file's content
 * hash is over its JSON as written, and a released file without them keeps its meaning.
 */
export const ScoringRules = z.strictObject({
  itemRange: z.strictObject({ min: z.number().int(), max: z.number().int() }),
  totalRange: z.strictObject({ min: z.number().int(), max: z.number().int() }),
  bands: z.array(FidelityBandDefinition).min(1),
  partial: PartialScoringRule,
  /** Items scored at or below this become action-plan rows (issue 6). Default 3. */
  actionPlanThreshold: z.number().int().optional(),
  /** Default: goal band "good", 6 months below it, 12 at it. */
  followUp: FollowUpRule.optional(),
});

export const ScaleSource = z.strictObject({
  citation: z.string().trim().min(1),
  note: LocalizedText.optional(),
});

/** What changed in one version against the one before it, one entry per change. */
export const ScaleChangelogEntry = z.strictObject({
  version: SemVer,
  changes: z.array(LocalizedText).min(1),
});

export const SCALE_FORMAT = 'ips-fidelity-scale/1';

/** Shape only; cross-field consistency is checked by `scaleConsistencyIssues` (see scale-consistency.ts). */
export const ScaleVersionShape = z.strictObject({
  format: z.literal(SCALE_FORMAT),
  id: Slug,
  version: SemVer,
  edition: z.string().trim().min(1).optional(),
  title: LocalizedText,
  languages: z.array(LanguageCode).min(1),
  /**
   * Earlier versions of the same scale this one can be compared with: the same item numbers with the same keys and
   * the same total range, so a rating, a total and an item-by-item view mean the same under both. Checked by the
   * registry (scale-comparability.ts); a file whose items do not match a version it names is refused.
   */
  comparableWith: z.array(SemVer).optional(),
  /** What changed since earlier versions, newest first. */
  changelog: z.array(ScaleChangelogEntry).optional(),
  dataSources: z.array(DataSource).min(1),
  sections: z.array(ScaleSection).min(1),
  items: z.array(ScaleItem).min(1),
  scoring: ScoringRules,
  notes: z.array(LocalizedText).default([]),
  sources: z.array(ScaleSource).default([]),
});

export type ScaleVersionData = z.infer<typeof ScaleVersionShape>;
export type ScaleItem = z.infer<typeof ScaleItem>;
export type ScaleSection = z.infer<typeof ScaleSection>;
export type FidelityBandDefinition = z.infer<typeof FidelityBandDefinition>;
export type FollowUpRule = z.infer<typeof FollowUpRule>;
