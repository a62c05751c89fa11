import { z } from 'zod';
import { LanguageCode } from '../../scales/scale-schema.ts';
import { Id, IsoDate, Note, ReviewKind, ReviewStatus } from './entities.ts';

/**
 * A site's action plan (issues 6 and 13): the site's improvement actions after a review. A row is about any item of
 * the scale (an item may have several rows) or is a free row with a title of its own; each has a goal, an owner, a
 * due date, a status and notes. Creating the plan proposes a row per item that has a recommendation in the review's
 * result (goal = the recommendation) or is scored at or below the scale's threshold. The plan is the site's working
 * document, not part of the signed review, so it stays editable after the review is final or its report signed.
 */
export const ActionPlanStatus = z.enum(['open', 'in-progress', 'done', 'dropped']);
export type ActionPlanStatus = z.infer<typeof ActionPlanStatus>;

/** An item's title in the scale's languages (the renderer shows the UI language's). */
const ItemTitle = z.partialRecord(LanguageCode, z.string());
const ItemNumber = z.number().int().positive();
const ExportLanguage = z.enum(['fi', 'sv', 'en']);

export const ACTION_PLAN_LIMITS = { goal: 2_000, owner: 300, freeTitle: 300, rows: 200 } as const;
/** A free row's title: what the row is about when it is about no item ("Yhteistyö Kelan kanssa"). */
const FreeTitle = z.string().trim().min(1).max(ACTION_PLAN_LIMITS.freeTitle);

export const ActionPlanRow = z.object({
  id: Id,
  reviewId: Id,
  /** The item the row is about; null for a free row. */
  item: ItemNumber.nullable(),
  /** The item's title ({} for a free row). */
  title: ItemTitle,
  /** A free row's own title; null for an item row. */
  freeTitle: z.string().nullable(),
  /** The item's score in the review's result now; null when it has none (not rated, no result yet, a free row). */
  score: z.number().int().nullable(),
  goal: z.string(),
  owner: z.string().nullable(),
  dueDate: IsoDate.nullable(),
  status: ActionPlanStatus,
  notes: z.string().nullable(),
  /** Due before today and still open or in progress. */
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActionPlanRow = z.infer<typeof ActionPlanRow>;

/** An item of the review's scale as the plan sees it. */
const PlanItem = z.object({
  item: ItemNumber,
  title: ItemTitle,
  score: z.number().int().nullable(),
  /** The recommendation for the item in the review's result, or null. */
  recommendation: z.string().nullable(),
});

const ActionPlan = z.object({
  reviewId: Id,
  /** Items scored at most this are proposed even without a recommendation. */
  threshold: z.number().int(),
  /** The date overdue is judged against (the computer's local date). */
  today: IsoDate,
  /** The review's report language: the PDF's language. */
  language: ExportLanguage,
  rows: z.array(ActionPlanRow),
  /** Every item of the scale, in scale order: a row may be added for any of them. */
  items: z.array(PlanItem),
  /** Items with a recommendation or scored at most `threshold` that have no row yet, in scale order: what "create" adds. */
  candidates: z.array(PlanItem),
});
export type ActionPlan = z.infer<typeof ActionPlan>;

/** Rows by status, and how many are overdue. */
const Counts = {
  counts: z.record(ActionPlanStatus, z.number().int()),
  overdue: z.number().int(),
};

export const ActionPlanProgress = z.object({
  reviewId: Id,
  kind: ReviewKind,
  reviewStatus: ReviewStatus,
  visitDates: z.array(IsoDate),
  /** Rows in the plan (0: no plan yet). */
  rows: z.number().int(),
  ...Counts,
  /** Free rows among `rows`. */
  freeRows: z.number().int(),
  /** Items "create the plan" would add (see ActionPlan.candidates). */
  candidates: z.number().int(),
});
export type ActionPlanProgress = z.infer<typeof ActionPlanProgress>;

/** The plan of the review before this one, as it stands now: what the follow-up review checks. */
export const PreviousActionPlan = z.object({
  reviewId: Id,
  kind: ReviewKind,
  visitDates: z.array(IsoDate),
  ...Counts,
  rows: z.array(ActionPlanRow),
  today: IsoDate,
});
export type PreviousActionPlan = z.infer<typeof PreviousActionPlan>;

const ExportedFile = z.object({ fileBase64: z.string(), fileName: z.string(), rows: z.number().int() });

export const actionPlanContract = {
  'actionPlan.get': { input: z.strictObject({ reviewId: Id }), output: ActionPlan },
  /**
   * Adds a row for every candidate item (or only for `items`, each of which must be a candidate), its goal the
   * item's recommendation; an item that already has a row gets no other. Idempotent.
   */
  'actionPlan.createFromReview': {
    input: z.strictObject({ reviewId: Id, items: z.array(ItemNumber).min(1).max(200).optional() }),
    output: ActionPlan.extend({ added: z.array(ItemNumber) }),
  },
  /** Adds one row: about an item of the review's scale (also one that has rows) or, with `freeTitle`, about no item. */
  'actionPlan.addRow': {
    input: z.strictObject({
      reviewId: Id,
      item: ItemNumber.optional(),
      freeTitle: FreeTitle.optional(),
      goal: z.string().max(ACTION_PLAN_LIMITS.goal).optional(),
    }).refine((input) => (input.item === undefined) !== (input.freeTitle === undefined), {
      path: ['freeTitle'],
      message: 'give an item or a free title, one of them',
    }),
    output: ActionPlanRow,
  },
  /** Only the fields given change; null (or '' for goal) clears a field. `freeTitle` only for a free row. */
  'actionPlan.update': {
    input: z.strictObject({
      id: Id,
      freeTitle: FreeTitle.optional(),
      goal: z.string().max(ACTION_PLAN_LIMITS.goal).optional(),
      owner: z.string().trim().max(ACTION_PLAN_LIMITS.owner).nullable().optional(),
      dueDate: IsoDate.nullable().optional(),
      status: ActionPlanStatus.optional(),
      notes: Note.nullable().optional(),
    }),
    output: ActionPlanRow,
  },
  'actionPlan.remove': { input: z.strictObject({ id: Id }), output: z.object({ id: Id, reviewId: Id, item: ItemNumber.nullable() }) },
  /** Every review of the site, newest first, with its plan's progress. */
  'actionPlan.siteProgress': { input: z.strictObject({ siteId: Id }), output: z.array(ActionPlanProgress) },
  /** The plan of the site's latest review visited before this one that has a plan, with each row's status; null if none. */
  'actionPlan.previous': { input: z.strictObject({ reviewId: Id }), output: PreviousActionPlan.nullable() },
  /** The plan as CSV bytes (UTF-8 with a byte order mark; header row in `language`). */
  'actionPlan.exportCsv': { input: z.strictObject({ reviewId: Id, language: ExportLanguage }), output: ExportedFile },
  /** The plan as a PDF, in the review's report language unless `language` is given. */
  'actionPlan.exportPdf': { input: z.strictObject({ reviewId: Id, language: ExportLanguage.optional() }), output: ExportedFile, async: true },
} as const;
