import type { ReviewStatus } from './workflow.ts';

/** What the choice needs to know of a review. */
export interface SiteResultCandidate {
  status: ReviewStatus;
  /** Items with a score in the review's result. */
  ratedItems: number;
}

export interface SiteResultChoice<T> {
  /** The review whose result stands for the site: the newest final one; with none final, the newest with a rated item. */
  result: T | null;
  /** A newer review still in progress (draft or consensus), shown beside the result as work in progress. */
  inProgress: T | null;
}

/**
 * Which of a site's reviews (newest first) gives the site's result. A new, still empty draft must not hide the
 * last final result (issue 13): the site list, the CLI and bundles show the newest final review, and a newer
 * unfinished review only as "in progress". A site that has never finished a review shows its newest review with
 * anything rated, marked with its status.
 */
export function siteResultChoice<T extends SiteResultCandidate>(newestFirst: readonly T[]): SiteResultChoice<T> {
  const final = newestFirst.findIndex((review) => review.status === 'final');
  const resultIndex = final >= 0 ? final : newestFirst.findIndex((review) => review.ratedItems > 0);
  const result = resultIndex >= 0 ? newestFirst[resultIndex]! : null;
  const newer = resultIndex >= 0 ? newestFirst.slice(0, resultIndex) : newestFirst;
  const inProgress = newer.find((review) => review.status !== 'final') ?? null;
  return { result, inProgress };
}
