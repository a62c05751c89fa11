import { z } from 'zod';
import { LanguageCode } from '../../scales/scale-schema.ts';
import { Id, IsoDate, Note, ReviewKind, ReviewStatus } from './entities.ts';

/**
 * A site's action plan (issue 6): from a review, the items scored 3 or below become rows with a goal, an owner,
 * a due date, a status and notes. The plan is the site's working document, not part of the signed review, so it
 * stays editable after the review is final or its report signed.
 */
export const ActionPlanStatus = z.enum(['open', 'in-progress', 'done', 'dropped']);
export type ActionPlanStatus = z.infer<typeof ActionPlanStatus>;

/** An item's title in the scale's languages (the renderer shows the UI language's). */
const ItemTitle = z.partialRecord(LanguageCode, z.string());
const ItemNumber = z.number().int().positive();

export const ActionPlanRow = z.object({
  id: Id,
  reviewId: Id,
  item: ItemNumber,
  title: ItemTitle,
  /** The item's score in the review's result now; null when it has none (not rated, or no result yet). */
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

const ActionPlan = z.object({
  reviewId: Id,
  /** Items scored at most this become rows. */
  threshold: z.number().int(),
  /** The date overdue is judged against (the computer's local date). */
  today: IsoDate,
  rows: z.array(ActionPlanRow),
  /** Items scored at most `threshold` that have no row yet, in scale order. */
  candidates: z.array(z.object({ item: ItemNumber, title: ItemTitle, score: z.number().int() })),
});
export type ActionPlan = z.infer<typeof ActionPlan>;

export const ActionPlanProgress = z.object({
  reviewId: Id,
  kind: ReviewKind,
  reviewStatus: ReviewStatus,
  visitDates: z.array(IsoDate),
  /** Rows in the plan (0: no plan yet). */
  rows: z.number().int(),
  counts: z.record(ActionPlanStatus, z.number().int()),
  overdue: z.number().int(),
  /** Items scored 3 or below without a row: what "create from review" would add. */
  candidates: z.number().int(),
});
export type ActionPlanProgress = z.infer<typeof ActionPlanProgress>;

export const ACTION_PLAN_LIMITS = { goal: 2_000, owner: 300 } as const;

export const actionPlanContract = {
  'actionPlan.get': { input: z.strictObject({ reviewId: Id }), output: ActionPlan },
  /** Adds an empty row for every candidate item (or only for `items`, each of which must be a candidate); idempotent. */
  'actionPlan.createFromReview': {
    input: z.strictObject({ reviewId: Id, items: z.array(ItemNumber).min(1).max(200).optional() }),
    output: ActionPlan.extend({ added: z.array(ItemNumber) }),
  },
  /** Only the fields given change; null (or '' for goal) clears a field. */
  'actionPlan.update': {
    input: z.strictObject({
      id: Id,
      goal: z.string().max(ACTION_PLAN_LIMITS.goal).optional(),
      owner: z.string().trim().max(ACTION_PLAN_LIMITS.owner).nullable().optional(),
      dueDate: IsoDate.nullable().optional(),
      status: ActionPlanStatus.optional(),
      notes: Note.nullable().optional(),
    }),
    output: ActionPlanRow,
  },
  'actionPlan.remove': { input: z.strictObject({ id: Id }), output: z.object({ id: Id, reviewId: Id, item: ItemNumber }) },
  /** Every review of the site, newest first, with its plan's progress. */
  'actionPlan.siteProgress': { input: z.strictObject({ siteId: Id }), output: z.array(ActionPlanProgress) },
} as const;
