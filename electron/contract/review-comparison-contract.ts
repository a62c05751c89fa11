import { z } from 'zod';
import { FidelityScoreTotals } from '../../scales/scoring.ts';
import { Id, ReviewKind, ReviewStatus } from './entities.ts';
import { call } from './call.ts';


/** A review of the site whose result may be compared (comparableStatus: final or consensus). */
export const ComparableReview = z.object({
  id: Id,
  kind: ReviewKind,
  status: ReviewStatus,
  visitDates: z.array(z.string()),
  scale: z.object({ id: z.string(), version: z.string() }),
});
export type ComparableReview = z.infer<typeof ComparableReview>;

const Outcome = z.object({ score: z.number().int().nullable(), reason: z.string().nullable() });
const Subtotal = z.object({ ratedItems: z.number().int(), rawTotal: z.number().int() });

/** compareReviews (scales/review-rules/review-comparison.ts) as the API gives it. */
export const ReviewComparisonResult = z.discriminatedUnion('comparable', [
  z.object({
    comparable: z.literal(true),
    items: z.array(z.object({
      item: z.number().int(),
      section: z.string(),
      before: Outcome,
      after: Outcome,
      change: z.enum(['up', 'down', 'same']).nullable(),
      difference: z.number().int().nullable(),
    })),
    sections: z.array(z.object({ key: z.string(), totalItems: z.number().int(), before: Subtotal, after: Subtotal })),
    before: FidelityScoreTotals,
    after: FidelityScoreTotals,
    counts: z.object({ up: z.number().int(), down: z.number().int(), same: z.number().int(), notCompared: z.number().int() }),
  }),
  z.object({ comparable: z.literal(false), mismatches: z.array(z.string()) }),
]);
export type ReviewComparisonResult = z.infer<typeof ReviewComparisonResult>;

export const reviewComparisonContract = {
  /**
   * Two reviews of a site item by item (issue 13). reviewIds: the two to compare, in any order; without them the
   * default pair (the newest final review and the final one before it). Only final and consensus results are
   * compared, never a draft's (blind) work in progress. `chosen` is [earlier, later]; null with fewer than two
   * comparable reviews.
   */
  'reviews.compareTwo': call(
    z.strictObject({
      siteId: Id,
      reviewIds: z.tuple([Id, Id]).refine(([a, b]) => a !== b, 'choose two different reviews').optional(),
    }),
    z.object({
      candidates: z.array(ComparableReview),
      chosen: z.tuple([Id, Id]).nullable(),
      comparison: ReviewComparisonResult.nullable(),
    }),
  ),
};
