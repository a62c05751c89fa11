import { useEffect, useRef, useState } from 'react';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { useApiQuery } from '../platform/use-api-query.ts';

const storageKey = (reviewId: number) => `ips.review.${reviewId}.viewer`;

function storedViewer(reviewId: number): number | undefined {
  try {
    const value = Number(window.sessionStorage.getItem(storageKey(reviewId)));
    return Number.isInteger(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A review as one of its reviewers sees it (other reviewers' ratings are hidden until all have completed).
 * The reviewer looking is remembered for the session, and defaults to the first reviewer.
 *
 * `current` is true only when the data answers the present request: right after the reviewer changes, the
 * query still holds the previous reviewer's view for one render, and the editor must not take its ratings
 * for the new reviewer's.
 */
export function useReviewDetail(reviewId: number) {
  const [viewerId, setViewerId] = useState<number | undefined>(() => storedViewer(reviewId));
  const input = viewerId === undefined ? { id: reviewId } : { id: reviewId, viewerId };
  const query = useApiQuery('reviews.get', input);
  const inputKey = JSON.stringify(input);
  const loadingSeenFor = useRef<string | null>(null);
  if (query.status === 'loading') loadingSeenFor.current = inputKey;
  const current = query.status === 'ready' && loadingSeenFor.current === inputKey;

  const reviewers = query.data?.reviewers;
  useEffect(() => {
    if (!reviewers || reviewers.length === 0) return;
    if (viewerId === undefined || !reviewers.some((r) => r.id === viewerId)) setViewerId(reviewers[0]!.id);
  }, [reviewers, viewerId]);

  const chooseViewer = (id: number) => {
    setViewerId(id);
    try {
      window.sessionStorage.setItem(storageKey(reviewId), String(id));
    } catch {
      // Without storage the choice lasts until the page is left.
    }
  };

  const detail: ReviewDetail | undefined = query.data;
  const viewerKnown = detail !== undefined && (detail.reviewers.length === 0 || detail.reviewers.some((r) => r.id === viewerId));
  return { query, detail, current: current && viewerKnown, viewerId, chooseViewer };
}

export type ReviewDetailView = ReturnType<typeof useReviewDetail>;
