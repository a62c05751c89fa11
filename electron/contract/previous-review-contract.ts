import { z } from 'zod';
import { Id, ReviewKind } from './entities.ts';
import { call } from './call.ts';


/** One item of the previous final review's result, as it stands in that review. */
export const PreviousItemResult = z.object({
  item: z.number().int().positive(),
  score: z.number().int().nullable(),
  /** A not-rated reason when the item was not scored. */
  reason: z.string().nullable(),
  evidence: z.string().nullable(),
  recommendation: z.string().nullable(),
});
export type PreviousItemResult = z.infer<typeof PreviousItemResult>;

export const PreviousResult = z.object({
  reviewId: Id,
  kind: ReviewKind,
  visitDates: z.array(z.string()),
  scale: z.object({ id: z.string(), version: z.string() }),
  items: z.array(PreviousItemResult),
});
export type PreviousResult = z.infer<typeof PreviousResult>;

export const previousReviewContract = {
  /**
   * The site's previous final review (previousFinalReview in scales/review-rules) with its result per item, or
   * null when there is none. A final result is shared; the blind-rating rule covers only unfinished reviews.
   */
  'reviews.previousResult': call(z.strictObject({ reviewId: Id }), PreviousResult.nullable()),
};
