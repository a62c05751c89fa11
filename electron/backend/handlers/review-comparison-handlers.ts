import { ApiFailure } from '../../contract/api-error.ts';
import { compareReviews, comparableStatus, defaultComparisonPair, inTimeOrder } from '../../../scales/review-rules/review-comparison.ts';
import { getSite } from '../store/sites-store.ts';
import { listReviewRowsForSite, type ReviewRow } from '../store/reviews-store.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { resultRatings, scaleOfReview } from './review-views.ts';

const candidate = (row: ReviewRow) => ({ id: row.id, status: row.status, visitDates: JSON.parse(row.visit_dates) as string[], row });
type Candidate = ReturnType<typeof candidate>;

const compared = (ctx: HandlerContext, { row }: Candidate) => ({ scale: scaleOfReview(ctx, row).data, ratings: resultRatings(ctx, row) });

/** The two reviews asked for, each a comparable review of this site; otherwise a specific refusal. */
function chosenPair(candidates: readonly Candidate[], siteRows: readonly ReviewRow[], ids: readonly [number, number]): [Candidate, Candidate] {
  const [a, b] = ids.map((id, index) => {
    const found = candidates.find((c) => c.id === id);
    if (found) return found;
    const row = siteRows.find((r) => r.id === id);
    if (!row) throw new ApiFailure('not-found', { entity: 'review', id, issues: [{ path: `reviewIds.${index}`, code: 'not-a-review-of-the-site', message: `review ${id} is not a review of this site` }] });
    throw new ApiFailure('conflict', {
      issues: [{ path: `reviewIds.${index}`, code: 'result-not-visible', message: `review ${id} is a draft: only final and consensus results are compared` }],
    });
  }) as [Candidate, Candidate];
  return inTimeOrder(a, b);
}

export const reviewComparisonHandlers: HandlerGroup<'reviews.compareTwo'> = {
  'reviews.compareTwo': ({ siteId, reviewIds }, ctx) => {
    if (!getSite(ctx.db, siteId)) throw new ApiFailure('not-found', { entity: 'site', id: siteId });
    const siteRows = listReviewRowsForSite(ctx.db, siteId);
    const candidates = siteRows.map(candidate).filter((c) => comparableStatus(c.status));
    const pair = reviewIds ? chosenPair(candidates, siteRows, reviewIds) : defaultComparisonPair(candidates);
    return {
      candidates: candidates.map(({ row, visitDates }) => ({
        id: row.id, kind: row.kind, status: row.status, visitDates, scale: { id: row.scale_id, version: row.scale_version },
      })),
      chosen: pair ? [pair[0].id, pair[1].id] : null,
      comparison: pair ? compareReviews(compared(ctx, pair[0]), compared(ctx, pair[1])) : null,
    };
  },
};
