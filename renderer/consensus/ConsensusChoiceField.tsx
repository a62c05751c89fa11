import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyFromPrevious } from '../components/CopyFromPrevious.tsx';
import { ScoresLowestAdvice } from '../components/ScoresLowestAdvice.tsx';
import type { ConsensusRating } from '../../electron/contract/entities.ts';
import { useApi } from '../platform/api-context.tsx';
import { choiceOf, isDisagreement, isReason, needsJustification, NOT_RATED_REASONS, ratingOfChoice, type Choice } from './consensus-choice.ts';
import { SaveIndicator } from '../components/SaveIndicator.tsx';
import { useAutosave, useDebounced } from '../platform/use-autosave.ts';

interface Draft {
  choice: Choice;
  justification: string;
  reasonNote: string;
  /** The consensus evidence (pre-filled by consensus.start from every reviewer's text), for the report. */
  evidence: string;
}

interface ConsensusChoiceFieldProps {
  reviewId: number;
  item: number;
  /** The item's title, for the control's accessible name. */
  itemLabel: string;
  scores: readonly number[];
  /** The score the scale gives this item when the service lacks what it asks, or null (scoresLowestWhenModelDiffers). */
  lowestScore: number | null;
  /** The consensus as stored (pre-filled by consensus.start where all reviewers agreed). */
  stored: ConsensusRating | undefined;
  /** The reviewers' outcomes for this item, to know when consensus differs from all of them. */
  reviewerChoices: readonly Choice[];
  /** The item's evidence in the site's previous final review, offered for copying forward; null when there is none. */
  previousEvidence?: string | null;
  onSaved: (rating: ConsensusRating) => void;
  /** True while a change is not yet stored (saving or failed), so finalizing can wait for it. */
  onPendingChange: (item: number, pending: boolean) => void;
}

const TEXT_SAVE_DELAY_MS = 800;

/** The id of an item's consensus select, so other parts of the page can move focus to it. */
export const consensusControlId = (item: number) => `consensus-item-${item}`;

/**
 * The consensus value of one item: a select (score, or not rated with a reason), a reason note for "not rated",
 * and a justification where consensus differs from every reviewer. Every change is saved at once.
 */
export function ConsensusChoiceField({ reviewId, item, itemLabel, scores, lowestScore, stored, reviewerChoices, previousEvidence = null, onSaved, onPendingChange }: ConsensusChoiceFieldProps) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => ({
    choice: choiceOf(stored),
    justification: stored?.justification ?? '',
    reasonNote: stored?.reasonNote ?? '',
    evidence: stored?.evidence ?? '',
  }));

  const autosave = useAutosave('consensus.set', async (value: Draft) => {
    const saved = await api.call('consensus.set', {
      reviewId,
      item,
      ...ratingOfChoice(value.choice),
      reasonNote: isReason(value.choice) && value.reasonNote.trim() !== '' ? value.reasonNote : null,
      evidence: value.evidence.trim() === '' ? null : value.evidence,
      justification: value.justification.trim() === '' ? null : value.justification,
    });
    onSaved(saved);
  });
  const debounced = useDebounced(autosave.save, TEXT_SAVE_DELAY_MS);

  const pending = autosave.state.status === 'saving' || autosave.state.status === 'error';
  useEffect(() => onPendingChange(item, pending), [item, pending, onPendingChange]);

  const issues = autosave.state.status === 'error' ? autosave.state.error.issues : [];
  const justificationProblem = issues.some((i) => i.code === 'justification-required' || i.path === 'justification');
  const reasonNoteProblem = issues.some((i) => i.path === 'reasonNote');
  const justificationRequired = needsJustification(draft.choice, reviewerChoices);
  // Where the reviewers differed the record says why the consensus is what it is (required when it differs from all).
  const showJustification = justificationRequired || isDisagreement(reviewerChoices) || draft.justification !== '' || justificationProblem;

  function change(next: Draft, at: 'now' | 'later') {
    setDraft(next);
    debounced.call(next);
    if (at === 'now') debounced.flush();
  }

  const justificationId = `${id}-justification`;
  const evidenceId = `${id}-evidence`;
  const reasonNoteId = `${id}-reason-note`;
  return (
    <div className="consensus-field">
      <label htmlFor={consensusControlId(item)} className="visually-hidden">
        {t('consensus.choice.label', { item: itemLabel })}
      </label>
      <select id={consensusControlId(item)} value={draft.choice} onChange={(e) => change({ ...draft, choice: e.target.value }, 'now')}>
        <option value="">{t('consensus.choice.undecided')}</option>
        {scores.map((score) => (
          <option key={score} value={String(score)}>
            {String(score)}
          </option>
        ))}
        {NOT_RATED_REASONS.map((reason) => (
          <option key={reason} value={reason}>
            {t('consensus.choice.notRated', { reason: t(`consensus.reasons.${reason}`) })}
          </option>
        ))}
      </select>

      <ScoresLowestAdvice shown={draft.choice === 'model-differs' && lowestScore !== null} score={lowestScore ?? 1} onScore={() => change({ ...draft, choice: String(lowestScore) }, 'now')} />

      {isReason(draft.choice) && (
        <div className="field">
          <label htmlFor={reasonNoteId}>
            {t('consensus.reasonNote.label')} <span className="required-mark">{t('siteForm.required')}</span>
          </label>
          <p id={`${reasonNoteId}-hint`} className="field-hint">
            {t(`review.notRated.noteHint.${draft.choice}`)}
          </p>
          <textarea
            id={reasonNoteId}
            rows={2}
            required
            value={draft.reasonNote}
            aria-invalid={reasonNoteProblem ? true : undefined}
            aria-describedby={reasonNoteProblem ? `${reasonNoteId}-hint ${reasonNoteId}-error` : `${reasonNoteId}-hint`}
            onChange={(e) => change({ ...draft, reasonNote: e.target.value }, 'later')}
            onBlur={debounced.flush}
          />
          {reasonNoteProblem && (
            <p id={`${reasonNoteId}-error`} className="field-error">
              {t('consensus.reasonNote.required')}
            </p>
          )}
        </div>
      )}

      {showJustification && (
        <div className="field">
          <label htmlFor={justificationId}>
            {t('consensus.justification.label')} {justificationRequired && <span className="required-mark">{t('consensus.justification.requiredMark')}</span>}
          </label>
          <textarea
            id={justificationId}
            rows={2}
            value={draft.justification}
            aria-invalid={justificationProblem ? true : undefined}
            aria-describedby={`${justificationId}-hint${justificationProblem ? ` ${justificationId}-error` : ''}`}
            onChange={(e) => change({ ...draft, justification: e.target.value }, 'later')}
            onBlur={debounced.flush}
          />
          <p id={`${justificationId}-hint`} className="field-hint">
            {t(justificationRequired ? 'consensus.justification.hint' : 'consensus.justification.hintDiffered')}
          </p>
          {justificationProblem && (
            <p id={`${justificationId}-error`} className="field-error">
              {t('consensus.justification.required')}
            </p>
          )}
        </div>
      )}

      <div className="field">
        <label htmlFor={evidenceId}>
          {t('consensus.evidence.label')}
          <span className="visually-hidden"> – {itemLabel}</span>
        </label>
        <p id={`${evidenceId}-hint`} className="field-hint">
          {t('consensus.evidence.hint')}
        </p>
        <textarea
          id={evidenceId}
          rows={3}
          value={draft.evidence}
          aria-describedby={`${evidenceId}-hint`}
          onChange={(e) => change({ ...draft, evidence: e.target.value }, 'later')}
          onBlur={debounced.flush}
        />
      </div>
      {previousEvidence && (
        <CopyFromPrevious field={`${t('consensus.evidence.label')} – ${itemLabel}`} text={previousEvidence} current={draft.evidence} onCopy={(text) => change({ ...draft, evidence: text }, 'now')} />
      )}

      <SaveIndicator state={autosave.state} onRetry={autosave.retry} handledAtField={justificationProblem || reasonNoteProblem} />
    </div>
  );
}
