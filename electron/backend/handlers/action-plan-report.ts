import type { ReportExtras } from '../../../reports/report-input.ts';
import { listActionPlanRecords } from '../store/action-plan-store.ts';
import { listReviewRowsForSite, type ReviewRow } from '../store/reviews-store.ts';
import type { HandlerContext } from './handler-context.ts';
import { scaleOfReview } from './review-views.ts';

const firstVisit = (row: ReviewRow) => (JSON.parse(row.visit_dates) as string[])[0]!;

/**
 * For the report of `review`: the action plan of the site's latest review visited before it that has a plan, as it
 * stands now. "Before" is strict, so an amendment (same visit dates as its original) never reports its original's
 * plan as "previous". The values are fitted to the report's limits here: plan rows may also come from bundles,
 * and a report must not fail because of them.
 */
export function previousActionPlanExtras(ctx: HandlerContext, review: ReviewRow): ReportExtras['previousActionPlan'] {
  const earlier = listReviewRowsForSite(ctx.db, review.site_id).filter((other) => firstVisit(other) < firstVisit(review));
  for (const other of earlier) {
    const records = listActionPlanRecords(ctx.db, other.id);
    if (records.length === 0) continue;
    const items = scaleOfReview(ctx, other).data.items;
    return {
      reviewDate: firstVisit(other),
      kind: other.kind,
      rows: records.slice(0, 200).map((record) => {
        const title = items.find((i) => i.number === record.item)?.title;
        const owner = record.owner?.trim().slice(0, 300);
        return {
          item: record.item,
          ...(title ? { title } : {}),
          goal: record.goal.slice(0, 2_000),
          ...(owner ? { owner } : {}),
          ...(record.due_date ? { dueDate: record.due_date } : {}),
          status: record.status,
        };
      }),
    };
  }
  return undefined;
}
