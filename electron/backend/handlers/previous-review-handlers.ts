import { previousFinalReview } from '../../../scales/review-rules/previous-review.ts';
import { listRecommendations, listReviewerRecommendations, listReviewers, listReviewRowsForSite, type ReviewRow } from '../store/reviews-store.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { requireReviewRow, resultRatings } from './review-views.ts';

const candidate = (row: ReviewRow) => ({ id: row.id, status: row.status, visitDates: JSON.parse(row.visit_dates) as string[], row });

/** The item recommendations of a final review: its own; a one-reviewer review may have kept them as the reviewer's. */
export function itemRecommendations(ctx: HandlerContext, row: ReviewRow): Map<number, string> {
  const own = listRecommendations(ctx.db, row.id).filter((r) => r.item !== null);
  const fallback = listReviewers(ctx.db, row.id).length === 1 ? listReviewerRecommendations(ctx.db, row.id).filter((r) => r.item !== null) : [];
  const byItem = new Map<number, string>();
  for (const rec of [...fallback, ...own]) byItem.set(rec.item!, rec.text);
  return byItem;
}

export const previousReviewHandlers: HandlerGroup<'reviews.previousResult'> = {
  'reviews.previousResult': ({ reviewId }, ctx) => {
    const current = candidate(requireReviewRow(ctx, reviewId));
    const previous = previousFinalReview(current, listReviewRowsForSite(ctx.db, current.row.site_id).map(candidate));
    if (!previous) return null;
    const { row } = previous;
    const ratings = new Map(resultRatings(ctx, row).map((r) => [r.item, r]));
    const recommendations = itemRecommendations(ctx, row);
    const items = [...new Set([...ratings.keys(), ...recommendations.keys()])].sort((a, b) => a - b).map((item) => {
      const rating = ratings.get(item);
      const evidence = rating?.evidence ?? null;
      return {
        item,
        score: rating?.score ?? null,
        reason: rating?.reason ?? null,
        evidence: evidence !== null && evidence.trim() !== '' ? evidence : null,
        recommendation: recommendations.get(item) ?? null,
      };
    });
    return { reviewId: row.id, kind: row.kind, visitDates: previous.visitDates, scale: { id: row.scale_id, version: row.scale_version }, items };
  },
};
