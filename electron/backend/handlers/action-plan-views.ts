import type { ActionPlan, ActionPlanRow } from '../../contract/action-plan-contract.ts';
import type { ScaleVersion } from '../../../scales/scale-version.ts';
import { listActionPlanRecords, type ActionPlanRowRecord } from '../store/action-plan-store.ts';
import type { ReviewRow } from '../store/reviews-store.ts';
import type { HandlerContext } from './handler-context.ts';
import { resultRatings, scaleOfReview } from './review-views.ts';
import { localDate } from '../../../scales/review-rules/local-date.ts';
import { actionPlanCandidates, actionPlanThreshold, isOverdue as overdue } from '../../../scales/review-rules/action-plan.ts';

/**
 * Today as the computer's local calendar date. The backend runs on the user's own machine, so its time zone is
 * the user's: a row due today is not overdue until the local day is over (UTC would flip it 2–3 h early in Finland).
 */
export const localToday = (ctx: HandlerContext): string => localDate(new Date(ctx.now()));

/** The domain's rule (isOverdue in scales/review-rules/action-plan.ts) on a stored row. */
export const isOverdue = (row: Pick<ActionPlanRowRecord, 'due_date' | 'status'>, today: string) => overdue({ dueDate: row.due_date, status: row.status }, today);

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

/** Items scored at or below the scale's threshold that have no row yet, in scale order (actionPlanCandidates). */
export const candidateItems = (scale: ScaleVersion, scores: ReadonlyMap<number, number>, records: readonly ActionPlanRowRecord[]): number[] =>
  actionPlanCandidates(scale.data, scores, new Set(records.map((r) => r.item)));

export function actionPlanView(ctx: HandlerContext, review: ReviewRow): ActionPlan {
  const scale = scaleOfReview(ctx, review);
  const scores = resultScores(ctx, review);
  const records = listActionPlanRecords(ctx.db, review.id);
  const today = localToday(ctx);
  return {
    reviewId: review.id,
    threshold: actionPlanThreshold(scale.data),
    today,
    rows: records.map((r) => toPlanRow(r, scale, scores, today)),
    candidates: candidateItems(scale, scores, records).map((item) => ({ item, title: titleOf(scale, item), score: scores.get(item)! })),
  };
}
