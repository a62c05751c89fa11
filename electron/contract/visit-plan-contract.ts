import { z } from 'zod';
import { Id, IsoDate, Name, Note } from './entities.ts';

/**
 * The visit plan (issue 13, "the visit plan runs the visit"): one row per data source of the review's scale, the IPS
 * team meeting, and rows the reviewers add (the Kela contact, a family member). Each row has who, a date with start
 * and end times, the people met, done, and a note linked to the items it informs. The plan is a shared team
 * document, not a reviewer's ratings: both reviewers see it as it is, also while rating blind. After the review is
 * final it is read-only.
 */
export const VisitPlanCategory = z.enum(['request', 'interview', 'observation']);
export type VisitPlanCategory = z.infer<typeof VisitPlanCategory>;
/** scale: a data source of the scale; team-meeting: the IPS team meeting; custom: a row the reviewers added. */
export const VisitPlanKind = z.enum(['scale', 'team-meeting', 'custom']);
export type VisitPlanKind = z.infer<typeof VisitPlanKind>;

/** A time of day, 24-hour "HH:MM" (shown in the UI language's form, fi: 9.30). */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use a time of day of the form HH:MM (00:00–23:59)');

export const VisitPlanPerson = z.object({ name: z.string(), role: z.string().nullable() });
export type VisitPlanPerson = z.infer<typeof VisitPlanPerson>;

const ItemNumber = z.number().int().positive();

export const VisitPlanEntry = z.object({
  id: Id,
  kind: VisitPlanKind,
  /** A data source key of the review's scale ('ips-team-meeting' and 'custom-…' for the app's own rows). */
  sourceKey: z.string(),
  /** The row's own name (custom rows); scale and team-meeting rows are named by the scale and the app. */
  label: z.string().nullable(),
  category: VisitPlanCategory,
  /** The scale items that rely on this source. */
  items: z.array(z.number().int()),
  who: z.string().nullable(),
  plannedDate: IsoDate.nullable(),
  startTime: ClockTime.nullable(),
  endTime: ClockTime.nullable(),
  /** The people met (interviewees, the meeting's participants), in the order entered. */
  people: z.array(VisitPlanPerson),
  done: z.boolean(),
  note: z.string().nullable(),
  /** The items the note informs; shown beside those items in the review editor. */
  noteItems: z.array(ItemNumber),
});
export type VisitPlanEntry = z.infer<typeof VisitPlanEntry>;

export const VISIT_PLAN_LIMITS = { label: 300, people: 30, personRole: 200 } as const;

const PersonInput = z.strictObject({
  name: Name,
  role: z.string().trim().max(VISIT_PLAN_LIMITS.personRole).nullable().default(null).transform((role) => (role === '' ? null : role)),
});
const Label = z.string().trim().min(1).max(VISIT_PLAN_LIMITS.label);

export const visitPlanContract = {
  'visitPlan.list': { input: z.strictObject({ reviewId: Id }), output: z.array(VisitPlanEntry) },
  /**
   * Only the fields given change; null clears one. The end time may not be before the start time (checked against
   * the row's stored value when only one is given); note items must be items of the review's scale; `label` only
   * for custom rows. Refused (read-only) once the review is final.
   */
  'visitPlan.update': {
    input: z.strictObject({
      reviewId: Id,
      entryId: Id,
      who: z.string().trim().max(300).nullable().optional(),
      plannedDate: IsoDate.nullable().optional(),
      startTime: ClockTime.nullable().optional(),
      endTime: ClockTime.nullable().optional(),
      people: z.array(PersonInput).max(VISIT_PLAN_LIMITS.people).optional(),
      done: z.boolean().optional(),
      note: Note.nullable().optional(),
      noteItems: z.array(ItemNumber).max(200).optional(),
      label: Label.optional(),
    }),
    output: VisitPlanEntry,
  },
  /** A row of the reviewers' own (e.g. the Kela contact, a family member), after the scale's rows. */
  'visitPlan.addEntry': {
    input: z.strictObject({ reviewId: Id, category: VisitPlanCategory, label: Label }),
    output: VisitPlanEntry,
  },
  /** Removes a row the reviewers added; the scale's rows and the team meeting stay (untick or clear them instead). */
  'visitPlan.removeEntry': {
    input: z.strictObject({ reviewId: Id, entryId: Id }),
    output: z.object({ id: Id }),
  },
  /**
   * The request to the site as a PDF: documents to prepare, people to meet, and the schedule (dates, times, who), in
   * the review's language unless another is asked for.
   */
  'visitPlan.requestPdf': {
    async: true,
    input: z.strictObject({ reviewId: Id, language: z.enum(['fi', 'sv', 'en']).optional() }),
    output: z.object({ pdfBase64: z.string(), fileName: z.string(), language: z.enum(['fi', 'sv', 'en']) }),
  },
} as const;
