import { z } from 'zod';
import { ReviewKind } from '../scales/review-rules/review-kinds.ts';
import type { ReviewFile } from '../scales/review-file.ts';
import { LocalizedText } from '../scales/scale-schema.ts';
import type { ScaleVersion } from '../scales/scale-version.ts';
import type { FidelityScore } from '../scales/scoring.ts';

/**
 * What a report is made from, besides the review itself. These options arrive from the command line and the app,
 * so they are validated with zod (a trust boundary); the types come from the schemas.
 */
const IsoDate = z.iso.date({ message: 'use a calendar date of the form YYYY-MM-DD' });
const Note = z.string().trim().min(1).max(20_000);

export const ReportLanguage = z.enum(['fi', 'sv', 'en']);
export type ReportLanguage = z.infer<typeof ReportLanguage>;

/** An earlier review of the same site, for the trend chart. `band` is a band key of the scale (or "insufficient"). */
export const ReportHistoryEntry = z.strictObject({
  date: IsoDate,
  total: z.number().min(0).max(10_000).nullable(),
  estimate: z.boolean(),
  band: z.string().min(1).max(100),
  kind: ReviewKind,
});
export type ReportHistoryEntry = z.infer<typeof ReportHistoryEntry>;

/**
 * A row of the previous review's action plan, as it stands when this report is made. `title` is the item's title
 * in the earlier review's scale (item numbers may differ between scale versions); without it the current scale's is used.
 * A free row (issue 13) names no item but has a `freeTitle` of its own.
 */
export const ReportActionPlanRow = z.strictObject({
  item: z.number().int().positive().optional(),
  freeTitle: z.string().trim().min(1).max(300).optional(),
  title: LocalizedText.optional(),
  goal: z.string().max(2_000),
  owner: z.string().trim().min(1).max(300).optional(),
  dueDate: IsoDate.optional(),
  status: z.enum(['open', 'in-progress', 'done', 'dropped']),
  notes: z.string().max(20_000).optional(),
}).refine((row) => (row.item === undefined) !== (row.freeTitle === undefined), { message: 'a row names an item or has a free title, one of them' });
export type ReportActionPlanRow = z.infer<typeof ReportActionPlanRow>;

/**
 * An interview, observation or document review of the visit, as the visit plan recorded it done, for the method
 * section: the source (worded in every language it has), when, and the people met (name, role).
 */
export const ReportVisit = z.strictObject({
  category: z.enum(['request', 'interview', 'observation']),
  source: LocalizedText,
  date: IsoDate.optional(),
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional(),
  endTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional(),
  people: z.array(z.strictObject({ name: z.string().trim().min(1).max(300), role: z.string().trim().min(1).max(200).optional() })).max(30).default([]),
  /** Who, in the plan's own words, when no people are named (e.g. "kolme asiakasta"). */
  who: z.string().trim().min(1).max(300).optional(),
});
export type ReportVisit = z.infer<typeof ReportVisit>;

export const ReportExtras = z.strictObject({
  strengths: Note.optional(),
  overallRecommendations: Note.optional(),
  nextReviewDate: IsoDate.optional(),
  method: z.strictObject({
    interviewed: Note.optional(),
    observed: Note.optional(),
    documents: Note.optional(),
  }).optional(),
  /** What the visit plan recorded done (issue 13): listed in the method section. */
  visits: z.array(ReportVisit).max(200).optional(),
  /**
   * The site's previous final review (previousFinalReview), for "what changed since the previous review": its first
   * visit date, total and band (a band key of its scale), and each item's score when its scale version compares
   * with this review's (otherwise left out, and the report says so).
   */
  previousReview: z.strictObject({
    reviewDate: IsoDate,
    kind: ReviewKind,
    total: z.number().min(0).max(10_000).nullable(),
    estimate: z.boolean(),
    band: z.string().min(1).max(100),
    scores: z.array(z.strictObject({ item: z.number().int().positive(), score: z.number().int().nullable() })).max(200).optional(),
  }).optional(),
  /** The plan made after the site's previous review, for the "previous review's action plan" section. */
  previousActionPlan: z.strictObject({
    reviewDate: IsoDate,
    kind: ReviewKind,
    rows: z.array(ReportActionPlanRow).min(1).max(200),
  }).optional(),
});
export type ReportExtras = z.infer<typeof ReportExtras>;

export const ReportOptions = z.strictObject({
  language: ReportLanguage.default('fi'),
  reportDate: IsoDate.optional(),
  history: z.array(ReportHistoryEntry).max(200).optional(),
  extras: ReportExtras.optional(),
});
export type ReportOptions = z.input<typeof ReportOptions>;

/** Everything `buildReportModel` needs. The review is already validated and scored against this scale version. */
export interface ReportInput {
  review: ReviewFile;
  scale: ScaleVersion;
  score: FidelityScore;
  history?: ReportHistoryEntry[];
  extras?: ReportExtras;
  /** ISO date (YYYY-MM-DD); also the PDF's creation date, so the same input always gives the same bytes. */
  reportDate: string;
}
