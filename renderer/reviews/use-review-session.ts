import { useCallback, useRef, useState } from 'react';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import type { NotRatedReason } from '../../scales/scoring.ts';
import { useApi } from '../platform/api-context.tsx';
import { useApiQuery } from '../platform/use-api-query.ts';
import { draftsFor, EMPTY_DRAFT, editorModeOf, modeKey, ratingValue, recommendationOwner, type EditorMode, type ItemDraft } from './editor-mode.ts';
import type { SaveQueue } from '../platform/save-queue.ts';
import { useSaveQueue } from '../platform/use-save-queue.ts';

/** What a save is about, for the list of failed saves. */
export type SaveTarget =
  | { kind: 'rating'; item: number }
  | { kind: 'recommendation'; item: number }
  | { kind: 'overall' }
  | { kind: 'strengths' };

/** Text waits for a pause in typing before it is saved (and is saved at once on leaving the field). */
export const TEXT_SAVE_DELAY_MS = 600;

interface Session {
  key: string;
  mode: EditorMode;
  /** Whose recommendations are edited: a reviewer's own, or the review's (undefined). */
  owner: number | undefined;
  drafts: Record<number, ItemDraft>;
  recommendations: Record<number, string>;
  overall: string;
  strengths: string;
}

const ratingKey = (mode: EditorMode, item: number) => `rating:${mode.kind === 'reviewer' ? mode.reviewerId : 'result'}:${item}`;
const recommendationKey = (owner: number | undefined, item: number | null) => `recommendation:${owner ?? 'review'}:${item ?? 'review'}`;
const STRENGTHS_KEY = 'strengths';

/** The values to edit, from the review; a value still waiting to be saved wins over the stored one. */
function startSession(detail: ReviewDetail, mode: EditorMode, items: readonly number[], queue: SaveQueue<SaveTarget>): Session {
  const drafts = draftsFor(detail, mode);
  const owner = recommendationOwner(detail, mode);
  const stored = owner === undefined ? detail.recommendations : detail.reviewerRecommendations.filter((r) => r.reviewerId === owner);
  const recommendations: Record<number, string> = {};
  for (const rec of stored) if (rec.item !== null) recommendations[rec.item] = rec.text;
  for (const item of items) {
    const pendingDraft = queue.pendingValue(ratingKey(mode, item)) as ItemDraft | undefined;
    if (pendingDraft) drafts[item] = pendingDraft;
    const pendingText = queue.pendingValue(recommendationKey(owner, item)) as string | undefined;
    if (pendingText !== undefined) recommendations[item] = pendingText;
  }
  const overall = (queue.pendingValue(recommendationKey(owner, null)) as string | undefined) ?? stored.find((r) => r.item === null)?.text ?? '';
  const strengths = (queue.pendingValue(STRENGTHS_KEY) as string | undefined) ?? detail.strengths ?? '';
  return { key: modeKey(mode), mode, owner, drafts, recommendations, overall, strengths };
}

/**
 * The editor's working copy of a review and its autosave: each change shows at once, is saved (ratings at once,
 * text after a pause), and the live score follows each saved rating.
 */
export function useReviewSession(detail: ReviewDetail, current: boolean, viewerId: number | undefined, items: readonly number[], reloadDetail: () => void) {
  const api = useApi();
  const reviewId = detail.id;
  const liveMode = editorModeOf(detail, viewerId);
  const reloadScoreRef = useRef<() => void>(() => {});
  const { queue, snapshot } = useSaveQueue<SaveTarget>({
    onSaved: (_key, target) => {
      if (target.kind === 'rating') reloadScoreRef.current();
    },
    // Checks (missing evidence, amendment changes) are worked out by the backend: fetch them once all is saved.
    onSettled: reloadDetail,
  });

  const [session, setSession] = useState<Session | null>(null);
  const sessionRef = useRef<Session | null>(session);
  if (current && (session === null || session.key !== modeKey(liveMode))) {
    const started = startSession(detail, liveMode, items, queue);
    sessionRef.current = started;
    setSession(started);
  }
  const mode = session?.mode ?? liveMode;

  const scoring = useApiQuery('scoring.review', mode.kind === 'reviewer' ? { reviewId, reviewerId: mode.reviewerId } : { reviewId });
  reloadScoreRef.current = scoring.reload;

  const update = useCallback((change: (s: Session) => Session) => {
    const before = sessionRef.current;
    if (!before) return;
    const after = change(before);
    sessionRef.current = after;
    setSession(after);
  }, []);

  const changeDraft = useCallback(
    (item: number, change: Partial<ItemDraft>, delayMs = 0) => {
      update((s) => {
        const draft = { ...EMPTY_DRAFT, ...s.drafts[item], ...change };
        const m = s.mode;
        if (m.kind === 'reviewer') {
          queue.set(ratingKey(m, item), draft, (d) => api.call('ratings.set', { reviewId, reviewerId: m.reviewerId, ...ratingValue(item, d) }), { kind: 'rating', item }, delayMs);
        } else if (m.kind === 'consensus') {
          const justification = (d: ItemDraft) => (d.justification.trim() === '' ? null : d.justification);
          queue.set(ratingKey(m, item), draft, (d) => api.call('consensus.set', { reviewId, ...ratingValue(item, d), justification: justification(d) }), { kind: 'rating', item }, delayMs);
        } else {
          return s; // read-only
        }
        return { ...s, drafts: { ...s.drafts, [item]: draft } };
      });
    },
    [api, queue, reviewId, update],
  );

  const actions = {
    setScore: (item: number, score: number) => changeDraft(item, { score, reason: null, reasonNote: '' }),
    setNotRated: (item: number, reason: NotRatedReason, reasonNote: string) => changeDraft(item, { score: null, reason, reasonNote }),
    setEvidence: (item: number, evidence: string) => changeDraft(item, { evidence }, TEXT_SAVE_DELAY_MS),
    setJustification: (item: number, justification: string) => changeDraft(item, { justification }, TEXT_SAVE_DELAY_MS),
    setRecommendation: (item: number, text: string) =>
      update((s) => {
        const owner = s.owner === undefined ? {} : { reviewerId: s.owner };
        queue.set(recommendationKey(s.owner, item), text, (t) => api.call('recommendations.set', { reviewId, ...owner, item, text: t }), { kind: 'recommendation', item }, TEXT_SAVE_DELAY_MS);
        return { ...s, recommendations: { ...s.recommendations, [item]: text } };
      }),
    setOverall: (text: string) =>
      update((s) => {
        const owner = s.owner === undefined ? {} : { reviewerId: s.owner };
        queue.set(recommendationKey(s.owner, null), text, (t) => api.call('recommendations.set', { reviewId, ...owner, item: null, text: t }), { kind: 'overall' }, TEXT_SAVE_DELAY_MS);
        return { ...s, overall: text };
      }),
    setStrengths: (text: string) =>
      update((s) => {
        queue.set(STRENGTHS_KEY, text, (t) => api.call('reviews.setStrengths', { reviewId, text: t }), { kind: 'strengths' }, TEXT_SAVE_DELAY_MS);
        return { ...s, strengths: text };
      }),
    /** Saves what is typed now (on leaving a text field). */
    flush: () => queue.flush(),
    retryNow: () => queue.retryNow(),
  };

  return { session, mode, scoring, saveState: snapshot, allSaved: !snapshot.busy && snapshot.failures.length === 0, actions };
}

export type ReviewSession = ReturnType<typeof useReviewSession>;
