import type { ActionPlan, ActionPlanRow } from '../../contract/action-plan-contract.ts';
import type { ScaleVersion } from '../../../scales/scale-version.ts';
import { listActionPlanRecords, type ActionPlanRowRecord } from '../store/action-plan-store.ts';
import type { ReviewRow } from '../store/reviews-store.ts';
import type { HandlerContext } from './handler-context.ts';
import { itemRecommendations } from './previous-review-handlers.ts';
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

const titleOf = (scale: ScaleVersion, item: number | null) => (item === null ? undefined : scale.data.items.find((i) => i.number === item)?.title) ?? {};

export function toPlanRow(record: ActionPlanRowRecord, scale: ScaleVersion, scores: ReadonlyMap<number, number>, today: string): ActionPlanRow {
  return {
    id: record.id,
    reviewId: record.review_id,
    item: record.item,
    title: titleOf(scale, record.item),
    freeTitle: record.item === null ? record.title : null,
    score: record.item === null ? null : scores.get(record.item) ?? null,
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

/** What the plan is made from: the review's scale, result scores and item recommendations. */
export interface PlanSources { scale: ScaleVersion; scores: Map<number, number>; recommendations: Map<number, string> }

export const planSources = (ctx: HandlerContext, review: ReviewRow): PlanSources => ({
  scale: scaleOfReview(ctx, review),
  scores: resultScores(ctx, review),
  recommendations: itemRecommendations(ctx, review),
});

/** Items with a recommendation or scored at or below the threshold that have no row yet, in scale order (actionPlanCandidates). */
export const candidateItems = ({ scale, scores, recommendations }: PlanSources, records: readonly ActionPlanRowRecord[]): number[] =>
  actionPlanCandidates(scale.data, scores, new Set(records.flatMap((r) => (r.item === null ? [] : [r.item]))), new Set(recommendations.keys()));

const planItem = ({ scale, scores, recommendations }: PlanSources, item: number) => ({
  item, title: titleOf(scale, item), score: scores.get(item) ?? null, recommendation: recommendations.get(item) ?? null,
});

export function actionPlanView(ctx: HandlerContext, review: ReviewRow): ActionPlan {
  const sources = planSources(ctx, review);
  const records = listActionPlanRecords(ctx.db, review.id);
  const today = localToday(ctx);
  return {
    reviewId: review.id,
    threshold: actionPlanThreshold(sources.scale.data),
    today,
    language: review.language ?? 'fi',
    rows: records.map((r) => toPlanRow(r, sources.scale, sources.scores, today)),
    items: sources.scale.data.items.map((i) => planItem(sources, i.number)),
    candidates: candidateItems(sources, records).map((item) => planItem(sources, item)),
  };
}

/** Counts by status and overdue rows, for progress summaries. */
export function planCounts(records: readonly ActionPlanRowRecord[], today: string) {
  const count = (status: ActionPlanRowRecord['status']) => records.filter((r) => r.status === status).length;
  return {
    counts: { open: count('open'), 'in-progress': count('in-progress'), done: count('done'), dropped: count('dropped') },
    overdue: records.filter((r) => isOverdue(r, today)).length,
  };
}
