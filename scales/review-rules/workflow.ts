import { z } from 'zod';

export const REVIEW_STATUSES = ['draft', 'consensus', 'final'] as const;
export const ReviewStatus = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** draft -> consensus -> final; a final review changes only through an amendment (a new review). */
export const STATUS_TRANSITIONS: Readonly<Record<ReviewStatus, readonly ReviewStatus[]>> = {
  draft: ['consensus', 'final'],
  consensus: ['draft', 'final'],
  final: [],
};

export const canMoveTo = (from: ReviewStatus, to: ReviewStatus): boolean => STATUS_TRANSITIONS[from].includes(to);

/** Which statuses allow a reviewer's own ratings, and the consensus ratings, to change. */
export const RATINGS_WRITABLE_IN: readonly ReviewStatus[] = ['draft'];
export const CONSENSUS_WRITABLE_IN: readonly ReviewStatus[] = ['draft', 'consensus'];

interface ReviewerState { completedAt: string | null }

/** Each reviewer's ratings stay private until every reviewer has marked theirs complete (independent rating). */
export const ratingsHidden = (status: ReviewStatus, reviewers: readonly ReviewerState[]): boolean =>
  status === 'draft' && reviewers.length > 1 && reviewers.some((r) => r.completedAt === null);

/**
 * The one rule of blind rating: may `viewerId` (undefined: nobody in particular, e.g. a report or an export) see
 * or write the individual work of reviewer `ownerId` (ratings, evidence, notes, not-rated reasons,
 * recommendations, and anything derived from them such as progress and missing lists)? A reviewer always sees
 * their own; another's only once every reviewer has marked theirs complete (ratingsHidden).
 */
export const reviewerWorkVisible = (status: ReviewStatus, reviewers: readonly ReviewerState[], ownerId: number, viewerId?: number): boolean =>
  ownerId === viewerId || !ratingsHidden(status, reviewers);

/**
 * Which reviews of a site may be compared item by item (issue 13, the site page's comparison of two reviews): only
 * results others may see, a final review's or an agreed consensus, never a draft (where one reviewer's ratings
 * would be blind work in progress, see reviewerWorkVisible).
 */
export const comparableStatus = (status: ReviewStatus): boolean => status === 'final' || status === 'consensus';

/** Why consensus cannot start yet, or null when it can: two or more reviewers, all complete, still a draft. */
export function consensusBlocker(status: ReviewStatus, reviewers: readonly ReviewerState[]): 'not-draft' | 'single-reviewer' | 'reviewers-not-complete' | null {
  if (status !== 'draft') return 'not-draft';
  if (reviewers.length < 2) return 'single-reviewer';
  return reviewers.some((r) => r.completedAt === null) ? 'reviewers-not-complete' : null;
}

/** A review may become final only when every item is decided (a score or a not-rated reason). */
export const canFinalize = (undecidedItems: readonly number[]): boolean => undecidedItems.length === 0;
