import type { ActionPlan, ActionPlanRow } from '../../contract/action-plan-contract.ts';
import type { ScaleVersion } from '../../../scales/scale-version.ts';
import { listActionPlanRecords, type ActionPlanRowRecord } from '../store/action-plan-store.ts';
import type { ReviewRow } from '../store/reviews-store.ts';
import type { HandlerContext } from './handler-context.ts';
import { resultRatings, scaleOfReview } from './review-views.ts';
import { localDay } from '../../../scales/display-format.ts';

/** Issue 6: "items scored 3 or below become action-plan rows" (on the 1–5 item scale of IPS-25). */
export const ACTION_PLAN_THRESHOLD = 3;

/**
 * Today as the computer's local calendar date. The backend runs on the user's own machine, so its time zone is
 * the user's: a row due today is not overdue until the local day is over (UTC would flip it 2–3 h early in Finland).
 */
export const localToday = (ctx: HandlerContext): string => localDay(new Date(ctx.now()));

export const isOverdue = (row: Pick<ActionPlanRowRecord, 'due_date' | 'status'>, today: string) =>
  row.due_date !== null && row.due_date < today && (row.status === 'open' || row.status === 'in-progress');

/** The review's result scores by item (only items with a score). */
export const resultScores = (ctx: HandlerContext, review: ReviewRow): Map<number, number> => scoresByItem(resultRatings(ctx, review));

/** Scores by item, leaving out items without a score. */
export const scoresByItem = (ratings: readonly { item: number; score: number | null }[]): Map<number, number> =>
  new Map(ratings.flatMap((r) => (r.score === null ? [] : [[r.item, r.score] as const])));

const titleOf = (scale: ScaleVersion, item: number) => scale.data.items.find((i) => i.number === item)?.title ?? {};

export function toPlanRow(record: ActionPlanRowRecord, scale: ScaleVersion, scores: ReadonlyMap<number, number>, today: string): ActionPlanRow {
  return {
    id: record.id,
    reviewId: record.review_id,
    item: record.item,
    title: titleOf(scale, record.item),
    score: scores.get(record.item) ?? null,
    goal: record.goal,
    owner: record.owner,
    dueDate: record.due_date,
    status: record.status,
    notes: record.notes,
    overdue: isOverdue(record, today),
    createdAt: record.created_at,
    updatedAt: record.updated_at,
  };
}

/** Items scored at or below the threshold that have no row yet, in scale order. */
export function candidateItems(scale: ScaleVersion, scores: ReadonlyMap<number, number>, records: readonly ActionPlanRowRecord[]): number[] {
  const planned = new Set(records.map((r) => r.item));
  return scale.data.items
    .map((i) => i.number)
    .filter((item) => !planned.has(item) && (scores.get(item) ?? Infinity) <= ACTION_PLAN_THRESHOLD);
}

export function actionPlanView(ctx: HandlerContext, review: ReviewRow): ActionPlan {
  const scale = scaleOfReview(ctx, review);
  const scores = resultScores(ctx, review);
  const records = listActionPlanRecords(ctx.db, review.id);
  const today = localToday(ctx);
  return {
    reviewId: review.id,
    threshold: ACTION_PLAN_THRESHOLD,
    today,
    rows: records.map((r) => toPlanRow(r, scale, scores, today)),
    candidates: candidateItems(scale, scores, records).map((item) => ({ item, title: titleOf(scale, item), score: scores.get(item)! })),
  };
}
