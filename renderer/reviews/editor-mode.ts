import type { ConsensusRating, ReviewDetail, ReviewerRating } from '../../electron/contract/entities.ts';
import type { NotRatedReason } from '../../scales/scoring.ts';

/**
 * What the editor lets the user change, decided by the review's status and reviewers:
 * - reviewer: a draft; the chosen reviewer's own ratings (ratings.set), locked once they marked them complete;
 * - consensus: an amendment, or a one-reviewer review in consensus status; the result itself (consensus.set);
 * - consensus-elsewhere: two or more reviewers in consensus; decided in the consensus view, shown here read-only;
 * - final: read-only; changes only through an amendment.
 */
export type EditorMode =
  | { kind: 'reviewer'; reviewerId: number; locked: boolean }
  | { kind: 'consensus' }
  | { kind: 'consensus-elsewhere' }
  | { kind: 'final' };

export function editorModeOf(detail: ReviewDetail, viewerId: number | undefined): EditorMode {
  if (detail.status === 'final') return { kind: 'final' };
  if (detail.status === 'consensus') {
    return detail.amendment !== null || detail.reviewers.length <= 1 ? { kind: 'consensus' } : { kind: 'consensus-elsewhere' };
  }
  const reviewer = detail.reviewers.find((r) => r.id === viewerId) ?? detail.reviewers[0];
  if (!reviewer) return { kind: 'consensus' };
  return { kind: 'reviewer', reviewerId: reviewer.id, locked: reviewer.completedAt !== null };
}

/**
 * Whose recommendations the editor writes: with two or more reviewers rating a draft, the reviewer's own (private
 * until all complete, then pre-filled into the review's at consensus); otherwise the review's own (undefined).
 */
export const recommendationOwner = (detail: ReviewDetail, mode: EditorMode): number | undefined =>
  mode.kind === 'reviewer' && detail.reviewers.length > 1 ? mode.reviewerId : undefined;

export const canEditRatings = (mode: EditorMode) => (mode.kind === 'reviewer' && !mode.locked) || mode.kind === 'consensus';
/**
 * Recommendations and strengths: the review's are editable until final; a reviewer's own (owner) recommendations
 * are locked like their ratings once they marked them complete.
 */
export const canEditReviewTexts = (mode: EditorMode, owner?: number) =>
  mode.kind !== 'final' && !(owner !== undefined && mode.kind === 'reviewer' && mode.locked);

/** One item's rating as the editor holds it: text fields as strings, '' for nothing. */
export interface ItemDraft {
  score: number | null;
  reason: NotRatedReason | null;
  reasonNote: string;
  evidence: string;
  /** Consensus only: why the result differs from every reviewer's own rating. */
  justification: string;
}

export const EMPTY_DRAFT: ItemDraft = { score: null, reason: null, reasonNote: '', evidence: '', justification: '' };

export type ItemState = 'rated' | 'not-rated' | 'missing';
export const itemStateOf = (draft: ItemDraft | undefined): ItemState =>
  draft?.score != null ? 'rated' : draft?.reason != null ? 'not-rated' : 'missing';

const draftOf = (rating: ReviewerRating | ConsensusRating): ItemDraft => ({
  score: rating.score,
  reason: rating.reason,
  reasonNote: rating.reasonNote ?? '',
  evidence: rating.evidence ?? '',
  justification: 'justification' in rating ? (rating.justification ?? '') : '',
});

/** The ratings the mode shows: the reviewer's own, or the result (consensus, or a single reviewer's ratings). */
export function draftsFor(detail: ReviewDetail, mode: EditorMode): Record<number, ItemDraft> {
  let ratings: (ReviewerRating | ConsensusRating)[];
  if (mode.kind === 'reviewer') ratings = detail.ratings.filter((r) => r.reviewerId === mode.reviewerId);
  else if (detail.consensus.length > 0 || detail.reviewers.length !== 1) ratings = detail.consensus;
  else ratings = detail.ratings;
  return Object.fromEntries(ratings.map((r) => [r.item, draftOf(r)]));
}

/** The same text as the editor's key for the mode, so a change of mode or reviewer reloads the drafts. */
export const modeKey = (mode: EditorMode) => (mode.kind === 'reviewer' ? `reviewer:${mode.reviewerId}:${mode.locked}` : mode.kind);

const textOrNull = (text: string) => (text.trim() === '' ? null : text);

/** The API's rating value for a draft. */
export function ratingValue(item: number, draft: ItemDraft) {
  return {
    item,
    score: draft.score,
    reason: draft.score === null ? draft.reason : null,
    reasonNote: draft.score === null && draft.reason !== null ? textOrNull(draft.reasonNote) : null,
    evidence: textOrNull(draft.evidence),
  };
}
