import type { PreviousItemResult, PreviousResult } from '../../electron/contract/previous-review-contract.ts';
import { useApiQuery } from '../platform/use-api-query.ts';

/** The site's previous final review, as the backend chooses it (previousFinalReview); null while loading or none. */
export function usePreviousResult(reviewId: number): PreviousResult | null {
  const query = useApiQuery('reviews.previousResult', { reviewId });
  return query.data ?? null;
}

export const previousItem = (previous: PreviousResult | null, item: number): PreviousItemResult | null =>
  previous?.items.find((i) => i.item === item) ?? null;
