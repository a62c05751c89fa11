import type { ReportExtras } from '../../../reports/report-input.ts';
import { previousFinalReview } from '../../../scales/review-rules/previous-review.ts';
import { itemsMapOneToOne } from '../../../scales/scale-comparability.ts';
import { listReviewRowsForSite, type ReviewRow } from '../store/reviews-store.ts';
import type { HandlerContext } from './handler-context.ts';
import { resultRatings, reviewSummary, scaleOfReview } from './review-views.ts';

const candidate = (row: ReviewRow) => ({ id: row.id, status: row.status, visitDates: JSON.parse(row.visit_dates) as string[], row });

/**
 * For the report's "what changed since the previous review": the site's previous final review (previousFinalReview,
 * as the editor's previous-result column) with its total and band, and each item's score when its scale version
 * maps one to one onto this review's. Undefined when the site has none.
 */
export function previousReviewExtras(ctx: HandlerContext, row: ReviewRow): ReportExtras['previousReview'] {
  const previous = previousFinalReview(candidate(row), listReviewRowsForSite(ctx.db, row.site_id).map(candidate));
  if (!previous) return undefined;
  const { score, kind, visitDates } = reviewSummary(ctx, previous.row);
  const comparable = itemsMapOneToOne(scaleOfReview(ctx, previous.row), scaleOfReview(ctx, row));
  return {
    reviewDate: [...visitDates].sort()[0]!,
    kind,
    total: score.total,
    estimate: score.estimate,
    band: score.band,
    ...(comparable ? { scores: resultRatings(ctx, previous.row).filter((r) => r.score !== null).map((r) => ({ item: r.item, score: r.score })) } : {}),
  };
}
