import type { ReportActionPlanRow, ReportExtras } from '../../../reports/report-input.ts';
import type { ScaleVersion } from '../../../scales/scale-version.ts';
import { listActionPlanRecords, type ActionPlanRowRecord } from '../store/action-plan-store.ts';
import { listReviewRowsForSite, type ReviewRow } from '../store/reviews-store.ts';
import type { HandlerContext } from './handler-context.ts';
import { scaleOfReview } from './review-views.ts';

const firstVisit = (row: ReviewRow) => (JSON.parse(row.visit_dates) as string[])[0]!;

/**
 * The site's latest review visited before `review` that has an action plan, with its rows: the plan a follow-up
 * review checks. "Before" is strict, so an amendment (same visit dates as its original) never takes its original's
 * plan as "previous".
 */
export function previousPlanReview(ctx: HandlerContext, review: ReviewRow): { review: ReviewRow; records: ActionPlanRowRecord[] } | null {
  const earlier = listReviewRowsForSite(ctx.db, review.site_id).filter((other) => firstVisit(other) < firstVisit(review));
  for (const other of earlier) {
    const records = listActionPlanRecords(ctx.db, other.id);
    if (records.length > 0) return { review: other, records };
  }
  return null;
}

/**
 * A stored row as report input, fitted to the report's limits: plan rows may also come from bundles, and a report
 * must not fail because of them. The item's title is taken from the scale the plan's review was scored with.
 */
export function reportPlanRow(record: ActionPlanRowRecord, scale: ScaleVersion): ReportActionPlanRow {
  const title = record.item === null ? undefined : scale.data.items.find((i) => i.number === record.item)?.title;
  const owner = record.owner?.trim().slice(0, 300);
  const notes = record.notes?.trim().slice(0, 20_000);
  return {
    ...(record.item !== null ? { item: record.item } : { freeTitle: record.title!.trim().slice(0, 300) }),
    ...(title ? { title } : {}),
    goal: record.goal.slice(0, 2_000),
    ...(owner ? { owner } : {}),
    ...(record.due_date ? { dueDate: record.due_date } : {}),
    status: record.status,
    ...(notes ? { notes } : {}),
  };
}

/** For the report of `review`: the previous review's action plan (previousPlanReview) as it stands now. */
export function previousActionPlanExtras(ctx: HandlerContext, review: ReviewRow): ReportExtras['previousActionPlan'] {
  const previous = previousPlanReview(ctx, review);
  if (!previous) return undefined;
  const scale = scaleOfReview(ctx, previous.review);
  return {
    reviewDate: firstVisit(previous.review),
    kind: previous.review.kind,
    rows: previous.records.slice(0, 200).map((record) => reportPlanRow(record, scale)),
  };
}
